import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Up to `size` worker processes, started when a case needs one and restarted when one dies.
///
/// A busy worker is sent one case more than it works on, which waits in its input: it
/// starts that case the moment it answers the one before, instead of waiting for the
/// watcher to wake, read the answer and send another, which made `--jobs 1` a tenth slower
/// (traced, the wait was 0.6 ms a case with one worker). A case only waits behind one that
/// started less than `waitingLimit` ago, since one running longer may be a slow or hostile
/// PDF that would hold it; and if its worker dies, a waiting case was never begun and goes
/// back to be sent again. The watcher decides when a case may wait at all
/// (`Intake.canStartCase`).
///
/// Workers are forked from the watcher whenever it runs a single thread, which it does
/// except while a group of reports is being flushed; a worker needed then, and every worker
/// when no `forkedWorker` is given, is started as `executable worker …`
/// (`WorkerProcess.fork` and `spawn`).
///
/// A worker that served `casesPerWorker` cases is replaced, so that nothing a long run of
/// cases leaves behind in one process (heap fragmentation, a slow leak in a C library) can
/// grow without bound. Its replacement starts once it has answered all of them: starting it
/// beside the old one, while that finished its last cases, added a third process's memory
/// to a 1,000-case batch's peak (124 to 135 MB against 118).
final class WorkerPool {
  let size: Int
  private let executable: String
  private let arguments: [String]
  private let forkedWorker: ForkedWorker?
  /// Whether `forkedWorker.preparations` have run in this process.
  private var isPrepared = false
  /// The threads running `forkedWorker.preparations` while the watcher lists the inbox.
  private var preparing: [JoinableThread] = []
  /// Told of every worker started: its process id, and whether it was forked.
  private let didStart: (_ pid: pid_t, _ forked: Bool) -> Void
  private let limits: ResourceLimits
  private let casesPerWorker: Int
  private let waitingLimit: Double
  /// The most cases a worker holds: the one it works on and one waiting.
  static let casesHeld = 2
  private var workers: [WorkerProcess] = []
  /// Workers told to exit (their input closed) and not yet waited for: they end while the
  /// others work, and are collected at `shutDown`.
  private var leaving: [WorkerProcess] = []

  /// How a case sent to a worker ended.
  struct Completion {
    let claimed: ClaimedCase
    let outcome: Outcome
  }

  enum Outcome {
    case reported([WorkerMessage.ResultField])
    case failed(reason: String)
    /// The case waited in the input of a worker that died before beginning it: it is to be
    /// sent again.
    case notBegun
  }

  init(
    size: Int, executable: String, arguments: [String], limits: ResourceLimits,
    forkedWorker: ForkedWorker? = nil, casesPerWorker: Int = 250,
    waitingLimit: Double = 0.25,
    didStart: @escaping (_ pid: pid_t, _ forked: Bool) -> Void = { _, _ in }
  ) {
    self.size = max(1, size)
    self.executable = executable
    self.arguments = arguments
    self.forkedWorker = forkedWorker
    self.didStart = didStart
    self.limits = limits
    self.casesPerWorker = casesPerWorker
    self.waitingLimit = waitingLimit
  }

  /// Cases sent to workers and not yet answered, those waiting behind another included.
  var busyCount: Int { workers.reduce(0) { $0 + $1.cases.count } }

  /// Whether a case sent now would begin at once: a worker is idle, or another may start.
  var hasIdleWorker: Bool {
    workers.count < size || workers.contains { isAccepting($0) && $0.cases.isEmpty }
  }

  /// Whether a case could wait behind one that began only just now.
  var hasWaitingRoom: Bool { workers.contains { isAccepting($0) && canWait(behind: $0) } }

  /// Whether a worker is still to be sent cases: it has not been sent its share.
  private func isAccepting(_ worker: WorkerProcess) -> Bool {
    worker.casesServed < casesPerWorker
  }

  private func canWait(behind worker: WorkerProcess, at now: Double = monotonicSeconds())
    -> Bool
  {
    guard worker.cases.count < Self.casesHeld else { return false }
    guard let current = worker.current else { return true }
    return now - current.started < waitingLimit
  }

