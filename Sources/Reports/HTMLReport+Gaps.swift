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

  var gapsSection: HTMLMarkup {
    let items = shortfalls.enumerated().map { gapArticle($1, number: $0 + 1) }
    let isExcluded = report.determinations.contains { $0.determination == .excluded }
    let opening: HTMLMarkup =
      if !items.isEmpty {
        "<p class=\"muted\">Criteria not met or not documented, with what to ask for.</p>"
      } else if isExcluded {
        "<p>Nothing to ask the provider for: the request is outside the guideline.</p>"
      } else {
        "<p>No gaps: no criterion is short of documentation or contradicted.</p>"
      }
    return """
      <section id="gaps">
      <h2>Gaps</h2>
      \(opening)
      \(items.joined(separator: "\n"))
      \(requestsBlock)
      </section>
      """
  }

  func gapArticle(_ shortfall: Shortfall, number: Int) -> HTMLMarkup {
    let criterion = shortfall.criterion
    let guideline = shortfall.determination.guideline
    let request = Self.request(for: criterion).map { request -> HTMLMarkup in
      """
      <p class="provider-request"><span class="label">Ask the provider:</span> \
      \(text: request)</p>
      """
    }
    let parts: [HTMLMarkup?] = [
      "<article class=\"gap \(markup: criterion.status.rawValue)\" id=\"gap-\(number)\">",
      """
      <h3>\(statusChip(criterion.status)) \(text: ReportWording.label(criterion.family)) \
      <span class="cite">\(citation(criterion, guideline: guideline))</span></h3>
      """,
      "<p>\(text: criterion.description)</p>",
      "<p><span class=\"label\">Why:</span> \(text: criterion.reason)</p>",
      request, quoteList(criterion.evidence), "</article>",
    ]
    return parts.compactMap { $0 }.joined(separator: "\n")
  }

  var requestsBlock: HTMLMarkup {
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

  func statusChip(_ status: CriterionStatus) -> HTMLMarkup {
    let label = ReportWording.label(status)
    return "<span class=\"status \(markup: status.rawValue)\">\(markup: label)</span>"
  }

  /// "Guideline 1756 § B.2 · 1756.sij.provocation", escaped.
  func citation(_ criterion: CriterionResult, guideline: String) -> HTMLMarkup {
    "Guideline \(text: guideline) § \(text: criterion.section) · \(text: criterion.id)"
  }
}
