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
