import Matching
import Model
import Testing

/// Guidelines 1753 (facet injections and medial branch blocks) and 1754 (denervation).
struct FacetTests {
  static let block = request(
    "64493", "64494", region: .lumbar, side: .right, levels: ["L4-5", "L5-S1"])

  /// Axial pain 7/10 for 6 months, seven weeks of failed PT with an NSAID.
  static let facet: [Fact] = [
    Note.pain(7), Note.pattern(.axial), Note.lasting(months: 6), Note.physicalTherapy, Note.nsaid,
  ]

  static func scenario(
    _ name: String, _ facts: [Fact], _ status: DeterminationStatus, _ gaps: [GapFamily] = [],
    request: ServiceRequest = block, guideline: String = "1753", indication: String? = nil
  ) -> Scenario {
    Scenario(
      name: name, guideline: guideline, request: request, facts: facts, status: status, gaps: gaps,
      indication: indication)
  }

  static let injections: [Scenario] = [
    scenario("axial facet pain is ready", facet, .ready, indication: "facetPain"),
    scenario(
      "radicular pain is contradicted",
      facet.replacing(.painPattern, with: Note.pattern(.radicular)),
      .clinicalReview, [.painPattern], indication: "facetPain"),
    scenario(
      "mixed pain is not mainly axial", facet.replacing(.painPattern, with: Note.pattern(.mixed)),
      .clinicalReview, [.painPattern]),
    scenario("no pain pattern pends", facet.without(.painPattern), .pend, [.painPattern]),
    scenario("no duration pends", facet.without(.painDuration), .pend, [.painDuration]),
    scenario(
      "three months of pain is enough",
      facet.replacing(.painDuration, with: Note.lasting(months: 3)),
      .ready),
    scenario(
      "2.7 months of pain pends",
      facet.replacing(.painDuration, with: Note.lasting(months: 2.7)), .pend, [.painDuration]),
    scenario(
      "ODI of 12% with average pain 3/10 is contradicted",
      facet.replacing(.painScore, with: Note.pain(3)).adding(
        Fact(
          .functionalDisability(FunctionalDisability(present: true, instrument: .odi, score: 12)))),
      .clinicalReview, [.painSeverity]),
    scenario(
      "ODI of 30% with average pain 3/10 is ready",
      facet.replacing(.painScore, with: Note.pain(3)).adding(
        Fact(
          .functionalDisability(FunctionalDisability(present: true, instrument: .odi, score: 30)))),
      .ready),
    scenario(
      "a current score of 4/10 alone pends for the average",
      facet.replacing(.painScore, with: Note.pain(4, .current)), .pend, [.painSeverity]),
    scenario(
      "radicular pain with a disc herniation is not a synovial cyst case",
      facet.replacing(.painPattern, with: Note.pattern(.radicular)).adding(
        Note.imaging(.discHerniation), Note.diagnosis(.radiculopathy)),
      .clinicalReview, [.painPattern, .diagnosis], indication: "facetPain"),
    scenario(
      "only medication pends on the active part", facet.replacing(.therapy, with: Note.nsaid),
      .pend, [.conservativeCare]),
    scenario(
      "a sacroiliac diagnosis is contradicted", facet.adding(Note.diagnosis(.sacroiliacJointPain)),
      .clinicalReview, [.diagnosis]),
    scenario(
      "PT stopped without a reason is not inability",
      facet.replacing(
        .therapy,
        with: Note.therapy(
          .physicalTherapy, from: "2026-01-05", to: "2026-01-19", status: .discontinued),
        Note.nsaid), .pend, [.conservativeCare]),
    scenario(
      "a contrast allergy is contradicted", facet.adding(Note.risk(.contrastAllergy)),
      .clinicalReview, [.contraindication]),
    scenario(
      "radicular pain from a synovial cyst is ready",
      facet.replacing(.painPattern, with: Note.pattern(.radicular)).adding(
        Note.imaging(.synovialCyst)),
      .ready, indication: "facetSynovialCyst"),
    scenario(
      "spondylolysis with a pars defect on imaging is ready",
      facet.adding(Note.diagnosis(.spondylolysis), Note.imaging(.parsDefect)), .ready,
      indication: "spondylolysis"),
    scenario(
      "spondylolysis without imaging pends on imaging",
      facet.adding(Note.diagnosis(.spondylolysis)), .pend, [.imaging], indication: "spondylolysis"),
    scenario(
      "an occipital nerve block is excluded", facet, .excluded,
      request: request("64490", service: "greater occipital nerve block")),
    scenario(
      "S1-S3 lateral branch levels are excluded", facet, .excluded,
      request: request("64493", levels: ["S1", "S2", "S3"])),
    scenario(
      "a C1-2 injection is excluded", facet, .excluded,
      request: request("64490", levels: ["C1-2"])),
  ]

