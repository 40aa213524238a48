import Extraction
import Foundation
import Intake
import Language
import Review

/// Options shared by `watch` and `batch`.
private let intakeOptions = [
  OptionSpec(
    "reports", value: "DIR",
    help: "Where <case>.json and <case>.html go (default INBOX/../reports)."),
  OptionSpec(
    "done", value: "DIR", help: "Where finished cases go, untouched (default INBOX/../done)."),
  OptionSpec(
    "failed", value: "DIR",
    help: "Where unreadable cases go with reason.txt (default INBOX/../failed)."),
  OptionSpec("jobs", value: "N", help: "Cases processed at once (default: the number of cores)."),
  OptionSpec(
    "quiet", value: "SECONDS", help: "How long a case's files must stay unchanged (default 2)."),
  OptionSpec("timeout", value: "SECONDS", help: "Wall-clock limit per case (default 180)."),
  OptionSpec("memory-mb", value: "N", help: "Memory limit per case process in MiB (default 2048)."),
  OptionSpec("reprocess", help: "Re-run cases whose content was reported before."),
  OptionSpec("log-format", value: "FORMAT", help: "logfmt (default) or json."),
  OptionSpec("log", value: "FILE", help: "Append log lines to FILE (mode 0600) instead of stderr."),
  OCROption.spec,
]

private let intakeDiscussion = """
  A case is a folder in the inbox (PDFs and an optional request.json) or a single PDF at
  its top; its id is the folder's or file's name. A case is taken once none of its files
  has changed for the quiet period, claimed by renaming it into INBOX/.claimed, and
  processed by one of --jobs worker processes with limits on time and memory. Its reports go to the
  reports folder, the case itself, untouched, to the done folder; a case that cannot be
  processed goes to the failed folder as failed/<case>/ with reason.txt naming the file and
  the reason. The same content dropped again under any name is linked to the existing
  report unless --reprocess is given. Cases left in .claimed by a run that died are
  processed again on start. SIGTERM and SIGINT finish the cases in flight and exit 0.
  """

/// Reads the intake options shared by `watch` and `batch`.
private func intakeConfiguration(_ arguments: ParsedArguments, command: String, batch: Bool)
  throws -> (IntakeOptions, EventLog)
{
  guard arguments.positional.count == 1, let inbox = arguments.positional.first else {
    throw UsageError(message: "name one inbox folder", command: command)
  }
  let folder = { (name: String) in arguments.value(name).map { URL(fileURLWithPath: $0) } }
  let layout = InboxLayout(
    inbox: URL(fileURLWithPath: inbox), reports: folder("reports"), done: folder("done"),
    failed: folder("failed"))

  var options = IntakeOptions(layout: layout, executable: try currentExecutable())
  options.jobs = try number(arguments, "jobs", command: command).map(Int.init) ?? options.jobs
  options.quietPeriod = try number(arguments, "quiet", command: command) ?? options.quietPeriod
  options.limits.wallSeconds = try number(arguments, "timeout", command: command) ?? 180
  options.limits.memoryMegabytes =
    try number(arguments, "memory-mb", command: command).map(Int.init) ?? 2048
  options.reprocessDuplicates = arguments.has("reprocess")
  options.stopsWhenIdle = batch
  options.showsProgress = batch && isatty(STDERR_FILENO) == 1 && arguments.value("log") != nil
  if let lexicons = arguments.value("lexicons") {
    options.childArguments = ["--lexicons", lexicons]
  }
  try checkOCR(arguments)
  try checkLexicons(arguments)
  if arguments.has(OCROption.spec.name) {
    options.childArguments.append("--\(OCROption.spec.name)")
  }
  options.forkedWorker = forkedWorker(options, arguments)

  guard let format = EventLog.Format(rawValue: arguments.value("log-format") ?? "logfmt") else {
    throw UsageError(message: "--log-format must be logfmt or json", command: command)
  }
  let log =
    try arguments.value("log").map {
      try EventLog(format: format, appendingTo: URL(fileURLWithPath: $0))
    }
    ?? EventLog(format: format)
  return (options, log)
}

