import Foundation

/// Small readers of rendered HTML for assertions: what links point to, what ids exist, what
/// is highlighted. They read PendCheck's own markup (and Chromium's serialisation of it), not
/// arbitrary HTML.
enum HTMLInspection {
  static func captures(_ pattern: String, in html: String) -> [String] {
    // The patterns are literals in the tests; a malformed one is a test bug.
    let expression = try! NSRegularExpression(
      pattern: pattern, options: [.dotMatchesLineSeparators])
    let range = NSRange(html.startIndex..., in: html)
    return expression.matches(in: html, range: range).compactMap { match in
      Range(match.range(at: 1), in: html).map { String(html[$0]) }
    }
  }

  /// The targets of every in-page link, without the `#`.
  static func fragmentLinks(_ html: String) -> [String] {
    captures(##"href="#([^"]*)""##, in: html)
  }

  static func ids(_ html: String) -> Set<String> {
    Set(captures(#"\sid="([^"]*)""#, in: html))
  }

  /// The text inside every `<mark>`, entities decoded, whitespace folded.
  static func markedTexts(_ html: String) -> [String] {
    captures(#"<mark[^>]*>(.*?)</mark>"#, in: html).map { decoded($0) }
  }

  /// The HTML text with PendCheck's five entities decoded and whitespace folded.
  static func decoded(_ text: String) -> String {
    text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
      .replacingOccurrences(of: "&amp;", with: "&")
      .split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// The element whose id is `id`, from its opening tag to the end of the document.
  static func fromElement(_ id: String, in html: String) -> Substring? {
    html.range(of: "id=\"\(id)\"").map { html[$0.lowerBound...] }
  }
}
