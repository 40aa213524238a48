import Foundation
import Testing

@testable import Reports

/// How pieces are written into a page: in order, each as its kind says, and every byte kept
/// however far the page grows.
@Suite struct HTMLPageTests {
  static let hostile = "<b>\"Tom\" & 'Jerry'</b>\u{0}"

  @Test func eachKindOfPieceIsWrittenAsAnHTMLMarkupInterpolatesIt() {
    var page = HTMLPage(capacity: 16)
    page.append("<p class=\"")
    page.append(markup: "x y")
    page.append("\">")
    page.append(text: Self.hostile)
    page.append(" ")
    page.append(-42)
    page.append("\(text: "a < b") \(7)</p>")
    let interpolated: HTMLMarkup =
      "<p class=\"\(markup: "x y")\">\(text: Self.hostile) \(-42)\(text: "a < b") \(7)</p>"

    #expect(page.text == interpolated.description)
    #expect(page.text.contains(Self.hostile.htmlEscaped))
    #expect(!page.text.contains("<b>"))
  }

  @Test(arguments: [
    ([String](), ""), (["a"], "a"), (["a", "b", "c"], "a<br>b<br>c"), (["", ""], "<br>"),
  ])
  func elementsAreWrittenWithTheSeparatorBetweenEachTwo(elements: [String], written: String) {
    var page = HTMLPage(capacity: 16)
    page.append(elements, separator: "<br>") { element, page in page.append(markup: element) }

    #expect(page.text == written)
  }

  @Test func aPageGrowingFarPastItsCapacityKeepsEveryByteInOrder() {
    let text = String(repeating: "é 中文 😀 & <", count: 500)
    var page = HTMLPage(capacity: 1)
    for _ in 0..<3 {
      page.append("<pre>")
      page.append(text: text)
      page.append("</pre>")
    }

    let expected = String(repeating: "<pre>\(text.htmlEscaped)</pre>", count: 3)
    #expect(page.text == expected)
    #expect(page.data == Data(expected.utf8))
  }

  @Test(arguments: [
    "", "plain words", "<b>\"Tom\" & 'Jerry'</b>\u{0}\t\n\u{7F}", "&&<<>>",
    "seven c&eight ch<nine cha>", "(percent %, equals =, query ?) \"quoted\"\r\n\u{1F}",
  ])
  func asciiUnitsAreWrittenAsTheirStringIsWritten(text: String) {
    let (isWritten, fromUnits, fromString) = writtenBothWays(text)

    #expect(isWritten)
    #expect(fromUnits == fromString)
  }

  /// Units are read four at a time: each character to escape, its near misses, and tab and
  /// newline, at every place of a text three words of units long.
  @Test(arguments: [
    "&", "<", ">", "\"", "'", "\u{7F}", "\u{0}", "\r", "\t", "\n", "%", "=", "?", "(",
  ])
  func asciiUnitsAreEscapedAtEveryPlaceAsTheirStringIs(character: String) {
    for place in 0...11 {
      let text =
        String(repeating: "a", count: place) + character + String(repeating: "b", count: 11 - place)
      let (isWritten, fromUnits, fromString) = writtenBothWays(text)

      #expect(isWritten)
      #expect(fromUnits == fromString, "at \(place)")
    }
  }

  @Test(arguments: ["é", "pain 7/10 — at rest", "\u{80}", "😀", "eight ch\u{80}", "twelve chars é"])
  func unitsOutsideASCIIAreLeftForTheStringAndNothingIsWritten(text: String) {
    var page = HTMLPage(capacity: 16)
    page.append("<pre>")
    let isWritten = Array(text.utf16).withUnsafeBufferPointer { page.append(asciiText: $0) }

    #expect(!isWritten)
    #expect(page.text == "<pre>")
  }
}

/// `text` written into a page from its UTF-16 units and from the string: whether the units
/// were written, and the two pages' bytes.
private func writtenBothWays(_ text: String) -> (isWritten: Bool, fromUnits: Data, fromString: Data)
{
  var fromUnits = HTMLPage(capacity: 1)
  let isWritten = Array(text.utf16).withUnsafeBufferPointer { fromUnits.append(asciiText: $0) }
  var fromString = HTMLPage(capacity: 1)
  fromString.append(text: text)
  return (isWritten, fromUnits.data, fromString.data)
}
