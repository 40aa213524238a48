import Matching
import Model
import Testing

/// The numbers of repeat requests: relief percents and how long relief lasted, counts per
/// region, intervals, and the days that join or separate procedures.
struct RepeatThresholdTests {
  static let lumbar = ThresholdTests.lumbar
  static let sij = ThresholdTests.sij
  static let celiac = ThresholdTests.celiac

  static func relief(
    _ facts: [Fact], _ percent: Double, after procedure: ProcedureKind, on date: String,
    days: Double
  ) -> [Fact] {
    facts.without(.relief) + [Note.relief(percent, after: procedure, on: date, days: days)]
  }

  static let facetInitial = FacetTests.secondBlock

  /// Cancer pain and a first diagnostic celiac block on 03/10/2026.
  static let celiacDiagnostic = [
    Note.diagnosis(.cancerPain), Note.prior(.celiacPlexusBlock, on: "2026-03-10"),
  ]

  /// Pancreatitis after failed medication, a celiac block on 12/01/2025 with 60% relief for
  /// three months.
  static func celiacTherapeutic(on date: String = "2025-12-01", days: Double = 90) -> [Fact] {
    [
      Note.pain(7), Note.diagnosis(.chronicPancreatitis),
      Note.therapy(.medication, weeks: 12, outcome: .failed, name: "amitriptyline"),
      Note.prior(.celiacPlexusBlock, on: date),
      Note.relief(60, after: .celiacPlexusBlock, on: date, days: days),
    ]
  }

  /// Percent relief at the threshold and a point below, and relief lasting the days needed
  /// and a day less.
  typealias Lasting = (
    id: String, request: ServiceRequest, facts: [Fact], procedure: ProcedureKind, date: String,
    percent: Double, days: Double
  )
  typealias Percent = (
    id: String, request: ServiceRequest, facts: [Fact], procedure: ProcedureKind, date: String,
    percent: Double
  )

  static let lasting: [Lasting] = [
    (
      "1750.repeat.relief", lumbar, EpiduralInjectionTests.therapeutic,
      ProcedureKind.epiduralInjection, "2025-11-20", 50.0, 60.0
    ),
    (
      "1753.repeat.relief", FacetTests.block, ThresholdTests.therapeuticFacet, .facetInjection,
      "2025-10-01", 50, 60
    ),
    (
      "1754.repeat.relief", FacetTests.ablation, ThresholdTests.repeatDenervation,
      .radiofrequencyAblation, "2025-06-01", 50, 120
    ),
    (
      "1756.repeat.relief", sij, SacroiliacJointInjectionTests.repeatReady,
      .sacroiliacInjection, "2025-12-01", 50, 60
    ),
    (
      "1758.celiac.relief", celiac, celiacTherapeutic(), .celiacPlexusBlock, "2025-12-01", 50,
      90
    ),
  ]

  static let lastingEdges: [Edge] = lasting.flatMap {
    id, request, facts, procedure, date, percent, days in
    edge(
      "\(id) at \(Int(percent))% and \(Int(percent) - 1)%", id, request,
      at: relief(facts, percent, after: procedure, on: date, days: days),
      past: relief(facts, percent - 1, after: procedure, on: date, days: days), .notMet)
      + edge(
        "\(id) for \(Int(days)) and \(Int(days) - 1) days", id, request,
        at: relief(facts, percent, after: procedure, on: date, days: days),
        past: relief(facts, percent, after: procedure, on: date, days: days - 1), .notMet)
  }

  static let percents: [Percent] = [
    (
      "1753.repeat.initialRelief", FacetTests.block, facetInitial,
      ProcedureKind.medialBranchBlock,
      "2026-03-02", 50.0
    ),
    (
      "1756.repeat.initialRelief", sij, SacroiliacCoverage.initialSeries,
      .sacroiliacInjection, "2026-03-10", 50
    ),
    (
      "1754.blockRelief", FacetTests.ablation, FacetTests.denervation, .medialBranchBlock,
      "2026-02-02", 70
    ),
    (
      "1756.dx.relief", sij,
      [Note.pain(7, .current), Note.plan(.surgeryPlanned)], .sacroiliacInjection,
      "2026-02-20", 75
    ),
    (
      "1758.sympathetic.crps.relief", ThresholdTests.sympathetic, ThresholdTests.repeatBlock,
      .lumbarSympatheticBlock, "2026-03-10", 50
    ),
  ]

