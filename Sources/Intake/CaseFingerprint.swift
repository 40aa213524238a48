import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A case's identity by content: the same PDFs (and request) under any names give the same
/// fingerprint, so a case dropped twice is recognised.
enum CaseFingerprint {
  /// The SHA-256 of the sorted content digests of every file of the case; `nil` when a file
  /// cannot be read (the case is then never taken for a duplicate).
  ///
  /// - Parameter names: the names at the top of the case folder, hidden ones left out, when
  ///   a listing just taken has them (`FileSignature.namesAtTop`); otherwise the folder is
  ///   listed here.
  static func of(_ path: String, names: [String]? = nil) -> String? {
    var digests: [String] = []
    // Left uninitialized: `read` fills what is hashed, and zeroing 64 KB a case was waste.
    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: readSize)
    defer { buffer.deallocate() }
    for file in names.map({ $0.map { path + "/" + $0 } }) ?? files(of: path) {
      guard let digest = digest(of: file, using: buffer) else { return nil }
      digests.append(digest)
    }
    guard !digests.isEmpty else { return nil }

    var combined = SHA256()
    combined.update(Array(digests.sorted().joined(separator: "\n").utf8))
    return combined.finalizeHex()
  }

  /// The files of a case folder, hidden ones left out, in name order; the path itself for
  /// a case that is one file. Read with `readdir` and `stat` on string paths, as the
  /// inbox is (`FileSignature`): `FileManager` and a `URL` per file cost the watcher more
  /// than hashing the files.
  private static func files(of path: String) -> [String] {
    var status = stat()
    guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else { return [path] }
    return FileSignature.names(inFolder: path).filter { !$0.hasPrefix(".") }.sorted().map {
      path + "/" + $0
    }
  }

  /// The size of one read: files are streamed through SHA-256, so large PDFs cost no memory.
  private static let readSize = 64 * 1024

  /// The digest of the file at `path`, read into `buffer`; `nil` when it cannot be opened or
  /// a read fails.
  private static func digest(of path: String, using buffer: UnsafeMutableBufferPointer<UInt8>)
    -> String?
  {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }

    var hasher = SHA256()
    while true {
      let count = read(descriptor, buffer.baseAddress, buffer.count)
      if count < 0 && errno == EINTR { continue }
      guard count >= 0 else { return nil }
      if count == 0 { return hasher.finalizeHex() }
      hasher.update(UnsafeBufferPointer(rebasing: buffer[..<count]))
    }
  }
}
