import Testing

@testable import Reports

/// What text taken from a document or a request becomes inside the HTML report.
@Suite struct HTMLEscapingTests {
  @Test(arguments: [
    ("plain words stay as they are", "plain words stay as they are"),
    ("", ""),
    ("a & b < c > d \"e\" 'f'", "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;"),
    ("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
    ("tab\tand\nnewline stay", "tab\tand\nnewline stay"),
    (
      "nul\u{0} bell\u{7} cr\r esc\u{1B} del\u{7F}",
      "nul\u{FFFD} bell\u{FFFD} cr\u{FFFD} esc\u{FFFD} del\u{FFFD}"
    ),
    ("é, 中文, 😀 & e\u{301}", "é, 中文, 😀 &amp; e\u{301}"),
    ("&&", "&amp;&amp;"),
    ("ends with <", "ends with &lt;"),
  ])
  func textIsEscapedForHTML(text: String, escaped: String) {
    #expect(text.htmlEscaped == escaped)
  }

  /// A page reads text eight bytes at a time: each character that is escaped, its near
  /// misses that are not (`%`, `=`, `?`, `(`), and tab and newline, at every place of a text
  /// three words long.
  @Test(arguments: [
    ("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&#39;"),
    ("\u{7F}", "\u{FFFD}"), ("\u{0}", "\u{FFFD}"), ("\u{1F}", "\u{FFFD}"), ("\r", "\u{FFFD}"),
    ("\t", "\t"), ("\n", "\n"), ("%", "%"), ("=", "="), ("?", "?"), ("(", "("), ("é", "é"),
  ])
  func aCharacterIsEscapedAtEveryPlaceOfALongText(character: String, escaped: String) {
    for place in 0...23 {
      let before = String(repeating: "a", count: place)
      let after = String(repeating: "b", count: 23 - place)
      var page = HTMLPage(capacity: 16)
      page.append(text: before + character + after)

      #expect(page.text == before + escaped + after, "at \(place)")
    }
  }

  @Test(arguments: [
    ("1756.sij.provocation", "1756-sij-provocation"), ("a_b-C9", "a_b-C9"),
    ("é x/y", "--x-y"), ("", ""), ("中文😀", "---"), ("e\u{301}1", "e-1"), ("\u{7F}Z", "-Z"),
  ])
  func anchorsKeepOnlyASCIILettersDigitsHyphensAndUnderscores(text: String, anchor: String) {
    #expect(text.htmlAnchorSafe == anchor)
  }

  @Test(arguments: [
    ("case esi-001 (a), b: c; #2", "case esi-001 (a), b: c; #2"),
    ("x\"</style>", "x\\22 \\3c \\2f style\\3e "), ("é", "\\e9 "),
    ("PendCheck · case 7", "PendCheck \\b7  case 7"), ("😀\n", "\\1f600 \\a "), ("", ""),
  ])
  func cssStringsEscapeAllButPlainCharacters(text: String, escaped: String) {
    #expect(text.cssStringEscaped == escaped)
  }
}
