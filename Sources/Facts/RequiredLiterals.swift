/// The literal strings of which every match of a pattern contains at least one, read from the
/// pattern itself: `\b(?:unable to|cannot)\s+\w+` cannot match a sentence holding neither
/// "unable to" nor "cannot".
///
/// `TextPattern` asks it before running its expression, since most patterns match few of the
/// sentences they are run on and ICU tries every alternative at nearly every position. The
/// answer is exact for ASCII text, compared without letter case as the patterns are; text
/// with any other character is always handed to the expression, because Unicode case folding
/// can turn it into letters a byte comparison would not see ("ﬁ" is "fi", "K" is "k").
struct RequiredLiterals: Sendable {
  /// The literals as lower-cased ASCII bytes, ordered by their first byte.
  private let literals: [[UInt8]]
  /// For each lower-cased ASCII byte, the literals (indices in `literals`) it begins.
  private let literalsStartingWith: [Range<Int>]

  /// Reads the literals a pattern requires, or returns `nil` when the pattern can match
  /// without any (an optional first word, a bare `\d+`) or uses syntax this reader does not
  /// know, in which case the expression is always run.
  init?(pattern: String) {
    var reader = PatternReader(Array(pattern.unicodeScalars))
    guard let required = try? reader.readWhole(), let ascii = Self.asciiLiterals(required)
    else { return nil }

    let sorted = ascii.sorted { $0.lexicographicallyPrecedes($1) }
    literals = sorted
    literalsStartingWith = (0..<128).map { byte in
      let first = sorted.firstIndex { $0[0] >= byte } ?? sorted.count
      let end = sorted[first...].firstIndex { $0[0] > byte } ?? sorted.count
      return first..<end
    }
  }

  /// Whether `text` may hold a match: `false` only when it is ASCII and holds none of the
  /// literals.
  func mayMatch(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
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
  }

  private static func occurs(
    _ literal: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at start: Int
  )
    -> Bool
  {
    guard bytes.count - start >= literal.count else { return false }
    for offset in 1..<literal.count where lowercased(bytes[start + offset]) != literal[offset] {
      return false
    }
    return true
  }

  private static func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
  }

  /// The literals as lower-cased ASCII, those that no ASCII text can hold left out (a "×" or
  /// a "–"); `nil` when one holds a character that case folding could turn into ASCII.
  private static func asciiLiterals(_ literals: Set<[Unicode.Scalar]>) -> [[UInt8]]? {
    var ascii: [[UInt8]] = []
    for literal in literals {
      if literal.allSatisfy(\.isASCII) {
        ascii.append(literal.map { lowercased(UInt8($0.value)) })
      } else if literal.contains(where: { !$0.isASCII && $0.properties.changesWhenCaseFolded }) {
        return nil
      }
    }
    return ascii
  }
}

/// A syntax `PatternReader` does not read; the pattern is then always run.
private struct UnreadableSyntax: Error {}

/// Reads an ICU regular expression far enough to know the literals each part requires.
///
/// A sequence requires the most selective of its parts' requirements (the one whose shortest
/// literal is longest), an alternation the union of its branches', and a part that may be
/// absent (`?`, `*`, `{0,n}`), a lookaround, a class or an escape like `\s` requires nothing.
private struct PatternReader {
  private let scalars: [Unicode.Scalar]
  private var position = 0

  init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

  /// The literals the whole pattern requires, `nil` if none.
  mutating func readWhole() throws(UnreadableSyntax) -> Set<[Unicode.Scalar]>? {
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

  private mutating func readAlternation() throws(UnreadableSyntax) -> Set<[Unicode.Scalar]>? {
    var union = try readSequence()
    while take("|") {
      let branch = try readSequence()
      if let branch, union != nil { union?.formUnion(branch) } else { union = nil }
    }
    return union
  }

  private mutating func readSequence() throws(UnreadableSyntax) -> Set<[Unicode.Scalar]>? {
    var best: Set<[Unicode.Scalar]>?
    var run: [Unicode.Scalar] = []
    func endRun() {
      if !run.isEmpty { best = Self.moreSelective(best, [run]) }
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
      case (.other(let required), _):
        endRun()
        if repetition != .maybeNever { best = Self.moreSelective(best, required) }
      }
    }
    endRun()
    return best
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
    case other(Set<[Unicode.Scalar]>?)
  }

  private mutating func readPart() throws(UnreadableSyntax) -> Part {
    guard let scalar = next else { throw UnreadableSyntax() }
    position += 1
    switch scalar {
    case "(": return .other(try readGroup())
    case "[":
      try skipClass()
      return .other(nil)
    case "\\": return try readEscape()
    case ".", "^", "$": return .other(nil)
    case "?", "*", "+", "{", "}", "]": throw UnreadableSyntax()
    default: return .literal(scalar)
    }
  }

  /// Reads a group after its `(`: captures, `(?:…)`, `(?>…)` and flag groups such as
  /// `(?-i:…)` require what their content does; lookarounds require nothing.
  private mutating func readGroup() throws(UnreadableSyntax) -> Set<[Unicode.Scalar]>? {
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
    return isLookaround ? nil : required
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
    if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { return .other(nil) }
    return .literal(scalar)
  }

  /// The requirement that rules out more text: the one whose shortest literal is longer, then
  /// the one with fewer literals; a requirement beats none.
  private static func moreSelective(
    _ first: Set<[Unicode.Scalar]>?, _ second: Set<[Unicode.Scalar]>?
  ) -> Set<[Unicode.Scalar]>? {
    guard let first else { return second }
    guard let second else { return first }
    let shortest = { (literals: Set<[Unicode.Scalar]>) in literals.map(\.count).min() ?? 0 }
    if shortest(first) != shortest(second) {
      return shortest(first) > shortest(second) ? first : second
    }
    return first.count <= second.count ? first : second
  }
}
