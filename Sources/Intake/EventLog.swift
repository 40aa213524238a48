import Foundation

/// One line per intake event, as logfmt or JSON lines.
///
/// Lines carry case ids, file names, counts, outcomes and timings: never text from a
/// document. The log file, when one is named, is created readable by its owner only.
///
/// Lines are gathered and written by `flush`, which the watcher calls before it sleeps,
/// or once `pendingLimit` bytes wait: a write for each line was two system calls a case for
/// the watcher. Should the watcher itself crash, the lines of its last turn would be lost.
public final class EventLog: @unchecked Sendable {
  /// How each line is written.
  public enum Format: String, Sendable {
    case logfmt, json
  }

  private let format: Format
  private let handle: FileHandle
  private let lock = NSLock()
  /// Lines recorded and not yet written; guarded by `lock`.
  private var pending: [UInt8] = []
  /// The last second stamped and its text, reused by the lines of the same second; guarded
  /// by `lock`.
  private var lastStamp: (second: time_t, text: String) = (-1, "")
  private static let pendingLimit = 16 * 1024

  public init(format: Format, handle: FileHandle = .standardError) {
    self.format = format
    self.handle = handle
  }

  /// A log appending to `url`, created with mode 0600 when it does not exist.
  public convenience init(format: Format, appendingTo url: URL) throws {
    let descriptor = open(url.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw IntakeError.cannotCreate(path: url.path, reason: String(cString: strerror(errno)))
    }
    self.init(format: format, handle: FileHandle(fileDescriptor: descriptor, closeOnDealloc: true))
  }

  deinit { writePending() }

  /// Writes one event with its fields, in the order given.
  public func record(_ event: String, _ fields: (String, String)...) {
    record(event, fields)
  }

  /// Writes one event with its fields, in the order given.
  public func record(_ event: String, _ fields: [(String, String)]) {
    let now = time(nil)
    let stamp = lock.withLock { lastStamp.second == now ? lastStamp.text : nil }
    let all = [("ts", stamp ?? Self.timestamp(now)), ("event", event)] + fields
    var line = format == .json ? Self.jsonLine(all) : Self.logfmtLine(all)
    line.append(UInt8(ascii: "\n"))
    lock.withLock {
      if stamp == nil { lastStamp = (now, all[0].1) }
      pending += line
      if pending.count >= Self.pendingLimit { writePending() }
    }
  }

  /// Writes the lines recorded since the last flush.
  public func flush() { lock.withLock { writePending() } }

  private func writePending() {
    guard !pending.isEmpty else { return }
    handle.write(Data(pending))
    pending.removeAll(keepingCapacity: true)
  }

  /// The current time in UTC to the second, as `ISO8601DateFormatter` writes it
  /// (`2026-03-14T09:30:00Z`); one formatter made per line cost more than the rest of the
  /// watcher's work on a case, and `String(format:)` a tenth of it: the digits are written
  /// by hand.
  static func timestamp(_ seconds: time_t = time(nil)) -> String {
    var now = seconds
    var parts = tm()
    gmtime_r(&now, &parts)
    var text: [UInt8] = []
    text.reserveCapacity(20)
    let fields: [(Int32, Int, UInt8)] = [
      (parts.tm_year + 1900, 4, 0x2D), (parts.tm_mon + 1, 2, 0x2D), (parts.tm_mday, 2, 0x54),
      (parts.tm_hour, 2, 0x3A), (parts.tm_min, 2, 0x3A), (parts.tm_sec, 2, 0x5A),
    ]
    for (number, width, after) in fields {
      appendDigits(of: number, width: width, to: &text)
      text.append(after)
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// `number`'s decimal digits, padded with zeros to `width`.
  private static func appendDigits(of number: Int32, width: Int, to text: inout [UInt8]) {
    var digits: [UInt8] = []
    var rest = max(0, number)
    repeat {
      digits.append(UInt8(truncatingIfNeeded: 0x30 + rest % 10))
      rest /= 10
    } while rest > 0
    text += repeatElement(0x30, count: max(0, width - digits.count))
    text += digits.reversed()
  }

  /// `key=value` pairs, space separated: a value that is empty or holds a space, `"` or `=`
  /// is quoted, and its `\`, `"` and newlines are escaped. Written as bytes: every escaped
  /// character is ASCII, and a newline is escaped even where a carriage return precedes it.
  static func logfmtLine(_ fields: [(String, String)]) -> [UInt8] {
    var line: [UInt8] = []
    line.reserveCapacity(64 * fields.count)
    for (index, (key, value)) in fields.enumerated() {
      if index > 0 { line.append(0x20) }
      line += key.utf8
      line.append(0x3D)
      let bytes = value.utf8
      let needsQuotes = value.isEmpty || bytes.contains { $0 == 0x20 || $0 == 0x22 || $0 == 0x3D }
      if needsQuotes { line.append(0x22) }
      if bytes.contains(where: { $0 == 0x5C || $0 == 0x22 || $0 == 0x0A }) {
        appendEscaped(bytes, to: &line)
      } else {
        line += bytes
      }
      if needsQuotes { line.append(0x22) }
    }
    return line
  }

  private static func appendEscaped(_ bytes: String.UTF8View, to line: inout [UInt8]) {
    for byte in bytes {
      switch byte {
      case 0x5C: line += [0x5C, 0x5C]
      case 0x22: line += [0x5C, 0x22]
      case 0x0A: line += [0x5C, 0x6E]
      default: line.append(byte)
      }
    }
  }

  /// One JSON object of string members, in the order given.
  static func jsonLine(_ fields: [(String, String)]) -> [UInt8] {
    var line: [UInt8] = [0x7B]
    line.reserveCapacity(64 * fields.count)
    for (index, (key, value)) in fields.enumerated() {
      if index > 0 { line.append(0x2C) }
      appendJSONString(key, to: &line)
      line.append(0x3A)
      appendJSONString(value, to: &line)
    }
    line.append(0x7D)
    return line
  }

  /// `text` as a JSON string: quotes, backslashes and control characters escaped, the rest
  /// as its UTF-8 bytes.
  private static func appendJSONString(_ text: String, to line: inout [UInt8]) {
    line.append(0x22)
    // Case ids, counts and timings rarely hold anything to escape: copy those whole.
    guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
      line += text.utf8
      line.append(0x22)
      return
    }
    for byte in text.utf8 {
      switch byte {
      case 0x22: line += [0x5C, 0x22]
      case 0x5C: line += [0x5C, 0x5C]
      case 0x0A: line += [0x5C, 0x6E]
      case 0x0D: line += [0x5C, 0x72]
      case 0x09: line += [0x5C, 0x74]
      case 0..<0x20:
        line += [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
      default: line.append(byte)
      }
    }
    line.append(0x22)
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)
}
