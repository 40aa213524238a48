/// The literal strings a match of a pattern cannot do without, read from the pattern itself:
/// `\b(?:unable to|cannot)\s+(?:sit|stand)\b` cannot match a sentence that holds neither
/// "unable to" nor "cannot", nor one that holds neither "sit" nor "stand".
///
/// `TextPattern` asks it before running its expression, since most patterns match few of the
/// sentences they are run on and ICU tries every alternative at nearly every position. Each
/// branch of a pattern's outermost alternation (`a|b|c`) has its own requirements, and the
/// text may match when it meets those of one branch: a pattern whose branches each name a
/// rare word is not run on every sentence that holds a word common to all of them. The
/// answer is exact, compared without letter case as the patterns are, except for text with a
/// character outside ASCII that Unicode case folding changes ("É", "ﬁ" is "fi", "K" is
/// "k"), or with a decimal digit outside ASCII ("٣", which `\d` matches), which is always
/// handed to the expression.
struct RequiredLiterals: Sendable {
  /// One branch of the outermost alternation.
  struct Branch: Sendable {
    /// The branch as the pattern writes it.
    let source: String
    /// The number of capture groups it holds.
    let groups: Int
    /// The choices a match by this branch meets every one of, fewest literals first.
    fileprivate let choices: [LiteralChoice]
  }

  /// The outermost branches, in order; one when the pattern is no alternation.
  let branches: [Branch]
  /// Every branch's choices, for the text to be asked in one pass.
  private let program: LiteralProgram
  /// Whether the pattern refers back to a group by number (`\1`), which ties its branches
  /// together.
  let hasBackreference: Bool

  /// Reads the literals a pattern requires, or returns `nil` when the pattern can match
  /// without any (an optional first word, a bare `\d+`) or uses syntax this reader does not
  /// know, in which case the expression is always run.
  init?(pattern: String) {
    var reader = PatternReader(Array(pattern.unicodeScalars))
    guard let read = try? reader.readBranches() else { return nil }
    branches = read.map {
      Branch(
        source: $0.source, groups: $0.groups,
        choices: $0.choices.compactMap(LiteralChoice.init).sorted { $0.count < $1.count })
    }
    hasBackreference = reader.hasBackreference
    guard branches.allSatisfy({ !$0.choices.isEmpty }) else { return nil }
    program = LiteralProgram(branches: branches.map { $0.choices.map(\.literals) })
  }

  /// The branches by which `text` may hold a match: the first, and whether it is the only
  /// one. A branch is ruled out only when the text lacks every literal of one of its
  /// choices.
  func candidateBranches(in text: SearchableText) -> (first: Int?, isOnly: Bool) {
    text.candidateBranches(program)
  }

  /// Whether `text` may hold a match: `false` only when, for every branch, it lacks every
  /// literal of one of the branch's choices.
  func mayMatch(_ text: SearchableText) -> Bool { candidateBranches(in: text).first != nil }

  /// Whether `text` may hold a match (see `mayMatch(_:)` above).
  func mayMatch(_ text: String) -> Bool { mayMatch(SearchableText.of(text)) }
}

/// Literals of which a match holds at least one, as lower-cased bytes.
private struct LiteralChoice: Sendable {
  /// The literals, as lower-cased bytes, in a fixed order.
  let literals: [[UInt8]]
  /// How many literals it holds: a choice of few is cheap to ask about first.
  let count: Int

  /// The choice of `literals`; `nil` when one holds a character outside ASCII that case
  /// folding changes, which text may hold in another form.
  init?(_ literals: Set<[Unicode.Scalar]>) {
    var found: [[UInt8]] = []
    for literal in literals {
      if literal.contains(where: { !$0.isASCII && $0.properties.changesWhenCaseFolded }) {
        return nil
      }
      found.append(utf8(of: literal[...]).map(Self.lowercased))
    }
    // In a fixed order (a set's order changes from run to run), so every run does the same.
    self.literals = found.sorted { $0.lexicographicallyPrecedes($1) }
    count = found.count
  }

  private static func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
  }
}

/// The UTF-8 bytes of `scalars`, encoded one by one: building a `String` from a
/// `String.UnicodeScalarView` of a slice took a fifth of reading the detectors' patterns when
/// a worker starts.
private func utf8(of scalars: ArraySlice<Unicode.Scalar>) -> [UInt8] {
  var bytes: [UInt8] = []
  bytes.reserveCapacity(scalars.count)
  for scalar in scalars {
    if scalar.isASCII {
      bytes.append(UInt8(scalar.value))
    } else {
      bytes += Array(String(Character(scalar)).utf8)
    }
  }
  return bytes
}

/// A syntax `PatternReader` does not read; the pattern is then always run.
private struct UnreadableSyntax: Error {}

/// Literals of which a match holds at least one.
private typealias Choice = Set<[Unicode.Scalar]>