  /// The descriptors to wait on for answers.
  var descriptors: [Int32] { workers.map(\.output) }

  /// When the earliest case in flight overruns the wall-clock limit, counted from when its
  /// worker became ready (or, for a worker not ready yet, from when it was started).
  var nextDeadline: Double? {
    workers.compactMap(startOfLimit).min().map { $0 + limits.wallSeconds }
  }

  private func startOfLimit(_ worker: WorkerProcess) -> Double? {
    worker.current.map { worker.isReady ? $0.started : worker.spawned }
  }

  /// Gets workers ready for up to `cases` cases while the watcher reads the inbox for the
  /// first time, before any case is sent (`startWorkers` then starts them): a pool that
  /// forks its workers runs their preparations (the reviewer, the PDF reader) meanwhile, each
  /// on a thread of its own, and one that executes them starts them now, so that they load
  /// their lexicons meanwhile. Either way the listing of a 200-case inbox (4 ms), the
  /// lexicons (8 ms) and the PDF reader (7 ms) do not wait for one another.
  func prepareWorkers(forCases cases: Int) {
    guard cases > 0 else { return }
    guard let forkedWorker, isSingleThreaded() else {
      startWorkers(upTo: cases)
      return
    }
    if !isPrepared && preparing.isEmpty {
      preparing = forkedWorker.preparations.map { JoinableThread($0) }
    }
  }

  /// Starts workers for up to `cases` cases before any is sent. One that cannot start is
  /// started again, and its error given, when a case needs it.
  func startWorkers(upTo cases: Int) {
    while workers.count < min(size, cases), let worker = try? startWorker() {
      workers.append(worker)
    }
  }

  /// A new worker: forked while this process runs a single thread, otherwise executed.
  private func startWorker() throws(IntakeError) -> WorkerProcess {
    finishPreparing()
    if let forkedWorker, isSingleThreaded() {
      if !isPrepared { forkedWorker.preparations.forEach { $0() } }
      isPrepared = true
      return started(try WorkerProcess.fork(running: forkedWorker), forked: true)
    }
    return started(try WorkerProcess.spawn(executable, arguments), forked: false)
  }

  /// Waits for the threads preparing the forked workers, if they run, to end.
  private func finishPreparing() {
    guard !preparing.isEmpty else { return }
    preparing.forEach { $0.join() }
    preparing = []
    isPrepared = true
  }

  private func started(_ worker: WorkerProcess, forked: Bool) -> WorkerProcess {
    didStart(worker.pid, forked)
    return worker
  }

  /// Sends a case to an idle worker, starting one if needed, or else behind a case that
  /// began only just now (call while `hasIdleWorker` or `hasWaitingRoom`). Returns the
  /// cases that ended meanwhile: this one, failed, when no worker could be started or take
  /// it, and those of a worker found dead on the way.
  func assign(_ claimed: ClaimedCase, fingerprint: String?) -> [Completion] {
    var ended: [Completion] = []
    do {
      // A worker may have died unnoticed since its last answer: try another.
      for _ in 0..<2 {
        guard let worker = try workerToSend() else { break }
        if worker.send(claimed, fingerprint: fingerprint) { return ended }
        ended += completions(of: worker, reason: nil)
      }
      let reason = "the worker processes died before they could take the case."
      return ended + [Completion(claimed: claimed, outcome: .failed(reason: reason))]
    } catch {
      return ended + [Completion(claimed: claimed, outcome: .failed(reason: error.message))]
    }
  }

  /// An idle worker; else a new one, while fewer than `size` run; else the busy one whose
  /// case began last, if a case may wait behind it.
  private func workerToSend() throws(IntakeError) -> WorkerProcess? {
    let accepting = workers.filter(isAccepting)
    if let idle = accepting.first(where: { $0.cases.isEmpty }) { return idle }
    if workers.count < size {
      let worker = try startWorker()
      workers.append(worker)
      return worker
    }
    let now = monotonicSeconds()
    return accepting.filter { canWait(behind: $0, at: now) }.max {
      ($0.current?.started ?? now) < ($1.current?.started ?? now)
    }
  }

