import Matching
import Model

// Guideline 1753, Facet Joint Injections and Medial Branch Blocks, 2026.

extension Guideline {
  public static let facetJointInjections = Guideline(
    number: "1753", title: "Facet joint injections and medial branch blocks",
    codes: FacetDefinitions.codes,
    exclusions: [
      Exclusion(
        section: "Exclusions", service: "sacral lateral branch blocks (S1-S3)",
        terms: [["lateral", "branch"]], regions: [.sacroiliac],
        levels: ["S1", "S2", "S3", "S1-S3", "S1-S2", "S2-S3"], codes: ["64451"]),
      Exclusion(
        section: "Exclusions", service: "atlantoaxial (C1-2) joint injections",
        terms: [["atlantoaxial"], ["atlanto", "axial"]], levels: ["C1-2", "C1-C2"]),
      Exclusion(
        section: "Exclusions", service: "occipital nerve blocks", terms: [["occipital"]],
        codes: ["64405"]),
      Exclusion(
        section: "Exclusions", service: "hardware injections or blocks", terms: [["hardware"]]),
    ],
    indications: [
      FacetDefinitions.facetPain, FacetDefinitions.synovialCyst, FacetDefinitions.spondylolysis,
      FacetDefinitions.repeatRequest,
    ],
    repeats: RepeatPolicy(
      sameKind: [
        .facetInjection: [.facetInjection, .medialBranchBlock],
        .medialBranchBlock: [.facetInjection, .medialBranchBlock],
      ],
      newEpisodeAfterYears: 2, surgeryStartsNewEpisode: true, initialSeriesLimit: 2,
      therapeuticRelief: (percent: 50, days: Double(Days.months(2))),
      oppositeSidesAsOneWithinDays: 30),
    services: [
      NamedService(
        ["facet", "medial branch"], code: "64493",
        codesByRegion: [.cervical: "64490", .thoracic: "64490"])
    ])
}

enum FacetDefinitions {
  static let codes: [ProcedureCode] = [
    code(
      "64490", "Cervical or thoracic facet injection or nerve block, one level", .cervicalThoracic),
    code(
      "64491", "Cervical or thoracic facet injection or nerve block, second level",
      .cervicalThoracic, addOn: true),
    code(
      "64492", "Cervical or thoracic facet injection or nerve block, third or more levels",
      .cervicalThoracic, addOn: true),
    code(
      "0213T", "Cervical or thoracic facet injection under ultrasound, one level",
      .cervicalThoracic, ultrasound: true),
    code(
      "0214T", "Cervical or thoracic facet injection under ultrasound, second level",
      .cervicalThoracic, ultrasound: true, addOn: true),
    code(
      "0215T", "Cervical or thoracic facet injection under ultrasound, third or more levels",
      .cervicalThoracic, ultrasound: true, addOn: true),
    code("64493", "Lumbar or sacral facet injection or nerve block, one level", .lumbosacral),
    code(
      "64494", "Lumbar or sacral facet injection or nerve block, second level", .lumbosacral,
      addOn: true),
    code(
      "64495", "Lumbar or sacral facet injection or nerve block, third or more levels",
      .lumbosacral, addOn: true),
    code(
      "0216T", "Lumbar or sacral facet injection under ultrasound, one level", .lumbosacral,
      ultrasound: true),
    code(
      "0217T", "Lumbar or sacral facet injection under ultrasound, second level", .lumbosacral,
      ultrasound: true, addOn: true),
    code(
      "0218T", "Lumbar or sacral facet injection under ultrasound, third or more levels",
      .lumbosacral, ultrasound: true, addOn: true),
  ]

  enum Spine {
    case cervicalThoracic, lumbosacral

    var regions: Set<Region> {
      self == .cervicalThoracic ? [.cervical, .thoracic] : [.lumbar, .sacral]
    }
  }

  static func code(
    _ code: String, _ summary: String, _ spine: Spine, ultrasound: Bool = false,
    addOn: Bool = false
  ) -> ProcedureCode {
    ProcedureCode(
      code, summary, procedure: .facetInjection, regions: spine.regions,
      guidance: ultrasound ? .ultrasound : .fluoroscopyOrCT, isAddOn: addOn)
  }

