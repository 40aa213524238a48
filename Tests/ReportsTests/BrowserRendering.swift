import Foundation
import Model
import Reports

/// An HTML report as headless Chromium rendered it, through `scripts/render-html-check`.
///
/// Output goes to a fresh temporary directory, or, when `PENDCHECK_REPORT_ARTIFACTS` names a
/// directory, to a folder per report inside it, so a person can look at what the tests saw.
struct BrowserRendering {
  /// What Chromium is asked for; each costs one browser start.
  enum Output: String, CaseIterable {
    case pdf, png, dom
  }

  /// The DOM Chromium built from the file, when asked for.
  let dom: String?
  /// The text of the printed PDF, whitespace folded, as `pdftotext` reads it.
  let printedText: String
  /// The text of the first printed page alone, whitespace folded.
  let firstPageText: String
  /// `pdfinfo`'s description of the printed PDF.
  let pdfInfo: String
  /// The screenshot, when asked for.
  let screenshot: Data?

  struct ToolFailure: Error, CustomStringConvertible {
    var description: String
  }

  /// Renders a report to the outputs asked for; the PDF is always printed.
  static func render(
    _ report: CaseReport, documents: [Document], named name: String,
    outputs: Set<Output> = [.pdf]
  ) throws -> BrowserRendering {
    let directory = try outputDirectory(name)
    let html = directory.appending(path: "\(name).html")
    try Data(HTMLReport(report: report, documents: documents).render().utf8).write(to: html)

    let only = Output.allCases.filter { $0 == .pdf || outputs.contains($0) }
    let list = only.map(\.rawValue).joined(separator: ",")
    _ = try run(ReportPaths.renderCheck.path, ["--only", list, html.path, directory.path])
    let pdf = directory.appending(path: "\(name).pdf").path
    let text = try run("pdftotext", ["-enc", "UTF-8", pdf, "-"])
    let firstPage = try run("pdftotext", ["-enc", "UTF-8", "-f", "1", "-l", "1", pdf, "-"])
    return BrowserRendering(
      dom: outputs.contains(.dom)
        ? try String(contentsOf: directory.appending(path: "\(name).dom.html"), encoding: .utf8)
        : nil,
      printedText: folded(text), firstPageText: folded(firstPage),
      pdfInfo: try run("pdfinfo", [pdf]),
      screenshot: outputs.contains(.png)
        ? try Data(contentsOf: directory.appending(path: "\(name).png")) : nil)
  }

  private static func folded(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  private static func outputDirectory(_ name: String) throws -> URL {
    let environment = ProcessInfo.processInfo.environment
    let base =
      environment["PENDCHECK_REPORT_ARTIFACTS"].map { URL(fileURLWithPath: $0) }
      ?? FileManager.default.temporaryDirectory.appending(
        path: "pendcheck-html-\(UUID().uuidString)")
    let directory = base.appending(path: name)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }

  /// Runs a program found on PATH (or at a path) and returns its standard output.
  private static func run(_ program: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [program] + arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()

    guard process.terminationStatus == 0 else {
      let message = String(decoding: errorData, as: UTF8.self)
      throw ToolFailure(description: "\(program) exited \(process.terminationStatus): \(message)")
    }
    return String(decoding: data, as: UTF8.self)
  }
}
