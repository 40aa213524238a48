import Matching
import Model
import Testing

/// Guidelines 1752 (infusion pumps) and 1757 (spinal cord and DRG stimulation).
struct ImplantTests {
  static let pump = request("62362", planned: "2026-04-10")
  static let lead = request("63650", planned: "2026-04-10")

  static func scenario(
    _ name: String, _ guideline: String, _ request: ServiceRequest, _ facts: [Fact],
    _ status: DeterminationStatus, _ gaps: [GapFamily] = [], indication: String? = nil
  ) -> Scenario {
    Scenario(
      name: name, guideline: guideline, request: request, facts: facts, status: status, gaps: gaps,
      indication: indication)
  }

  /// Pain 8/10, 16 weeks of failed PT, 30 weeks of opioids, a 70% trial, a cleared
  /// psychologist, a negative MRSA screen.
  static let pumpReady: [Fact] = [
    Note.pain(8), Note.therapy(.physicalTherapy, from: "2025-10-01", to: "2026-01-21"),
    Note.therapy(.medication, weeks: 30, status: .ongoing, name: "oxycodone"),
    Note.opioids(.current, weeks: 30), Note.trial(.intrathecalPump, percent: 70),
    Note.psychology(), Note.screen(.mrsa, .negative),
  ]

  static let pumps: [Scenario] = [
    scenario(
      "a permanent pump for pain is ready", "1752", pump, pumpReady, .ready,
      indication: "permanentPumpPain"),
    scenario(
      "a pump after a 70% trial whose side effects were not tolerated is contradicted", "1752",
      pump,
      pumpReady.replacing(
        .deviceTrial, with: Note.trial(.intrathecalPump, percent: 70, intolerable: true)),
      .clinicalReview, [.deviceTrial]),
    scenario(
      "a pump after a 70% trial with tolerable side effects is ready", "1752", pump,
      pumpReady.replacing(
        .deviceTrial, with: Note.trial(.intrathecalPump, percent: 70, intolerable: false)),
      .ready),
    scenario(
      "a positive MRSA screen without a plan is contradicted", "1752", pump,
      pumpReady.replacing(.staphScreen, with: Note.screen(.mrsa, .positive, on: "2026-03-01")),
      .clinicalReview, [.mrsaDecolonization]),
    scenario(
      "decolonization 10 days before is ready", "1752", pump,
      pumpReady.replacing(.staphScreen, with: Note.screen(.mssa, .positive)).adding(
        Note.decolonization(starting: "2026-03-31")), .ready),
    scenario(
      "decolonization 11 days before is contradicted", "1752", pump,
      pumpReady.replacing(.staphScreen, with: Note.screen(.mssa, .positive)).adding(
        Note.decolonization(starting: "2026-03-30")), .clinicalReview, [.mrsaDecolonization]),
    scenario(
      "decolonization without a start date pends", "1752", pump,
      pumpReady.replacing(.staphScreen, with: Note.screen(.mrsa, .positive)).adding(
        Note.decolonization(starting: nil)), .pend, [.mrsaDecolonization]),
    scenario(
      "eleven weeks of medication pends", "1752", pump,
      pumpReady.without(.opioidUse).replacing(
        .therapy, with: Note.therapy(.physicalTherapy, from: "2025-10-01", to: "2026-01-21"),
        Note.therapy(.medication, weeks: 11, status: .ongoing, name: "gabapentin")),
      .pend, [.medicationTrial]),
    scenario(
      "no trial pends", "1752", pump, pumpReady.without(.deviceTrial), .pend, [.deviceTrial]),
    scenario(
      "a 49% trial is contradicted", "1752", pump,
      pumpReady.replacing(.deviceTrial, with: Note.trial(.intrathecalPump, percent: 49)),
      .clinicalReview, [.deviceTrial]),
    scenario(
      "a 50% trial is enough", "1752", pump,
      pumpReady.replacing(.deviceTrial, with: Note.trial(.intrathecalPump, percent: 50)), .ready),
    scenario(
      "no psychological evaluation pends", "1752", pump, pumpReady.without(.psychEvaluation),
      .pend, [.psychEvaluation]),
    scenario(
      "an evaluation that does not clear is contradicted", "1752", pump,
      pumpReady.replacing(.psychEvaluation, with: Note.psychology(cleared: false)),
      .clinicalReview, [.psychEvaluation]),
    scenario(
      "insufficient body habitus is contradicted", "1752", pump,
      pumpReady.adding(Note.risk(.insufficientBodyHabitus)), .clinicalReview, [.contraindication]),
    scenario(
      "a pump for spasticity is ready", "1752", pump,
      [
        Note.diagnosis(.spinalCordInjury), Note.disability(),
        Note.therapy(.medication, weeks: 20, status: .ongoing, name: "baclofen"),
        Note.trial(.intrathecalPump, percent: 60), Note.psychology(),
      ], .ready, indication: "permanentPumpSpasticity"),
    scenario(
      "a pump replacement for a depleted battery is ready", "1752",
      request("62362", purpose: "replacement"),
      [
        Note.problem(.batteryDepletion),
        Fact(.deviceInterrogation(DeviceInterrogation(device: .intrathecalPump))),
      ], .ready,
      indication: "pumpReplacement"),
    scenario(
      "an earlier implant makes the request a replacement", "1752", request("62362"),
      [
        Note.prior(.other, on: "2019-06"), Note.pain(4, .current), Note.problem(.malfunction),
        Fact(.deviceInterrogation(DeviceInterrogation(device: .intrathecalPump))),
      ], .ready, indication: "pumpReplacement"),
    scenario(
      "a re-implant 10 weeks after removing an infected pump is contradicted", "1752",
      request("62362", planned: "2026-06-11"),
      [
        Note.prior(.other, on: "2021-09"), Note.prior(.deviceRemoval, on: "2026-04-02"),
        Note.screen(.mrsa, .negative), Note.problem(.infection), Note.infectiousDiseaseConsult(),
      ], .clinicalReview, [.interval], indication: "pumpReplacement"),
    scenario(
      "a re-implant without a nasal screen pends", "1752", request("62362", planned: "2026-06-11"),
      [
        Note.prior(.other, on: "2021-09"), Note.prior(.deviceRemoval, on: "2026-01-02"),
        Note.problem(.infection), Note.infectiousDiseaseConsult(on: "2026-01-03"),
      ], .pend, [.mrsaDecolonization], indication: "pumpReplacement"),
    scenario(
      "an intrathecal reservoir for chemotherapy is excluded", "1752", request("62360", "62350"),
      [Note.diagnosis(.other), Note.pain(3)], .excluded),
    scenario(
      "removal with a positive screen and no plan is contradicted", "1752",
      request("62355"), [Note.screen(.staphAureus, .positive), Note.problem(.malfunction)],
      .clinicalReview, [.mrsaDecolonization], indication: "pumpReplacement"),
  ]

