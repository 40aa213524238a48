import Dispatch
import Foundation

/// Whether SIGTERM or SIGINT has asked intake to stop taking new cases.
///
/// A request also writes a byte to `wakeDescriptor`, which the intake loop polls with its
/// other descriptors, so that it notices at once instead of at its next timeout.
final class StopRequest: @unchecked Sendable {
  // Guarded by `lock`: set from the signal queue, read by the intake loop.
  private var requested = false
  private let lock = NSLock()
  private var wakePipe: [Int32] = [-1, -1]

  /// Readable once a stop was requested.
  var wakeDescriptor: Int32 { wakePipe[0] }

  init() {
    guard let ends = closeOnExecPipe() else { return }
    wakePipe = ends
    _ = fcntl(ends[1], F_SETFL, O_NONBLOCK)
  }

  deinit { wakePipe.filter { $0 >= 0 }.forEach { close($0) } }

  var isRequested: Bool { lock.withLock { requested } }

  func request() {
    lock.withLock { requested = true }
    var byte: UInt8 = 1
    _ = write(wakePipe[1], &byte, 1)
  }

  /// Routes SIGTERM and SIGINT to `request()`; keep the returned sources alive.
  func installHandlers() -> [DispatchSourceSignal] {
    [SIGTERM, SIGINT].map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { [weak self] in self?.request() }
      source.resume()
      return source
    }
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
