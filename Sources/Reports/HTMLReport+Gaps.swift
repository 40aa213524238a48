import Model

extension HTMLReport {
  /// A criterion that falls short, with the determination it belongs to.
  struct Shortfall {
    var determination: Determination
    var criterion: CriterionResult
  }

  /// Every criterion not met or not documented, in determination and criterion order.
  var shortfalls: [Shortfall] {
    report.determinations.flatMap { determination in
      determination.criteria.filter { $0.status != .met }.map {
        Shortfall(determination: determination, criterion: $0)
      }
    }
  }

  /// The provider requests of all shortfalls, each once, in order.
  var providerRequests: [String] {
    var seen: Set<String> = []
    return shortfalls.compactMap { Self.request(for: $0.criterion) }
      .filter { seen.insert($0).inserted }
  }

  /// What to ask the provider for a criterion: the matcher's own request, or, for a criterion
  /// not documented that came without one, a request built from its description, so that
  /// every missing item can be asked for. A contradicted criterion (`notMet`) is for a
  /// physician reviewer, not a request.
  static func request(for criterion: CriterionResult) -> String? {
    if let request = criterion.providerRequest { return request }
    guard criterion.status == .notDocumented else { return nil }
    return "Send documentation of: \(criterion.description)"
  }

  func writeGapsSection(to page: inout HTMLPage) {
    let shortfalls = shortfalls
    let isExcluded = report.determinations.contains { $0.determination == .excluded }
    page.append("<section id=\"gaps\">\n<h2>Gaps</h2>\n")
    if !shortfalls.isEmpty {
      page.append(
        "<p class=\"muted\">Criteria not met or not documented, with what to ask for.</p>")
    } else if isExcluded {
      page.append("<p>Nothing to ask the provider for: the request is outside the guideline.</p>")
    } else {
      page.append("<p>No gaps: no criterion is short of documentation or contradicted.</p>")
    }
    page.append("\n")

    page.append(shortfalls.enumerated(), separator: "\n") { numbered, page in
      writeGapArticle(numbered.element, number: numbered.offset + 1, to: &page)
    }
    page.append("\n")

    page.append(requestsBlock)
    page.append("\n</section>")
  }

  func writeGapArticle(_ shortfall: Shortfall, number: Int, to page: inout HTMLPage) {
    let criterion = shortfall.criterion
    let guideline = shortfall.determination.guideline
    page.append(
      "<article class=\"gap \(markup: criterion.status.rawValue)\" id=\"gap-\(number)\">\n<h3>")
    writeStatusChip(criterion.status, to: &page)
    page.append(" \(text: ReportWording.label(criterion.family)) <span class=\"cite\">")
    writeCitation(criterion, guideline: guideline, to: &page)
    page.append(
      """
      </span></h3>
      <p>\(text: criterion.description)</p>
      <p><span class="label">Why:</span> \(text: criterion.reason)</p>
      """)

    if let request = Self.request(for: criterion) {
      page.append(
        """

        <p class="provider-request"><span class="label">Ask the provider:</span> \
        \(text: request)</p>
        """)
    }
    if !criterion.evidence.isEmpty {
      page.append("\n")
      writeQuoteList(criterion.evidence, to: &page)
    }
    page.append("\n</article>")
  }

  var requestsBlock: HTMLMarkup {
    let providerRequests = providerRequests
    guard !providerRequests.isEmpty else { return "" }

    let numbered = providerRequests.enumerated().map { "\($0 + 1). \($1)" }
    let text = ([requestsPreamble] + numbered).joined(separator: "\n")
    return """
      <h3 id="all-requests">All requests to the provider, ready to copy \
      <span class="back">(one click selects the whole block)</span></h3>
      <pre class="requests" id="provider-requests">\(text: text)</pre>
      """
  }

  /// The first line of the copyable block, saying which case and service it is about.
  var requestsPreamble: String {
    var subject = "Case \(report.case)"
    if !report.request.cpt.isEmpty {
      subject += ", CPT \(report.request.cpt.joined(separator: ", "))"
    }
    if let planned = report.request.plannedDate { subject += ", planned \(planned.usFormat)" }
    return "\(subject): please send documentation of the following."
  }

  func writeStatusChip(_ status: CriterionStatus, to page: inout HTMLPage) {
    page.append("<span class=\"status ")
    page.append(markup: status.rawValue)
    page.append("\">")
    page.append(markup: ReportWording.label(status))
    page.append("</span>")
  }

  /// "Guideline 1756 § B.2 · 1756.sij.provocation", escaped.
  func writeCitation(_ criterion: CriterionResult, guideline: String, to page: inout HTMLPage) {
    page.append("Guideline ")
    page.append(text: guideline)
    page.append(" § ")
    page.append(text: criterion.section)
    page.append(" · ")
    page.append(text: criterion.id)
  }
}
