import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// inotify on the inbox and on each case folder in it: which top-level entries were written,
/// closed after writing, moved in, created or removed.
///
/// Events wake the intake loop and restart a case's quiet period; whether a case is finished
/// is always decided by its file signature, so a lost or coalesced event (or a share that
/// sends none) delays a case until the watcher's next listing of the inbox, never loses it.
final class InotifyWatch {
  /// The inotify descriptor, for `poll`.
  let descriptor: Int32
  private var watches: [Int32: String] = [:]
  private var watchedNames: Set<String> = []
  private static let inboxName = ""
  private static let mask: UInt32 =
    UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_CREATE) | UInt32(IN_MODIFY)
    | UInt32(IN_DELETE) | UInt32(IN_MOVED_FROM) | UInt32(IN_ATTRIB)

  init(inbox: URL) throws(IntakeError) {
    descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
    guard descriptor >= 0 else {
      throw .cannotWatch(path: inbox.path, reason: String(cString: strerror(errno)))
    }
    let watch = inotify_add_watch(descriptor, inbox.path, Self.mask)
    guard watch >= 0 else {
      let reason = String(cString: strerror(errno))
      close(descriptor)
      throw .cannotWatch(path: inbox.path, reason: reason)
    }
    watches[watch] = Self.inboxName
  }

  deinit { close(descriptor) }

  /// Watches a case folder too, so writes inside it are seen (once per name).
  func watchFolder(_ url: URL, name: String) {
    guard !watchedNames.contains(name) else { return }
    let watch = inotify_add_watch(descriptor, url.path, Self.mask)
    guard watch >= 0 else { return }
    watches[watch] = name
    watchedNames.insert(name)
  }

  /// Stops watching a folder that has left the inbox: a watch follows the folder to where
  /// it was moved, so it is removed rather than left to pile up over a long run.
  func forgetFolder(_ name: String) {
    guard watchedNames.remove(name) != nil else { return }
    for (watch, folder) in watches where folder == name {
      inotify_rm_watch(descriptor, watch)
      watches[watch] = nil
    }
  }

  /// What the queued events touched.
  struct Events {
    /// The top-level entries of the inbox that events touched.
    var names: Set<String> = []
    /// The kernel's queue overflowed and dropped events: the inbox must be listed again.
    var hasOverflowed = false
  }

  /// Reads every queued event without waiting.
  func readEvents() -> Events {
    var events = Events()
    let capacity = 64 * 1024
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
    defer { buffer.deallocate() }

    while true {
      let count = read(descriptor, buffer, capacity)
      guard count > 0 else { break }
      var offset = 0
      while offset + 16 <= count {
        // struct inotify_event: wd, mask, cookie, len, then `len` bytes of name. Swift does
        // not import the flexible name array, so it is read after the 16-byte header.
        let watch = buffer.load(fromByteOffset: offset, as: Int32.self)
        let nameLength = Int(buffer.load(fromByteOffset: offset + 12, as: UInt32.self))
        let name = nameLength > 0 ? eventName(buffer + offset + 16, maxLength: nameLength) : ""
        let mask = buffer.load(fromByteOffset: offset + 4, as: UInt32.self)
        if mask & UInt32(IN_Q_OVERFLOW) != 0 { events.hasOverflowed = true }
        if let folder = watches[watch] {
          events.names.insert(folder == Self.inboxName ? name : folder)
        }
        offset += 16 + nameLength
      }
    }
    events.names.remove("")
    return events
  }

  private func eventName(_ pointer: UnsafeMutableRawPointer, maxLength: Int) -> String {
    let bytes = pointer.assumingMemoryBound(to: UInt8.self)
    let length = (0..<maxLength).first { bytes[$0] == 0 } ?? maxLength
    return String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
  }
}
