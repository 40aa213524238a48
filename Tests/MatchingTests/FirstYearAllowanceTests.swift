import Matching
import Model
import Testing

/// The higher count a guideline allows at the start of treatment (six epidurals in the first
/// year, six CRPS blocks in the first twelve weeks) holds only from a start the documents
/// date; a series whose beginning is unknown is not granted it.
struct FirstYearAllowanceTests {
  /// Four lumbar epidurals since 05/2025, the last giving 60% relief for three months: with
  /// the requested one, five in twelve months.
  static let fourEarlier: [Fact] =
    EpiduralInjectionTests.therapeutic
    + ["2025-05-01", "2025-08-01", "2025-10-01"].map {
      Note.prior(.epiduralInjection, on: $0, region: .lumbar)
    }

  static func onset(_ iso: String, months: Double) -> Fact {
    Fact(.painDuration(PainDuration(months: months, onset: day(iso))))
  }

  static let starts: [(name: String, facts: [Fact], status: CriterionStatus)] = [
    (
      "pain that began in the year, before the first injection", [onset("2025-04-15", months: 11)],
      .met
    ),
    ("pain lasting eleven months at the visit", [Note.lasting(months: 11)], .met),
    ("no start of treatment documented", [], .notDocumented),
    (
      "a two-week flare that began after the first injection", [Note.lasting(months: 0.5)],
      .notDocumented
    ),
    (
      "pain of three years, treated since an unknown date", [Note.lasting(months: 36)],
      .notDocumented
    ),
    (
      "an earlier course ended by a two-year gap",
      [Note.prior(.epiduralInjection, on: "2022-06-01", region: .lumbar)], .met
    ),
    (
      "an undated earlier injection",
      [Note.prior(.epiduralInjection, on: nil, region: .lumbar)], .notDocumented
    ),
  ]

  @Test("A fifth epidural in twelve months needs the start of treatment dated", arguments: starts)
  func fifthEpidural(_ example: (name: String, facts: [Fact], status: CriterionStatus)) throws {
    let status = try BoundaryTests.status(
      "1750.repeat.count", Self.fourEarlier + example.facts, request("62323", region: .lumbar))
    #expect(status == example.status, "\(example.name)")
  }

  @Test("Within the twelve-month limit the start of treatment does not matter")
  func fourthEpiduralNeedsNoStart() throws {
    let facts =
      EpiduralInjectionTests.therapeutic + [
        Note.prior(.epiduralInjection, on: "2025-08-01", region: .lumbar),
        Note.prior(.epiduralInjection, on: "2025-10-01", region: .lumbar),
      ]
    let status = try BoundaryTests.status(
      "1750.repeat.count", facts, request("62323", region: .lumbar))
    #expect(status == .met)
  }

  /// Earlier cervical epidurals written only as years ("injections in 2023-2024") leave four
  /// dated ones in the last year: the fifth is not assumed to be in the first year.
  static let undatedStart = Scenario(
    name: "earlier injections dated only by year leave the first-year allowance undocumented",
    guideline: "1750",
    request: request("62321", planned: "2026-08-04", region: .cervical, side: .left),
    facts: ["2025-09-09", "2025-11-18", "2026-02-10", "2026-05-12"].map {
      Note.prior(.epiduralInjection, on: $0, region: .cervical)
    } + [
      Note.pain(7), Note.lasting(months: 0.5),
      Note.relief(60, after: .epiduralInjection, on: "2026-05-12", days: 70),
      Note.therapy(.chiropractic, status: .ongoing, outcome: nil),
    ], noteDate: day("2026-07-21"), status: .pend, gaps: [.frequency],
    indication: "therapeuticEpidural")

  @Test("A series whose first year cannot be dated pends on the count")
  func undatedStartPends() throws { try Self.undatedStart.check() }
}

/// A diagnostic request placed before surgery is for surgical planning, whether or not a
/// surgeon has seen the patient yet.
struct DiagnosticPurposeTests {
  static let reasons: [(reason: String, purpose: String?, planning: Bool)] = [
    (
      "Diagnostic nerve root block to sort out the pain generator before any surgical discussion.",
      "diagnostic", true
    ),
    ("Diagnostic selective nerve root block for surgical planning.", nil, true),
    ("Diagnostic TFESI prior to planned L5-S1 decompression surgery.", nil, true),
    ("Diagnostic block ahead of the operation the surgeon is weighing.", "diagnostic", true),
    ("Diagnostic block as part of the preoperative work-up.", nil, true),
    ("Diagnostic block; prior lumbar surgery in 2019.", "diagnostic", false),
    ("Diagnostic injection for pain after failed back surgery.", "diagnostic", false),
    ("Diagnostic injection before physical therapy resumes.", "diagnostic", false),
    ("Therapeutic injection for relief before surgery next month.", nil, false),
  ]

  @Test("A diagnostic request placed before surgery is for surgical planning", arguments: reasons)
  func diagnosticBeforeSurgery(_ example: (reason: String, purpose: String?, planning: Bool))
    throws
  {
    let requested = request(
      "64483", region: .lumbar, levels: ["L5-S1"], purpose: example.purpose,
      reason: example.reason)
    let facts = CaseFacts(
      facts: EpiduralInjectionTests.stenosis, request: requested, noteDate: noteDay)
    let result = try #require(try GuidelineMatcher().evaluate(facts).first)
    let planning = result.indication == "diagnosticTransforaminal"
    #expect(planning == example.planning, "\(example.reason)")
  }
}
