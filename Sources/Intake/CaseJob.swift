import Foundation
import Model
import Reports
import Review

/// The work of one case inside a worker process: review it and write its reports.
///
/// `willRead` is told each document before it is read (so the watcher can say which file a
/// crash happened in); the result's fields (counts, outcome and timings, never document
/// text) go into the watcher's log line.
enum CaseJob {
  /// Reviews the claimed case at `url` and writes `<case>.json` and `<case>.html` to
  /// `reports`, each atomically; records `fingerprint` for duplicate detection.
  static func run(
    _ url: URL, reviewer: CaseReviewer, reports: URL, fingerprint: String?,
    willRead: (URL) -> Void
  ) throws -> [WorkerMessage.ResultField] {
    let input = try CaseInput.at(url)
    let reviewed = try reviewer.review(input, willRead: willRead)
    let reportStart = monotonicSeconds()

    let html = HTMLReport(report: reviewed.report, documents: reviewed.documents).render()
    try ReportFile.writeAtomically(
      try JSONReport.encode(reviewed.report),
      to: reports.appendingPathComponent("\(input.caseID).json"))
    try ReportFile.writeAtomically(
      Data(html.utf8), to: reports.appendingPathComponent("\(input.caseID).html"))
    if let fingerprint {
      try ReportFile.writeAtomically(
        Data(input.caseID.utf8),
        to: reports.appendingPathComponent(".fingerprints").appendingPathComponent(fingerprint))
    }
    return resultFields(reviewed, reportSeconds: monotonicSeconds() - reportStart)
  }

  private static func resultFields(_ reviewed: ReviewedCase, reportSeconds: Double)
    -> [WorkerMessage.ResultField]
  {
    let first = reviewed.report.determinations.first
    let timings = reviewed.timings
    let milliseconds = { (seconds: Double) in String(format: "%.2f", seconds * 1000) }
    let fields = [
      ("documents", "\(reviewed.documents.count)"),
      ("pages", "\(reviewed.timings.pages)"),
      ("facts", "\(reviewed.report.facts.count)"),
      ("guideline", first?.guideline ?? "none"),
      ("determination", first?.determination.rawValue ?? "none"),
      ("gaps", "\(first?.gaps.count ?? 0)"),
      ("extraction_ms", milliseconds(timings.extraction)),
      ("language_ms", milliseconds(timings.language)),
      ("facts_ms", milliseconds(timings.facts)),
      ("matching_ms", milliseconds(timings.matching)),
      ("report_ms", milliseconds(reportSeconds)),
    ]
    return fields.map { WorkerMessage.ResultField(key: $0.0, value: $0.1) }
  }
}