  static let percentEdges: [Edge] = percents.flatMap {
    id, request, facts, procedure, date, percent in
    edge(
      "\(id) at \(Int(percent))% and \(Int(percent) - 1)%", id, request,
      at: relief(facts, percent, after: procedure, on: date, days: 0.25),
      past: relief(facts, percent - 1, after: procedure, on: date, days: 0.25), .notMet)
  }

  static let blockRelief: [Edge] = edge(
    "1754.blockRelief lasting 89 days and three months", "1754.blockRelief",
    FacetTests.ablation,
    at: relief(FacetTests.denervation, 80, after: .medialBranchBlock, on: "2026-02-02", days: 89),
    past: relief(
      FacetTests.denervation, 80, after: .medialBranchBlock, on: "2026-02-02", days: 90),
    .notMet)

  /// Where relief must last as long as the anesthetic acts, a duration written beside the
  /// percent meets it and none leaves it undocumented.
  static let anestheticDurationEdges: [Edge] = percents.filter {
    ["1754.blockRelief", "1756.dx.relief", "1758.sympathetic.crps.relief"].contains($0.id)
  }.flatMap { id, request, facts, procedure, date, percent in
    edge(
      "\(id) with a duration and with none", id, request,
      at: relief(facts, percent, after: procedure, on: date, days: 0.1),
      past: facts.without(.relief) + [Note.relief(percent, after: procedure, on: date)],
      .notDocumented)
  }

  static let reliefs: [Edge] = lastingEdges + percentEdges + blockRelief + anestheticDurationEdges

  @Test("Relief percents and durations on both sides", arguments: reliefs)
  func reliefThreshold(_ edge: Edge) throws { try edge.check() }

  static func trial(_ device: TrialDevice, _ percent: Double, days: Double? = nil) -> Fact {
    Note.trial(device, percent: percent, days: days, function: true)
  }

  /// Device trials: 50% for a permanent implant, and under 50% for a second drug trial.
  static let trials: [Edge] =
    edge(
      "1757.permanent.trial at 50% and 49%", "1757.permanent.trial", ThresholdTests.lead,
      at: [trial(.spinalCordStimulator, 50, days: 7)],
      past: [trial(.spinalCordStimulator, 49, days: 7)], .notMet)
    + edge(
      "1752.spasticity.trial at 50% and 49%", "1752.spasticity.trial", ThresholdTests.pump,
      at: ImplantCoverage.spasticityFacts.replacing(
        .deviceTrial, with: trial(.intrathecalPump, 50)),
      past: ImplantCoverage.spasticityFacts.replacing(
        .deviceTrial, with: trial(.intrathecalPump, 49)), .notMet)
    + edge(
      "1751.trial.again after a first trial of 49% and 50%", "1751.trial.again",
      EpiduralInjectionTests.trialRequest,
      at: EpiduralInjectionTests.trial.adding(trial(.intrathecalPump, 49)),
      past: EpiduralInjectionTests.trial.adding(trial(.intrathecalPump, 50)), .notMet)

  @Test("Trial results on both sides of 50%", arguments: trials)
  func trialThreshold(_ edge: Edge) throws { try edge.check() }

  static func priors(_ kind: ProcedureKind, _ dates: [String], region: Region? = nil) -> [Fact] {
    dates.map { Note.prior(kind, on: $0, region: region) }
  }

