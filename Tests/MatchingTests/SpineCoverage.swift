import Matching
import Model

/// An injection in another region three days before the note, for a request without a
/// planned date: the seven days between regions cannot yet be placed.
let cervicalFacetThreeDaysBefore = Note.prior(.facetInjection, on: "2026-03-11", region: .cervical)

/// Guidelines 1750 and 1751: each epidural indication under each.
enum EpiduralCoverage {
  static let lumbar = request("62323", region: .lumbar)

  /// Stenosis with axial pain: the acute indication is contradicted, so stenosis is reported
  /// even without its diagnosis.
  static let axialStenosis = EpiduralInjectionTests.stenosis.replacing(
    .painPattern, with: Note.pattern(.axial))

  /// A lumbar fusion on 06/10/2024: the back surgery that failed, with its date.
  static let lumbarSurgery = Note.prior(.spineSurgery, on: "2024-06-10", region: .lumbar)

  /// Failed back surgery after a lumbar fusion on the given date.
  static func failedSurgery(on date: String) -> [Fact] {
    axialStenosis.replacing(
      .imagingFinding, with: Note.diagnosis(.failedBackSurgerySyndrome),
      Note.prior(.spineSurgery, on: date, region: .lumbar))
  }

  static func indications(_ number: String) -> [Scenario] {
    let acute = IndicationCase(
      label: "\(number): acute radicular pain", guideline: number,
      indication: "acuteRadicularPain", request: lumbar, facts: EpiduralInjectionTests.acute)
    let stenosis = IndicationCase(
      label: "\(number): stenosis", guideline: number, indication: "spinalStenosis",
      request: lumbar, facts: axialStenosis)
    let surgery = IndicationCase(
      label: "\(number): failed back surgery", guideline: number, indication: "failedBackSurgery",
      request: lumbar,
      facts: axialStenosis.replacing(
        .imagingFinding, with: Note.diagnosis(.failedBackSurgerySyndrome), lumbarSurgery))
    let planning = IndicationCase(
      label: "\(number): a diagnostic transforaminal block", guideline: number,
      indication: "diagnosticTransforaminal",
      request: request("64483", region: .lumbar, levels: ["L5-S1"], purpose: "surgicalPlanning"),
      facts: [Note.pain(7), Note.plan(.preoperativeEvaluation)])
    let repeated = IndicationCase(
      label: "\(number): a therapeutic epidural", guideline: number,
      indication: "therapeuticEpidural", request: lumbar, facts: EpiduralInjectionTests.therapeutic)
    let elsewhere = cervicalFacetThreeDaysBefore
    let infection = Note.risk(.spinalInfection)
    var scenarios: [Scenario] = []
    for base in [acute, stenosis, surgery, planning, repeated] {
      scenarios += [
        base.ready(),
        base.pend("without a pain score pends", [.painSeverity], base.facts.without(.painScore)),
        base.pend(
          "three days after an injection elsewhere, with no planned date, pends", [.interval],
          base.facts.adding(elsewhere), request: base.unplanned),
        base.review(
          "with a spinal infection is contradicted", [.contraindication],
          base.facts.adding(infection)),
      ]
    }
    return scenarios + [
      acute.pend("without a pain pattern pends", [.painPattern], acute.facts.without(.painPattern)),
      acute.pend(
        "without the pain's duration pends", [.painDuration], acute.facts.without(.painDuration)),
      acute.pend("without treatment pends", [.conservativeCare], acute.facts.without(.therapy)),
      stenosis.pend(
        "without imaging or a diagnosis of stenosis pends", [.diagnosis],
        axialStenosis.without(.imagingFinding)),
      stenosis.pend(
        "with PT alone pends on the inactive part", [.conservativeCare],
        axialStenosis.replacing(.therapy, with: Note.physicalTherapy)),
      stenosis.pend(
        "with a home program not followed up pends", [.homeExercise],
        axialStenosis.replacing(
          .therapy,
          with: Note.therapy(
            .homeExercise, weeks: 8, status: .ongoing, prescribedBy: .physicalTherapist),
          Note.nsaid)),
      surgery.pend(
        "with the surgery undated pends on its date", [.diagnosis],
        surgery.facts.replacing(
          .priorProcedure, with: Note.prior(.spineSurgery, on: nil, region: .lumbar))),
      surgery.review(
        "six weeks after the surgery goes to a physician", [.interval],
        failedSurgery(on: "2026-02-12")),
      surgery.pend(
        "with PT alone pends on the inactive part", [.conservativeCare],
        surgery.facts.replacing(.therapy, with: Note.physicalTherapy)),
      surgery.pend(
        "with a home program not followed up pends", [.homeExercise],
        surgery.facts.replacing(
          .therapy,
          with: Note.therapy(
            .homeExercise, weeks: 8, status: .ongoing, prescribedBy: .physicalTherapist),
          Note.nsaid)),
      planning.pend(
        "without the surgeon's plan pends", [.surgicalPlanning],
        planning.facts.without(.surgicalPlan)),
      repeated.pend("without the relief pends", [.priorResponse], repeated.facts.without(.relief)),
      repeated.pend(
        "without ongoing active treatment pends", [.conservativeCare],
        repeated.facts.without(.therapy)),
      repeated.pend("with no date at all pends on the count", [.frequency], undated: true),
    ]
  }

