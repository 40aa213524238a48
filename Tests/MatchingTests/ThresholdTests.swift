import Matching
import Model
import Testing

/// One side of one threshold: a case at the edge and what the criterion comes to there.
struct Edge: Sendable, CustomTestStringConvertible {
  let name: String
  let criterion: String
  let request: ServiceRequest
  let facts: [Fact]
  let status: CriterionStatus

  var testDescription: String { name }

  func check() throws {
    let results = try GuidelineMatcher().evaluate(
      CaseFacts(facts: facts, request: request, noteDate: noteDay))
    let found = results.flatMap(\.criteria).first { $0.id == criterion }
    let result = try #require(found, "\(name): \(results.map(\.indication))")
    #expect(result.status == status, "\(name): \(result.reason)")
  }
}

/// Both sides of an edge: the case at the threshold and the case just past it.
func edge(
  _ name: String, _ criterion: String, _ request: ServiceRequest,
  at: [Fact], _ atStatus: CriterionStatus = .met, past: [Fact], _ pastStatus: CriterionStatus
) -> [Edge] {
  [
    Edge(
      name: "\(name): at the edge", criterion: criterion, request: request, facts: at,
      status: atStatus),
    Edge(
      name: "\(name): past it", criterion: criterion, request: request, facts: past,
      status: pastStatus),
  ]
}

/// Every number the guideline definitions hold, each on both sides of its edge, one table
/// per kind of number. (BoundaryTests holds the first six: zoster weeks, pump medication
/// weeks, decolonization days, ODI, stimulator pain months, provocation tests.)
struct ThresholdTests {
  static let lumbar = request("62323", region: .lumbar)
  static let lead = ImplantTests.lead
  static let pump = ImplantTests.pump
  static let sij = SacroiliacJointInjectionTests.sij
  static let sympathetic = SympatheticBlockTests.lumbar
  static let celiac = request("64530", region: .abdomen)

  static func pain(_ facts: [Fact], _ context: PainContext = .average, _ value: Double) -> [Fact] {
    facts.without(.painScore, .functionalDisability) + [Note.pain(value, context)]
  }

  /// An average pain of 6/10 is enough, 5/10 without limited function is not (a current score
  /// below the level only leaves the average undocumented).
  static let painRows:
    [(id: String, request: ServiceRequest, facts: [Fact], context: PainContext)] = [
      ("1750.pain", lumbar, EpiduralInjectionTests.acute, PainContext.average),
      ("1751.pain", lumbar, EpiduralInjectionTests.acute, .average),
      (
        "1751.trial.pain", EpiduralInjectionTests.trialRequest, EpiduralInjectionTests.trial,
        .average
      ),
      ("1752.pain.pain", pump, ImplantTests.pumpReady, .average),
      ("1753.pain", FacetTests.block, FacetTests.facet, .average),
      ("1754.pain", FacetTests.ablation, FacetTests.denervation, .average),
      ("1756.sij.pain", sij, SacroiliacJointInjectionTests.ready, .average),
      ("1757.scs.pain", lead, ImplantTests.scsReady, .average),
      ("1758.pain", sympathetic, SympatheticBlockTests.crps, .average),
      ("1750.repeat.pain", lumbar, EpiduralInjectionTests.therapeutic, .average),
      ("1753.repeat.pain", FacetTests.block, therapeuticFacet, .average),
      ("1754.continuing", FacetTests.ablation, FacetTests.denervation, .average),
      ("1754.repeat.pain", FacetTests.ablation, repeatDenervation, .average),
      ("1756.repeat.pain", sij, SacroiliacJointInjectionTests.repeatReady, .average),
      ("1756.dx.pain", sij, [Note.plan(.preoperativeEvaluation)], .average),
      ("1758.continuing", sympathetic, repeatBlock, .average),
    ]

  static let painScores: [Edge] = painRows.flatMap { id, request, facts, context in
    edge(
      "\(id) at 6/10 and 5/10", id, request, at: pain(facts, context, 6),
      past: pain(facts, context, 5), .notMet)
  }

  @Test("Pain of 6/10 is enough and 5/10 is not", arguments: painScores)
  func painScore(_ edge: Edge) throws { try edge.check() }

  /// An earlier facet injection on 10/01/2025 with 70% relief for two months.
  static let therapeuticFacet =
    FacetTests.facet.replacing(.painScore, with: Note.pain(7, .current)) + [
      Note.prior(.facetInjection, on: "2025-10-01", region: .lumbar),
      Note.relief(70, after: .facetInjection, on: "2025-10-01", days: 60),
      Note.therapy(.physicalTherapy, status: .ongoing, outcome: nil),
    ]

