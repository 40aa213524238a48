import Model

/// The vocabulary criteria are written in. Each case is a kind of requirement the
/// guidelines state; its parameters are the guideline's numbers. The engine knows how to
/// evaluate every case against a case's facts, so a guideline written in this vocabulary
/// needs no engine change.
public indirect enum Rule: Sendable {
  /// Pain at or above a level, or pain causing functional disability.
  case pain(PainRequirement)
  /// Function limited by the condition (posture, balance, daily activities), in any
  /// instrument.
  case functionalLimitation
  case painDuration(DurationBound)
  /// The documented pain pattern is one of `accepted`; one of `contradicted` is not met.
  case painPattern(accepted: Set<PainPatternKind>, contradicted: Set<PainPatternKind>)
  /// One of the diagnoses, or one of the imaging findings, is documented.
  case diagnosis(anyOf: Set<DiagnosisCondition>, orImaging: Set<ImagingFindingKind> = [])
  /// None of the diagnoses is documented as the pain's source, nor the imaging findings.
  case notPrimarily(Set<DiagnosisCondition>, imaging: Set<ImagingFindingKind> = [])
  case imaging(anyOf: Set<ImagingFindingKind>)
  /// At least `count` of the tests are positive on examination.
  case provocationTests(atLeast: Int, among: Set<ProvocationTestKind>)
  case conservativeTreatment(ConservativeTreatmentPolicy)
  /// When a home exercise program is the active treatment relied on: prescribed by a
  /// physician, physical therapist or chiropractor, and followed up.
  case homeExerciseProgram
  /// Treatment of one of the modalities is under way now.
  case ongoingTreatment(modalities: Set<TherapyModality>?)
  /// Treatment of one of the modalities was tried and failed.
  case failedTreatment(modalities: Set<TherapyModality>?)
  case medication(MedicationRequirement)
  /// The patient is not opioid-naive.
  case opioidExposure
  case budapestCriteria
  /// A positive staphylococcal screen has decolonization starting no earlier than this many
  /// days before the planned date.
  case decolonization(maximumDaysBefore: Int, requiresScreen: Bool = false)
  /// A psychological evaluation is completed and does not advise against the implant.
  case psychologicalEvaluation
  case deviceTrial(DeviceTrialRequirement)
  /// One of these problems with the implanted device is documented as the reason for the
  /// revision, replacement or removal.
  case implantProblem(anyOf: Set<ImplantProblemKind>)
  /// A consultation with this specialty is documented.
  case consultation(ConsultationSpecialty)
  /// Angina of at least this class on one of these scales.
  case anginaClass(atLeast: Int, systems: Set<AnginaClassSystem>)
  /// The analysis (interrogation) report of the implanted device is documented.
  case interrogationReport(Set<TrialDevice>)
  case priorRelief(ReliefRequirement)
  case procedureCount(CountLimit)
  case interval(IntervalRequirement)
  case surgicalPlan(anyOf: Set<SurgicalPlanKind>)
  case imageGuidance(allowed: Set<ImageGuidance>)
  /// No more than this many levels are requested for one day.
  case levels(atMost: Int)
  /// The requested region is one of these.
  case requestedRegion(Set<Region>)
  /// Requests for several procedures on one date of service.
  case sameDay(SameDayPolicy)
  /// None of the conditions is documented as present, nor any of the imaging findings.
  case noContraindication(Set<RiskCondition>, imaging: Set<ImagingFindingKind> = [])
  /// The condition holds; `contradictedBy` holding instead is not met.
  case documented(CaseCondition, what: String, contradictedBy: CaseCondition? = nil)
  case allOf([Rule])
  case anyOf([Rule])
  case atLeast(Int, of: [Rule])
  /// The rule, or a documented medical inability to do the treatment (a therapy `unable`).
  case unlessMedicalReason(Rule)
  /// The rule applies only when the condition holds; otherwise it is met.
  case when(CaseCondition, Rule)
  /// The complaint began before this age.
  case onsetAge(below: Int)
  /// At least one feature of spondyloarthritis; inflammatory back pain counts as one only
  /// with enough of its items.
  case spondyloarthritisFeatures(InflammatoryBackPain)
  /// A further diagnostic block after one that failed, at another level or with another
  /// technique, where the pain generator is in question or several levels are diseased.
  case retargetAfterFailedBlock(RetargetedBlock)
}

