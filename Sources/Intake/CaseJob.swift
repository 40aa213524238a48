import Foundation
import Model
import Reports
import Review

/// The work of one case inside its child process: review it and write its reports.
///
/// Standard error carries `reading NAME` before each document (so the parent can say which
/// file a crash happened in) and the error message on failure; the last line of a success is
/// `result key=value …` for the parent's log. No document text is written.
public enum CaseJob {
  /// Reviews the claimed case at `url` and writes `<case>.json` and `<case>.html` to
  /// `reports`, each atomically; records `fingerprint` for duplicate detection.
  public static func run(
    _ url: URL, reviewer: CaseReviewer, reports: URL, fingerprint: String?
  ) throws -> String {
    let input = try CaseInput.at(url)
    for document in input.documents {
      FileHandle.standardError.write(Data("reading \(document.lastPathComponent)\n".utf8))
    }
    let reviewed = try reviewer.review(input)
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
    return resultLine(reviewed, reportSeconds: monotonicSeconds() - reportStart)
  }

  private static func resultLine(_ reviewed: ReviewedCase, reportSeconds: Double) -> String {
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
    return "result " + fields.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
  }
}