  /// Denervation on 06/01/2025 with 70% relief for six months.
  static let repeatDenervation =
    FacetTests.denervation + [
      Note.prior(.radiofrequencyAblation, on: "2025-06-01", region: .lumbar),
      Note.relief(70, after: .radiofrequencyAblation, on: "2025-06-01", days: 180),
      Note.therapy(.physicalTherapy, status: .ongoing, outcome: nil),
    ]

  /// A lumbar sympathetic block on 03/10/2026 with 60% relief.
  static let repeatBlock =
    SympatheticBlockTests.crps + [
      Note.prior(.lumbarSympatheticBlock, on: "2026-03-10", region: .lowerExtremity),
      Note.relief(60, after: .lumbarSympatheticBlock, on: "2026-03-10", days: 2),
    ]

  static func lasting(_ facts: [Fact], _ months: Double) -> [Fact] {
    facts.replacing(.painDuration, with: Note.lasting(months: months))
  }

  /// Three months of pain is read with a week's rounding (2.75 months); six months likewise;
  /// acute pain is less than three months.
  static let durations: [Edge] =
    [
      ("1753.duration", FacetTests.block, FacetTests.facet),
      ("1754.duration", FacetTests.ablation, FacetTests.denervation),
      ("1756.sij.duration", sij, SacroiliacJointInjectionTests.ready),
    ].flatMap { id, request, facts in
      edge(
        "\(id) at 2.75 and 2.7 months", id, request, at: lasting(facts, 2.75),
        past: lasting(facts, 2.7), .notDocumented)
    }
    + edge(
      "1756.spa.duration at 2.75 and 2.7 months", "1756.spa.duration", sij,
      at: lasting(SacroiliacCoverage.arthritisFacts, 2.75),
      past: lasting(SacroiliacCoverage.arthritisFacts, 2.7), .notDocumented)
    + edge(
      "1757.drg.duration at 5.75 and 5.7 months", "1757.drg.duration", ImplantCoverage.drgLead,
      at: lasting(ImplantCoverage.drgFacts, 5.75), past: lasting(ImplantCoverage.drgFacts, 5.7),
      .notDocumented)
    + edge(
      "1757.scs.duration at 5.75 and 5.7 months", "1757.scs.duration", lead,
      at: lasting(ImplantTests.scsReady, 5.75), past: lasting(ImplantTests.scsReady, 5.7),
      .notDocumented)
    + edge(
      "1750.acute.duration at 2.9 and 3 months", "1750.acute.duration", lumbar,
      at: lasting(EpiduralInjectionTests.acute, 2.9),
      past: lasting(EpiduralInjectionTests.acute, 3), .notMet)

  @Test("Pain durations on both sides of their edges", arguments: durations)
  func painDuration(_ edge: Edge) throws { try edge.check() }

  static func course(_ facts: [Fact], _ therapies: Fact...) -> [Fact] {
    facts.without(.therapy) + therapies
  }

  static func pt(weeks: Double) -> Fact { Note.therapy(.physicalTherapy, weeks: weeks) }

  /// Two years of oxycodone that did not help: a long course, but inactive only.
  static let longOpioid = Note.therapy(
    .medication, weeks: 104, status: .ongoing, outcome: .failed, name: "oxycodone")

