import Language
import Testing

/// A case-insensitive pattern may write a word character alone (`\w`) rather than in
/// brackets (`[\w]`): ICU closes a bracketed class over case when it compiles it, which
/// costs several million instructions a class, and the closure adds no character to `\w`.
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
