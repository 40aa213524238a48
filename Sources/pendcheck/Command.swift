import Foundation
import Language
import Model

/// One `pendcheck` subcommand: its name, its help, its options, and what it does.
protocol Command {
  static var name: String { get }
  /// One line for the command list.
  static var summary: String { get }
  /// The synopsis, such as `pendcheck text FILE.pdf…`.
  static var usage: String { get }
  /// What the command does and its exit statuses, for `--help`.
  static var discussion: String { get }
  static var options: [OptionSpec] { get }

  /// Runs the command and returns the process exit status.
  static func run(_ arguments: ParsedArguments, _ console: Console) throws -> Int32
}

extension Command {
  /// Options every command takes, after its own.
  static var allOptions: [OptionSpec] {
    options + [
      OptionSpec(
        "lexicons", value: "DIR", help: "Read lexicons from DIR instead of the bundled set."),
      OptionSpec("help", help: "Show this help."),
    ]
  }

  static var help: String {
    let width = allOptions.map { optionLabel($0).count }.max() ?? 0
    let optionLines = allOptions.map { option in
      let label = optionLabel(option)
      return "  " + label + String(repeating: " ", count: width - label.count + 2) + option.help
    }
    return """
      \(summary)

      Usage: \(usage)

      \(discussion)

      Options:
      \(optionLines.joined(separator: "\n"))

      """
  }

  private static func optionLabel(_ option: OptionSpec) -> String {
    "--\(option.name)" + (option.valueName.map { " \($0)" } ?? "")
  }
}

/// A command as the dispatcher sees it: its name, help and options, and how to run it.
///
/// Holding closures rather than `any Command.Type` keeps the dispatcher free of existential
/// metatypes (Swift 6.3's SIL generation crashed on opening them here). The help is written
/// only when asked for: every process, each worker included, builds this table at start.
struct CommandEntry {
  let name: String
  let summary: String
  let options: [OptionSpec]
  let run: (ParsedArguments, Console) throws -> Int32
  private let writeHelp: () -> String

  init<C: Command>(_ command: C.Type) {
    name = C.name
    summary = C.summary
    options = C.allOptions
    run = C.run
    writeHelp = { C.help }
  }

  /// The command's `--help` text.
  var help: String { writeHelp() }
}

/// Where results and diagnostics go, and what the terminal allows.
struct Console {
  /// Read when a command asks (only `review` does), not by every process at start.
  var environment: [String: String] { ProcessInfo.processInfo.environment }

  var isOutputTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
  var isErrorTerminal: Bool { isatty(STDERR_FILENO) == 1 }

  /// Writes a result to standard output.
  func out(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  func out(_ data: Data) {
    FileHandle.standardOutput.write(data)
  }

  /// Writes a diagnostic line to standard error.
  func error(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }
}

/// The lexicons a command uses: `--lexicons DIR`, else the bundled set.
func loadLexicons(_ arguments: ParsedArguments) throws -> Lexicons {
  if let path = arguments.value("lexicons") {
    return try Lexicons.load(from: URL(fileURLWithPath: path))
  }
  guard let directory = Lexicons.defaultDirectory() else {
    throw CommandFailure(message: missingBundledLexicons, exitStatus: 66)
  }
  return try Lexicons.load(from: directory)
}

let missingBundledLexicons =
  "cannot find the bundled Lexicons folder next to the pendcheck executable; pass --lexicons DIR"

/// A command that could not finish, with the words to show and the exit status.
struct CommandFailure: Error, CustomStringConvertible {
  let message: String
  let exitStatus: Int32

  /// The message alone: a worker writes it into a failed case's reason.
  var description: String { message }
}

/// A date given on the command line, in the ISO form reports use.
func parseDate(_ text: String?, option: String, command: String) throws(UsageError)
  -> ClinicalDate?
{
  guard let text else { return nil }
  guard let date = ClinicalDate(iso: text) else {
    throw UsageError(
      message: "--\(option) '\(text)' is not a date of the form YYYY-MM-DD", command: command)
  }
  return date
}
