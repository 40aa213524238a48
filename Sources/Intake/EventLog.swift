import Foundation

/// One line per intake event, as logfmt or JSON lines.
///
/// Lines carry case ids, file names, counts, outcomes and timings: never text from a
/// document. The log file, when one is named, is created readable by its owner only.
public final class EventLog: @unchecked Sendable {
  /// How each line is written.
  public enum Format: String, Sendable {
    case logfmt, json
  }

  private let format: Format
  private let handle: FileHandle
  private let lock = NSLock()

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

  /// Writes one event with its fields, in the order given.
  public func record(_ event: String, _ fields: (String, String)...) {
    record(event, fields)
  }

  /// Writes one event with its fields, in the order given.
  public func record(_ event: String, _ fields: [(String, String)]) {
    let all = [("ts", Self.timestamp()), ("event", event)] + fields
    let line = format == .json ? jsonLine(all) : logfmtLine(all)
    lock.withLock { handle.write(Data((line + "\n").utf8)) }
  }

  /// The current time in UTC to the second, as `ISO8601DateFormatter` writes it
  /// (`2026-03-14T09:30:00Z`); one formatter made per line cost more than the rest of the
  /// watcher's work on a case.
  /// Its numbers are padded by hand: `String(format:)` was a tenth of the watcher's work.
  static func timestamp(_ seconds: time_t = time(nil)) -> String {
    var now = seconds
    var parts = tm()
    gmtime_r(&now, &parts)
    let date = [padded(parts.tm_year + 1900, 4), padded(parts.tm_mon + 1), padded(parts.tm_mday)]
    let time = [padded(parts.tm_hour), padded(parts.tm_min), padded(parts.tm_sec)]
    return date.joined(separator: "-") + "T" + time.joined(separator: ":") + "Z"
  }

  private static func padded(_ number: Int32, _ width: Int = 2) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  private func logfmtLine(_ fields: [(String, String)]) -> String {
    fields.map { key, value in
      let bytes = value.utf8
      let needsQuotes = value.isEmpty || bytes.contains { $0 == 0x20 || $0 == 0x22 || $0 == 0x3D }
      // Most values (counts, ids, timings) have nothing to escape.
      let needsEscapes = bytes.contains { $0 == 0x5C || $0 == 0x22 || $0 == 0x0A }
      let escaped =
        needsEscapes
        ? value.replacingOccurrences(of: "\\", with: "\\\\")
          .replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
        : value
      return "\(key)=" + (needsQuotes ? "\"\(escaped)\"" : escaped)
    }.joined(separator: " ")
  }

  private func jsonLine(_ fields: [(String, String)]) -> String {
    let members = fields.map { key, value in "\(jsonString(key)):\(jsonString(value))" }
    return "{" + members.joined(separator: ",") + "}"
  }

  private func jsonString(_ text: String) -> String {
    var escaped = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": escaped += "\\\""
      case "\\": escaped += "\\\\"
      case "\n": escaped += "\\n"
      case "\r": escaped += "\\r"
      case "\t": escaped += "\\t"
      case _ where scalar.value < 0x20:
        escaped += String(format: "\\u%04x", scalar.value)
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped + "\""
  }
}
