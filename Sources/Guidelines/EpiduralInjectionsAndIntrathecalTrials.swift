import Matching
import Model

// Guideline 1751, Epidural Spine Injections and Intraspinal Drug Trials, 2026: the epidural
// indications of 1750 and the single-injection intrathecal trials before a pump.

extension Guideline {
  public static let epiduralInjectionsAndIntrathecalTrials = Guideline(
    number: "1751", title: "Epidural injections and intraspinal drug trials",
    codes: EpiduralDefinitions.codes,
    exclusions: EpiduralDefinitions.sharedExclusions + [
      Exclusion(
        section: "Exclusions", service: "intrathecal catheters or ports for chemotherapy",
        reasons: ["chemotherapy"], condition: PumpDefinitions.noPainOrSpasticity,
        codes: ["62350", "62351", "62360", "62361", "62362"])
    ],
    indications: EpiduralDefinitions.indications(guideline: "1751") + [
      IntrathecalTrialDefinitions.pain, IntrathecalTrialDefinitions.spasticity,
    ],
    repeats: EpiduralDefinitions.repeats,
    services: EpiduralDefinitions.services + [
      NamedService(["intrathecal trial", "intrathecal drug trial"], code: "62323")
    ])
}

enum IntrathecalTrialDefinitions {
  static let painSection = "Indications for Intraspinal Drug Trial: Chronic Intractable Pain"
  static let spasticitySection = "Indications for Intraspinal Drug Trial: Spasticity"
  static let additional = "Indications for Intraspinal Drug Trial: Additional Trials"

  static let spasticityConditions: Set<DiagnosisCondition> = [
    .intractableSpasticity, .spinalCordInjury, .multipleSclerosis, .stiffPersonSyndrome,
  ]

  static let pain = Indication(
    "intrathecalTrialPain", section: painSection, purpose: .trial, phase: .trial,
    impliedByDiagnoses: [.chronicIntractablePain],
    criteria: [
      Criterion(
        "1751.trial.pain", section: painSection, family: .painSeverity,
        "Pain that disrupts daily life and work, or persists at 6/10 or more despite treatment.",
        rule: .pain(PainRequirement(minimum: 6))),
      Criterion(
        "1751.trial.conservative", section: painSection, family: .conservativeCare,
        "Twelve weeks of failed conservative treatment of the region, at least one active and"
          + " one inactive, unless a medical reason prevents it.",
        // The guideline's background defines the conservative treatment its criteria name as
        // at least one active and one inactive component; unlike the injections' six weeks in
        // six months, the twelve weeks are of treatment as a whole. The spasticity trial
        // below names its own examples ("oral medications, physical therapy") and is read
        // without the components.
        rule: .unlessMedicalReason(
          .conservativeTreatment(
            ConservativeTreatmentPolicy(
              minimumDays: Days.weeks(12), requiresActiveAndInactive: true,
              measuresWholeCourse: true)))),
      Criterion(
        "1751.trial.opioids", section: "Indications for Intraspinal Drug Trial (note)",
        family: .medicationTrial, "The patient is not opioid-naive.", rule: .opioidExposure),
      earlierTrial, trialCount, infection,
    ])

  static let spasticity = Indication(
    "intrathecalTrialSpasticity", section: spasticitySection, purpose: .trial, phase: .trial,
    impliedByDiagnoses: spasticityConditions,
    criteria: [
      Criterion(
        "1751.trial.spasticity", section: spasticitySection, family: .diagnosis,
        "Intractable spasticity from spinal cord injury, multiple sclerosis, stiff person"
          + " syndrome or another cause of intractable spasms.",
        rule: .diagnosis(anyOf: spasticityConditions), defining: true),
      Criterion(
        "1751.trial.function", section: spasticitySection, family: .painSeverity,
        "The spasticity prevents upright posture, impairs balance in walking or disrupts daily"
          + " activities.", rule: .functionalLimitation),
      Criterion(
        "1751.trial.spasticityConservative", section: spasticitySection,
        family: .conservativeCare,
        "Twelve weeks of failed conservative treatment such as oral medication or therapy.",
        rule: .conservativeTreatment(ConservativeTreatmentPolicy(minimumDays: Days.weeks(12)))),
      earlierTrial, trialCount, infection,
    ])

  static let earlierTrial = Criterion(
    "1751.trial.again", section: additional, family: .deviceTrial,
    "A second trial follows a first that gave less than 50% relief or intolerable side effects.",
    rule: .when(
      .anyOf([.prior([.intrathecalTrial]), .deviceTrial([.intrathecalPump])]),
      .deviceTrial(
        DeviceTrialRequirement(
          devices: [.intrathecalPump], minimumPercent: 50, trialProcedures: [.intrathecalTrial],
          isUpperBound: true))))

  static let trialCount = Criterion(
    "1751.trial.count", section: additional, family: .frequency,
    "No more than two intraspinal drug trials.",
    rule: .procedureCount(CountLimit(limit: 2, procedures: [.intrathecalTrial])))

  static let infection = Criterion(
    "1751.trial.contraindications", section: "Contraindications for Intraspinal Drug Trial",
    family: .contraindication,
    "No active systemic or spinal infection, and a body habitus that can carry the device.",
    rule: .noContraindication([.systemicInfection, .spinalInfection, .insufficientBodyHabitus]))
}
