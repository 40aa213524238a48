import Matching
import Model
import Testing

/// Guideline 1758: each block and cause, the repeat limits and the exclusions.
struct SympatheticBlockTests {
  static let lumbar = request("64520", region: .lowerExtremity, side: .left)
  static let stellate = request("64510", region: .upperExtremity, side: .right)

  static func scenario(
    _ name: String, _ request: ServiceRequest, _ facts: [Fact], _ status: DeterminationStatus,
    _ gaps: [GapFamily] = [], indication: String? = nil
  ) -> Scenario {
    Scenario(
      name: name, guideline: "1758", request: request, facts: facts, status: status, gaps: gaps,
      indication: indication)
  }

  /// CRPS of the leg meeting Budapest, pain 8/10, PT failed and continuing.
  static let crps: [Fact] =
    [
      Note.pain(8), Note.diagnosis(.crps),
      Note.therapy(.physicalTherapy, from: "2026-01-05", status: .ongoing, outcome: .failed),
    ] + Note.budapestMet

  static let zoster: [Fact] = [
    Note.pain(9), Note.diagnosis(.acuteHerpesZoster), Note.lasting(months: 0.5),
    Note.therapy(.medication, status: .ongoing, outcome: nil, name: "valacyclovir"),
  ]

  static let blocks: [Scenario] = [
    scenario(
      "a lumbar block for CRPS is ready", lumbar, crps, .ready, indication: "lumbarSympathetic"),
    scenario(
      "a thoracic block for CRPS is ready", request("64520", region: .thoracic), crps, .ready,
      indication: "thoracicSympathetic"),
    scenario(
      "CRPS without the Budapest criteria pends", lumbar, crps.without(.budapestFinding), .pend,
      [.budapestCriteria]),
    scenario(
      "Budapest signs documented absent are contradicted", lumbar,
      crps.without(.budapestFinding) + [
        Note.budapest(.sensory, .symptom), Note.budapest(.vasomotor, .symptom),
        Note.budapest(.sudomotorEdema, .symptom), Note.budapest(.sensory, .sign),
        Note.budapest(.vasomotor, .sign, false), Note.budapest(.sudomotorEdema, .sign, false),
        Note.budapest(.motorTrophic, .sign, false),
      ], .clinicalReview, [.budapestCriteria]),
    scenario(
      "CRPS without functional restoration pends", lumbar, crps.without(.therapy), .pend,
      [.conservativeCare]),
    scenario(
      "CRPS after restoration that ended pends on ongoing restoration", lumbar,
      crps.replacing(.therapy, with: Note.physicalTherapy), .pend, [.conservativeCare]),
    scenario(
      "bilateral lumbar blocks on one day are contradicted",
      request("64520", region: .lumbar, side: .bilateral), crps, .clinicalReview, [.interval]),
    scenario("no pain documented pends", lumbar, crps.without(.painScore), .pend, [.painSeverity]),
    // 64520 does not include imaging: the documents must plan it, and by a kind 1758 takes.
    scenario(
      "a lumbar block whose guidance no document states pends",
      request("64520", region: .lowerExtremity, side: .left, guidance: nil), crps, .pend,
      [.imagingGuidance]),
    scenario(
      "a lumbar block named in words, with no code and no guidance stated, pends",
      request(
        region: .lowerExtremity, side: .left, service: "lumbar sympathetic block", guidance: nil),
      crps, .pend, [.imagingGuidance]),
    scenario(
      "a lumbar block planned under ultrasound is contradicted",
      request("64520", region: .lowerExtremity, side: .left, guidance: .ultrasound), crps,
      .clinicalReview, [.imagingGuidance]),
    scenario(
      "a lumbar block planned by landmarks is contradicted",
      request("64520", region: .lowerExtremity, side: .left, guidance: .unguided), crps,
      .clinicalReview, [.imagingGuidance]),
    scenario(
      "a stellate block planned under ultrasound is ready",
      request("64510", region: .upperExtremity, side: .right, guidance: .ultrasound), zoster,
      .ready, indication: "stellateGanglion"),
    scenario(
      "a stellate block for zoster is ready", stellate, zoster, .ready,
      indication: "stellateGanglion"),
    scenario(
      "zoster pain of five weeks is contradicted", stellate,
      zoster.replacing(.painDuration, with: Note.lasting(months: 1.2)), .clinicalReview,
      [.painDuration]),
    scenario(
      "zoster without antivirals pends", stellate,
      zoster.replacing(.therapy, with: Note.nsaid), .pend, [.medicationTrial]),
    scenario(
      "a coagulopathy is contradicted", stellate, zoster.adding(Note.risk(.coagulopathy)),
      .clinicalReview, [.contraindication]),
    scenario(
      "a block four days after an epidural is contradicted", stellate,
      zoster.adding(Note.prior(.epiduralInjection, on: "2026-03-24", region: .cervical)),
      .clinicalReview, [.interval]),
    scenario(
      "a lumbar block for cancer pain after failed treatment is ready", lumbar,
      [Note.diagnosis(.cancerPain), Note.therapy(.medication, weeks: 8, name: "morphine")], .ready),
    scenario(
      "a celiac block for pancreatic cancer needs no conservative treatment",
      request("64530", region: .abdomen), [Note.diagnosis(.cancerPain)], .ready,
      indication: "celiacPlexus"),
    scenario(
      "a celiac block for pancreatitis without treatment pends",
      request("64530", region: .abdomen), [Note.pain(7), Note.diagnosis(.chronicPancreatitis)],
      .pend, [.conservativeCare]),
    scenario(
      "a superior hypogastric block for pelvic pain is ready", request("64517"),
      [
        Note.pain(7), Note.diagnosis(.pelvicVisceralPain),
        Note.therapy(.medication, weeks: 12, name: "amitriptyline"),
      ], .ready, indication: "superiorHypogastric"),
    scenario(
      "a ganglion impar block is excluded", request("64517", service: "ganglion impar block"), [],
      .excluded),
    scenario(
      "a sphenopalatine block is excluded without a listed code",
      request("64505", service: "sphenopalatine ganglion block"), [], .excluded),
  ]

