import Matching
import Model
import Testing

/// Guideline 1756: each indication ready, pending on each of its gap families, contradicted,
/// and excluded.
struct SacroiliacJointInjectionTests {
  static let sij = request("27096", region: .sacroiliac, side: .left)

  /// Axial pain 7/10 for 8 months, three positive tests, seven weeks of failed PT with an
  /// NSAID, no infection.
  static let ready: [Fact] = [
    Note.pattern(.axial), Note.pain(7), Note.test(.faber), Note.test(.distraction),
    Note.test(.thighThrust), Note.lasting(months: 8), Note.physicalTherapy, Note.nsaid,
    Note.risk(.systemicInfection, false),
  ]

  static func scenario(
    _ name: String, _ facts: [Fact], _ status: DeterminationStatus, _ gaps: [GapFamily] = [],
    request: ServiceRequest = sij, indication: String? = nil
  ) -> Scenario {
    Scenario(
      name: name, guideline: "1756", request: request, facts: facts, status: status, gaps: gaps,
      indication: indication)
  }

  static let jointPain: [Scenario] = [
    scenario("documented joint pain is ready", ready, .ready, indication: "sacroiliacJointPain"),
    scenario("no pain pattern pends", ready.without(.painPattern), .pend, [.painPattern]),
    scenario(
      "radicular pain is contradicted",
      ready.replacing(.painPattern, with: Note.pattern(.radicular)),
      .clinicalReview, [.painPattern]),
    scenario("no pain score pends", ready.without(.painScore), .pend, [.painSeverity]),
    scenario(
      "pain 3/10 is contradicted", ready.replacing(.painScore, with: Note.pain(3)),
      .clinicalReview, [.painSeverity]),
    scenario(
      "pain 5/10 with limited function is ready",
      ready.replacing(.painScore, with: Note.pain(5)).adding(Note.disability()), .ready),
    scenario(
      "two positive tests and the rest untested pends",
      ready.replacing(.provocationTest, with: Note.test(.faber), Note.test(.gaenslen)), .pend,
      [.provocationTests]),
    scenario(
      "two positive tests and six negative is contradicted",
      ready.replacing(
        .provocationTest, with: Note.test(.faber), Note.test(.gaenslen),
        Note.test(.distraction, .negative), Note.test(.compression, .negative),
        Note.test(.sacralThrust, .negative), Note.test(.posteriorShear, .negative),
        Note.test(.yeoman, .negative), Note.test(.thighThrust, .negative)),
      .clinicalReview, [.provocationTests]),
    scenario(
      "straight leg raise does not count as a sacroiliac test",
      ready.replacing(
        .provocationTest, with: Note.test(.faber), Note.test(.gaenslen),
        Note.test(.straightLegRaise)), .pend, [.provocationTests]),
    scenario("no duration pends", ready.without(.painDuration), .pend, [.painDuration]),
    scenario(
      "two months of pain pends until it has lasted three",
      ready.replacing(.painDuration, with: Note.lasting(months: 2)), .pend, [.painDuration]),
    scenario("no treatment pends", ready.without(.therapy), .pend, [.conservativeCare]),
    scenario(
      "three weeks of PT pends",
      ready.replacing(
        .therapy, with: Note.therapy(.physicalTherapy, from: "2026-01-05", to: "2026-01-26"),
        Note.nsaid),
      .pend, [.conservativeCare]),
    scenario(
      "planned PT is not treatment",
      ready.replacing(.therapy, with: Note.therapy(.physicalTherapy, weeks: 6, status: .planned)),
      .pend, [.conservativeCare]),
    scenario(
      "a medical reason PT cannot be done is the escape",
      ready.replacing(
        .therapy, with: Note.therapy(.physicalTherapy, status: .unable, outcome: nil)),
      .ready),
    scenario(
      "PT that relieved the pain is not a failure and pends",
      ready.replacing(
        .therapy,
        with: Note.therapy(
          .physicalTherapy, from: "2026-01-05", to: "2026-02-23", outcome: .improved),
        Note.nsaid),
      .pend, [.conservativeCare]),
    scenario(
      "medication alone lacks the active part",
      ready.replacing(.therapy, with: Note.nsaid), .pend, [.conservativeCare]),
    scenario(
      "an unprescribed home program pends on its elements",
      ready.replacing(
        .therapy, with: Note.therapy(.homeExercise, weeks: 8, followUp: true), Note.nsaid),
      .pend, [.homeExercise]),
    scenario(
      "a prescribed and followed-up home program is ready",
      ready.replacing(
        .therapy,
        with: Note.therapy(.homeExercise, weeks: 8, prescribedBy: .physician, followUp: true),
        Note.nsaid),
      .ready),
    scenario(
      "physical therapy referred but never attended is no active treatment",
      ready.replacing(
        .therapy,
        with: Note.therapy(.physicalTherapy, status: .discontinued, outcome: nil, attended: false),
        Note.nsaid),
      .pend, [.conservativeCare]),
    scenario(
      "beside a never-attended referral, the home program is the active treatment",
      ready.replacing(
        .therapy,
        with: Note.therapy(.physicalTherapy, status: .discontinued, outcome: nil, attended: false),
        Note.therapy(.homeExercise, weeks: 8, prescribedBy: .physician, followUp: false),
        Note.nsaid),
      .pend, [.homeExercise]),
    scenario(
      "a skin infection at the site is contradicted",
      ready.adding(Note.risk(.skinInfectionAtSite)), .clinicalReview, [.contraindication]),
    scenario(
      "several gaps are listed in criterion order",
      ready.without(.therapy, .provocationTest), .pend, [.provocationTests, .conservativeCare]),
  ]

