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

  @Test("the digest does not depend on how the bytes are split into chunks")
  func chunkingDoesNotChangeTheDigest() {
    let message = (0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) }
    var whole = SHA256()
    whole.update(message)
    var chunked = SHA256()
    var offset = 0
    for size in [1, 63, 64, 65, 3, 128, 200] + Array(repeating: 100, count: 10) {
      let end = min(message.count, offset + size)
      chunked.update(message[offset..<end])
      offset = end
    }
    chunked.update(message[offset...])
    #expect(chunked.finalizeHex() == whole.finalizeHex())
  }

  @Test(
    "the SHA extensions and the portable rounds give the same digest at every length",
    .enabled(if: SHA256.canAccelerate, "this processor has no SHA extensions"))
  func acceleratedMatchesPortable() {
    for length in 0...300 {
      let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ length) }
      var accelerated = SHA256(accelerated: true)
      accelerated.update(message)
      var portable = SHA256(accelerated: false)
      portable.update(message)
      #expect(accelerated.finalizeHex() == portable.finalizeHex(), "\(length) bytes")
    }
  }

  @Test("a million a's hash to the standard vector")
  func millionAs() {
    var hasher = SHA256()
    hasher.update([UInt8](repeating: 0x61, count: 1_000_000))
    #expect(
      hasher.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
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
    #expect(CaseFingerprint.of(first.path) == CaseFingerprint.of(second.path))

    try Data("%PDF-1.4 two".utf8).write(to: second.appendingPathComponent("renamed.pdf"))
    #expect(CaseFingerprint.of(first.path) != CaseFingerprint.of(second.path))
  }

  @Test("a file dropped alone is fingerprinted by its content, as a folder holding it is")
  func singleFileCase() throws {
    let root = try temporaryFolder()
    let folder = root.appendingPathComponent("case-a", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let bytes = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 13) })
    try bytes.write(to: folder.appendingPathComponent("note.pdf"))
    try bytes.write(to: root.appendingPathComponent("alone.pdf"))

    let alone = try #require(CaseFingerprint.of(root.appendingPathComponent("alone.pdf").path))
    #expect(CaseFingerprint.of(folder.path) == alone)
    var whole = SHA256()
    whole.update(Array(bytes))
    var combined = SHA256()
    combined.update(Array(whole.finalizeHex().utf8))
    #expect(alone == combined.finalizeHex())
  }

  @Test(
    "the names a listing just took give the fingerprint the case's own listing gives",
    arguments: [
      ["note.pdf", "request.json"], ["note.pdf", ".note.pdf.part", "scan.pdf"],
      ["note.pdf", "inner/referral.pdf"],
    ])
  func namesFromTheSignatureGiveTheSameFingerprint(_ files: [String]) throws {
    let root = try temporaryFolder()
    let folder = root.appendingPathComponent("case-a", isDirectory: true)
    for (index, file) in files.enumerated() {
      let url = folder.appendingPathComponent(file)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data("%PDF-1.4 \(index)".utf8).write(to: url)
    }

    let names = FileSignature.of("case-a", in: root).namesAtTop
    #expect(names?.contains { $0.hasPrefix(".") } == false, "hidden files are not content")
    #expect(CaseFingerprint.of(folder.path, names: names) == CaseFingerprint.of(folder.path))
  }

  @Test("a single file's signature names nothing: the fingerprint reads the file itself")
  func singleFileSignatureHasNoNames() throws {
    let root = try temporaryFolder()
    try Data("%PDF-1.4 alone".utf8).write(to: root.appendingPathComponent("alone.pdf"))
    #expect(FileSignature.of("alone.pdf", in: root).namesAtTop == nil)
  }

  @Test("a case with a file that cannot be read, or nothing to read, has no fingerprint")
  func unreadableCase() throws {
    let root = try temporaryFolder()
    let empty = root.appendingPathComponent("empty", isDirectory: true)
    let nested = root.appendingPathComponent("nested", isDirectory: true)
    try FileManager.default.createDirectory(
      at: nested.appendingPathComponent("inner"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    try Data("%PDF-1.4".utf8).write(to: nested.appendingPathComponent("note.pdf"))

    #expect(CaseFingerprint.of(empty.path) == nil)
    #expect(CaseFingerprint.of(nested.path) == nil)
    #expect(CaseFingerprint.of(root.appendingPathComponent("missing.pdf").path) == nil)
  }
}

@Suite("Finding finished cases")
struct StabilityTests {
  @Test("a case is taken only after its files stay unchanged for the quiet period")
  func quietPeriod() throws {
    let inbox = try temporaryFolder()
    let file = inbox.appendingPathComponent("scan.pdf")
    try Data("%PDF-1.4 partial".utf8).write(to: file)
    var tracker = InboxTracker(quietPeriod: 2)

    #expect(tracker.rescan(inbox, at: 100).map(\.name) == ["scan.pdf"])
    #expect(tracker.nextCheck == 102)
    tracker.checkDue(inbox, at: 101)
    #expect(tracker.takeReady(inbox, at: 101) == nil)

    let handle = try FileHandle(forWritingTo: file)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(" more bytes".utf8))
    try handle.close()
    tracker.checkDue(inbox, at: 102.5)
    #expect(tracker.takeReady(inbox, at: 102.5) == nil, "changed with no event: wait again")
    tracker.checkDue(inbox, at: 104.6)
    #expect(tracker.takeReady(inbox, at: 104.6)?.name == "scan.pdf")
    #expect(tracker.count == 0, "a taken case is no longer tracked")
  }

  @Test("an event restarts the quiet period even when sizes look the same")
  func eventRestartsQuietPeriod() throws {
    let inbox = try temporaryFolder()
    try Data("%PDF".utf8).write(to: inbox.appendingPathComponent("a.pdf"))
    var tracker = InboxTracker(quietPeriod: 2)

    _ = tracker.rescan(inbox, at: 0)
    #expect(tracker.touch(["a.pdf"], inbox: inbox, at: 1.5).isEmpty, "already known")
    tracker.checkDue(inbox, at: 2.5)
    #expect(tracker.takeReady(inbox, at: 2.5) == nil)
    tracker.checkDue(inbox, at: 3.6)
    #expect(tracker.takeReady(inbox, at: 3.6)?.name == "a.pdf")
  }

  @Test("an event on a new entry adds it; on a vanished one drops it")
  func eventsAddAndDrop() throws {
    let inbox = try temporaryFolder()
    try Data("%PDF".utf8).write(to: inbox.appendingPathComponent("b.pdf"))
    var tracker = InboxTracker(quietPeriod: 0)

    #expect(tracker.touch(["b.pdf", ".claimed"], inbox: inbox, at: 0).map(\.name) == ["b.pdf"])
    try FileManager.default.removeItem(at: inbox.appendingPathComponent("b.pdf"))
    _ = tracker.touch(["b.pdf"], inbox: inbox, at: 1)
    #expect(tracker.count == 0)
  }

  @Test("a ready case written to before it is taken waits for a new quiet period")
  func readyCaseIsCheckedWhenTaken() throws {
    let inbox = try temporaryFolder()
    let file = inbox.appendingPathComponent("c.pdf")
    try Data("%PDF".utf8).write(to: file)
    var tracker = InboxTracker(quietPeriod: 1)
    _ = tracker.rescan(inbox, at: 0)
    tracker.checkDue(inbox, at: 1)

    try Data("%PDF-1.7 longer".utf8).write(to: file)
    #expect(tracker.takeReady(inbox, at: 1.5) == nil)
    #expect(tracker.nextCheck == 2.5)
  }

  @Test("only entries due are signed again: the next check is the earliest quiet period end")
  func nextCheckIsEarliestDue() throws {
    let inbox = try temporaryFolder()
    try Data("%PDF".utf8).write(to: inbox.appendingPathComponent("d.pdf"))
    var tracker = InboxTracker(quietPeriod: 2)
    _ = tracker.rescan(inbox, at: 10)
    try Data("%PDF".utf8).write(to: inbox.appendingPathComponent("e.pdf"))
    #expect(tracker.rescan(inbox, at: 11).map(\.name) == ["e.pdf"], "known entries kept")
    #expect(tracker.nextCheck == 12)
  }

  @Test("ready cases are taken in name order, whatever order they became ready in")
  func readyCasesAreTakenInNameOrder() throws {
    let inbox = try temporaryFolder()
    var tracker = InboxTracker(quietPeriod: 1)
    for (name, time) in [("m.pdf", 0.0), ("b.pdf", 0.5), ("x.pdf", 0.7)] {
      try Data("%PDF \(name)".utf8).write(to: inbox.appendingPathComponent(name))
      _ = tracker.rescan(inbox, at: time)
    }

    tracker.checkDue(inbox, at: 1.2)
    #expect(tracker.takeReady(inbox, at: 1.2)?.name == "m.pdf", "only m.pdf is ready yet")
    #expect(tracker.takeReady(inbox, at: 1.2) == nil)
    // Claiming moves a taken case out of the inbox.
    try FileManager.default.removeItem(at: inbox.appendingPathComponent("m.pdf"))
    try Data("%PDF a".utf8).write(to: inbox.appendingPathComponent("a.pdf"))
    _ = tracker.rescan(inbox, at: 1.3)
    tracker.checkDue(inbox, at: 2.4)
    let taken = [
      tracker.takeReady(inbox, at: 2.4), tracker.takeReady(inbox, at: 2.4),
      tracker.takeReady(inbox, at: 2.4),
    ]
    #expect(taken.map { $0?.name } == ["a.pdf", "b.pdf", "x.pdf"])
    #expect(tracker.count == 0)
  }

  @Test("a ready case that changed is passed over for the next one and taken once quiet")
  func changedReadyCaseIsPassedOver() throws {
    let inbox = try temporaryFolder()
    var tracker = InboxTracker(quietPeriod: 0)
    for name in ["a.pdf", "b.pdf"] {
      try Data("%PDF".utf8).write(to: inbox.appendingPathComponent(name))
    }
    _ = tracker.rescan(inbox, at: 0)

    try Data("%PDF-1.7 longer".utf8).write(to: inbox.appendingPathComponent("a.pdf"))
    #expect(tracker.takeReady(inbox, at: 1)?.name == "b.pdf")
    #expect(tracker.takeReady(inbox, at: 1) == nil, "a.pdf starts a new quiet period")
    tracker.checkDue(inbox, at: 1)
    #expect(tracker.takeReady(inbox, at: 1)?.name == "a.pdf")
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

  @Test("folders, files and links to either are told apart as the listing finds them")
  func entryKindsAreToldApart() throws {
    let inbox = try temporaryFolder()
    let elsewhere = try temporaryFolder()
    try FileManager.default.createDirectory(
      at: inbox.appendingPathComponent("case-7"), withIntermediateDirectories: true)
    try Data("%PDF".utf8).write(to: inbox.appendingPathComponent("scan.pdf"))
    try FileManager.default.createSymbolicLink(
      at: inbox.appendingPathComponent("linked-case"), withDestinationURL: elsewhere)
    try Data("%PDF".utf8).write(to: elsewhere.appendingPathComponent("note.pdf"))
    try FileManager.default.createSymbolicLink(
      at: inbox.appendingPathComponent("linked.pdf"),
      withDestinationURL: elsewhere.appendingPathComponent("note.pdf"))
    try FileManager.default.createSymbolicLink(
      at: inbox.appendingPathComponent("dangling.pdf"),
      withDestinationURL: elsewhere.appendingPathComponent("gone.pdf"))

    let found = CaseCandidate.scan(inbox).map { "\($0.name) \($0.isFolder)" }
    #expect(
      found == ["case-7 true", "linked-case true", "linked.pdf false", "scan.pdf false"],
      "a link leading nowhere is no case yet")
  }

  @Test("a single PDF's case id is its name without the extension")
  func singleFileCaseID() {
    #expect(CaseCandidate(name: "sij-014.pdf", isFolder: false).caseID == "sij-014")
    #expect(CaseCandidate(name: "sij-014.v2", isFolder: true).caseID == "sij-014.v2")
  }
}

