import Guidelines
import Matching
import Model
import Testing

/// Dates, requests and facts for the matcher's tests, written the way a case reads.
func day(_ iso: String) -> ClinicalDate { ClinicalDate(iso: iso)! }

/// The note date most scenarios use.
let noteDay = day("2026-03-14")

/// A request; its plan states fluoroscopic guidance unless `guidance` says otherwise, as
/// the notes of a complete case do.
func request(
  _ codes: String..., planned: String? = "2026-03-28", region: Region? = nil, side: Side? = nil,
  levels: [String] = [], purpose: String? = nil, service: String? = nil, reason: String? = nil,
  guidance: PlannedGuidance? = .fluoroscopy
) -> ServiceRequest {
  ServiceRequest(
    cpt: codes, plannedDate: planned.map(day), region: region, side: side, levels: levels,
    purpose: purpose, service: service, reason: reason, guidance: guidance)
}

/// One case and the determination a careful reviewer expects under one guideline.
struct Scenario: Sendable, CustomTestStringConvertible {
  let name: String
  let guideline: String
  let request: ServiceRequest
  let facts: [Fact]
  var noteDate: ClinicalDate? = noteDay
  var history: [PriorProcedure] = []
  let status: DeterminationStatus
  var gaps: [GapFamily] = []
  var indication: String?

  var testDescription: String { name }

  func determination() throws -> Determination {
    let facts = CaseFacts(facts: facts, request: request, noteDate: noteDate, history: history)
    let all = try GuidelineMatcher().evaluate(facts)
    return try #require(all.first { $0.guideline == guideline })
  }

  func check() throws {
    let result = try determination()
    let failing = result.criteria.filter { $0.status != .met }.map { "\($0.id): \($0.reason)" }
    #expect(result.determination == status, "\(name): \(failing)")
    #expect(result.gaps == gaps, "\(name): \(failing)")
    if let indication { #expect(result.indication == indication, "\(name)") }
  }
}

/// Shorthand for facts, named for what a note says.
enum Note {
  static func pain(_ value: Double, _ context: PainContext = .average) -> Fact {
    Fact(.painScore(PainScore(value: value, context: context)))
  }

  static func disability(_ present: Bool = true) -> Fact {
    Fact(.functionalDisability(FunctionalDisability(present: present, instrument: .narrative)))
  }

  static func lasting(months: Double) -> Fact {
    Fact(.painDuration(PainDuration(months: months)))
  }

  static func pattern(_ kind: PainPatternKind) -> Fact {
    Fact(.painPattern(PainPattern(pattern: kind)))
  }

  static func test(_ kind: ProvocationTestKind, _ result: TestResult = .positive) -> Fact {
    Fact(.provocationTest(ProvocationTest(test: kind, result: result)))
  }

  static func therapy(
    _ modality: TherapyModality, from start: String? = nil, to end: String? = nil,
    weeks: Double? = nil, status: TherapyStatus? = .completed, outcome: TherapyOutcome? = .failed,
    name: String? = nil, prescribedBy: Prescriber? = nil, followUp: Bool? = nil,
    attended: Bool? = nil
  ) -> Fact {
    Fact(
      .therapy(
        Therapy(
          modality: modality, name: name, start: start.map(day), end: end.map(day), weeks: weeks,
          status: status, outcome: outcome, prescribedBy: prescribedBy,
          followUpDocumented: followUp, attended: attended)))
  }

  /// Physical therapy from 01/05 to 02/23/2026 (7 weeks), without relief.
  static let physicalTherapy = therapy(.physicalTherapy, from: "2026-01-05", to: "2026-02-23")
  static let nsaid = therapy(.medication, weeks: 10, status: .ongoing, name: "meloxicam")

  static func diagnosis(_ condition: DiagnosisCondition, icd10: String? = nil) -> Fact {
    Fact(.diagnosis(Diagnosis(condition: condition, icd10: icd10)))
  }

  static func imaging(_ finding: ImagingFindingKind) -> Fact {
    Fact(.imagingFinding(ImagingFinding(finding: finding, modality: .mri)))
  }