/// Fails at start when OCR is on and cannot run (no model, no library), as no case's child
/// process would otherwise find out before its first scanned page.
private func checkOCR(_ arguments: ParsedArguments) throws(OCRError) {
  _ = try OCROption.extractor(arguments, checksLibrary: true)
}

/// Fails at start when the lexicons cannot be found, as every case would otherwise fail
/// for it; a lexicon that does not parse is still reported by each case's worker.
private func checkLexicons(_ arguments: ParsedArguments) throws {
  if let path = arguments.value("lexicons") {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue
    else {
      throw CommandFailure(message: "--lexicons \(path) is not a folder", exitStatus: 66)
    }
  } else if Lexicons.defaultDirectory() == nil {
    throw CommandFailure(message: missingBundledLexicons, exitStatus: 66)
  }
}

private func number(_ arguments: ParsedArguments, _ option: String, command: String)
  throws(UsageError)
  -> Double?
{
  guard let text = arguments.value(option) else { return nil }
  guard let value = Double(text), value >= 0 else {
    throw UsageError(
      message: "--\(option) needs a non-negative number, not '\(text)'", command: command)
  }
  return value
}

/// The absolute path of the running `pendcheck`, which intake starts for every case.
private func currentExecutable() throws -> String {
  let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
  guard let path else {
    throw CommandFailure(
      message: "cannot find the pendcheck executable to run cases", exitStatus: 70)
  }
  return path
}

private func runIntake(_ arguments: ParsedArguments, command: String, batch: Bool) throws
  -> IntakeSummary
{
  let (options, log) = try intakeConfiguration(arguments, command: command, batch: batch)
  // A worker that dies leaves a broken pipe; writing to it must fail, not end the watcher.
  signal(SIGPIPE, SIG_IGN)
  do {
    return try Intake(options: options, log: log).run()
  } catch {
    throw CommandFailure(message: error.message, exitStatus: 66)
  }
}

/// `pendcheck watch`: the watch folder, until stopped.
enum WatchCommand: Command {
  static let name = "watch"
  static let summary = "Watch an inbox folder and report every case dropped into it."
  static let usage = "pendcheck watch INBOX [--reports DIR] [--done DIR] [--failed DIR] [--jobs N]"
  static let discussion =
    intakeDiscussion + """


      Exit statuses: 0 stopped by SIGTERM or SIGINT after finishing the cases in flight;
      64 usage error; 66 the inbox or the lexicons folder does not exist, or a folder cannot
      be created; 69 OCR is on and Tesseract or its English model is not installed.
      """
  static let options = intakeOptions

  static func run(_ arguments: ParsedArguments, _ console: Console) throws -> Int32 {
    _ = try runIntake(arguments, command: name, batch: false)
    return 0
  }
}

/// `pendcheck batch`: the watch folder, once.
enum BatchCommand: Command {
  static let name = "batch"
  static let summary = "Report every case in an inbox folder once, then exit."
  static let usage = "pendcheck batch INBOX [--reports DIR] [--done DIR] [--failed DIR] [--jobs N]"
  static let discussion =
    intakeDiscussion + """


      Prints a summary at the end (and a progress bar on a terminal when --log sends the log
      lines to a file).

      Exit statuses: 0 every case was reported; 2 at least one case failed (see its
      reason.txt); 64 usage error; 66 the inbox or the lexicons folder does not exist, or a
      folder cannot be created; 69 OCR is on and Tesseract or its English model is not
      installed.
      """
  static let options = intakeOptions

  static func run(_ arguments: ParsedArguments, _ console: Console) throws -> Int32 {
    let summary = try runIntake(arguments, command: name, batch: true)
    console.out(summary.describe() + "\n")
    return summary.failed > 0 ? 2 : 0
  }
}

