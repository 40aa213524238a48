import Testing

@testable import Facts

/// When two strings are known to be one text without comparing their bytes, so that a text
/// prepared for searching is found again.
@Suite struct TextIdentityTests {
  static let sentence = String(repeating: "Pain 7/10 in the low back. ", count: 3)

  @Test func aStringIsTheTwoWordsAnIdentityIsReadFrom() {
    #expect(MemoryLayout<String>.size == 2 * MemoryLayout<UInt>.size)
  }

  @Test func copiesOfOneStringShareItsIdentity() {
    let copy = Self.sentence
    var kept = [Self.sentence]
    kept.append(copy)

    #expect(TextIdentity(copy) == TextIdentity(Self.sentence))
    #expect(TextIdentity(kept[1]) == TextIdentity(kept[0]))
  }

  @Test(arguments: [
    String(repeating: "Pain 7/10 in the low back. ", count: 3),
    String(repeating: "Pain 7/10 in the low back. ", count: 3).uppercased().lowercased(),
    String(String(repeating: "Pain 7/10 in the low back. ", count: 3).dropLast()),
  ])
  func aStringMadeApartHasAnIdentityOfItsOwn(_ other: String) {
    #expect(TextIdentity(other) != nil)
    #expect(TextIdentity(other) != TextIdentity(Self.sentence))
  }

  @Test(arguments: ["", "Pain 7/10.", "exactly 15 byte"])
  func aStringStoredInlineHasNoIdentity(_ text: String) {
    #expect(TextIdentity(text) == nil)
  }

  @Test func aTextIsPreparedOnceAndAnEqualOneMadeApartIsPreparedAlike() {
    let prepared = SearchableText.of(Self.sentence)
    let again = SearchableText.of(Self.sentence)
    let apart = SearchableText.of(String(Self.sentence.reversed().reversed()))

    #expect(again === prepared)
    #expect(apart.text == prepared.text)
    #expect(apart.folded == prepared.folded)
  }
}
