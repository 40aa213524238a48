import Matching
import Model
import Testing

/// Guidelines 1750 and 1751: the epidural indications, repeats and exclusions.
struct EpiduralInjectionTests {
  static let lumbar = request("62323", region: .lumbar)
  static let transforaminal = request("64483", "64484", region: .lumbar, levels: ["L4-5", "L5-S1"])

  /// Acute radicular pain 8/10 for 6 weeks after 3 weeks of an NSAID.
  static let acute: [Fact] = [
    Note.pain(8), Note.pattern(.radicular), Note.lasting(months: 1.4),
    Note.therapy(.medication, from: "2026-02-16", to: "2026-03-09", name: "naproxen"),
  ]

  /// Stenosis on MRI, 7/10 for a year, 7 weeks of failed PT with an NSAID.
  static let stenosis: [Fact] = [
    Note.pain(7), Note.pattern(.mixed), Note.lasting(months: 12), Note.imaging(.spinalStenosis),
    Note.physicalTherapy, Note.nsaid,
  ]

  static func scenario(
    _ name: String, _ facts: [Fact], _ status: DeterminationStatus, _ gaps: [GapFamily] = [],
    request: ServiceRequest = lumbar, guideline: String = "1750", indication: String? = nil,
    history: [PriorProcedure] = []
  ) -> Scenario {
    Scenario(
      name: name, guideline: guideline, request: request, facts: facts, history: history,
      status: status, gaps: gaps, indication: indication)
  }

