import Matching
import Model
import Testing

/// What 1752 and 1757 ask of a device revision (a listed reason; after an infection, an
/// infectious-disease consultation and twelve weeks from the removal), and what makes angina
/// refractory enough for a stimulator trial.
struct RevisionAndAnginaTests {
  static let leadRevision = request("63663", planned: "2026-04-10")
  static let pumpReimplant = request("62362", "62350", planned: "2026-04-10")
  static let scsTrial = request("63650", planned: "2026-04-10")

  static let reasons: [Scenario] = [
    ImplantTests.scenario(
      "a lead revision for a migrated lead is ready", "1757", leadRevision,
      [Note.problem(.leadMigration, .spinalCordStimulator)], .ready, indication: "scsRevision"),
    ImplantTests.scenario(
      "a lead revision for a fractured lead is ready", "1757", leadRevision,
      [Note.problem(.malfunction)], .ready, indication: "scsRevision"),
    ImplantTests.scenario(
      "a lead revision for lost coverage is ready", "1757", leadRevision,
      [Note.problem(.lossOfEffect)], .ready, indication: "scsRevision"),
    ImplantTests.scenario(
      "a lead revision with no reason documented pends", "1757", leadRevision, [], .pend,
      [.diagnosis], indication: "scsRevision"),
    ImplantTests.scenario(
      "a stimulator revision for a reason 1757 does not list is contradicted", "1757",
      leadRevision, [Note.problem(.other)], .clinicalReview, [.diagnosis],
      indication: "scsRevision"),
    ImplantTests.scenario(
      "a pump removal the patient asks for is ready", "1752", request("62355"),
      [Note.problem(.patientRequest, .intrathecalPump)], .ready, indication: "pumpReplacement"),
    ImplantTests.scenario(
      "a pump replacement with no reason documented pends", "1752",
      request("62362", purpose: "replacement"), [analysisReport], .pend, [.diagnosis],
      indication: "pumpReplacement"),
  ]

  static let analysisReport = Fact(
    .deviceInterrogation(DeviceInterrogation(device: .intrathecalPump, date: day("2026-03-10"))))

  static let pumpAnalysis: [Scenario] = [
    ImplantTests.scenario(
      "a programmable pump replaced for its battery, with the analysis report, is ready", "1752",
      request("62362", purpose: "replacement"), [Note.problem(.batteryDepletion), analysisReport],
      .ready, indication: "pumpReplacement"),
    ImplantTests.scenario(
      "a programmable pump replaced without the analysis report pends", "1752",
      request("62362", purpose: "replacement"), [Note.problem(.batteryDepletion)], .pend,
      [.other], indication: "pumpReplacement"),
    ImplantTests.scenario(
      "a non-programmable pump needs no analysis report", "1752",
      request("62361", purpose: "replacement"), [Note.problem(.batteryDepletion)], .ready,
      indication: "pumpReplacement"),
  ]

  @Test("A programmable pump's replacement comes with its analysis report", arguments: pumpAnalysis)
  func pumpAnalysisReport(_ scenario: Scenario) throws { try scenario.check() }

  @Test("A revision needs a reason the guideline lists", arguments: reasons)
  func revisionReason(_ scenario: Scenario) throws { try scenario.check() }

  @Test("The reason found is quoted in the criterion's explanation")
  func reasonIsQuoted() throws {
    var migrated = Note.problem(.leadMigration)
    migrated.evidence = [
      Evidence(document: "xray.pdf", page: 1, text: "the left lead has migrated caudally")
    ]
    let result = try Scenario(
      name: "quoted", guideline: "1757", request: Self.leadRevision, facts: [migrated],
      status: .ready
    ).determination()
    let reason = try #require(result.criteria.first { $0.id == "1757.revision.reason" })
    #expect(reason.reason.contains("lead migration"))
    #expect(reason.reason.contains("\"the left lead has migrated caudally\""))
  }

  /// A pump removed 01/02/2026 for infection, an ID consult, a negative screen: a new pump on
  /// 04/10/2026 is 98 days later.
  static let afterInfection: [Fact] = [
    Note.prior(.other, on: "2021-09"), Note.prior(.deviceRemoval, on: "2026-01-02"),
    Note.problem(.infection, .intrathecalPump), Note.infectiousDiseaseConsult(on: "2026-01-03"),
    Note.screen(.mrsa, .negative),
  ]

