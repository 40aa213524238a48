import Matching
import Model

// Guideline 1756, Sacroiliac Joint Injections (intra-articular or ligamentous), 2026.
// Each criterion cites the section it comes from; descriptions are PendCheck's own words.

extension Guideline {
  public static let sacroiliacJointInjections = Guideline(
    number: "1756", title: "Sacroiliac joint injections",
    codes: [
      ProcedureCode(
        "27096", "Sacroiliac joint injection with imaging guidance",
        procedure: .sacroiliacInjection, regions: [.sacroiliac], guidance: .fluoroscopyOrCT),
      ProcedureCode(
        "G0260", "Sacroiliac joint injection of an anesthetic or steroid (HCPCS)",
        procedure: .sacroiliacInjection, regions: [.sacroiliac]),
    ],
    exclusions: [
      Exclusion(
        section: "Exclusions", service: "sacral lateral branch blocks (S1-S3)",
        terms: [["lateral", "branch"]], levels: ["S1", "S2", "S3", "S1-S3"], codes: ["64451"]),
      Exclusion(
        section: "Exclusions", service: "radiofrequency denervation of the sacroiliac joint",
        terms: [["radiofrequency"], ["denervation"], ["ablation"], ["rfa"], ["neurotomy"]],
        codes: ["64625"]),
    ],
    indications: [
      SacroiliacDefinitions.jointPain, SacroiliacDefinitions.spondyloarthritis,
      SacroiliacDefinitions.surgicalPlanning, SacroiliacDefinitions.repeatRequest,
    ],
    repeats: RepeatPolicy(
      sameKind: [.sacroiliacInjection: [.sacroiliacInjection]], newEpisodeAfterYears: 2,
      surgeryStartsNewEpisode: true, initialSeriesLimit: 2,
      therapeuticRelief: (percent: 50, days: Double(Days.months(2)))),
    services: [NamedService(["sacroiliac", "si joint", "sij"], code: "27096")])
}

enum SacroiliacDefinitions {
  static let indications = "Indications: Sacroiliac Joint Pain"

  static let jointPain = Indication(
    "sacroiliacJointPain", section: indications,
    criteria: [
      Criterion(
        "1756.sij.axial", section: indications, family: .painPattern,
        "Mainly axial low back pain below L5; spread to the groin or leg is allowed.",
        rule: .painPattern(accepted: [.axial, .mixed], contradicted: [.radicular])),
      Criterion(
        "1756.sij.pain", section: indications, family: .painSeverity,
        "Average pain of 6/10 or more, or pain that limits function.",
        rule: .pain(PainRequirement(minimum: 6))),
      Criterion(
        "1756.sij.provocation", section: indications, family: .provocationTests,
        "Three or more of the eight sacroiliac provocation tests are positive.",
        rule: .provocationTests(atLeast: 3, among: sacroiliacTests)),
      Criterion(
        "1756.sij.duration", section: indications, family: .painDuration,
        "The pain has lasted three months or longer.", rule: .painDuration(.atLeastMonths(3))),
      Criterion(
        "1756.sij.conservative", section: indications, family: .conservativeCare,
        "Six weeks of failed conservative treatment in the last six months, or ongoing treatment"
          + " after earlier injections, unless a medical reason prevents it.",
        rule: .unlessMedicalReason(.conservativeTreatment(conservativeCourse))),
      homeExercise, guidance, contraindications,
    ])

  /// 1756 asks for six weeks in six months without restating what the course is; the team
  /// reads it as the spinal guidelines define it, one active and one inactive modality.
  static let conservativeCourse = sixWeeksInSixMonths

  static let spondyloarthritisSection = "Indications: Spondyloarthritis"

  static let spondyloarthritis = Indication(
    "spondyloarthritis", section: spondyloarthritisSection,
    criteria: [
      Criterion(
        "1756.spa.duration", section: spondyloarthritisSection, family: .painDuration,
        "Low back pain for three months or longer.", rule: .painDuration(.atLeastMonths(3))),
      Criterion(
        "1756.spa.program", section: spondyloarthritisSection, family: .conservativeCare,
        "A pain management program (therapy, exercise, education, support or medication) is"
          + " under way.",
        rule: .ongoingTreatment(modalities: [
          .physicalTherapy, .homeExercise, .medication, .painPsychology,
        ])),
      Criterion(
        "1756.spa.sacroiliitis", section: spondyloarthritisSection, family: .imaging,
        "Imaging has shown sacroiliitis (active inflammation on MRI or definite radiographic"
          + " grades).", rule: .imaging(anyOf: [.sacroiliitis])),
      Criterion(
        "1756.spa.onset", section: spondyloarthritisSection, family: .diagnosis,
        "The back pain began before the age of 45.", rule: .onsetAge(below: 45)),
      Criterion(
        "1756.spa.features", section: spondyloarthritisSection, family: .diagnosis,
        "At least one feature of spondyloarthritis; inflammatory back pain counts only with four"
          + " of its five items (onset before 40, insidious onset, better with exercise, not"
          + " better with rest, pain at night).",
        rule: .spondyloarthritisFeatures(InflammatoryBackPain(itemsNeeded: 4, onsetBefore: 40))),
      // Implied by the sacroiliitis criterion, so it asks nothing the guideline does not; it
      // marks the cases this indication is about, so that a relative's spondyloarthritis in a
      // mechanical sacroiliac case does not pick it.
      Criterion(
        "1756.spa.condition", section: spondyloarthritisSection, family: .diagnosis,
        "Spondyloarthritis is the condition under review: diagnosed, sacroiliitis on imaging,"
          + " or a feature of the patient's own.",
        rule: .anyOf([
          .diagnosis(anyOf: [.spondyloarthritis], orImaging: [.sacroiliitis]),
          .documented(
            .spondyloarthritisFeature(ownFeatures), what: "a spondyloarthritis feature"),
        ]), defining: true),
      guidance, contraindications,
    ])

