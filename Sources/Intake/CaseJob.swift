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
  ///
  /// The reports are not flushed to disk here: the watcher flushes those of several cases
  /// at once (`ReportFile.flush(_:)`) before it files them as done, so a crash of the
  /// machine before then leaves the cases claimed, to be processed again on restart.
  static func run(
    _ url: URL, reviewer: CaseReviewer, reports: URL, fingerprint: String?,
    willRead: (URL) -> Void
  ) throws -> [WorkerMessage.ResultField] {
    let input = try CaseInput.at(url)
    let reviewed = try reviewer.review(input, willRead: willRead)
    let reportStart = monotonicSeconds()
    let reportStartCPU = threadCPUSeconds()

    let html = HTMLReport(report: reviewed.report, documents: reviewed.documents).renderUTF8()
    try ReportFile.writeAtomically(
      [
        (try JSONReport.encode(reviewed.report), file("\(input.caseID).json", in: reports)),
        (html, file("\(input.caseID).html", in: reports)),
      ], flushing: false)
    if let fingerprint {
      let markers = reports.appending(path: ".fingerprints", directoryHint: .isDirectory)
      recordFingerprint(fingerprint, caseID: input.caseID, in: markers)
    }
    var report = StageTime()
    report.wall = monotonicSeconds() - reportStart
    report.cpu = threadCPUSeconds() - reportStartCPU
    return resultFields(reviewed, report: report)
  }

  /// Records which case made the reports for a fingerprint, by an atomic rename but without
  /// flushing to disk: a marker lost in a crash only means that the same content dropped
  /// again is processed again, not linked.
  private static func recordFingerprint(_ fingerprint: String, caseID: String, in folder: URL) {
    let marker = file(fingerprint, in: folder).path
    let temporary = file(".\(fingerprint).\(getpid())", in: folder).path
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { return }

    let bytes = Array(caseID.utf8)
    let written = write(descriptor, bytes, bytes.count)
    close(descriptor)
    if written != bytes.count || rename(temporary, marker) != 0 { unlink(temporary) }
  }

  /// The file `name` in `folder`; unlike `appendingPathComponent(_:)`, which asks the file
  /// system whether the name is a folder, it costs no system call.
  private static func file(_ name: String, in folder: URL) -> URL {
    folder.appending(path: name, directoryHint: .notDirectory)
  }

  /// The log fields of a reported case; each stage's time as `<stage>_ms` (wall clock) and
  /// `<stage>_cpu_ms` (the worker's CPU time).
  private static func resultFields(_ reviewed: ReviewedCase, report: StageTime)
    -> [WorkerMessage.ResultField]
  {
    let first = reviewed.report.determinations.first
    let timings = reviewed.timings
    let stages = [
      ("extraction", timings.extraction), ("language", timings.language),
      ("facts", timings.facts), ("matching", timings.matching), ("report", report),
    ]
    let fields =
      [
        ("documents", "\(reviewed.documents.count)"),
        ("pages", "\(reviewed.timings.pages)"),
        ("facts", "\(reviewed.report.facts.count)"),
        ("guideline", first?.guideline ?? "none"),
        ("determination", first?.determination.rawValue ?? "none"),
        ("gaps", "\(first?.gaps.count ?? 0)"),
      ] + stages.map { ("\($0.0)_ms", twoDecimals($0.1.wall * 1000)) }
      + stages.map { ("\($0.0)_cpu_ms", twoDecimals($0.1.cpu * 1000)) }
    return fields.map { WorkerMessage.ResultField(key: $0.0, value: $0.1) }
  }
}

/// A non-negative number with two decimals, rounded to the nearest hundredth, for the log;
/// `String(format:)`, through `NSString`, took a worker 130,000 instructions a case for the
/// ten timings of its result.
func twoDecimals(_ value: Double) -> String {
  let hundredths = Int((max(0, value) * 100).rounded())
  let fraction = hundredths % 100
  return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
}
