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

/// The byte-level work of `htmlEscaped`, shared with `HTMLMarkup`, which escapes straight
/// into the page.
///
/// Every character escaped is ASCII, so the UTF-8 bytes are rewritten one by one: the bytes
/// of other characters are all 0x80 or above and are copied as they stand, in runs.
enum HTMLEscaping {
  static func needsEscaping(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { $0.contains(where: needsEscape) }
  }

  /// Appends the UTF-8 bytes of `text` escaped.
  static func append(_ text: String, escapedTo bytes: inout [UInt8]) {
    var text = text
    text.withUTF8 { utf8 in
      bytes.reserveCapacity(bytes.count + utf8.count)
      var runStart = 0
      for offset in 0..<utf8.count where needsEscape(utf8[offset]) {
        bytes += UnsafeBufferPointer(rebasing: utf8[runStart..<offset])
        escape(of: utf8[offset]).withUTF8Buffer { bytes += $0 }
        runStart = offset + 1
      }
      bytes += UnsafeBufferPointer(rebasing: utf8[runStart...])
    }
  }

  private static func needsEscape(_ byte: UInt8) -> Bool {
    // Letters and most bytes of text are above '>' (0x3E): one comparison lets them through.
    if byte > UInt8(ascii: ">") { return byte == 0x7F }

    switch byte {
    case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""),
      UInt8(ascii: "'"):
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
