import Foundation
import Model
import Testing

@testable import Extraction

@Suite("Bad input gets a typed error naming the file")
struct BadInputTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let fixture: String
    let expected: ExtractionError
    var testDescription: String { fixture }
  }

  static let cases: [Case] = [
    Case(fixture: "empty.pdf", expected: .emptyFile(fileName: "empty.pdf")),
    Case(fixture: "not-a-pdf.pdf", expected: .notPDF(fileName: "not-a-pdf.pdf")),
    Case(fixture: "encrypted.pdf", expected: .encrypted(fileName: "encrypted.pdf")),
    Case(fixture: "no-pages.pdf", expected: .noPages(fileName: "no-pages.pdf")),
    Case(fixture: "missing.pdf", expected: .fileNotFound(fileName: "missing.pdf")),
  ]

  @Test("each bad file gets its own error", arguments: cases)
  func badFileGetsItsError(_ testCase: Case) {
    #expect(throws: testCase.expected) {
      try PDFExtractor().extract(fileAt: Fixtures.url(testCase.fixture))
    }
  }

  @Test(
    "a truncated or corrupt PDF is reported as damaged",
    arguments: ["truncated.pdf", "corrupt.pdf"])
  func damagedFileIsReported(_ fixture: String) throws {
    let error = try #require(throws: ExtractionError.self) {
      try PDFExtractor().extract(fileAt: Fixtures.url(fixture))
    }
    guard case .damaged(let name, let detail) = error else {
      Issue.record("expected .damaged, got \(error)")
      return
    }
    #expect(name == fixture)
    #expect(!detail.isEmpty)
  }

  @Test("a directory is unreadable, not a crash")
  func directoryIsUnreadable() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("pendcheck-\(UUID().uuidString).pdf")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }

    #expect(
      throws: ExtractionError.unreadable(
        fileName: directory.lastPathComponent, reason: "it is a directory")
    ) {
      try PDFExtractor().extract(fileAt: directory)
    }
  }

  @Test("a device is refused before it is read")
  func deviceIsUnreadable() {
    #expect(
      throws: ExtractionError.unreadable(fileName: "zero", reason: "it is not a regular file")
    ) {
      try PDFExtractor().extract(fileAt: URL(fileURLWithPath: "/dev/zero"))
    }
  }

  @Test("a PDF over the page limit is refused with its count")
  func pageLimitIsEnforced() {
    let extractor = PDFExtractor(limits: ExtractionLimits(maxPages: 2))
    #expect(
      throws: ExtractionError.tooManyPages(fileName: "banner-three-pages.pdf", count: 3, limit: 2)
    ) {
      try extractor.extract(fileAt: Fixtures.url("banner-three-pages.pdf"))
    }
  }

  @Test("a file over the size limit is refused with its size")
  func sizeLimitIsEnforced() throws {
    let url = Fixtures.url("office-note.pdf")
    let size = try #require(
      try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
    let extractor = PDFExtractor(limits: ExtractionLimits(maxBytes: 1000))
    #expect(throws: ExtractionError.tooLarge(fileName: "office-note.pdf", bytes: size, limit: 1000))
    {
      try extractor.extract(fileAt: url)
    }
  }

  @Test("every message names the file; exit statuses group the kinds of failure")
  func messagesAndStatuses() {
    let errors: [(ExtractionError, Int32)] = [
      (.fileNotFound(fileName: "a.pdf"), 3),
      (.unreadable(fileName: "a.pdf", reason: "permission denied"), 3),
      (.emptyFile(fileName: "a.pdf"), 4),
      (.notPDF(fileName: "a.pdf"), 4),
      (.damaged(fileName: "a.pdf", detail: "PDF document is damaged"), 4),
      (.noPages(fileName: "a.pdf"), 4),
      (.encrypted(fileName: "a.pdf"), 5),
      (.tooManyPages(fileName: "a.pdf", count: 400, limit: 300), 6),
      (.tooLarge(fileName: "a.pdf", bytes: 70_000_000, limit: 67_108_864), 6),
    ]
    for (error, status) in errors {
      #expect(error.fileName == "a.pdf")
      #expect(error.message.hasPrefix("a.pdf: "))
      #expect(error.message.hasSuffix("."))
      #expect(error.exitStatus == status)
    }
  }
}

@Suite("Damaged copies of a good PDF never crash extraction")
struct DamagedCopyTests {
  static func isAcceptable(_ error: ExtractionError) -> Bool {
    switch error {
    case .damaged, .notPDF, .noPages, .emptyFile: return true
    default: return false
    }
  }

  /// Writes `bytes` to a fresh temporary file and extracts it.
  static func extract(_ bytes: Data, named name: String) throws -> Result<Document, ExtractionError>
  {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("pendcheck-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent(name)
    try bytes.write(to: url)
    do {
      return .success(try PDFExtractor().extract(fileAt: url))
    } catch {
      return .failure(error)
    }
  }

  @Test("a copy cut short anywhere gives a document or a typed error", arguments: 1...12)
  func truncatedCopies(_ twelfth: Int) throws {
    let whole = try Data(contentsOf: Fixtures.url("browser-print-html.pdf"))
    let cut = whole.prefix(whole.count * twelfth / 13)
    switch try Self.extract(cut, named: "cut-\(twelfth).pdf") {
    case .success(let document): #expect(document.pages.count <= 2)
    case .failure(let error):
      #expect(Self.isAcceptable(error), "\(error)")
      #expect(error.fileName == "cut-\(twelfth).pdf")
    }
  }

  @Test(
    "a copy with a run of bytes overwritten gives a document or a typed error", arguments: 1...8)
  func overwrittenCopies(_ eighth: Int) throws {
    var bytes = try Data(contentsOf: Fixtures.url("browser-print-html.pdf"))
    let start = bytes.count * eighth / 9
    // A fixed scramble, so that a failure can be reproduced.
    for index in start..<min(bytes.count, start + 400) {
      bytes[index] = UInt8(truncatingIfNeeded: index &* 37 &+ eighth)
    }
    switch try Self.extract(bytes, named: "overwritten.pdf") {
    case .success(let document): #expect(document.pages.count <= 2)
    case .failure(let error): #expect(Self.isAcceptable(error), "\(error)")
    }
  }
}

@Suite("poppler's error codes")
struct GErrorMappingTests {
  @Test(
    "each poppler and file error code becomes its typed error",
    arguments: [
      (
        ExtractionError.GErrorDomain.poppler, Int32(1), ExtractionError.encrypted(fileName: "a.pdf")
      ),
      (.poppler, 4, .damaged(fileName: "a.pdf", detail: "broken")),
      (.poppler, 0, .damaged(fileName: "a.pdf", detail: "broken")),
      (.file, 4, .fileNotFound(fileName: "a.pdf")),
      (.file, 2, .unreadable(fileName: "a.pdf", reason: "broken")),
      (.other, 1, .damaged(fileName: "a.pdf", detail: "broken")),
    ])
  func mapping(_ domain: ExtractionError.GErrorDomain, _ code: Int32, _ expected: ExtractionError) {
    #expect(
      ExtractionError(domain: domain, code: code, detail: "broken", fileName: "a.pdf") == expected)
  }
}