  /// A medial branch block on 03/02/2026 that gave 80% relief for 6 hours.
  static let secondBlock: [Fact] =
    facet + [
      Note.prior(
        .medialBranchBlock, on: "2026-03-02", region: .lumbar, side: .right,
        levels: ["L4-5", "L5-S1"]),
      Note.relief(80, after: .medialBranchBlock, on: "2026-03-02", days: 0.25),
    ]

  static let repeats: [Scenario] = [
    scenario(
      "a confirmatory block after 80% relief is ready", secondBlock, .ready,
      indication: "therapeuticFacet"),
    scenario(
      "a confirmatory block after 40% relief is contradicted",
      secondBlock.replacing(
        .relief, with: Note.relief(40, after: .medialBranchBlock, on: "2026-03-02", days: 0.25)),
      .clinicalReview, [.priorResponse]),
    scenario(
      "a block six days after a medial branch block is contradicted",
      secondBlock, .clinicalReview, [.interval],
      request: request("64493", planned: "2026-03-08", region: .lumbar)),
    scenario(
      "a block seven days after a medial branch block is allowed", secondBlock, .ready,
      request: request("64493", planned: "2026-03-09", region: .lumbar)),
    scenario(
      "the opposite side within a month counts as the same block",
      facet.adding(
        Note.prior(.medialBranchBlock, on: "2026-03-20", region: .lumbar, side: .left)),
      .ready, indication: "facetPain"),
    scenario(
      "a therapeutic facet injection after 2 months of relief is ready",
      facet + [
        Note.prior(.facetInjection, on: "2025-10-01", region: .lumbar),
        Note.relief(70, after: .facetInjection, on: "2025-10-01", days: 60),
        Note.therapy(.physicalTherapy, status: .ongoing, outcome: nil),
      ], .ready, indication: "therapeuticFacet"),
    scenario(
      "a fifth facet procedure in twelve months is contradicted",
      facet
        + ["2025-05-01", "2025-07-01", "2025-09-01", "2025-11-01"].map {
          Note.prior(.facetInjection, on: $0, region: .lumbar)
        } + [
          Note.relief(70, after: .facetInjection, on: "2025-11-01", days: 70),
          Note.therapy(.physicalTherapy, status: .ongoing, outcome: nil),
        ], .clinicalReview, [.frequency]),
  ]

  @Test("Facet joint injections and medial branch blocks", arguments: injections)
  func facetInjection(_ scenario: Scenario) throws { try scenario.check() }

  @Test("Repeat facet injections", arguments: repeats)
  func repeatFacet(_ scenario: Scenario) throws { try scenario.check() }

  static let ablation = request(
    "64635", "64636", region: .lumbar, side: .right, levels: ["L4-5", "L5-S1"])

