// One struct per fact type of the facts-v1 contract. Property names are the contract's keys;
// properties PendCheck adds beyond the contract are marked as such.

/// A pain score on the 0-10 scale (VAS millimetres divided by ten).
public struct PainScore: Codable, Sendable, Hashable {
  public var value: Double
  /// The lower end of a range such as 6-8/10.
  public var low: Double?
  public var context: PainContext
  /// The body region the note ties the score to (PendCheck's addition).
  public var region: String?

  public init(value: Double, low: Double? = nil, context: PainContext, region: String? = nil) {
    self.value = value
    self.low = low
    self.context = context
    self.region = region
  }
}

/// Function limited by pain: a scored instrument, or limits described in words.
public struct FunctionalDisability: Codable, Sendable, Hashable {
  public var present: Bool
  public var instrument: DisabilityInstrument
  /// Points or percent, as written.
  public var score: Double?
  /// The activity limited, for narrative limits (PendCheck's addition).
  public var activity: String?

  public init(
    present: Bool, instrument: DisabilityInstrument, score: Double? = nil,
    activity: String? = nil
  ) {
    self.present = present
    self.instrument = instrument
    self.score = score
    self.activity = activity
  }
}

/// How long the pain has lasted.
public struct PainDuration: Codable, Sendable, Hashable {
  public var months: Double
  public var onset: ClinicalDate?

  public init(months: Double, onset: ClinicalDate? = nil) {
    self.months = months
    self.onset = onset
  }
}

/// Axial, radicular or mixed pain.
public struct PainPattern: Codable, Sendable, Hashable {
  public var pattern: PainPatternKind
  public var site: String?

  public init(pattern: PainPatternKind, site: String? = nil) {
    self.pattern = pattern
    self.site = site
  }
}

/// The result of one examination manoeuvre.
public struct ProvocationTest: Codable, Sendable, Hashable {
  public var test: ProvocationTestKind
  public var result: TestResult
  public var side: Side?

  public init(test: ProvocationTestKind, result: TestResult, side: Side? = nil) {
    self.test = test
    self.result = result
    self.side = side
  }
}

/// One Budapest sign or symptom.
public struct BudapestFinding: Codable, Sendable, Hashable {
  public var category: BudapestCategory
  public var kind: BudapestKind
  public var present: Bool
  /// The lexicon concept found, such as `allodynia` (PendCheck's addition).
  public var finding: String?

  public init(
    category: BudapestCategory, kind: BudapestKind, present: Bool, finding: String? = nil
  ) {
    self.category = category
    self.kind = kind
    self.present = present
    self.finding = finding
  }
}

/// A diagnosis of complex regional pain syndrome.
public struct CRPSDiagnosis: Codable, Sendable, Hashable {
  /// 1 or 2, when the note says.
  public var crpsType: Int?
  /// Whether the note states that the Budapest criteria are met.
  public var budapestStated: Bool?

  public init(crpsType: Int? = nil, budapestStated: Bool? = nil) {
    self.crpsType = crpsType
    self.budapestStated = budapestStated
  }
}

/// Pain relief after a procedure.
public struct Relief: Codable, Sendable, Hashable {
  public var percent: Double
  public var procedure: ProcedureKind
  public var durationDays: Double?
  public var procedureDate: ClinicalDate?
  public var functionalImprovement: Bool?
  /// Spinal levels of the procedure (PendCheck's addition).
  public var levels: [String]?
  /// Side of the procedure (PendCheck's addition).
  public var side: Side?

  public init(
    percent: Double, procedure: ProcedureKind, durationDays: Double? = nil,
    procedureDate: ClinicalDate? = nil, functionalImprovement: Bool? = nil,
    levels: [String]? = nil, side: Side? = nil
  ) {
    self.percent = percent
    self.procedure = procedure
    self.durationDays = durationDays
    self.procedureDate = procedureDate
    self.functionalImprovement = functionalImprovement
    self.levels = levels
    self.side = side
  }
}