  static let initial: [Scenario] = [
    scenario("acute radicular pain is ready", acute, .ready, indication: "acuteRadicularPain"),
    scenario(
      "acute radicular pain is ready under 1751 too", acute, .ready, guideline: "1751",
      indication: "acuteRadicularPain"),
    scenario(
      "one week of treatment pends",
      acute.replacing(.therapy, with: Note.therapy(.medication, weeks: 1, name: "naproxen")), .pend,
      [.conservativeCare]),
    scenario(
      "exactly two weeks of treatment is ready",
      acute.replacing(
        .therapy,
        with: Note.therapy(.medication, from: "2026-02-23", to: "2026-03-09", name: "naproxen")),
      .ready),
    scenario("no pain score pends", acute.without(.painScore), .pend, [.painSeverity]),
    scenario(
      "pain 5/10 without limited function is contradicted",
      acute.replacing(.painScore, with: Note.pain(5)), .clinicalReview, [.painSeverity]),
    scenario(
      "pain exactly 6/10 is enough", acute.replacing(.painScore, with: Note.pain(6)), .ready),
    scenario(
      "the code without imaging guidance is contradicted by the request", acute, .clinicalReview,
      [.imagingGuidance], request: request("62322", region: .lumbar)),
    scenario(
      "stenosis with six weeks of two kinds of treatment is ready", stenosis, .ready,
      indication: "spinalStenosis"),
    scenario(
      "a home program as the only active part pends on the home program, not the course",
      stenosis.replacing(
        .therapy,
        with: Note.therapy(
          .homeExercise, from: "2026-01-10", status: nil, outcome: nil,
          prescribedBy: .physician, followUp: false), Note.nsaid), .pend, [.homeExercise]),
    scenario(
      "a completed home program is its own follow-up",
      stenosis.replacing(
        .therapy,
        with: Note.therapy(
          .homeExercise, from: "2026-01-10", status: .completed, outcome: .failed,
          prescribedBy: .physician), Note.nsaid), .ready),
    scenario(
      "a home program said to be completed but stated not followed up pends",
      stenosis.replacing(
        .therapy,
        with: Note.therapy(
          .homeExercise, from: "2026-01-10", status: .completed, outcome: .failed,
          prescribedBy: .physician, followUp: false), Note.nsaid), .pend, [.homeExercise]),
    scenario(
      "stenosis with only PT pends on the inactive part",
      stenosis.replacing(.therapy, with: Note.physicalTherapy), .pend, [.conservativeCare],
      indication: "spinalStenosis"),
    scenario(
      "stenosis with exactly six weeks of PT is ready",
      stenosis.replacing(
        .therapy, with: Note.therapy(.physicalTherapy, from: "2026-01-05", to: "2026-02-16"),
        Note.nsaid), .ready),
    scenario(
      "stenosis with 41 days of PT pends",
      stenosis.replacing(
        .therapy, with: Note.therapy(.physicalTherapy, from: "2026-01-05", to: "2026-02-15"),
        Note.nsaid), .pend, [.conservativeCare]),
    scenario(
      "PT that ended before the six-month window pends",
      stenosis.replacing(
        .therapy, with: Note.therapy(.physicalTherapy, from: "2025-06-01", to: "2025-08-30"),
        Note.nsaid), .pend, [.conservativeCare]),
    scenario(
      "a home program without follow-up pends on the home program",
      stenosis.replacing(
        .therapy,
        with: Note.therapy(
          .homeExercise, weeks: 8, status: .ongoing, prescribedBy: .physicalTherapist),
        Note.nsaid), .pend, [.homeExercise]),
    scenario(
      "severe stenosis obstructing the canal is contradicted",
      stenosis.adding(Note.imaging(.severeStenosisObstruction)), .clinicalReview,
      [.contraindication]),
    scenario(
      "an active infection is contradicted", stenosis.adding(Note.risk(.systemicInfection)),
      .clinicalReview, [.contraindication]),
    scenario(
      "failed back surgery with treatment and the surgery's date is ready",
      stenosis.replacing(.imagingFinding, with: Note.diagnosis(.failedBackSurgerySyndrome))
        .adding(Note.prior(.spineSurgery, on: "2024-06-10", region: .lumbar)), .ready,
      indication: "failedBackSurgery"),
    scenario(
      "failed back surgery without the surgery's date pends on it",
      stenosis.replacing(.imagingFinding, with: Note.diagnosis(.failedBackSurgerySyndrome))
        .adding(Note.prior(.spineSurgery, on: nil, region: .lumbar)), .pend, [.diagnosis],
      indication: "failedBackSurgery"),
    scenario(
      "failed back surgery with no surgery documented pends on it",
      stenosis.replacing(.imagingFinding, with: Note.diagnosis(.epiduralFibrosis)), .pend,
      [.diagnosis], indication: "failedBackSurgery"),
    scenario(
      "chronic radicular pain without stenosis falls under acute pain and is contradicted",
      stenosis.without(.imagingFinding).replacing(.painPattern, with: Note.pattern(.radicular)),
      .clinicalReview, [.painDuration], indication: "acuteRadicularPain"),
    scenario(
      "a transforaminal block for surgical planning is ready",
      [Note.pain(7), Note.plan(.preoperativeEvaluation)], .ready, request: transforaminal,
      indication: "diagnosticTransforaminal"),
    scenario(
      "three transforaminal levels in one day are contradicted",
      [Note.pain(7), Note.plan(.preoperativeEvaluation)], .clinicalReview, [.frequency],
      request: request(
        "64483", "64484", "64484", region: .lumbar, levels: ["L3-4", "L4-5", "L5-S1"]),
      indication: "diagnosticTransforaminal"),
    scenario(
      "a stated planning purpose without the surgeon's plan pends", [Note.pain(7)], .pend,
      [.surgicalPlanning],
      request: request("64483", region: .lumbar, purpose: "surgicalPlanning")),
    scenario(
      "an epidural and a facet injection on one day are contradicted", stenosis, .clinicalReview,
      [.interval], request: request("62323", "64493", region: .lumbar)),
    scenario(
      "an epidural and a facet injection for a synovial cyst are allowed",
      stenosis.adding(Note.imaging(.synovialCyst)), .ready,
      request: request("62323", "64493", region: .lumbar)),
    scenario(
      "a cervical injection five days earlier is contradicted",
      stenosis.adding(Note.prior(.facetInjection, on: "2026-03-23", region: .cervical)),
      .clinicalReview, [.interval]),
    scenario(
      "a cervical injection seven days earlier is allowed",
      stenosis.adding(Note.prior(.facetInjection, on: "2026-03-21", region: .cervical)), .ready),
    scenario(
      "an intrathecal trial is excluded from 1750", acute, .excluded,
      request: request("62322", service: "intrathecal morphine trial")),
    scenario(
      "post-operative pain control is excluded", acute, .excluded,
      request: request("62323", service: "epidural for post-operative pain control")),
    scenario(
      "a form's reason of post-operative pain control is excluded", acute, .excluded,
      request: request(
        "62323", service: "caudal epidural steroid injection",
        reason: "post-operative pain control after L4-5 laminectomy")),
    scenario(
      "acute postprocedural pain coded G89.18 is excluded",
      acute.adding(Note.diagnosis(.other, icd10: "G89.18")), .excluded),
    scenario(
      "a spinal anesthetic for a knee replacement is excluded", acute, .excluded,
      request: request("62322", reason: "spinal anesthesia for right total knee arthroplasty")),
    scenario(
      "a reason that names the pain to treat is no exclusion", acute, .ready,
      request: request("62323", reason: "acute L5 radiculopathy after a lifting injury")),
    scenario(
      "chronic pain coded G89.29 is no exclusion",
      acute.adding(Note.diagnosis(.other, icd10: "G89.29")), .ready),
  ]

