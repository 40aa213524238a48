import CFileSystem
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Where a worker says which document it is reading: a small file in memory, shared by the
/// watcher and one worker, that the worker overwrites before each document and the watcher
/// reads only when that worker died or was stopped in the middle of a case.
///
/// A `reading` line on the answer pipe says the same, but it woke the watcher once for every
/// document (337 times for the corpus's 232 cases) for something it needs only after a
/// crash. The record is one line, `NUMBER NAME`: the number of cases the worker had taken
/// when it wrote it, so that the record of an earlier case is never taken for the current
/// one's, and the name escaped as in `WorkerMessage`.
struct ReadingSlot {
  /// The slot's descriptor in this process.
  let descriptor: Int32
  /// Where the worker finds the slot: standard input, output and error come first.
  static let workerDescriptor: Int32 = 3
  /// Room for any record: a file name is at most 255 bytes, and escaping at most doubles it.
  private static let capacity = 1024

  /// A new, empty slot; `nil` when the system cannot make one, and the worker then sends
  /// `reading` lines instead.
  static func create() -> ReadingSlot? {
    let descriptor = pc_memory_file("pendcheck-reading")
    return descriptor >= 0 ? ReadingSlot(descriptor: descriptor) : nil
  }

  /// Worker side: records that the worker's case number `caseNumber` reads `file` now.
  func record(caseNumber: Int, file: String) {
    let name = WorkerMessage.escape(file).utf8.prefix(Self.capacity - 32)
    let line = Array("\(caseNumber) ".utf8) + name + [UInt8(ascii: "\n")]
    _ = line.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
  }

  /// Watcher side: the document the worker's case number `caseNumber` was reading; `nil`
  /// when that case recorded none (it died before its first document).
  func file(ofCase caseNumber: Int) -> String? {
    var bytes = [UInt8](repeating: 0, count: Self.capacity)
    let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
    guard count > 0, let end = bytes[..<count].firstIndex(of: UInt8(ascii: "\n")) else {
      return nil
    }

    // A shorter record leaves the end of a longer one behind it: only its first line counts.
    let line = String(decoding: bytes[..<end], as: UTF8.self)
    guard let space = line.firstIndex(of: " "), Int(line[..<space]) == caseNumber else {
      return nil
    }
    return WorkerMessage.unescape(line[line.index(after: space)...])
  }

  func close() { _ = Glibc.close(descriptor) }
}
