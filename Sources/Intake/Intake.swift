import CFileSystem
import Foundation
import Reports

/// The watch folder: finds finished cases in the inbox, claims each by an atomic rename,
/// sends it to one of a pool of worker processes, and files it under done or failed.
///
/// Nothing is lost on a crash: a case is only ever in the inbox, in `.claimed`, or in done
/// or failed, each step one rename; reports are written to a temporary file and renamed by
/// the worker, and flushed to disk by the watcher's flushing thread, several cases' at once,
/// before their cases leave `.claimed`; on start every case left in `.claimed` is processed
/// again, and since a report's name is its case id, doing so replaces rather than duplicates
/// it.
///
/// The loop sleeps in `poll` on inotify, the workers' answers and the stop request, waking
/// for an event, an answer, the end of a quiet period, a wall-clock limit, or the periodic
/// listing of the inbox that catches shares without events. A batch, which ends once the
/// inbox is empty, relies on the listings alone.
public final class Intake {
  private let options: IntakeOptions
  private let log: EventLog
  private var tracker: InboxTracker
  private let pool: WorkerPool
  private var backlog: [ClaimedCase] = []
  private var summary = IntakeSummary()
  private let stopRequest = StopRequest()
  private var progress: ProgressBar?
  private var nextListing = 0.0
  /// Seconds between listings of the inbox (events find new entries sooner).
  private static let listingInterval = 2.0
  /// Cases whose reports their worker wrote but nobody has flushed to disk yet, oldest
  /// first, with the result fields for their log line.
  private var unflushed: [(claimed: ClaimedCase, fields: [WorkerMessage.ResultField])] = []
  /// The most cases flushed as one group. Otherwise a group is every case reported while
  /// the group before it was being flushed: a case waits for at most two flushes, and the
  /// busier the workers, the more cases one flush serves.
  private static let flushGroup = 64
  /// Seconds the first report of a group waits for others before the group is flushed,
  /// unless no other case is in flight: each flush wakes the flushing thread and then this
  /// loop, and where the disk is fast (a flush took 0.5 ms on tmpfs) every case had been a
  /// group of its own, two wake-ups a case for the watcher's core to pay.
  private static let flushGathering = 0.02
  /// When the oldest unflushed report arrived; `nil` when none waits.
  private var oldestUnflushedAt: Double?
  /// Flushes groups of reports while the loop goes on.
  private let flusher = ReportFlusher()
  /// The groups being flushed, by number: their cases wait in `.claimed` until then.
  private var flushing: [Int: [(claimed: ClaimedCase, fields: [WorkerMessage.ResultField])]] =
    [:]
  private var nextGroup = 0
  /// inotify on the inbox and its case folders, for `watch`; `batch` has none (see `run`).
  private var watch: InotifyWatch?
  /// The folders a case moves between, as paths: a `URL` appended to and read back for
  /// each move cost the watcher a tenth of its instructions.
  private let inboxPath: String
  private let claimedPath: String
  private let donePath: String

  public init(options: IntakeOptions, log: EventLog) {
    self.options = options
    self.log = log
    self.tracker = InboxTracker(quietPeriod: options.quietPeriod)
    inboxPath = options.layout.inbox.path
    claimedPath = options.layout.claimed.path
    donePath = options.layout.done.path
    self.pool = WorkerPool(
      size: options.jobs, executable: options.executable,
      arguments: workerArguments(options), limits: options.limits,
      forkedWorker: options.forkedWorker
    ) { pid, forked in
      log.record("worker.started", ("pid", "\(pid)"), ("by", forked ? "fork" : "exec"))
    }
  }