  /// An epidural on 11/20/2025 that gave 60% relief for 3 months; pain is back at 7/10 and
  /// a home program continues.
  static let therapeutic: [Fact] = [
    Note.pain(7, .current), Note.prior(.epiduralInjection, on: "2025-11-20", region: .lumbar),
    Note.relief(60, after: .epiduralInjection, on: "2025-11-20", days: 90),
    Note.therapy(.homeExercise, status: .ongoing, outcome: nil, prescribedBy: .physician),
  ]

  /// A second injection of the initial series, four weeks after the first.
  static let initialSeries: [Fact] = [
    Note.pain(7), Note.prior(.epiduralInjection, on: "2026-03-02", region: .lumbar),
    Note.relief(40, after: .epiduralInjection, on: "2026-03-02", days: 20),
  ]

  static let repeats: [Scenario] = [
    scenario(
      "a second injection of the initial series within two weeks is contradicted",
      initialSeries, .clinicalReview, [.interval],
      request: request("62323", planned: "2026-03-15", region: .lumbar)),
    scenario(
      "an earlier injection four months ago is past the initial series",
      therapeutic.replacing(
        .relief, with: Note.relief(40, after: .epiduralInjection, on: "2025-11-20", days: 20)),
      .clinicalReview, [.priorResponse]),
    scenario(
      "a therapeutic epidural is ready", therapeutic, .ready, indication: "therapeuticEpidural"),
    scenario(
      "a history from intake makes it a repeat",
      therapeutic.without(.priorProcedure), .ready, indication: "therapeuticEpidural",
      history: [
        PriorProcedure(procedure: .epiduralInjection, date: day("2025-11-20"), region: .lumbar)
      ]),
    scenario(
      "relief of 40% is enough in the initial phase",
      initialSeries.replacing(
        .relief, with: Note.relief(40, after: .epiduralInjection, on: "2026-03-02", days: 20)),
      .ready),
    scenario(
      "relief of 29% is contradicted in the initial phase",
      initialSeries.replacing(
        .relief, with: Note.relief(29, after: .epiduralInjection, on: "2026-03-02", days: 20)),
      .clinicalReview, [.priorResponse]),
    scenario(
      "relief of 30% is enough in the initial phase",
      initialSeries.replacing(
        .relief, with: Note.relief(30, after: .epiduralInjection, on: "2026-03-02", days: 20)),
      .ready),
    scenario(
      "no relief documented pends", therapeutic.without(.relief), .pend, [.priorResponse]),
    scenario(
      "a therapeutic repeat without ongoing treatment pends",
      therapeutic.without(.therapy), .pend, [.conservativeCare]),
    scenario(
      "a seventh injection in the first year is contradicted",
      therapeutic
        + ["2025-04-01", "2025-05-01", "2025-06-01", "2025-08-01", "2025-10-01"].map {
          Note.prior(.epiduralInjection, on: $0, region: .lumbar)
        }, .clinicalReview, [.frequency]),
    scenario(
      "a sixth injection in the first year of treatment is allowed",
      therapeutic
        + ["2025-05-01", "2025-06-01", "2025-08-01", "2025-10-01"].map {
          Note.prior(.epiduralInjection, on: $0, region: .lumbar)
        } + [Fact(.painDuration(PainDuration(months: 11, onset: day("2025-04-10"))))], .ready),
    scenario(
      "a sixth injection pends when the start of treatment is not documented",
      therapeutic
        + ["2025-05-01", "2025-06-01", "2025-08-01", "2025-10-01"].map {
          Note.prior(.epiduralInjection, on: $0, region: .lumbar)
        }, .pend, [.frequency]),
    scenario(
      "a fifth injection in twelve months after the first year is contradicted",
      therapeutic
        + ["2024-01-10", "2025-04-01", "2025-06-15", "2025-09-01"].map {
          Note.prior(.epiduralInjection, on: $0, region: .lumbar)
        }, .clinicalReview, [.frequency]),
    scenario(
      "spine surgery after the last injection starts a new episode",
      stenosis + [
        Note.prior(.epiduralInjection, on: "2025-06-01", region: .lumbar),
        Note.prior(.spineSurgery, on: "2025-09-01", region: .lumbar),
      ], .ready, indication: "spinalStenosis"),
  ]

  @Test("Initial epidural indications and exclusions", arguments: initial)
  func initialEpidural(_ scenario: Scenario) throws { try scenario.check() }

  @Test("Repeat epidural injections", arguments: repeats)
  func repeatEpidural(_ scenario: Scenario) throws { try scenario.check() }

  /// Twelve weeks of failed PT and medication, current opioids.
  static let trial: [Fact] = [
    Note.pain(8), Note.therapy(.physicalTherapy, from: "2025-10-01", to: "2026-01-15"),
    Note.therapy(.medication, weeks: 30, status: .ongoing, name: "oxycodone"),
    Note.opioids(.current, weeks: 30),
  ]
  static let trialRequest = request("62322", purpose: "trial")