  /// Two medial branch blocks with 80% relief for 6 hours, pain back at 7/10.
  static let denervation: [Fact] =
    facet.replacing(.painScore, with: Note.pain(7, .current)) + [
      Note.prior(.medialBranchBlock, on: "2026-02-02", region: .lumbar),
      Note.relief(80, after: .medialBranchBlock, on: "2026-02-02", days: 0.25),
    ]

  static func ablationScenario(
    _ name: String, _ facts: [Fact], _ status: DeterminationStatus, _ gaps: [GapFamily] = [],
    request: ServiceRequest = ablation, indication: String? = nil
  ) -> Scenario {
    scenario(name, facts, status, gaps, request: request, guideline: "1754", indication: indication)
  }

  static let denervations: [Scenario] = [
    ablationScenario(
      "denervation after a 80% block is ready", denervation, .ready, indication: "facetDenervation"),
    ablationScenario(
      "70% relief is enough",
      denervation.replacing(.relief, with: Note.relief(70, after: .medialBranchBlock, days: 0.25)),
      .ready),
    ablationScenario(
      "69% relief is contradicted",
      denervation.replacing(.relief, with: Note.relief(69, after: .medialBranchBlock, days: 0.25)),
      .clinicalReview, [.priorResponse]),
    ablationScenario(
      "no block pends", denervation.without(.priorProcedure, .relief), .pend, [.priorResponse]),
    ablationScenario(
      "an intra-articular injection instead of blocks is contradicted",
      denervation.without(.priorProcedure, .relief).adding(
        Note.prior(.facetInjection, on: "2026-02-02"),
        Note.relief(80, after: .facetInjection, days: 30)),
      .clinicalReview, [.priorResponse]),
    ablationScenario(
      "five weeks of PT pends",
      denervation.replacing(
        .therapy, with: Note.therapy(.physicalTherapy, weeks: 5), Note.nsaid),
      .pend, [.conservativeCare]),
    ablationScenario(
      "an unable PT does not excuse 1754's conservative treatment",
      denervation.replacing(
        .therapy, with: Note.therapy(.physicalTherapy, status: .unable, outcome: nil)),
      .pend, [.conservativeCare]),
    ablationScenario(
      "sacroiliac denervation is excluded", denervation, .excluded,
      request: request("64635", service: "radiofrequency ablation of the SI joint lateral branches")
    ),
    ablationScenario(
      "a repeat after 4 months of relief is ready",
      denervation + [
        Note.prior(.radiofrequencyAblation, on: "2025-06-01", region: .lumbar),
        Note.relief(60, after: .radiofrequencyAblation, on: "2025-06-01", days: 120),
      ], .ready, indication: "repeatDenervation"),
    ablationScenario(
      "a repeat after 119 days of relief is contradicted",
      denervation + [
        Note.prior(.radiofrequencyAblation, on: "2025-06-01", region: .lumbar),
        Note.relief(60, after: .radiofrequencyAblation, on: "2025-06-01", days: 119),
      ], .clinicalReview, [.priorResponse]),
    ablationScenario(
      "a third denervation in twelve months is contradicted",
      denervation + [
        Note.prior(.radiofrequencyAblation, on: "2025-05-01", region: .lumbar),
        Note.prior(.radiofrequencyAblation, on: "2025-10-01", region: .lumbar),
        Note.relief(60, after: .radiofrequencyAblation, on: "2025-10-01", days: 150),
      ], .clinicalReview, [.frequency]),
    ablationScenario(
      "right and left within a month count once",
      denervation + [
        Note.prior(.radiofrequencyAblation, on: "2025-05-01", region: .lumbar, side: .right),
        Note.prior(.radiofrequencyAblation, on: "2025-05-20", region: .lumbar, side: .left),
        Note.relief(60, after: .radiofrequencyAblation, on: "2025-05-20", days: 150),
      ], .ready, request: request("64635", region: .lumbar, side: .right)),
  ]

  @Test("Facet joint denervation", arguments: denervations)
  func facetDenervation(_ scenario: Scenario) throws { try scenario.check() }
}
