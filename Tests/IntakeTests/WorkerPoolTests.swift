import Foundation
import Testing

@testable import Intake

@Suite("Which document a worker was reading")
struct ReadingSlotTests {
  @Test("the watcher reads back the name the worker recorded for the case in flight")
  func recordedNameIsRead() throws {
    let slot = try #require(ReadingSlot.create())
    defer { slot.close() }

    slot.record(caseNumber: 3, file: "ct-report.pdf")
    #expect(slot.file(ofCase: 3) == "ct-report.pdf")
  }

  @Test("a record left by an earlier case is not taken for the current one's")
  func earlierCaseIsNotTheCurrentOne() throws {
    let slot = try #require(ReadingSlot.create())
    defer { slot.close() }

    #expect(slot.file(ofCase: 1) == nil, "nothing recorded yet")
    slot.record(caseNumber: 1, file: "note.pdf")
    #expect(slot.file(ofCase: 2) == nil)
    #expect(slot.file(ofCase: 12) == nil)
  }

  @Test(
    "each record replaces the one before, whatever their lengths and characters",
    arguments: [
      ("a-very-long-name-of-an-office-note-scanned-twice.pdf", "b.pdf"),
      ("short.pdf", "note\nwith a newline and a \\ backslash.pdf"),
      ("note.pdf", "Überweisung 2026 (Kopie).pdf"),
    ])
  func laterRecordReplacesEarlier(_ first: String, _ second: String) throws {
    let slot = try #require(ReadingSlot.create())
    defer { slot.close() }

    slot.record(caseNumber: 4, file: first)
    slot.record(caseNumber: 5, file: second)
    #expect(slot.file(ofCase: 5) == second)
    #expect(slot.file(ofCase: 4) == nil)
  }

  @Test("a worker that dies mid-case fails it naming the document its slot records")
  func deadWorkerNamesTheRecordedDocument() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pendcheck-slot-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }

    // A stand-in worker: it takes the case, records a document in the slot it was given
    // as descriptor 3 (its first case is number 1), and dies as a crashing reader would.
    let script = "read line; printf '1 scan-of-referral.pdf\\n' >&3; kill -9 $$"
    let pool = WorkerPool(
      size: 1, executable: "/bin/sh", arguments: ["-c", script], limits: ResourceLimits())
    let claimed = ClaimedCase(
      candidate: CaseCandidate(name: "case-1", isFolder: true), path: folder.path,
      stableAt: 0)
    #expect(pool.assign(claimed, fingerprint: nil).isEmpty, "the case was sent")

    let completion = try #require(waitForCompletions(pool).first)
    guard case .failed(let reason) = completion.outcome else {
      Issue.record("the case should have failed")
      return
    }
    #expect(reason.contains("signal 9 while reading scan-of-referral.pdf"), "\(reason)")
  }
}

@Suite("Worker processes")
struct WorkerPoolTests {
  @Test("cases beyond a worker's share are served by a fresh worker, none lost")
  func retiredWorkersAreReplaced() throws {
    // A stand-in worker that reports every case it is sent, with its own process id.
    let script = "while read line; do echo \"result worker=$$\"; done"
    let pool = WorkerPool(
      size: 1, executable: "/bin/sh", arguments: ["-c", script], limits: ResourceLimits(),
      casesPerWorker: 2)
    defer { pool.shutDown() }

    var servedBy: [String] = []
    for number in 1...5 {
      let claimed = ClaimedCase(
        candidate: CaseCandidate(name: "case-\(number)", isFolder: true), path: "/nonexistent",
        stableAt: 0)
      #expect(pool.assign(claimed, fingerprint: nil).isEmpty)
      let completion = try #require(waitForCompletions(pool).first)
      guard case .reported(let fields) = completion.outcome else {
        Issue.record("case \(number) should have been reported")
        return
      }
      servedBy += fields.filter { $0.key == "worker" }.map(\.value)
    }
    #expect(servedBy.count == 5)
    #expect(Set(servedBy).count == 3, "two cases a worker: \(servedBy)")
  }

  @Test("a busy worker holds the next case and answers both, in the order sent")
  func nextCaseWaitsInTheWorkersInput() throws {
    let script = "while read line; do echo \"result worker=$$ case=${line##*/}\"; done"
    let pool = WorkerPool(
      size: 1, executable: "/bin/sh", arguments: ["-c", script], limits: ResourceLimits(),
      waitingLimit: 60)
    defer { pool.shutDown() }

    #expect(pool.hasIdleWorker)
    #expect(pool.assign(claimedCase(1), fingerprint: nil).isEmpty)
    #expect(!pool.hasIdleWorker)
    #expect(pool.hasWaitingRoom, "case 2 may wait behind case 1")
    #expect(pool.assign(claimedCase(2), fingerprint: nil).isEmpty)
    #expect(!pool.hasWaitingRoom, "a worker holds two cases at most")
    #expect(pool.busyCount == 2)

    var completions: [WorkerPool.Completion] = []
    while completions.count < 2, case let arrived = waitForCompletions(pool), !arrived.isEmpty {
      completions += arrived
    }
    let fields = completions.compactMap { completion -> [String: String]? in
      guard case .reported(let fields) = completion.outcome else { return nil }
      return Dictionary(fields.map { ($0.key, $0.value) }) { first, _ in first }
    }
    #expect(fields.map { $0["case"] } == ["case-1", "case-2"])
    #expect(Set(fields.map { $0["worker"] }).count == 1, "one worker served both")
  }

