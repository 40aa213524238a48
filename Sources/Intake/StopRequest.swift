import Foundation

/// The write end of the wake pipe, for the signal handler, which can capture nothing.
nonisolated(unsafe) private var stopSignalDescriptor: Int32 = -1

/// Whether SIGTERM or SIGINT has asked intake to stop taking new cases.
///
/// The signal handler only writes a byte to a pipe (all a handler may safely do); the intake
/// loop polls the pipe's read end (`wakeDescriptor`) with its other descriptors, so that it
/// notices at once, and reads it (`takeWake`) when `poll` finds it readable. Handlers are
/// plain `signal` handlers, installed before intake touches any case: a signal sent at any
/// moment after that is seen, none is lost in between.
final class StopRequest {
  private var requested = false
  private var wakePipe: [Int32] = [-1, -1]

  /// Readable once a stop was requested.
  var wakeDescriptor: Int32 { wakePipe[0] }

  init() {
    guard let ends = closeOnExecPipe() else { return }
    wakePipe = ends
    for end in ends { _ = fcntl(end, F_SETFL, O_NONBLOCK) }
  }

  deinit { wakePipe.filter { $0 >= 0 }.forEach { close($0) } }

  /// Whether a stop was requested, as of the last `takeWake` (the loop's last `poll`).
  var isRequested: Bool { requested }

  /// Reads what the handler wrote; call when `poll` finds `wakeDescriptor` readable.
  ///
  /// The loop asks `isRequested` several times a turn, and reading the pipe each time was
  /// three system calls a turn for a byte that comes once; a signal that arrives between
  /// two polls leaves its byte in the pipe, so the next `poll` returns at once.
  func takeWake() {
    var byte: UInt8 = 0
    while read(wakePipe[0], &byte, 1) > 0 { requested = true }
  }

  /// Routes SIGTERM and SIGINT to the wake pipe, until `removeHandlers`.
  ///
  /// The signals are also unblocked: a process started from a thread that blocks them (as
  /// Foundation's `Process` does from a test runner's threads) inherits that mask, and a
  /// blocked signal would wait forever instead of reaching the handler.
  func installHandlers() {
    stopSignalDescriptor = wakePipe[1]
    var signals = sigset_t()
    sigemptyset(&signals)
    for number in [SIGTERM, SIGINT] {
      _ = signal(number) { _ in
        var byte: UInt8 = 1
        _ = write(stopSignalDescriptor, &byte, 1)
      }
      sigaddset(&signals, number)
    }
    pthread_sigmask(SIG_UNBLOCK, &signals, nil)
  }

  /// Gives SIGTERM and SIGINT their default actions back.
  func removeHandlers() {
    for number in [SIGTERM, SIGINT] { _ = signal(number, SIG_DFL) }
  }
}

/// A one-line progress bar on standard error, for `batch` on a terminal.
struct ProgressBar {
  private var expected = 0
  private var finished = 0

  mutating func expect(_ total: Int) { expected = max(expected, total) }

  mutating func advance(failed: Int) {
    finished += 1
    let width = 30
    let filled = expected == 0 ? 0 : min(width, finished * width / expected)
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    let line = "\r[\(bar)] \(finished)/\(expected) cases, \(failed) failed"
    FileHandle.standardError.write(Data(line.utf8))
  }

  func finish() { FileHandle.standardError.write(Data("\n".utf8)) }
}
