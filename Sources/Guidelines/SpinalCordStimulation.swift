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
    repeats: RepeatPolicy(sameKind: [.other: [.other, .deviceRemoval]], repeatPurpose: .revision),
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

  /// Refractory angina is the cause under review: no other accepted cause is documented.
  static let anginaIsTheCause = CaseCondition.allOf([
    .diagnosis([.refractoryAngina]),
    .not(.diagnosis(scsCauses.subtracting([.refractoryAngina]).union([.crps]))),
  ])

  /// What makes angina refractory: it continues after revascularization, no further
  /// revascularization is possible, it is NYHA class III or IV, and a month or more of
  /// optimal anti-anginal medication failed or was not tolerated.
  static let refractoryAngina: [Criterion] = [
    Criterion(
      "1757.scs.angina.revascularized", section: scsSection, family: .diagnosis,
      "Where refractory angina is the cause, it continues after PCI or coronary bypass surgery.",
      rule: .when(
        anginaIsTheCause,
        .documented(
          .prior([.coronaryRevascularization]),
          what: "a PCI or coronary bypass before the angina that continues"))),
    Criterion(
      "1757.scs.angina.noRevascularization", section: scsSection, family: .surgicalPlanning,
      "Where refractory angina is the cause, the patient is not a candidate for further"
        + " revascularization.",
      rule: .when(
        anginaIsTheCause,
        .documented(
          .surgicalPlan([.notRevascularizationCandidate]),
          what: "that the patient is not a candidate for further revascularization"))),
    Criterion(
      "1757.scs.angina.class", section: scsSection, family: .diagnosis,
      "Where refractory angina is the cause, it is NYHA class III or IV.",
      rule: .when(anginaIsTheCause, .anginaClass(atLeast: 3, systems: [.nyha]))),
    Criterion(
      "1757.scs.angina.medication", section: scsSection, family: .medicationTrial,
      "Where refractory angina is the cause, at least a month of optimal anti-anginal"
        + " medication failed or was not tolerated.",
      rule: .when(
        anginaIsTheCause,
        .medication(
          MedicationRequirement(
            label: "anti-anginal", classes: ["antianginal"],
            minimumWeeks: Double(Days.months(1)) / 7, requiresFailure: true)))),
  ]

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
    ] + refractoryAngina + [
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
      ]
        + ImplantRevision.afterInfectionCriteria(
          guideline: "1757", phase: "permanent", section: "\(permanentSection): After Infection",
          implantCodes: implantCodes)
        + [contraindications])
  }

  /// The codes that put electrodes or a generator in (all but the removals 63661 and 63662
  /// and 63688, "revision or removal" of the generator).
  static let implantCodes: Set<String> = ["63650", "63655", "63663", "63664", "63685"]

  /// The problems 1757 lists for a revision or removal. A depleted generator battery and
  /// broken hardware (a fractured lead, high impedances) are losses of effectiveness: the
  /// device no longer delivers its therapy.
  static let revisionReasons: Set<ImplantProblemKind> = [
    .leadMigration, .lossOfEffect, .batteryDepletion, .malfunction, .intolerance, .infection,
    .painfulSite, .neurologicalDeficit, .patientRequest,
  ]

  static let revision = Indication(
    "scsRevision", section: revisionSection, purpose: .revision, phase: .revision,
    criteria: ImplantRevision.criteria(
      guideline: "1757", section: revisionSection, reasons: revisionReasons,
      implantCodes: implantCodes))

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