/// Reads an ICU regular expression far enough to know the literals each part requires, as
/// choices that must all be met.
///
/// A sequence requires what each of its parts requires; an alternation requires, for a
/// choice of each branch, one of the literals of either; `\d` requires one of the ten digits
/// and a class listing a few ASCII characters one of them; a part that may be absent (`?`,
/// `*`, `{0,n}`), a lookaround, a negated or larger class or an escape like `\s` requires
/// nothing. Only the few most selective choices are kept: leaving a choice out only means
/// running the expression on more text.
private struct PatternReader {
  private let scalars: [Unicode.Scalar]
  private var position = 0
  /// Whether an escape read so far refers back to a group by number.
  private(set) var hasBackreference = false
  /// The capture groups read so far.
  private var captureGroups = 0

  init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

  /// The branches of the outermost alternation, in order, each with its source and the
  /// choices it requires; a branch with none can match without a literal.
  mutating func readBranches() throws(UnreadableSyntax) -> [(
    source: String, choices: [Choice], groups: Int
  )] {
    var branches: [(source: String, choices: [Choice], groups: Int)] = []
    repeat {
      let start = position
      let groupsBefore = captureGroups
      let choices = try readSequence()
      let source = String(decoding: utf8(of: scalars[start..<position]), as: UTF8.self)
      branches.append((source, choices, captureGroups - groupsBefore))
    } while take("|")
    guard position == scalars.count else { throw UnreadableSyntax() }
    return branches
  }

  private var next: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

  /// Takes `text` (one or two ASCII marks) when the pattern continues with it.
  private mutating func take(_ text: StaticString) -> Bool {
    let count = text.utf8CodeUnitCount
    guard scalars.count - position >= count else { return false }
    for offset in 0..<count
    where scalars[position + offset].value != UInt32(text.utf8Start[offset]) {
      return false
    }
    position += count
    return true
  }

  private mutating func readAlternation() throws(UnreadableSyntax) -> [Choice] {
    var required = try readSequence()
    while take("|") {
      let branch = try readSequence()
      let either = required.flatMap { choice in branch.map { choice.union($0) } }
      required = Self.mostSelective(either)
    }
    return required
  }

  private mutating func readSequence() throws(UnreadableSyntax) -> [Choice] {
    var required: [Choice] = []
    var run: [Unicode.Scalar] = []
    func endRun() {
      if !run.isEmpty { required.append([run]) }
      run = []
    }

    while let scalar = next, scalar != "|", scalar != ")" {
      let part = try readPart()
      let repetition = try readQuantifier()
      switch (part, repetition) {
      case (.literal(let literal), .once):
        run.append(literal)
      case (.literal(let literal), .atLeastOnce):
        // "xa+b" matches "xaab", which holds "xa" but not "xab".
        run.append(literal)
        endRun()
      case (.literal, .maybeNever):
        endRun()
      case (.other(let choices), _):
        endRun()
        if repetition != .maybeNever { required += choices }
      }
    }
    endRun()
    return Self.mostSelective(required)
  }

  /// How often a part may occur, as its quantifier says.
  private enum Repetition {
    case once, atLeastOnce, maybeNever
  }

  private mutating func readQuantifier() throws(UnreadableSyntax) -> Repetition {
    let minimum: Int
    switch next {
    case "?", "*":
      position += 1
      minimum = 0
    case "+":
      position += 1
      minimum = 1
    case "{":
      position += 1
      minimum = try readBounds()
    default:
      return .once
    }
    // A lazy or possessive quantifier requires what the greedy one does.
    if next == "?" || next == "+" { position += 1 }
    return minimum > 0 ? .atLeastOnce : .maybeNever
  }

  /// Reads `m}`, `m,}` or `m,n}` after a `{` and returns `m`.
  private mutating func readBounds() throws(UnreadableSyntax) -> Int {
    let start = position
    while let scalar = next, scalar != "}" {
      guard scalar == "," || ("0"..."9").contains(scalar) else { throw UnreadableSyntax() }
      position += 1
    }
    guard take("}") else { throw UnreadableSyntax() }
    let bounds = String(String.UnicodeScalarView(scalars[start..<position - 1]))
    guard let minimum = Int(bounds.split(separator: ",", omittingEmptySubsequences: false)[0])
    else { throw UnreadableSyntax() }
    return minimum
  }

  private enum Part {
    case literal(Unicode.Scalar)
    case other([Choice])
  }

  private mutating func readPart() throws(UnreadableSyntax) -> Part {
    guard let scalar = next else { throw UnreadableSyntax() }
    position += 1
    switch scalar {
    case "(": return .other(try readGroup())
    case "[": return .other(try readClass())
    case "\\": return try readEscape()
    case ".", "^", "$": return .other([])
    case "?", "*", "+", "{", "}", "]": throw UnreadableSyntax()
    default: return .literal(scalar)
    }
  }

