import Matching
import Model

/// Guideline 1756: spondyloarthritis, surgical planning and repeats.
enum SacroiliacCoverage {
  static let sij = SacroiliacJointInjectionTests.sij

  /// Six months of back pain, PT under way, sacroiliitis on MRI, spondyloarthritis in a
  /// 32-year-old with a positive HLA-B27.
  static let arthritisFacts = SpondyloarthritisTests.ready

  /// A first injection on 03/10/2026 with 60% relief for two days: the initial series.
  static let initialSeries = [
    Note.pain(7, .current), Note.prior(.sacroiliacInjection, on: "2026-03-10", region: .sacroiliac),
    Note.relief(60, after: .sacroiliacInjection, on: "2026-03-10", days: 2),
  ]

  static var scenarios: [Scenario] {
    let arthritis = IndicationCase(
      label: "1756: spondyloarthritis", guideline: "1756", indication: "spondyloarthritis",
      request: sij, facts: arthritisFacts)
    // The guideline asks for sacroiliitis on imaging and a feature, not for the disease to
    // be named.
    let unnamed = IndicationCase(
      label: "1756: sacroiliitis on MRI and HLA-B27 without a named spondyloarthritis",
      guideline: "1756", indication: "spondyloarthritis", request: sij,
      facts: arthritisFacts.without(.diagnosis))
    let planning = IndicationCase(
      label: "1756: a diagnostic injection for surgical planning", guideline: "1756",
      indication: "sijSurgicalPlanning", request: sij,
      facts: [Note.pain(7, .current), Note.plan(.preoperativeEvaluation)])
    let earlier = Note.prior(.sacroiliacInjection, on: "2026-02-20", region: .sacroiliac)
    let repeated = IndicationCase(
      label: "1756: a therapeutic repeat", guideline: "1756", indication: "therapeuticSacroiliac",
      request: sij, facts: SacroiliacJointInjectionTests.repeatReady)
    return [
      arthritis.review(
        "in pregnancy is contradicted", [.contraindication],
        arthritis.facts.adding(Note.risk(.pregnancy))),
      arthritis.pend(
        "without a pain program under way pends", [.conservativeCare],
        arthritis.facts.without(.therapy)),
      // The onset's age stated outright, so only the duration is missing.
      arthritis.pend(
        "with the onset's age but not the duration pends", [.painDuration],
        arthritis.facts.without(.painDuration).adding(Note.age(29, .onset))),
      unnamed.ready(),
      planning.pend(
        "without a pain score pends", [.painSeverity], planning.facts.without(.painScore)),
      planning.pend(
        "after an earlier block whose relief is not documented pends", [.priorResponse],
        planning.facts.adding(earlier)),
      planning.pend(
        "after an earlier block, with no date at all, pends on the count", [.frequency],
        planning.facts.adding(
          earlier, Note.relief(80, after: .sacroiliacInjection, on: "2026-02-20", days: 0.25)),
        undated: true),
      repeated.pend(
        "without a pain score pends", [.painSeverity], repeated.facts.without(.painScore)),
      repeated.pend("without the relief pends", [.priorResponse], repeated.facts.without(.relief)),
      repeated.pend("with no date at all pends on the count", [.frequency], undated: true),
      repeated.pend(
        "four days after an initial-series injection, with no planned date, pends", [.interval],
        initialSeries, request: repeated.unplanned),
    ]
  }
}

/// Guidelines 1752 and 1757: the indications the implant tables leave open.
enum ImplantCoverage {
  static let pump = ImplantTests.pump
  static let lead = ImplantTests.lead
  static let drgLead = request(
    "63650", planned: "2026-04-10", region: .lumbar,
    service: "dorsal root ganglion stimulator trial")

  /// A positive screen with decolonization planned but not yet dated.
  static let undatedDecolonization = [
    Note.screen(.mrsa, .positive), Note.decolonization(starting: nil),
  ]

  /// A spinal cord injury with spasticity limiting function, 20 weeks of baclofen, a 60%
  /// trial and a cleared psychologist.
  static let spasticityFacts: [Fact] = [
    Note.diagnosis(.spinalCordInjury), Note.disability(),
    Note.therapy(.medication, weeks: 20, status: .ongoing, name: "baclofen"),
    Note.trial(.intrathecalPump, percent: 60), Note.psychology(),
  ]

