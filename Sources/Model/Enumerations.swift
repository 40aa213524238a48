// The enumerated values of the facts-v1 contract, spelled exactly as it spells them.

/// The kind of pain score a note reports.
public enum PainContext: String, Codable, Sendable, CaseIterable {
  case current, average, worst, least, preProcedure, postProcedure, unspecified
}

/// The instrument a functional disability is measured with.
public enum DisabilityInstrument: String, Codable, Sendable, CaseIterable {
  case odi, ndi, promis, narrative
}

/// Whether pain stays in the spine or travels along a nerve.
public enum PainPatternKind: String, Codable, Sendable, CaseIterable {
  case axial, radicular, mixed
}

/// The examination manoeuvres the guidelines count.
public enum ProvocationTestKind: String, Codable, Sendable, CaseIterable {
  case distraction, compression, sacralThrust, faber, posteriorShear, yeoman, gaenslen
  case thighThrust, straightLegRaise, slump, spurling, facetLoading

  /// The eight sacroiliac provocation tests of guideline 1756.
  public var isSacroiliac: Bool {
    switch self {
    case .straightLegRaise, .slump, .spurling, .facetLoading: return false
    default: return true
    }
  }
}

/// Positive or negative, for an examination test or a screen.
public enum TestResult: String, Codable, Sendable, CaseIterable {
  case positive, negative
}

/// Left, right or both.
public enum Side: String, Codable, Sendable, CaseIterable {
  case left, right, bilateral
}

/// The body regions the contract names.
public enum Region: String, Codable, Sendable, CaseIterable {
  case cervical, thoracic, lumbar, sacral, sacroiliac, upperExtremity, lowerExtremity
  case abdomen, pelvis
}

/// The four Budapest categories.
public enum BudapestCategory: String, Codable, Sendable, CaseIterable {
  case sensory, vasomotor, sudomotorEdema, motorTrophic
}

/// Whether a Budapest finding was reported by the patient or seen on examination.
public enum BudapestKind: String, Codable, Sendable, CaseIterable {
  case symptom, sign
}

/// Procedures that relief is measured after or that appear in a history.
public enum ProcedureKind: String, Codable, Sendable, CaseIterable {
  case epiduralInjection, facetInjection, medialBranchBlock, radiofrequencyAblation
  case sacroiliacInjection, stellateGanglionBlock, lumbarSympatheticBlock
  case thoracicSympatheticBlock, celiacPlexusBlock, superiorHypogastricBlock
  case spinalCordStimulatorTrial, intrathecalTrial, spineSurgery, other
  /// PendCheck's additions: removal of an implanted device (an explant), and a coronary
  /// revascularization (PCI or CABG) before a stimulator for refractory angina.
  case deviceRemoval, coronaryRevascularization
}

/// Conservative and other treatment modalities.
public enum TherapyModality: String, Codable, Sendable, CaseIterable {
  case physicalTherapy, homeExercise, chiropractic
  case medication, injection, device
  case occupationalTherapy, painPsychology, acupuncture

  /// Active modalities in the guidelines' conservative-treatment definition.
  public var isActive: Bool {
    self == .physicalTherapy || self == .homeExercise || self == .chiropractic
  }

  /// Inactive modalities in the guidelines' conservative-treatment definition.
  public var isInactive: Bool {
    self == .medication || self == .injection || self == .device
  }
}

/// Where a therapy stands.
public enum TherapyStatus: String, Codable, Sendable, CaseIterable {
  case completed, ongoing, planned, unable, discontinued
}

/// How a therapy turned out.
public enum TherapyOutcome: String, Codable, Sendable, CaseIterable {
  case failed, improved, worsened, unknown
}

/// Who prescribed a home exercise program.
public enum Prescriber: String, Codable, Sendable, CaseIterable {
  case physician, physicalTherapist, chiropractor
}

/// The staphylococcus a screen looked for.
public enum StaphOrganism: String, Codable, Sendable, CaseIterable {
  case mrsa, mssa, staphAureus
}

/// Opioid exposure.
public enum OpioidStatus: String, Codable, Sendable, CaseIterable {
  case current, past, naive
}

/// Imaging findings the criteria depend on.
public enum ImagingFindingKind: String, Codable, Sendable, CaseIterable {
  case synovialCyst, parsDefect, spinalStenosis, severeStenosisObstruction, discHerniation
  case sacroiliitis, facetArthropathy, spondylolisthesis, other
}

/// Imaging modalities.
public enum ImagingModality: String, Codable, Sendable, CaseIterable {
  case mri, ct, xray
}

/// Risk factors and contraindications.
public enum RiskCondition: String, Codable, Sendable, CaseIterable {
  case systemicInfection, spinalInfection, skinInfectionAtSite, anticoagulation, coagulopathy
  case pregnancy, uncontrolledDiabetes, contrastAllergy, anestheticAllergy, localMalignancy
  case recentMyocardialInfarction, insufficientBodyHabitus
}

/// Diagnoses the guidelines' indications name.
public enum DiagnosisCondition: String, Codable, Sendable, CaseIterable {
  case radiculopathy, spinalStenosis, failedBackSurgerySyndrome, epiduralFibrosis
  case facetJointPain, spondylolysis, sacroiliacJointPain, spondyloarthritis, crps
  case acuteHerpesZoster, postherpeticNeuralgia, phantomLimbPain, cancerPain
  case ischemicLimbPain, chronicPancreatitis, pelvicVisceralPain, lumbosacralArachnoiditis
  case diabeticNeuropathy, peripheralNeuropathy, refractoryAngina, spinalCordInjury
  case multipleSclerosis, stiffPersonSyndrome, intractableSpasticity
  case chronicIntractablePain, other
}

/// Where surgery stands.
public enum SurgicalPlanKind: String, Codable, Sendable, CaseIterable {
  case preoperativeEvaluation, surgeryPlanned, notSurgicalCandidate
  /// PendCheck's addition: the heart team rules out further PCI or bypass surgery.
  case notRevascularizationCandidate
}

/// Devices and drugs that are trialled before a permanent implant.
public enum TrialDevice: String, Codable, Sendable, CaseIterable {
  case spinalCordStimulator, dorsalRootGanglion, intrathecalPump
}

/// Why an implanted stimulator or pump is to be revised, replaced or removed (PendCheck's
/// addition to facts-v1).
public enum ImplantProblemKind: String, Codable, Sendable, CaseIterable {
  case leadMigration, lossOfEffect, batteryDepletion, intolerance, infection, painfulSite
  case neurologicalDeficit, malfunction, patientRequest, other
}

/// The specialty of a consultation the guidelines ask for (PendCheck's addition).
public enum ConsultationSpecialty: String, Codable, Sendable, CaseIterable {
  case infectiousDisease
}

/// The scale an angina class is graded on: New York Heart Association or Canadian
/// Cardiovascular Society (PendCheck's addition).
public enum AnginaClassSystem: String, Codable, Sendable, CaseIterable {
  case nyha, ccs
}