/// A condition on the case that decides whether a rule applies.
public indirect enum CaseCondition: Sendable {
  case diagnosis(Set<DiagnosisCondition>)
  case imaging(Set<ImagingFindingKind>)
  /// An earlier procedure of the same kind in this episode of care.
  case priorOfSameKind
  /// A procedure of one of these kinds since the last one of the same kind.
  case sinceLastSameKind(Set<ProcedureKind>)
  /// An earlier procedure of one of these kinds, in any episode.
  case prior(Set<ProcedureKind>)
  /// A pain score of at least this level, in any context.
  case painAtLeast(Double)
  /// Limited function documented as present.
  case functionalLimitation
  case surgicalPlan(Set<SurgicalPlanKind>)
  /// One of the risk factors documented as present.
  case riskFactor(Set<RiskCondition>)
  /// A trial of one of these devices is documented.
  case deviceTrial(Set<TrialDevice>)
  /// One of these problems with an implanted device is documented.
  case implantProblem(Set<ImplantProblemKind>)
  /// One of these codes is requested.
  case requestedCode(Set<String>)
  case anyOf([CaseCondition])
  case allOf([CaseCondition])
  case not(CaseCondition)
  /// The patient is at least this old at the most recent note.
  case patientAge(atLeast: Int)
  /// An earlier procedure of one of these kinds is documented with its date.
  case datedPrior(Set<ProcedureKind>)
  /// One of these spondyloarthritis features is documented as present.
  case spondyloarthritisFeature(Set<SpondyloarthritisFeatureKind>)
}

/// What makes back pain inflammatory for guideline 1756: at least `itemsNeeded` of its
/// items, one of which is an onset before `onsetBefore` years of age.
public struct InflammatoryBackPain: Sendable {
  public var itemsNeeded: Int
  public var onsetBefore: Int

  public init(itemsNeeded: Int, onsetBefore: Int) {
    self.itemsNeeded = itemsNeeded
    self.onsetBefore = onsetBefore
  }
}

/// A second diagnostic block after a first that failed: relief below `failedBelowPercent`
/// (0 for "no relief at all"), then another level or another technique.
public struct RetargetedBlock: Sendable {
  /// Relief under this percent is a failed block; with 0, only no relief at all is.
  public var failedBelowPercent: Double
  /// Procedure kinds a change of technique may move between (intra-articular facet
  /// injection and medial branch block).
  public var techniques: Set<ProcedureKind>

  public init(failedBelowPercent: Double, techniques: Set<ProcedureKind> = []) {
    self.failedBelowPercent = failedBelowPercent
    self.techniques = techniques
  }
}

/// A higher count allowed when the documents show special circumstances.
public struct RaisedCountLimit: Sendable {
  public var limit: Int
  public var condition: CaseCondition
  /// The circumstances, for reasons: "an older patient with spinal stenosis …".
  public var circumstances: String

  public init(limit: Int, when condition: CaseCondition, circumstances: String) {
    self.limit = limit
    self.condition = condition
    self.circumstances = circumstances
  }
}

/// Which pain scores a pain requirement reads, and the level it needs.
public struct PainRequirement: Sendable {
  public var minimum: Double
  public var acceptsDisability: Bool
  /// `true` for pain that must continue after a procedure's relief period.
  public var isContinuing: Bool

  public init(minimum: Double, acceptsDisability: Bool = true, isContinuing: Bool = false) {
    self.minimum = minimum
    self.acceptsDisability = acceptsDisability
    self.isContinuing = isContinuing
  }
}

/// A bound on how long the pain has lasted.
public enum DurationBound: Sendable {
  case atLeastMonths(Double)
  case lessThanMonths(Double)
  case lessThanWeeks(Double)
}

