import Matching
import Model

// Guideline 1757, Spinal Cord Stimulation (and dorsal root ganglion stimulation), 2026.

extension Guideline {
  public static let spinalCordStimulation = Guideline(
    number: "1757", title: "Spinal cord and dorsal root ganglion stimulation",
    codes: [
      ProcedureCode(
        "63650", "Percutaneous epidural electrode array (trial or permanent; also DRG)",
        procedure: .spinalCordStimulatorTrial, regions: []),
      ProcedureCode(
        "63655", "Paddle electrode placed through a laminectomy", procedure: .other, regions: [],
        purpose: .permanent),
      ProcedureCode(
        "63661", "Removal of percutaneous electrode arrays", procedure: .other, regions: [],
        purpose: .revision),
      ProcedureCode(
        "63662", "Removal of paddle electrodes", procedure: .other, regions: [],
        purpose: .revision),
      ProcedureCode(
        "63663", "Revision or replacement of percutaneous electrode arrays", procedure: .other,
        regions: [], purpose: .revision),
      ProcedureCode(
        "63664", "Revision or replacement of paddle electrodes", procedure: .other, regions: [],
        purpose: .revision),
      ProcedureCode(
        "63685", "Inserting or replacing the pulse generator", procedure: .other, regions: [],
        purpose: .permanent),
      ProcedureCode(
        "63688", "Revision or removal of the pulse generator", procedure: .other, regions: [],
        purpose: .revision),
    ],
    indications: [
      StimulatorDefinitions.scsTrial, StimulatorDefinitions.drgTrial,
      StimulatorDefinitions.permanent("scsPermanent", device: .spinalCordStimulator),
      StimulatorDefinitions.permanent("drgPermanent", device: .dorsalRootGanglion),
      StimulatorDefinitions.revision,
    ],
    repeats: RepeatPolicy(sameKind: [.other: [.other]], repeatPurpose: .revision),
    defaultPurposes: [.trial],
    services: [
      NamedService(
        ["spinal cord stimulator", "dorsal root ganglion", "neurostimulator"], code: "63650")
    ])
}

enum StimulatorDefinitions {
  static let scsSection = "Indications: Spinal Cord Stimulation"
  static let drgSection = "Indications: Dorsal Root Ganglion Stimulator"
  static let permanentSection = "Permanent Spinal Cord or Dorsal Root Ganglion Stimulator"
  static let revisionSection = "Revision or Removal of Spinal Cord or DRG Stimulator Device"

  /// Neuropathic and other causes of pain the SCS trial accepts besides CRPS.
  static let scsCauses: Set<DiagnosisCondition> = [
    .failedBackSurgerySyndrome, .lumbosacralArachnoiditis, .postherpeticNeuralgia,
    .radiculopathy, .ischemicLimbPain, .diabeticNeuropathy, .phantomLimbPain,
    .peripheralNeuropathy, .refractoryAngina,
  ]

  // FIXME: refractory angina's own conditions (angina after PCI or CABG, no further
  // revascularization, NYHA III-IV, a month of optimal medication) have no fact types; a
  // documented diagnosis of refractory angina stands in for them.
  static let scsTrial = Indication(
    "scsTrial", section: scsSection, purpose: .trial, phase: .trial,
    criteria: [
      decolonization,
      pain("scs", scsSection), duration("scs", scsSection),
      Criterion(
        "1757.scs.cause", section: scsSection, family: .diagnosis,
        "The pain comes from failed spine surgery, CRPS, a listed neuropathic condition,"
          + " neuropathic back pain without a surgical option, or refractory angina.",
        rule: .anyOf([
          .diagnosis(anyOf: scsCauses.union([.crps])),
          .allOf([
            .diagnosis(anyOf: [.chronicIntractablePain]),
            .documented(
              .surgicalPlan([.notSurgicalCandidate]),
              what: "that the patient is not a surgical"
                + " candidate"),
          ]),
        ])),
      Criterion(
        "1757.scs.budapest", section: scsSection, family: .budapestCriteria,
        "Where CRPS is the cause, it meets the Budapest criteria.",
        rule: .when(.diagnosis([.crps]), .when(.not(.diagnosis(scsCauses)), .budapestCriteria))),
      conservative("scs", scsSection), psychology("scs", scsSection), contraindications,
    ])

