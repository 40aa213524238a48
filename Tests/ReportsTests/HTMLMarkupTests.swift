import Testing

@testable import Reports

/// How each kind of interpolation reaches the page: text escaped, markup as it stands.
@Suite struct HTMLMarkupTests {
  static let hostile = "<b>\"Tom\" & 'Jerry'</b>\u{0}"

  @Test func textIsEscapedAsHTMLEscapedEscapesIt() {
    let markup: HTMLMarkup = "<p>\(text: Self.hostile)</p>"

    #expect(markup.description == "<p>\(Self.hostile.htmlEscaped)</p>")
    #expect(!markup.description.contains("<b>"))
  }

  @Test func markupAndOtherPiecesAreCopiedAsTheyStand() {
    let inner: HTMLMarkup = "<em>\(text: "a < b")</em>"
    let markup: HTMLMarkup = "<p class=\"\(markup: "x y")\">\(inner) \(42) \(-7)</p>"

    #expect(markup.description == "<p class=\"x y\"><em>a &lt; b</em> 42 -7</p>")
  }

  @Test func longAndNonASCIITextKeepsEveryByte() {
    let text = String(repeating: "é 中文 😀 & ", count: 500)
    let markup: HTMLMarkup = "\(text: text)"

    #expect(markup.description == text.htmlEscaped)
    #expect(Array(markup.description.utf8) == markup.bytes)
  }
}
