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
    let folder = inbox.path
    let entries = FileSignature.entries(inFolder: folder).filter { !$0.name.hasPrefix(".") }
    return entries.sorted { $0.name < $1.name }.compactMap { entry in
      // The listing's own word on what an entry is spares a `stat` of each; a link, or an
      // entry of a file system that does not say, is asked where it leads.
      switch entry.type {
      case UInt8(DT_DIR): CaseCandidate(name: entry.name, isFolder: true)
      case UInt8(DT_REG): CaseCandidate(name: entry.name, isFolder: false)
      default: at(folder, name: entry.name)
      }
    }
  }

  /// The entry `name` of the inbox, `nil` when it does not exist.
  static func at(_ inbox: URL, name: String) -> CaseCandidate? { at(inbox.path, name: name) }

  /// The entry `name` of the folder at `path`, by `stat` on a string path (following a
  /// link, as `FileManager.fileExists` does): the watcher scans the whole inbox again and
  /// again, and a `URL` per entry cost more than the rest of the scan.
  private static func at(_ path: String, name: String) -> CaseCandidate? {
    var status = stat()
    guard stat(path + "/" + name, &status) == 0 else { return nil }
    return CaseCandidate(name: name, isFolder: (status.st_mode & S_IFMT) == S_IFDIR)
  }
}

/// What a case's files look like on disk right now: names, sizes and modification times.
///
/// Two equal signatures taken a quiet period apart mean nothing was written in between,
/// which also covers network shares that report only size changes and no events.
struct FileSignature: Equatable, Sendable {
  private let entries: [Entry]
  /// The names at the top of the folder this is the signature of, hidden ones left out, as
  /// `CaseFingerprint` reads a case; `nil` when it is not of a folder (a single file, or a
  /// link, which the fingerprint reads itself). Read from the same listing as `entries`.
  let namesAtTop: [String]?

  /// One file or folder: its path below the case, size, modification time and mode.
  private struct Entry: Equatable, Sendable {
    let path: String
    let size: Int
    let modified: Int
    let mode: UInt32
  }

  /// The signature of the entry `name` of the folder `inbox`.
  static func of(_ name: String, in inbox: URL) -> FileSignature {
    var entries: [Entry] = []
    var namesAtTop: [String]?
    collect(inbox.path + "/" + name, prefix: "", into: &entries) { names in
      namesAtTop = names.filter { !$0.hasPrefix(".") }
    }
    return FileSignature(entries: entries.sorted { $0.path < $1.path }, namesAtTop: namesAtTop)
  }

  static func == (lhs: FileSignature, rhs: FileSignature) -> Bool { lhs.entries == rhs.entries }

  /// Paths as strings and folders read with `readdir`: the watcher takes a signature of
  /// every case at least twice, and `URL` and `FileManager` cost more than the `lstat`s.
  /// `listed` is given the names of the folder at `path`, when it is one.
  private static func collect(
    _ path: String, prefix: String, into entries: inout [Entry],
    listed: ([String]) -> Void = { _ in }
  ) {
    var status = stat()
    guard lstat(path, &status) == 0 else { return }
    let modified = status.st_mtim.tv_sec * 1_000_000_000 + status.st_mtim.tv_nsec
    entries.append(
      Entry(path: prefix, size: status.st_size, modified: modified, mode: status.st_mode))

    guard (status.st_mode & S_IFMT) == S_IFDIR else { return }
    let names = names(inFolder: path)
    listed(names)
    for name in names {
      collect(path + "/" + name, prefix: prefix + "/" + name, into: &entries)
    }
  }

  /// The names in a folder, "." and ".." left out; none when it cannot be read.
  static func names(inFolder path: String) -> [String] {
    var names: [String] = []
    forEachEntry(inFolder: path) { name, _ in names.append(name) }
    return names
  }

  /// The entries of a folder with their type as the listing gives it (`DT_DIR`, `DT_REG`,
  /// `DT_LNK`, or `DT_UNKNOWN` where the file system does not say), "." and ".." left out;
  /// none when it cannot be read.
  static func entries(inFolder path: String) -> [(name: String, type: UInt8)] {
    var entries: [(name: String, type: UInt8)] = []
    forEachEntry(inFolder: path) { entries.append(($0, $1)) }
    return entries
  }

  private static func forEachEntry(inFolder path: String, _ body: (String, UInt8) -> Void) {
    guard let folder = opendir(path) else { return }
    defer { closedir(folder) }

    while let entry = readdir(folder) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { body(name, entry.pointee.d_type) }
    }
  }
}

