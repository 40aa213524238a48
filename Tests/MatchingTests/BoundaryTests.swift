import Matching
import Model
import Testing

/// Each threshold on both sides of its edge, one table per kind of number.
struct BoundaryTests {
  /// A criterion's status on a case, found by its id.
  static func status(_ id: String, _ facts: [Fact], _ request: ServiceRequest) throws
    -> CriterionStatus
  {
    let all = try GuidelineMatcher().evaluate(
      CaseFacts(facts: facts, request: request, noteDate: noteDay))
    let criteria = all.flatMap(\.criteria)
    return try #require(criteria.first { $0.id == id }).status
  }

  static let stellate = request("64510", region: .upperExtremity)

  static let zoster: [(days: Double, status: CriterionStatus)] = [
    (27, .met), (28, .notMet),
  ]

  @Test("Zoster pain must be under four weeks", arguments: zoster)
  func zosterDuration(_ example: (days: Double, status: CriterionStatus)) throws {
    let facts = SympatheticBlockTests.zoster.replacing(
      .painDuration, with: Note.lasting(months: example.days / 30.44))
    #expect(
      try Self.status("1758.stellate.zoster.duration", facts, Self.stellate) == example.status)
  }

  static let medicationWeeks: [(weeks: Double, status: CriterionStatus)] = [
    (12, .met), (11.9, .notDocumented),
  ]

  @Test("A pump for pain needs twelve weeks of pain medication", arguments: medicationWeeks)
  func pumpMedicationWeeks(_ example: (weeks: Double, status: CriterionStatus)) throws {
    let facts = ImplantTests.pumpReady.without(.opioidUse).replacing(
      .therapy, with: Note.therapy(.physicalTherapy, from: "2025-10-01", to: "2026-01-21"),
      Note.therapy(.medication, weeks: example.weeks, status: .ongoing, name: "gabapentin"))
    let status = try Self.status(
      "1752.pain.medication", facts, request("62362", planned: "2026-04-10"))
    #expect(status == example.status)
  }

  static let decolonizationStart: [(start: String, status: CriterionStatus)] = [
    ("2026-03-31", .met), ("2026-04-10", .met), ("2026-03-30", .notMet), ("2026-04-11", .notMet),
  ]

  @Test(
    "Decolonization starts no earlier than 10 days before and not after the procedure",
    arguments: decolonizationStart)
  func decolonizationWindow(_ example: (start: String, status: CriterionStatus)) throws {
    let facts =
      ImplantTests.scsReady + [
        Note.screen(.mrsa, .positive), Note.decolonization(starting: example.start),
      ]
    let status = try Self.status(
      "1757.decolonization", facts, request("63650", planned: "2026-04-10"))
    #expect(status == example.status)
  }

  static let disability: [(score: Double, status: CriterionStatus)] = [
    (20, .met), (19, .notMet),
  ]

  @Test("An ODI score counts as disability from 20%", arguments: disability)
  func odiThreshold(_ example: (score: Double, status: CriterionStatus)) throws {
    let odi = Fact(
      .functionalDisability(
        FunctionalDisability(present: true, instrument: .odi, score: example.score)))
    let facts = FacetTests.facet.replacing(.painScore, with: Note.pain(4)).adding(odi)
    #expect(try Self.status("1753.pain", facts, FacetTests.block) == example.status)
  }

  static let scsDuration: [(months: Double, status: CriterionStatus)] = [
    (6, .met), (5.7, .notDocumented),
  ]

  @Test("A stimulator trial needs six months of pain", arguments: scsDuration)
  func stimulatorPainDuration(_ example: (months: Double, status: CriterionStatus)) throws {
    let facts = ImplantTests.scsReady.replacing(
      .painDuration, with: Note.lasting(months: example.months))
    let status = try Self.status(
      "1757.scs.duration", facts, request("63650", planned: "2026-04-10"))
    #expect(status == example.status)
  }

  static let provocation: [(positives: Int, status: CriterionStatus)] = [
    (3, .met), (2, .notDocumented),
  ]

  @Test("The sacroiliac cluster needs three positive tests", arguments: provocation)
  func provocationCluster(_ example: (positives: Int, status: CriterionStatus)) throws {
    let tests: [ProvocationTestKind] = [.faber, .distraction, .thighThrust]
    let facts =
      SacroiliacJointInjectionTests.ready.without(.provocationTest)
      + tests.prefix(example.positives).map { Note.test($0) }
    let status = try Self.status(
      "1756.sij.provocation", facts, SacroiliacJointInjectionTests.sij)
    #expect(status == example.status)
  }
}
