import ICUShim
import Model

/// Splits text into `Token`s with ICU's word break iterator; whitespace is dropped.
enum Tokenizer {
  /// The tokens of `utf16`, offsets relative to its start.
  static func tokens(of utf16: [UInt16]) throws(ICUFailure) -> [Token] {
    try tokens(of: utf16, lines: LineIndex(utf16))
  }

  /// `tokens(of:)` with the text's lines already found.
  static func tokens(of utf16: [UInt16], lines: LineIndex) throws(ICUFailure) -> [Token] {
    let boundaries = try ICU.boundaries(PCBreakWord, in: utf16)
    var tokens: [Token] = []
    tokens.reserveCapacity(boundaries.count - 1)

    var previousLine = -1
    var line = 0
    for (start, end) in zip(boundaries, boundaries.dropFirst()) {
      let range = start.offset..<end.offset
      if end.status < PC_WORD_NONE_LIMIT && utf16[range].allSatisfy(isSpace) { continue }
      let units = utf16[range]
      let (isASCII, hasCapital) = asciiCase(of: units)
      let text = isASCII ? asciiText(units) : String(utf16Units: units)
      guard let kind = kind(of: text, units: units, isASCII: isASCII, status: end.status)
      else { continue }

      line = lines.line(at: range.lowerBound, from: line)
      let normalized =
        !isASCII
        ? Normalization.normalize(text)
        // `normalize(ascii:units:)` gives `text` itself to a word without capitals or a
        // final "'s", as most are: only the others are asked about.
        : hasCapital || endsInApostropheS(units)
          ? Normalization.normalize(ascii: text, units: units) : text
      tokens.append(
        Token(
          range: range, text: text, normalized: normalized, kind: kind, ruleStatus: end.status,
          line: line, isLineStart: line != previousLine))
      previousLine = line
    }
    return tokens
  }

  /// Whether every unit is ASCII and, if so, whether one is a capital letter, in one pass.
  @inline(__always)
  private static func asciiCase(of units: ArraySlice<UInt16>) -> (isASCII: Bool, hasCapital: Bool) {
    var hasCapital = false
    for unit in units {
      if unit >= 0x80 { return (false, false) }
      if unit &- 0x41 < 26 { hasCapital = true }
    }
    return (true, hasCapital)
  }

  /// Whether the units end in "'s" or "'S", a possessive normalization may drop.
  @inline(__always)
  private static func endsInApostropheS(_ units: ArraySlice<UInt16>) -> Bool {
    let end = units.endIndex
    return units.count >= 2 && units[end - 2] == 0x27 && units[end - 1] | 0x20 == 0x73
  }

  /// The tokens of a phrase (a lexicon variant), for building the phrase trie.
  static func tokens(of phrase: String) throws(ICUFailure) -> [Token] {
    try tokens(of: Array(phrase.utf16))
  }

  /// The kind from ICU's rule status, except that a numeral with letters ("x6", which ICU
  /// gives number status) is a word: `.number` tokens always parse as numbers. `units` are
  /// the UTF-16 code units of `text`.
  static func kind(of text: String, units: ArraySlice<UInt16>, status: Int32) -> TokenKind? {
    kind(of: text, units: units, isASCII: units.allSatisfy { $0 < 0x80 }, status: status)
  }

  /// `kind(of:units:status:)` when whether every unit is ASCII is known.
  private static func kind(
    of text: String, units: ArraySlice<UInt16>, isASCII: Bool, status: Int32
  ) -> TokenKind? {
    if status >= PC_WORD_NUMBER_LIMIT { return .word }
    if isASCII { return kind(ofASCII: units, status: status) }
    return kind(ofCharacters: text, status: status)
  }

  /// The text of ASCII `units`, byte for byte: what `String(utf16Units:)` spells, without
  /// its transcoding or the room it makes for three bytes a unit.
  static func asciiText(_ units: ArraySlice<UInt16>) -> String {
    String(unsafeUninitializedCapacity: units.count) { bytes in
      for (index, unit) in units.enumerated() { bytes[index] = UInt8(truncatingIfNeeded: unit) }
      return units.count
    }
  }

