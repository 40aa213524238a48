import Foundation
import Review

#if canImport(Glibc)
  import Glibc
#endif

/// The loop of a long-lived worker process: reads `case` lines on standard input, reviews
/// each case and answers on standard output (see `WorkerMessage`), until its input ends.
///
/// The lexicons are loaded once per worker (for the workers it forks, once by the watcher),
/// not once per case. The worker limits its own address space once and its CPU time afresh
/// for every case; the watcher kills a worker that overruns the wall-clock limit and starts
/// another.
///
/// Known shortcoming: each worker compiles the detectors' patterns with ICU as it first uses
/// them and reads their literals and starts, about 170 M instructions over a 200-case batch
/// (118 M of them ICU's, counted by callgrind), and under `--jobs 2` both workers pay it,
/// each on its own core, so it adds as much time to that run as to `--jobs 1`'s. The
/// watcher's own CPU, about 0.2 ms a case, runs on the idle core beside one worker but comes
/// out of the two workers' cores beside two. Together they hold a 200-case batch's speed-up
/// near ×1.8 on two cores (README, "Performance"; docs/performance-history.md, session 13).
/// Compiled patterns could be shared by compiling them in the watcher before it forks, but
/// compiling every pattern a batch might use cost 202 M to 257 M instructions and spared each
/// worker only 133 M to 162 M (measured), and threads sharing them in one worker would lose a
/// process's limits and crash isolation.
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
