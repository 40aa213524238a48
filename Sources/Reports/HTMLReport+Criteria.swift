import Model

extension HTMLReport {
  var criteriaSection: String {
    let groups = report.determinations.map { determination in
      let heading =
        report.determinations.count > 1
        ? "<h3>\(ReportWording.guidelineName(determination.guideline).htmlEscaped)</h3>" : ""
      let articles =
        determination.criteria.isEmpty
        ? ["<p>No criteria were evaluated for this guideline.</p>"]
        : determination.criteria.map { criterionArticle($0, guideline: determination.guideline) }
      return ([heading] + articles).joined(separator: "\n")
    }
    return """
      <section id="criteria">
      <h2>All criteria</h2>
      \(groups.isEmpty ? "<p>No criteria were evaluated.</p>" : groups.joined(separator: "\n"))
      </section>
      """
  }

  func criterionArticle(_ criterion: CriterionResult, guideline: String) -> String {
    let parts = [
      "<article class=\"criterion\" id=\"criterion-\(criterion.id.htmlAnchorSafe)\">",
      "<h3>\(statusChip(criterion.status)) \(criterion.description.htmlEscaped)</h3>",
      "<p class=\"cite\">\(ReportWording.label(criterion.family).htmlEscaped) · "
        + "\(citation(criterion, guideline: guideline))</p>",
      "<p>\(criterion.reason.htmlEscaped)</p>",
      quoteList(criterion.evidence) ?? "<p class=\"muted\">No evidence cited.</p>",
      "</article>",
    ]
    return parts.joined(separator: "\n")
  }

  /// The quotes of some evidence as a list, each linked to its place in the appendix.
  func quoteList(_ evidence: [Evidence]) -> String? {
    guard !evidence.isEmpty else { return nil }

    let items = evidence.map { "<li><q>\($0.text.htmlEscaped)</q> \(source(of: $0))</li>" }
    return "<ul class=\"quotes\">\n\(items.joined(separator: "\n"))\n</ul>"
  }

  /// "office-note.pdf, page 2", linked to the highlighted words or, failing that, the page.
  func source(of evidence: Evidence) -> String {
    var place = "\(evidence.document), page \(evidence.page)".htmlEscaped
    switch anchors.target(for: evidence) {
    case .quote(let anchor): place = "<a href=\"#\(anchor)\">\(place)</a>"
    case .page(let anchor):
      place =
        "<a href=\"#\(anchor)\">\(place)</a> (these words were not found in the extracted text)"
    case .unavailable: place += " (text not included in this report)"
    }
    if let confidence = evidence.ocrConfidence {
      place += ", read by OCR at \(ReportWording.number(confidence.rounded()))% confidence"
      if confidence < OCRPage.lowConfidence { place += ": verify against the original" }
    }
    return "<span class=\"cite\">\(place)</span>"
  }

  var factsSection: String {
    let rows = report.facts.map { fact in
      let summary = FactSummary(fact)
      let evidence = fact.evidence.map {
        "<q>\($0.text.htmlEscaped)</q> \(source(of: $0))"
      }
      let cells = [summary.type, summary.value, summary.context].map {
        "<td>\($0.htmlEscaped)</td>"
      }
      return "<tr>\(cells.joined())<td>\(evidence.joined(separator: "<br>"))</td></tr>"
    }
    let table = """
      <table>
      <thead><tr><th>Type</th><th>Value</th><th>Context</th><th>Evidence</th></tr></thead>
      <tbody>
      \(rows.joined(separator: "\n"))
      </tbody>
      </table>
      """
    return """
      <section id="facts">
      <h2>Facts found (\(report.facts.count))</h2>
      \(rows.isEmpty ? "<p>No facts were found in the documents.</p>" : table)
      </section>
      """
  }
}

extension String {
  /// The string reduced to letters, digits, `-` and `_`, for use inside an element id.
  var htmlAnchorSafe: String {
    String(
      unicodeScalars.map { scalar in
        scalar.isASCIILetterOrDigit || scalar == "-" || scalar == "_" ? Character(scalar) : "-"
      })
  }
}

extension Unicode.Scalar {
  /// Whether the scalar is `A` to `Z`, `a` to `z` or `0` to `9`.
  var isASCIILetterOrDigit: Bool {
    ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
  }
}
