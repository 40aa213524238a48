import Matching
import Model

// Guideline 1754, Paravertebral Facet Joint Denervation (Radiofrequency Neurolysis), 2026.

extension Guideline {
  public static let facetJointDenervation = Guideline(
    number: "1754", title: "Facet joint radiofrequency denervation",
    codes: [
      ProcedureCode(
        "64633", "Cervical or thoracic facet nerve destruction under fluoroscopy or CT, one joint",
        procedure: .radiofrequencyAblation, regions: [.cervical, .thoracic],
        guidance: .fluoroscopyOrCT),
      ProcedureCode(
        "64634", "Cervical or thoracic facet nerve destruction, each added joint",
        procedure: .radiofrequencyAblation, regions: [.cervical, .thoracic],
        guidance: .fluoroscopyOrCT, isAddOn: true),
      ProcedureCode(
        "64635", "Lumbar or sacral facet nerve destruction under fluoroscopy or CT, one joint",
        procedure: .radiofrequencyAblation, regions: [.lumbar, .sacral], guidance: .fluoroscopyOrCT
      ),
      ProcedureCode(
        "64636", "Lumbar or sacral facet nerve destruction, each added joint",
        procedure: .radiofrequencyAblation, regions: [.lumbar, .sacral],
        guidance: .fluoroscopyOrCT, isAddOn: true),
    ],
    exclusions: [
      Exclusion(
        section: "Exclusions",
        service: "radiofrequency denervation of the sacroiliac joint or sacral lateral branches",
        terms: [["sacroiliac"], ["si", "joint"], ["sij"], ["lateral", "branch"]],
        regions: [.sacroiliac], levels: ["S1", "S2", "S3", "S1-S3", "S1-S2", "S2-S3"],
        codes: ["64625"])
    ],
    indications: [DenervationDefinitions.initial, DenervationDefinitions.repeatRequest],
    repeats: RepeatPolicy(
      sameKind: [.radiofrequencyAblation: [.radiofrequencyAblation]],
      oppositeSidesAsOneWithinDays: 30),
    services: [
      NamedService(
        ["radiofrequency", "rfa", "rhizotomy", "neurotomy", "denervation"], code: "64635",
        codesByRegion: [.cervical: "64633", .thoracic: "64633"])
    ])
}

enum DenervationDefinitions {
  static let indications = "Indications: Facet Joint Pain"

  static let initial = Indication(
    "facetDenervation", section: indications,
    criteria: [
      Criterion(
        "1754.pain", section: indications, family: .painSeverity,
        "Average pain of 6/10 or more in the region, or pain that limits function.",
        rule: .pain(PainRequirement(minimum: 6))),
      Criterion(
        "1754.duration", section: indications, family: .painDuration,
        "The pain has lasted three months or longer.", rule: .painDuration(.atLeastMonths(3))),
      Criterion(
        "1754.blocks", section: indications, family: .priorResponse,
        "Diagnostic medial branch blocks were done; an intra-articular injection does not stand"
          + " in for them.",
        rule: .documented(
          .prior([.medialBranchBlock]), what: "diagnostic medial branch blocks",
          contradictedBy: .prior([.facetInjection]))),
      Criterion(
        "1754.blockRelief", section: indications, family: .priorResponse,
        "A medial branch block gave 70% relief or more, or better function, while the anesthetic"
          + " acted, but relief lasted less than three months.",
        rule: .priorRelief(
          ReliefRequirement(
            procedures: [.medialBranchBlock], minimumPercent: 70,
            lessThanDays: Double(Days.months(3)), mustOutlastAnesthetic: true))),
      Criterion(
        "1754.continuing", section: indications, family: .painSeverity,
        "After the block's relief wore off, pain of 6/10 or more, or limiting function, returned.",
        rule: .pain(PainRequirement(minimum: 6, isContinuing: true))),
      Criterion(
        "1754.source", section: indications, family: .diagnosis,
        "The main source is not the sacroiliac joint, a disc or a nerve root.",
        rule: .notPrimarily([.sacroiliacJointPain, .radiculopathy])),
      Criterion(
        "1754.conservative", section: indications, family: .conservativeCare,
        "Six weeks of failed conservative treatment (one active and one inactive) in the last"
          + " six months.",
        rule: .conservativeTreatment(
          ConservativeTreatmentPolicy(
            minimumDays: Days.weeks(6), windowMonths: 6, requiresActiveAndInactive: true))),
      Criterion(
        "1754.hep", section: "Home Exercise Program", family: .homeExercise,
        "A home exercise program relied on is prescribed by a physician, therapist or"
          + " chiropractor and followed up.", rule: .homeExerciseProgram),
    ] + limits)

  static let repeatSection = "Repeat Procedures"

  static let repeatRequest = Indication(
    "repeatDenervation", section: repeatSection, purpose: .repetition, phase: .therapeutic,
    criteria: [
      Criterion(
        "1754.repeat.relief", section: repeatSection, family: .priorResponse,
        "The earlier denervation gave 50% relief or more, or better function, for four months"
          + " or longer.",
        rule: .priorRelief(
          ReliefRequirement(minimumPercent: 50, minimumDays: Double(Days.months(4))))
      ),
      Criterion(
        "1754.repeat.pain", section: repeatSection, family: .painSeverity,
        "Pain of 6/10 or more, or limiting function, continues.",
        rule: .pain(PainRequirement(minimum: 6, isContinuing: true))),
      Criterion(
        "1754.repeat.ongoing", section: repeatSection, family: .conservativeCare,
        "Conservative treatment is ongoing, unless a medical reason prevents it.",
        rule: .unlessMedicalReason(.ongoingTreatment(modalities: nil))),
      Criterion(
        "1754.repeat.count", section: repeatSection, family: .frequency,
        "No more than two denervations per region in twelve months; right and left at the same"
          + " levels within a month count once.",
        rule: .procedureCount(CountLimit(limit: 2, withinDays: 365))),
    ] + limits)

  static let limits = [
    Criterion(
      "1754.guidance", section: "Imaging Guidance", family: .imagingGuidance,
      "Done under fluoroscopy or CT.", rule: .imageGuidance(allowed: [.fluoroscopyOrCT])),
    Criterion(
      "1754.sameDay", section: "Medical Necessity", family: .interval,
      "No other procedure on the same day of service.", rule: .sameDay(SameDayPolicy())),
    Criterion(
      "1754.contraindications", section: "Contraindications", family: .contraindication,
      "No active systemic or spinal infection and no skin infection at the site.",
      rule: .noContraindication([.systemicInfection, .spinalInfection, .skinInfectionAtSite])),
  ]
}