/// A conservative or other treatment.
public struct Therapy: Codable, Sendable, Hashable {
  public var modality: TherapyModality
  /// The generic medication name in lower case, for medications.
  public var name: String?
  public var start: ClinicalDate?
  public var end: ClinicalDate?
  public var weeks: Double?
  public var sessions: Int?
  public var status: TherapyStatus?
  public var outcome: TherapyOutcome?
  public var prescribedBy: Prescriber?
  public var followUpDocumented: Bool?
  /// The medication's class, such as `nsaid` (PendCheck's addition).
  public var drugClass: String?
  /// The medical reason given when the status is `unable` (PendCheck's addition).
  public var unableReason: String?
  /// `false` for a therapy that was referred or ordered but never attended, not a single
  /// session ("referred to PT but never went"); `nil` otherwise (PendCheck's addition). Such
  /// a therapy keeps the status `discontinued` the annotation rules give it, but it was not
  /// tried, so no criterion counts it as a treatment. Medications are read apart and never
  /// carry it.
  public var attended: Bool?

  public init(
    modality: TherapyModality, name: String? = nil, start: ClinicalDate? = nil,
    end: ClinicalDate? = nil, weeks: Double? = nil, sessions: Int? = nil,
    status: TherapyStatus? = nil, outcome: TherapyOutcome? = nil,
    prescribedBy: Prescriber? = nil, followUpDocumented: Bool? = nil,
    drugClass: String? = nil, unableReason: String? = nil, attended: Bool? = nil
  ) {
    self.modality = modality
    self.name = name
    self.start = start
    self.end = end
    self.weeks = weeks
    self.sessions = sessions
    self.status = status
    self.outcome = outcome
    self.prescribedBy = prescribedBy
    self.followUpDocumented = followUpDocumented
    self.drugClass = drugClass
    self.unableReason = unableReason
    self.attended = attended
  }
}

/// A nasal or skin screen for Staphylococcus aureus.
public struct StaphScreen: Codable, Sendable, Hashable {
  public var organism: StaphOrganism
  public var result: TestResult
  public var date: ClinicalDate?

  public init(organism: StaphOrganism, result: TestResult, date: ClinicalDate? = nil) {
    self.organism = organism
    self.result = result
    self.date = date
  }
}

/// A decolonization plan before an implant.
public struct Decolonization: Codable, Sendable, Hashable {
  public var planned: Bool
  public var start: ClinicalDate?
  public var agents: [String]?

  public init(planned: Bool, start: ClinicalDate? = nil, agents: [String]? = nil) {
    self.planned = planned
    self.start = start
    self.agents = agents
  }
}

/// A psychological evaluation before an implant.
public struct PsychEvaluation: Codable, Sendable, Hashable {
  public var completed: Bool
  public var date: ClinicalDate?
  public var cleared: Bool?

  public init(completed: Bool, date: ClinicalDate? = nil, cleared: Bool? = nil) {
    self.completed = completed
    self.date = date
    self.cleared = cleared
  }
}

/// Opioid exposure.
public struct OpioidUse: Codable, Sendable, Hashable {
  public var status: OpioidStatus
  public var weeks: Double?

  public init(status: OpioidStatus, weeks: Double? = nil) {
    self.status = status
    self.weeks = weeks
  }
}

/// A procedure the patient has already had.
public struct PriorProcedure: Codable, Sendable, Hashable {
  public var procedure: ProcedureKind
  public var date: ClinicalDate?
  public var region: Region?
  public var side: Side?
  public var levels: [String]?

  public init(
    procedure: ProcedureKind, date: ClinicalDate? = nil, region: Region? = nil,
    side: Side? = nil, levels: [String]? = nil
  ) {
    self.procedure = procedure
    self.date = date
    self.region = region
    self.side = side
    self.levels = levels
  }
}

/// A finding on an imaging study.
public struct ImagingFinding: Codable, Sendable, Hashable {
  public var finding: ImagingFindingKind
  public var modality: ImagingModality?
  public var date: ClinicalDate?
  /// Spinal levels named with the finding (PendCheck's addition).
  public var levels: [String]?