  /// The most procedures allowed, with the requested one: at the limit and one more.
  static let counts: [Edge] =
    edge(
      "1750.repeat.count at four and five in twelve months after the first year",
      "1750.repeat.count", lumbar,
      at: EpiduralInjectionTests.therapeutic
        + priors(.epiduralInjection, ["2024-01-10", "2025-06-15", "2025-09-01"], region: .lumbar),
      past: EpiduralInjectionTests.therapeutic
        + priors(
          .epiduralInjection, ["2024-01-10", "2025-04-01", "2025-06-15", "2025-09-01"],
          region: .lumbar), .notMet)
    + edge(
      "1750.repeat.count with an injection 365 and 364 days before", "1750.repeat.count", lumbar,
      at: EpiduralInjectionTests.therapeutic
        + priors(
          .epiduralInjection, ["2024-01-10", "2025-03-28", "2025-06-15", "2025-09-01"],
          region: .lumbar),
      past: EpiduralInjectionTests.therapeutic
        + priors(
          .epiduralInjection, ["2024-01-10", "2025-03-29", "2025-06-15", "2025-09-01"],
          region: .lumbar), .notMet)
    + edge(
      "1753.repeat.count at four and five in twelve months", "1753.repeat.count",
      FacetTests.block,
      at: ThresholdTests.therapeuticFacet
        + priors(.facetInjection, ["2025-05-01", "2025-07-01"], region: .lumbar),
      past: ThresholdTests.therapeuticFacet
        + priors(.facetInjection, ["2025-05-01", "2025-07-01", "2025-08-01"], region: .lumbar),
      .notMet)
    + edge(
      "1754.repeat.count at two and three in twelve months", "1754.repeat.count",
      FacetTests.ablation, at: ThresholdTests.repeatDenervation,
      past: ThresholdTests.repeatDenervation
        + priors(.radiofrequencyAblation, ["2025-09-01"], region: .lumbar), .notMet)
    + edge(
      "1756.repeat.count at four and five in twelve months", "1756.repeat.count", sij,
      at: SacroiliacJointInjectionTests.repeatReady
        + priors(.sacroiliacInjection, ["2025-06-01", "2025-09-01"], region: .sacroiliac),
      past: SacroiliacJointInjectionTests.repeatReady
        + priors(
          .sacroiliacInjection, ["2025-05-01", "2025-06-01", "2025-09-01"], region: .sacroiliac),
      .notMet)
    + edge(
      "1756.dx.count at two and three diagnostic injections", "1756.dx.count", sij,
      at: [
        Note.pain(7, .current), Note.plan(.surgeryPlanned),
        Note.prior(.sacroiliacInjection, on: "2026-02-20", region: .sacroiliac),
        Note.relief(80, after: .sacroiliacInjection, on: "2026-02-20", days: 0.25),
      ],
      past: [
        Note.pain(7, .current), Note.plan(.surgeryPlanned),
        Note.prior(.sacroiliacInjection, on: "2026-01-20", region: .sacroiliac),
        Note.prior(.sacroiliacInjection, on: "2026-02-20", region: .sacroiliac),
        Note.relief(80, after: .sacroiliacInjection, on: "2026-02-20", days: 0.25),
      ], .notMet)
    + edge(
      "1751.trial.count at two and three trials", "1751.trial.count",
      EpiduralInjectionTests.trialRequest,
      at: EpiduralInjectionTests.trial + priors(.intrathecalTrial, ["2026-01-10"])
        + [Note.trial(.intrathecalPump, percent: 30)],
      past: EpiduralInjectionTests.trial + priors(.intrathecalTrial, ["2025-11-01", "2026-01-10"])
        + [Note.trial(.intrathecalPump, percent: 30)], .notMet)
    + edge(
      "1758.sympathetic.condition.count at six and seven in twelve months",
      "1758.sympathetic.condition.count", ThresholdTests.sympathetic,
      at: SympatheticCoverage.phantomLimb
        + priors(
          .lumbarSympatheticBlock, ["2025-05-01", "2025-07-01", "2025-09-01", "2025-11-01"],
          region: .lowerExtremity) + phantomRelief,
      past: SympatheticCoverage.phantomLimb
        + priors(
          .lumbarSympatheticBlock,
          ["2025-04-01", "2025-05-01", "2025-07-01", "2025-09-01", "2025-11-01"],
          region: .lowerExtremity) + phantomRelief, .notMet)
    + edge(
      "1758.celiac.diagnosticCount at two and three diagnostic blocks",
      "1758.celiac.diagnosticCount", celiac, at: celiacDiagnostic,
      past: celiacDiagnostic + [Note.prior(.celiacPlexusBlock, on: "2026-03-01")], .notMet)
    + edge(
      "1758.celiac.count at four and five in twelve months", "1758.celiac.count", celiac,
      at: celiacTherapeutic() + priors(.celiacPlexusBlock, ["2025-06-01", "2025-09-01"]),
      past: celiacTherapeutic()
        + priors(.celiacPlexusBlock, ["2025-04-01", "2025-06-01", "2025-09-01"]), .notMet)
    + [2, 3].map { count in
      Edge(
        name: "1750.diagnostic.levels with \(count) levels", criterion: "1750.diagnostic.levels",
        request: request(
          "64483", "64484", region: .lumbar,
          levels: Array(["L3-4", "L4-5", "L5-S1"].suffix(count)),
          purpose: "surgicalPlanning"),
        facts: [Note.pain(7), Note.plan(.preoperativeEvaluation)],
        status: count <= 2 ? .met : .notMet)
    }

