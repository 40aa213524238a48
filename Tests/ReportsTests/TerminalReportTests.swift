import Model
import Testing

@testable import Reports

@Suite struct TerminalReportTests {
  @Test(arguments: DeterminationStatus.allCases, [80, 60])
  func everyLineFitsTheWidth(_ status: DeterminationStatus, width: Int) {
    let text = TerminalReport(report: ReportFixtures.report(status)).render(
      width: width, colored: false)

    for line in text.split(separator: "\n") {
      #expect(line.count <= width, "too wide: \(line)")
    }
  }

  @Test(arguments: DeterminationStatus.allCases)
  func colourIsAddedOnlyWhenAsked(_ status: DeterminationStatus) {
    let report = TerminalReport(report: ReportFixtures.report(status))

    #expect(!report.render(colored: false).contains("\u{1B}["))
    #expect(report.render(colored: true).contains("\u{1B}["))
  }

  @Test func metCriteriaOfOneFamilyAreNamedOnceWithTheirCount() {
    let interval = ReportFixtures.criterion(.interval, .met, reason: "Last block 30 days ago.")
    var report = ReportFixtures.ready
    report.determinations[0].criteria += [interval, interval]

    let text = TerminalReport(report: report).render(colored: false)

    #expect(text.contains("Met (4)"))
    #expect(text.contains("Interval×2"))
    #expect(text.components(separatedBy: "Interval").count == 2)
  }

  @Test func colourDoesNotChangeTheWords() {
    let report = TerminalReport(report: ReportFixtures.pend)
    let stripped = report.render(colored: true).replacing(/\x1B\[[0-9]+m/, with: "")

    #expect(stripped == report.render(colored: false))
  }

  @Test func aPendedCaseListsEachGapWithWhatToAskBeforeWhatIsMet() throws {
    let text = TerminalReport(report: ReportFixtures.pend).render(colored: false)
    let gaps = try #require(text.range(of: "Gaps (2)"))
    let met = try #require(text.range(of: "Met (2)"))

    #expect(text.contains("PEND Guideline 1756 (Sacroiliac joint injections)"))
    #expect(text.contains("  NOT DOCUMENTED Provocation tests (§ II.A)"))
    #expect(text.contains("    Ask: Send the examination naming a third positive sacroiliac"))
    #expect(gaps.lowerBound < met.lowerBound)
  }

  @Test func eachGuidelineAppliedIsSummarised() {
    let text = TerminalReport(report: ReportFixtures.twoGuidelines).render(colored: false)

    #expect(text.contains("PEND Guideline 1750 (Epidural spine injections)\n"))
    #expect(
      text.contains("READY Guideline 1751 (Epidural injections and intrathecal drug trials)\n"))
    #expect(text.contains("Request   CPT 62323 · lumbar · L4-5, L5-S1\n"))
  }

  @Test func controlCharactersFromDocumentsNeverReachTheTerminal() {
    var report = ReportFixtures.pend
    report.case = "sij\u{1B}]0;owned\u{07}-014"
    report.documents = [DocumentSummary(name: "a\u{1B}[2Jb.pdf", pageCount: 1)]
    let text = TerminalReport(report: report).render(colored: false)

    #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    #expect(text.contains("a\u{FFFD}[2Jb.pdf: 1 page"))
  }

  @Test func theHeaderGivesRequestAndDates() {
    let text = TerminalReport(report: ReportFixtures.pend).render(colored: false)

    #expect(text.hasPrefix("PendCheck review of case sij-014\n"))
    #expect(text.contains("Request   CPT 27096 · sacroiliac · left\n"))
    #expect(text.contains("Service   03/14/2026 (latest note)\n"))
    #expect(text.contains("Planned   03/28/2026\n"))
  }

  @Test func documentsThatCouldNotBeReadOrNeedOCRAreNamed() {
    let text = TerminalReport(report: ReportFixtures.pend).render(colored: false)

    #expect(text.contains("scan.pdf: could not be read (the file is encrypted)"))
    #expect(text.contains("  pt-discharge.pdf: 2 pages\n    page 2 not read: no text layer\n"))
    #expect(
      text.contains("    page 1 was read by OCR at 62% confidence: verify against the original\n"))
  }

  @Test(arguments: [
    ("one two three four", 12, ["one two", "three four"]),
    ("a verylongwordthatbreaks", 10, ["a", "verylongwo", "rdthatbrea", "ks"]),
    ("", 10, [""]),
  ])
  func wrappingBreaksBetweenWordsAndSplitsOverlongOnes(
    text: String, width: Int, lines: [String]
  ) {
    #expect(TerminalWriter.wrap(text, width: width) == lines)
  }
}

@Suite struct TerminalColorTests {
  @Test(
    arguments: [
      (true, [:], true),
      (false, [:], false),
      (true, ["NO_COLOR": "1"], false),
      (true, ["NO_COLOR": ""], true),
      (false, ["NO_COLOR": "1"], false),
      (true, ["TERM": "dumb"], false),
      (true, ["TERM": "xterm-256color"], true),
    ] as [(Bool, [String: String], Bool)])
  func colourOnlyOnATerminalAndNeverWithNoColor(
    isTerminal: Bool, environment: [String: String], colored: Bool
  ) {
    #expect(TerminalColor.shouldColor(isTerminal: isTerminal, environment: environment) == colored)
  }
}
