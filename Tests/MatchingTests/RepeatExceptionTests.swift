import Matching
import Model
import Testing

/// The exceptions the spinal guidelines allow to their repeat rules: six epidurals a year for
/// special circumstances (1750, 1751), a second diagnostic block at another level after one
/// that failed (1753, and 1750's initial phase), and the date of the surgery before an
/// epidural for failed back surgery.
struct RepeatExceptionTests {
  static let lumbar = request("62323", region: .lumbar)

  /// A 72-year-old with lumbar stenosis on MRI who is not a surgical candidate.
  static let circumstances: [Fact] = [
    Note.age(72), Note.plan(.notSurgicalCandidate), Note.imaging(.spinalStenosis),
  ]

  /// Earlier injections after the first year: one in January 2024 opened the episode.
  static func injections(_ dates: [String]) -> [Fact] {
    EpiduralInjectionTests.therapeutic
      + (["2024-01-10"] + dates).map { Note.prior(.epiduralInjection, on: $0, region: .lumbar) }
  }

  static let fifth = injections(["2025-04-01", "2025-06-15", "2025-09-01"])
  static let sixth = injections(["2025-04-01", "2025-05-15", "2025-06-15", "2025-09-01"])
  static let seventh = injections([
    "2025-04-01", "2025-05-15", "2025-06-15", "2025-07-20", "2025-09-01",
  ])

  /// Four earlier injections, all in the last twelve months, with no date for the start of
  /// treatment: only the opening limit or special circumstances would allow a fifth.
  static let fifthOfAnUndatedSeries =
    EpiduralInjectionTests.therapeutic
    + ["2025-05-01", "2025-08-01", "2025-11-01"].map {
      Note.prior(.epiduralInjection, on: $0, region: .lumbar)
    }

  static func epidural(
    _ name: String, _ facts: [Fact], _ status: DeterminationStatus, _ gaps: [GapFamily] = []
  ) -> Scenario {
    Scenario(
      name: name, guideline: "1750", request: lumbar, facts: facts, status: status, gaps: gaps,
      indication: "therapeuticEpidural")
  }

  static let counts: [Scenario] = [
    epidural(
      "a fifth injection with special circumstances is ready", fifth + circumstances, .ready),
    epidural(
      "a sixth injection with special circumstances is ready", sixth + circumstances, .ready),
    epidural(
      "a seventh injection with special circumstances is contradicted", seventh + circumstances,
      .clinicalReview, [.frequency]),
    epidural(
      "a fifth injection without special circumstances is contradicted", fifth, .clinicalReview,
      [.frequency]),
    epidural(
      "a surgical candidate is no special circumstance",
      fifth + circumstances.without(.surgicalPlan), .clinicalReview, [.frequency]),
    epidural(
      "a 64-year-old is not elderly",
      fifth + circumstances.replacing(.patientAge, with: Note.age(64)),
      .clinicalReview, [.frequency]),
    epidural(
      "a 65-year-old is", fifth + circumstances.replacing(.patientAge, with: Note.age(65)), .ready),
    epidural(
      "special circumstances allow a fifth injection whatever the start of treatment",
      fifthOfAnUndatedSeries + circumstances, .ready),
    epidural(
      "without them a fifth injection of an undated series pends on its start",
      fifthOfAnUndatedSeries, .pend, [.frequency]),
    epidural(
      "without stenosis there is no special circumstance",
      fifth + circumstances.without(.imagingFinding), .clinicalReview, [.frequency]),
  ]

  @Test(
    "Six epidurals a year after the first where special circumstances are documented",
    arguments: counts)
  func specialCircumstances(_ scenario: Scenario) throws { try scenario.check() }

