import Language
import Testing

/// A case-insensitive pattern may write a word character alone (`\w`) or in brackets
/// (`[\w]`): the two hold the same characters. (`ICURegularExpression` marks the bracketed
/// class caseless, so neither costs a case closure when it is compiled.)
@Suite struct WordClassTests {
  @Test func theBareWordClassHoldsEveryCharacterOfTheBracketedOne() throws {
    let bare = try ICURegularExpression(#"^\w$"#, caseInsensitive: true)
    let bracketed = try ICURegularExpression(#"^[\w]$"#, caseInsensitive: true)
    var differing: [UInt32] = []
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let units = Array(String(scalar).utf16)
      let isBare = units.withUnsafeBufferPointer { !bare.matches(in: $0, limit: 1).isEmpty }
      let isBracketed = units.withUnsafeBufferPointer {
        !bracketed.matches(in: $0, limit: 1).isEmpty
      }
      if isBare != isBracketed { differing.append(value) }
    }
    #expect(differing.isEmpty)
  }
}
