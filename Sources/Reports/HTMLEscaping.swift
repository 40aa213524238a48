extension String {
  /// The string made safe to place in HTML text or in a quoted attribute value.
  ///
  /// Everything a report shows from a document or a request passes through here, so text that
  /// looks like markup (`<script>`, `<img onerror=…>`) is displayed, never interpreted. NUL and
  /// other C0 control characters except tab and newline, which HTML cannot carry, become
  /// U+FFFD.
  public var htmlEscaped: String {
    // Every character escaped is ASCII, so the UTF-8 bytes are rewritten one by one: the
    // bytes of other characters are all 0x80 or above and are copied as they stand, in runs.
    var text = self
    return text.withUTF8 { utf8 in
      guard let first = utf8.firstIndex(where: Self.needsHTMLEscape) else { return self }

      var escaped: [UInt8] = []
      escaped.reserveCapacity(utf8.count + 64)
      escaped += UnsafeBufferPointer(rebasing: utf8[..<first])
      var runStart = first
      for offset in first..<utf8.count where Self.needsHTMLEscape(utf8[offset]) {
        escaped += UnsafeBufferPointer(rebasing: utf8[runStart..<offset])
        escaped += Self.htmlEscape(of: utf8[offset]).utf8
        runStart = offset + 1
      }
      escaped += UnsafeBufferPointer(rebasing: utf8[runStart...])
      return String(decoding: escaped, as: UTF8.self)
    }
  }

  private static func needsHTMLEscape(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""),
      UInt8(ascii: "'"), 0x7F:
      true
    case UInt8(ascii: "\t"), UInt8(ascii: "\n"): false
    case 0x00...0x1F: true
    default: false
    }
  }

  /// What a byte that `needsHTMLEscape` becomes.
  private static func htmlEscape(of byte: UInt8) -> String {
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
