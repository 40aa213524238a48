import Foundation
import Testing

/// poppler-glib and the libraries it brings are loaded by the first PDF a process reads, not
/// at every process's start. Seen through the dynamic loader's own account
/// (`LD_DEBUG=files`, written to standard error), each line prefixed with the process id.
@Suite("Loading the PDF reader")
struct PDFReaderLoadingTests {
  /// The ids of the processes that loaded poppler-glib during `arguments`' run.
  private func processesLoadingReader(_ arguments: [String]) throws -> (
    PendcheckBinary.Run, Set<String>
  ) {
    let run = try PendcheckBinary.run(arguments, environment: ["LD_DEBUG": "files"])
    let loaders = run.errors.split(separator: "\n")
      .filter { $0.contains("file=libpoppler-glib.so.8") && $0.contains("dynamically loaded") }
      .compactMap { $0.split(separator: ":").first?.trimmingCharacters(in: .whitespaces) }
    return (run, Set(loaders))
  }

  @Test(
    "a command that reads no PDF does not load the reader",
    arguments: [["--version"], ["guidelines"], ["review", "--help"]])
  func noPDFNoReader(_ arguments: [String]) throws {
    let (run, loaders) = try processesLoadingReader(arguments)

    #expect(run.status == 0, "\(run.errors.suffix(400))")
    #expect(loaders.isEmpty)
    #expect(!run.errors.contains("libpoppler"))
  }

  @Test("the first PDF read loads it, once")
  func firstPDFLoadsReader() throws {
    let (run, loaders) = try processesLoadingReader([
      "text", "Corpus/dev/esi-001/office-note.pdf",
    ])

    #expect(run.status == 0, "\(run.errors.suffix(400))")
    #expect(run.output.contains("page 1 of 2"))
    #expect(loaders.count == 1)
  }

  /// The workers' own diagnostics do not reach the command's standard error: the reader
  /// found loaded in the watcher is the one its forked workers inherit.
  @Test("a batch's watcher loads it before it forks its workers")
  func watcherLoadsReaderForItsWorkers() throws {
    let base = try temporaryFolder()
    let inbox = base.appendingPathComponent("inbox")
    for name in ["esi-001", "esi-002", "esi-003"] {
      let source = PendcheckBinary.packageRoot.appendingPathComponent("Corpus/dev/\(name)")
      let folder = inbox.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      for file in try FileManager.default.contentsOfDirectory(atPath: source.path)
      where file.hasSuffix(".pdf") || file == "request.json" {
        try FileManager.default.copyItem(
          at: source.appendingPathComponent(file), to: folder.appendingPathComponent(file))
      }
    }

    let (run, loaders) = try processesLoadingReader([
      "batch", inbox.path, "--jobs", "2", "--quiet", "0", "--log", "/dev/null",
    ])

    #expect(run.status == 0, "\(run.errors.suffix(400))")
    let reports = try FileManager.default.contentsOfDirectory(
      atPath: base.appendingPathComponent("reports").path)
    #expect(reports.filter { $0.hasSuffix(".json") }.count == 3)
    #expect(loaders.count == 1)
  }
}