  /// 1751's intrathecal trials for pain and for spasticity.
  static let trialRequest = request("62322", purpose: "trial")

  static let spasticityFacts: [Fact] = [
    Note.diagnosis(.multipleSclerosis), Note.disability(),
    Note.therapy(.medication, weeks: 20, status: .ongoing, name: "baclofen"),
  ]

  static var trials: [Scenario] {
    let pain = IndicationCase(
      label: "1751: an intrathecal trial for pain", guideline: "1751",
      indication: "intrathecalTrialPain", request: trialRequest,
      facts: EpiduralInjectionTests.trial)
    let spasticity = IndicationCase(
      label: "1751: an intrathecal trial for spasticity", guideline: "1751",
      indication: "intrathecalTrialSpasticity", request: request("62322"),
      facts: spasticityFacts)
    let twoTrials = [
      Note.prior(.intrathecalTrial, on: "2025-11-01"),
      Note.prior(.intrathecalTrial, on: "2026-01-10"),
    ]
    return [
      pain.pend(
        "without a pain score pends", [.painSeverity], pain.facts.without(.painScore)),
      pain.pend(
        "without the opioid history pends", [.medicationTrial],
        pain.facts.without(.opioidUse).replacing(.therapy, with: Note.physicalTherapy)
          .replacing(.therapy, with: Note.therapy(.physicalTherapy, weeks: 14))
          .adding(Note.nsaid)),
      pain.pend(
        "after an earlier trial whose result is not documented pends", [.deviceTrial],
        pain.facts.adding(Note.prior(.intrathecalTrial, on: "2026-01-10"))),
      pain.pend(
        "with no date at all after a trial pends on the count", [.frequency],
        pain.facts + [
          Note.prior(.intrathecalTrial, on: nil), Note.trial(.intrathecalPump, percent: 30),
        ],
        undated: true),
      spasticity.pend(
        "without twelve weeks of treatment pends", [.conservativeCare],
        spasticity.facts.replacing(
          .therapy, with: Note.therapy(.medication, weeks: 8, status: .ongoing, name: "baclofen"))),
      spasticity.pend(
        "after an earlier trial whose result is not documented pends", [.deviceTrial],
        spasticity.facts.adding(Note.prior(.intrathecalTrial, on: "2026-01-10"))),
      spasticity.pend(
        "with no date at all after a trial pends on the count", [.frequency],
        spasticity.facts + [
          Note.prior(.intrathecalTrial, on: nil), Note.trial(.intrathecalPump, percent: 30),
        ], undated: true),
      spasticity.review(
        "after two trials is contradicted", [.frequency],
        spasticity.facts + twoTrials + [Note.trial(.intrathecalPump, percent: 30)]),
    ]
  }

  static let scenarios: [Scenario] = indications("1750") + indications("1751") + trials
}

/// Guidelines 1753 and 1754: facet injections and denervation.
enum FacetCoverage {
  static let block = FacetTests.block