/// The entries of the inbox and when each is finished: left alone for the quiet period.
///
/// Nothing here rescans every case on every turn of the intake loop. An entry's signature
/// is taken when it appears, again when an event touches it, and again when its quiet
/// period is due to end; only if it is unchanged then is it ready. Shares that send no
/// events are covered the same way, since the due check compares signatures, and new
/// entries on such a share are found by the watcher's periodic listing (`rescan`).
///
/// Entries still in their quiet period and ready ones are kept apart, the ready ones sorted
/// by name: a turn of the loop looked at every entry, and every take compared every ready
/// name, which for a batch of 1,000 cases was a tenth of the watcher's time.
struct InboxTracker {
  let quietPeriod: Double
  private var entries: [String: Entry] = [:]
  /// The names of the entries whose quiet period has not ended.
  private var waiting: Set<String> = []
  /// The names of ready entries, sorted so that the last is the first by name. A name may
  /// stay after its entry left, was taken or changed; `takeReady` passes over it then.
  private var readyQueue: [String] = []
  /// Names that became ready since `readyQueue` was last sorted.
  private var newlyReady: [String] = []

  private struct Entry {
    let candidate: CaseCandidate
    var signature: FileSignature
    /// When the signature last changed or an event last touched the entry.
    var changedAt: Double
    var isReady: Bool
  }

  init(quietPeriod: Double) { self.quietPeriod = quietPeriod }

  var count: Int { entries.count }

  /// The entries ready to be taken.
  var readyCount: Int { entries.count - waiting.count }

  /// Adds the entries that appeared in the inbox and drops those that left it; returns the
  /// new ones.
  mutating func rescan(_ inbox: URL, at now: Double) -> [CaseCandidate] {
    let present = CaseCandidate.scan(inbox)
    let names = Set(present.map(\.name))
    entries = entries.filter { names.contains($0.key) }
    waiting.formIntersection(names)
    return present.filter { entries[$0.name] == nil }.map { candidate in
      add(candidate, inbox: inbox, at: now)
      return candidate
    }
  }

  /// Records events on `names`: each one's quiet period starts again from `now` (an entry
  /// that is gone is dropped); returns the entries seen for the first time.
  mutating func touch(_ names: Set<String>, inbox: URL, at now: Double) -> [CaseCandidate] {
    var added: [CaseCandidate] = []
    for name in names where !name.hasPrefix(".") {
      guard let candidate = CaseCandidate.at(inbox, name: name) else {
        entries[name] = nil
        waiting.remove(name)
        continue
      }
      if entries[name] == nil { added.append(candidate) }
      add(candidate, inbox: inbox, at: now)
    }
    return added
  }

  private mutating func add(_ candidate: CaseCandidate, inbox: URL, at now: Double) {
    let signature = FileSignature.of(candidate.name, in: inbox)
    entries[candidate.name] = Entry(
      candidate: candidate, signature: signature, changedAt: now, isReady: false)
    waiting.insert(candidate.name)
    if quietPeriod <= 0 { markReady(candidate.name) }
  }

  private mutating func markReady(_ name: String) {
    entries[name]?.isReady = true
    waiting.remove(name)
    newlyReady.append(name)
  }

  /// When the next entry's quiet period ends, `nil` when none is waiting.
  var nextCheck: Double? {
    waiting.compactMap { entries[$0]?.changedAt }.min().map { $0 + quietPeriod }
  }

  /// Takes a new signature of each entry whose quiet period has ended: unchanged, it is
  /// ready; changed, its quiet period starts again.
  mutating func checkDue(_ inbox: URL, at now: Double) {
    let due = waiting.filter { name in
      entries[name].map { now - $0.changedAt >= quietPeriod } ?? false
    }
    for name in due {
      let signature = FileSignature.of(name, in: inbox)
      if signature == entries[name]?.signature {
        markReady(name)
      } else {
        entries[name]?.signature = signature
        entries[name]?.changedAt = now
      }
    }
  }

  /// The first ready entry in name order whose files are still as they were when it
  /// became ready (a share may have written since), removed from the tracker.
  mutating func takeReady(_ inbox: URL, at now: Double) -> ReadyCase? {
    if !newlyReady.isEmpty {
      readyQueue += newlyReady
      newlyReady = []
      readyQueue.sort(by: >)
    }

    while let name = readyQueue.popLast() {
      guard let entry = entries[name], entry.isReady else { continue }
      let signature = FileSignature.of(name, in: inbox)
      guard signature == entry.signature else {
        entries[name] = Entry(
          candidate: entry.candidate, signature: signature, changedAt: now, isReady: false)
        waiting.insert(name)
        continue
      }
      entries[name] = nil
      return ReadyCase(candidate: entry.candidate, signature: signature)
    }
    return nil
  }
}

/// An entry taken from the inbox, with the signature that found its files unchanged.
struct ReadyCase {
  let candidate: CaseCandidate
  let signature: FileSignature

  var name: String { candidate.name }
}
