extension String {
  /// The string made safe to place in HTML text or in a quoted attribute value.
  ///
  /// Everything a report shows from a document or a request passes through here, so text that
  /// looks like markup (`<script>`, `<img onerror=…>`) is displayed, never interpreted. NUL and
  /// other C0 control characters except tab and newline, which HTML cannot carry, become
  /// U+FFFD.
  public var htmlEscaped: String {
    guard HTMLEscaping.needsEscaping(self) else { return self }

    var escaped: [UInt8] = []
    HTMLEscaping.append(self, escapedTo: &escaped)
    return String(decoding: escaped, as: UTF8.self)
  }
}

/// The byte-level work of `htmlEscaped`, shared with `HTMLMarkup` and `HTMLPage`, which
/// escape straight into the page.
///
/// Every character escaped is ASCII, so the UTF-8 bytes are rewritten one by one: the bytes
/// of other characters are all 0x80 or above and are copied as they stand, in runs.
enum HTMLEscaping {
  static func needsEscaping(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { utf8 in
      escapedBytes.withUnsafeBufferPointer { escaped in
        utf8.contains { escaped[Int($0)] }
      }
    }
  }

  /// Appends the UTF-8 bytes of `text` escaped.
  static func append(_ text: String, escapedTo bytes: inout [UInt8]) {
    forEachEscapedRun(of: text) { bytes += $0 }
  }

  /// Hands `write` the UTF-8 bytes of `text` escaped, in order, as runs: the unescaped
  /// stretches between escaped bytes as they stand, and each escaped byte's replacement.
  @inline(__always)
  static func forEachEscapedRun(
    of text: String, _ write: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    var text = text
    text.withUTF8 { utf8 in
      escapedBytes.withUnsafeBufferPointer { escaped in
        var runStart = 0
        for offset in 0..<utf8.count where escaped[Int(utf8[offset])] {
          write(UnsafeBufferPointer(rebasing: utf8[runStart..<offset]))
          let replacement = escape(of: utf8[offset])
          write(
            UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
          runStart = offset + 1
        }
        write(UnsafeBufferPointer(rebasing: utf8[runStart...]))
      }
    }
  }

  /// `forEachEscapedRun(of:_:)` of UTF-16 units that are all ASCII, as the units' string
  /// would be escaped: hands `write` each stretch of units that stands as it is, and
  /// `replace` the replacement of each unit escaped.
  @inline(__always)
  static func forEachEscapedRun(
    ofASCII units: UnsafeBufferPointer<UInt16>, _ write: (UnsafeBufferPointer<UInt16>) -> Void,
    replace: (StaticString) -> Void
  ) {
    escapedBytes.withUnsafeBufferPointer { escaped in
      var runStart = 0
      for offset in 0..<units.count where escaped[Int(units[offset] & 0x7F)] {
        write(UnsafeBufferPointer(rebasing: units[runStart..<offset]))
        replace(escape(of: UInt8(truncatingIfNeeded: units[offset])))
        runStart = offset + 1
      }
      write(UnsafeBufferPointer(rebasing: units[runStart...]))
    }
  }

  /// `needsEscape` of every byte value, looked up in the loops above.
  private static let escapedBytes: [Bool] = (0...255).map { needsEscape(UInt8($0)) }

  private static func needsEscape(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""),
      UInt8(ascii: "'"), 0x7F:
      return true
    case UInt8(ascii: "\t"), UInt8(ascii: "\n"): return false
    case 0x00...0x1F: return true
    default: return false
    }
  }

  /// What a byte that `needsEscape` becomes.
  private static func escape(of byte: UInt8) -> StaticString {
    switch byte {
    case UInt8(ascii: "&"): "&amp;"
    case UInt8(ascii: "<"): "&lt;"
    case UInt8(ascii: ">"): "&gt;"
    case UInt8(ascii: "\""): "&quot;"
    case UInt8(ascii: "'"): "&#39;"
    default: "\u{FFFD}"
    }
  }
}