  /// A first medial branch block at L4-5 on 03/02/2026 that gave no relief; the request is
  /// for L5-S1.
  static let failedBlock: [Fact] =
    FacetTests.facet + [
      Note.prior(
        .medialBranchBlock, on: "2026-03-02", region: .lumbar, side: .right, levels: ["L4-5"]),
      Note.relief(0, after: .medialBranchBlock, on: "2026-03-02", days: 0.25),
    ]
  static let otherLevel = request("64493", region: .lumbar, side: .right, levels: ["L5-S1"])

  static func facet(
    _ name: String, _ facts: [Fact], _ status: DeterminationStatus, _ gaps: [GapFamily] = [],
    request: ServiceRequest = otherLevel
  ) -> Scenario {
    Scenario(
      name: name, guideline: "1753", request: request, facts: facts, status: status, gaps: gaps,
      indication: "therapeuticFacet")
  }

  static let secondBlocks: [Scenario] = [
    facet(
      "another level with the pain generator in question is ready",
      failedBlock + [Note.uncertainty(.painGenerator)], .ready),
    facet(
      "another level with multilevel pathology is ready",
      failedBlock + [Note.uncertainty(.multilevelPathology)], .ready),
    facet(
      "imaging naming disease at three levels is multilevel pathology",
      failedBlock + [
        Fact(
          .imagingFinding(
            ImagingFinding(finding: .facetArthropathy, levels: ["L3-4", "L4-5", "L5-S1"])))
      ], .ready),
    facet(
      "another level without a question about the generator is contradicted", failedBlock,
      .clinicalReview, [.priorResponse]),
    facet(
      "the same level again is contradicted", failedBlock + [Note.uncertainty(.painGenerator)],
      .clinicalReview, [.priorResponse],
      request: request("64493", region: .lumbar, side: .right, levels: ["L4-5"])),
    facet(
      "a first block with some relief (20%) is no failed block",
      failedBlock.replacing(
        .relief, with: Note.relief(20, after: .medialBranchBlock, on: "2026-03-02", days: 0.25))
        + [Note.uncertainty(.painGenerator)], .clinicalReview, [.priorResponse]),
    facet(
      "unstated levels pend", failedBlock + [Note.uncertainty(.painGenerator)], .pend,
      [.priorResponse], request: request("64493", region: .lumbar, side: .right)),
  ]

  @Test(
    "A second diagnostic facet block at another level after one without relief",
    arguments: secondBlocks)
  func secondDiagnosticBlock(_ scenario: Scenario) throws { try scenario.check() }

  /// An epidural at L4-5 on 03/02/2026 that did not help (10%); the request is for L3-4.
  static let failedEpidural: [Fact] = [
    Note.pain(7),
    Note.prior(.epiduralInjection, on: "2026-03-02", region: .lumbar, levels: ["L4-5"]),
    Note.relief(10, after: .epiduralInjection, on: "2026-03-02", days: 20),
  ]

  static let epiduralRetargets: [Scenario] = [
    Scenario(
      name: "an epidural at another level after one that failed, generator in question, is ready",
      guideline: "1750", request: request("62323", region: .lumbar, levels: ["L3-4"]),
      facts: failedEpidural + [Note.uncertainty(.painGenerator)], status: .ready),
    Scenario(
      name: "an epidural at another level without a reason is contradicted",
      guideline: "1750", request: request("62323", region: .lumbar, levels: ["L3-4"]),
      facts: failedEpidural, status: .clinicalReview, gaps: [.priorResponse]),
    Scenario(
      name: "29% relief is a failed epidural; 30% is not needed for another level",
      guideline: "1750", request: request("62323", region: .lumbar, levels: ["L3-4"]),
      facts: failedEpidural.replacing(
        .relief, with: Note.relief(29, after: .epiduralInjection, on: "2026-03-02", days: 20))
        + [Note.uncertainty(.multilevelPathology)], status: .ready),
  ]

  @Test(
    "An epidural of the initial phase at another level after one that failed",
    arguments: epiduralRetargets)
  func epiduralAtAnotherLevel(_ scenario: Scenario) throws { try scenario.check() }
}
