import Model

extension HTMLReport {
  var criteriaSection: HTMLMarkup {
    let groups = report.determinations.map { determination in
      let heading: HTMLMarkup =
        report.determinations.count > 1
        ? "<h3>\(text: ReportWording.guidelineName(determination.guideline))</h3>" : ""
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

  func criterionArticle(_ criterion: CriterionResult, guideline: String) -> HTMLMarkup {
    let evidence = quoteList(criterion.evidence) ?? "<p class=\"muted\">No evidence cited.</p>"
    return """
      <article class="criterion" id="criterion-\(markup: criterion.id.htmlAnchorSafe)">
      <h3>\(statusChip(criterion.status)) \(text: criterion.description)</h3>
      <p class="cite">\(text: ReportWording.label(criterion.family)) · \
      \(citation(criterion, guideline: guideline))</p>
      <p>\(text: criterion.reason)</p>
      \(evidence)
      </article>
      """
  }

  /// The quotes of some evidence as a list, each linked to its place in the appendix.
  func quoteList(_ evidence: [Evidence]) -> HTMLMarkup? {
    guard !evidence.isEmpty else { return nil }

    let items = evidence.map { evidence -> HTMLMarkup in
      "<li><q>\(text: evidence.text)</q> \(source(of: evidence))</li>"
    }
    return "<ul class=\"quotes\">\n\(items.joined(separator: "\n"))\n</ul>"
  }

  /// "office-note.pdf, page 2", linked to the highlighted words or, failing that, the page.
  func source(of evidence: Evidence) -> HTMLMarkup {
    let name: HTMLMarkup = "\(text: evidence.document), page \(evidence.page)"
    var place: HTMLMarkup =
      switch anchors.target(for: evidence) {
      case .quote(let anchor): "<a href=\"#\(markup: anchor)\">\(name)</a>"
      case .page(let anchor):
        """
        <a href="#\(markup: anchor)">\(name)</a> \
        (these words were not found in the extracted text)
        """
      case .unavailable: "\(name) (text not included in this report)"
      }
    if let confidence = evidence.ocrConfidence {
      place += ", read by OCR at \(markup: ReportWording.number(confidence.rounded()))% confidence"
      if confidence < OCRPage.lowConfidence { place += ": verify against the original" }
    }
    return "<span class=\"cite\">\(place)</span>"
  }

  var factsSection: HTMLMarkup {
    let rows = report.facts.map(factRow)
    let table: HTMLMarkup = """
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

  /// One fact as a row of the facts table: its summary, then its quotes one to a line.
  func factRow(_ fact: Fact) -> HTMLMarkup {
    let summary = FactSummary(fact)
    let evidence = fact.evidence.map { evidence -> HTMLMarkup in
      "<q>\(text: evidence.text)</q> \(source(of: evidence))"
    }
    return """
      <tr><td>\(text: summary.type)</td><td>\(text: summary.value)</td>\
      <td>\(text: summary.context)</td><td>\(evidence.joined(separator: "<br>"))</td></tr>
      """
  }
}

extension String {
  /// The string reduced to letters, digits, `-` and `_`, for use inside an element id.
  var htmlAnchorSafe: String {
    var anchor: [UInt8] = []
    anchor.reserveCapacity(utf8.count)
    for scalar in unicodeScalars {
      let isKept = scalar.isASCIILetterOrDigit || scalar == "-" || scalar == "_"
      anchor.append(isKept ? UInt8(scalar.value) : UInt8(ascii: "-"))
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
