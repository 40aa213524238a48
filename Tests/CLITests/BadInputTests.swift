import Foundation
import Testing

@Suite("Bad input gets a clear error naming the file")
struct BadInputTests {
  struct BadFile: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    var testDescription: String { name }
  }

  static let badFiles: [BadFile] = [
    .init(name: "empty.pdf", bytes: []),
    .init(name: "letter.pdf", bytes: Array("Dear colleague, please see attached.".utf8)),
    .init(name: "truncated.pdf", bytes: Array("%PDF-1.7\n1 0 obj\n<< /Type /Catalog".utf8)),
  ]

  @Test("a file that is not a usable PDF fails with status 4 naming it", arguments: badFiles)
  func unreadablePDF(_ bad: BadFile) throws {
    let folder = try temporaryFolder()
    let file = folder.appendingPathComponent(bad.name)
    try Data(bad.bytes).write(to: file)

    for command in ["text", "review"] {
      let run = try PendcheckBinary.run([command, file.path])
      #expect(run.status == 4, "\(command) \(bad.name): \(run.errors)")
      #expect(run.errors.contains(bad.name))
      #expect(!run.errors.contains("Fatal error"))
      #expect(FileManager.default.fileExists(atPath: file.path), "input must be kept")
    }
  }

  struct FixtureFailure: Sendable, CustomTestStringConvertible {
    let fixture: String
    let arguments: [String]
    let status: Int32
    let words: String
    var testDescription: String { fixture }
  }

  static let fixtureFailures: [FixtureFailure] = [
    .init(fixture: "encrypted.pdf", arguments: [], status: 5, words: "password"),
    .init(fixture: "no-pages.pdf", arguments: [], status: 4, words: "no pages"),
    .init(fixture: "corrupt.pdf", arguments: [], status: 4, words: "corrupt.pdf"),
    .init(
      fixture: "banner-three-pages.pdf", arguments: ["--max-pages", "2"], status: 6,
      words: "limit of 2"),
  ]

  @Test(
    "encrypted, empty, damaged and oversized PDFs each get their status", arguments: fixtureFailures
  )
  func fixtureFailure(_ example: FixtureFailure) throws {
    let path = PendcheckBinary.packageRoot
      .appendingPathComponent("Tests/Fixtures/pdf/\(example.fixture)").path
    for command in ["text", "review"] {
      let run = try PendcheckBinary.run([command, path] + example.arguments)
      #expect(run.status == example.status, "\(command): \(run.errors)")
      #expect(run.errors.contains(example.fixture), "\(run.errors)")
      #expect(run.errors.lowercased().contains(example.words.lowercased()), "\(run.errors)")
      #expect(run.output.isEmpty)
    }
  }

  @Test("poppler's own messages never reach the terminal, even with G_MESSAGES_DEBUG=all")
  func popplerStaysQuiet() throws {
    let path = PendcheckBinary.packageRoot.appendingPathComponent("Tests/Fixtures/pdf/corrupt.pdf")
    let run = try PendcheckBinary.run(
      ["text", path.path], environment: ["G_MESSAGES_DEBUG": "all"])
    #expect(run.output.isEmpty)
    #expect(run.errors.split(separator: "\n").count == 1, "\(run.errors)")
  }

  @Test("a well-formed code that no guideline covers says so plainly, status 7")
  func uncoveredCode() throws {
    let sample = PendcheckBinary.packageRoot.appendingPathComponent("Samples/sample-case").path
    let run = try PendcheckBinary.run(["review", sample, "--cpt", "99213"])
    #expect(run.status == 7, "\(run.errors)")
    #expect(run.errors.contains("99213"))
    #expect(run.errors.contains("not covered by any guideline"))
  }

  @Test("a missing file or folder is status 66")
  func missingFile() throws {
    let run = try PendcheckBinary.run(["review", "/nonexistent/case-9"])
    #expect(run.status == 66)
    #expect(run.errors.contains("/nonexistent/case-9"))
  }

  @Test("a folder without PDFs is status 66 and says so")
  func folderWithoutPDFs() throws {
    let folder = try temporaryFolder()
    let run = try PendcheckBinary.run(["review", folder.path])
    #expect(run.status == 66)
    #expect(run.errors.contains("no PDF"))
  }

  struct BadRequest: Sendable, CustomTestStringConvertible {
    let label: String
    let json: String
    let expected: [String]
    var testDescription: String { label }
  }

  static let badRequests: [BadRequest] = [
    .init(
      label: "not JSON", json: "{\n  \"cpt\": [\"27096\"],\n  plannedDate: 2026\n}",
      expected: ["request.json", "not valid JSON"]),
    .init(
      label: "something that is not a code", json: "{\n  \"cpt\": [\"2709\"]\n}",
      expected: ["request.json, line 2", "2709", "not a CPT"]),
    .init(
      label: "an impossible date",
      json: "{\n  \"cpt\": [\"27096\"],\n  \"plannedDate\": \"2026-02-31\"\n}",
      expected: ["request.json, line 3", "2026-02-31"]),
    .init(
      label: "a field of the wrong kind", json: "{\n  \"cpt\": \"27096\"\n}",
      expected: ["request.json, line 2", "cpt"]),
  ]

  @Test("an invalid request.json is status 65 naming the file and line", arguments: badRequests)
  func invalidRequest(_ bad: BadRequest) throws {
    let folder = try temporaryFolder()
    let sample = PendcheckBinary.packageRoot.appendingPathComponent("Samples/sample-case")
    for name in try FileManager.default.contentsOfDirectory(atPath: sample.path)
    where name.hasSuffix(".pdf") {
      try FileManager.default.copyItem(
        at: sample.appendingPathComponent(name), to: folder.appendingPathComponent(name))
    }
    try Data(bad.json.utf8).write(to: folder.appendingPathComponent("request.json"))

    let run = try PendcheckBinary.run(["review", folder.path])
    #expect(run.status == 65, "\(run.errors)")
    for fragment in bad.expected { #expect(run.errors.contains(fragment), "\(run.errors)") }
  }
}