  /// A 60% SCS trial with function regained, after an infected stimulator came out.
  static let permanentAfterInfection: [Fact] = [
    Note.trial(.spinalCordStimulator, percent: 60, days: 7, function: true),
    Note.problem(.infection, .spinalCordStimulator), Note.prior(.deviceRemoval, on: "2026-01-02"),
    Note.infectiousDiseaseConsult(on: "2026-01-04"),
  ]

  static let infections: [Scenario] = [
    ImplantTests.scenario(
      "a re-implant 14 weeks after an infected pump came out, with an ID consult, is ready",
      "1752", pumpReimplant, afterInfection, .ready, indication: "pumpReplacement"),
    ImplantTests.scenario(
      "a re-implant without an infectious-disease consultation pends", "1752", pumpReimplant,
      afterInfection.without(.consultation), .pend, [.other], indication: "pumpReplacement"),
    ImplantTests.scenario(
      "a re-implant whose infected pump's removal is undated pends", "1752", pumpReimplant,
      afterInfection.replacing(
        .priorProcedure, with: Note.prior(.other, on: "2021-09"),
        Note.prior(.deviceRemoval, on: nil)), .pend, [.interval], indication: "pumpReplacement"),
    ImplantTests.scenario(
      "a re-implant 11 weeks after the removal is contradicted", "1752", pumpReimplant,
      afterInfection.replacing(
        .priorProcedure, with: Note.prior(.other, on: "2021-09"),
        Note.prior(.deviceRemoval, on: "2026-01-23")), .clinicalReview, [.interval],
      indication: "pumpReplacement"),
    ImplantTests.scenario(
      "two earlier pumps without an infection need no consultation or interval", "1752",
      pumpReimplant,
      [
        Note.prior(.other, on: "2019-06"), Note.prior(.other, on: "2026-03-01"),
        Note.problem(.batteryDepletion), analysisReport,
      ], .ready, indication: "pumpReplacement"),
    ImplantTests.scenario(
      "a permanent stimulator 14 weeks after an infected one came out is ready", "1757",
      request("63650", "63685", planned: "2026-04-10"), permanentAfterInfection, .ready,
      indication: "scsPermanent"),
    ImplantTests.scenario(
      "a permanent stimulator after an infection without an ID consult pends", "1757",
      request("63650", "63685", planned: "2026-04-10"),
      permanentAfterInfection.without(.consultation), .pend, [.other],
      indication: "scsPermanent"),
    ImplantTests.scenario(
      "a permanent stimulator 10 weeks after the infected one came out is contradicted", "1757",
      request("63650", "63685", planned: "2026-03-13"), permanentAfterInfection, .clinicalReview,
      [.interval], indication: "scsPermanent"),
  ]

  @Test("After a device infection: a consultation and twelve weeks", arguments: infections)
  func afterDeviceInfection(_ scenario: Scenario) throws { try scenario.check() }

  /// A new device follows the removal of the infected one, so where the removal is not
  /// documented the twelve weeks cannot be shown; a request only to take a device out is not
  /// held to them.
  static let withoutRemoval: [Scenario] = [
    ImplantTests.scenario(
      "a permanent stimulator after an infection with no removal documented pends", "1757",
      request("63650", "63685", planned: "2026-04-10"),
      permanentAfterInfection.without(.priorProcedure), .pend, [.interval],
      indication: "scsPermanent"),
    ImplantTests.scenario(
      "a new pump after an infection with no removal documented pends", "1752", pumpReimplant,
      afterInfection.replacing(.priorProcedure, with: Note.prior(.other, on: "2021-09"))
        .adding(analysisReport), .pend,
      [.interval], indication: "pumpReplacement"),
    ImplantTests.scenario(
      "removing an infected stimulator's electrodes needs no interval", "1757",
      request("63661", planned: "2026-04-10"),
      [
        Note.problem(.infection, .spinalCordStimulator),
        Note.infectiousDiseaseConsult(on: "2026-03-30"), Note.screen(.mrsa, .negative),
      ], .ready, indication: "scsRevision"),
  ]

  @Test(
    "A new device after an infection needs the removal documented; a removal does not",
    arguments: withoutRemoval)
  func afterInfectionWithoutRemoval(_ scenario: Scenario) throws { try scenario.check() }

  static let intervalDays: [(removed: String, status: CriterionStatus)] = [
    ("2026-01-16", .met), ("2026-01-17", .notMet),
  ]

