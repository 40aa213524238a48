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

  @Test(
    "a prepared text holds its bytes, ASCII capitals lower-cased, however long it is",
    arguments: [
      "", "A", "Pain 7/", "Pain 7/1", "Pain 7/10", "Pain 7/10 at res", "Pain 7/10 at rest",
      "Émile: PAIN 7/10 at rest, Ǆ and ﬁ", String(repeating: "Low BACK pain. ", count: 9),
    ])
  func preparedTextHoldsItsFoldedBytes(_ text: String) {
    let lowered = text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }

    #expect(SearchableText.of(text).folded == lowered)
  }

  @Test(
    "a literal is found at either end of a text, however long the text",
    arguments: 1...20)
  func findsALiteralAtEitherEnd(padding: Int) throws {
    let literals = try #require(RequiredLiterals(pattern: #"\bsit\b"#))
    let spaces = String(repeating: " ", count: padding)

    #expect(literals.mayMatch("SIT" + spaces))
    #expect(literals.mayMatch(spaces + "sit"))
    #expect(!literals.mayMatch(spaces + "si t" + spaces))
  }
}