/// Conservative treatment as a guideline defines it.
public struct ConservativeTreatmentPolicy: Sendable {
  /// The shortest course, in days (six weeks is 42).
  public var minimumDays: Int
  /// Months before the reference date the course must fall in; `nil` for any time.
  public var windowMonths: Int?
  /// At least one active and one inactive modality.
  public var requiresActiveAndInactive: Bool
  /// Whether the whole course, not its active part alone, must last `minimumDays`.
  public var measuresWholeCourse: Bool
  /// Modalities that count; `nil` for every modality.
  public var modalities: Set<TherapyModality>?
  /// Prior procedures that count as treatment (interventional procedures for stimulators).
  public var countsProcedures: Bool
  /// After earlier spinal injections in the same region, ongoing treatment is enough.
  public var ongoingSufficesAfterPriorInjection: Bool

  public init(
    minimumDays: Int, windowMonths: Int? = nil, requiresActiveAndInactive: Bool = false,
    measuresWholeCourse: Bool = false, modalities: Set<TherapyModality>? = nil,
    countsProcedures: Bool = false, ongoingSufficesAfterPriorInjection: Bool = false
  ) {
    self.minimumDays = minimumDays
    self.windowMonths = windowMonths
    self.requiresActiveAndInactive = requiresActiveAndInactive
    self.measuresWholeCourse = measuresWholeCourse
    self.modalities = modalities
    self.countsProcedures = countsProcedures
    self.ongoingSufficesAfterPriorInjection = ongoingSufficesAfterPriorInjection
  }
}

/// A medication course the criterion needs.
public struct MedicationRequirement: Sendable {
  /// What the medicines are, for sentences: "antiviral", "opioid or non-opioid pain".
  public var label: String
  /// Generic names that count; empty for any medication.
  public var names: Set<String>
  /// Drug classes that count (`nsaid`); empty for any.
  public var classes: Set<String>
  public var minimumWeeks: Double?
  /// Whether the course must be under way now.
  public var mustBeCurrent: Bool
  /// Whether current opioid use of the length needed counts as the course.
  public var opioidUseCounts: Bool
  /// Whether the course must have failed, or not been tolerated (stopped).
  public var requiresFailure: Bool

  public init(
    label: String, names: Set<String> = [], classes: Set<String> = [],
    minimumWeeks: Double? = nil, mustBeCurrent: Bool = false, opioidUseCounts: Bool = false,
    requiresFailure: Bool = false
  ) {
    self.requiresFailure = requiresFailure
    self.label = label
    self.names = names
    self.classes = classes
    self.minimumWeeks = minimumWeeks
    self.mustBeCurrent = mustBeCurrent
    self.opioidUseCounts = opioidUseCounts
  }
}

/// A successful trial before a permanent implant.
public struct DeviceTrialRequirement: Sendable {
  public var devices: Set<TrialDevice>
  public var minimumPercent: Double
  public var minimumDays: Double?
  public var requiresFunctionalImprovement: Bool
  /// Prior procedures whose relief can stand for the trial result.
  public var trialProcedures: Set<ProcedureKind>
  /// For a further trial: the earlier one must have given less than `minimumPercent`, or
  /// side effects that could not be tolerated.
  public var isUpperBound: Bool
  /// Whether a trial whose side effects could not be tolerated falls short.
  public var requiresTolerableSideEffects: Bool

  public init(
    devices: Set<TrialDevice>, minimumPercent: Double, minimumDays: Double? = nil,
    requiresFunctionalImprovement: Bool = false, trialProcedures: Set<ProcedureKind> = [],
    isUpperBound: Bool = false, requiresTolerableSideEffects: Bool = false
  ) {
    self.isUpperBound = isUpperBound
    self.requiresTolerableSideEffects = requiresTolerableSideEffects
    self.devices = devices
    self.minimumPercent = minimumPercent
    self.minimumDays = minimumDays
    self.requiresFunctionalImprovement = requiresFunctionalImprovement
    self.trialProcedures = trialProcedures
  }
}

/// Relief after an earlier procedure that the criterion needs.
public struct ReliefRequirement: Sendable {
  /// Procedures whose relief is read; empty for the requested procedure's own kind.
  public var procedures: Set<ProcedureKind>
  public var minimumPercent: Double
  /// Days the relief must last; `nil` for no duration.
  public var minimumDays: Double?
  /// Relief must have lasted less than this many days (insufficient sustained relief).
  public var lessThanDays: Double?
  /// Whether documented functional improvement stands in for the percent.
  public var acceptsFunctionalImprovement: Bool
  /// Relief at or above this percent contradicts the criterion (a repeat trial after a
  /// successful one).
  public var isUpperBound: Bool
  /// Relief must last at least as long as the block's local anesthetic acts.
  ///
  /// Shortcoming: facts-v1 names no anesthetic, so only that a duration is documented is
  /// checked; relief lasting less than the anesthetic acts (30 minutes after bupivacaine)
  /// is not caught.
  public var mustOutlastAnesthetic: Bool

