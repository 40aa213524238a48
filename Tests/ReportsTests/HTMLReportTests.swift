import Foundation
import Model
import Testing

@testable import Reports

@Suite struct HTMLReportTests {
  func render(_ report: CaseReport) -> String {
    HTMLReport(report: report, documents: ReportFixtures.documents).render()
  }

  @Test(arguments: DeterminationStatus.allCases)
  func determinationIsShownAsAWordAndAColourTogether(_ status: DeterminationStatus) {
    let html = render(ReportFixtures.report(status))

    #expect(html.contains("class=\"determination \(status.rawValue)\""))
    #expect(html.contains("Determination: \(ReportWording.label(status))"))
    #expect(html.contains(".\(status.rawValue) { border-color: var(--"))
    #expect(html.contains("Guideline 1756 (Sacroiliac joint injections)"))
  }

  @Test func headerNamesCaseCodesDatesAndIndication() throws {
    let html = render(ReportFixtures.pend)
    let header = try #require(html.components(separatedBy: "</header>").first)

    for expected in [
      "case sij-014", "CPT 27096", "sacroiliac, left", "Date of service", "03/14/2026",
      "Planned date", "03/28/2026", "sacroiliac joint pain, diagnostic phase",
      "Conservative care",
    ] {
      #expect(header.contains(expected), "header lacks \(expected)")
    }
  }

  @Test func gapsComeFirstWithReasonAndTheRequestToSend() throws {
    let html = render(ReportFixtures.pend)
    let gaps = try #require(html.range(of: "id=\"gaps\""))
    let criteria = try #require(html.range(of: "id=\"criteria\""))
    let facts = try #require(html.range(of: "id=\"facts\""))
    #expect(gaps.lowerBound < criteria.lowerBound && criteria.lowerBound < facts.lowerBound)

    let gapSection = String(html[gaps.lowerBound..<criteria.lowerBound])
    for shortfall in ReportFixtures.pendDetermination.criteria where shortfall.status != .met {
      #expect(gapSection.contains(shortfall.reason.htmlEscaped))
      #expect(gapSection.contains(try #require(shortfall.providerRequest).htmlEscaped))
    }
    #expect(!gapSection.contains(ReportFixtures.metSeverity.reason))
  }

  @Test func eachShortfallIsHeadedByItsStatusFamilyAndCitation() {
    let html = render(ReportFixtures.pend)
    let guideline = ReportFixtures.pendDetermination.guideline
    let shortfalls = ReportFixtures.pendDetermination.criteria.filter { $0.status != .met }
    #expect(!shortfalls.isEmpty)

    for shortfall in shortfalls {
      let status = shortfall.status
      let family = ReportWording.label(shortfall.family).htmlEscaped
      let citation =
        "Guideline \(guideline.htmlEscaped) § \(shortfall.section.htmlEscaped) · "
        + shortfall.id.htmlEscaped
      let chip = "<span class=\"status \(status.rawValue)\">\(ReportWording.label(status))</span>"
      #expect(html.contains("<h3>\(chip) \(family) <span class=\"cite\">\(citation)</span></h3>"))
      #expect(html.contains("<p class=\"cite\">\(family) · \(citation)</p>"))
    }
  }