  /// The higher opening count holds while the first procedure is inside the opening window
  /// (a year of epidurals, twelve weeks of CRPS blocks), with pain dated from its start.
  static let openings: [Edge] =
    [("2025-03-29", CriterionStatus.met), ("2025-03-28", .notMet)].map { first, status in
      Edge(
        name: "1750.repeat.count with the first of six injections on \(first)",
        criterion: "1750.repeat.count", request: lumbar,
        facts: EpiduralInjectionTests.therapeutic
          + priors(
            .epiduralInjection, [first, "2025-06-01", "2025-08-01", "2025-10-01"], region: .lumbar)
          + [Fact(.painDuration(PainDuration(months: 12, onset: day("2025-03-28"))))],
        status: status)
    }
    + [("2026-01-04", CriterionStatus.met), ("2026-01-03", .notMet)].map { first, status in
      Edge(
        name: "1758.sympathetic.crps.count with the first of six blocks on \(first)",
        criterion: "1758.sympathetic.crps.count", request: ThresholdTests.sympathetic,
        facts: ThresholdTests.repeatBlock
          + priors(
            .lumbarSympatheticBlock, [first, "2026-02-01", "2026-02-15", "2026-03-01"],
            region: .lowerExtremity)
          + [Fact(.painDuration(PainDuration(months: 2.3, onset: day("2026-01-03"))))],
        status: status)
    }

  @Test("The opening allowance ends with its window", arguments: openings)
  func openingWindow(_ edge: Edge) throws { try edge.check() }

  /// After another lumbar or sacral injection since the last SIJ injection, one positive
  /// provocation test again is enough; all eight negative are not.
  static let reexamined: [Edge] = [
    ([Note.test(.faber)], CriterionStatus.met),
    (ProvocationTestKind.allCases.filter(\.isSacroiliac).map { Note.test($0, .negative) }, .notMet),
  ].map { tests, status in
    Edge(
      name: "1756.repeat.reexamined with \(tests.count) tests", criterion: "1756.repeat.reexamined",
      request: sij,
      facts: SacroiliacJointInjectionTests.repeatReady
        + [Note.prior(.epiduralInjection, on: "2026-01-15", region: .lumbar)] + tests,
      status: status)
  }

  @Test("One positive test again after another injection", arguments: reexamined)
  func reexaminedAfterAnotherInjection(_ edge: Edge) throws { try edge.check() }

  /// A lumbar sympathetic block on 01/15/2026 with 60% relief.
  static let phantomRelief = [
    Note.prior(.lumbarSympatheticBlock, on: "2026-01-15", region: .lowerExtremity),
    Note.relief(60, after: .lumbarSympatheticBlock, on: "2026-01-15", days: 2),
  ]

  @Test("Counts at their limit and one more", arguments: counts)
  func countThreshold(_ edge: Edge) throws { try edge.check() }
}

/// The least time between procedures, the days that make two procedures one, and the years
/// that start a new episode of care.
struct IntervalThresholdTests {
  static func planned(_ code: String..., on date: String, region: Region? = nil) -> ServiceRequest {
    ServiceRequest(cpt: code, plannedDate: day(date), region: region)
  }

  /// Each interval with the request on the first allowed day and the day before.
  typealias Spacing = (
    id: String, code: String, region: Region?, facts: [Fact], allowed: String, early: String
  )

