import Foundation

#if canImport(Glibc)
  import CFileSystem
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a report could not be written, with the path involved and the system's reason.
public enum ReportWriteError: Error, Equatable, CustomStringConvertible {
  /// No temporary file could be made next to the destination.
  case cannotCreateTemporaryFile(directory: String, reason: String)
  /// Writing or flushing the temporary file failed (a full disk, a quota).
  case cannotWrite(path: String, reason: String)
  /// The finished temporary file could not be moved over the destination.
  case cannotReplace(path: String, reason: String)

  public var description: String {
    switch self {
    case .cannotCreateTemporaryFile(let directory, let reason):
      "cannot write a report in \(directory): \(reason)"
    case .cannotWrite(let path, let reason):
      "cannot write the report \(path): \(reason)"
    case .cannotReplace(let path, let reason):
      "cannot put the report in place at \(path): \(reason)"
    }
  }
}

/// Writes report files so that a reader sees the old file or the whole new one, never a part.
public enum ReportFile {
  /// Writes `data` to `url` through a temporary file in the same directory: the file is
  /// written, flushed to disk (unless `flushing` is false, see below), given `permissions`,
  /// and renamed over the destination.
  ///
  /// - Parameter permissions: the new file's mode; reports quote patient notes, so by
  ///   default only the owner may read them.
  /// - Throws: `ReportWriteError` naming the path and the reason; the temporary file is
  ///   removed on failure.
  public static func writeAtomically(
    _ data: Data, to url: URL, permissions: mode_t = 0o600, flushing: Bool = true
  ) throws(ReportWriteError) {
    try writeAtomically([(data, url)], permissions: permissions, flushing: flushing)
  }

  /// Writes several files as `writeAtomically(_:to:permissions:)` writes one, but flushes
  /// each directory once, after every rename, rather than once per file: a case's JSON and
  /// HTML reports take three disk flushes instead of four.
  ///
  /// - Parameter flushing: whether to flush the files and their directories to disk before
  ///   returning. Without, a reader still sees the old file or the whole new one, and a
  ///   crash of this process loses nothing, but a crash of the machine may lose the new
  ///   files until `flush(_:)` has run on them (the watch folder flushes a group of cases'
  ///   reports at once, before it files the cases as done).
  /// - Throws: the `ReportWriteError` of the first file that failed; the files before it are
  ///   in place, and it and those after it are left as they were.
  public static func writeAtomically(
    _ files: [(data: Data, url: URL)], permissions: mode_t = 0o600, flushing: Bool = true
  ) throws(ReportWriteError) {
    let (written, writeFailure) = writeTemporaryFiles(
      files, permissions: permissions, flushing: flushing)

    var directories: [String] = []
    for (index, file) in written.enumerated() {
      guard rename(file.temporary, file.destination) == 0 else {
        let reason = systemReason()
        for unrenamed in written[index...] { unlink(unrenamed.temporary) }
        if flushing { directories.forEach(syncDirectory) }
        throw .cannotReplace(path: file.destination, reason: reason)
      }
      if !directories.contains(file.directory) { directories.append(file.directory) }
    }
    if flushing { directories.forEach(syncDirectory) }
    if let writeFailure { throw writeFailure }
  }

  /// Flushes files written without flushing, and their directories, to disk: afterwards a
  /// crash of the machine loses none of them.
  ///
  /// Each file system holding some of the files is flushed whole, with one `syncfs`: for a
  /// group of reports that is one call instead of an `fsync` per file and folder, each of
  /// which the disk serves apart (with its own cache flush). It also writes whatever else
  /// of that file system is waiting, which the kernel would write soon anyway. Where it
  /// fails, or on a system without it, each file and then its directory is flushed by
  /// `fsync`.
  ///
  /// - Throws: `ReportWriteError.cannotWrite` for the first file that could not be opened
  ///   or flushed; every file is still tried.
  public static func flush(_ urls: [URL]) throws(ReportWriteError) {
    let descriptors = urls.map { open($0.path, O_RDONLY | O_CLOEXEC) }
    defer { descriptors.filter { $0 >= 0 }.forEach { close($0) } }

    var failure: ReportWriteError?
    var unsynced: [(url: URL, descriptor: Int32)] = []
    for group in byFileSystem(zip(urls, descriptors))
    where group.device == nil || !syncFileSystem(group.files[0].descriptor) {
      unsynced += group.files
    }
    for (url, descriptor) in unsynced where descriptor < 0 || fsync(descriptor) != 0 {
      if failure == nil { failure = .cannotWrite(path: url.path, reason: systemReason()) }
    }
    var directories: [String] = []
    for (url, _) in unsynced where !directories.contains(url.deletingLastPathComponent().path) {
      directories.append(url.deletingLastPathComponent().path)
    }
    directories.forEach(syncDirectory)
    if let failure { throw failure }
  }

