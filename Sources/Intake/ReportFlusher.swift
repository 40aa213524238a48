import Foundation
import Reports

/// Flushes groups of cases' reports to disk on a thread of its own, so that the watcher
/// goes on handing cases to workers while the disk catches up; it tells the watcher's loop
/// that a group is on disk through a pipe the loop polls (`wakeDescriptor`).
///
/// Each group gets a thread that ends with its flush, and is joined when the loop takes the
/// group: between flushes the watcher runs a single thread, and so can fork a worker (a
/// dispatch queue's threads would outlive their work and keep every later worker to be
/// executed instead).
final class ReportFlusher: @unchecked Sendable {
  /// A group whose flush has ended: the cases whose reports could not be flushed (by their
  /// index in the group), and how long the flush took.
  struct Flushed {
    let group: Int
    let failures: [Int: ReportWriteError]
    let milliseconds: Double
  }

  /// The thread flushing a group, until it is joined.
  private var running: JoinableThread?
  private let pipeEnds: [Int32]
  private let lock = NSLock()
  /// Groups flushed and not yet taken; guarded by `lock`.
  private var flushed: [Flushed] = []

  init() {
    var ends: [Int32] = [-1, -1]
    if pipe(&ends) == 0 {
      for end in ends { _ = fcntl(end, F_SETFL, O_NONBLOCK) }
    }
    pipeEnds = ends
  }

  deinit { pipeEnds.filter { $0 >= 0 }.forEach { close($0) } }

  /// Readable when a group has been flushed.
  var wakeDescriptor: Int32 { pipeEnds[0] }

  /// Starts flushing one group: the report files of each of its cases. Groups are flushed
  /// one after another, in the order given: a group started while another is being flushed
  /// waits for it first (the watcher starts one only when none is).
  func flush(group: Int, files: [[URL]]) {
    waitForAll()
    running = JoinableThread { [self] in
      let start = monotonicSeconds()
      var failures: [Int: ReportWriteError] = [:]
      do {
        try ReportFile.flush(files.flatMap { $0 })
      } catch {
        // Rare (a failing disk): flush case by case to learn whose reports are not safe.
        for (index, caseFiles) in files.enumerated() {
          do throws(ReportWriteError) { try ReportFile.flush(caseFiles) } catch {
            failures[index] = error
          }
        }
      }
      let done = Flushed(
        group: group, failures: failures, milliseconds: (monotonicSeconds() - start) * 1000)
      lock.withLock { flushed.append(done) }
      var byte: UInt8 = 1
      _ = write(pipeEnds[1], &byte, 1)
    }
  }

  /// The groups flushed since the last call, in order; the thread of one that has ended is
  /// joined (its wake-up byte is the last thing it writes).
  func takeFlushed() -> [Flushed] {
    var bytes = [UInt8](repeating: 0, count: 64)
    while read(pipeEnds[0], &bytes, bytes.count) > 0 {}
    let taken = lock.withLock {
      defer { flushed = [] }
      return flushed
    }
    if !taken.isEmpty { waitForAll() }
    return taken
  }

  /// Waits until every group started has been flushed, and its thread has ended.
  func waitForAll() {
    running?.join()
    running = nil
  }
}
