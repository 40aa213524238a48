import Foundation
import Model
import Testing

@testable import Reports

/// Reports of real corpus cases, their PDFs read by the extraction stage.
@Suite struct CorpusRenderingTests {
  @Test(arguments: DeterminationStatus.allCases)
  func quotesFromExtractedPDFsAreHighlightedAndEveryLinkResolves(
    _ status: DeterminationStatus
  ) throws {
    let corpusCase = try #require(try CorpusCase.richest(status), "no \(status) case in Corpus/dev")
    let report = HTMLReport(report: corpusCase.report, documents: corpusCase.documents)
    let html = report.render()
    let ids = HTMLInspection.ids(html)

    #expect(html.contains("Determination: \(ReportWording.label(status))"))
    for link in HTMLInspection.fragmentLinks(html) { #expect(ids.contains(link)) }
    for quote in corpusCase.quotes {
      guard case .quote = report.anchors.target(for: quote) else {
        Issue.record("\(corpusCase.report.case): '\(quote.text)' is not highlighted")
        continue
      }
    }
    #expect(!html.contains("<script") && !html.contains("<img"))
  }
}
