import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Up to `size` worker processes, started when a case needs one and restarted when one dies.
///
/// A worker that served `casesPerWorker` cases is replaced, so that nothing a long run of
/// cases leaves behind in one process (heap fragmentation, a slow leak in a C library) can
/// grow without bound.
final class WorkerPool {
  private let size: Int
  private let executable: String
  private let arguments: [String]
  private let limits: ResourceLimits
  private let casesPerWorker: Int
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
  }

  init(
    size: Int, executable: String, arguments: [String], limits: ResourceLimits,
    casesPerWorker: Int = 250
  ) {
    self.size = max(1, size)
    self.executable = executable
    self.arguments = arguments
    self.limits = limits
    self.casesPerWorker = casesPerWorker
  }

  /// Cases being processed right now.
  var busyCount: Int { workers.count { $0.current != nil } }

  var hasIdleCapacity: Bool { busyCount < size }

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

  /// Starts workers for up to `cases` cases before any is sent, so that they load their
  /// lexicons while the watcher is still reading the inbox (the workers of a batch of 200
  /// cases were otherwise started only after the inbox's first listing, about 30 ms of two
  /// idle cores). One that cannot start is started again, and its error given, when a case
  /// needs it.
  func startWorkers(upTo cases: Int) {
    while workers.count < min(size, cases),
      let worker = try? WorkerProcess.spawn(executable, arguments)
    {
      workers.append(worker)
    }
  }

  /// Sends a case to an idle worker, starting one if needed; a failure to start one fails
  /// the case.
  func assign(_ claimed: ClaimedCase, fingerprint: String?) -> Completion? {
    do {
      // An idle worker may have died unnoticed since its last answer: try a fresh one.
      for _ in 0..<2 {
        let worker = try idleWorker()
        if worker.send(claimed, fingerprint: fingerprint) { return nil }
        _ = completion(of: worker, reason: nil)
      }
      let reason = "the worker processes died before they could take the case."
      return Completion(claimed: claimed, outcome: .failed(reason: reason))
    } catch {
      return Completion(claimed: claimed, outcome: .failed(reason: error.message))
    }
  }

  private func idleWorker() throws(IntakeError) -> WorkerProcess {
    if let idle = workers.first(where: { $0.current == nil }) { return idle }
    let worker = try WorkerProcess.spawn(executable, arguments)
    workers.append(worker)
    return worker
  }

  /// Reads the answers waiting on `descriptor`; returns the case they finished, if any.
  func answersArrived(on descriptor: Int32) -> Completion? {
    guard let worker = workers.first(where: { $0.output == descriptor }) else { return nil }
    let (finished, hasEnded) = worker.readAnswers()
    if hasEnded { return completion(of: worker, reason: nil) }

    guard let (inFlight, answer) = finished else { return nil }
    if worker.casesServed >= casesPerWorker { retire(worker) }
    switch answer {
    case .result(let fields):
      return Completion(claimed: inFlight.claimed, outcome: .reported(fields))
    case .failed(_, let reason):
      return Completion(claimed: inFlight.claimed, outcome: .failed(reason: reason))
    case .ready, .process, .reading:
      return nil
    }
  }

  /// Kills the workers whose case overran the wall-clock limit and fails those cases.
  func stopOverrunning(at now: Double) -> [Completion] {
    let overrunning = workers.filter { worker in
      startOfLimit(worker).map { now - $0 > limits.wallSeconds } ?? false
    }
    return overrunning.compactMap { worker in
      worker.kill()
      let seconds = Int(limits.wallSeconds)
      return completion(of: worker) { whileReading in
        "processing took longer than \(seconds) s\(whileReading) and was stopped; "
          + "the PDF may be damaged or hostile."
      }
    }
  }

  /// Ends a worker that died or was killed; its case in flight, if any, fails with `reason`
  /// (given " while reading FILE" or "") or, without one, with how the worker ended.
  private func completion(
    of worker: WorkerProcess, reason: ((_ whileReading: String) -> String)?
  ) -> Completion? {
    worker.closeInput()
    let ending = worker.waitForExit()
    workers.removeAll { $0 === worker }
    guard let inFlight = worker.abandonCase() else { return nil }

    let whileReading =
      inFlight.file.map { " while reading \($0)" }
      ?? " before reading any of its files (\(documentNames(inFlight.claimed.path)))"
    let text = reason?(whileReading) ?? describe(ending, whileReading: whileReading)
    return Completion(claimed: inFlight.claimed, outcome: .failed(reason: text))
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
    for worker in workers where worker.current == nil { retire(worker) }
  }

  /// Closes every worker's input and waits for them to exit (call when none is busy).
  func shutDown() {
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
