import Dispatch
import Foundation
import Reports

/// The watch folder: finds finished cases in the inbox, claims each by an atomic rename,
/// processes it in a child process, and files it under done or failed.
///
/// Nothing is lost on a crash: a case is only ever in the inbox, in `.claimed`, or in done
/// or failed, each step one rename; reports are written to a temporary file and renamed by
/// the child; on start every case left in `.claimed` is processed again, and since a report's
/// name is its case id, doing so replaces rather than duplicates it.
public final class Intake {
  private let options: IntakeOptions
  private let log: EventLog
  private var tracker: StabilityTracker
  private var running: [RunningCase] = []
  private var backlog: [ClaimedCase] = []
  private var summary = IntakeSummary()
  private let stopRequest = StopRequest()
  private var progress: ProgressBar?

  public init(options: IntakeOptions, log: EventLog) {
    self.options = options
    self.log = log
    self.tracker = StabilityTracker(quietPeriod: options.quietPeriod)
  }

  /// Runs until SIGTERM or SIGINT (or, for batch, until the inbox is empty), finishing the
  /// cases in flight before returning.
  public func run() throws(IntakeError) -> IntakeSummary {
    let layout = options.layout
    try layout.prepare()
    removeStaleTemporaryFiles()
    let watch = try InotifyWatch(inbox: layout.inbox)
    let signals = stopRequest.installHandlers()
    defer { signals.forEach { $0.cancel() } }

    backlog = recoverClaimedCases()
    log.record(
      "intake.start", ("inbox", layout.inbox.path), ("jobs", "\(options.jobs)"),
      ("recovered", "\(backlog.count)"))

    while true {
      reapFinished()
      let candidates = stopRequest.isRequested ? [] : CaseCandidate.scan(layout.inbox)
      if !stopRequest.isRequested { startReadyCases(candidates, watch: watch) }

      let isIdle = running.isEmpty && backlog.isEmpty
      if isIdle && (stopRequest.isRequested || (options.stopsWhenIdle && candidates.isEmpty)) {
        break
      }
      let now = monotonicSeconds()
      for name in watch.wait(timeout: running.isEmpty ? 0.25 : 0.05) {
        tracker.touch(name, at: now)
      }
    }

    progress?.finish()
    log.record("intake.stop", ("cases", "\(summary.total)"), ("failed", "\(summary.failed)"))
    return summary
  }

  // MARK: Taking cases

  private func startReadyCases(_ candidates: [CaseCandidate], watch: InotifyWatch) {
    let now = monotonicSeconds()
    for candidate in candidates where candidate.isFolder {
      watch.watchFolder(
        options.layout.inbox.appendingPathComponent(candidate.name), name: candidate.name)
    }
    var stable = tracker.stable(candidates, inbox: options.layout.inbox, at: now)
    if options.showsProgress, progress == nil { progress = ProgressBar() }
    progress?.expect(summary.total + running.count + backlog.count + stable.count)

    while running.count < max(1, options.jobs) {
      if !backlog.isEmpty {
        start(backlog.removeFirst())
      } else if !stable.isEmpty {
        let candidate = stable.removeFirst()
        tracker.forget(candidate)
        watch.forgetFolder(candidate.name)
        if let claimed = claim(candidate, stableAt: now) { start(claimed) }
      } else {
        break
      }
    }
  }

  /// Moves a candidate into `.claimed`; `nil` when another case of that name is in flight
  /// or the entry vanished.
  private func claim(_ candidate: CaseCandidate, stableAt: Double) -> ClaimedCase? {
    let source = options.layout.inbox.appendingPathComponent(candidate.name)
    let target = options.layout.claimed.appendingPathComponent(candidate.name)
    guard !FileManager.default.fileExists(atPath: target.path),
      rename(source.path, target.path) == 0
    else { return nil }
    log.record("case.claimed", ("case", candidate.caseID), ("entry", candidate.name))
    return ClaimedCase(candidate: candidate, url: target, stableAt: stableAt)
  }

