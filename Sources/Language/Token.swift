/// One word, number or mark of a document, as ICU's word break iterator found it.
public struct Token: Hashable, Sendable {
  /// UTF-16 offsets into `Document.text`.
  public let range: Range<Int>
  /// The text as written.
  public let text: String
  /// The comparison form (see `Normalization`): "Patrick's" → "patrick", "—" → "-".
  public let normalized: String
  public let kind: TokenKind
  /// The ICU word-break rule status of the token (`UBRK_WORD_*` ranges).
  public let ruleStatus: Int32
  /// The 0-based line of the document the token stands on.
  public let line: Int
  /// Whether the token is the first one on its line.
  public let isLineStart: Bool
  /// The token's value when it is a number or a number word ("7", "7.5", "seven"), read
  /// when asked rather than kept: no stage asks it of most tokens, and the tokenizer then
  /// spares a lookup for every word of every note.
  public var numericValue: Double? { Tokenizer.numericValue(of: self) }

  /// The token's text when it is one byte of UTF-8 (a mark or a digit), compared without
  /// building a string.
  var oneByte: UInt8? { text.utf8.count == 1 ? text.utf8.first : nil }

  /// Whether the token is one character, told from its bytes when it is ASCII: two or more
  /// ASCII units are as many characters, but for "\r\n".
  var isOneCharacter: Bool {
    let utf8 = text.utf8
    if utf8.count == 1 { return true }
    if utf8.allSatisfy({ $0 < 0x80 }) { return text == "\r\n" }
    return text.count == 1
  }

  /// Whether the token starts with an upper-case letter.
  public var isCapitalized: Bool {
    if let unit = firstASCIIUnit { return unit &- 0x41 < 26 }
    return text.first?.isUppercase ?? false
  }

  /// Whether the token starts with a lower-case letter.
  var startsLowercase: Bool {
    if let unit = firstASCIIUnit { return unit &- 0x61 < 26 }
    return text.first?.isLowercase ?? false
  }

  /// The token's first character when it is one ASCII unit, read from the text's bytes,
  /// where asking the character for its properties costs a hundred times more: in ASCII
  /// only `A`-`Z` are upper case and `a`-`z` lower case.
  private var firstASCIIUnit: UInt8? {
    let utf8 = text.utf8
    guard let first = utf8.first, first < 0x80 else { return nil }
    // An ASCII unit is a character of its own before another ASCII unit, but for "\r\n";
    // a unit outside ASCII may join it ("e" and a combining accent).
    guard let second = utf8.dropFirst().first else { return first }
    return second < 0x80 && !(first == 0x0D && second == 0x0A) ? first : nil
  }

  /// Whether every letter of the token is upper case and it has at least one.
  public var isAllCaps: Bool {
    text.contains { $0.isLetter } && !text.contains { $0.isLowercase }
  }
}

/// What kind of text a token is, from ICU's rule status and its characters.
public enum TokenKind: String, Sendable {
  /// Letters, possibly with digits ("pain", "L4", "x6", "b.i.d").
  case word
  /// Digits ("7", "7.5", "1,000").
  case number
  /// Punctuation marks (".", ",", "(", "-", "/").
  case punctuation
  /// Other marks ("+", "%", "°", "=").
  case symbol
}
