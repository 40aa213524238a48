import Model

/// A compact plain-text summary of one case for `pendcheck review`: the request, each
/// determination, the gaps with what to ask the provider, the criteria met, and how the
/// documents were read.
///
/// Lines are wrapped to the width asked for (80 columns by default, counted in characters);
/// ANSI colour is added only when `colored` is true, and always next to a word that says the
/// same thing, so piped or colourless output loses nothing.
public struct TerminalReport {
  public let report: CaseReport

  public init(report: CaseReport) {
    self.report = report
  }

  /// The summary, ending in a newline.
  ///
  /// - Parameters:
  ///   - width: the column to wrap at; at least 40 is used.
  ///   - colored: whether to add ANSI colour (see `TerminalColor.shouldColor`).
  public func render(width: Int = 80, colored: Bool) -> String {
    var writer = TerminalWriter(width: max(width, 40), colored: colored)
    writeRequest(to: &writer)
    for determination in report.determinations {
      writer.blank()
      writeDetermination(determination, to: &writer)
    }
    if report.determinations.isEmpty {
      writer.blank()
      writer.line("No guideline was applied to this request.", style: .bold)
    }
    writer.blank()
    writeDocuments(to: &writer)
    return writer.text
  }

  private func writeRequest(to writer: inout TerminalWriter) {
    let request = report.request
    writer.line("PendCheck review of case \(report.case)", style: .bold)

    let codes =
      request.cpt.isEmpty ? "no CPT code given" : "CPT \(request.cpt.joined(separator: ", "))"
    let site = [
      request.service, request.region.map { ReportWording.humanized($0.rawValue) },
      request.side?.rawValue,
      request.levels.isEmpty ? nil : request.levels.joined(separator: ", "),
    ].compactMap { $0 }
    writer.labelled("Request", ([codes] + site).joined(separator: " · "))
    writer.labelled(
      "Service", report.noteDate.map { "\($0.usFormat) (latest note)" } ?? "date not found")
    writer.labelled("Planned", request.plannedDate?.usFormat ?? "not given")
  }

  private func writeDetermination(_ determination: Determination, to writer: inout TerminalWriter) {
    let status = determination.determination
    let guideline = ReportWording.guidelineName(determination.guideline)
    writer.labelled(
      ReportWording.label(status), guideline, style: Self.style(status), labelWidth: 0)
    writer.indented("Indication: \(ReportWording.indication(of: determination))", by: 2)
    writer.indented(ReportWording.meaning(status), by: 2)
    if let reason = determination.exclusionReason {
      writer.indented("Why excluded: \(reason)", by: 2)
    }

    let shortfalls = determination.criteria.filter { $0.status != .met }
    if !shortfalls.isEmpty {
      writer.blank()
      writer.line("Gaps (\(shortfalls.count))", style: .bold)
      shortfalls.forEach { writeShortfall($0, to: &writer) }
    }

    let met = determination.criteria.filter { $0.status == .met }
    if !met.isEmpty {
      writer.blank()
      // Two criteria of one family (two interval rules) are named once, with their count.
      var counts: [GapFamily: Int] = [:]
      met.forEach { counts[$0.family, default: 0] += 1 }
      var named: Set<GapFamily> = []
      let families = met.map(\.family).filter { named.insert($0).inserted }.map { family in
        let count = counts[family] ?? 1
        return ReportWording.label(family) + (count > 1 ? "×\(count)" : "")
      }.joined(separator: ", ")
      writer.labelled("Met (\(met.count))", families, style: .green, labelWidth: 0)
    }
  }

  private func writeShortfall(_ criterion: CriterionResult, to writer: inout TerminalWriter) {
    let label = ReportWording.label(criterion.status).uppercased()
    let style: ANSIStyle = criterion.status == .notMet ? .blue : .yellow
    let title = "\(ReportWording.label(criterion.family)) (§ \(criterion.section))"
    writer.labelled(label, title, style: style, labelWidth: 0, indent: 2)
    writer.labelled("Why:", criterion.reason, labelWidth: 4, indent: 4)
    if let request = HTMLReport.request(for: criterion) {
      writer.labelled("Ask:", request, labelWidth: 4, indent: 4)
    }
  }

  private func writeDocuments(to writer: inout TerminalWriter) {
    let heading = "Documents (\(report.documents.count)), facts found: \(report.facts.count)"
    writer.line(heading, style: .bold)
    for summary in report.documents {
      Self.readingNotes(summary).enumerated().forEach { writer.indented($1, by: $0 == 0 ? 2 : 4) }
    }
  }

  /// How a document was read: a first line naming it, then one line per page worth noting.
  static func readingNotes(_ summary: DocumentSummary) -> [String] {
    if let failure = summary.failure { return ["\(summary.name): could not be read (\(failure))"] }

    let pages = summary.pageCount == 1 ? "1 page" : "\(summary.pageCount) pages"
    var notes = ["\(summary.name): \(pages)"]
    for page in summary.pagesNeedingOCR.sorted() {
      notes.append("page \(page) not read: no text layer")
    }
    for page in summary.ocrPages.sorted(by: { $0.page < $1.page }) {
      let confidence = "\(ReportWording.number(page.meanConfidence.rounded()))%"
      notes.append(page.warning ?? "page \(page.page) read by OCR, \(confidence)")
    }
    return notes
  }

  private static func style(_ status: DeterminationStatus) -> ANSIStyle {
    switch status {
    case .ready: .green
    case .pend: .yellow
    case .clinicalReview: .blue
    case .excluded: .dim
    }
  }
}
