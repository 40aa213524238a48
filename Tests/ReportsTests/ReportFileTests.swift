import Foundation
import Testing

@testable import Reports

@Suite struct ReportFileTests {
  /// A fresh directory for one test.
  func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appending(path: "pendcheck-reportfile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func theFileHoldsTheDataOnlyItsOwnerMayReadAndNoTemporaryFileRemains() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appending(path: "sij-014.json")

    try ReportFile.writeAtomically(Data("report".utf8), to: file)

    #expect(try Data(contentsOf: file) == Data("report".utf8))
    let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["sij-014.json"])
  }

  @Test func anExistingReportIsReplacedWhole() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appending(path: "report.html")
    try Data(String(repeating: "old ", count: 1000).utf8).write(to: file)

    try ReportFile.writeAtomically(Data("new".utf8), to: file, permissions: 0o644)

    #expect(try Data(contentsOf: file) == Data("new".utf8))
    let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o644)
  }

  @Test func aMissingDirectoryIsReportedWithItsPathAndReason() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let missing = directory.appending(path: "no-such-folder")

    #expect(throws: ReportWriteError.self) {
      try ReportFile.writeAtomically(Data(), to: missing.appending(path: "r.json"))
    }
    do {
      try ReportFile.writeAtomically(Data(), to: missing.appending(path: "r.json"))
    } catch {
      #expect(
        error.description == "cannot write a report in \(missing.path): No such file or directory")
    }
  }

  @Test func aDestinationThatIsADirectoryIsNotReplacedAndLeavesNoTemporaryFile() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let occupied = directory.appending(path: "taken")
    try FileManager.default.createDirectory(at: occupied, withIntermediateDirectories: false)
    try Data("x".utf8).write(to: occupied.appending(path: "inside"))

    #expect(throws: ReportWriteError.self) {
      try ReportFile.writeAtomically(Data("new".utf8), to: occupied)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["taken"])
  }

  @Test func reportsWrittenTogetherAreAllInPlaceWithNoTemporaryFileLeft() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let json = directory.appending(path: "sij-014.json")
    let html = directory.appending(path: "sij-014.html")

    try ReportFile.writeAtomically([(Data("{}".utf8), json), (Data("<p>".utf8), html)])

    #expect(try Data(contentsOf: json) == Data("{}".utf8))
    #expect(try Data(contentsOf: html) == Data("<p>".utf8))
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    #expect(names == ["sij-014.html", "sij-014.json"])
  }

  @Test func whenALaterReportFailsTheEarlierOneIsInPlaceAndTheFailureNamesThePath() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let json = directory.appending(path: "sij-014.json")
    let occupied = directory.appending(path: "taken")
    try FileManager.default.createDirectory(at: occupied, withIntermediateDirectories: false)
    try Data("x".utf8).write(to: occupied.appending(path: "inside"))

    #expect(throws: ReportWriteError.self) {
      try ReportFile.writeAtomically([(Data("{}".utf8), json), (Data("<p>".utf8), occupied)])
    }
    #expect(try Data(contentsOf: json) == Data("{}".utf8))
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    #expect(names == ["sij-014.json", "taken"])
  }

  @Test func reportsWrittenWithoutFlushingAreInPlaceAndAreFlushedAfterwardsInOneGo() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let json = directory.appending(path: "esi-003.json")
    let html = directory.appending(path: "esi-003.html")

    try ReportFile.writeAtomically(
      [(Data("{}".utf8), json), (Data("<p>".utf8), html)], flushing: false)
    #expect(try Data(contentsOf: json) == Data("{}".utf8))
    #expect(try Data(contentsOf: html) == Data("<p>".utf8))
    let attributes = try FileManager.default.attributesOfItem(atPath: json.path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

    try ReportFile.flush([json, html])
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/shm")))
  func reportsOnTwoFileSystemsAreEachFlushed() throws {
    let onDisk = try temporaryDirectory()
    let inMemory = URL(fileURLWithPath: "/dev/shm/pendcheck-flush-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: inMemory, withIntermediateDirectories: true)
    defer {
      try? FileManager.default.removeItem(at: onDisk)
      try? FileManager.default.removeItem(at: inMemory)
    }
    let reports = [onDisk.appending(path: "a.json"), inMemory.appending(path: "b.json")]
    for report in reports {
      try ReportFile.writeAtomically(Data("{}".utf8), to: report, flushing: false)
    }

    try ReportFile.flush(reports + [onDisk.appending(path: "a.json")])
  }

  @Test func flushingAReportThatIsNotThereFailsNamingItAndStillFlushesTheOthers() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let present = directory.appending(path: "esi-003.json")
    let missing = directory.appending(path: "esi-004.json")
    try ReportFile.writeAtomically(Data("{}".utf8), to: present, flushing: false)

    #expect(
      throws: ReportWriteError.cannotWrite(path: missing.path, reason: "No such file or directory")
    ) {
      try ReportFile.flush([present, missing])
    }
  }
}
