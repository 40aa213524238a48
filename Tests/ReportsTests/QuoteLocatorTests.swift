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
}
