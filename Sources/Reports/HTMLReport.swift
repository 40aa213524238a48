import Foundation
import Model

/// One case's review as a single self-contained HTML page, for a reviewer to read on screen or
/// print on letter paper.
///
/// The page opens with the request and the determination (as a word and a colour), then the
/// gaps with the exact request to send the provider and all requests in one block to copy,
/// then every criterion with its evidence, the facts table, how each document was read, and an
/// appendix of the extracted text in which every quoted passage is highlighted and linked to.
/// The file has no scripts and loads nothing: it works offline and can be archived as is.
/// Everything taken from a document or a request is escaped.
public struct HTMLReport {
  public let report: CaseReport
  /// The extracted texts, shown in the appendix and used to place the highlights.
  public let documents: [Document]
  let anchors: QuoteAnchors

  public init(report: CaseReport, documents: [Document]) {
    self.report = report
    self.documents = documents

    anchors = QuoteAnchors(evidence: Self.citedEvidence(report), documents: documents)
  }

  /// Every evidence of the report's facts, then of its criteria, repeats and all. By index,
  /// so that no fact or criterion is copied out of its list.
  static func citedEvidence(_ report: CaseReport) -> [Evidence] {
    var evidence: [Evidence] = []
    for index in report.facts.indices { evidence += report.facts[index].evidence }
    for determination in report.determinations.indices {
      let criteria = report.determinations[determination].criteria
      for index in criteria.indices { evidence += criteria[index].evidence }
    }
    return evidence
  }

  /// The complete HTML document.
  ///
  /// Making the `String` checks every byte of the page again, a sixth of the cost of
  /// rendering: a caller writing a file takes `renderUTF8()`, the same bytes without it.
  public func render() -> String { writtenPage().text }

  /// The complete HTML document as UTF-8, as a report file holds it: `render()` without the
  /// check of every byte that making a `String` costs.
  public func renderUTF8() -> Data { writtenPage().data }

  /// The page with every section written into it, in reading order.
  func writtenPage() -> HTMLPage {
    var page = HTMLPage(capacity: pageCapacity)
    page.append(
      """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(text: title)</title>
      <style>
      \(markup: HTMLStyle.css)
      \(markup: HTMLStyle.printFooter(caseID: report.case))
      </style>
      </head>
      <body>

      """)

    writeHeader(to: &page)
    page.append("\n")
    writeGapsSection(to: &page)
    page.append("\n")
    writeCriteriaSection(to: &page)
    page.append("\n")
    writeFactsSection(to: &page)
    page.append("\n")
    writeReadingNotesSection(to: &page)
    page.append("\n")
    writeAppendixSection(to: &page)

    page.append("\n</body>\n</html>\n")
    return page
  }

  /// Room for the style sheet and the appendix's text with some to spare, so that most pages
  /// are written without the buffer growing.
  var pageCapacity: Int {
    let text = documents.reduce(0) { $0 + $1.text.utf8.count }
    return HTMLStyle.css.utf8.count + 2 * text + 16 * 1024
  }

  /// The page title: case and first determination, as a browser tab or a printout names it.
  var title: String {
    let verdict = report.determinations.first.map { ReportWording.label($0.determination) }
    return ["PendCheck", "case \(report.case)", verdict].compactMap { $0 }.joined(separator: " · ")
  }

  // MARK: Header

  func writeHeader(to page: inout HTMLPage) {
    page.append(
      """
      <header id="summary">
      <h1>Prior-authorization review: case \(text: report.case)</h1>
      <dl class="request-facts">

      """)
    page.append(requestRows, separator: "\n") { row, page in
      page.append("<dt>\(markup: row.0)</dt><dd>\(text: row.1)</dd>")
    }
    page.append("\n</dl>\n")

    if report.determinations.isEmpty {
      page.append(noDeterminationBanner)
    } else {
      page.append(report.determinations.enumerated(), separator: "\n") { numbered, page in
        page.append(determinationBanner(numbered.element, number: numbered.offset + 1))
      }
    }
    page.append("\n</header>")
  }

  /// The request as label and value pairs; values are plain text, escaped by the caller.
  var requestRows: [(String, String)] {
    let request = report.request
    let codes = request.cpt.isEmpty ? "none given" : "CPT \(request.cpt.joined(separator: ", "))"
    var rows = [("Requested codes", codes)]
    if let service = request.service { rows.append(("Service", service)) }

    let site = [
      request.region.map { ReportWording.humanized($0.rawValue) }, request.side?.rawValue,
      request.levels.isEmpty ? nil : "levels \(request.levels.joined(separator: ", "))",
    ].compactMap { $0 }
    if !site.isEmpty { rows.append(("Site", site.joined(separator: ", "))) }
    if let purpose = request.purpose { rows.append(("Purpose", ReportWording.humanized(purpose))) }

    rows.append(("Date of service", report.noteDate?.usFormat ?? "not found in the notes"))
    rows.append(("Planned date", request.plannedDate?.usFormat ?? "not given"))
    return rows
  }

  /// The determination of one guideline, in words and in its colour.
  func determinationBanner(_ determination: Determination, number: Int) -> HTMLMarkup {
    let status = determination.determination
    let guideline = ReportWording.guidelineName(determination.guideline)
    let gaps = determination.gaps.map(ReportWording.label).joined(separator: ", ")
    let detail: HTMLMarkup =
      if let reason = determination.exclusionReason {
        "<p><span class=\"label\">Why excluded:</span> \(text: reason)</p>"
      } else if !gaps.isEmpty {
        "<p><span class=\"label\">Gaps:</span> \(text: gaps)</p>"
      } else { "" }
    return """
      <section class="determination \(markup: status.rawValue)" id="determination-\(number)">
      <div class="verdict">Determination: \(markup: ReportWording.label(status))</div>
      <p>\(text: guideline), indication applied: \
      \(text: ReportWording.indication(of: determination))</p>
      <p>\(markup: ReportWording.meaning(status))</p>
      \(detail)
      </section>
      """
  }

  var noDeterminationBanner: HTMLMarkup {
    """
    <section class="determination excluded" id="determination-1">
    <div class="verdict">Determination: NONE</div>
    <p>None of guidelines 1750-1758 was applied to this request.</p>
    </section>
    """
  }
}
