extension String {
  /// The string made safe to place in HTML text or in a quoted attribute value.
  ///
  /// Everything a report shows from a document or a request passes through here, so text that
  /// looks like markup (`<script>`, `<img onerror=…>`) is displayed, never interpreted. NUL and
  /// other C0 control characters except tab and newline, which HTML cannot carry, become
  /// U+FFFD.
  public var htmlEscaped: String {
    var escaped = ""
    escaped.reserveCapacity(utf8.count)
    for scalar in unicodeScalars {
      switch scalar {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&#39;"
      case "\t", "\n": escaped.unicodeScalars.append(scalar)
      case "\u{0}"..."\u{1F}", "\u{7F}": escaped += "\u{FFFD}"
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }
}
