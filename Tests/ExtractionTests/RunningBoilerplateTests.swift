import Extraction
import Foundation
import Model
import Testing

@Suite("Running headers and footers")
struct RunningBoilerplateTests {
  static let banner = "Valley Spine & Pain Associates  Rivera, Ana  DOB 04/12/1968  MRN 5521907"

  @Test("a banner and page footer repeated on every page are removed after the first page")
  func repeatsAreRemoved() throws {
    let document = try PDFExtractor().extract(fileAt: Fixtures.url("banner-three-pages.pdf"))
    #expect(document.pages.count == 3)
    #expect(document.pages[0].text.contains(Self.banner))
    #expect(document.pages[0].removedBoilerplate.isEmpty)
    for page in document.pages.dropFirst() {
      #expect(!page.text.contains("Rivera, Ana"))
      #expect(!page.text.contains("Page \(page.number) of 3"))
      #expect(page.removedBoilerplate == [Self.banner, "Page \(page.number) of 3"])
    }
  }

  @Test("the body of every page is kept")
  func bodiesAreKept() throws {
    let document = try PDFExtractor().extract(fileAt: Fixtures.url("banner-three-pages.pdf"))
    let headings = document.pages.map { $0.text.split(separator: "\n").first.map(String.init) }
    #expect(
      headings == [
        "Valley Spine & Pain Associates  Rivera, Ana  DOB 04/12/1968  MRN 5521907",
        "Examination", "Plan",
      ])
    #expect(document.pages[2].text.contains("Schedule a left L5 transforaminal injection"))
  }

  @Test("a browser's date, title, address and page count are recognised")
  func browserChromeIsRemoved() throws {
    let document = try PDFExtractor().extract(fileAt: Fixtures.url("browser-print.pdf"))
    let second = document.pages[1]
    #expect(!second.text.contains("https://portal.valleyspine.example"))
    #expect(!second.text.contains("2:14 PM"))
    #expect(second.removedBoilerplate.count == 2)
    #expect(second.text.hasPrefix("Vitals\n"))
  }

  @Test("a single-page document keeps its banner and footer")
  func singlePageKeepsEverything() throws {
    let document = try PDFExtractor().extract(fileAt: Fixtures.url("office-note.pdf"))
    #expect(document.pages.count == 1)
    #expect(document.pages[0].text.contains("MRN 5521907"))
    #expect(document.pages[0].text.contains("Page 1 of 1"))
    #expect(document.pages[0].removedBoilerplate.isEmpty)
  }
}