  /// Reads a group after its `(`: captures, `(?:…)`, `(?>…)` and flag groups such as
  /// `(?-i:…)` require what their content does; lookarounds require nothing.
  private mutating func readGroup() throws(UnreadableSyntax) -> [Choice] {
    var isLookaround = false
    if next != "?" { captureGroups += 1 }
    if take("?") {
      if take("<=") || take("<!") || take("=") || take("!") {
        isLookaround = true
      } else if take(":") || take(">") {
      } else {
        try skipFlags()
      }
    }
    let required = try readAlternation()
    guard take(")") else { throw UnreadableSyntax() }
    return isLookaround ? [] : required
  }

  /// Skips `i-` in `(?i-:`; free spacing (`x`) and anything but a group with flags is refused.
  private mutating func skipFlags() throws(UnreadableSyntax) {
    while let scalar = next, scalar != ":" {
      guard scalar == "i" || scalar == "-" || scalar == "s" || scalar == "m" else {
        throw UnreadableSyntax()
      }
      position += 1
    }
    guard take(":") else { throw UnreadableSyntax() }
  }

  /// A character class after its `[`: a choice of its characters when it lists a few ASCII
  /// characters, ranges or digits (`[CTLS]`, `[0-9A-Z]`, `[\d.]`), else no requirement.
  private mutating func readClass() throws(UnreadableSyntax) -> [Choice] {
    let start = position
    if let listed = readListedClass(), listed.count <= Self.largestClassChoice {
      return [Set(listed.map { [$0] })]
    }
    position = start
    try skipClass()
    return []
  }

  /// The characters of a class that lists only ASCII characters, ranges of them and `\d`,
  /// with the position after its `]`; `nil` for a negated class or any other syntax.
  private mutating func readListedClass() -> Set<Unicode.Scalar>? {
    guard next != "^" else { return nil }
    var listed = Set<Unicode.Scalar>()
    while let scalar = next, scalar != "]" {
      position += 1
      switch scalar {
      case "\\":
        guard let escaped = next else { return nil }
        position += 1
        if escaped == "d" {
          listed.formUnion(Self.digits)
        } else if escaped.isASCII && !escaped.properties.isAlphabetic
          && !("0"..."9").contains(escaped)
        {
          listed.insert(escaped)
        } else {
          return nil
        }
      case "[", "&": return nil
      case _ where !scalar.isASCII: return nil
      case _ where next == "-" && position + 1 < scalars.count && scalars[position + 1] != "]":
        let last = scalars[position + 1]
        guard last.isASCII, last != "\\", last != "[", scalar.value <= last.value else {
          return nil
        }
        position += 2
        listed.formUnion((scalar.value...last.value).compactMap(Unicode.Scalar.init))
      default: listed.insert(scalar)
      }
    }
    guard take("]"), !listed.isEmpty else { return nil }
    return listed
  }

  /// The most characters a class may list to be a choice: more say too little to be worth
  /// looking for.
  private static let largestClassChoice = 36

  private static let digits = Set((0x30...0x39).compactMap(Unicode.Scalar.init))

  /// Skips a character class after its `[`, nested classes and escapes included.
  private mutating func skipClass() throws(UnreadableSyntax) {
    var depth = 1
    if next == "^" { position += 1 }
    if next == "]" { position += 1 }
    while depth > 0 {
      guard let scalar = next else { throw UnreadableSyntax() }
      position += 1
      switch scalar {
      case "\\": position += 1
      case "[": depth += 1
      case "]": depth -= 1
      default: break
      }
    }
  }

  /// An escaped punctuation mark is a literal; `\b`, `\s`, `\d`, `\1` and the like match
  /// classes or positions; escapes that read further (`\x{…}`, `\p{…}`, `\Q…\E`) are refused.
  private mutating func readEscape() throws(UnreadableSyntax) -> Part {
    guard let scalar = next else { throw UnreadableSyntax() }
    position += 1
    if "xuUNpPQEkc".unicodeScalars.contains(scalar) { throw UnreadableSyntax() }
    if ("1"..."9").contains(scalar) { hasBackreference = true }
    if scalar == "d" { return .other([Set(Self.digits.map { [$0] })]) }
    if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { return .other([]) }
    return .literal(scalar)
  }

  /// The choices that rule out the most text, at most three: those whose shortest literal
  /// is longest, then those with fewer literals.
  private static func mostSelective(_ choices: [Choice]) -> [Choice] {
    guard choices.count > 3 else { return choices }
    // The position breaks ties, so that the same choices are kept on every run.
    let ranked = choices.enumerated().map { position, choice in
      (choice: choice, shortest: choice.map(\.count).min() ?? 0, position: position)
    }.sorted { first, second in
      if first.shortest != second.shortest { return first.shortest > second.shortest }
      if first.choice.count != second.choice.count {
        return first.choice.count < second.choice.count
      }
      return first.position < second.position
    }
    var kept: [Choice] = []
    for candidate in ranked where kept.count < 3 && !kept.contains(candidate.choice) {
      kept.append(candidate.choice)
    }
    return kept
  }
}