  public init(
    finding: ImagingFindingKind, modality: ImagingModality? = nil, date: ClinicalDate? = nil,
    levels: [String]? = nil
  ) {
    self.finding = finding
    self.modality = modality
    self.date = date
    self.levels = levels
  }
}

/// A risk factor or contraindication, present or documented as absent.
public struct RiskFactor: Codable, Sendable, Hashable {
  public var condition: RiskCondition
  public var present: Bool
  /// What the note named, such as the anticoagulant (PendCheck's addition).
  public var detail: String?

  public init(condition: RiskCondition, present: Bool, detail: String? = nil) {
    self.condition = condition
    self.present = present
    self.detail = detail
  }
}

/// A diagnosis written in the note.
public struct Diagnosis: Codable, Sendable, Hashable {
  public var condition: DiagnosisCondition
  public var icd10: String?

  public init(condition: DiagnosisCondition, icd10: String? = nil) {
    self.condition = condition
    self.icd10 = icd10
  }
}

/// Where surgery stands for the patient.
public struct SurgicalPlan: Codable, Sendable, Hashable {
  public var kind: SurgicalPlanKind
  public var date: ClinicalDate?

  public init(kind: SurgicalPlanKind, date: ClinicalDate? = nil) {
    self.kind = kind
    self.date = date
  }
}

/// The result of a stimulator or intrathecal trial.
public struct DeviceTrial: Codable, Sendable, Hashable {
  public var device: TrialDevice
  public var percent: Double
  public var days: Double?
  public var functionalImprovement: Bool?
  /// Whether the trial's side effects could not be tolerated (respiratory depression that
  /// needed naloxone, a trial stopped for them); `nil` when the documents do not say
  /// (PendCheck's addition).
  public var intolerableSideEffects: Bool?

  public init(
    device: TrialDevice, percent: Double, days: Double? = nil,
    functionalImprovement: Bool? = nil, intolerableSideEffects: Bool? = nil
  ) {
    self.device = device
    self.percent = percent
    self.days = days
    self.functionalImprovement = functionalImprovement
    self.intolerableSideEffects = intolerableSideEffects
  }
}

/// A problem with an implanted stimulator or pump that a revision, replacement or removal
/// answers: lead migration, lost effect, a depleted battery, an infection (PendCheck's
/// addition to facts-v1).
public struct ImplantProblem: Codable, Sendable, Hashable {
  public var problem: ImplantProblemKind
  /// The device with the problem, when the note names it.
  public var device: TrialDevice?
  /// When the problem was found or began, when the note dates it.
  public var date: ClinicalDate?

  public init(problem: ImplantProblemKind, device: TrialDevice? = nil, date: ClinicalDate? = nil) {
    self.problem = problem
    self.device = device
    self.date = date
  }
}

/// A specialist consultation that took place, such as infectious diseases after a device
/// infection (PendCheck's addition to facts-v1).
public struct Consultation: Codable, Sendable, Hashable {
  public var specialty: ConsultationSpecialty
  public var date: ClinicalDate?

  public init(specialty: ConsultationSpecialty, date: ClinicalDate? = nil) {
    self.specialty = specialty
    self.date = date
  }
}

/// The functional class of angina pectoris, 1 to 4 (PendCheck's addition to facts-v1).
public struct AnginaClass: Codable, Sendable, Hashable {
  public var system: AnginaClassSystem
  public var `class`: Int

  public init(system: AnginaClassSystem, class grade: Int) {
    self.system = system
    self.class = grade
  }
}

/// An implanted pump's or stimulator's analysis (interrogation) report: the programmer's
/// printout, or a note giving its readings (PendCheck's addition to facts-v1).
public struct DeviceInterrogation: Codable, Sendable, Hashable {
  public var device: TrialDevice
  public var date: ClinicalDate?

  public init(device: TrialDevice, date: ClinicalDate? = nil) {
    self.device = device
    self.date = date
  }
}
