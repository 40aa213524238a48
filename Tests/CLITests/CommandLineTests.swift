import Foundation
import Testing

@Suite("The command line")
struct CommandLineTests {
  @Test("--help lists every command and the exit statuses")
  func overviewHelp() throws {
    let run = try PendcheckBinary.run(["--help"])
    #expect(run.status == 0)
    for command in ["review", "text", "annotate", "guidelines", "evaluate", "batch", "watch"] {
      #expect(run.output.contains("  \(command) "), "missing \(command)")
    }
    #expect(run.output.contains("Exit statuses"))
  }

  @Test(
    "every command has --help with its options and exit statuses",
    arguments: ["review", "text", "annotate", "guidelines", "evaluate", "batch", "watch"])
  func commandHelp(_ command: String) throws {
    let run = try PendcheckBinary.run([command, "--help"])
    #expect(run.status == 0)
    #expect(run.output.contains("Usage: pendcheck \(command)"))
    #expect(run.output.contains("Exit statuses"))
    #expect(run.output.contains("--lexicons DIR"))
  }

  @Test("--version prints the version")
  func version() throws {
    let run = try PendcheckBinary.run(["--version"])
    #expect(run.status == 0)
    #expect(run.output.hasPrefix("pendcheck "))
  }

  struct UsageCase: Sendable, CustomTestStringConvertible {
    let arguments: [String]
    let expectedMessage: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let usageErrors: [UsageCase] = [
    .init(arguments: ["reveiw"], expectedMessage: "did you mean 'review'?"),
    .init(
      arguments: ["review", "x", "--formt", "json"], expectedMessage: "did you mean --format?"),
    .init(arguments: ["review"], expectedMessage: "name a case folder"),
    .init(arguments: ["review", "x", "--format", "pdf"], expectedMessage: "--format must be"),
    .init(
      arguments: ["review", "x", "--planned-date", "2026-02-30"], expectedMessage: "not a date"),
    .init(arguments: ["text"], expectedMessage: "name at least one PDF"),
    .init(arguments: ["evaluate", "Corpus", "--min-f1", "2"], expectedMessage: "from 0 to 1"),
  ]

  @Test("usage errors say what was wrong and how to get help", arguments: usageErrors)
  func usageError(_ example: UsageCase) throws {
    let run = try PendcheckBinary.run(example.arguments)
    #expect(run.status == 64)
    #expect(run.errors.contains(example.expectedMessage))
    #expect(run.errors.contains("--help"))
    #expect(run.output.isEmpty)
  }

  @Test("a batch whose lexicons folder is missing fails at start, naming it, before any case")
  func batchWithoutLexiconsFailsAtStart() throws {
    let inbox = FileManager.default.temporaryDirectory
      .appendingPathComponent("pendcheck-no-lexicons-\(getpid())")
    try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: inbox) }

    let run = try PendcheckBinary.run(
      ["batch", inbox.path, "--quiet", "0", "--lexicons", inbox.path + "/absent"])
    #expect(run.status == 66)
    #expect(run.errors.contains("--lexicons \(inbox.path)/absent is not a folder"))
  }
}