  static var scenarios: [Scenario] {
    let facet = IndicationCase(
      label: "1753: facet pain", guideline: "1753", indication: "facetPain", request: block,
      facts: FacetTests.facet)
    let cystFacts = FacetTests.facet.replacing(.painPattern, with: Note.pattern(.radicular))
      .adding(Note.imaging(.synovialCyst))
    let cyst = IndicationCase(
      label: "1753: a synovial cyst", guideline: "1753", indication: "facetSynovialCyst",
      request: block, facts: cystFacts)
    let parsFacts = FacetTests.facet.adding(
      Note.diagnosis(.spondylolysis), Note.imaging(.parsDefect))
    let pars = IndicationCase(
      label: "1753: spondylolysis", guideline: "1753", indication: "spondylolysis",
      request: block, facts: parsFacts)
    let therapeuticFacts =
      FacetTests.facet.replacing(.painScore, with: Note.pain(7, .current)) + [
        Note.prior(.facetInjection, on: "2025-10-01", region: .lumbar),
        Note.relief(70, after: .facetInjection, on: "2025-10-01", days: 60),
        Note.therapy(.physicalTherapy, status: .ongoing, outcome: nil),
      ]
    let therapeutic = IndicationCase(
      label: "1753: a therapeutic facet injection", guideline: "1753",
      indication: "therapeuticFacet", request: block, facts: therapeuticFacts)
    let ablation = IndicationCase(
      label: "1754: denervation", guideline: "1754", indication: "facetDenervation",
      request: FacetTests.ablation, facts: FacetTests.denervation)
    let repeatFacts =
      FacetTests.denervation + [
        Note.prior(.radiofrequencyAblation, on: "2025-06-01", region: .lumbar),
        Note.relief(70, after: .radiofrequencyAblation, on: "2025-06-01", days: 180),
        Note.therapy(.physicalTherapy, status: .ongoing, outcome: nil),
      ]
    let repeatAblation = IndicationCase(
      label: "1754: a repeat denervation", guideline: "1754", indication: "repeatDenervation",
      request: FacetTests.ablation, facts: repeatFacts)
    let homeProgram = Note.therapy(
      .homeExercise, weeks: 8, status: .ongoing, prescribedBy: .physicalTherapist)
    let epiduralElsewhere = Note.prior(.epiduralInjection, on: "2026-03-11", region: .cervical)
    var scenarios: [Scenario] = []
    for base in [facet, cyst, pars, therapeutic] {
      scenarios += [
        base.ready(),
        base.pend("without a pain score pends", [.painSeverity], base.facts.without(.painScore)),
        base.pend(
          "three days after an epidural elsewhere, with no planned date, pends", [.interval],
          base.facts.adding(epiduralElsewhere), request: base.unplanned),
        base.review(
          "with a contrast allergy is contradicted", [.contraindication],
          base.facts.adding(Note.risk(.contrastAllergy))),
      ]
    }
    for base in [facet, cyst, pars] {
      scenarios += [
        base.pend("without the duration pends", [.painDuration], base.facts.without(.painDuration)),
        base.pend("without a pain pattern pends", [.painPattern], base.facts.without(.painPattern)),
        base.pend(
          "with PT alone pends on the inactive part", [.conservativeCare],
          base.facts.replacing(.therapy, with: Note.physicalTherapy)),
        base.pend(
          "with a home program not followed up pends", [.homeExercise],
          base.facts.replacing(.therapy, with: homeProgram, Note.nsaid)),
      ]
    }
    scenarios += [
      cyst.pend(
        "with radicular pain and no imaging of the cyst pends", [.imaging],
        FacetTests.facet.replacing(.painPattern, with: Note.pattern(.radicular)).adding(
          Note.diagnosis(.radiculopathy))),
      pars.pend(
        "without imaging of the pars defect pends", [.imaging],
        FacetTests.facet.adding(Note.diagnosis(.spondylolysis))),
      therapeutic.pend(
        "without the relief pends", [.priorResponse], therapeuticFacts.without(.relief)),
      therapeutic.pend(
        "without ongoing active treatment pends", [.conservativeCare],
        therapeuticFacts.replacing(.therapy, with: Note.nsaid)),
      therapeutic.pend("with no date at all pends on the count", [.frequency], undated: true),
    ]
    for base in [ablation, repeatAblation] {
      scenarios += [
        base.ready(),
        base.pend(
          "without a pain score pends", [.painSeverity],
          base.facts.without(.painScore, .functionalDisability)),
        base.pend(
          "with a cervical facet block also requested for the day pends", [.interval],
          request: request(
            "64635", "64636", "64490", region: .lumbar, side: .right, levels: ["L4-5", "L5-S1"])),
        base.review(
          "with a skin infection at the site is contradicted", [.contraindication],
          base.facts.adding(Note.risk(.skinInfectionAtSite))),
      ]
    }
    return scenarios + [
      ablation.pend(
        "without the duration pends", [.painDuration], ablation.facts.without(.painDuration)),
      ablation.pend(
        "with a home program not followed up pends", [.homeExercise],
        ablation.facts.replacing(.therapy, with: homeProgram, Note.nsaid)),
      repeatAblation.pend(
        "without the relief pends", [.priorResponse],
        repeatFacts.filter {
          if case .relief(let relief) = $0.detail {
            relief.procedure != .radiofrequencyAblation
          } else {
            true
          }
        }),
      repeatAblation.pend(
        "without ongoing treatment pends", [.conservativeCare], repeatFacts.without(.therapy)),
      repeatAblation.pend("with no date at all pends on the count", [.frequency], undated: true),
    ]
  }
}