  /// Two weeks (acute), six weeks in six months, twelve weeks, six months.
  static let courses: [Edge] =
    edge(
      "1750.acute.conservative at 14 and 13 days", "1750.acute.conservative", lumbar,
      at: course(
        EpiduralInjectionTests.acute,
        Note.therapy(.medication, from: "2026-02-23", to: "2026-03-09", name: "naproxen")),
      past: course(
        EpiduralInjectionTests.acute,
        Note.therapy(.medication, from: "2026-02-24", to: "2026-03-09", name: "naproxen")),
      .notDocumented)
    + [
      ("1750.stenosis.conservative", lumbar, EpiduralInjectionTests.stenosis),
      ("1753.conservative", FacetTests.block, FacetTests.facet),
      ("1754.conservative", FacetTests.ablation, FacetTests.denervation),
      ("1756.sij.conservative", sij, SacroiliacJointInjectionTests.ready),
    ].flatMap { id, request, facts in
      edge(
        "\(id) at 6 and 5.9 weeks", id, request, at: course(facts, pt(weeks: 6), Note.nsaid),
        past: course(facts, pt(weeks: 5.9), Note.nsaid), .notDocumented)
    }
    + edge(
      "1750.stenosis.conservative ending on the first day of the six months and the day before",
      "1750.stenosis.conservative", lumbar,
      at: course(
        EpiduralInjectionTests.stenosis,
        Note.therapy(.physicalTherapy, from: "2025-08-10", to: "2025-09-28"), Note.nsaid),
      past: course(
        EpiduralInjectionTests.stenosis,
        Note.therapy(.physicalTherapy, from: "2025-08-09", to: "2025-09-27"), Note.nsaid),
      .notDocumented)
    + edge(
      "1751.trial.conservative at 12 and 11.9 weeks", "1751.trial.conservative",
      EpiduralInjectionTests.trialRequest,
      at: course(EpiduralInjectionTests.trial, pt(weeks: 12), Note.nsaid),
      past: course(EpiduralInjectionTests.trial, pt(weeks: 11.9), Note.nsaid), .notDocumented)
    + edge(
      "1751.trial.conservative with ten weeks of therapy beside two years of opioids, and the"
        + " opioids alone", "1751.trial.conservative", EpiduralInjectionTests.trialRequest,
      at: course(EpiduralInjectionTests.trial, pt(weeks: 10), longOpioid),
      past: course(EpiduralInjectionTests.trial, longOpioid), .notDocumented)
    + edge(
      "1751.trial.conservative with ten weeks of therapy done beside two years of opioids, and"
        + " two weeks of it dropped", "1751.trial.conservative",
      EpiduralInjectionTests.trialRequest,
      at: course(EpiduralInjectionTests.trial, pt(weeks: 10), longOpioid),
      past: course(
        EpiduralInjectionTests.trial,
        Note.therapy(.physicalTherapy, weeks: 2, status: .discontinued, outcome: nil), longOpioid),
      .notDocumented)
    + edge(
      "1752.pain.conservative at 12 and 11.9 weeks", "1752.pain.conservative", pump,
      at: course(
        ImplantTests.pumpReady, pt(weeks: 12),
        Note.therapy(.medication, weeks: 30, status: .ongoing, name: "oxycodone")),
      past: course(
        ImplantTests.pumpReady, pt(weeks: 11.9),
        Note.therapy(.medication, weeks: 30, status: .ongoing, name: "oxycodone")),
      .notDocumented)
    + edge(
      "1752.spasticity.conservative at 12 and 11.9 weeks", "1752.spasticity.conservative", pump,
      at: course(
        ImplantCoverage.spasticityFacts,
        Note.therapy(.medication, weeks: 12, status: .ongoing, name: "baclofen")),
      past: course(
        ImplantCoverage.spasticityFacts,
        Note.therapy(.medication, weeks: 11.9, status: .ongoing, name: "baclofen")),
      .notDocumented)
    + edge(
      "1757.scs.conservative at 180 and 179 days", "1757.scs.conservative", lead,
      at: course(
        ImplantTests.scsReady,
        Note.therapy(.medication, from: "2025-10-12", status: .ongoing, name: "gabapentin")),
      past: course(
        ImplantTests.scsReady,
        Note.therapy(.medication, from: "2025-10-13", status: .ongoing, name: "gabapentin")),
      .notDocumented)

  @Test("Conservative treatment lengths and windows on both sides", arguments: courses)
  func conservativeCourse(_ edge: Edge) throws { try edge.check() }
}

/// Decolonization before a re-implant after the device's infection, which also needs the
/// nasal screen: no earlier than ten days before the procedure.
struct ReimplantDecolonizationTests {
  static let devices: [(number: String, code: String, device: TrialDevice)] = [
    ("1752", "62362", .intrathecalPump), ("1757", "63663", .spinalCordStimulator),
  ]

  static let edges: [Edge] = devices.flatMap { number, code, device in
    [("2026-06-01", CriterionStatus.met), ("2026-05-31", .notMet)].map { start, status in
      Edge(
        name: "\(number).revision.decolonization starting \(start) for 06/11/2026",
        criterion: "\(number).revision.decolonization",
        request: request(code, planned: "2026-06-11"),
        facts: ImplantCoverage.afterInfection(device).replacing(
          .staphScreen, with: Note.screen(.mrsa, .positive)
        ).adding(Note.decolonization(starting: start)), status: status)
    }
  }

  @Test("Decolonization before a re-implant on both sides of ten days", arguments: edges)
  func reimplantDecolonization(_ edge: Edge) throws { try edge.check() }
}
