import Foundation
import Testing

@Suite("OCR on the command line")
struct OCRCommandTests {
  static let scan = "Tests/Fixtures/pdf/scanned-note.pdf"

  @Test("text reads a scanned page by OCR and says so, with its confidence")
  func textReadsScan() throws {
    let run = try PendcheckBinary.run(["text", Self.scan])
    #expect(run.status == 0, "\(run.errors)")
    #expect(run.output.contains("[read by OCR: "))
    #expect(run.output.contains("Pain averages 7/10"))
  }

  @Test("--no-ocr leaves the scanned page unread", arguments: ["text", "annotate"])
  func noOCRLeavesPageUnread(_ command: String) throws {
    let run = try PendcheckBinary.run([command, "--no-ocr", Self.scan])
    #expect(run.status == 0, "\(run.errors)")
    #expect(!run.output.contains("Pain averages"))
  }

  @Test(
    "without the language model, commands that read PDFs stop at once with status 69",
    arguments: ["text", "review", "evaluate"])
  func missingModelStopsAtStart(_ command: String) throws {
    let empty = try temporaryFolder()
    let target = command == "evaluate" ? "Corpus/dev" : Self.scan
    let run = try PendcheckBinary.run(
      [command, target], environment: ["TESSDATA_PREFIX": empty.path])
    #expect(run.status == 69, "\(run.errors)")
    #expect(run.errors.contains("eng.traineddata"))
    #expect(run.errors.contains("tesseract-ocr-eng"))
    #expect(!run.errors.contains("Fatal error"))
  }

  @Test("--no-ocr needs no language model")
  func noOCRNeedsNoModel() throws {
    let empty = try temporaryFolder()
    let run = try PendcheckBinary.run(
      ["text", "--no-ocr", Self.scan], environment: ["TESSDATA_PREFIX": empty.path])
    #expect(run.status == 0, "\(run.errors)")
    #expect(run.output.contains("[no text layer: needs OCR]"))
  }
}

@Suite("OCR in intake's child processes")
struct OCRIntakeTests {
  /// Runs `batch` once over an inbox holding one case: the scanned fixture and a request.
  private func batchReport(_ extra: [String]) throws -> [String: Any] {
    let base = try temporaryFolder()
    let inbox = base.appendingPathComponent("inbox")
    let folder = inbox.appendingPathComponent("scan-1")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: PendcheckBinary.packageRoot.appendingPathComponent(OCRCommandTests.scan),
      to: folder.appendingPathComponent("scanned-note.pdf"))
    try Data(#"{"cpt": ["64483"], "region": "lumbar"}"#.utf8)
      .write(to: folder.appendingPathComponent("request.json"))

    let run = try PendcheckBinary.run(["batch", inbox.path, "--quiet", "0"] + extra)
    #expect(run.status == 0, "\(run.errors)")
    let report = try Data(contentsOf: base.appendingPathComponent("reports/scan-1.json"))
    return try #require(try JSONSerialization.jsonObject(with: report) as? [String: Any])
  }

  private func document(_ report: [String: Any]) throws -> [String: Any] {
    let documents = try #require(report["documents"] as? [[String: Any]])
    return try #require(documents.first)
  }

  @Test("batch reads a scanned case by OCR in the child, and --no-ocr reaches the child")
  func childHonoursNoOCR() throws {
    let read = try document(try batchReport([]))
    let pages = try #require(read["ocrPages"] as? [[String: Any]])
    #expect(pages.first?["page"] as? Int == 1)

    let unread = try document(try batchReport(["--no-ocr"]))
    #expect(unread["pagesNeedingOCR"] as? [Int] == [1])
    #expect((unread["ocrPages"] as? [Any])?.isEmpty ?? true)
  }
}
