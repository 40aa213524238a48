import Model

extension HTMLReport {
  func writeCriteriaSection(to page: inout HTMLPage) {
    page.append("<section id=\"criteria\">\n<h2>All criteria</h2>\n")
    if report.determinations.isEmpty { page.append("<p>No criteria were evaluated.</p>") }
    page.append(report.determinations, separator: "\n") { determination, page in
      writeCriteria(of: determination, to: &page)
    }
    page.append("\n</section>")
  }

  /// The criteria of one guideline, under its name when the case has more than one.
  func writeCriteria(of determination: Determination, to page: inout HTMLPage) {
    // The line after the heading is kept when there is no heading, as the page has always
    // had it.
    if report.determinations.count > 1 {
      page.append("<h3>\(text: ReportWording.guidelineName(determination.guideline))</h3>")
    }
    page.append("\n")

    if determination.criteria.isEmpty {
      page.append("<p>No criteria were evaluated for this guideline.</p>")
    }
    page.append(determination.criteria, separator: "\n") { criterion, page in
      writeCriterionArticle(criterion, guideline: determination.guideline, to: &page)
    }
  }

  func writeCriterionArticle(
    _ criterion: CriterionResult, guideline: String, to page: inout HTMLPage
  ) {
    // Piece by piece into the page, not as one `HTMLMarkup`: the article's markup would be a
    // buffer of its own, made and copied once for every criterion.
    page.append("<article class=\"criterion\" id=\"criterion-")
    page.append(markup: criterion.id.htmlAnchorSafe)
    page.append("\">\n<h3>")
    writeStatusChip(criterion.status, to: &page)
    page.append(" ")
    page.append(text: criterion.description)
    page.append("</h3>\n<p class=\"cite\">")
    page.append(text: ReportWording.label(criterion.family))
    page.append(" · ")
    writeCitation(criterion, guideline: guideline, to: &page)
    page.append("</p>\n<p>")
    page.append(text: criterion.reason)
    page.append("</p>\n")

    if criterion.evidence.isEmpty {
      page.append("<p class=\"muted\">No evidence cited.</p>")
    } else {
      writeQuoteList(criterion.evidence, to: &page)
    }
    page.append("\n</article>")
  }

  /// The quotes of some evidence as a list, each linked to its place in the appendix.
  func writeQuoteList(_ evidence: [Evidence], to page: inout HTMLPage) {
    page.append("<ul class=\"quotes\">\n")
    page.append(evidence, separator: "\n") { evidence, page in
      page.append("<li>")
      writeQuote(evidence, to: &page)
      page.append("</li>")
    }
    page.append("\n</ul>")
  }

  /// The quoted words of some evidence, then where they are from.
  func writeQuote(_ evidence: Evidence, to page: inout HTMLPage) {
    page.append("<q>")
    page.append(text: evidence.text)
    page.append("</q> ")
    writeSource(of: evidence, to: &page)
  }

  /// "office-note.pdf, page 2", linked to the highlighted words or, failing that, the page.
  func writeSource(of evidence: Evidence, to page: inout HTMLPage) {
    page.append("<span class=\"cite\">")
    switch anchors.target(for: evidence) {
    case .quote(let anchor):
      writeLinkStart(to: anchor, on: &page)
      writeName(of: evidence, to: &page)
      page.append("</a>")
    case .page(let anchor):
      writeLinkStart(to: anchor, on: &page)
      writeName(of: evidence, to: &page)
      page.append("</a> (these words were not found in the extracted text)")
    case .unavailable:
      writeName(of: evidence, to: &page)
      page.append(" (text not included in this report)")
    }

    if let confidence = evidence.ocrConfidence {
      let percent = ReportWording.number(confidence.rounded())
      page.append(", read by OCR at \(markup: percent)% confidence")
      if confidence < OCRPage.lowConfidence { page.append(": verify against the original") }
    }
    page.append("</span>")
  }

  /// `<a href="#anchor">`, written piece by piece into the page: it opens a link for every
  /// quote, and as one `HTMLMarkup` it would be a buffer of its own each time.
  func writeLinkStart(to anchor: String, on page: inout HTMLPage) {
    page.append("<a href=\"#")
    page.append(markup: anchor)
    page.append("\">")
  }

  /// The document and page an evidence cites: "office-note.pdf, page 2".
  func writeName(of evidence: Evidence, to page: inout HTMLPage) {
    page.append(text: evidence.document)
    page.append(", page ")
    page.append(evidence.page)
  }

  func writeFactsSection(to page: inout HTMLPage) {
    page.append("<section id=\"facts\">\n<h2>Facts found (\(report.facts.count))</h2>\n")
    if report.facts.isEmpty {
      page.append("<p>No facts were found in the documents.</p>")
    } else {
      page.append(
        """
        <table>
        <thead><tr><th>Type</th><th>Value</th><th>Context</th><th>Evidence</th></tr></thead>
        <tbody>

        """)
      page.append(report.facts, separator: "\n") { fact, page in writeFactRow(fact, to: &page) }
      page.append("\n</tbody>\n</table>")
    }
    page.append("\n</section>")
  }

  /// One fact as a row of the facts table: its summary, then its quotes one to a line.
  func writeFactRow(_ fact: Fact, to page: inout HTMLPage) {
    let summary = FactSummary(fact)
    // Cell by cell into the page, not as one `HTMLMarkup`: a row's markup would be a buffer
    // of its own, made and copied once for every fact.
    page.append("<tr><td>")
    page.append(text: summary.type)
    page.append("</td><td>")
    page.append(text: summary.value)
    page.append("</td><td>")
    page.append(text: summary.context)
    page.append("</td><td>")
    page.append(fact.evidence, separator: "<br>") { evidence, page in
      writeQuote(evidence, to: &page)
    }
    page.append("</td></tr>")
  }
}

extension String {
  /// The string reduced to letters, digits, `-` and `_`, for use inside an element id.
  var htmlAnchorSafe: String {
    // Byte by byte: a scalar outside ASCII is one lead byte and its continuation bytes, and
    // becomes one `-`, as each scalar does.
    var anchor: [UInt8] = []
    anchor.reserveCapacity(utf8.count)
    for byte in utf8 where !UTF8.isContinuation(byte) {
      let isKept =
        byte < 0x80 && Unicode.Scalar(byte).isASCIILetterOrDigit
        || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
      anchor.append(isKept ? byte : UInt8(ascii: "-"))
    }
    return String(decoding: anchor, as: UTF8.self)
  }
}

extension Unicode.Scalar {
  /// Whether the scalar is `A` to `Z`, `a` to `z` or `0` to `9`.
  var isASCIILetterOrDigit: Bool {
    ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
  }
}
