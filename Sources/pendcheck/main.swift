import Extraction
import Foundation
import Language
import Review

/// The version `pendcheck --version` prints.
let pendcheckVersion = "0.1.0"

let commands: [CommandEntry] = [
  CommandEntry(ReviewCommand.self), CommandEntry(TextCommand.self),
  CommandEntry(AnnotateCommand.self), CommandEntry(GuidelinesCommand.self),
  CommandEntry(EvaluateCommand.self), CommandEntry(BatchCommand.self),
  CommandEntry(WatchCommand.self), CommandEntry(WorkerCommand.self),
]

/// What `pendcheck --help` prints. Computed when asked for: a global of this file is made
/// as the program starts, and laying out the command list cost every run, workers included,
/// a millisecond.
var overview: String {
  """
  pendcheck: checks the documentation of an interventional pain procedure request against
  the payer's 2026 guidelines and reports what is missing.

  Usage: pendcheck COMMAND [OPTIONS] [ARGUMENTS]

  Commands:
  \(commands.map { "  " + $0.name.padding(toLength: 12, withPad: " ", startingAt: 0) + $0.summary }
    .joined(separator: "\n"))

  Run 'pendcheck COMMAND --help' for a command's options and exit statuses.

  Exit statuses: 0 done; 1 evaluation below the bar asked for; 2 a batch had failed cases;
  3 a PDF could not be opened; 4 a file is not a usable PDF; 5 a PDF is encrypted; 6 a PDF
  is over a limit; 7 no guideline covers the request; 64 usage error; 65 invalid
  request.json or option value; 66 a case or file not found; 69 OCR is needed and
  Tesseract or its English model is not installed; 73 an output file could not be written.

  """
}

/// Runs the command line and returns the exit status; every error is shown here, once.
@MainActor
func runCommandLine(_ arguments: [String]) -> Int32 {
  let console = Console()
  guard let first = arguments.first else {
    console.error(overview)
    return 64
  }
  if first == "--help" || first == "-h" || first == "help" {
    console.out(overview)
    return 0
  }
  if first == "--version" {
    console.out("pendcheck \(pendcheckVersion)\n")
    return 0
  }

  guard let command = commands.first(where: { $0.name == first }) else {
    let nearest = commands.map(\.name).min {
      ArgumentParser.editDistance($0, first) < ArgumentParser.editDistance($1, first)
    }
    let hint = nearest.map { "; did you mean '\($0)'?" } ?? ""
    console.error(UsageError(message: "unknown command '\(first)'\(hint)", command: nil).text)
    return 64
  }
  return run(command, Array(arguments.dropFirst()), console)
}

private func run(_ command: CommandEntry, _ arguments: [String], _ console: Console) -> Int32 {
  do {
    let parsed = try ArgumentParser.parse(
      arguments, options: command.options, command: command.name)
    if parsed.has("help") {
      console.out(command.help)
      return 0
    }
    return try command.run(parsed, console)
  } catch let error as UsageError {
    console.error(error.text)
    return 64
  } catch let error as CommandFailure {
    console.error("pendcheck: \(error.message)")
    return error.exitStatus
  } catch let error as ReviewError {
    console.error("pendcheck: \(error.message)")
    return error.exitStatus
  } catch let error as OCRError {
    console.error("pendcheck: \(error.message)")
    return error.exitStatus
  } catch let error as LexiconError {
    console.error("pendcheck: \(error.message)")
    return 65
  } catch {
    console.error("pendcheck: \(error)")
    return 70
  }
}

exit(runCommandLine(Array(CommandLine.arguments.dropFirst())))