  /// `kind(of:units:status:)` from the Unicode properties of the token's characters.
  static func kind(ofCharacters text: String, status: Int32) -> TokenKind? {
    if status >= PC_WORD_NUMBER_LIMIT { return .word }
    if status >= PC_WORD_NONE_LIMIT { return text.contains(where: \.isLetter) ? .word : .number }
    if text.allSatisfy(\.isWhitespace) { return nil }
    return text.allSatisfy(\.isPunctuation) ? .punctuation : .symbol
  }

  /// `kind(of:units:status:)` for an ASCII token, the form of nearly every mark and number,
  /// read from its units rather than from its characters' Unicode properties: in ASCII only
  /// `A`-`Z` and `a`-`z` are letters, and "\r\n" is white space and no punctuation, as each
  /// of its two units is.
  private static func kind(ofASCII units: ArraySlice<UInt16>, status: Int32) -> TokenKind? {
    if status >= PC_WORD_NONE_LIMIT {
      return units.contains { (0x61...0x7A).contains($0 | 0x20) } ? .word : .number
    }
    if units.allSatisfy({ (0x09...0x0D).contains($0) || $0 == 0x20 }) { return nil }
    return units.allSatisfy { asciiPunctuation[Int($0)] } ? .punctuation : .symbol
  }

  /// Whether each ASCII character is one Unicode counts as punctuation; `$+<=>^`|~` are
  /// symbols.
  private static let asciiPunctuation: [Bool] = {
    var isPunctuation = [Bool](repeating: false, count: 128)
    for byte in ##"!"#%&'()*,-./:;?@[\]_{}"##.utf8 { isPunctuation[Int(byte)] = true }
    return isPunctuation
  }()

  /// The value of `token` when it is a number or a number word (see `Token.numericValue`).
  static func numericValue(of token: Token) -> Double? {
    // An ASCII token's text spells its units exactly.
    let units = ArraySlice(token.text.utf16)
    let isASCII = units.allSatisfy { $0 < 0x80 }
    return numericValue(token.normalized, kind: token.kind, units: units, isASCII: isASCII)
  }

  private static func numericValue(
    _ normalized: String, kind: TokenKind, units: ArraySlice<UInt16>, isASCII: Bool
  ) -> Double? {
    // A word of ASCII letters normalizes to its lower case alone: it is looked up from its
    // units.
    if kind == .word && isASCII && units.allSatisfy({ ($0 | 0x20) &- 0x61 < 26 }) {
      return Numbers.value(ofASCIILetters: units)
    }

    switch kind {
    case .number:
      if let integer = Numbers.value(ofDigits: normalized) { return integer }
      // Most numerals have no thousands separator to take out first.
      return Double(normalized.utf8.contains(0x2C) ? normalized.filter { $0 != "," } : normalized)
    case .word: return Numbers.value(ofNormalized: normalized)
    default: return nil
    }
  }

  private static func isSpace(_ unit: UInt16) -> Bool {
    switch unit {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
      0x3000:
      return true
    default:
      return false
    }
  }
}

/// Maps a UTF-16 offset to its 0-based line.
struct LineIndex {
  /// The offset at which each line starts.
  let starts: [Int]

  init(_ utf16: [UInt16]) {
    var starts = [0]
    for (offset, unit) in utf16.enumerated() where unit == 0x0A {
      starts.append(offset + 1)
    }
    self.starts = starts
  }

  /// The line of `offset`, looked for from line `first` on, which must not be after it:
  /// tokens ask in text order, and most stand on the line of the one before.
  func line(at offset: Int, from first: Int) -> Int {
    var line = first
    while line + 1 < starts.count && starts[line + 1] <= offset { line += 1 }
    return line
  }
}