  /// Reads the answers waiting on `descriptor`; returns the cases they finished, or every
  /// case of a worker that ended.
  func answersArrived(on descriptor: Int32) -> [Completion] {
    guard let worker = workers.first(where: { $0.output == descriptor }) else { return [] }
    let (finished, hasEnded) = worker.readAnswers()
    if hasEnded { return completions(of: worker, reason: nil) }

    if !isAccepting(worker) && worker.cases.isEmpty { retire(worker) }
    return finished.compactMap { inFlight, answer in
      switch answer {
      case .result(let fields):
        Completion(claimed: inFlight.claimed, outcome: .reported(fields))
      case .failed(_, let reason):
        Completion(claimed: inFlight.claimed, outcome: .failed(reason: reason))
      case .ready, .process, .reading:
        nil
      }
    }
  }

  /// Kills the workers whose case overran the wall-clock limit and fails those cases.
  func stopOverrunning(at now: Double) -> [Completion] {
    let overrunning = workers.filter { worker in
      startOfLimit(worker).map { now - $0 > limits.wallSeconds } ?? false
    }
    return overrunning.flatMap { worker in
      worker.kill()
      let seconds = Int(limits.wallSeconds)
      return completions(of: worker) { whileReading in
        "processing took longer than \(seconds) s\(whileReading) and was stopped; "
          + "the PDF may be damaged or hostile."
      }
    }
  }

  /// Ends a worker that died or was killed. Its case in flight, if any, fails with `reason`
  /// (given " while reading FILE" or "") or, without one, with how the worker ended; a case
  /// that waited behind it is `notBegun`.
  private func completions(
    of worker: WorkerProcess, reason: ((_ whileReading: String) -> String)?
  ) -> [Completion] {
    worker.closeInput()
    let ending = worker.waitForExit()
    workers.removeAll { $0 === worker }
    let (inFlight, waiting) = worker.abandonCases()
    guard let inFlight else { return [] }

    let whileReading =
      inFlight.file.map { " while reading \($0)" }
      ?? " before reading any of its files (\(documentNames(inFlight.claimed.path)))"
    let text = reason?(whileReading) ?? describe(ending, whileReading: whileReading)
    return [Completion(claimed: inFlight.claimed, outcome: .failed(reason: text))]
      + waiting.map { Completion(claimed: $0, outcome: .notBegun) }
  }

  private func describe(_ ending: WorkerProcess.Ending, whileReading: String) -> String {
    switch ending {
    case .signalled(SIGXCPU):
      "processing used more than \(limits.cpuSeconds) s of CPU time\(whileReading) and was "
        + "stopped; the PDF may be damaged or hostile."
    case .signalled(let signal):
      "the PDF reader stopped with signal \(signal)\(whileReading); the file may be damaged "
        + "(or need more than \(limits.memoryMegabytes) MiB of memory)."
    case .exited(let status):
      "the worker process exited with status \(status)\(whileReading) before answering."
    }
  }

  /// Lets a worker that served its share of cases exit; the next case starts a new one.
  private func retire(_ worker: WorkerProcess) {
    worker.closeInput()
    workers.removeAll { $0 === worker }
    leaving.removeAll { $0.collectIfEnded() }
    leaving.append(worker)
  }

  /// Lets every idle worker exit now, for a batch with no case left to give them: a worker
  /// takes a few milliseconds to end, which it then spends while the last cases finish
  /// rather than after them. A case found later starts a worker again.
  func releaseIdleWorkers() {
    for worker in workers where worker.cases.isEmpty { retire(worker) }
  }

  /// Closes every worker's input and waits for them to exit (call when none is busy).
  func shutDown() {
    finishPreparing()
    for worker in workers { worker.closeInput() }
    for worker in workers + leaving { _ = worker.waitForExit() }
    workers.removeAll()
    leaving.removeAll()
  }
}

/// The PDFs of a claimed case, for a reason given before the worker named the one it read.
private func documentNames(_ path: String) -> String {
  guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
    return (path as NSString).lastPathComponent
  }
  return names.filter { $0.lowercased().hasSuffix(".pdf") }.sorted().joined(separator: ", ")
}