/// `pendcheck worker`: one of intake's long-lived worker processes (internal).
enum WorkerCommand: Command {
  static let name = "worker"
  static let summary = "Internal: process the cases watch and batch send on standard input."
  static let usage =
    "pendcheck worker --reports DIR [--memory-mb N] [--cpu-seconds N] [--reading-slot FD]"
  static let discussion = """
    Started by watch and batch, one per job; not meant to be run by hand. Reads one
    'case FINGERPRINT PATH' line per case on standard input and answers 'reading NAME'
    before each document (or, given --reading-slot, records the name there instead), then
    one 'result ...' or 'failed STATUS REASON' line, on standard output. Exits when its
    input ends.

    Exit statuses: 0 its input ended.
    """
  static let options = [
    OptionSpec("reports", value: "DIR", help: "Where to write the reports."),
    OptionSpec("memory-mb", value: "N", help: "Limit this process's memory."),
    OptionSpec("cpu-seconds", value: "N", help: "Limit the CPU time of each case."),
    OptionSpec(
      "reading-slot", value: "FD", help: "Record each document's name in this open file."),
    OCROption.spec,
  ]

  static func run(_ arguments: ParsedArguments, _ console: Console) throws -> Int32 {
    guard let reports = arguments.value("reports") else {
      throw UsageError(message: "name --reports", command: name)
    }
    var limits = ResourceLimits()
    limits.memoryMegabytes = Int(arguments.value("memory-mb") ?? "") ?? limits.memoryMegabytes
    limits.cpuSeconds = Int(arguments.value("cpu-seconds") ?? "") ?? limits.cpuSeconds

    let readingSlot = arguments.value("reading-slot").flatMap { Int32($0) }
    serveCases(
      reports: URL(fileURLWithPath: reports), limits: limits, readingSlot: readingSlot,
      arguments)
  }
}

/// A worker's loop as `pendcheck worker`: it makes its own reviewer.
private func serveCases(
  reports: URL, limits: ResourceLimits, readingSlot: Int32?, _ arguments: ParsedArguments
) -> Never {
  CaseWorker.serve(reports: reports, limits: limits, readingSlot: readingSlot) {
    try makeReviewer(arguments)
  }
}

/// The workers the watcher forks: before its first fork it makes the reviewer and loads the
/// PDF reader, side by side, and every forked worker starts with both.
private func forkedWorker(_ options: IntakeOptions, _ arguments: ParsedArguments)
  -> ForkedWorker
{
  let reviewer = ReviewerMadeOnce(arguments)
  let reports = options.layout.reports
  let limits = options.limits
  let preparations: [@Sendable () -> Void] = [reviewer.prepare, PDFExtractor.prepareReader]
  return ForkedWorker(preparing: preparations) { slot in
    CaseWorker.serve(reports: reports, limits: limits, readingSlot: slot) {
      try reviewer.get()
    }
  }
}

/// A reviewer with the lexicons and OCR options of `arguments` (a worker's, or the
/// watcher's, which passes its own on).
private func makeReviewer(_ arguments: ParsedArguments) throws -> CaseReviewer {
  CaseReviewer(lexicons: try loadLexicons(arguments), extractor: try OCROption.extractor(arguments))
}

/// The reviewer the watcher makes for its forked workers, or why it could not.
///
/// Unsynchronised: one thread makes it (the watcher's thread that prepares its workers,
/// which the watcher joins before it forks, or the watcher itself), and a forked worker,
/// which has one thread, only reads it.
private final class ReviewerMadeOnce: @unchecked Sendable {
  private let arguments: ParsedArguments
  private var made: Result<CaseReviewer, any Error>?

  init(_ arguments: ParsedArguments) { self.arguments = arguments }

  func prepare() { _ = try? get() }

  func get() throws -> CaseReviewer {
    let made = self.made ?? Result { try makeReviewer(arguments) }
    self.made = made
    return try made.get()
  }
}