  static func risk(_ condition: RiskCondition, _ present: Bool = true) -> Fact {
    Fact(.riskFactor(RiskFactor(condition: condition, present: present)))
  }

  static func prior(
    _ procedure: ProcedureKind, on date: String?, region: Region? = nil, side: Side? = nil,
    levels: [String]? = nil
  ) -> Fact {
    Fact(
      .priorProcedure(
        PriorProcedure(
          procedure: procedure, date: date.map(day), region: region, side: side, levels: levels)))
  }

  static func relief(
    _ percent: Double, after procedure: ProcedureKind, on date: String? = nil,
    days: Double? = nil, function: Bool? = nil
  ) -> Fact {
    Fact(
      .relief(
        Relief(
          percent: percent, procedure: procedure, durationDays: days,
          procedureDate: date.map(day), functionalImprovement: function)))
  }

  static func problem(_ kind: ImplantProblemKind, _ device: TrialDevice? = nil) -> Fact {
    Fact(.implantProblem(ImplantProblem(problem: kind, device: device)))
  }

  static func infectiousDiseaseConsult(on date: String? = nil) -> Fact {
    Fact(.consultation(Consultation(specialty: .infectiousDisease, date: date.map(day))))
  }

  static func angina(_ grade: Int, _ system: AnginaClassSystem = .nyha) -> Fact {
    Fact(.anginaClass(AnginaClass(system: system, class: grade)))
  }

  static func plan(_ kind: SurgicalPlanKind) -> Fact {
    Fact(.surgicalPlan(SurgicalPlan(kind: kind)))
  }

  static func screen(_ organism: StaphOrganism, _ result: TestResult, on date: String? = nil)
    -> Fact
  {
    Fact(.staphScreen(StaphScreen(organism: organism, result: result, date: date.map(day))))
  }

  static func decolonization(starting start: String?) -> Fact {
    Fact(.decolonization(Decolonization(planned: true, start: start.map(day))))
  }

  static func psychology(completed: Bool = true, cleared: Bool? = true) -> Fact {
    Fact(.psychEvaluation(PsychEvaluation(completed: completed, cleared: cleared)))
  }

  static func opioids(_ status: OpioidStatus, weeks: Double? = nil) -> Fact {
    Fact(.opioidUse(OpioidUse(status: status, weeks: weeks)))
  }

  static func trial(
    _ device: TrialDevice, percent: Double, days: Double? = nil, function: Bool? = nil,
    intolerable: Bool? = nil
  ) -> Fact {
    Fact(
      .deviceTrial(
        DeviceTrial(
          device: device, percent: percent, days: days, functionalImprovement: function,
          intolerableSideEffects: intolerable)))
  }

  static func budapest(
    _ category: BudapestCategory, _ kind: BudapestKind, _ present: Bool = true
  ) -> Fact {
    Fact(.budapestFinding(BudapestFinding(category: category, kind: kind, present: present)))
  }

  static func age(_ years: Int, _ context: AgeContext = .current) -> Fact {
    Fact(.patientAge(PatientAge(years: years, context: context)))
  }

  static func feature(_ feature: SpondyloarthritisFeatureKind, _ present: Bool = true) -> Fact {
    Fact(.spondyloarthritisFeature(SpondyloarthritisFeature(feature: feature, present: present)))
  }

  static func uncertainty(_ kind: DiagnosticUncertaintyKind) -> Fact {
    Fact(.diagnosticUncertainty(DiagnosticUncertainty(kind: kind)))
  }

  /// Budapest symptoms in three categories and signs in two.
  static let budapestMet = [
    budapest(.sensory, .symptom), budapest(.vasomotor, .symptom),
    budapest(.sudomotorEdema, .symptom), budapest(.sensory, .sign), budapest(.motorTrophic, .sign),
  ]
}

extension Array where Element == Fact {
  /// The facts without any of the given types.
  func without(_ types: FactType...) -> [Fact] {
    filter { !types.contains($0.type) }
  }

  /// The facts with those of a type replaced.
  func replacing(_ type: FactType, with replacements: Fact...) -> [Fact] {
    filter { $0.type != type } + replacements
  }

  func adding(_ extra: Fact...) -> [Fact] { self + extra }
}