  @Test(
    "Twelve weeks is 84 days from the removal to the new device", arguments: intervalDays)
  func reimplantInterval(_ example: (removed: String, status: CriterionStatus)) throws {
    let facts = Self.afterInfection.replacing(
      .priorProcedure, with: Note.prior(.deviceRemoval, on: example.removed))
    #expect(
      try BoundaryTests.status("1752.revision.interval", facts, Self.pumpReimplant)
        == example.status)
  }

  static func antianginal(_ name: String, weeks: Double? = nil, outcome: TherapyOutcome?)
    -> Fact
  {
    Fact(
      .therapy(
        Therapy(
          modality: .medication, name: name, start: weeks == nil ? day("2025-03-01") : nil,
          weeks: weeks, status: .ongoing, outcome: outcome, drugClass: "antianginal")))
  }

  /// Refractory angina after CABG and PCI, no further revascularization, NYHA III, a year of
  /// failed anti-anginal medication, pain 7/10 for 14 months, a cleared psychologist.
  static let anginaReady: [Fact] = [
    Note.pain(7), Note.lasting(months: 14), Note.diagnosis(.refractoryAngina),
    Note.prior(.coronaryRevascularization, on: "2024-03"),
    Note.plan(.notRevascularizationCandidate), Note.angina(3),
    antianginal("ranolazine", outcome: .failed),
    antianginal("isosorbide mononitrate", outcome: .failed),
    Note.psychology(), Note.screen(.mrsa, .negative),
  ]

  static let angina: [Scenario] = [
    ImplantTests.scenario(
      "a trial for refractory angina is ready", "1757", scsTrial, anginaReady, .ready,
      indication: "scsTrial"),
    ImplantTests.scenario(
      "angina without a documented NYHA class pends", "1757", scsTrial,
      anginaReady.without(.anginaClass), .pend, [.diagnosis], indication: "scsTrial"),
    ImplantTests.scenario(
      "NYHA class II angina is contradicted", "1757", scsTrial,
      anginaReady.replacing(.anginaClass, with: Note.angina(2)), .clinicalReview, [.diagnosis],
      indication: "scsTrial"),
    ImplantTests.scenario(
      "angina without PCI or bypass documented pends", "1757", scsTrial,
      anginaReady.without(.priorProcedure), .pend, [.diagnosis], indication: "scsTrial"),
    ImplantTests.scenario(
      "angina with no word on further revascularization pends", "1757", scsTrial,
      anginaReady.without(.surgicalPlan), .pend, [.surgicalPlanning], indication: "scsTrial"),
    ImplantTests.scenario(
      "anti-anginal medication that is helping pends (and is no failed treatment)", "1757",
      scsTrial,
      anginaReady.replacing(
        .therapy, with: antianginal("ranolazine", outcome: .improved),
        antianginal("isosorbide mononitrate", outcome: nil)), .pend,
      [.medicationTrial, .conservativeCare],
      indication: "scsTrial"),
    ImplantTests.scenario(
      "refractory angina beside another accepted cause is judged by that cause", "1757",
      scsTrial, anginaReady.without(.anginaClass).adding(Note.diagnosis(.radiculopathy)), .ready,
      indication: "scsTrial"),
  ]

  @Test(
    "Refractory angina: after revascularization, no more possible, NYHA III-IV, medication",
    arguments: angina)
  func refractoryAngina(_ scenario: Scenario) throws { try scenario.check() }

  static let nyhaClass: [(grade: Int, status: CriterionStatus)] = [
    (2, .notMet), (3, .met), (4, .met),
  ]

  @Test("Angina must be NYHA class III or IV", arguments: nyhaClass)
  func anginaClassBoundary(_ example: (grade: Int, status: CriterionStatus)) throws {
    let facts = Self.anginaReady.replacing(.anginaClass, with: Note.angina(example.grade))
    #expect(
      try BoundaryTests.status("1757.scs.angina.class", facts, Self.scsTrial) == example.status)
  }

  @Test("A CCS class alone does not stand in for the NYHA class")
  func canadianClassIsNotNYHA() throws {
    let facts = Self.anginaReady.replacing(.anginaClass, with: Note.angina(3, .ccs))
    #expect(
      try BoundaryTests.status("1757.scs.angina.class", facts, Self.scsTrial) == .notDocumented)
  }

  static let medicationLength: [(weeks: Double, status: CriterionStatus)] = [
    (30.0 / 7, .met), (3, .notDocumented),
  ]

  @Test("Anti-anginal medication for at least a month", arguments: medicationLength)
  func anginaMedicationLength(_ example: (weeks: Double, status: CriterionStatus)) throws {
    let facts = Self.anginaReady.replacing(
      .therapy, with: Self.antianginal("ranolazine", weeks: example.weeks, outcome: .failed))
    #expect(
      try BoundaryTests.status("1757.scs.angina.medication", facts, Self.scsTrial)
        == example.status)
  }
}
