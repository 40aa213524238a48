import Extraction
import Foundation
import Model
import Reports
import Review

/// `pendcheck review`: one case's gap report.
enum ReviewCommand: Command {
  static let name = "review"
  static let summary =
    "Review one case and report which criteria are documented and what is missing."
  static let usage =
    "pendcheck review CASE_DIR | FILE.pdf… [--cpt CODE] [--planned-date DATE]"
    + " [--format text|json|html] [--out FILE]"
  static let discussion = """
    Reads the case's PDFs (and its request.json, if any), finds the facts the guideline for
    the requested CPT code depends on, and reports the determination (ready, pend,
    clinicalReview or excluded) with every criterion, its evidence and, for each gap, the
    request to send the provider. Without --format the report is a terminal summary
    (coloured on a terminal unless NO_COLOR is set); json is the facts-v1 report; html a
    self-contained page for reviewers.

    Exit statuses: 0 report written (whatever the determination); 3-6 a PDF could not be
    read (3 cannot open, 4 not a usable PDF, 5 encrypted, 6 over a limit); 7 no guideline
    covers the requested code, or no code was found; 64 usage error;
    65 invalid request.json or option value; 66 case not found or holds no PDF;
    69 a page needs OCR and Tesseract or its English model is not installed;
    73 the --out file could not be written.
    """
  static let options = [
    OptionSpec("cpt", value: "CODE", help: "The requested CPT code (overrides request.json)."),
    OptionSpec("planned-date", value: "DATE", help: "The planned date of service, YYYY-MM-DD."),
    OptionSpec("format", value: "FORMAT", help: "text (default), json or html."),
    OptionSpec(
      "out", value: "FILE", help: "Write the report to FILE atomically instead of stdout."),
    OptionSpec("max-pages", value: "N", help: "Refuse PDFs with more than N pages (default 300)."),
    OCROption.spec,
  ]

  static func run(_ arguments: ParsedArguments, _ console: Console) throws -> Int32 {
    guard !arguments.positional.isEmpty else {
      throw UsageError(message: "name a case folder or its PDF files", command: name)
    }
    let format = try OutputFormat.parse(arguments.value("format"), command: name)
    let overrides = RequestOverrides(
      cpt: arguments.value("cpt").map { [$0] } ?? [],
      plannedDate: try parseDate(
        arguments.value("planned-date"), option: "planned-date", command: name))
    let reviewer = CaseReviewer(
      lexicons: try loadLexicons(arguments),
      extractor: try OCROption.extractor(arguments, limits: try TextCommand.limits(arguments)))

    let input = try CaseInput.of(files: arguments.positional.map { URL(fileURLWithPath: $0) })
    let reviewed = try reviewer.review(input, overrides: overrides)

    let rendered = try format.render(
      reviewed, console: console, toFile: arguments.value("out") != nil)
    try write(rendered, to: arguments.value("out"), console)
    return 0
  }
}

/// The three renderings of a report.
enum OutputFormat: String {
  case text, json, html

  static func parse(_ value: String?, command: String) throws(UsageError) -> OutputFormat {
    guard let value else { return .text }
    guard let format = OutputFormat(rawValue: value) else {
      throw UsageError(
        message: "--format must be text, json or html, not '\(value)'", command: command)
    }
    return format
  }

  func render(_ reviewed: ReviewedCase, console: Console, toFile: Bool) throws -> Data {
    switch self {
    case .json:
      return try JSONReport.encode(reviewed.report)
    case .html:
      return HTMLReport(report: reviewed.report, documents: reviewed.documents).renderUTF8()
    case .text:
      let colored =
        !toFile
        && TerminalColor.shouldColor(
          isTerminal: console.isOutputTerminal, environment: console.environment)
      return Data(TerminalReport(report: reviewed.report).render(width: 80, colored: colored).utf8)
    }
  }
}

/// Writes output to a file atomically, or to standard output when no file is named.
func write(_ data: Data, to path: String?, _ console: Console) throws {
  guard let path else {
    console.out(data)
    return
  }
  do {
    try ReportFile.writeAtomically(data, to: URL(fileURLWithPath: path))
  } catch {
    throw CommandFailure(message: "\(error)", exitStatus: 73)
  }
}
