import Model
import Testing

@testable import Reports

@Suite struct QuoteLocatorTests {
  let document = Document(
    name: "note.pdf",
    pages: [
      Page(number: 1, text: "Pain 7/10 at rest.\nFABER positive on the left.", source: .textLayer),
      Page(number: 2, text: "Repeat exam: FABER positive on the left.", source: .textLayer),
    ])

  func located(_ evidence: Evidence) -> String? {
    QuoteLocator(document: document).range(of: evidence).map(document.substring)
  }

  @Test func offsetsThatHoldTheQuoteAreUsed() {
    let evidence = document.evidence(19..<45)

    #expect(QuoteLocator(document: document).range(of: evidence) == 19..<45)
  }

  @Test(arguments: [
    ("at rest. FABER positive", "at rest.\nFABER positive"),
    ("pain 7/10", "Pain 7/10"),
    ("Repeat exam: FABER", "Repeat exam: FABER"),
  ])
  func aQuoteWithoutOffsetsIsFoundWithWhitespaceAndCaseFolded(quote: String, found: String) {
    #expect(located(Evidence(document: "note.pdf", page: 1, text: quote)) == found)
  }

  @Test func aQuoteOnTwoPagesIsFoundOnThePageTheEvidenceNames() throws {
    let evidence = Evidence(document: "note.pdf", page: 2, text: "FABER positive on the left")
    let range = try #require(QuoteLocator(document: document).range(of: evidence))

    #expect(document.pageNumber(at: range.lowerBound) == 2)
  }

  @Test func staleOffsetsGiveWayToTheQuotedWords() {
    let evidence = Evidence(
      document: "note.pdf", page: 1, text: "FABER positive", start: 0, end: 9)

    #expect(located(evidence) == "FABER positive")
  }

  @Test func wordsNotInTheTextAreNotLocated() {
    let evidence = Evidence(document: "note.pdf", page: 1, text: "Gaenslen positive")

    #expect(located(evidence) == nil)
  }

  /// A note whose first page breaks its lines and spaces its words unevenly, and whose
  /// second repeats some of its words evenly spaced.
  static let unevenlySpaced = Document(
    name: "note.pdf",
    pages: [
      Page(
        number: 1, text: "Pain 7/10 at\n rest.\t FABER  positive. Temp 37\u{A0}°C.",
        source: .textLayer),
      Page(number: 2, text: "Pain 7/10 at rest. FABER negative.", source: .textLayer),
    ])

  /// The UTF-16 offsets of the first place `words` stand in `document`.
  static func offsets(of words: String, in document: Document) -> Range<Int>? {
    let needle = Array(words.utf16)
    let text = document.utf16
    guard
      let start = (0...(text.count - needle.count)).first(where: {
        text[$0..<($0 + needle.count)].elementsEqual(needle)
      })
    else { return nil }
    return start..<(start + needle.count)
  }

  @Test(arguments: [
    ("Pain 7/10 at\n rest.", "Pain 7/10 at rest.", true),
    ("at\n rest.\t FABER  positive", "at rest. FABER positive", true),
    ("\n rest.\t ", "rest.", true),
    ("37\u{A0}°C.", "37 °C.", true),
    ("Pain 7/10 at\n rest.", "pain 7/10 at rest.", false),
    ("Pain 7/10 at\n rest.\t FABER", "Pain 7/10 at rest. FABER negative", false),
    ("Pain 7/10 at\n rest.", "Pain 7/10 at rest", false),
  ])
  func offsetsHoldTheQuoteWhenTheirWordsAreTheQuotesWithWhitespaceCollapsed(
    heldWords: String, quote: String, isHeld: Bool
  ) throws {
    let document = Self.unevenlySpaced
    let offsets = try #require(Self.offsets(of: heldWords, in: document))
    let evidence = Evidence(
      document: "note.pdf", page: 2, text: quote, start: offsets.lowerBound,
      end: offsets.upperBound)

    let located = QuoteLocator(document: document).range(of: evidence)

    #expect((located == offsets) == isHeld)
  }
}
