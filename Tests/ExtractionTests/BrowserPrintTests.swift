import Extraction
import Foundation
import Model
import Testing

/// The portal page laid out by weasyprint as a browser prints it (`browser-print-html.pdf`):
/// balanced CSS columns, ruled tables, letter-spaced headings, a narrow justified paragraph
/// hyphenated by the layout engine, and the date, title, address and page count in the page
/// margins.
@Suite("A note printed from a browser")
struct BrowserPrintTests {
  static func document() throws -> Document {
    try PDFExtractor().extract(fileAt: Fixtures.url("browser-print-html.pdf"))
  }

  @Test("balanced columns read left then right, and the heading below them comes after")
  func columnsThenHeading() throws {
    let text = try Self.document().pages[0].text.collapsingWhitespace
    let sequence = [
      ReadingOrderTests.leftColumn[0], ReadingOrderTests.leftColumn[1],
      ReadingOrderTests.rightColumn[0], ReadingOrderTests.rightColumn[1], "VITALS BP Pulse",
    ]
    var previous = text.startIndex
    for passage in sequence {
      let range = try #require(text.range(of: passage), "\(passage) not read whole")
      #expect(range.lowerBound >= previous, "\(passage) out of order")
      previous = range.upperBound
    }
  }

  @Test("words the layout engine hyphenated are whole again")
  func layoutHyphensAreUndone() throws {
    let text = try Self.document().pages[0].text.collapsingWhitespace
    #expect(
      text.contains(
        "Conservative management included anti-inflammatory medication, supervised "
          + "physiotherapy, chiropractic manipulation and a structured home exercise programme, "
          + "without durable improvement of her radicular symptoms."))
  }

  @Test("table rows are lines, on the page they were printed on")
  func tablesOnTheirPages() throws {
    let document = try Self.document()
    let first = Set(document.pages[0].text.split(separator: "\n").map(String.init))
    let second = Set(document.pages[1].text.split(separator: "\n").map(String.init))
    #expect(first.contains("142/88  76  98.4 F  7/10  31.2"))
    #expect(second.contains("Gabapentin  300 mg  three times daily  01/2026"))
    #expect(second.contains("Straight leg raise  Positive at 40 degrees  Negative"))
  }

  @Test("the browser's margin lines are kept once, on the first page")
  func marginLinesKeptOnce() throws {
    let document = try Self.document()
    #expect(
      document.pages[0].text.hasPrefix("3/2/26, 2:14 PM  Visit Summary - Valley Spine Portal"))
    #expect(document.pages[1].removedBoilerplate.count == 2)
    #expect(!document.pages[1].text.contains("portal.valleyspine.example"))
    #expect(document.pages[1].text.hasPrefix("CURRENT MEDICATIONS\n"))
  }

  @Test("letter-spaced headings read as words, justified lines with single spaces")
  func spacingIsUndone() throws {
    let text = try Self.document().pages[0].text
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.contains("TREATMENT SO FAR"))
    let heading = try #require(lines.firstIndex(of: "FUNCTION"))
    let justified = lines[(heading + 1)...].prefix { !$0.hasPrefix("https:") && !$0.isEmpty }
    #expect(justified.count >= 3)
    #expect(justified.allSatisfy { !$0.contains("  ") })
    #expect(
      text.collapsingWhitespace.contains(
        "She cannot stand at the counter of her bakery for more than twenty minutes, stopped "
          + "cycling to work in January, and now needs help carrying flour sacks upstairs."))
  }
}