  static let drgTrial = Indication(
    "drgTrial", section: drgSection, purpose: .trial, phase: .trial,
    serviceTerms: ["dorsal root ganglion", "drg"],
    criteria: [
      decolonization,
      pain("drg", drgSection), duration("drg", drgSection),
      Criterion(
        "1757.drg.crps", section: drgSection, family: .diagnosis,
        "The pain comes from CRPS type I or II.", rule: .diagnosis(anyOf: [.crps]), defining: true),
      Criterion(
        "1757.drg.lowerLimb", section: drgSection, family: .diagnosis,
        "The CRPS affects the lower limbs (lumbar or sacral levels).",
        rule: .requestedRegion([.lumbar, .sacral, .lowerExtremity, .pelvis])),
      Criterion(
        "1757.drg.budapest", section: drgSection, family: .budapestCriteria,
        "The CRPS meets the Budapest criteria.", rule: .budapestCriteria),
      conservative("drg", drgSection), psychology("drg", drgSection), contraindications,
    ])

  // FIXME: after a device infection the guideline wants an infectious-disease consult and
  // 12 weeks between removal and the new implant; neither has a facts-v1 fact type.
  static func permanent(_ name: String, device: TrialDevice) -> Indication {
    Indication(
      name, section: permanentSection, purpose: .permanent, phase: .permanent,
      serviceTerms: device == .dorsalRootGanglion ? ["dorsal root ganglion", "drg"] : [],
      devices: [device],
      criteria: [
        decolonization,
        Criterion(
          "1757.permanent.trial", section: permanentSection, family: .deviceTrial,
          "The temporary trial reduced pain by 50% or more with a clear gain in function over at"
            + " least 3 days.",
          rule: .deviceTrial(
            DeviceTrialRequirement(
              devices: [device], minimumPercent: 50, minimumDays: 3,
              requiresFunctionalImprovement: true, trialProcedures: [.spinalCordStimulatorTrial]))),
        contraindications,
      ])
  }

  // FIXME: the reasons for revision or removal (lead migration, lost effect, intolerance, a
  // painful generator site, new neurological deficit, patient demand) have no fact type.
  static let revision = Indication(
    "scsRevision", section: revisionSection, purpose: .revision, phase: .revision,
    criteria: ImplantRevision.criteria(guideline: "1757", section: revisionSection))

  static let decolonization = Criterion(
    "1757.decolonization", section: "Indications", family: .mrsaDecolonization,
    "A patient colonized with MRSA or MSSA has decolonization starting no earlier than 10 days"
      + " before the procedure.", rule: .decolonization(maximumDaysBefore: 10))

  static func pain(_ prefix: String, _ section: String) -> Criterion {
    Criterion(
      "1757.\(prefix).pain", section: section, family: .painSeverity,
      "Average pain of 6/10 or more, or pain that limits function.",
      rule: .pain(PainRequirement(minimum: 6)))
  }

  static func duration(_ prefix: String, _ section: String) -> Criterion {
    Criterion(
      "1757.\(prefix).duration", section: section, family: .painDuration,
      "The pain has lasted six months or longer.", rule: .painDuration(.atLeastMonths(6)))
  }

  static func conservative(_ prefix: String, _ section: String) -> Criterion {
    Criterion(
      "1757.\(prefix).conservative", section: section, family: .conservativeCare,
      "Six months of failed conservative treatment (medication trials, injections or blocks),"
        + " unless a medical reason prevents it.",
      rule: .unlessMedicalReason(
        .conservativeTreatment(
          ConservativeTreatmentPolicy(minimumDays: Days.months(6), countsProcedures: true))))
  }

  static func psychology(_ prefix: String, _ section: String) -> Criterion {
    Criterion(
      "1757.\(prefix).psychology", section: section, family: .psychEvaluation,
      "A completed pre-surgical psychological assessment: pain not due to a psychiatric"
        + " disorder, disorders managed, and the ability to run the stimulator.",
      rule: .psychologicalEvaluation)
  }

  static let contraindications = Criterion(
    "1757.contraindications", section: "Contraindications", family: .contraindication,
    "No active systemic or spinal infection, a body habitus that can carry the device, no"
      + " coagulation disorder and no pregnancy.",
    rule: .noContraindication([
      .systemicInfection, .spinalInfection, .insufficientBodyHabitus, .coagulopathy, .pregnancy,
    ]))
}
