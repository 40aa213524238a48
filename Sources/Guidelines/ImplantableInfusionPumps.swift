import Matching
import Model

// Guideline 1752, Implantable Infusion Pump Insertion, 2026. Its intraspinal drug trials are
// billed with epidural codes and reviewed under 1751; this definition covers the permanent
// pump and its replacement, revision and removal.

extension Guideline {
  public static let implantableInfusionPumps = Guideline(
    number: "1752", title: "Implantable infusion pumps",
    codes: [
      ProcedureCode(
        "62350", "Tunneled intrathecal or epidural catheter for a pump, without laminectomy",
        procedure: .other, regions: []),
      ProcedureCode(
        "62351", "Tunneled intrathecal or epidural catheter for a pump, with laminectomy",
        procedure: .other, regions: []),
      ProcedureCode(
        "62355", "Removal of an implanted intrathecal or epidural catheter", procedure: .other,
        regions: [], purpose: .revision),
      ProcedureCode(
        "62360", "Implanting or replacing a subcutaneous reservoir", procedure: .other,
        regions: []),
      ProcedureCode(
        "62361", "Implanting or replacing a non-programmable pump", procedure: .other, regions: []),
      ProcedureCode(
        "62362", "Implanting or replacing a programmable pump", procedure: .other, regions: []),
    ],
    exclusions: [
      Exclusion(
        section: "Purpose (note)",
        service: "intrathecal treatment for anything other than chronic pain or intractable"
          + " spasticity (such as chemotherapy)",
        terms: [["chemotherapy"]], reasons: ["chemotherapy"],
        condition: PumpDefinitions.noPainOrSpasticity)
    ],
    indications: [PumpDefinitions.pain, PumpDefinitions.spasticity, PumpDefinitions.replacement],
    repeats: RepeatPolicy(sameKind: [.other: [.other, .deviceRemoval]], repeatPurpose: .revision),
    defaultPurposes: [.permanent],
    services: [NamedService(["intrathecal pump", "infusion pump", "pain pump"], code: "62362")])
}

enum PumpDefinitions {
  /// A diagnosis outside the pain conditions, with no documented pain (4/10 or more, or
  /// limiting function) and no pain or spasticity diagnosis: the intrathecal therapy is for
  /// something else (chemotherapy, a drug for a neuromuscular disease).
  static let noPainOrSpasticity = CaseCondition.allOf([
    .diagnosis([.other]),
    .not(
      .anyOf([
        .diagnosis(Set(DiagnosisCondition.allCases).subtracting([.other])), .painAtLeast(4),
        .functionalLimitation,
      ])),
  ])

  static let painSection = "Permanently Implanted Infusion Pump: Chronic Intractable Pain"
  static let spasticitySection = "Permanently Implanted Infusion Pump: Spasticity"
  static let revisionSection = "Pump Replacement, Revision and Removal"

  static let pain = Indication(
    "permanentPumpPain", section: painSection, purpose: .permanent, phase: .permanent,
    criteria: [
      decolonization,
      Criterion(
        "1752.pain.pain", section: painSection, family: .painSeverity,
        "Pain that disrupts daily life and work, or persists at 6/10 or more despite treatment.",
        rule: .pain(PainRequirement(minimum: 6))),
      Criterion(
        "1752.pain.conservative", section: painSection, family: .conservativeCare,
        "Twelve weeks of failed conservative treatment of the region, unless a medical reason"
          + " prevents it.",
        rule: .unlessMedicalReason(.conservativeTreatment(nonDrugTwelveWeeks))),
      Criterion(
        "1752.pain.medication", section: painSection, family: .medicationTrial,
        "Twelve weeks or more of oral or transdermal pain medication, opioid or not.",
        rule: .medication(
          MedicationRequirement(
            label: "pain", minimumWeeks: 12, opioidUseCounts: true))),
      Criterion(
        "1752.pain.trial", section: painSection, family: .deviceTrial,
        "An intraspinal trial gave 50% relief or more with tolerable side effects.",
        rule: .deviceTrial(
          DeviceTrialRequirement(
            devices: [.intrathecalPump], minimumPercent: 50, trialProcedures: [.intrathecalTrial],
            requiresTolerableSideEffects: true))),
      psychology, contraindications,
    ])

