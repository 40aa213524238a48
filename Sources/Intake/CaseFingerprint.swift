import Foundation

/// A case's identity by content: the same PDFs (and request) under any names give the same
/// fingerprint, so a case dropped twice is recognised.
enum CaseFingerprint {
  /// The SHA-256 of the sorted content digests of every file of the case.
  static func of(_ url: URL) -> String? {
    var digests: [String] = []
    for file in files(of: url) {
      guard let digest = digest(of: file) else { return nil }
      digests.append(digest)
    }
    guard !digests.isEmpty else { return nil }

    var combined = SHA256()
    combined.update(Array(digests.sorted().joined(separator: "\n").utf8))
    return combined.finalizeHex()
  }

  private static func files(of url: URL) -> [URL] {
    var isDirectory: ObjCBool = false
    FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
    guard isDirectory.boolValue else { return [url] }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted().map {
      url.appending(path: $0, directoryHint: .inferFromPath)
    }
  }

  /// Streams a file through SHA-256 in 1 MiB reads, so large PDFs cost no memory.
  static func digest(of file: URL) -> String? {
    guard let handle = try? FileHandle(forReadingFrom: file) else { return nil }
    defer { try? handle.close() }
    var hasher = SHA256()
    while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
      hasher.update(chunk)
    }
    return hasher.finalizeHex()
  }
}
