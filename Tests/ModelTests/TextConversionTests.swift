import Model
import Testing

/// The fast text conversions every stage uses must give what the standard library gives.
@Suite struct TextConversionTests {
  @Test(
    "UTF-16 units spell the string String(decoding:as:) spells, lone surrogates repaired",
    arguments: [
      Array("Low back pain 7/10.".utf16), Array("Gaenslen’s test – positive, 45° flexion".utf16),
      Array("emoji 🙂 and 𝄞".utf16), [0xD800], [0xDC00, 0x41], [0x41, 0xD83D],
      [0xD83D, 0x41, 0xDE42], [0xD83D, 0xD83D, 0xDE42], [],
      [0x00, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF],
    ] as [[UInt16]])
  func utf16UnitsMatchTheStandardLibrary(_ units: [UInt16]) {
    #expect(String(utf16Units: units) == String(decoding: units, as: UTF16.self))
    #expect(
      Array(String(utf16Units: units).utf8) == Array(String(decoding: units, as: UTF16.self).utf8))
  }

  @Test(
    "whitespace collapses to single spaces, leading and trailing dropped",
    arguments: [
      ("  Low   back\tpain\r\n7/10  ", "Low back pain 7/10"),
      ("PHYSICAL\u{0B}THERAPY\u{0C}NOTE", "PHYSICAL THERAPY NOTE"),
      ("a\u{1F}b", "a\u{1F}b"),
      ("\n\n", ""),
      ("Gaenslen’s\u{A0}\u{A0}test  –  positive", "Gaenslen’s test – positive"),
      ("no\u{2003}space\u{3000}here", "no space here"),
    ])
  func collapsesWhitespace(text: String, expected: String) {
    #expect(text.collapsingWhitespace == expected)
  }

  @Test("every ASCII character is whitespace exactly when Character says so")
  func asciiWhitespaceAgreesWithCharacter() {
    for value in UInt8(0)..<0x80 {
      let character = Character(Unicode.Scalar(value))
      let text = "a" + String(character) + String(character) + "b"
      let expected = character.isWhitespace ? "a b" : text
      #expect(text.collapsingWhitespace == expected, "U+\(value)")
    }
  }
}