  @Test func allRequestsStandInOneCopyableBlock() throws {
    let html = render(ReportFixtures.pend)
    let block = try #require(
      HTMLInspection.captures(#"<pre class="requests"[^>]*>(.*?)</pre>"#, in: html).first)

    #expect(block.hasPrefix("Case sij-014, CPT 27096, planned 03/28/2026"))
    #expect(block.contains("1. Send the examination naming a third positive"))
    #expect(block.contains("2. Send the home exercise program"))
  }

  @Test func aMissingItemWithoutAProviderRequestIsAskedForByItsDescription() throws {
    var report = ReportFixtures.pend
    report.determinations[0].criteria[3].providerRequest = nil
    let html = render(report)
    let block = try #require(
      HTMLInspection.captures(#"<pre class="requests"[^>]*>(.*?)</pre>"#, in: html).first)

    #expect(block.contains("2. Send documentation of: A trial of active conservative care"))
  }

  @Test func aContradictedCriterionIsNotTurnedIntoARequest() {
    let html = render(ReportFixtures.clinicalReview)

    #expect(!html.contains("Ask the provider"))
    #expect(!html.contains("class=\"requests\""))
  }

  @Test func aCaseWithoutGapsSaysSoAndHasNoRequestBlock() {
    let html = render(ReportFixtures.ready)

    #expect(html.contains("No gaps"))
    #expect(!html.contains("class=\"requests\""))
  }

  @Test func anExcludedCaseGivesItsReason() {
    let html = render(ReportFixtures.excluded)

    #expect(html.contains("Why excluded:</span> Sacral lateral branch blocks are outside"))
    #expect(html.contains("sacral lateral branch block"))
    #expect(html.contains("Nothing to ask the provider for"))
    #expect(html.contains("No criteria were evaluated for this guideline."))
  }

  @Test(arguments: DeterminationStatus.allCases)
  func everyEvidenceLinkHasItsTarget(_ status: DeterminationStatus) {
    let html = render(ReportFixtures.report(status))
    let ids = HTMLInspection.ids(html)
    let links = HTMLInspection.fragmentLinks(html)

    #expect(!links.isEmpty)
    for link in links { #expect(ids.contains(link), "no element has id \(link)") }
  }

  @Test func elementIdsAreUnique() {
    let html = render(ReportFixtures.pend)
    let ids = HTMLInspection.captures(#"\sid="([^"]*)""#, in: html)

    #expect(ids.count == Set(ids).count)
  }

  @Test(arguments: [
    ReportFixtures.painEvidence, ReportFixtures.faberEvidence, ReportFixtures.therapyEvidence,
    ReportFixtures.hostileEvidence,
  ])
  func eachQuoteLinksToItsHighlightedWordsInTheAppendix(_ evidence: Evidence) throws {
    let report = HTMLReport(report: ReportFixtures.pend, documents: ReportFixtures.documents)
    let html = report.render()
    guard case .quote(let anchor) = report.anchors.target(for: evidence) else {
      Issue.record("\(evidence.text) was not located")
      return
    }

    let appendix = try #require(HTMLInspection.fromElement("appendix", in: html))
    let mark = HTMLInspection.captures(#"<mark id="\#(anchor)">(.*?)</mark>"#, in: String(appendix))
    #expect(mark.map(HTMLInspection.decoded) == [evidence.text])
  }

  @Test func aQuoteNotFoundInTheTextLinksToItsPageAndSaysSo() {
    let report = HTMLReport(report: ReportFixtures.pend, documents: ReportFixtures.documents)
    let html = report.render()

    #expect(
      report.anchors.target(for: ReportFixtures.unlocatableEvidence)
        == .page(anchor: "doc-1-page-2"))
    #expect(html.contains("(these words were not found in the extracted text)"))
  }

  @Test func evidenceFromADocumentWithoutTextNamesItsSourceWithoutALink() {
    let evidence = Evidence(document: "scan.pdf", page: 1, text: "pain 8/10")
    let report = HTMLReport(report: ReportFixtures.pend, documents: [])

    var page = HTMLPage(capacity: 64)
    report.writeSource(of: evidence, to: &page)
    let source = page.text
    #expect(source.contains("scan.pdf, page 1 (text not included"))
    #expect(!source.contains("href"))
  }

  @Test func textFromDocumentsIsShownAsTextNeverAsMarkup() {
    let html = render(ReportFixtures.pend)

    #expect(!html.contains("<script"))
    #expect(!html.contains("<img"))
    #expect(!html.contains("<b>form"))
    #expect(html.contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;"))
    #expect(html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot;"))
    #expect(html.contains("intake-&lt;b&gt;form&lt;/b&gt;.pdf"))
  }

  @Test func aCaseIdentifierCannotBreakOutOfTheStyleSheetOrTheText() {
    var report = ReportFixtures.pend
    report.case = "x\"</style><script>alert(1)</script>"
    let html = render(report)

    #expect(!html.contains("<script"))
    #expect(html.contains("content: \"PendCheck \\b7  case x\\22 \\3c \\2f style\\3e "))
    #expect(html.contains("case x&quot;&lt;/style&gt;&lt;script&gt;"))
  }

  @Test(arguments: DeterminationStatus.allCases)
  func theFileStandsAloneAndPrintsOnLetterPaper(_ status: DeterminationStatus) {
    let html = render(ReportFixtures.report(status))

    for external in ["http://", "https://", " src=\"", "<link", "<script", "url(", "@import"] {
      #expect(!html.contains(external), "report refers to \(external)")
    }
    #expect(html.contains("@page { size: letter"))
    #expect(html.contains("@media print"))
  }

  @Test func factsTableHasTypeValueContextAndEvidence() throws {
    let html = render(ReportFixtures.pend)
    let facts = try #require(HTMLInspection.fromElement("facts", in: html))

    #expect(facts.contains("<th>Type</th><th>Value</th><th>Context</th><th>Evidence</th>"))
    #expect(facts.contains("<td>pain score</td><td>7/10</td><td>average</td>"))
    #expect(facts.contains("<td>provocation test</td><td>thigh thrust positive</td><td>left</td>"))
    #expect(facts.contains("<q>FABER positive on the left</q>"))
  }

  @Test func readingNotesNameUnreadPagesLowOCRConfidenceAndFailures() throws {
    let html = render(ReportFixtures.pend)
    let notes = try #require(HTMLInspection.fromElement("reading-notes", in: html))

    #expect(
      notes.contains("pt-discharge.pdf</span>, page 2: no text layer, and OCR did not read it"))
    #expect(
      notes.contains(
        "pt-discharge.pdf</span>: page 1 was read by OCR at 62% confidence: verify against the "
          + "original."))
    #expect(notes.contains("scan.pdf</span> could not be read: the file is encrypted."))
    #expect(notes.contains("office-note.pdf</span>: 2 pages, read from the PDF's text."))
  }

  @Test func evidenceFromALowConfidenceOCRPageAsksForAComparisonWithTheOriginal() {
    let html = render(ReportFixtures.pend)
    #expect(html.contains(", read by OCR at 62% confidence: verify against the original</span>"))
  }

  @Test(arguments: [
    (document: 0, quote: 0, anchor: "doc-1-quote-1"),
    (document: 1, quote: 9, anchor: "doc-2-quote-10"),
    (document: 11, quote: 101, anchor: "doc-12-quote-102"),
  ])
  func aHighlightedQuoteIsAnchoredByItsDocumentAndItsPlaceCountedFromOne(
    document: Int, quote: Int, anchor: String
  ) {
    #expect(QuoteAnchors.quoteAnchor(document: document, quote) == anchor)
  }

  @Test func overlappingQuotesShareOneHighlight() {
    let document = ReportFixtures.officeNote
    let wide = ReportFixtures.quote("FABER positive on the left", in: document)
    let narrow = ReportFixtures.quote("positive on the", in: document)
    let anchors = QuoteAnchors(evidence: [wide, narrow], documents: [document])

    #expect(anchors.highlights[0].count == 1)
    #expect(anchors.target(for: wide) == anchors.target(for: narrow))
  }

  @Test(arguments: [1, 30, 60])
  func evidenceCitedManyTimesIsHighlightedAsIfCitedOnce(times: Int) {
    let document = ReportFixtures.officeNote
    let wide = ReportFixtures.quote("FABER positive on the left", in: document)
    let narrow = ReportFixtures.quote("positive on the", in: document)
    let missing = Evidence(document: "office-note.pdf", page: 1, text: "words not there")
    let once = QuoteAnchors(evidence: [wide, missing, narrow], documents: [document])
    let repeated = QuoteAnchors(
      evidence: Array(repeating: [narrow, missing, wide], count: times).flatMap { $0 },
      documents: [document])

    #expect(repeated.highlights == once.highlights)
    for evidence in [wide, narrow, missing] {
      #expect(repeated.target(for: evidence) == once.target(for: evidence))
    }
  }

  @Test func eachGuidelineAppliedHasItsOwnDeterminationAndCriteria() throws {
    let html = render(ReportFixtures.twoGuidelines)
    let criteria = try #require(HTMLInspection.fromElement("criteria", in: html))
    let gaps = try #require(html.components(separatedBy: "id=\"criteria\"").first)

    #expect(html.contains("<section class=\"determination pend\" id=\"determination-1\">"))
    #expect(html.contains("<section class=\"determination ready\" id=\"determination-2\">"))
    #expect(criteria.contains("<h3>Guideline 1750 (Epidural spine injections)</h3>"))
    #expect(criteria.contains("<h3>Guideline 1751 (Epidural injections and intrathecal drug"))
    #expect(gaps.contains("Guideline 1750 § I.B"))
    #expect(!gaps.contains("Guideline 1751 § I.B"))
    #expect(html.contains("CPT 62323"))
    #expect(html.contains("lumbar, levels L4-5, L5-S1"))
  }

  @Test func aQuoteAcrossAPageBreakIsMarkedOnBothPagesAndAnchoredOnTheFirst() {
    let document = Document(
      name: "two-pages.pdf",
      pages: [
        Page(number: 1, text: "Plan: continue home", source: .textLayer),
        Page(number: 2, text: "exercise daily.", source: .textLayer),
      ])
    let evidence = ReportFixtures.quote("home\nexercise", in: document)
    var report = ReportFixtures.ready
    report.facts = [Fact(.therapy(Therapy(modality: .homeExercise)), evidence: [evidence])]
    let html = HTMLReport(report: report, documents: [document]).render()

    #expect(html.contains("continue <mark id=\"doc-1-quote-1\">home\n</mark></pre>"))
    #expect(html.contains("<pre class=\"page-text\"><mark>exercise</mark> daily."))
  }

  @Test func aCaseNoGuidelineWasAppliedToSaysSo() {
    var report = ReportFixtures.pend
    report.determinations = []
    report.request = ServiceRequest()
    let html = render(report)

    #expect(html.contains("Determination: NONE"))
    #expect(html.contains("<dt>Requested codes</dt><dd>none given</dd>"))
    #expect(html.contains("No criteria were evaluated."))
    #expect(TerminalReport(report: report).render(colored: false).contains("No guideline was"))
  }

  @Test func evidenceCitingAPageTheDocumentLacksLinksToTheDocument() {
    let evidence = Evidence(document: "office-note.pdf", page: 9, text: "words not there")
    let anchors = QuoteAnchors(evidence: [evidence], documents: ReportFixtures.documents)

    #expect(anchors.target(for: evidence) == .page(anchor: "doc-1"))
  }

  @Test func evidenceAtOnePlaceWithOtherWordsKeepsItsOwnTarget() {
    let document = ReportFixtures.officeNote
    let found = ReportFixtures.quote("FABER positive on the left", in: document)
    var elsewhere = found
    elsewhere.text = "words that are not in the note"
    elsewhere.start = nil
    elsewhere.end = nil
    var samePlace = elsewhere
    samePlace.section = "other"
    let anchors = QuoteAnchors(evidence: [found, elsewhere, samePlace], documents: [document])

    guard case .quote = anchors.target(for: found) else {
      Issue.record("the located quote lost its highlight")
      return
    }
    #expect(anchors.target(for: elsewhere) == .page(anchor: "doc-1-page-\(found.page)"))
    #expect(anchors.target(for: samePlace) == anchors.target(for: elsewhere))
    #expect(anchors.target(for: Evidence(document: "x.pdf", page: 1, text: "y")) == .unavailable)
  }

  @Test(arguments: [
    ReportFixtures.pend, ReportFixtures.ready, ReportFixtures.excluded,
    ReportFixtures.twoGuidelines,
  ])
  func sectionsFollowOneAnotherEachOnItsOwnLine(_ report: CaseReport) throws {
    let html = render(report)

    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"))
    #expect(html.contains("</style>\n</head>\n<body>\n<header id=\"summary\">\n<h1>"))
    for (end, next) in [
      ("</header>", "gaps"), ("</section>", "criteria"), ("</section>", "facts"),
      ("</section>", "reading-notes"), ("</section>", "appendix"),
    ] {
      #expect(html.contains("\(end)\n<section id=\"\(next)\">\n<h2>"), "no \(next) after \(end)")
    }
    #expect(html.hasSuffix("</pre>\n</section>\n</section>\n</body>\n</html>\n"))
  }

  @Test func aCriterionIsWrittenWithItsQuotesOneToALine() throws {
    let html = render(ReportFixtures.pend)
    let articles = HTMLInspection.captures(
      #"(<article class="criterion"[^>]*>.*?</article>)"#, in: html)
    let withQuotes = try #require(articles.first { $0.contains("<ul class=\"quotes\">") })
    let lines = withQuotes.split(separator: "\n", omittingEmptySubsequences: false)

    #expect(lines.first?.hasPrefix("<article class=\"criterion\" id=\"criterion-") == true)
    #expect(lines[1].hasPrefix("<h3><span class=\"status "))
    #expect(lines[2].hasPrefix("<p class=\"cite\">"))
    #expect(lines[3].hasPrefix("<p>") && lines[3].hasSuffix("</p>"))
    #expect(lines[4] == "<ul class=\"quotes\">")
    #expect(lines.dropFirst(5).dropLast(2).allSatisfy { $0.hasPrefix("<li><q>") })
    #expect(lines.suffix(2) == ["</ul>", "</article>"])
  }

  @Test(arguments: DeterminationStatus.allCases)
  func theUTF8PageIsTheRenderedPage(_ status: DeterminationStatus) {
    let report = HTMLReport(
      report: ReportFixtures.report(status), documents: ReportFixtures.documents)

    #expect(report.renderUTF8() == Data(report.render().utf8))
  }
}