  private func recoverClaimedCases() -> [ClaimedCase] {
    let claimed = options.layout.claimed
    return CaseCandidate.scan(claimed).map { candidate in
      log.record("case.recovered", ("case", candidate.caseID), ("entry", candidate.name))
      return ClaimedCase(
        candidate: candidate, url: claimed.appendingPathComponent(candidate.name),
        stableAt: monotonicSeconds())
    }
  }

  private func start(_ claimed: ClaimedCase) {
    let fingerprint = CaseFingerprint.of(claimed.url)
    if !options.reprocessDuplicates, let fingerprint,
      let original = reportedCase(withFingerprint: fingerprint)
    {
      linkDuplicate(claimed, to: original)
      return
    }

    let outputFile = options.layout.claimed.appendingPathComponent(".\(claimed.candidate.name).log")
    var arguments = [
      "process-case", claimed.url.path, "--reports", options.layout.reports.path,
      "--memory-mb", "\(options.limits.memoryMegabytes)",
      "--cpu-seconds", "\(options.limits.cpuSeconds)",
    ]
    if let fingerprint { arguments += ["--fingerprint", fingerprint] }
    do {
      let child = try ChildProcess.spawn(
        options.executable, arguments + options.childArguments, outputFile: outputFile)
      running.append(RunningCase(claimed: claimed, child: child))
    } catch {
      fail(claimed, reason: (error as? IntakeError)?.message ?? "\(error)")
    }
  }

  // MARK: Finishing cases

  private func reapFinished() {
    let now = monotonicSeconds()
    var stillRunning: [RunningCase] = []
    for job in running {
      if let ending = job.child.poll() {
        finish(job, ending: ending)
      } else if now - job.child.started > options.limits.wallSeconds {
        job.child.kill()
        _ = waitForExit(job.child)
        let file = lastFileRead(job.child.output()).map { " while reading \($0)" } ?? ""
        fail(
          job.claimed,
          reason: "processing took longer than \(Int(options.limits.wallSeconds)) s\(file) "
            + "and was stopped; the PDF may be damaged or hostile.")
        try? FileManager.default.removeItem(at: job.child.outputFile)
      } else {
        stillRunning.append(job)
      }
    }
    running = stillRunning
  }

  private func finish(_ job: RunningCase, ending: ChildProcess.Ending) {
    let output = job.child.output()
    try? FileManager.default.removeItem(at: job.child.outputFile)

    switch ending {
    case .exited(0):
      let caseID = job.claimed.candidate.caseID
      move(job.claimed.url, into: options.layout.done, named: job.claimed.candidate.name)
      record(latency: job.claimed.stableAt)
      summary.reported += 1
      log.record(
        "case.reported",
        [("case", caseID), ("entry", job.claimed.candidate.name)]
          + resultFields(output) + [("latency_ms", milliseconds(since: job.claimed.stableAt))])
    case .exited:
      fail(job.claimed, reason: failureReason(output))
    case .signalled(let signal):
      let file = lastFileRead(output).map { " while reading \($0)" } ?? ""
      fail(
        job.claimed,
        reason: "the PDF reader stopped with signal \(signal)\(file); the file may be damaged.")
    }
    progress?.advance(failed: summary.failed)
  }