  @Test("Implantable infusion pumps", arguments: pumps)
  func infusionPump(_ scenario: Scenario) throws { try scenario.check() }

  /// Failed back surgery, 8/10 for two years, nine months of failed treatment, a cleared
  /// psychologist.
  static let scsReady: [Fact] = [
    Note.pain(8), Note.lasting(months: 24), Note.diagnosis(.failedBackSurgerySyndrome),
    Note.therapy(.physicalTherapy, from: "2025-03-01", to: "2025-05-01"),
    Note.therapy(.medication, from: "2025-03-01", status: .ongoing, name: "gabapentin"),
    Note.psychology(),
  ]

  static let stimulators: [Scenario] = [
    scenario("an SCS trial is ready", "1757", lead, scsReady, .ready, indication: "scsTrial"),
    scenario(
      "five months of pain pends", "1757", lead,
      scsReady.replacing(.painDuration, with: Note.lasting(months: 5)), .pend, [.painDuration]),
    scenario(
      "four months of treatment pends", "1757", lead,
      scsReady.replacing(
        .therapy,
        with: Note.therapy(.medication, from: "2025-12-10", status: .ongoing, name: "gabapentin")),
      .pend, [.conservativeCare]),
    scenario(
      "no psychological evaluation pends", "1757", lead, scsReady.without(.psychEvaluation), .pend,
      [.psychEvaluation]),
    scenario(
      "no qualifying cause pends", "1757", lead, scsReady.without(.diagnosis), .pend, [.diagnosis]),
    scenario(
      "CRPS without the Budapest criteria pends", "1757", lead,
      scsReady.replacing(.diagnosis, with: Note.diagnosis(.crps)), .pend, [.budapestCriteria]),
    scenario(
      "CRPS meeting the Budapest criteria is ready", "1757", lead,
      scsReady.replacing(.diagnosis, with: Note.diagnosis(.crps)) + Note.budapestMet, .ready),
    scenario(
      "a DRG trial named in the request is ready", "1757",
      request(
        "63650", planned: "2026-04-10", region: .lumbar,
        service: "dorsal root ganglion stimulator trial"),
      scsReady.replacing(.diagnosis, with: Note.diagnosis(.crps)) + Note.budapestMet, .ready,
      indication: "drgTrial"),
    scenario(
      "pregnancy is contradicted", "1757", lead, scsReady.adding(Note.risk(.pregnancy)),
      .clinicalReview, [.contraindication]),
    scenario(
      "an MRSA carrier without a plan is contradicted", "1757", lead,
      scsReady.adding(Note.screen(.mrsa, .positive)), .clinicalReview, [.mrsaDecolonization]),
    scenario(
      "a permanent stimulator after a good trial is ready", "1757", lead,
      [Note.trial(.spinalCordStimulator, percent: 60, days: 7, function: true)], .ready,
      indication: "scsPermanent"),
    scenario(
      "a trial of 2 days is contradicted", "1757", lead,
      [Note.trial(.spinalCordStimulator, percent: 60, days: 2, function: true)], .clinicalReview,
      [.deviceTrial]),
    scenario(
      "a trial of 3 days is enough", "1757", request("63685", planned: "2026-04-10"),
      [Note.trial(.spinalCordStimulator, percent: 60, days: 3, function: true)], .ready),
    scenario(
      "a trial without functional gain documented pends", "1757", lead,
      [Note.trial(.spinalCordStimulator, percent: 60, days: 5)], .pend, [.deviceTrial]),
    scenario(
      "a permanent DRG after a DRG trial is ready", "1757", lead,
      [Note.trial(.dorsalRootGanglion, percent: 70, days: 5, function: true)], .ready,
      indication: "drgPermanent"),
    scenario(
      "a generator revision for a painful site is ready", "1757", request("63688"),
      [Note.problem(.painfulSite)], .ready, indication: "scsRevision"),
    scenario(
      "a DRG trial for the upper limb is contradicted", "1757",
      request("63650", planned: "2026-04-10", region: .cervical, service: "DRG trial"),
      scsReady.replacing(.diagnosis, with: Note.diagnosis(.crps)) + Note.budapestMet,
      .clinicalReview, [.diagnosis], indication: "drgTrial"),
  ]