  @Test("Sympathetic nerve blocks", arguments: blocks)
  func sympatheticBlock(_ scenario: Scenario) throws { try scenario.check() }

  static let earlier = Note.prior(
    .lumbarSympatheticBlock, on: "2026-03-10", region: .lowerExtremity)

  static let repeats: [Scenario] = [
    scenario(
      "a repeat after 60% relief is ready", lumbar,
      crps + [earlier, Note.relief(60, after: .lumbarSympatheticBlock, on: "2026-03-10", days: 2)],
      .ready, indication: "repeatSympathetic"),
    scenario(
      "a repeat after 40% relief is contradicted", lumbar,
      crps + [earlier, Note.relief(40, after: .lumbarSympatheticBlock, on: "2026-03-10", days: 2)],
      .clinicalReview, [.priorResponse], indication: "repeatSympathetic"),
    scenario(
      "a repeat six days after the last block is contradicted",
      request("64520", planned: "2026-03-16", region: .lowerExtremity),
      crps + [earlier, Note.relief(60, after: .lumbarSympatheticBlock, on: "2026-03-10", days: 2)],
      .clinicalReview, [.interval]),
    scenario(
      "a repeat seven days after the last block is allowed",
      request("64520", planned: "2026-03-17", region: .lowerExtremity),
      crps + [earlier, Note.relief(60, after: .lumbarSympatheticBlock, on: "2026-03-10", days: 2)],
      .ready),
    scenario(
      "a seventh CRPS block in the first twelve weeks is contradicted", lumbar,
      crps
        + ["2026-01-20", "2026-02-01", "2026-02-10", "2026-02-20", "2026-03-01", "2026-03-10"].map {
          Note.prior(.lumbarSympatheticBlock, on: $0, region: .lowerExtremity)
        } + [Note.relief(60, after: .lumbarSympatheticBlock, on: "2026-03-10", days: 2)],
      .clinicalReview, [.frequency]),
    scenario(
      "a sixth CRPS block in the first twelve weeks is allowed", lumbar,
      crps
        + ["2026-02-01", "2026-02-10", "2026-02-20", "2026-03-01", "2026-03-10"].map {
          Note.prior(.lumbarSympatheticBlock, on: $0, region: .lowerExtremity)
        } + [
          Note.relief(60, after: .lumbarSympatheticBlock, on: "2026-03-10", days: 2),
          Fact(.painDuration(PainDuration(months: 1.8, onset: day("2026-01-20")))),
        ], .ready),
    scenario(
      "a sixth CRPS block pends when the first weeks of treatment cannot be dated", lumbar,
      crps
        + ["2026-02-01", "2026-02-10", "2026-02-20", "2026-03-01", "2026-03-10"].map {
          Note.prior(.lumbarSympatheticBlock, on: $0, region: .lowerExtremity)
        } + [Note.relief(60, after: .lumbarSympatheticBlock, on: "2026-03-10", days: 2)], .pend,
      [.frequency]),
    scenario(
      "a therapeutic celiac block within three months is contradicted",
      request("64530", region: .abdomen),
      [
        Note.pain(7), Note.diagnosis(.chronicPancreatitis), Note.therapy(.medication, weeks: 12),
        Note.prior(.celiacPlexusBlock, on: "2025-10-01"),
        Note.prior(.celiacPlexusBlock, on: "2026-01-15"),
        Note.relief(60, after: .celiacPlexusBlock, on: "2026-01-15", days: 90),
      ], .clinicalReview, [.interval]),
  ]

  @Test("Repeat sympathetic blocks", arguments: repeats)
  func repeatBlock(_ scenario: Scenario) throws { try scenario.check() }
}

/// Requests whose region fits none of the block's indications still get a determination.
struct SympatheticRegionTests {
  @Test("A lumbar sympathetic code with a sacral region is still evaluated")
  func unexpectedRegionIsEvaluated() throws {
    let facts = CaseFacts(
      facts: SympatheticBlockTests.crps, request: request("64520", region: .sacral),
      noteDate: noteDay)
    let result = try #require(try GuidelineMatcher().evaluate(facts).first)
    #expect(result.guideline == "1758")
    #expect(result.determination == .ready)
  }
}
