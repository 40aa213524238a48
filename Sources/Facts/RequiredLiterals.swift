/// The literal strings a match of a pattern cannot do without, read from the pattern itself:
/// `\b(?:unable to|cannot)\s+(?:sit|stand)\b` cannot match a sentence that holds neither
/// "unable to" nor "cannot", nor one that holds neither "sit" nor "stand".
///
/// `TextPattern` asks it before running its expression, since most patterns match few of the
/// sentences they are run on and ICU tries every alternative at nearly every position. The
/// answer is exact for ASCII text, compared without letter case as the patterns are; text
/// with any other character is always handed to the expression, because Unicode case folding
/// can turn it into letters a byte comparison would not see ("ﬁ" is "fi", "K" is "k").
struct RequiredLiterals: Sendable {
  /// Every match holds one literal of each choice.
  private let choices: [LiteralChoice]

  /// Reads the literals a pattern requires, or returns `nil` when the pattern can match
  /// without any (an optional first word, a bare `\d+`) or uses syntax this reader does not
  /// know, in which case the expression is always run.
  init?(pattern: String) {
    var reader = PatternReader(Array(pattern.unicodeScalars))
    guard let required = try? reader.readWhole() else { return nil }
    choices = required.compactMap(LiteralChoice.init)
    guard !choices.isEmpty else { return nil }
  }

  /// Whether `text` may hold a match: `false` only when it is ASCII and lacks every literal
  /// of one of the choices.
  func mayMatch(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in choices.allSatisfy { $0.occurs(in: bytes) } }
  }
}

/// Literals of which a match holds at least one, as lower-cased ASCII bytes.
private struct LiteralChoice: Sendable {
  /// The literals, ordered by their first byte.
  private let literals: [[UInt8]]
  /// For each lower-cased ASCII byte, the literals (indices in `literals`) it begins.
  private let literalsStartingWith: [Range<Int>]

  /// The choice of ASCII literals, those that no ASCII text can hold left out (a "×" or a
  /// "–"); `nil` when one holds a character that case folding could turn into ASCII.
  init?(_ literals: Set<[Unicode.Scalar]>) {
    var ascii: [[UInt8]] = []
    for literal in literals {
      if literal.allSatisfy(\.isASCII) {
        ascii.append(literal.map { Self.lowercased(UInt8($0.value)) })
      } else if literal.contains(where: { !$0.isASCII && $0.properties.changesWhenCaseFolded }) {
        return nil
      }
    }

    let sorted = ascii.sorted { $0.lexicographicallyPrecedes($1) }
    self.literals = sorted
    literalsStartingWith = (0..<128).map { byte in
      let first = sorted.firstIndex { $0[0] >= byte } ?? sorted.count
      let end = sorted[first...].firstIndex { $0[0] > byte } ?? sorted.count
      return first..<end
    }
  }

  /// Whether `bytes` hold one of the literals, or a byte that is not ASCII before any.
  func occurs(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    literalsStartingWith.withUnsafeBufferPointer { starting in
      for start in bytes.indices {
        let byte = bytes[start]
        guard byte < 0x80 else { return true }
        for index in starting[Int(Self.lowercased(byte))]
        where Self.occurs(literals[index], in: bytes, at: start) {
          return true
        }
      }
      return false
    }
  }

  private static func occurs(
    _ literal: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at start: Int
  ) -> Bool {
    guard bytes.count - start >= literal.count else { return false }
    for offset in 1..<literal.count where lowercased(bytes[start + offset]) != literal[offset] {
      return false
    }
    return true
  }

  private static func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
  }
}

/// A syntax `PatternReader` does not read; the pattern is then always run.
private struct UnreadableSyntax: Error {}

/// Literals of which a match holds at least one.
private typealias Choice = Set<[Unicode.Scalar]>

/// Reads an ICU regular expression far enough to know the literals each part requires, as
/// choices that must all be met.
///
/// A sequence requires what each of its parts requires; an alternation requires, for a
/// choice of each branch, one of the literals of either; a part that may be absent (`?`,
/// `*`, `{0,n}`), a lookaround, a class or an escape like `\s` requires nothing. Only the
/// few most selective choices are kept: leaving a choice out only means running the
/// expression on more text.
private struct PatternReader {
  private let scalars: [Unicode.Scalar]
  private var position = 0

  init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

  /// The choices the whole pattern requires, none if it can match without a literal.
  mutating func readWhole() throws(UnreadableSyntax) -> [Choice] {
    let required = try readAlternation()
    guard position == scalars.count else { throw UnreadableSyntax() }
    return required
  }

  private var next: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

  private mutating func take(_ text: String) -> Bool {
    let wanted = Array(text.unicodeScalars)
    guard scalars.count - position >= wanted.count,
      Array(scalars[position..<position + wanted.count]) == wanted
    else { return false }
    position += wanted.count
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
    case "[":
      try skipClass()
      return .other([])
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