  @Test("Spinal cord and dorsal root ganglion stimulation", arguments: stimulators)
  func stimulator(_ scenario: Scenario) throws { try scenario.check() }
}

/// Which guidelines speak to a pump or catheter code.
struct PumpCodeTests {
  @Test("A reservoir for chemotherapy is excluded under 1751 and 1752")
  func chemotherapyReservoirIsExcludedTwice() throws {
    let facts = CaseFacts(
      facts: [Note.diagnosis(.other), Note.pain(3)], request: request("62360", "62350"),
      noteDate: noteDay)
    let results = try GuidelineMatcher().evaluate(facts)
    #expect(results.map(\.guideline) == ["1751", "1752"])
    #expect(results.allSatisfy { $0.determination == .excluded })
  }

  @Test("A reservoir the request gives chemotherapy as the reason for is excluded twice")
  func reservoirRequestedForChemotherapyIsExcludedTwice() throws {
    var chemotherapy = request("62360", "62350")
    chemotherapy.reason = "Reservoir with catheter for repeated intrathecal chemotherapy."
    let facts = CaseFacts(facts: [Note.pain(3)], request: chemotherapy, noteDate: noteDay)
    let results = try GuidelineMatcher().evaluate(facts)
    #expect(results.map(\.guideline) == ["1751", "1752"])
    #expect(results.allSatisfy { $0.determination == .excluded })
  }

  @Test("A pump for pain is reviewed under 1752 alone")
  func painPumpIsReviewedUnder1752() throws {
    let facts = CaseFacts(
      facts: ImplantTests.pumpReady, request: request("62362", planned: "2026-04-10"),
      noteDate: noteDay)
    #expect(try GuidelineMatcher().evaluate(facts).map(\.guideline) == ["1752"])
  }
}