  @Test("a worker sent its share is replaced only once it has answered all of it")
  func replacementWaitsForTheLastAnswers() throws {
    let script = "while read line; do echo \"result worker=$$\"; done"
    let pool = WorkerPool(
      size: 1, executable: "/bin/sh", arguments: ["-c", script], limits: ResourceLimits(),
      casesPerWorker: 2, waitingLimit: 60)
    defer { pool.shutDown() }

    #expect(pool.assign(claimedCase(1), fingerprint: nil).isEmpty)
    #expect(pool.assign(claimedCase(2), fingerprint: nil).isEmpty)
    #expect(!pool.hasIdleWorker && !pool.hasWaitingRoom, "no third process while two run")

    var answered = 0
    while answered < 2, case let arrived = waitForCompletions(pool), !arrived.isEmpty {
      answered += arrived.count
    }
    #expect(answered == 2)
    #expect(pool.hasIdleWorker, "a fresh worker may start now")
  }

  @Test("no case waits behind one that began longer ago than the waiting limit")
  func noCaseWaitsBehindALongCase() throws {
    // A stand-in worker that takes cases and never answers, like one stuck on a hostile PDF.
    let pool = WorkerPool(
      size: 1, executable: "/bin/sh", arguments: ["-c", "while read line; do :; done"],
      limits: ResourceLimits(), waitingLimit: 0.05)
    defer { pool.shutDown() }

    #expect(pool.assign(claimedCase(1), fingerprint: nil).isEmpty)
    usleep(200_000)
    #expect(!pool.hasIdleWorker)
    #expect(!pool.hasWaitingRoom)
  }

  @Test("a case that waited behind one whose worker died is given back, not failed")
  func waitingCaseOfADeadWorkerIsGivenBack() throws {
    let pool = WorkerPool(
      size: 1, executable: "/bin/sh", arguments: ["-c", "read first; read second; kill -9 $$"],
      limits: ResourceLimits(), waitingLimit: 60)
    defer { pool.shutDown() }

    #expect(pool.assign(claimedCase(1), fingerprint: nil).isEmpty)
    #expect(pool.assign(claimedCase(2), fingerprint: nil).isEmpty)

    let completions = waitForCompletions(pool)
    #expect(completions.map(\.claimed.candidate.name) == ["case-1", "case-2"])
    guard completions.count == 2 else { return }
    guard case .failed = completions[0].outcome else {
      Issue.record("the case in flight should have failed")
      return
    }
    guard case .notBegun = completions[1].outcome else {
      Issue.record("the waiting case should be given back")
      return
    }
  }
}

@Suite("When a case may wait behind another")
struct CaseWaitingTests {
  @Test(
    "a case waits behind a busy worker only while more are ready than there are workers",
    arguments: [
      (200, 2, true), (3, 2, true), (2, 2, false), (1, 2, false), (2, 1, true), (1, 1, false),
    ])
  func casesWaitOnlyWhileEnoughRemain(ready: Int, workers: Int, mayWait: Bool) {
    #expect(Intake.mayWait(ready: ready, workers: workers) == mayWait)
  }
}

/// A case whose folder does not exist, named `case-NUMBER`, for stand-in workers.
private func claimedCase(_ number: Int) -> ClaimedCase {
  ClaimedCase(
    candidate: CaseCandidate(name: "case-\(number)", isFolder: true),
    path: "/nonexistent/case-\(number)", stableAt: 0)
}

/// The first cases `pool` finishes, by the first read that finishes any, within ten
/// seconds; empty when none finished.
private func waitForCompletions(_ pool: WorkerPool) -> [WorkerPool.Completion] {
  for _ in 0..<100 {
    var pollers = pool.descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
    guard poll(&pollers, nfds_t(pollers.count), 100) > 0 else { continue }
    for poller in pollers where poller.revents != 0 {
      let completions = pool.answersArrived(on: poller.fd)
      if !completions.isEmpty { return completions }
    }
  }
  return []
}

@Suite("Work on a thread of its own")
struct JoinableThreadTests {
  @Test("join returns once the work has ended, and again at once")
  func joinWaitsForTheWork() {
    final class Outcome: @unchecked Sendable { var finished = false }
    let outcome = Outcome()
    let thread = JoinableThread {
      usleep(50_000)
      outcome.finished = true
    }

    thread.join()
    #expect(outcome.finished)
    thread.join()
  }
}