  public init(
    procedures: Set<ProcedureKind> = [], minimumPercent: Double, minimumDays: Double? = nil,
    lessThanDays: Double? = nil, acceptsFunctionalImprovement: Bool = true,
    isUpperBound: Bool = false, mustOutlastAnesthetic: Bool = false
  ) {
    self.procedures = procedures
    self.minimumPercent = minimumPercent
    self.minimumDays = minimumDays
    self.lessThanDays = lessThanDays
    self.acceptsFunctionalImprovement = acceptsFunctionalImprovement
    self.isUpperBound = isUpperBound
    self.mustOutlastAnesthetic = mustOutlastAnesthetic
  }
}

/// How many procedures of the requested kind a region may have.
public struct CountLimit: Sendable {
  /// The most procedures, the requested one included.
  public var limit: Int
  /// The window counted back from the reference date; `nil` for the whole episode.
  public var withinDays: Int?
  /// A higher limit at the start of an episode: its length in days and its limit.
  public var opening: (days: Int, limit: Int)?
  /// Procedures of these kinds are counted instead of the requested kind.
  public var procedures: Set<ProcedureKind>
  /// A higher limit, after the opening, where special circumstances are documented.
  public var raised: RaisedCountLimit?

  public init(
    limit: Int, withinDays: Int? = nil, opening: (days: Int, limit: Int)? = nil,
    procedures: Set<ProcedureKind> = [], raised: RaisedCountLimit? = nil
  ) {
    self.limit = limit
    self.withinDays = withinDays
    self.opening = opening
    self.procedures = procedures
    self.raised = raised
  }
}

/// The least time between the requested procedure and an earlier one.
public struct IntervalRequirement: Sendable {
  public var minimumDays: Int
  public var scope: IntervalScope
  /// A different minimum when the most recent procedure was of a kind listed here.
  public var minimumDaysAfter: [ProcedureKind: Int]
  /// Calendar months instead of days, for "every 3 months".
  public var minimumMonths: Int?
  /// Whether an earlier procedure in scope whose date is not documented leaves the interval
  /// not documented (rather than met for want of a dated one).
  public var requiresDate: Bool
  /// Whether the interval needs an earlier procedure in scope at all: without one it is not
  /// documented (a new implant after an infection needs the removal it is measured from).
  public var requiresPrior: Bool

  public init(
    minimumDays: Int, scope: IntervalScope, minimumDaysAfter: [ProcedureKind: Int] = [:],
    minimumMonths: Int? = nil, requiresDate: Bool = false, requiresPrior: Bool = false
  ) {
    self.minimumDays = minimumDays
    self.scope = scope
    self.minimumDaysAfter = minimumDaysAfter
    self.minimumMonths = minimumMonths
    self.requiresDate = requiresDate
    self.requiresPrior = requiresPrior
  }
}

/// Which earlier procedures an interval is measured from.
public enum IntervalScope: Sendable {
  /// The same kind, in the same region.
  case sameKind
  /// Any injection in a different region.
  case otherRegion
  /// Any injection, in any region.
  case anyInjection
  /// Procedures of these kinds, in any region (the removal of an infected device).
  case since(Set<ProcedureKind>)
}

/// What a guideline says about several procedures on one date of service.
public struct SameDayPolicy: Sendable {
  /// Bilateral procedures on one day are not allowed.
  public var forbidsBilateral: Bool
  /// Imaging findings that allow a facet injection with an epidural on one day.
  public var combinationAllowedWith: Set<ImagingFindingKind>

  public init(forbidsBilateral: Bool = false, combinationAllowedWith: Set<ImagingFindingKind> = [])
  {
    self.forbidsBilateral = forbidsBilateral
    self.combinationAllowedWith = combinationAllowedWith
  }
}