  static var pumps: [Scenario] {
    let painPump = IndicationCase(
      label: "1752: a pump for pain", guideline: "1752", indication: "permanentPumpPain",
      request: pump, facts: ImplantTests.pumpReady)
    let spasticityPump = IndicationCase(
      label: "1752: a pump for spasticity", guideline: "1752",
      indication: "permanentPumpSpasticity", request: pump, facts: spasticityFacts)
    let reimplant = IndicationCase(
      label: "1752: a re-implant after removing an infected pump", guideline: "1752",
      indication: "pumpReplacement", request: request("62362", planned: "2026-06-11"),
      facts: afterInfection(.intrathecalPump))
    return [
      painPump.pend(
        "after eight weeks of PT pends", [.conservativeCare],
        ImplantTests.pumpReady.replacing(
          .therapy, with: Note.therapy(.physicalTherapy, from: "2025-12-01", to: "2026-01-26"),
          Note.therapy(.medication, weeks: 30, status: .ongoing, name: "oxycodone"))),
      painPump.pend(
        "without a pain score pends", [.painSeverity], painPump.facts.without(.painScore)),
      spasticityPump.review(
        "with an insufficient body habitus is contradicted", [.contraindication],
        spasticityPump.facts.adding(Note.risk(.insufficientBodyHabitus))),
      spasticityPump.pend(
        "after eight weeks of baclofen pends", [.conservativeCare],
        spasticityPump.facts.replacing(
          .therapy, with: Note.therapy(.medication, weeks: 8, status: .ongoing, name: "baclofen"))),
      spasticityPump.pend(
        "without the trial pends", [.deviceTrial], spasticityPump.facts.without(.deviceTrial)),
      spasticityPump.pend(
        "with decolonization not yet dated pends", [.mrsaDecolonization],
        spasticityPump.facts + undatedDecolonization),
      spasticityPump.pend(
        "without the limits on function pends", [.painSeverity],
        spasticityPump.facts.without(.functionalDisability)),
      spasticityPump.pend(
        "without the psychological evaluation pends", [.psychEvaluation],
        spasticityPump.facts.without(.psychEvaluation)),
      reimplant.ready(),
      reimplant.pend(
        "six weeks after the removal, with no planned date, pends", [.interval],
        request: reimplant.unplanned),
      reimplant.pend(
        "without an infectious-disease consultation pends", [.other],
        reimplant.facts.without(.consultation)),
      reimplant.pend(
        "without the nasal screen pends", [.mrsaDecolonization],
        reimplant.facts.without(.staphScreen)),
    ]
  }

  /// The first device implanted in 2021, removed for infection on 02/01/2026 after an
  /// infectious-disease consultation, and a negative nasal screen: a new device on 06/11/2026
  /// is 130 days (18 weeks) after the removal, the note of 03/14/2026 six weeks after it.
  static func afterInfection(_ device: TrialDevice) -> [Fact] {
    [
      Note.prior(.other, on: "2021-09"), Note.problem(.infection, device),
      Note.infectiousDiseaseConsult(on: "2026-01-28"), Note.prior(.deviceRemoval, on: "2026-02-01"),
      Note.screen(.mrsa, .negative),
    ]
  }

  /// The SCS trial's case with CRPS of the legs meeting the Budapest criteria.
  static let drgFacts =
    ImplantTests.scsReady.replacing(.diagnosis, with: Note.diagnosis(.crps)) + Note.budapestMet

