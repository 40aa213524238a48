import Extraction
import Foundation
import Model

/// `pendcheck text`: the extracted text of PDFs with page markers, as the pipeline sees it.
enum TextCommand: Command {
  static let name = "text"
  static let summary = "Print the text PendCheck extracts from PDFs, page by page."
  static let usage = "pendcheck text FILE.pdf…"
  static let discussion = """
    Prints each document's text in reading order, with a marker line before every page
    ("=== office-note.pdf · page 2 of 3 ==="). Running headers and footers removed from the
    pages are listed once after the marker of the page they were removed from, prefixed "~";
    a page read by OCR is marked "[read by OCR: 91% mean word confidence]", and one left
    unread (--no-ocr) "[no text layer: needs OCR]". QA uses this to see what the machine saw.

    Exit statuses: 0 every file was read; 3 a file could not be opened or was not found,
    4 not a usable PDF, 5 encrypted, 6 over a limit, 69 OCR is needed and not installed
    (the other files are still printed; the highest status wins); 64 usage error.
    """
  static let options = [
    OptionSpec("max-pages", value: "N", help: "Refuse PDFs with more than N pages (default 300)."),
    OCROption.spec,
  ]

  static func run(_ arguments: ParsedArguments, _ console: Console) throws -> Int32 {
    guard !arguments.positional.isEmpty else {
      throw UsageError(message: "name at least one PDF", command: name)
    }
    let extractor = try OCROption.extractor(arguments, limits: try limits(arguments))

    var status: Int32 = 0
    for path in arguments.positional {
      do {
        let document = try extractor.extract(fileAt: URL(fileURLWithPath: path))
        console.out(render(document))
      } catch {
        console.error("pendcheck: \(error.message)")
        status = max(status, error.exitStatus)
      }
    }
    return status
  }

  static func limits(_ arguments: ParsedArguments) throws(UsageError) -> ExtractionLimits {
    var limits = ExtractionLimits()
    if let text = arguments.value("max-pages") {
      guard let pages = Int(text), pages > 0 else {
        throw UsageError(message: "--max-pages needs a positive whole number", command: name)
      }
      limits.maxPages = pages
    }
    return limits
  }

  static func render(_ document: Document) -> String {
    document.pages.map { page in
      var lines = ["=== \(document.name) · page \(page.number) of \(document.pages.count) ==="]
      lines += page.removedBoilerplate.map { "~ \($0)" }
      if page.source == .needsOCR { lines.append("[no text layer: needs OCR]") }
      if page.source == .ocr, let confidence = page.ocrConfidence {
        lines.append("[read by OCR: \(Int(confidence.rounded()))% mean word confidence]")
      }
      lines.append(page.text.hasSuffix("\n") ? String(page.text.dropLast()) : page.text)
      return lines.joined(separator: "\n") + "\n"
    }.joined()
  }
}