  /// Runs until SIGTERM or SIGINT (or, for batch, until the inbox is empty), finishing the
  /// cases in flight before returning.
  public func run() throws(IntakeError) -> IntakeSummary {
    stopRequest.installHandlers()
    defer { stopRequest.removeHandlers() }
    let layout = options.layout
    try layout.prepare()
    removeStaleTemporaryFiles()
    // A batch takes what its listings find and has no use for events, whose watches cost a
    // system call per case, and whose descriptor's closing waits out a kernel grace period
    // (6 to 15 ms measured here) that every batch paid at its end.
    if !options.stopsWhenIdle { watch = try InotifyWatch(inbox: layout.inbox) }

    backlog = recoverClaimedCases()
    log.record(
      "intake.start", ("inbox", layout.inbox.path), ("jobs", "\(options.jobs)"),
      ("recovered", "\(backlog.count)"))
    if options.showsProgress { progress = ProgressBar() }
    pool.prepareWorkers(forCases: backlog.count + entryCount(layout.inbox))
    findReadyCases(at: monotonicSeconds())
    pool.startWorkers(upTo: backlog.count + tracker.count)

    while true {
      let now = monotonicSeconds()
      if !stopRequest.isRequested { findReadyCases(at: now) }
      startCases()
      if isFlushDue(at: monotonicSeconds()) { startFlush() }

      if pool.busyCount == 0 && backlog.isEmpty && unflushed.isEmpty && flushing.isEmpty
        && isFinished()
      {
        break
      }
      waitForWork()
    }

    startFlush()
    flusher.waitForAll()
    fileFlushed()
    pool.shutDown()
    progress?.finish()
    log.record(
      "intake.stop", ("cases", "\(summary.total)"), ("failed", "\(summary.failed)"),
      ("watcher_cpu_ms", twoDecimals(ownCPUSeconds() * 1000)))
    log.flush()
    return summary
  }

  /// How many entries of the inbox may become cases (by names alone: cheaper than the
  /// listing that follows, which reads each entry's files).
  private func entryCount(_ inbox: URL) -> Int {
    FileSignature.names(inFolder: inbox.path).count { !$0.hasPrefix(".") }
  }

  private func isFinished() -> Bool {
    if stopRequest.isRequested { return true }
    guard options.stopsWhenIdle, tracker.count == 0 else { return false }

    // Confirm by a listing that nothing arrived without an event.
    watchFolders(tracker.rescan(options.layout.inbox, at: monotonicSeconds()))
    return tracker.count == 0
  }

  // MARK: Waiting

  /// Sleeps until an event, an answer, a stop request or the next thing due, and handles
  /// what woke it.
  private func waitForWork() {
    let workers = pool.descriptors
    // Once a stop is requested the wake pipe stays readable; it has done its job.
    let wake = stopRequest.isRequested ? [] : [stopRequest.wakeDescriptor]
    let events = watch.map { [$0.descriptor] } ?? []
    let descriptors = events + [flusher.wakeDescriptor] + wake + workers
    var pollers = descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
    let timeout = millisecondsUntilDue(at: monotonicSeconds())
    log.flush()
    guard poll(&pollers, nfds_t(pollers.count), timeout) > 0 else {
      finishOverrunning()
      return
    }

    let now = monotonicSeconds()
    for (index, poller) in pollers.enumerated() where poller.revents != 0 {
      let descriptor = descriptors[index]
      if let watch, descriptor == watch.descriptor {
        handle(watch.readEvents(), at: now)
      } else if descriptor == flusher.wakeDescriptor {
        fileFlushed()
      } else if descriptor == stopRequest.wakeDescriptor {
        stopRequest.takeWake()
      } else {
        for completion in pool.answersArrived(on: descriptor) { finish(completion) }
      }
    }
    finishOverrunning()
  }

  private func millisecondsUntilDue(at now: Double) -> Int32 {
    var due = [pool.nextDeadline].compactMap { $0 }
    if !stopRequest.isRequested {
      due += [nextListing] + [tracker.nextCheck].compactMap { $0 }
    }
    if flushing.isEmpty, let oldest = oldestUnflushedAt { due.append(oldest + Self.flushGathering) }
    guard let next = due.min() else { return -1 }
    return Int32(max(0, min(60, next - now)) * 1000) + 1
  }

