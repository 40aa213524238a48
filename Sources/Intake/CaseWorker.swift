import Foundation
import Review

#if canImport(Glibc)
  import Glibc
#endif

/// The loop of a long-lived worker process: reads `case` lines on standard input, reviews
/// each case and answers on standard output (see `WorkerMessage`), until its input ends.
///
/// The lexicons are loaded once per worker, not once per case. The worker limits its own
/// address space once and its CPU time afresh for every case; the watcher kills a worker
/// that overruns the wall-clock limit and starts another.
///
/// Known shortcoming: each worker pays its own start: 61 M instructions before its first
/// case (22 M of them loading 55 shared libraries, 28 M the lexicons), and over a batch
/// about 110 M more compiling the detectors' patterns with ICU as they are first used and
/// 50 M reading their literals and starts. Both workers of `--jobs 2` pay it at once, so it
/// adds as much time to that run as to `--jobs 1`'s, and a larger share. Past the first 200
/// cases `--jobs 2` runs about ×1.85 as fast as `--jobs 1`, but a 200-case batch, which pays
/// that start and the watcher's own (whose CPU `--jobs 1` runs on the idle core), gains
/// about ×1.73: ×1.8 there needs about 30 ms less of what every batch pays once, more than
/// half of it. Forking workers from one that had loaded everything would save CPU, not that time
/// (and is unsafe once the watcher runs threads); ICU's compiles cannot be shared between
/// processes, and threads sharing them would lose a process's limits and crash isolation.
public enum CaseWorker {
  /// Serves cases until standard input ends, then exits with status 0.
  ///
  /// It exits rather than returns so that the reviewer's lexicons and compiled patterns are
  /// not taken apart first: that cost each worker a millisecond at the end of a batch, in
  /// which the watcher waits for its workers to exit.
  ///
  /// - Parameters:
  ///   - readingSlot: the descriptor of the watcher's `ReadingSlot`, where the document
  ///     being read is recorded; without one, each is announced by a `reading` line.
  ///   - makeReviewer: builds the reviewer (loading the lexicons); when it throws, every
  ///     case is answered with that error, so a bad installation fails each case with a
  ///     reason instead of the watcher restarting workers in a loop.
  public static func serve(
    reports: URL, limits: ResourceLimits, readingSlot: Int32?,
    makeReviewer: () throws -> CaseReviewer
  ) -> Never {
    let replies = protocolOutput()
    ignoreTerminalSignals()
    limits.applyMemoryLimit()
    let reviewer = Result { try makeReviewer() }
    send(.ready, to: replies)
    let slot = readingSlot.map(ReadingSlot.init(descriptor:))

    var casesTaken = 0
    while let line = readLine(strippingNewline: true) {
      guard case .process(let path, let fingerprint)? = WorkerMessage(line: line[...]) else {
        continue
      }
      casesTaken += 1
      limits.applyCPULimitForNextCase()
      let number = casesTaken
      let answer = process(
        path, fingerprint: fingerprint, reviewer: reviewer, reports: reports
      ) { file in
        let name = file.lastPathComponent
        if let slot {
          slot.record(caseNumber: number, file: name)
        } else {
          send(.reading(file: name), to: replies)
        }
      }
      send(answer, to: replies)
    }
    exit(0)
  }

  private static func process(
    _ path: String, fingerprint: String?, reviewer: Result<CaseReviewer, any Error>,
    reports: URL, willRead: (URL) -> Void
  ) -> WorkerMessage {
    do {
      let fields = try CaseJob.run(
        URL(fileURLWithPath: path), reviewer: reviewer.get(), reports: reports,
        fingerprint: fingerprint, willRead: willRead)
      return .result(fields: fields)
    } catch let error as ReviewError {
      return .failed(status: error.exitStatus, reason: error.message)
    } catch {
      return .failed(status: 70, reason: "\(error)")
    }
  }

  /// Moves the protocol to a private descriptor and points standard output at standard
  /// error, so that a library printing to standard output cannot corrupt the replies.
  private static func protocolOutput() -> Int32 {
    let replies = dup(STDOUT_FILENO)
    dup2(STDERR_FILENO, STDOUT_FILENO)
    return replies
  }

  /// Ctrl-C on a terminal signals the whole process group; the watcher decides when its
  /// workers stop (by closing their input), so that cases in flight can finish.
  private static func ignoreTerminalSignals() {
    signal(SIGINT, SIG_IGN)
    signal(SIGTERM, SIG_IGN)
  }

  private static func send(_ message: WorkerMessage, to descriptor: Int32) {
    let bytes = Array(message.line.utf8)
    var written = 0
    while written < bytes.count {
      let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { exit(74) }
      written += count
    }
  }
}
