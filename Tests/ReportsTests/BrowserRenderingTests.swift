import Foundation
import Model
import Testing

@testable import Reports

/// What a person sees when Chromium opens and prints the report. Chromium is installed by
/// scripts/install-dependencies; these tests fail, rather than skip, without it.
@Suite(.serialized) struct BrowserRenderingTests {
  /// The pended case, rendered once for the tests that look at it in detail.
  static let pend = Result {
    try BrowserRendering.render(
      ReportFixtures.pend, documents: ReportFixtures.documents, named: "pend",
      outputs: [.pdf, .png, .dom])
  }

  @Test(arguments: DeterminationStatus.allCases)
  func thePrintedReportShowsTheDeterminationThenGapsThenCriteria(
    _ status: DeterminationStatus
  ) throws {
    let rendering =
      status == .pend
      ? try Self.pend.get()
      : try BrowserRendering.render(
        ReportFixtures.report(status), documents: ReportFixtures.documents, named: status.rawValue)
    let printed = rendering.printedText

    #expect(rendering.firstPageText.contains("Determination: \(ReportWording.label(status))"))
    #expect(rendering.firstPageText.contains("Gaps"))
    let order = [
      "Determination:", "Gaps", "All criteria", "Facts found", "Appendix: extracted text",
    ]
    let positions = try order.map { try #require(printed.range(of: $0), "\($0) not printed") }
    #expect(zip(positions, positions.dropFirst()).allSatisfy { $0.lowerBound < $1.lowerBound })
    #expect(rendering.pdfInfo.contains("612 x 792 pts (letter)"))
    #expect(printed.contains("PendCheck · case \(ReportFixtures.report(status).case) Page 1 of"))

  }

  @Test func eachGapIsPrintedWithItsReasonAndRequestBeforeTheCriteria() throws {
    let rendering = try Self.pend.get()
    let criteria = try #require(rendering.printedText.range(of: "All criteria"))
    let gapPart = rendering.printedText[..<criteria.lowerBound]
    #expect(
      rendering.firstPageText.contains(
        "Ask the provider: \(ReportFixtures.pendDetermination.criteria[2].providerRequest ?? "")"))

    for shortfall in ReportFixtures.pendDetermination.criteria where shortfall.status != .met {
      #expect(gapPart.contains(shortfall.reason))
      #expect(gapPart.contains(try #require(shortfall.providerRequest)))
    }
    #expect(gapPart.contains("All requests to the provider, ready to copy"))
  }

  @Test func theScreenshotIsAPNGOfTheWindowSize() throws {
    let png = try #require(try Self.pend.get().screenshot)

    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    // The IHDR chunk holds the width and height as big-endian 32-bit numbers at bytes 16-23.
    let size = [16, 20].map { png[$0..<($0 + 4)].reduce(0) { $0 << 8 | Int($1) } }
    #expect(size == [900, 1200])
  }

  @Test func everyLinkInTheBrowsersDocumentLeadsToAnElement() throws {
    let rendering = try Self.pend.get()
    let ids = HTMLInspection.ids(try #require(rendering.dom))
    let links = HTMLInspection.fragmentLinks(try #require(rendering.dom))

    #expect(links.count >= 8)
    for link in links { #expect(ids.contains(link), "no element has id \(link)") }
  }

  @Test func quotedWordsAreHighlightedInTheAppendixAndPrinted() throws {
    let rendering = try Self.pend.get()
    let marked = HTMLInspection.markedTexts(try #require(rendering.dom))
    let appendix = try #require(rendering.printedText.range(of: "Appendix: extracted text"))

    for evidence in [
      ReportFixtures.painEvidence, ReportFixtures.faberEvidence,
      ReportFixtures.therapyEvidence, ReportFixtures.hostileEvidence,
    ] {
      #expect(marked.contains(evidence.text), "\(evidence.text) is not highlighted")
      #expect(rendering.printedText[appendix.lowerBound...].contains(evidence.text))
    }
  }

  @Test func markupInADocumentIsPrintedAsTextAndNeverRun() throws {
    let rendering = try Self.pend.get()

    #expect(rendering.printedText.contains("<script>alert('pwned')</script> back pain"))
    #expect(rendering.printedText.contains("<img src=x onerror=alert(1)> & \"quoted\""))
    #expect(rendering.printedText.contains("intake-<b>form</b>.pdf"))
    let dom = try #require(rendering.dom)
    #expect(!dom.contains("<script"))
    #expect(!dom.contains("<img"))
    #expect(!dom.contains("<b>"))
  }

  @Test func aPendedCorpusCaseReadFromItsPDFsPrintsItsHighlightedText() throws {
    let corpusCase = try #require(try CorpusCase.richest(.pend))
    let rendering = try BrowserRendering.render(
      corpusCase.report, documents: corpusCase.documents, named: "corpus-pend",
      outputs: [.pdf, .dom])
    let appendix = try #require(rendering.printedText.range(of: "Appendix: extracted text"))
    let marked = HTMLInspection.markedTexts(try #require(rendering.dom))

    #expect(rendering.firstPageText.contains("Determination: PEND"))
    for quote in corpusCase.quotes {
      #expect(marked.contains(quote.text.collapsingWhitespace))
      #expect(
        rendering.printedText[appendix.lowerBound...].contains(quote.text.collapsingWhitespace))
    }
  }
}