  static let otherIndications: [Scenario] = [
    scenario(
      "spondyloarthritis with sacroiliitis on imaging is ready",
      SpondyloarthritisTests.ready, .ready, indication: "spondyloarthritis"),
    scenario(
      "spondyloarthritis without imaging pends on imaging",
      SpondyloarthritisTests.ready.without(.imagingFinding), .pend, [.imaging],
      indication: "spondyloarthritis"),
    scenario(
      "a diagnostic injection for surgical planning is ready",
      [Note.pain(7, .current), Note.plan(.preoperativeEvaluation)], .ready,
      indication: "sijSurgicalPlanning"),
    scenario(
      "a planning request without the surgeon's plan pends",
      [Note.pain(7, .current)], .pend, [.surgicalPlanning],
      request: request("27096", region: .sacroiliac, purpose: "surgicalPlanning"),
      indication: "sijSurgicalPlanning"),
    scenario(
      "planning after a block with 60% relief is contradicted",
      [
        Note.pain(7, .current), Note.plan(.surgeryPlanned),
        Note.relief(60, after: .sacroiliacInjection, on: "2026-02-20", days: 0.25),
      ], .clinicalReview, [.priorResponse], indication: "sijSurgicalPlanning"),
    scenario(
      "planning after a block with 75% relief is ready",
      [
        Note.pain(7, .current), Note.plan(.surgeryPlanned),
        Note.relief(75, after: .sacroiliacInjection, on: "2026-02-20", days: 0.25),
      ], .ready, indication: "sijSurgicalPlanning"),
    scenario(
      "a sacral lateral branch block is excluded", ready, .excluded,
      request: request("27096", service: "sacral lateral branch block S1-S3")),
    scenario(
      "sacroiliac radiofrequency denervation is excluded", ready, .excluded,
      request: request("27096", service: "SI joint radiofrequency ablation")),
  ]

  /// An earlier injection on 12/01/2025 that gave 70% relief for 75 days, ongoing PT.
  static let repeatReady: [Fact] = [
    Note.pain(7, .current), Note.prior(.sacroiliacInjection, on: "2025-12-01", region: .sacroiliac),
    Note.relief(70, after: .sacroiliacInjection, on: "2025-12-01", days: 75),
    Note.therapy(.physicalTherapy, status: .ongoing, outcome: nil),
  ]