  static var stimulators: [Scenario] {
    let trial = IndicationCase(
      label: "1757: an SCS trial", guideline: "1757", indication: "scsTrial", request: lead,
      facts: ImplantTests.scsReady)
    let drg = IndicationCase(
      label: "1757: a DRG trial", guideline: "1757", indication: "drgTrial", request: drgLead,
      facts: drgFacts)
    let scsPermanent = IndicationCase(
      label: "1757: a permanent SCS", guideline: "1757", indication: "scsPermanent",
      request: lead,
      facts: [Note.trial(.spinalCordStimulator, percent: 60, days: 7, function: true)])
    let drgPermanent = IndicationCase(
      label: "1757: a permanent DRG stimulator", guideline: "1757", indication: "drgPermanent",
      request: lead, facts: [Note.trial(.dorsalRootGanglion, percent: 70, days: 5, function: true)])
    let revision = IndicationCase(
      label: "1757: a lead revision", guideline: "1757", indication: "scsRevision",
      request: request("63663", planned: "2026-06-11"),
      facts: [Note.problem(.leadMigration, .spinalCordStimulator)])
    let newLead = IndicationCase(
      label: "1757: a new lead after removing an infected one", guideline: "1757",
      indication: "scsRevision", request: revision.request,
      facts: afterInfection(.spinalCordStimulator))
    let reimplanted = { (base: IndicationCase, device: TrialDevice) in
      IndicationCase(
        label: "\(base.label) after an infected one came out", guideline: "1757",
        indication: base.indication, request: request("63650", planned: "2026-06-11"),
        facts: base.facts + afterInfection(device).without(.staphScreen))
    }
    let scsAfterInfection = reimplanted(scsPermanent, .spinalCordStimulator)
    let drgAfterInfection = reimplanted(drgPermanent, .dorsalRootGanglion)
    return [
      trial.pend(
        "with decolonization not yet dated pends", [.mrsaDecolonization],
        trial.facts + undatedDecolonization),
      trial.pend("without a pain score pends", [.painSeverity], trial.facts.without(.painScore)),
      drg.pend(
        "without the Budapest examination pends", [.budapestCriteria],
        drgFacts.without(.budapestFinding)),
      drg.pend(
        "after four months of treatment pends", [.conservativeCare],
        drgFacts.replacing(
          .therapy,
          with: Note.therapy(.medication, from: "2025-12-10", status: .ongoing, name: "gabapentin"))
      ),
      drg.pend(
        "with Budapest findings but no named CRPS pends", [.diagnosis], drgFacts.without(.diagnosis)
      ),
      drg.pend(
        "with decolonization not yet dated pends", [.mrsaDecolonization],
        drgFacts + undatedDecolonization),
      drg.pend(
        "after five months of pain pends", [.painDuration],
        drgFacts.replacing(.painDuration, with: Note.lasting(months: 5))),
      drg.pend("without a pain score pends", [.painSeverity], drgFacts.without(.painScore)),
      drg.pend(
        "without the psychological evaluation pends", [.psychEvaluation],
        drgFacts.without(.psychEvaluation)),
      scsPermanent.pend(
        "with decolonization not yet dated pends", [.mrsaDecolonization],
        scsPermanent.facts + undatedDecolonization),
      drgPermanent.review(
        "in pregnancy is contradicted", [.contraindication],
        drgPermanent.facts.adding(Note.risk(.pregnancy))),
      drgPermanent.pend(
        "after a trial without documented functional gain pends", [.deviceTrial],
        [Note.trial(.dorsalRootGanglion, percent: 70, days: 5)]),
      drgPermanent.pend(
        "with decolonization not yet dated pends", [.mrsaDecolonization],
        drgPermanent.facts + undatedDecolonization),
      revision.ready(),
      revision.pend("with no reason documented pends", [.diagnosis], []),
      revision.review(
        "with a positive screen and no decolonization plan is contradicted",
        [.mrsaDecolonization], revision.facts.adding(Note.screen(.mssa, .positive))),
      revision.pend(
        "with decolonization not yet dated pends", [.mrsaDecolonization],
        revision.facts + undatedDecolonization),
    ]
      + [newLead, scsAfterInfection, drgAfterInfection].flatMap { base in
        [
          base.ready(),
          base.pend(
            "six weeks after the removal, with no planned date, pends", [.interval],
            request: base.unplanned),
          base.pend(
            "without an infectious-disease consultation pends", [.other],
            base.facts.without(.consultation)),
        ]
      }
  }

  static var scenarios: [Scenario] { pumps + stimulators }
}

/// Every exclusion the catalog lists, each named the way a request names the service.
enum ExclusionCoverage {
  static func excluded(
    _ name: String, _ guideline: String, _ request: ServiceRequest,
    _ facts: [Fact] = []
  ) -> Scenario {
    Scenario(
      name: name, guideline: guideline, request: request, facts: facts, status: .excluded)
  }

  static let scenarios: [Scenario] =
    ["1750", "1751"].flatMap { number in
      [
        excluded(
          "\(number): an epidural catheter infusion code is excluded", number, request("62324")),
        excluded(
          "\(number): an intrathecal port for chemotherapy is excluded", number,
          request("62323", service: "intrathecal port placement for chemotherapy")),
        excluded(
          "\(number): an epidural for post-operative pain control is excluded", number,
          request("62323", reason: "Postoperative pain control after knee replacement.")),
        excluded(
          "\(number): caudal anesthesia for surgery is excluded", number,
          request("62322", service: "caudal anesthesia for hernia surgery")),
      ]
    } + [
      excluded(
        "1751: a reservoir and catheter for intrathecal chemotherapy are excluded", "1751",
        request("62360", "62350"), [Note.diagnosis(.other), Note.pain(3)]),
      excluded(
        "1753: a block of spinal hardware is excluded", "1753",
        request("64493", region: .lumbar, service: "hardware block L4-5")),
      excluded(
        "1758: a parasympathetic ganglion block is excluded", "1758",
        request("64510", service: "parasympathetic ganglion block")),
      excluded(
        "1758: an inferior hypogastric plexus block is excluded", "1758",
        request("64517", service: "inferior hypogastric plexus block")),
    ]
}
