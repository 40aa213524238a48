import Model
import Testing

@testable import Matching

/// The evidence a finding cites: each quote once, in the order first cited.
@Suite struct EvidenceRepeatsTests {
  private static func quote(_ text: String, page: Int = 1, at start: Int?) -> Evidence {
    Evidence(
      document: "note.pdf", page: page, text: text, start: start,
      end: start.map { $0 + text.utf16.count })
  }

  @Test(
    "a repeated evidence is cited once, where it first stands",
    arguments: [
      (
        [quote("Pain 7/10.", at: 0), quote("Failed PT.", at: 20), quote("Pain 7/10.", at: 0)],
        [quote("Pain 7/10.", at: 0), quote("Failed PT.", at: 20)]
      ),
      // Two quotes at one place of one page are told apart by their words.
      (
        [quote("Pain 7/10.", at: 0), quote("Pain 8/10.", at: 0)],
        [quote("Pain 7/10.", at: 0), quote("Pain 8/10.", at: 0)]
      ),
      // The same words on another page, or without offsets, are other evidence.
      (
        [quote("Pain 7/10.", at: 0), quote("Pain 7/10.", page: 2, at: 0)],
        [quote("Pain 7/10.", at: 0), quote("Pain 7/10.", page: 2, at: 0)]
      ),
      (
        [quote("Pain 7/10.", at: nil), quote("Pain 7/10.", at: 0), quote("Pain 7/10.", at: nil)],
        [quote("Pain 7/10.", at: nil), quote("Pain 7/10.", at: 0)]
      ),
      ([], []),
    ] as [([Evidence], [Evidence])])
  func citesEachEvidenceOnce(cited: [Evidence], expected: [Evidence]) {
    #expect(cited.withoutRepeats() == expected)
  }

  @Test(
    "many evidence are cited once each, in the order first cited, as a few are",
    arguments: [3, 12, 40])
  func citesManyEvidenceOnce(distinct: Int) {
    let quotes = (0..<distinct).map { Self.quote("Quote \($0).", page: 1 + $0 % 3, at: $0 % 5) }
    let cited = quotes + quotes.reversed() + quotes

    #expect(cited.withoutRepeats() == quotes)
  }
}
