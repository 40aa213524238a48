import Foundation
import Testing

/// The real `pendcheck watch` and `batch` on temporary inboxes.
@Suite("The watch folder", .serialized)
struct WatcherIntegrationTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    .deletingLastPathComponent().appendingPathComponent("pendcheck")
  static let sample = root.appendingPathComponent("Samples/sample-case")
  static let selfContainedNote = "Corpus/dev/sij-003/office-note.pdf"

  /// A fresh inbox beside empty reports, done and failed folders.
  struct Workspace {
    let base: URL
    var inbox: URL { base.appendingPathComponent("inbox") }
    var reports: URL { base.appendingPathComponent("reports") }
    var done: URL { base.appendingPathComponent("done") }
    var failed: URL { base.appendingPathComponent("failed") }

    init() throws {
      base = try temporaryFolder()
      try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
    }

    func names(_ folder: URL) -> [String] {
      ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Copies the sample case's PDFs into a new case folder of the inbox.
    func dropSampleCase(_ name: String) throws {
      let folder = base.appendingPathComponent(".staging-\(name)")
      try FileManager.default.copyItem(at: WatcherIntegrationTests.sample, to: folder)
      try FileManager.default.moveItem(at: folder, to: inbox.appendingPathComponent(name))
    }

    func drop(_ bytes: [UInt8], as name: String) throws {
      try Data(bytes).write(to: inbox.appendingPathComponent(name))
    }
  }

  private func start(_ command: String, _ workspace: Workspace, _ extra: [String] = []) throws
    -> Process
  {
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = [command, workspace.inbox.path, "--quiet", "0.5"] + extra
    process.standardOutput = FileHandle.nullDevice
    process.standardError = try FileHandle(
      forWritingTo: {
        let log = workspace.base.appendingPathComponent("log.txt")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        return log
      }())
    try process.run()
    return process
  }

  private func waitUntil(_ seconds: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if condition() { return true }
      usleep(100_000)
    }
    return condition()
  }

  @Test("200 cases dropped at once, good, broken and duplicate, each end with a report or a reason")
  func twoHundredCasesAtOnce() throws {
    let workspace = try Workspace()
    let corpus = try corpusCases(count: 180)
    for (index, source) in corpus.enumerated() {
      try FileManager.default.copyItem(
        at: source, to: workspace.inbox.appendingPathComponent("case-\(index)"))
    }
    for index in 0..<12 { try workspace.dropSampleCase("same-\(index)") }
    try workspace.drop([], as: "zero.pdf")
    try workspace.drop(Array("not a pdf at all".utf8), as: "memo.pdf")
    try workspace.drop(Array("%PDF-1.7\n1 0 obj\n<<".utf8), as: "truncated.pdf")
    try FileManager.default.copyItem(
      at: Self.root.appendingPathComponent("Tests/Fixtures/pdf/encrypted.pdf"),
      to: workspace.inbox.appendingPathComponent("locked.pdf"))
    let dropped = workspace.names(workspace.inbox)
    #expect(dropped.count == 196)

    let batch = try start("batch", workspace)
    batch.waitUntilExit()

    #expect(batch.terminationStatus == 2)
    #expect(workspace.names(workspace.inbox).isEmpty)
    let finished = Set(workspace.names(workspace.done) + workspace.names(workspace.failed))
    let caseIDs = Set(dropped.map { ($0 as NSString).deletingPathExtension })
    #expect(finished == caseIDs, "every case ends in done or failed, once")
    let reports = Set(workspace.names(workspace.reports))
    for name in workspace.names(workspace.done) {
      #expect(reports.contains("\(name).json") && reports.contains("\(name).html"), "\(name)")
    }
    let reportMode = try FileManager.default.attributesOfItem(
      atPath: workspace.reports.appendingPathComponent("case-0.json").path)[.posixPermissions]
    #expect(reportMode as? Int == 0o600, "reports hold patient information")
    for name in workspace.names(workspace.failed) {
      let reason = try String(
        contentsOf: workspace.failed.appendingPathComponent("\(name)/reason.txt"), encoding: .utf8)
      #expect(reason.count > 40, "\(name) has a reason: \(reason)")
      let mode = try FileManager.default.attributesOfItem(
        atPath: workspace.failed.appendingPathComponent("\(name)/reason.txt").path)[
          .posixPermissions]
      #expect(mode as? Int == 0o600, "reasons quote file names only, but stay private")
    }
    for (name, file) in [("zero", "zero.pdf"), ("memo", "memo.pdf"), ("locked", "locked.pdf")] {
      #expect(workspace.names(workspace.failed).contains(name))
      let reason = try String(
        contentsOf: workspace.failed.appendingPathComponent("\(name)/reason.txt"), encoding: .utf8)
      #expect(reason.contains(file), "reason must name the file: \(reason)")
      #expect(
        FileManager.default.fileExists(
          atPath: workspace.failed.appendingPathComponent("\(name)/\(file)").path),
        "the original is kept")
    }
    let links = (0..<12).compactMap { index in
      try? FileManager.default.destinationOfSymbolicLink(
        atPath: workspace.reports.appendingPathComponent("same-\(index).json").path)
    }
    // The sample case is also a corpus case, so the first identical copy may be linked too.
    #expect(links.count >= 11, "identical cases after the first are linked, not re-run")
  }

  /// Corpus case folders (PDFs and request only), repeated to `count`.
  private func corpusCases(count: Int) throws -> [URL] {
    let staging = try temporaryFolder()
    let folders = ["dev", "test"].flatMap { split -> [URL] in
      let root = Self.root.appendingPathComponent("Corpus/\(split)")
      let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
      return names.sorted().map { root.appendingPathComponent($0) }
    }
    return try (0..<count).map { index in
      let source = folders[index % folders.count]
      let copy = staging.appendingPathComponent("\(index)-\(source.lastPathComponent)")
      try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
      for name in try FileManager.default.contentsOfDirectory(atPath: source.path)
      where name.hasSuffix(".pdf") || name == "request.json" {
        try FileManager.default.copyItem(
          at: source.appendingPathComponent(name), to: copy.appendingPathComponent(name))
      }
      return copy
    }
  }

  @Test("a batch's workers are forked from the watcher and end when their input does")
  func batchWorkersAreForked() throws {
    let workspace = try Workspace()
    for index in 0..<5 { try workspace.dropSampleCase("case-\(index)") }
    let log = workspace.base.appendingPathComponent("events.jsonl")

    let batch = try start(
      "batch", workspace, ["--jobs", "2", "--reprocess", "--log-format", "json", "--log", log.path])
    // A forked worker that kept another's input open would keep that one from ever ending,
    // and the batch with it.
    #expect(waitUntil(60) { !batch.isRunning }, "the batch ends")
    if batch.isRunning { kill(batch.processIdentifier, SIGKILL) }
    batch.waitUntilExit()

    #expect(batch.terminationStatus == 0)
    #expect(workspace.names(workspace.reports).count == 10)
    let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
    let starts = lines.filter { $0.contains(#""event":"worker.started""#) }
    #expect(starts.count == 2, "\(starts)")
    #expect(starts.allSatisfy { $0.contains(#""by":"fork""#) }, "\(starts)")
  }

  @Test("a lexicon that does not read fails every case with its file and line, none lost")
  func malformedLexiconFailsEachCase() throws {
    let workspace = try Workspace()
    for index in 0..<3 { try workspace.dropSampleCase("case-\(index)") }
    let lexicons = workspace.base.appendingPathComponent("lexicons")
    try FileManager.default.copyItem(
      at: Self.root.appendingPathComponent("Lexicons"), to: lexicons)
    try Data("@version 1\nnaproxen | Aleve;;Naprosyn\n".utf8)
      .write(to: lexicons.appendingPathComponent("medications.txt"))

    let batch = try start("batch", workspace, ["--jobs", "2", "--lexicons", lexicons.path])
    #expect(waitUntil(60) { !batch.isRunning }, "the batch ends")
    if batch.isRunning { kill(batch.processIdentifier, SIGKILL) }
    batch.waitUntilExit()

    #expect(batch.terminationStatus == 2)
    #expect(workspace.names(workspace.failed) == ["case-0", "case-1", "case-2"])
    for index in 0..<3 {
      let text = reason(workspace, "case-\(index)") ?? ""
      #expect(text.contains("medications.txt") && text.contains("2"), "\(text)")
    }
  }

  @Test("the same PDFs dropped again under another name are linked, not re-run")
  func duplicateIsLinked() throws {
    let workspace = try Workspace()
    try workspace.dropSampleCase("first")
    let batch = try start("batch", workspace)
    batch.waitUntilExit()

    try workspace.dropSampleCase("second")
    let again = try start("batch", workspace)
    again.waitUntilExit()

    let link = workspace.reports.appendingPathComponent("second.json").path
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "first.json")
    #expect(workspace.names(workspace.done) == ["first", "second"])
  }

  @Test("a file still being copied is not read before it is complete")
  func slowCopyWaits() throws {
    let workspace = try Workspace()
    let watcher = try start("watch", workspace)
    defer { watcher.terminate() }

    // A note that names its own CPT code, so a lone PDF is a complete case.
    let pdf = try Data(contentsOf: Self.root.appendingPathComponent(Self.selfContainedNote))
    let target = workspace.inbox.appendingPathComponent("slow.pdf")
    FileManager.default.createFile(atPath: target.path, contents: nil)
    let handle = try FileHandle(forWritingTo: target)
    let chunk = max(1, pdf.count / 8)
    for start in stride(from: 0, to: pdf.count, by: chunk) {
      try handle.write(contentsOf: pdf[start..<min(pdf.count, start + chunk)])
      usleep(300_000)
      #expect(FileManager.default.fileExists(atPath: target.path), "taken while still written")
    }
    try handle.close()

    #expect(waitUntil(20) { workspace.names(workspace.reports).contains("slow.json") })
    #expect(workspace.names(workspace.failed).isEmpty)
  }

  @Test("kill -9 mid-run loses nothing and duplicates nothing on restart")
  func killNineRecovers() throws {
    let workspace = try Workspace()
    let count = 24
    for index in 0..<count { try workspace.dropSampleCase("case-\(index)") }

    let first = try start("watch", workspace, ["--jobs", "2"])
    _ = waitUntil(30) { !workspace.names(workspace.reports).isEmpty }
    kill(first.processIdentifier, SIGKILL)
    first.waitUntilExit()

    let second = try start("watch", workspace, ["--jobs", "2"])
    let finished = waitUntil(90) { workspace.names(workspace.done).count == count }
    second.terminate()
    second.waitUntilExit()

    #expect(finished)
    #expect(workspace.names(workspace.done) == (0..<count).map { "case-\($0)" }.sorted())
    let reports = workspace.names(workspace.reports)
    #expect(reports.count == count * 2)
    #expect(reports.allSatisfy { !$0.contains("tmp") })
    #expect(workspace.names(workspace.inbox).isEmpty)
  }

  @Test("SIGTERM sent as soon as the watcher has started is not lost")
  func sigtermAtStartIsSeen() throws {
    let workspace = try Workspace()
    let watcher = try start("watch", workspace)
    let log = workspace.base.appendingPathComponent("log.txt")
    _ = waitUntil(20) {
      ((try? String(contentsOf: log, encoding: .utf8)) ?? "").contains("intake.start")
    }

    watcher.terminate()
    #expect(waitUntil(10) { !watcher.isRunning }, "the watcher stops")
    if watcher.isRunning { kill(watcher.processIdentifier, SIGKILL) }
    watcher.waitUntilExit()
    #expect(watcher.terminationStatus == 0)
  }

  @Test("SIGTERM finishes the cases in flight and exits 0")
  func sigtermIsClean() throws {
    let workspace = try Workspace()
    for index in 0..<4 { try workspace.dropSampleCase("case-\(index)") }
    let watcher = try start("watch", workspace)
    _ = waitUntil(20) { !workspace.names(workspace.reports).isEmpty }

    watcher.terminate()
    watcher.waitUntilExit()

    #expect(watcher.terminationStatus == 0)
    let claimed = workspace.inbox.appendingPathComponent(".claimed")
    #expect(workspace.names(claimed).isEmpty, "no case left half done")
  }

  /// The pids of the watcher's worker processes.
  private func workers(of watcher: Process) -> [pid_t] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap { Int32($0) }.filter { pid in
      guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let end = stat.lastIndex(of: ")")
      else { return false }
      let fields = stat[stat.index(after: end)...].split(separator: " ")
      return fields.count > 1 && Int32(fields[1]) == watcher.processIdentifier
    }
  }

  /// Starts a watcher with one job and waits until its worker has reported a first case.
  private func watcherWithWarmWorker(_ workspace: Workspace, _ extra: [String]) throws
    -> (Process, pid_t)?
  {
    let watcher = try start("watch", workspace, ["--jobs", "1", "--reprocess"] + extra)
    try workspace.dropSampleCase("warm-up")
    guard waitUntil(60, { workspace.names(workspace.done).contains("warm-up") }),
      let worker = workers(of: watcher).first
    else {
      watcher.terminate()
      return nil
    }
    return (watcher, worker)
  }

  private func reason(_ workspace: Workspace, _ caseID: String) -> String? {
    try? String(
      contentsOf: workspace.failed.appendingPathComponent("\(caseID)/reason.txt"),
      encoding: .utf8)
  }

  @Test("a worker killed mid-case fails only that case, naming the file, and work goes on")
  func crashedWorkerFailsOneCase() throws {
    let workspace = try Workspace()
    let started = try watcherWithWarmWorker(workspace, [])
    let (watcher, worker) = try #require(started)
    defer { watcher.terminate() }

    kill(worker, SIGSTOP)
    try workspace.dropSampleCase("crashed")
    let claimed = workspace.inbox.appendingPathComponent(".claimed")
    #expect(waitUntil(20) { workspace.names(claimed).contains("crashed") })
    usleep(300_000)
    kill(worker, SIGKILL)

    #expect(waitUntil(20) { reason(workspace, "crashed") != nil })
    let text = reason(workspace, "crashed") ?? ""
    #expect(text.contains("signal 9") && text.contains(".pdf"), "\(text)")

    try workspace.dropSampleCase("after")
    #expect(waitUntil(60) { workspace.names(workspace.reports).contains("after.json") })
    #expect(workspace.names(workspace.failed) == ["crashed"])
  }

  @Test("a worker started after reports were flushed is forked as the first one was")
  func laterWorkerIsForked() throws {
    let workspace = try Workspace()
    let started = try watcherWithWarmWorker(workspace, [])
    let (watcher, worker) = try #require(started)
    defer { watcher.terminate() }

    kill(worker, SIGKILL)
    try workspace.dropSampleCase("after")
    #expect(waitUntil(60) { workspace.names(workspace.reports).contains("after.json") })

    let log = try String(
      contentsOf: workspace.base.appendingPathComponent("log.txt"), encoding: .utf8)
    let starts = log.split(separator: "\n").filter { $0.contains("event=worker.started") }
    #expect(starts.count == 2 && starts.allSatisfy { $0.hasSuffix("by=fork") }, "\(starts)")
  }

  @Test("a case over the wall-clock limit is stopped with its reason, and work goes on")
  func hungWorkerIsStopped() throws {
    let workspace = try Workspace()
    let started = try watcherWithWarmWorker(workspace, ["--timeout", "5"])
    let (watcher, worker) = try #require(started)
    defer { watcher.terminate() }

    kill(worker, SIGSTOP)
    try workspace.dropSampleCase("hung")
    #expect(waitUntil(30) { reason(workspace, "hung") != nil })
    let text = reason(workspace, "hung") ?? ""
    #expect(text.contains("longer than 5 s") && text.contains(".pdf"), "\(text)")
    #expect(!workers(of: watcher).contains(worker), "the hung worker was killed")

    try workspace.dropSampleCase("after")
    #expect(waitUntil(60) { workspace.names(workspace.reports).contains("after.json") })
    #expect(workspace.names(workspace.failed) == ["hung"])
  }

  @Test("the watcher's workers end with it")
  func workersEndWithWatcher() throws {
    let workspace = try Workspace()
    let started = try watcherWithWarmWorker(workspace, [])
    let (watcher, worker) = try #require(started)

    watcher.terminate()
    watcher.waitUntilExit()
    #expect(watcher.terminationStatus == 0)
    #expect(kill(worker, 0) != 0, "no worker is left running")
  }
}