  static let trials: [Scenario] = [
    scenario(
      "an intrathecal trial for pain is ready", trial, .ready, request: trialRequest,
      guideline: "1751", indication: "intrathecalTrialPain"),
    scenario(
      "an opioid-naive patient is contradicted",
      trial.without(.opioidUse).replacing(.therapy, with: Note.physicalTherapy).adding(
        Note.opioids(.naive)),
      .clinicalReview, [.conservativeCare, .medicationTrial], request: trialRequest,
      guideline: "1751"),
    scenario(
      "eight weeks of treatment pends",
      trial.replacing(.therapy, with: Note.therapy(.physicalTherapy, weeks: 8)), .pend,
      [.conservativeCare], request: trialRequest, guideline: "1751"),
    scenario(
      "a second trial after a first with 40% relief is ready",
      trial.adding(Note.trial(.intrathecalPump, percent: 40)), .ready, request: trialRequest,
      guideline: "1751"),
    scenario(
      "a second trial after a first with 60% relief is contradicted",
      trial.adding(Note.trial(.intrathecalPump, percent: 60)), .clinicalReview, [.deviceTrial],
      request: trialRequest, guideline: "1751"),
    scenario(
      "a second trial after a 60% trial with intolerable side effects is ready",
      trial.adding(Note.trial(.intrathecalPump, percent: 60, intolerable: true)), .ready,
      request: trialRequest, guideline: "1751"),
    scenario(
      "a third trial is contradicted",
      trial + [
        Note.prior(.intrathecalTrial, on: "2025-11-01"),
        Note.prior(.intrathecalTrial, on: "2026-01-10"),
        Note.trial(.intrathecalPump, percent: 30),
      ], .clinicalReview, [.frequency], request: trialRequest, guideline: "1751"),
    scenario(
      "a spasticity trial named by the diagnosis is ready",
      [
        Note.diagnosis(.multipleSclerosis), Note.disability(),
        Note.therapy(.medication, weeks: 20, status: .ongoing, name: "baclofen"),
      ], .ready, request: request("62322"), guideline: "1751",
      indication: "intrathecalTrialSpasticity"),
    scenario(
      "a spasticity trial without documented function pends",
      [
        Note.diagnosis(.intractableSpasticity),
        Note.therapy(.medication, weeks: 20, status: .ongoing, name: "baclofen"),
      ], .pend, [.painSeverity], request: request("62322"), guideline: "1751"),
  ]

  @Test("Intrathecal drug trials under 1751", arguments: trials)
  func intrathecalTrial(_ scenario: Scenario) throws { try scenario.check() }
}

/// Prior procedures from the documents, from intake's history and implied by relief.
struct PriorProcedureTests {
  static let dates = ["2025-05-01", "2025-06-01", "2025-08-01", "2025-10-01", "2025-11-20"]

  static func count(facts: [Fact], history: [PriorProcedure]) throws -> CriterionStatus {
    let all = try GuidelineMatcher().evaluate(
      CaseFacts(
        facts: facts + EpiduralInjectionTests.therapeutic.without(.priorProcedure) + [
          Fact(.painDuration(PainDuration(months: 11, onset: day("2025-04-10"))))
        ],
        request: request("62323", region: .lumbar), noteDate: noteDay, history: history))
    let criteria = try #require(all.first).criteria
    return try #require(criteria.first { $0.id == "1750.repeat.count" }).status
  }

  @Test("A history entry repeating a documented procedure within three days counts once")
  func historyDuplicatesCountOnce() throws {
    let documented = Self.dates.map { Note.prior(.epiduralInjection, on: $0, region: .lumbar) }
    let repeated = PriorProcedure(
      procedure: .epiduralInjection, date: day("2025-06-02"), region: .lumbar)
    #expect(try Self.count(facts: documented, history: [repeated]) == .met)
  }

  @Test("A history entry on another date counts")
  func historyOnAnotherDateCounts() throws {
    let documented = Self.dates.map { Note.prior(.epiduralInjection, on: $0, region: .lumbar) }
    let another = PriorProcedure(
      procedure: .epiduralInjection, date: day("2025-07-01"), region: .lumbar)
    #expect(try Self.count(facts: documented, history: [another]) == .notMet)
  }

  @Test("Relief after an unlisted injection makes the request a repeat")
  func reliefImpliesPriorProcedure() throws {
    let facts = CaseFacts(
      facts: EpiduralInjectionTests.therapeutic.without(.priorProcedure),
      request: request("62323", region: .lumbar), noteDate: noteDay)
    #expect(try GuidelineMatcher().evaluate(facts).first?.indication == "therapeuticEpidural")
  }
}