@Suite("Worker messages")
struct WorkerMessageTests {
  @Test(
    "every message reads back as itself from its line",
    arguments: [
      WorkerMessage.process(path: "/in/.claimed/case 7/a b.pdf", fingerprint: "ab12"),
      .process(path: "/in/.claimed/odd\nname\\x", fingerprint: nil),
      .reading(file: "note\nwith newline.pdf"), .ready,
      .result(fields: [.init(key: "pages", value: "3"), .init(key: "determination", value: "pend")]
      ),
      .failed(status: 5, reason: "a.pdf: the file is encrypted.\nAsk for a copy."),
    ])
  func roundTrip(_ message: WorkerMessage) {
    let line = message.line
    #expect(line.hasSuffix("\n") && line.dropLast().allSatisfy { $0 != "\n" })
    #expect(WorkerMessage(line: line.dropLast()) == message)
  }

  @Test("lines split across reads come out whole")
  func linesAcrossReads() {
    var buffer = LineBuffer()
    let first = Array("reading a.pdf\nresu".utf8)
    let second = Array("lt pages=1\n".utf8)
    #expect(first.withUnsafeBytes { buffer.append($0) } == ["reading a.pdf"])
    #expect(second.withUnsafeBytes { buffer.append($0) } == ["result pages=1"])
  }