  private func handle(_ events: InotifyWatch.Events, at now: Double) {
    if events.hasOverflowed { nextListing = now }
    watchFolders(tracker.touch(events.names, inbox: options.layout.inbox, at: now))
  }

  private func finishOverrunning() {
    for completion in pool.stopOverrunning(at: monotonicSeconds()) { finish(completion) }
  }

  // MARK: Taking cases

  private func findReadyCases(at now: Double) {
    if now >= nextListing {
      watchFolders(tracker.rescan(options.layout.inbox, at: now))
      nextListing = now + Self.listingInterval
    }
    tracker.checkDue(options.layout.inbox, at: now)
  }

  private func watchFolders(_ candidates: [CaseCandidate]) {
    guard let watch else { return }
    for candidate in candidates where candidate.isFolder {
      watch.watchFolder(
        options.layout.inbox.appending(path: candidate.name, directoryHint: .inferFromPath),
        name: candidate.name)
    }
  }

  /// Sends cases to the pool while it has room: recovered cases first, then ready ones.
  private func startCases() {
    progress?.expect(
      summary.total + unflushed.count + flushing.values.map(\.count).reduce(0, +)
        + pool.busyCount + backlog.count + tracker.count)
    while canStartCase {
      if !backlog.isEmpty {
        start(backlog.removeFirst())
      } else if !stopRequest.isRequested,
        let ready = tracker.takeReady(options.layout.inbox, at: monotonicSeconds())
      {
        watch?.forgetFolder(ready.name)
        if let claimed = claim(ready, stableAt: monotonicSeconds()) { start(claimed) }
      } else {
        break
      }
    }
    if options.stopsWhenIdle && backlog.isEmpty && tracker.count == 0 {
      pool.releaseIdleWorkers()
    }
  }

  /// Whether the pool can take a case now: a worker is idle, or the case may wait behind
  /// a busy one (`mayWait`).
  private var canStartCase: Bool {
    pool.hasIdleWorker
      || (pool.hasWaitingRoom
        && Self.mayWait(ready: backlog.count + tracker.readyCount, workers: pool.size))
  }

  /// Whether a case may wait behind another in a worker when `ready` cases are ready: only
  /// while there are more than `workers`, so that at the end of a batch no worker sits idle
  /// while another holds a case, and a case dropped into a quiet watch folder goes to
  /// whichever worker is free first.
  static func mayWait(ready: Int, workers: Int) -> Bool { ready > workers }

  /// Moves a candidate into `.claimed`; `nil` when another case of that name is in flight
  /// or the entry vanished.
  private func claim(_ ready: ReadyCase, stableAt: Double) -> ClaimedCase? {
    let candidate = ready.candidate
    let source = inboxPath + "/" + candidate.name
    let target = claimedPath + "/" + candidate.name
    guard renameWithoutReplacing(source, target) == 0 else { return nil }
    log.record("case.claimed", ("case", candidate.caseID), ("entry", candidate.name))
    return ClaimedCase(
      candidate: candidate, path: target, stableAt: stableAt,
      names: ready.signature.namesAtTop)
  }

  private func recoverClaimedCases() -> [ClaimedCase] {
    CaseCandidate.scan(options.layout.claimed).map { candidate in
      log.record("case.recovered", ("case", candidate.caseID), ("entry", candidate.name))
      return ClaimedCase(
        candidate: candidate, path: claimedPath + "/" + candidate.name,
        stableAt: monotonicSeconds())
    }
  }

  private func start(_ claimed: ClaimedCase) {
    let fingerprint = CaseFingerprint.of(claimed.path, names: claimed.names)
    if !options.reprocessDuplicates, let fingerprint,
      let original = reportedCase(withFingerprint: fingerprint)
    {
      linkDuplicate(claimed, to: original)
      return
    }

    for completion in pool.assign(claimed, fingerprint: fingerprint) { finish(completion) }
  }

  // MARK: Finishing cases