  static let indications = "Indications: Facet Joint Pain"

  static let facetPain = Indication(
    "facetPain", section: indications,
    criteria: painCriteria + [
      Criterion(
        "1753.facet.axial", section: indications, family: .painPattern,
        "By history the pain is mainly axial, not radicular.",
        rule: .painPattern(accepted: [.axial], contradicted: [.radicular, .mixed])),
      notOtherSource,
      Criterion(
        "1753.facet.pars", section: indications, family: .imaging,
        "Where chronic lumbar spondylolysis is diagnosed, imaging shows the pars defect.",
        rule: .when(.diagnosis([.spondylolysis]), .imaging(anyOf: [.parsDefect]))),
    ] + treatment)

  static let synovialCyst = Indication(
    "facetSynovialCyst", section: indications,
    criteria: painCriteria + [
      Criterion(
        "1753.cyst.radicular", section: indications, family: .painPattern,
        "Radicular pain from stenosis caused by a synovial cyst.",
        rule: .painPattern(accepted: [.radicular, .mixed], contradicted: [])),
      Criterion(
        "1753.cyst.imaging", section: indications, family: .imaging,
        "Imaging confirms the synovial cyst.", rule: .imaging(anyOf: [.synovialCyst]),
        defining: true),
      Criterion(
        "1753.cyst.source", section: indications, family: .diagnosis,
        "The main source is not the sacroiliac joint or a disc herniation.",
        rule: .notPrimarily([.sacroiliacJointPain], imaging: [.discHerniation])),
    ] + treatment)

  static let spondylolysis = Indication(
    "spondylolysis", section: indications,
    criteria: painCriteria + [
      Criterion(
        "1753.pars.axial", section: indications, family: .painPattern,
        "By history the pain is mainly axial, not radicular.",
        rule: .painPattern(accepted: [.axial], contradicted: [.radicular, .mixed])),
      Criterion(
        "1753.pars.diagnosis", section: indications, family: .diagnosis,
        "Chronic lumbar spondylolysis is diagnosed.", rule: .diagnosis(anyOf: [.spondylolysis]),
        defining: true),
      Criterion(
        "1753.pars.imaging", section: indications, family: .imaging,
        "Imaging shows the pars interarticularis fracture or defect.",
        rule: .imaging(anyOf: [.parsDefect])),
    ] + treatment)

  static let painCriteria = [
    Criterion(
      "1753.pain", section: indications, family: .painSeverity,
      "Average pain of 6/10 or more in the region, or pain that limits function.",
      rule: .pain(PainRequirement(minimum: 6))),
    Criterion(
      "1753.duration", section: indications, family: .painDuration,
      "The pain has lasted three months or longer.", rule: .painDuration(.atLeastMonths(3))),
  ]

  static let notOtherSource = Criterion(
    "1753.source", section: indications, family: .diagnosis,
    "The main source is not the sacroiliac joint, a disc or a nerve root.",
    rule: .notPrimarily([.sacroiliacJointPain, .radiculopathy]))

  static let treatment: [Criterion] =
    [
      Criterion(
        "1753.conservative", section: indications, family: .conservativeCare,
        "Six weeks of failed conservative treatment (one active and one inactive) in the last six"
          + " months, or ongoing treatment after earlier injections, unless a medical reason"
          + " prevents it.", rule: .unlessMedicalReason(.conservativeTreatment(sixWeeksInSixMonths))
      ),
      Criterion(
        "1753.hep", section: "Home Exercise Program", family: .homeExercise,
        "A home exercise program relied on is prescribed by a physician, therapist or"
          + " chiropractor and followed up.", rule: .homeExerciseProgram),
    ] + limits

