extension String {
  /// The string made safe to place in HTML text or in a quoted attribute value.
  ///
  /// Everything a report shows from a document or a request passes through here, so text that
  /// looks like markup (`<script>`, `<img onerror=…>`) is displayed, never interpreted. NUL and
  /// other C0 control characters except tab and newline, which HTML cannot carry, become
  /// U+FFFD.
  public var htmlEscaped: String {
    // Every character escaped is ASCII, so the UTF-8 bytes are rewritten one by one: the
    // bytes of other characters are all 0x80 or above and are copied as they stand.
    var escaped: [UInt8] = []
    escaped.reserveCapacity(utf8.count)
    for byte in utf8 {
      switch byte {
      case UInt8(ascii: "&"): escaped += "&amp;".utf8
      case UInt8(ascii: "<"): escaped += "&lt;".utf8
      case UInt8(ascii: ">"): escaped += "&gt;".utf8
      case UInt8(ascii: "\""): escaped += "&quot;".utf8
      case UInt8(ascii: "'"): escaped += "&#39;".utf8
      case UInt8(ascii: "\t"), UInt8(ascii: "\n"): escaped.append(byte)
      case 0x00...0x1F, 0x7F: escaped += "\u{FFFD}".utf8
      default: escaped.append(byte)
      }
    }
    return String(decoding: escaped, as: UTF8.self)
  }
}