  static let spacings: [Spacing] = [
    (
      "1750.repeat.initialInterval", "62323", Region.lumbar, EpiduralInjectionTests.initialSeries,
      "2026-03-16", "2026-03-15"
    ),
    (
      "1753.repeat.initialInterval", "64493", .lumbar,
      FacetTests.facet + [
        Note.prior(.facetInjection, on: "2026-03-02", region: .lumbar),
        Note.relief(80, after: .facetInjection, on: "2026-03-02", days: 0.25),
      ], "2026-03-16", "2026-03-15"
    ),
    (
      "1753.repeat.initialInterval", "64493", .lumbar, FacetTests.secondBlock, "2026-03-09",
      "2026-03-08"
    ),
    (
      "1756.repeat.initialInterval", "27096", .sacroiliac, SacroiliacCoverage.initialSeries,
      "2026-03-24", "2026-03-23"
    ),
    (
      "1750.regions", "62323", .lumbar,
      EpiduralInjectionTests.acute + [
        Note.prior(.facetInjection, on: "2026-03-10", region: .cervical)
      ],
      "2026-03-17", "2026-03-16"
    ),
    (
      "1753.regions", "64493", .lumbar,
      FacetTests.facet + [Note.prior(.epiduralInjection, on: "2026-03-10", region: .cervical)],
      "2026-03-17", "2026-03-16"
    ),
    (
      "1758.stellate.interval", "64510", .upperExtremity,
      SympatheticBlockTests.zoster + [
        Note.prior(.epiduralInjection, on: "2026-03-10", region: .cervical)
      ], "2026-03-17", "2026-03-16"
    ),
    (
      "1758.celiac.diagnosticInterval", "64530", .abdomen, RepeatThresholdTests.celiacDiagnostic,
      "2026-03-17", "2026-03-16"
    ),
    (
      "1758.celiac.initialInterval", "64530", .abdomen,
      RepeatThresholdTests.celiacTherapeutic(on: "2026-03-10", days: 2), "2026-03-17",
      "2026-03-16"
    ),
    (
      "1758.celiac.interval", "64530", .abdomen, RepeatThresholdTests.celiacTherapeutic(),
      "2026-03-01", "2026-02-28"
    ),
    (
      "1750.fbss.postOperative", "62323", .lumbar, EpiduralCoverage.failedSurgery(on: "2026-01-01"),
      "2026-04-01", "2026-03-31"
    ),
    (
      "1751.fbss.postOperative", "62323", .lumbar, EpiduralCoverage.failedSurgery(on: "2026-01-01"),
      "2026-04-01", "2026-03-31"
    ),
    (
      "1752.revision.interval", "62362", nil,
      ImplantCoverage.afterInfection(.intrathecalPump).replacing(
        .priorProcedure, with: Note.prior(.deviceRemoval, on: "2026-03-19")),
      "2026-06-11", "2026-06-10"
    ),
    (
      "1757.revision.interval", "63663", nil,
      ImplantCoverage.afterInfection(.spinalCordStimulator).replacing(
        .priorProcedure, with: Note.prior(.deviceRemoval, on: "2026-03-19")),
      "2026-06-11", "2026-06-10"
    ),
  ]

  static let intervals: [Edge] = spacings.flatMap { id, code, region, facts, allowed, early in
    [
      Edge(
        name: "\(id) on \(allowed)", criterion: id,
        request: planned(code, on: allowed, region: region), facts: facts, status: .met),
      Edge(
        name: "\(id) on \(early)", criterion: id,
        request: planned(code, on: early, region: region), facts: facts, status: .notMet),
    ]
  }

  @Test("Intervals on the first allowed day and the day before", arguments: intervals)
  func intervalThreshold(_ edge: Edge) throws { try edge.check() }

  /// Right and left at the same levels within 30 days count as one procedure.
  static let oppositeSides: [Edge] =
    [("2025-05-31", CriterionStatus.met), ("2025-06-01", .notMet)].map { left, status in
      Edge(
        name: "1753.repeat.count with the left side on \(left) after the right on 05/01/2025",
        criterion: "1753.repeat.count", request: FacetTests.block,
        facts: ThresholdTests.therapeuticFacet + [
          Note.prior(.facetInjection, on: "2025-05-01", region: .lumbar, side: .right),
          Note.prior(.facetInjection, on: left, region: .lumbar, side: .left),
          Note.prior(.facetInjection, on: "2025-07-01", region: .lumbar),
        ], status: status)
    }
    + [("2025-07-01", CriterionStatus.met), ("2025-07-02", .notMet)].map { left, status in
      Edge(
        name: "1754.repeat.count with the left side on \(left) after the right on 06/01/2025",
        criterion: "1754.repeat.count", request: FacetTests.ablation,
        facts: FacetTests.denervation + [
          Note.prior(.radiofrequencyAblation, on: "2025-06-01", region: .lumbar, side: .right),
          Note.prior(.radiofrequencyAblation, on: left, region: .lumbar, side: .left),
          Note.relief(70, after: .radiofrequencyAblation, on: left, days: 180),
          Note.therapy(.physicalTherapy, status: .ongoing, outcome: nil),
        ], status: status)
    }

  @Test("Opposite sides within a month count once", arguments: oppositeSides)
  func oppositeSidesCountOnce(_ edge: Edge) throws { try edge.check() }

  /// An earlier epidural exactly two years before the planned date starts a new episode (the
  /// request is a first injection again); a day later it is still a repeat.
  static let episodes: [(prior: String, indication: String)] = [
    ("2024-03-28", "acuteRadicularPain"), ("2024-03-29", "therapeuticEpidural"),
  ]