  private func fail(_ claimed: ClaimedCase, reason: String) {
    let caseID = claimed.candidate.caseID
    let folder = uniqueDestination(in: options.layout.failed, named: caseID)
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let text = "Case \(caseID) could not be processed.\n\n\(reason)\n"
      try ReportFile.writeAtomically(
        Data(text.utf8), to: folder.appendingPathComponent("reason.txt"))
      _ = rename(claimed.url.path, folder.appendingPathComponent(claimed.candidate.name).path)
    } catch {
      log.record("case.unfiled", ("case", caseID), ("error", "\(error)"))
    }
    summary.failed += 1
    record(latency: claimed.stableAt)
    log.record(
      "case.failed", ("case", caseID), ("entry", claimed.candidate.name),
      ("failed_dir", folder.path))
    progress?.advance(failed: summary.failed)
  }

  private func linkDuplicate(_ claimed: ClaimedCase, to original: String) {
    let caseID = claimed.candidate.caseID
    let reports = options.layout.reports
    if original != caseID {
      for suffix in ["json", "html"] {
        let link = reports.appendingPathComponent("\(caseID).\(suffix)")
        try? FileManager.default.removeItem(at: link)
        try? FileManager.default.createSymbolicLink(
          atPath: link.path, withDestinationPath: "\(original).\(suffix)")
      }
    }
    move(claimed.url, into: options.layout.done, named: claimed.candidate.name)
    summary.duplicates += 1
    record(latency: claimed.stableAt)
    log.record("case.duplicate", ("case", caseID), ("same_as", original))
    progress?.advance(failed: summary.failed)
  }

  /// The case id whose report was made from the same content, when that report still exists.
  private func reportedCase(withFingerprint fingerprint: String) -> String? {
    let marker = options.layout.fingerprints.appendingPathComponent(fingerprint)
    guard let data = try? Data(contentsOf: marker) else { return nil }
    let caseID = String(decoding: data, as: UTF8.self).trimmingCharacters(
      in: .whitespacesAndNewlines)
    let report = options.layout.reports.appendingPathComponent("\(caseID).json")
    return FileManager.default.fileExists(atPath: report.path) ? caseID : nil
  }

  // MARK: Helpers

  private func move(_ source: URL, into folder: URL, named name: String) {
    let target = uniqueDestination(in: folder, named: name)
    if rename(source.path, target.path) != 0 {
      log.record("case.unfiled", ("entry", name), ("error", String(cString: strerror(errno))))
    }
  }

  /// `folder/name`, or `folder/name-2`, `-3`… when that is taken (the same name dropped
  /// again must not overwrite the first).
  private func uniqueDestination(in folder: URL, named name: String) -> URL {
    var candidate = folder.appendingPathComponent(name)
    var counter = 2
    let base = (name as NSString).deletingPathExtension
    let suffix = (name as NSString).pathExtension
    while FileManager.default.fileExists(atPath: candidate.path) {
      let numbered = suffix.isEmpty ? "\(base)-\(counter)" : "\(base)-\(counter).\(suffix)"
      candidate = folder.appendingPathComponent(numbered)
      counter += 1
    }
    return candidate
  }

  private func removeStaleTemporaryFiles() {
    let reports = options.layout.reports
    let names = (try? FileManager.default.contentsOfDirectory(atPath: reports.path)) ?? []
    for name in names where name.hasPrefix(".tmp-") {
      try? FileManager.default.removeItem(at: reports.appendingPathComponent(name))
    }
  }

  private func record(latency since: Double) {
    summary.latencies.append(monotonicSeconds() - since)
  }

  private func milliseconds(since start: Double) -> String {
    String(Int((monotonicSeconds() - start) * 1000))
  }

  private func waitForExit(_ child: ChildProcess) -> ChildProcess.Ending? {
    for _ in 0..<100 {
      if let ending = child.poll() { return ending }
      usleep(10_000)
    }
    return nil
  }
}

/// A case moved into `.claimed`, waiting for or under processing.
struct ClaimedCase {
  let candidate: CaseCandidate
  let url: URL
  /// When the case was found stable (monotonic seconds).
  let stableAt: Double
}

/// A case whose child process is running.
struct RunningCase {
  let claimed: ClaimedCase
  let child: ChildProcess
}

/// The fields of the child's result line (`result key=value …`), for the log.
func resultFields(_ output: String) -> [(String, String)] {
  guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix("result ") })
  else { return [] }
  return line.dropFirst("result ".count).split(separator: " ").compactMap { pair in
    let parts = pair.split(separator: "=", maxSplits: 1)
    return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
  }
}

/// The child's error lines, which name the file and the reason.
func failureReason(_ output: String) -> String {
  let lines = output.split(separator: "\n").filter {
    !$0.hasPrefix("reading ") && !$0.hasPrefix("result ")
  }
  let reason = lines.map { $0.hasPrefix("pendcheck: ") ? String($0.dropFirst(11)) : String($0) }
    .joined(separator: "\n")
  return reason.isEmpty ? "processing failed without saying why." : reason
}

/// The file the child was reading when it stopped, from its `reading NAME` lines.
func lastFileRead(_ output: String) -> String? {
  output.split(separator: "\n").last { $0.hasPrefix("reading ") }.map { String($0.dropFirst(8)) }
}