  private func finish(_ completion: WorkerPool.Completion) {
    let claimed = completion.claimed
    switch completion.outcome {
    case .reported(let fields):
      if unflushed.isEmpty { oldestUnflushedAt = monotonicSeconds() }
      unflushed.append((claimed, fields))
      if unflushed.count >= Self.flushGroup { startFlush() }
    case .failed(let reason):
      fail(claimed, reason: reason)
    case .notBegun:
      log.record(
        "case.resent", ("case", claimed.candidate.caseID), ("entry", claimed.candidate.name))
      backlog.insert(claimed, at: 0)
    }
  }

  /// Whether the unflushed reports should be flushed now: no group is being flushed (the
  /// flush runs beside the loop, in `ReportFlusher`, so workers never wait for the disk),
  /// and either the oldest has gathered others long enough or no case is left in flight.
  private func isFlushDue(at now: Double) -> Bool {
    guard let oldest = oldestUnflushedAt, flushing.isEmpty else { return false }
    return pool.busyCount == 0 || now - oldest >= Self.flushGathering
  }

  /// Hands the reports of every unflushed case to the flusher, as one group.
  private func startFlush() {
    guard !unflushed.isEmpty else { return }
    let group = nextGroup
    nextGroup += 1
    flushing[group] = unflushed
    flusher.flush(group: group, files: unflushed.map { reportFiles(of: $0.claimed) })
    unflushed = []
    oldestUnflushedAt = nil
  }

  /// Files the cases of every group flushed since the last call as done; a case whose
  /// reports could not be flushed is filed as failed, with its files.
  private func fileFlushed() {
    for flushed in flusher.takeFlushed() {
      guard let cases = flushing.removeValue(forKey: flushed.group) else { continue }
      log.record(
        "reports.flushed", ("cases", "\(cases.count)"),
        ("flush_ms", twoDecimals(flushed.milliseconds)))
      for (index, (claimed, fields)) in cases.enumerated() {
        if let failure = flushed.failures[index] {
          fail(claimed, reason: "its reports could not be flushed to disk: \(failure)")
        } else {
          fileReported(claimed, fields: fields)
        }
      }
    }
  }

  private func reportFiles(of claimed: ClaimedCase) -> [URL] {
    ["json", "html"].map {
      options.layout.reports.appending(
        path: "\(claimed.candidate.caseID).\($0)", directoryHint: .inferFromPath)
    }
  }

  private func fileReported(_ claimed: ClaimedCase, fields: [WorkerMessage.ResultField]) {
    move(claimed.path, into: donePath, named: claimed.candidate.name)
    record(latency: claimed.stableAt)
    summary.reported += 1
    log.record(
      "case.reported",
      [("case", claimed.candidate.caseID), ("entry", claimed.candidate.name)]
        + fields.map { ($0.key, $0.value) }
        + [("latency_ms", milliseconds(since: claimed.stableAt))])
    progress?.advance(failed: summary.failed)
  }