  static let limits: [Criterion] = [
    Criterion(
      "1753.guidance", section: "Imaging Guidance", family: .imagingGuidance,
      "Done under CT or fluoroscopy, or ultrasound as the alternative.",
      rule: .imageGuidance(allowed: [.fluoroscopyOrCT, .ultrasound])),
    Criterion(
      "1753.regions", section: "Repeat Injections", family: .interval,
      "Seven days or more after an injection in another region.",
      rule: .interval(IntervalRequirement(minimumDays: 7, scope: .otherRegion))),
    Criterion(
      "1753.sameDay", section: "Medical Necessity", family: .interval,
      "No other procedure on the same day, except an epidural for a synovial cyst seen on"
        + " imaging.", rule: .sameDay(SameDayPolicy(combinationAllowedWith: [.synovialCyst]))),
    Criterion(
      "1753.contraindications", section: "Contraindications", family: .contraindication,
      "No active systemic or spinal infection, no skin infection at the site, and no allergy to"
        + " the medication or contrast.",
      rule: .noContraindication([
        .systemicInfection, .spinalInfection, .skinInfectionAtSite, .anestheticAllergy,
        .contrastAllergy,
      ])),
  ]

  static let initialPhase = "Repeat Injections: Initial Treatment Phase"
  static let therapeuticPhase = "Repeat Injections: Therapeutic Phase"

  static let repeatRequest = Indication(
    "therapeuticFacet", section: "Repeat Injections", purpose: .repetition, phase: .therapeutic,
    criteria: [
      Criterion(
        "1753.repeat.initialRelief", section: initialPhase, family: .priorResponse,
        "The earlier diagnostic injection gave 50% relief or more, or a clear gain in function;"
          + " after one that gave no relief at all, a second at another level or by another"
          + " technique where the pain generator is in question or several levels are diseased.",
        // Shortcoming: the guideline also allows the second block by another technique (an
        // intra-articular injection after a medial branch block, or the reverse), but 64490-
        // 64495 name one procedure for both, so the request does not show its technique; only
        // a change of level is recognised, and a change of technique stays the reviewer's.
        rule: .anyOf([
          .priorRelief(ReliefRequirement(minimumPercent: 50)),
          .retargetAfterFailedBlock(RetargetedBlock(failedBelowPercent: 0)),
        ]), repeatPhase: .initial),
      Criterion(
        "1753.repeat.initialInterval", section: initialPhase, family: .interval,
        "Two weeks or more since the earlier injection; seven days after a block with local"
          + " anesthetic only.",
        rule: .interval(
          IntervalRequirement(
            minimumDays: Days.weeks(2), scope: .sameKind, minimumDaysAfter: [.medialBranchBlock: 7])
        ),
        repeatPhase: .initial),
      Criterion(
        "1753.repeat.initialCount", section: therapeuticPhase, family: .frequency,
        "No more than two procedures in the diagnostic phase.",
        rule: .procedureCount(CountLimit(limit: 2)), repeatPhase: .initial),
      Criterion(
        "1753.repeat.relief", section: therapeuticPhase, family: .priorResponse,
        "The last injection gave 50% relief or more, or a clear gain in function, for two"
          + " months or longer.",
        rule: .priorRelief(
          ReliefRequirement(minimumPercent: 50, minimumDays: Double(Days.months(2)))),
        repeatPhase: .therapeutic),
      Criterion(
        "1753.repeat.pain", section: therapeuticPhase, family: .painSeverity,
        "Pain of 6/10 or more, or limiting function, continues.",
        rule: .pain(PainRequirement(minimum: 6, isContinuing: true)), repeatPhase: .therapeutic),
      Criterion(
        "1753.repeat.active", section: therapeuticPhase, family: .conservativeCare,
        "Active conservative treatment is ongoing, unless a medical reason prevents it.",
        rule: .unlessMedicalReason(.ongoingTreatment(modalities: activeModalities)),
        repeatPhase: .therapeutic),
      Criterion(
        "1753.repeat.count", section: therapeuticPhase, family: .frequency,
        "No more than four facet procedures per region in twelve months; right and left at one"
          + " level within a month count once.",
        rule: .procedureCount(CountLimit(limit: 4, withinDays: 365)), repeatPhase: .therapeutic),
    ] + limits)
}
