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
    try ReportFile.writeAtomically([
      (
        try JSONReport.encode(reviewed.report),
        reports.appendingPathComponent("\(input.caseID).json")
      ),
      (Data(html.utf8), reports.appendingPathComponent("\(input.caseID).html")),
    ])
    if let fingerprint {
      recordFingerprint(
        fingerprint, caseID: input.caseID, in: reports.appendingPathComponent(".fingerprints"))
    }
    return resultFields(reviewed, reportSeconds: monotonicSeconds() - reportStart)
  }

  /// Records which case made the reports for a fingerprint, by an atomic rename but without
  /// flushing to disk: the reports take three disk flushes already, and a marker lost in a
  /// crash only means that the same content dropped again is processed again, not linked.
  private static func recordFingerprint(_ fingerprint: String, caseID: String, in folder: URL) {
    let marker = folder.appendingPathComponent(fingerprint).path
    let temporary = folder.appendingPathComponent(".\(fingerprint).\(getpid())").path
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { return }

    let bytes = Array(caseID.utf8)
    let written = write(descriptor, bytes, bytes.count)
    close(descriptor)
    if written != bytes.count || rename(temporary, marker) != 0 { unlink(temporary) }
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
