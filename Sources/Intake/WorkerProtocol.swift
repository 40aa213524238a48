import Foundation

/// The lines the watcher and its worker processes exchange, one message a line.
///
/// The worker says `ready` once it has loaded its lexicons. The watcher writes
/// `case FINGERPRINT PATH` (`-` for no fingerprint) to a worker's standard input. The worker
/// answers on its standard output with `reading NAME` before each document (unless it was
/// given a `ReadingSlot`, where it records the name instead), then exactly one
/// `result key=value …` or `failed STATUS REASON` for the case. Paths, names
/// and reasons are escaped so that a newline in a file name cannot split a message. No
/// document text is ever sent.
enum WorkerMessage: Equatable {
  case ready
  case process(path: String, fingerprint: String?)
  case reading(file: String)
  case result(fields: [ResultField])
  case failed(status: Int32, reason: String)

  /// One `key=value` pair of a result, for the watcher's log line.
  struct ResultField: Equatable {
    let key: String
    let value: String
  }

  /// The message as one line, newline included.
  var line: String {
    switch self {
    case .ready:
      "ready\n"
    case .process(let path, let fingerprint):
      "case \(fingerprint ?? "-") \(Self.escape(path))\n"
    case .reading(let file):
      "reading \(Self.escape(file))\n"
    case .result(let fields):
      "result " + fields.map { "\($0.key)=\($0.value)" }.joined(separator: " ") + "\n"
    case .failed(let status, let reason):
      "failed \(status) \(Self.escape(reason))\n"
    }
  }

  /// The message a line holds (without its newline), `nil` for anything else.
  init?(line: Substring) {
    let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
    switch parts.first {
    case "ready" where parts.count == 1:
      self = .ready
    case "case" where parts.count == 3:
      let fingerprint = parts[1] == "-" ? nil : String(parts[1])
      self = .process(path: Self.unescape(parts[2]), fingerprint: fingerprint)
    case "reading" where parts.count >= 2:
      self = .reading(file: Self.unescape(line.dropFirst("reading ".count)))
    case "result":
      self = .result(fields: Self.fields(line.dropFirst("result".count)))
    case "failed" where parts.count == 3:
      guard let status = Int32(parts[1]) else { return nil }
      self = .failed(status: status, reason: Self.unescape(parts[2]))
    default:
      return nil
    }
  }

  /// The `key=value` pairs of a result line, cut at its ASCII spaces and each at its first
  /// `=` by bytes (splitting by characters cost the watcher a tenth of its time); a pair
  /// with an empty key or value is left out.
  private static func fields(_ text: Substring) -> [ResultField] {
    text.utf8.split(separator: UInt8(ascii: " ")).compactMap { pair in
      guard let equals = pair.firstIndex(of: UInt8(ascii: "=")), equals != pair.startIndex,
        pair.index(after: equals) != pair.endIndex
      else { return nil }
      return ResultField(
        key: String(decoding: pair[..<equals], as: UTF8.self),
        value: String(decoding: pair[pair.index(after: equals)...], as: UTF8.self))
    }
  }

  static func escape(_ text: String) -> String {
    // Most paths hold neither, and `replacingOccurrences` goes through `NSString` even then.
    guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x0A }) else { return text }
    return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
      of: "\n", with: "\\n")
  }

  static func unescape(_ text: Substring) -> String {
    var result = ""
    var isEscaped = false
    for character in text {
      if isEscaped {
        result.append(character == "n" ? "\n" : character)
        isEscaped = false
      } else if character == "\\" {
        isEscaped = true
      } else {
        result.append(character)
      }
    }
    return result
  }
}

/// Splits bytes read from a pipe into complete lines, keeping a partial last line for later.
struct LineBuffer {
  private var pending: [UInt8] = []

  /// Adds bytes and returns every line they completed, without their newlines.
  mutating func append(_ bytes: UnsafeRawBufferPointer) -> [Substring] {
    pending.append(contentsOf: bytes)
    guard let last = pending.lastIndex(of: UInt8(ascii: "\n")) else { return [] }

    // Cut by bytes, then decoded line by line: splitting the decoded text by characters
    // read every line's graphemes, and would keep a "\r\n" (one character) together.
    let lines = pending[..<last].split(
      separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false
    ).map { Substring(String(decoding: $0, as: UTF8.self)) }
    pending.removeSubrange(...last)
    return lines
  }
}
