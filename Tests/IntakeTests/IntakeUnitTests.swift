import Foundation
import Testing

@testable import Intake

@Suite("Content fingerprints")
struct FingerprintTests {
  @Test(
    "SHA-256 matches the standard test vectors",
    arguments: [
      ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      (
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
      ),
    ])
  func sha256Vectors(_ input: String, _ expected: String) {
    var hasher = SHA256()
    hasher.update(Array(input.utf8))
    #expect(hasher.finalizeHex() == expected)
  }

  @Test("the same content under other names has the same fingerprint")
  func fingerprintIgnoresNames() throws {
    let root = try temporaryFolder()
    let first = root.appendingPathComponent("case-a", isDirectory: true)
    let second = root.appendingPathComponent("case-b", isDirectory: true)
    for folder in [first, second] {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    try Data("%PDF-1.4 one".utf8).write(to: first.appendingPathComponent("note.pdf"))
    try Data("%PDF-1.4 one".utf8).write(to: second.appendingPathComponent("renamed.pdf"))
    #expect(CaseFingerprint.of(first) == CaseFingerprint.of(second))

    try Data("%PDF-1.4 two".utf8).write(to: second.appendingPathComponent("renamed.pdf"))
    #expect(CaseFingerprint.of(first) != CaseFingerprint.of(second))
  }
}

@Suite("Finding finished cases")
struct StabilityTests {
  @Test("a case is taken only after its files stay unchanged for the quiet period")
  func quietPeriod() throws {
    let inbox = try temporaryFolder()
    let file = inbox.appendingPathComponent("scan.pdf")
    try Data("%PDF-1.4 partial".utf8).write(to: file)
    var tracker = StabilityTracker(quietPeriod: 2)
    let candidates = CaseCandidate.scan(inbox)

    #expect(tracker.stable(candidates, inbox: inbox, at: 100).isEmpty)
    #expect(tracker.stable(candidates, inbox: inbox, at: 101).isEmpty)

    let handle = try FileHandle(forWritingTo: file)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(" more bytes".utf8))
    try handle.close()
    #expect(tracker.stable(candidates, inbox: inbox, at: 102.5).isEmpty)
    #expect(tracker.stable(candidates, inbox: inbox, at: 104.6).map(\.name) == ["scan.pdf"])
  }

  @Test("an event restarts the quiet period even when sizes look the same")
  func eventRestartsQuietPeriod() throws {
    let inbox = try temporaryFolder()
    try Data("%PDF".utf8).write(to: inbox.appendingPathComponent("a.pdf"))
    var tracker = StabilityTracker(quietPeriod: 2)
    let candidates = CaseCandidate.scan(inbox)

    _ = tracker.stable(candidates, inbox: inbox, at: 0)
    tracker.touch("a.pdf", at: 1.5)
    #expect(tracker.stable(candidates, inbox: inbox, at: 2.5).isEmpty)
    #expect(!tracker.stable(candidates, inbox: inbox, at: 3.6).isEmpty)
  }

  @Test("hidden entries, such as partial copies, are not cases")
  func hiddenEntriesAreSkipped() throws {
    let inbox = try temporaryFolder()
    try Data().write(to: inbox.appendingPathComponent(".note.pdf.part"))
    try FileManager.default.createDirectory(
      at: inbox.appendingPathComponent("case-7"), withIntermediateDirectories: true)
    let names = CaseCandidate.scan(inbox).map(\.caseID)
    #expect(names == ["case-7"])
  }

  @Test("a single PDF's case id is its name without the extension")
  func singleFileCaseID() {
    #expect(CaseCandidate(name: "sij-014.pdf", isFolder: false).caseID == "sij-014")
    #expect(CaseCandidate(name: "sij-014.v2", isFolder: true).caseID == "sij-014.v2")
  }
}

@Suite("Child results")
struct ChildOutputTests {
  @Test("the reason of a failure is the child's message without the program prefix")
  func failureReasonDropsPrefix() {
    let output = "reading a.pdf\npendcheck: a.pdf: the file is encrypted.\n"
    #expect(failureReason(output) == "a.pdf: the file is encrypted.")
    #expect(lastFileRead(output) == "a.pdf")
  }

  @Test("result fields are read from the last result line")
  func resultFieldsParse() {
    let fields = resultFields("reading a.pdf\nresult pages=3 determination=pend\n")
    #expect(fields.map(\.0) == ["pages", "determination"])
    #expect(fields.last?.1 == "pend")
  }
}

func temporaryFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("pendcheck-tests-\(UUID().uuidString)", isDirectory: true)
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}
