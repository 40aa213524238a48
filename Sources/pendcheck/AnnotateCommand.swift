import Extraction
import Foundation
import Language
import Model
import Review

/// `pendcheck annotate`: the language stage's view of a case, for QA to review.
enum AnnotateCommand: Command {
  static let name = "annotate"
  static let summary = "Show the sentences, sections and assertion context PendCheck reads."
  static let usage = "pendcheck annotate CASE_DIR | FILE.pdf… [--out FILE]"
  static let discussion = """
    Runs extraction and the language stage on a case and prints, document by document,
    every section with its heading, every sentence with its boundaries, and every lexicon
    match with its assertion (negated, uncertain, hypothetical, historical, someone else's)
    and the trigger that decided it.

    Exit statuses: 0 printed; 3-6 a PDF could not be read (as for review); 64 usage error;
    66 not found; 69 OCR is needed and not installed; 73 the --out file could not be written.
    """
  static let options = [
    OptionSpec("out", value: "FILE", help: "Write the annotation to FILE instead of stdout."),
    OCROption.spec,
  ]

  static func run(_ arguments: ParsedArguments, _ console: Console) throws -> Int32 {
    guard !arguments.positional.isEmpty else {
      throw UsageError(message: "name a case folder or its PDF files", command: name)
    }
    let lexicons = try loadLexicons(arguments)
    let input = try CaseInput.of(files: arguments.positional.map { URL(fileURLWithPath: $0) })
    let extractor = try OCROption.extractor(arguments)

    var text = ""
    for url in input.documents {
      let document: Document
      do {
        document = try extractor.extract(fileAt: url)
      } catch {
        throw ReviewError.unreadableDocument(error)
      }
      text += AnnotationDump.render(AnnotatedDocument(document: document, lexicons: lexicons))
    }
    try write(Data(text.utf8), to: arguments.value("out"), console)
    return 0
  }
}