  private func fail(_ claimed: ClaimedCase, reason: String) {
    let caseID = claimed.candidate.caseID
    let folder = URL(
      fileURLWithPath: uniqueDestination(in: options.layout.failed.path, named: caseID))
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let text = "Case \(caseID) could not be processed.\n\n\(reason)\n"
      try ReportFile.writeAtomically(
        Data(text.utf8), to: folder.appending(path: "reason.txt", directoryHint: .inferFromPath))
      _ = rename(claimed.path, folder.path + "/" + claimed.candidate.name)
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
        let link = reports.appending(path: "\(caseID).\(suffix)", directoryHint: .inferFromPath)
        try? FileManager.default.removeItem(at: link)
        try? FileManager.default.createSymbolicLink(
          atPath: link.path, withDestinationPath: "\(original).\(suffix)")
      }
    }
    move(claimed.path, into: donePath, named: claimed.candidate.name)
    summary.duplicates += 1
    record(latency: claimed.stableAt)
    log.record("case.duplicate", ("case", caseID), ("same_as", original))
    progress?.advance(failed: summary.failed)
  }

  /// The case id whose report was made from the same content, when that report still exists.
  private func reportedCase(withFingerprint fingerprint: String) -> String? {
    let marker = options.layout.fingerprints.appending(
      path: fingerprint, directoryHint: .inferFromPath)
    guard let data = try? Data(contentsOf: marker) else { return nil }
    let caseID = String(decoding: data, as: UTF8.self).trimmingCharacters(
      in: .whitespacesAndNewlines)
    let report = options.layout.reports.appending(
      path: "\(caseID).json", directoryHint: .inferFromPath)
    return FileManager.default.fileExists(atPath: report.path) ? caseID : nil
  }

  // MARK: Helpers

  /// Moves `source` to `folder/name`, or `folder/name-2`, `-3`… when that is taken (the
  /// same name dropped again must not overwrite the first).
  private func move(_ source: String, into folder: String, named name: String) {
    var number = 1
    while true {
      let status = renameWithoutReplacing(source, folder + "/" + numbered(name, number))
      guard status == EEXIST || status == ENOTEMPTY else {
        if status != 0 {
          log.record("case.unfiled", ("entry", name), ("error", String(cString: strerror(status))))
        }
        return
      }
      number += 1
    }
  }

  /// `folder/name`, or `folder/name-2`, `-3`… when that is taken.
  private func uniqueDestination(in folder: String, named name: String) -> String {
    var number = 1
    while FileManager.default.fileExists(atPath: folder + "/" + numbered(name, number)) {
      number += 1
    }
    return folder + "/" + numbered(name, number)
  }

  private func removeStaleTemporaryFiles() {
    let reports = options.layout.reports
    let names = (try? FileManager.default.contentsOfDirectory(atPath: reports.path)) ?? []
    for name in names where name.hasPrefix(".tmp-") {
      try? FileManager.default.removeItem(
        at: reports.appending(path: name, directoryHint: .inferFromPath))
    }
  }

  private func record(latency since: Double) {
    summary.latencies.append(monotonicSeconds() - since)
  }

  private func milliseconds(since start: Double) -> String {
    String(Int((monotonicSeconds() - start) * 1000))
  }
}

/// The CPU time this process has used, its threads included and its workers not: what the
/// watcher takes from the cores its workers run on.
private func ownCPUSeconds() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  let seconds = { (time: timeval) in Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
  return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// `name` for the first of its kind, `name-NUMBER` (before any extension) for the others.
func numbered(_ name: String, _ number: Int) -> String {
  guard number > 1 else { return name }
  let base = (name as NSString).deletingPathExtension
  let suffix = (name as NSString).pathExtension
  return suffix.isEmpty ? "\(base)-\(number)" : "\(base)-\(number).\(suffix)"
}

/// Renames `source` to `target` unless something is at `target`: in one step where the
/// file system can refuse (`RENAME_NOREPLACE`), else by a check and then a rename, as some
/// network shares need. Returns 0, or the `errno` (`EEXIST` when `target` is taken).
func renameWithoutReplacing(_ source: String, _ target: String) -> Int32 {
  if pc_rename_without_replacing(source, target) == 0 { return 0 }
  guard errno == EINVAL || errno == ENOSYS else { return errno }

  if FileManager.default.fileExists(atPath: target) { return EEXIST }
  return rename(source, target) == 0 ? 0 : errno
}

/// A case moved into `.claimed`, waiting for or under processing.
struct ClaimedCase {
  let candidate: CaseCandidate
  /// The case's path in `.claimed`.
  let path: String
  /// When the case was found stable (monotonic seconds).
  let stableAt: Double
  /// The names at the top of the case folder as the listing that took it found them, for
  /// its fingerprint; `nil` for a single file or a case recovered from `.claimed`.
  var names: [String]? = nil
}

/// The arguments of every worker: `worker`, where reports go, and the limits.
private func workerArguments(_ options: IntakeOptions) -> [String] {
  [
    "worker", "--reports", options.layout.reports.path,
    "--memory-mb", "\(options.limits.memoryMegabytes)",
    "--cpu-seconds", "\(options.limits.cpuSeconds)",
  ] + options.childArguments
}
