import Foundation
import Model
import Testing

@testable import Extraction

/// One reader for every test: each engine loads its model once, as in a real run.
private let sharedReader = Result { try OCRReader() }

@Suite("Pages without a usable text layer are read by OCR")
struct OCRTests {
  private func extractor() throws -> PDFExtractor {
    PDFExtractor(ocr: try sharedReader.get())
  }

  @Test("an image-only page is read by OCR, its words found and its confidence kept")
  func imageOnlyPageIsRead() throws {
    let document = try extractor().extract(fileAt: Fixtures.url("scanned-note.pdf"))
    let page = try #require(document.pages.first)

    #expect(page.source == .ocr)
    for phrase in ["Lumbar radicular pain", "Pain averages 7/10", "Physical therapy"] {
      #expect(page.text.contains(phrase), "\(phrase) in \(page.text)")
    }
    let confidence = try #require(page.ocrConfidence)
    #expect((50...100).contains(confidence))
  }

  @Test("evidence quoted from an OCR page has its page, offsets and the page's confidence")
  func evidenceCarriesConfidence() throws {
    let document = try extractor().extract(fileAt: Fixtures.url("scanned-note.pdf"))
    let phrase = "Pain averages 7/10"
    let range = try #require(document.text.range(of: phrase))
    let start = document.text.utf16.distance(
      from: document.text.utf16.startIndex, to: range.lowerBound)

    let evidence = document.evidence(start..<(start + phrase.utf16.count))
    #expect(evidence.text == phrase)
    #expect(evidence.page == 1)
    #expect(evidence.ocrConfidence == document.pages[0].ocrConfidence)
  }

  @Test("a page whose text layer is stray symbols over a scan is read by OCR instead")
  func garbageLayerIsReplaced() throws {
    let document = try extractor().extract(fileAt: Fixtures.url("garbage-layer.pdf"))
    #expect(document.pages[0].source == .ocr)
    #expect(document.pages[0].text.contains("Physical therapy"))
    #expect(!document.pages[0].text.contains("~#"))
  }

  @Test("without an OCR reader (--no-ocr) a scanned page stays unread, needing OCR")
  func noReaderLeavesPageUnread() throws {
    let document = try PDFExtractor().extract(fileAt: Fixtures.url("scanned-note.pdf"))
    #expect(document.pages[0].source == .needsOCR)
    #expect(document.pages[0].text.isEmpty)
    #expect(document.pages[0].ocrConfidence == nil)
  }

  @Test("a missing language model is an error at start naming the package to install")
  func missingModelIsReported() throws {
    let empty = FileManager.default.temporaryDirectory
      .appendingPathComponent("tessdata-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)

    #expect(throws: OCRError.languageModelMissing(language: "eng", searched: [empty.path])) {
      try OCRReader(environment: ["TESSDATA_PREFIX": empty.path])
    }
    let message = OCRError.languageModelMissing(language: "eng", searched: [empty.path]).message
    #expect(message.contains("eng.traineddata"))
    #expect(message.contains("tesseract-ocr-eng"))
    #expect(message.contains("--no-ocr"))
  }

  @Test("a missing library or a refused model names what to install, and the way round it")
  func unavailableOCRIsExplained() {
    let missing = OCRError.libraryMissing(
      library: "libtesseract.so.5", detail: "cannot open shared object file")
    #expect(missing.message.contains("libtesseract.so.5"))
    #expect(missing.message.contains("apt-get install libtesseract5"))
    #expect(missing.message.contains("--no-ocr"))

    let refused = OCRError.engineRefusedModel(language: "eng", folder: "/opt/tessdata")
    #expect(refused.message.contains("/opt/tessdata"))
    #expect(refused.message.contains("tesseract-ocr-eng"))

    let inFile = ExtractionError.ocrUnavailable(fileName: "fax.pdf", cause: missing)
    #expect(inFile.message.hasPrefix("fax.pdf: "))
    #expect(inFile.exitStatus == 69)
  }

  @Test("a page turned by a degree is found turned by a degree, and drawn straight")
  func skewIsEstimated() throws {
    let bytes = try Data(contentsOf: Fixtures.url("scanned-note.pdf"))
    let file = try PopplerFile(bytes: bytes, fileName: "scanned-note.pdf")

    // The fixture is turned 1 degree anticlockwise, which is -1 in clockwise degrees.
    let skew = try #require(
      file.withImage(ofPageAt: 0, dpi: 200) { SkewEstimate(image: $0).degrees })
    #expect(abs(skew + 1) <= 0.2, "estimated \(skew)")
    let straightened = try #require(
      file.withImage(ofPageAt: 0, dpi: 200, rotation: -skew) { SkewEstimate(image: $0).degrees })
    #expect(abs(straightened) <= 0.1, "after turning back \(straightened)")
  }
}

@Suite("Which text layers are too broken to use")
struct TextLayerQualityTests {
  @Test(
    "a layer needs OCR when mostly non-letters over a scan or mostly unmapped glyphs",
    arguments: [
      ("Pain averages 7/10 since March, worse with sitting and standing.", 0.0, false),
      ("12/03/2026 40 mg 2x 15 3/10 07/11/2025 120 mg 04/01/2026 80 mg 1x 20", 0.0, false),
      (
        "~# 1 | % 2 ;; @ 3 .. * 4 ^^ = 5 __ ) 6 (( + 7 $ 8 ~# 9 | % 10 ;; @ 11 .. * 12 ^^", 1.0,
        true
      ),
      ("\u{E001}\u{E002}\u{E003} 4 \u{FFFD}\u{FFFD} 5 \u{E004}\u{E005}", 0.0, true),
    ])
  func brokenLayers(_ text: String, _ imageCoverage: Double, _ needsOCR: Bool) {
    var layer = TextLayer(width: 612, height: 792)
    let utf8 = Array(text.utf8)
    utf8.withUnsafeBufferPointer { layer.read(utf8: $0, boxes: []) }
    layer.imageCoverage = imageCoverage
    #expect(PDFExtractor.needsOCR(layer) == needsOCR)
  }
}

@Suite("OCR lines are cleaned as text-layer lines are")
struct OCRTextTests {
  @Test(
    "a lone bar is the letter I before a lower-case word or punctuation, else a ruled line",
    arguments: [
      ("| saw her today.", "I saw her today."),
      ("for which | first consulted", "for which I first consulted"),
      ("CRPS type |, right upper extremity", "CRPS type I, right upper extremity"),
      ("| Anand Iyer, MD | New Patient consult |", "Anand Iyer, MD New Patient consult"),
      ("BP | HR | Temp", "BP HR Temp"),
      ("Pain \u{201C}7/10\u{201D}  at  rest", "Pain \"7/10\" at rest"),
    ])
  func bars(_ read: String, _ expected: String) {
    #expect(String(decoding: OCRText.line(read), as: UTF16.self) == expected)
  }
}

@Suite("Finding the Tesseract library without loading it")
struct OCRLibraryTests {
  @Test("LD_LIBRARY_PATH folders are searched first, then the configured and system ones")
  func libraryFolders() {
    let folders = OCRReader.libraryFolders(environment: ["LD_LIBRARY_PATH": "/opt/a:/opt/b"])
    #expect(Array(folders.prefix(2)) == ["/opt/a", "/opt/b"])
    #expect(folders.contains("/usr/lib"))
  }

  @Test("the library installed on this machine is found")
  func installedLibraryIsFound() throws {
    try OCRReader(language: "eng").checkLibrary()
  }
}
