import Dispatch
import Foundation

/// Whether SIGTERM or SIGINT has asked intake to stop taking new cases.
final class StopRequest: @unchecked Sendable {
  // Guarded by `lock`: set from the signal queue, read by the intake loop.
  private var requested = false
  private let lock = NSLock()

  var isRequested: Bool { lock.withLock { requested } }

  func request() { lock.withLock { requested = true } }

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