  /// The open files grouped by the device of their file system, in order of first file;
  /// files that could not be opened or asked come under `nil`.
  private static func byFileSystem(_ files: Zip2Sequence<[URL], [Int32]>) -> [(
    device: UInt64?, files: [(url: URL, descriptor: Int32)]
  )] {
    var groups: [(device: UInt64?, files: [(url: URL, descriptor: Int32)])] = []
    for (url, descriptor) in files {
      var status = stat()
      let device =
        descriptor >= 0 && fstat(descriptor, &status) == 0 ? UInt64(status.st_dev) : nil
      if let index = groups.firstIndex(where: { $0.device == device }) {
        groups[index].files.append((url, descriptor))
      } else {
        groups.append((device, [(url, descriptor)]))
      }
    }
    return groups
  }

  /// Flushes the whole file system holding `descriptor`; `false` when that failed or this
  /// system cannot.
  private static func syncFileSystem(_ descriptor: Int32) -> Bool {
    #if canImport(Glibc)
      pc_sync_file_system(descriptor) == 0
    #else
      false
    #endif
  }

  /// A file written in full to its temporary name, waiting to be renamed over its destination.
  private struct WrittenFile {
    let temporary: String
    let destination: String
    let directory: String
  }

  /// Writes and flushes each file's temporary file, in order, up to the first that fails.
  private static func writeTemporaryFiles(
    _ files: [(data: Data, url: URL)], permissions: mode_t, flushing: Bool
  ) -> ([WrittenFile], ReportWriteError?) {
    var written: [WrittenFile] = []
    for (data, url) in files {
      do throws(ReportWriteError) {
        written.append(
          try writeTemporaryFile(data, for: url, permissions: permissions, flushing: flushing))
      } catch {
        return (written, error)
      }
    }
    return (written, nil)
  }

  private static func writeTemporaryFile(
    _ data: Data, for url: URL, permissions: mode_t, flushing: Bool
  ) throws(ReportWriteError) -> WrittenFile {
    let destination = url.path
    let directory = url.deletingLastPathComponent().path
    let (descriptor, temporary) = try makeTemporaryFile(in: directory, for: url.lastPathComponent)

    do {
      try writeAll(
        data, to: descriptor, path: destination, permissions: permissions, flushing: flushing)
    } catch {
      close(descriptor)
      unlink(temporary)
      throw error
    }
    close(descriptor)
    return WrittenFile(temporary: temporary, destination: destination, directory: directory)
  }

  private static func makeTemporaryFile(in directory: String, for name: String)
    throws(ReportWriteError) -> (Int32, String)
  {
    var template = Array("\(directory)/.\(name).XXXXXX".utf8CString)
    // A non-empty array always has a base address.
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else {
      throw .cannotCreateTemporaryFile(directory: directory, reason: systemReason())
    }
    let path = template.dropLast().map { UInt8(bitPattern: $0) }
    return (descriptor, String(decoding: path, as: UTF8.self))
  }

  private static func writeAll(
    _ data: Data, to descriptor: Int32, path: String, permissions: mode_t, flushing: Bool
  ) throws(ReportWriteError) {
    let failure: String? = data.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        // The buffer holds at least one byte here, so it has a base address.
        let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { return systemReason() }
        offset += written
      }
      return nil
    }
    if let failure { throw .cannotWrite(path: path, reason: failure) }

    guard fchmod(descriptor, permissions) == 0, !flushing || fsync(descriptor) == 0 else {
      throw .cannotWrite(path: path, reason: systemReason())
    }
  }

  /// Flushes the directory entry of the rename; failing to is not worth failing the write.
  private static func syncDirectory(_ directory: String) {
    let descriptor = open(directory, O_RDONLY)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    close(descriptor)
  }

  private static func systemReason() -> String { String(cString: strerror(errno)) }
}