  static let twoEarlier = [
    Note.prior(.sacroiliacInjection, on: "2025-09-01", region: .sacroiliac),
    Note.prior(.sacroiliacInjection, on: "2025-12-01", region: .sacroiliac),
  ]

  static let repeats: [Scenario] = [
    scenario(
      "a therapeutic repeat is ready", repeatReady, .ready, indication: "therapeuticSacroiliac"),
    scenario(
      "a repeat without ongoing active treatment pends",
      repeatReady.replacing(.therapy, with: Note.nsaid), .pend, [.conservativeCare]),
    scenario(
      "a repeat after an epidural needs a positive test again",
      repeatReady.adding(Note.prior(.epiduralInjection, on: "2026-01-15", region: .lumbar)), .pend,
      [.provocationTests]),
    scenario(
      "a repeat after an epidural with a positive FABER is ready",
      repeatReady.adding(
        Note.prior(.epiduralInjection, on: "2026-01-15", region: .lumbar), Note.test(.faber)),
      .ready),
    scenario(
      "relief of 2 months after the second injection is ready",
      twoEarlier + [
        Note.pain(7, .current),
        Note.relief(70, after: .sacroiliacInjection, on: "2025-12-01", days: 60),
        Note.therapy(.physicalTherapy, status: .ongoing, outcome: nil),
      ], .ready),
    scenario(
      "relief of 59 days after the second injection is contradicted",
      twoEarlier + [
        Note.pain(7, .current),
        Note.relief(70, after: .sacroiliacInjection, on: "2025-12-01", days: 59),
        Note.therapy(.physicalTherapy, status: .ongoing, outcome: nil),
      ], .clinicalReview, [.priorResponse]),
    scenario(
      "50% relief is enough",
      twoEarlier + [
        Note.pain(7, .current),
        Note.relief(50, after: .sacroiliacInjection, on: "2025-12-01", days: 90),
        Note.therapy(.physicalTherapy, status: .ongoing, outcome: nil),
      ], .ready),
    scenario(
      "49% relief is not",
      twoEarlier + [
        Note.pain(7, .current),
        Note.relief(49, after: .sacroiliacInjection, on: "2025-12-01", days: 90),
        Note.therapy(.physicalTherapy, status: .ongoing, outcome: nil),
      ], .clinicalReview, [.priorResponse]),
    scenario(
      "a fifth injection in twelve months is contradicted",
      repeatReady
        + ["2025-04-10", "2025-06-15", "2025-09-01"].map {
          Note.prior(.sacroiliacInjection, on: $0, region: .sacroiliac)
        }, .clinicalReview, [.frequency]),
    scenario(
      "a second initial injection within two weeks is contradicted",
      [
        Note.pain(7, .current), Note.prior(.sacroiliacInjection, on: "2026-03-20"),
        Note.relief(60, after: .sacroiliacInjection, on: "2026-03-20", days: 5),
      ], .clinicalReview, [.interval]),
    scenario(
      "a second initial injection after exactly two weeks is ready",
      [
        Note.pain(7, .current), Note.prior(.sacroiliacInjection, on: "2026-03-14"),
        Note.relief(60, after: .sacroiliacInjection, on: "2026-03-14", days: 5),
      ], .ready),
    scenario(
      "an injection more than two years ago starts a new episode",
      ready.adding(Note.prior(.sacroiliacInjection, on: "2023-01-10", region: .sacroiliac)),
      .ready, indication: "sacroiliacJointPain"),
  ]

  @Test("Sacroiliac joint pain", arguments: jointPain)
  func sacroiliacJointPain(_ scenario: Scenario) throws { try scenario.check() }

  @Test("Spondyloarthritis, surgical planning and exclusions", arguments: otherIndications)
  func otherIndication(_ scenario: Scenario) throws { try scenario.check() }

  @Test("Repeat injections", arguments: repeats)
  func repeatInjection(_ scenario: Scenario) throws { try scenario.check() }
}
