import Foundation

/// Something dropped into the inbox that will become one case: a folder, or a single file.
struct CaseCandidate: Hashable, Sendable {
  /// The entry's name in the inbox; the case id is derived from it.
  let name: String
  let isFolder: Bool

  /// The folder's name, or the file's name without its extension.
  var caseID: String {
    isFolder ? name : (name as NSString).deletingPathExtension
  }

  /// Every entry of the inbox that can be a case. Hidden entries (a leading dot) are
  /// skipped: copy tools write partial files under such names and rename them when done.
  static func scan(_ inbox: URL) -> [CaseCandidate] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: inbox.path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted().compactMap { name in
      var isDirectory: ObjCBool = false
      let path = inbox.appendingPathComponent(name).path
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        return nil
      }
      return CaseCandidate(name: name, isFolder: isDirectory.boolValue)
    }
  }
}

/// What a case's files look like on disk right now: names, sizes and modification times.
///
/// Two equal signatures taken a quiet period apart mean nothing was written in between,
/// which also covers network shares that report only size changes and no events.
struct FileSignature: Equatable, Sendable {
  private let entries: [String]

  static func of(_ url: URL) -> FileSignature {
    var entries: [String] = []
    collect(url, prefix: "", into: &entries)
    return FileSignature(entries: entries.sorted())
  }

  private static func collect(_ url: URL, prefix: String, into entries: inout [String]) {
    var status = stat()
    guard lstat(url.path, &status) == 0 else { return }
    let modified = status.st_mtim.tv_sec * 1_000_000_000 + status.st_mtim.tv_nsec
    entries.append("\(prefix)|\(status.st_size)|\(modified)|\(status.st_mode)")

    guard (status.st_mode & S_IFMT) == S_IFDIR else { return }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    for name in names {
      collect(url.appendingPathComponent(name), prefix: prefix + "/" + name, into: &entries)
    }
  }
}

/// Decides when a candidate has been left alone for the quiet period.
struct StabilityTracker {
  let quietPeriod: Double
  private var seen: [CaseCandidate: (signature: FileSignature, since: Double)] = [:]

  init(quietPeriod: Double) { self.quietPeriod = quietPeriod }

  /// Records an event that touched a candidate: its quiet period starts again.
  mutating func touch(_ name: String, at now: Double) {
    for key in seen.keys where key.name == name {
      seen[key]?.since = now
    }
  }

  /// The candidates whose files have not changed for the quiet period, given the inbox now.
  mutating func stable(_ candidates: [CaseCandidate], inbox: URL, at now: Double)
    -> [CaseCandidate]
  {
    let present = Set(candidates)
    seen = seen.filter { present.contains($0.key) }

    var ready: [CaseCandidate] = []
    for candidate in candidates {
      let signature = FileSignature.of(inbox.appendingPathComponent(candidate.name))
      guard let previous = seen[candidate], previous.signature == signature else {
        seen[candidate] = (signature, now)
        if quietPeriod <= 0 { ready.append(candidate) }
        continue
      }
      if now - previous.since >= quietPeriod { ready.append(candidate) }
    }
    return ready
  }

  /// Forgets a candidate once it has been claimed.
  mutating func forget(_ candidate: CaseCandidate) { seen[candidate] = nil }
}