  @Test("A new episode of care after two years", arguments: episodes)
  func newEpisode(_ example: (prior: String, indication: String)) throws {
    let facts =
      EpiduralInjectionTests.acute + [
        Note.prior(.epiduralInjection, on: example.prior, region: .lumbar)
      ]
    let result = try #require(
      try GuidelineMatcher().evaluate(
        CaseFacts(facts: facts, request: ThresholdTests.lumbar, noteDate: noteDay)
      ).first)
    #expect(result.indication == example.indication)
  }

  /// The initial series ends at its limit (three epidurals, two facet or SIJ injections) and
  /// when relief of 50% has lasted the therapeutic phase's months.
  static let phases: [(name: String, request: ServiceRequest, facts: [Fact], phase: String)] = [
    (
      "a third epidural is still initial", ThresholdTests.lumbar,
      EpiduralInjectionTests.initialSeries
        + [Note.prior(.epiduralInjection, on: "2026-02-10", region: .lumbar)], "initial"
    ),
    (
      "a fourth epidural is therapeutic", ThresholdTests.lumbar,
      EpiduralInjectionTests.initialSeries
        + RepeatThresholdTests.priors(
          .epiduralInjection, ["2026-01-10", "2026-02-10"], region: .lumbar), "therapeutic"
    ),
    (
      "a second medial branch block is still initial", FacetTests.block, FacetTests.secondBlock,
      "initial"
    ),
    (
      "a third facet procedure is therapeutic", FacetTests.block,
      FacetTests.secondBlock
        + [Note.prior(.medialBranchBlock, on: "2026-02-16", region: .lumbar, side: .right)],
      "therapeutic"
    ),
    (
      "a second SIJ injection is still initial", ThresholdTests.sij,
      SacroiliacCoverage.initialSeries, "initial"
    ),
    (
      "a third SIJ injection is therapeutic", ThresholdTests.sij,
      SacroiliacCoverage.initialSeries
        + [Note.prior(.sacroiliacInjection, on: "2026-02-20", region: .sacroiliac)],
      "therapeutic"
    ),
    (
      "50% relief for 60 days makes a second SIJ injection therapeutic", ThresholdTests.sij,
      RepeatThresholdTests.relief(
        SacroiliacCoverage.initialSeries, 50, after: .sacroiliacInjection, on: "2026-03-10",
        days: 60), "therapeutic"
    ),
    (
      "50% relief for 59 days leaves it initial", ThresholdTests.sij,
      RepeatThresholdTests.relief(
        SacroiliacCoverage.initialSeries, 50, after: .sacroiliacInjection, on: "2026-03-10",
        days: 59), "initial"
    ),
    (
      "49% relief for 60 days leaves it initial", ThresholdTests.sij,
      RepeatThresholdTests.relief(
        SacroiliacCoverage.initialSeries, 49, after: .sacroiliacInjection, on: "2026-03-10",
        days: 60), "initial"
    ),
    (
      "an injection 60 days before the planned date is past the initial phase",
      ThresholdTests.sij,
      SacroiliacCoverage.initialSeries.without(.priorProcedure, .relief) + [
        Note.prior(.sacroiliacInjection, on: "2026-01-27", region: .sacroiliac),
        Note.relief(60, after: .sacroiliacInjection, on: "2026-01-27", days: 2),
      ], "therapeutic"
    ),
    (
      "an injection 59 days before is still initial", ThresholdTests.sij,
      SacroiliacCoverage.initialSeries.without(.priorProcedure, .relief) + [
        Note.prior(.sacroiliacInjection, on: "2026-01-28", region: .sacroiliac),
        Note.relief(60, after: .sacroiliacInjection, on: "2026-01-28", days: 2),
      ], "initial"
    ),
  ]

  @Test("Where the initial series ends", arguments: phases)
  func repeatPhase(_ example: (name: String, request: ServiceRequest, facts: [Fact], phase: String))
    throws
  {
    let result = try #require(
      try GuidelineMatcher().evaluate(
        CaseFacts(facts: example.facts, request: example.request, noteDate: noteDay)
      ).first)
    #expect(result.phase == example.phase, "\(example.name)")
  }

  @Test("A diagnosis outside pain with pain of 4/10 is no chemotherapy exclusion")
  func chemotherapyPainEdge() throws {
    for (pain, excluded) in [(4.0, false), (3.0, true)] {
      let result = try #require(
        try GuidelineMatcher().evaluate(
          CaseFacts(
            facts: [Note.diagnosis(.other), Note.pain(pain)],
            request: request("62360", "62350"), noteDate: noteDay)
        ).first { $0.guideline == "1752" })
      #expect((result.determination == .excluded) == excluded, "pain \(pain)")
    }
  }
}