  static let spasticity = Indication(
    "permanentPumpSpasticity", section: spasticitySection, purpose: .permanent,
    phase: .permanent, impliedByDiagnoses: IntrathecalTrialDefinitions.spasticityConditions,
    criteria: [
      decolonization,
      Criterion(
        "1752.spasticity.diagnosis", section: spasticitySection, family: .diagnosis,
        "Intractable spasticity from spinal cord injury, multiple sclerosis, stiff person"
          + " syndrome or another cause of intractable spasms.",
        rule: .diagnosis(anyOf: IntrathecalTrialDefinitions.spasticityConditions), defining: true),
      Criterion(
        "1752.spasticity.function", section: spasticitySection, family: .painSeverity,
        "The spasticity prevents upright posture, impairs balance in walking or disrupts daily"
          + " activities.", rule: .functionalLimitation),
      Criterion(
        "1752.spasticity.conservative", section: spasticitySection, family: .conservativeCare,
        "Twelve weeks of failed conservative treatment such as oral medication or therapy.",
        rule: .conservativeTreatment(ConservativeTreatmentPolicy(minimumDays: Days.weeks(12)))),
      Criterion(
        "1752.spasticity.trial", section: spasticitySection, family: .deviceTrial,
        "An intraspinal antispasmodic trial relieved spasm by 50% or more with tolerable side"
          + " effects.",
        rule: .deviceTrial(
          DeviceTrialRequirement(
            devices: [.intrathecalPump], minimumPercent: 50, trialProcedures: [.intrathecalTrial],
            requiresTolerableSideEffects: true))),
      psychology, contraindications,
    ])

  /// The codes that put a catheter, reservoir or pump in (all but 62355, a removal).
  static let implantCodes: Set<String> = ["62350", "62351", "62360", "62361", "62362"]

  /// 1752 accepts any medical reason besides those it names, so every problem counts.
  static let replacement = Indication(
    "pumpReplacement", section: revisionSection, purpose: .revision, phase: .revision,
    criteria: ImplantRevision.criteria(
      guideline: "1752", section: revisionSection, reasons: Set(ImplantProblemKind.allCases),
      implantCodes: implantCodes)
      + [pumpAnalysis])

  /// A programmable pump (62362) replaced while it is still in place comes with its analysis
  /// report; after the pump was removed there is none to send.
  static let pumpAnalysis = Criterion(
    "1752.revision.pumpAnalysis", section: "\(revisionSection) (note)", family: .other,
    "Replacing a programmable pump that is still in place: the pump analysis report accompanies"
      + " the request.",
    rule: .when(
      .allOf([.requestedCode(["62362"]), .not(.prior([.deviceRemoval]))]),
      .interrogationReport([.intrathecalPump])))

  /// Twelve weeks of conservative therapy other than the medication course, which 1752 asks
  /// for separately.
  static let nonDrugTwelveWeeks = ConservativeTreatmentPolicy(
    minimumDays: Days.weeks(12),
    modalities: Set(TherapyModality.allCases).subtracting([.medication]))

  static let decolonization = Criterion(
    "1752.decolonization", section: "Indications for Intraspinal Drug Trial",
    family: .mrsaDecolonization,
    "A patient colonized with MRSA or MSSA has decolonization starting no earlier than 10 days"
      + " before the procedure.", rule: .decolonization(maximumDaysBefore: 10))

  static let psychology = Criterion(
    "1752.psychology", section: painSection, family: .psychEvaluation,
    "A completed psychological assessment of cognition, physical ability and willingness for"
      + " pump therapy.", rule: .psychologicalEvaluation)

  static let contraindications = Criterion(
    "1752.contraindications", section: "Contraindications for Implanted Infusion Pump",
    family: .contraindication,
    "No active systemic or spinal infection, and a body habitus that can carry the device.",
    rule: .noContraindication([.systemicInfection, .spinalInfection, .insufficientBodyHabitus]))
}