  @Test("every newline ends a line, a carriage return before it included")
  func carriageReturnBeforeNewline() {
    var buffer = LineBuffer()
    let bytes = Array("reading a\r.pdf\r\nready\n\nresult é=1\npartial".utf8)
    #expect(
      bytes.withUnsafeBytes { buffer.append($0) } == [
        "reading a\r.pdf\r", "ready", "", "result é=1",
      ])
  }

  @Test(
    "a result's fields are its key=value pairs, the value everything after the first =",
    arguments: [
      (
        "result a=1  b==2",
        [WorkerMessage.ResultField(key: "a", value: "1"), .init(key: "b", value: "=2")]
      ),
      ("result =1 c= d e=é", [.init(key: "e", value: "é")]),
      ("result", []),
    ])
  func resultFields(line: String, expected: [WorkerMessage.ResultField]) {
    #expect(WorkerMessage(line: line[...]) == .result(fields: expected))
  }

  @Test("anything else is not a message")
  func unknownLines() {
    #expect(WorkerMessage(line: "Fatal error: something") == nil)
    #expect(WorkerMessage(line: "failed x reason") == nil)
  }
}

func temporaryFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("pendcheck-tests-\(UUID().uuidString)", isDirectory: true)
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

@Suite("Event log timestamps")
struct EventLogTimestampTests {
  @Test(
    "a timestamp is the second in UTC, as ISO8601DateFormatter writes it",
    arguments: [0, 59, 951_782_400, 1_773_480_600, 1_798_761_599] as [time_t])
  func timestampMatchesISO8601DateFormatter(_ seconds: time_t) {
    let expected = ISO8601DateFormatter().string(
      from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    #expect(EventLog.timestamp(seconds) == expected)
  }
}

@Suite("Event log lines")
struct EventLogLineTests {
  @Test(
    "a logfmt value is quoted when empty or holding a space, quote or =, and escaped",
    arguments: [
      ([("case", "esi-001"), ("pages", "3")], #"case=esi-001 pages=3"#),
      ([("reason", "the file is encrypted")], #"reason="the file is encrypted""#),
      ([("file", ""), ("k", "a=b")], #"file="" k="a=b""#),
      ([("file", #"a\b"c"#)], #"file="a\\b\"c""#),
      ([("file", "é\r\nx")], "file=é\r\\nx"),
    ])
  func logfmt(fields: [(String, String)], expected: String) {
    #expect(String(decoding: EventLog.logfmtLine(fields), as: UTF8.self) == expected)
  }

  @Test(
    "a JSON line is one object of strings, control characters escaped",
    arguments: [
      ([("case", "esi-001"), ("pages", "3")], #"{"case":"esi-001","pages":"3"}"#),
      ([("file", "a\"b\\c\n\r\t\u{1}é")], #"{"file":"a\"b\\c\n\r\t\u0001é"}"#),
      ([], "{}"),
    ])
  func json(fields: [(String, String)], expected: String) throws {
    let line = EventLog.jsonLine(fields)
    #expect(String(decoding: line, as: UTF8.self) == expected)
    let parsed = try JSONSerialization.jsonObject(with: Data(line)) as? [String: String]
    #expect(parsed == Dictionary(fields, uniquingKeysWith: { first, _ in first }))
  }
}

@Suite("Event log writing")
struct EventLogWritingTests {
  @Test("recorded lines reach the log when it is flushed, in the order recorded")
  func linesAreWrittenByFlush() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("events.log")
    let log = try EventLog(format: .logfmt, appendingTo: file)

    log.record("case.claimed", ("case", "a"))
    log.record("case.reported", ("case", "a"))
    #expect(try String(contentsOf: file, encoding: .utf8).isEmpty, "gathered, not yet written")

    log.flush()
    let events = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map {
      $0.split(separator: " ")[1]
    }
    #expect(events == ["event=case.claimed", "event=case.reported"])
  }

  @Test("lines are written without a flush once enough of them wait")
  func manyLinesAreWrittenWithoutAFlush() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("events.log")
    let log = try EventLog(format: .json, appendingTo: file)

    for number in 0..<1_000 { log.record("case.reported", ("case", "case-\(number)")) }
    let written = try String(contentsOf: file, encoding: .utf8)
    #expect(!written.isEmpty)
    #expect(written.hasSuffix("\n"), "only whole lines are written")
  }
}

@Suite("Moving cases between folders")
struct CaseMoveTests {
  @Test(
    "a second case of a name is numbered before its extension",
    arguments: [
      ("case-7", 1, "case-7"), ("case-7", 2, "case-7-2"), ("referral.pdf", 3, "referral-3.pdf"),
    ])
  func numberedNames(name: String, number: Int, expected: String) {
    #expect(numbered(name, number) == expected)
  }

  @Test("a rename never replaces what is already at its target")
  func renameDoesNotReplace() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = folder.appendingPathComponent("new").path
    let taken = folder.appendingPathComponent("taken").path
    let free = folder.appendingPathComponent("free").path
    try Data("new".utf8).write(to: URL(fileURLWithPath: source))
    try Data("first".utf8).write(to: URL(fileURLWithPath: taken))

    #expect(renameWithoutReplacing(source, taken) == EEXIST)
    #expect(try String(contentsOfFile: taken, encoding: .utf8) == "first")
    #expect(FileManager.default.fileExists(atPath: source), "the source stays where it was")

    #expect(renameWithoutReplacing(source, free) == 0)
    #expect(try String(contentsOfFile: free, encoding: .utf8) == "new")
    #expect(!FileManager.default.fileExists(atPath: source))
  }
}

@Suite("Timings in the log")
struct LogTimingTests {
  @Test(
    "a timing has two decimals, rounded to the nearest hundredth",
    arguments: [
      (0, "0.00"), (0.004, "0.00"), (0.006, "0.01"), (1.5, "1.50"), (12.345_6, "12.35"),
      (99.999, "100.00"), (1234.07, "1234.07"), (-0.2, "0.00"),
    ])
  func twoDecimalTimings(value: Double, expected: String) {
    #expect(twoDecimals(value) == expected)
  }
}
