import Extraction
import Foundation
import Model
import Testing

@Suite("Pages, offsets and pages needing OCR")
struct DocumentTests {
  @Test(
    "an offset maps back to the page its text came from",
    arguments: [
      ("banner-three-pages.pdf", "radiating to the left calf", 1),
      ("banner-three-pages.pdf", "positive on the left at forty degrees", 2),
      ("banner-three-pages.pdf", "within three weeks", 3),
      ("browser-print.pdf", "Cyclobenzaprine  10 mg", 2),
      ("browser-print.pdf", "foraminal disc", 1),
    ])
  func offsetsMapToPages(_ fixture: String, _ phrase: String, _ page: Int) throws {
    let document = try PDFExtractor().extract(fileAt: Fixtures.url(fixture))
    let range = try #require(document.text.range(of: phrase))
    let start = document.text.utf16.distance(
      from: document.text.utf16.startIndex, to: range.lowerBound)
    #expect(document.pageNumber(at: start) == page)
    #expect(document.evidence(start..<(start + phrase.utf16.count)).page == page)
  }

  @Test("pages are numbered from 1 and the document keeps its file name")
  func pagesAreNumbered() throws {
    let document = try PDFExtractor().extract(fileAt: Fixtures.url("banner-three-pages.pdf"))
    #expect(document.name == "banner-three-pages.pdf")
    #expect(document.pages.map(\.number) == [1, 2, 3])
    #expect(document.pages.allSatisfy { $0.source == .textLayer })
  }

  @Test("an image-only page and an image page with a fax stamp need OCR")
  func scannedPagesNeedOCR() throws {
    let document = try PDFExtractor().extract(fileAt: Fixtures.url("scanned-pages.pdf"))
    #expect(document.pages.map(\.source) == [.textLayer, .needsOCR, .needsOCR])
    #expect(document.pages[0].text.contains("received by fax"))
    #expect(document.pages[1].text.isEmpty)
    #expect(document.pages[2].text.isEmpty)
  }

  @Test("several PDFs extracted side by side keep their own names and pages")
  func severalDocumentsStayApart() async throws {
    let names = ["office-note.pdf", "banner-three-pages.pdf", "browser-print.pdf"]
    let documents = try await withThrowingTaskGroup(of: Document.self) { group in
      for name in names {
        group.addTask { try PDFExtractor().extract(fileAt: Fixtures.url(name)) }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    let pages = Dictionary(uniqueKeysWithValues: documents.map { ($0.name, $0.pages.count) })
    #expect(pages == ["office-note.pdf": 1, "banner-three-pages.pdf": 3, "browser-print.pdf": 2])
  }
}

@Suite("Filled-in PDF forms")
struct FormFieldTests {
  @Test(
    "typed values, ticked boxes and chosen items stand beside their labels",
    arguments: [
      "CPT code:  64483",
      "Planned date:  04/01/2026",
      "Conservative care completed:  [x]",
      "Prior lumbar surgery:  [ ]",
      "Level:  L4-L5",
    ])
  func valuesBesideLabels(_ line: String) throws {
    let document = try PDFExtractor().extract(fileAt: Fixtures.url("form-fields.pdf"))
    let lines = document.text.split(separator: "\n").map(String.init)
    #expect(lines.contains(line))
  }

  @Test("a multi-line field keeps its lines, after its label")
  func multiLineField() throws {
    let document = try PDFExtractor().extract(fileAt: Fixtures.url("form-fields.pdf"))
    #expect(document.text.contains("Notes:\nFailed 8 weeks of PT.\nNSAIDs without relief.\n"))
  }
}
