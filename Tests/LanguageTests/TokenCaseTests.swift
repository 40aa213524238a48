import Testing

@testable import Language

/// A token's letter case, read from its bytes when it starts with an ASCII character, is
/// what the properties of its first character say.
@Suite struct TokenCaseTests {
  static let texts: [String] =
    (0..<128).map { String(UnicodeScalar(UInt8($0))) } + [
      "Pain", "pain", "PAIN", "L4", "x6", "7am", "\r\n", "e\u{301}", "E\u{301}", "É", "é", "ß",
      "ǅ", "ª", "Ａ", "ａ", "a\u{200D}", "A\u{308}b", "'s", "(", "", "Ω", "ω", "\u{212A}",
    ]

  @Test("a token is capitalized when its first character is upper case", arguments: texts)
  func capitalizedAsItsFirstCharacter(text: String) {
    #expect(token(text).isCapitalized == (text.first?.isUppercase ?? false))
  }

  @Test("a token starts lower case when its first character is lower case", arguments: texts)
  func lowercaseAsItsFirstCharacter(text: String) {
    #expect(token(text).startsLowercase == (text.first?.isLowercase ?? false))
  }

  @Test(
    "a token is one character when its text is",
    arguments: texts + ["ab", "\r\n\r\n", "\n\r", "\r\r", "1.", "é6", "👍🏽", "🇺🇸", "🇺🇸🇺🇸"])
  func oneCharacterAsItsText(text: String) {
    #expect(token(text).isOneCharacter == (text.count == 1))
  }

  private func token(_ text: String) -> Token {
    Token(
      range: 0..<text.utf16.count, text: text, normalized: Normalization.normalize(text),
      kind: .word, ruleStatus: 200, line: 0, isLineStart: true)
  }
}