  /// The features that are the patient's own, as opposed to a family history.
  static let ownFeatures = Set(SpondyloarthritisFeatureKind.allCases).subtracting([.familyHistory])

  static let planningSection = "Diagnostic Purposes for Surgical Planning"

  static let surgicalPlanning = Indication(
    "sijSurgicalPlanning", section: planningSection, purpose: .surgicalPlanning,
    phase: .diagnostic,
    criteria: [
      Criterion(
        "1756.dx.contrast", section: planningSection, family: .imagingGuidance,
        "An intra-articular injection with contrast under fluoroscopy or CT.",
        rule: .imageGuidance(allowed: [.fluoroscopyOrCT])),
      Criterion(
        "1756.dx.relief", section: planningSection, family: .priorResponse,
        "Each earlier diagnostic injection gave 75% relief or more while the anesthetic acted.",
        rule: .when(
          .priorOfSameKind,
          .priorRelief(
            ReliefRequirement(
              minimumPercent: 75, acceptsFunctionalImprovement: false, mustOutlastAnesthetic: true
            ))
        )),
      Criterion(
        "1756.dx.pain", section: planningSection, family: .painSeverity,
        "Pain of 6/10 or more, or limiting function, continues after the relief period.",
        rule: .pain(PainRequirement(minimum: 6, isContinuing: true))),
      Criterion(
        "1756.dx.count", section: planningSection, family: .frequency,
        "No more than two diagnostic injections in the diagnostic phase.",
        rule: .procedureCount(CountLimit(limit: 2))),
      Criterion(
        "1756.dx.plan", section: planningSection, family: .surgicalPlanning,
        "A pre-operative evaluation and a plan for sacroiliac joint surgery.",
        rule: .surgicalPlan(anyOf: [.preoperativeEvaluation, .surgeryPlanned])),
      contraindications,
    ])

  static let repeatSection = "Repeat Injections"

  static let repeatRequest = Indication(
    "therapeuticSacroiliac", section: repeatSection, purpose: .repetition, phase: .therapeutic,
    criteria: [
      Criterion(
        "1756.repeat.initialRelief", section: "Repeat Injections: Initial Treatment Phase",
        family: .priorResponse,
        "The earlier injection gave 50% relief or more, or a clear gain in function.",
        rule: .priorRelief(ReliefRequirement(minimumPercent: 50)), repeatPhase: .initial),
      Criterion(
        "1756.repeat.initialInterval", section: "Repeat Injections: Initial Treatment Phase",
        family: .interval, "Two weeks or more since the earlier injection.",
        rule: .interval(IntervalRequirement(minimumDays: Days.weeks(2), scope: .sameKind)),
        repeatPhase: .initial),
      Criterion(
        "1756.repeat.relief", section: "Repeat Injections: Therapeutic Phase",
        family: .priorResponse,
        "The last injection gave 50% relief or more, or a clear gain in function, for two"
          + " months or longer.",
        rule: .priorRelief(
          ReliefRequirement(minimumPercent: 50, minimumDays: Double(Days.months(2)))),
        repeatPhase: .therapeutic),
      Criterion(
        "1756.repeat.pain", section: "Repeat Injections: Therapeutic Phase",
        family: .painSeverity, "Pain of 6/10 or more, or limiting function, continues.",
        rule: .pain(PainRequirement(minimum: 6, isContinuing: true)), repeatPhase: .therapeutic),
      Criterion(
        "1756.repeat.active", section: "Repeat Injections: Therapeutic Phase",
        family: .conservativeCare,
        "Active conservative treatment is ongoing, unless a medical reason prevents it.",
        rule: .unlessMedicalReason(.ongoingTreatment(modalities: activeModalities)),
        repeatPhase: .therapeutic),
      Criterion(
        "1756.repeat.reexamined", section: "Repeat Injections: Therapeutic Phase",
        family: .provocationTests,
        "After other lumbar or sacral injections since the last one, at least one provocation"
          + " test is positive again.",
        rule: .when(
          .sinceLastSameKind(lumbosacralInjections),
          .provocationTests(atLeast: 1, among: sacroiliacTests)),
        repeatPhase: .therapeutic),
      Criterion(
        "1756.repeat.count", section: "Repeat Injections: Therapeutic Phase", family: .frequency,
        "No more than four injections per region in twelve months.",
        rule: .procedureCount(CountLimit(limit: 4, withinDays: 365)), repeatPhase: .therapeutic),
      guidance, contraindications,
    ])

  static let homeExercise = Criterion(
    "1756.hep", section: "Home Exercise Program", family: .homeExercise,
    "A home exercise program relied on is prescribed by a physician, therapist or"
      + " chiropractor and followed up.", rule: .homeExerciseProgram)

  static let guidance = Criterion(
    "1756.guidance", section: "Imaging Guidance", family: .imagingGuidance,
    "Done under fluoroscopy or CT (ultrasound where those are unsuitable).",
    rule: .imageGuidance(allowed: [.fluoroscopyOrCT, .ultrasound]))

  // Septic joint has no fact type; an infection of the joint is recorded as spinal or
  // systemic infection.
  static let contraindications = Criterion(
    "1756.contraindications", section: "Contraindications", family: .contraindication,
    "No active infection, infection at the site, local malignancy, coagulopathy, pregnancy,"
      + " uncontrolled diabetes or uninterrupted blood thinners.",
    rule: .noContraindication([
      .systemicInfection, .spinalInfection, .skinInfectionAtSite, .localMalignancy,
      .coagulopathy, .pregnancy, .uncontrolledDiabetes, .anticoagulation,
    ]))
}
