import Model

/// Everything the matcher knows about one case: the facts found in its documents, the
/// service requested, the date of the most recent note, and any procedure history intake
/// supplied beside the documents.
public struct CaseFacts: Sendable {
  public var facts: [Fact]
  public var request: ServiceRequest
  /// The date of service of the most recent clinical note.
  public var noteDate: ClinicalDate?
  /// Prior procedures from `request.json`, when intake supplies a history.
  public var history: [PriorProcedure]

  public init(
    facts: [Fact], request: ServiceRequest, noteDate: ClinicalDate? = nil,
    history: [PriorProcedure] = []
  ) {
    self.facts = facts
    self.request = request
    self.noteDate = noteDate
    self.history = history
  }

  /// The date windows are measured back from: the planned date, else the note date.
  public var referenceDate: ClinicalDate? { request.plannedDate ?? noteDate }
}

/// A typed payload together with the evidence of the fact it came from, so criteria can
/// cite it. Only the evidence is kept: copying a whole `Fact` for every cited payload cost
/// more than the rules that read them.
struct Cited<Payload> {
  let value: Payload
  let evidence: [Evidence]
}

/// A case's facts sorted by type once, for every guideline and criterion matched against it:
/// each rule reads one or two types, and a catalog asks for the therapies or the diagnoses of
/// one case dozens of times.
///
/// A class: a case's context is copied into the closures rules pass around, and copying a
/// structure of two dozen lists cost more than the class's checks of exclusive access.
final class FactsByType {
  let request: ServiceRequest
  /// The date of service of the most recent clinical note.
  let noteDate: ClinicalDate?
  /// The date windows are measured back from: the planned date, else the note date.
  let referenceDate: ClinicalDate?

  private(set) var painScores: [Cited<PainScore>] = []
  private(set) var disabilities: [Cited<FunctionalDisability>] = []
  private(set) var durations: [Cited<PainDuration>] = []
  private(set) var patterns: [Cited<PainPattern>] = []
  private(set) var provocationTests: [Cited<ProvocationTest>] = []
  private(set) var budapestFindings: [Cited<BudapestFinding>] = []
  private(set) var crpsDiagnoses: [Cited<CRPSDiagnosis>] = []
  private(set) var reliefs: [Cited<Relief>] = []
  private(set) var therapies: [Cited<Therapy>] = []
  private(set) var staphScreens: [Cited<StaphScreen>] = []
  private(set) var decolonizations: [Cited<Decolonization>] = []
  private(set) var psychEvaluations: [Cited<PsychEvaluation>] = []
  private(set) var opioidUses: [Cited<OpioidUse>] = []
  private(set) var imagingFindings: [Cited<ImagingFinding>] = []
  private(set) var riskFactors: [Cited<RiskFactor>] = []
  private(set) var diagnoses: [Cited<Diagnosis>] = []
  private(set) var surgicalPlans: [Cited<SurgicalPlan>] = []
  private(set) var deviceTrials: [Cited<DeviceTrial>] = []
  private(set) var implantProblems: [Cited<ImplantProblem>] = []
  private(set) var consultations: [Cited<Consultation>] = []
  private(set) var anginaClasses: [Cited<AnginaClass>] = []
  private(set) var patientAges: [Cited<PatientAge>] = []
  private(set) var spondyloarthritisFeatures: [Cited<SpondyloarthritisFeature>] = []
  private(set) var diagnosticUncertainties: [Cited<DiagnosticUncertainty>] = []
  private(set) var deviceInterrogations: [Cited<DeviceInterrogation>] = []
  /// Prior procedures from the documents and from intake's history, one per procedure and
  /// date (a history entry repeating a documented one within three days is dropped). Relief
  /// after a procedure that is not itself listed implies that procedure.
  private(set) var priorProcedures: [Cited<PriorProcedure>] = []
  /// The conditions of every documented diagnosis.
  private(set) var diagnosedConditions: Set<DiagnosisCondition> = []
  /// The ICD-10 codes of documented diagnoses, as `Exclusion.normalizedICD10(_:)` writes them.
  private(set) var codedDiagnoses: [String] = []

  init(_ facts: CaseFacts) {
    request = facts.request
    noteDate = facts.noteDate
    referenceDate = facts.referenceDate
    for fact in facts.facts { file(fact) }

    priorProcedures = Self.withImpliedProcedures(
      priorProcedures, history: facts.history, reliefs: reliefs)
    diagnosedConditions = Set(diagnoses.map(\.value.condition))
    codedDiagnoses = diagnoses.compactMap(\.value.icd10).map(Exclusion.normalizedICD10)
  }

  func hasDiagnosis(_ conditions: Set<DiagnosisCondition>) -> Bool {
    !diagnosedConditions.isDisjoint(with: conditions)
  }

  private func file(_ fact: Fact) {
    let evidence = fact.evidence
    switch fact.detail {
    case .painScore(let value): painScores.append(Cited(value: value, evidence: evidence))
    case .functionalDisability(let value):
      disabilities.append(Cited(value: value, evidence: evidence))
    case .painDuration(let value): durations.append(Cited(value: value, evidence: evidence))
    case .painPattern(let value): patterns.append(Cited(value: value, evidence: evidence))
    case .provocationTest(let value):
      provocationTests.append(Cited(value: value, evidence: evidence))
    case .budapestFinding(let value):
      budapestFindings.append(Cited(value: value, evidence: evidence))
    case .crpsDiagnosis(let value): crpsDiagnoses.append(Cited(value: value, evidence: evidence))
    case .relief(let value): reliefs.append(Cited(value: value, evidence: evidence))
    case .therapy(let value): therapies.append(Cited(value: value, evidence: evidence))
    case .staphScreen(let value): staphScreens.append(Cited(value: value, evidence: evidence))
    case .decolonization(let value):
      decolonizations.append(Cited(value: value, evidence: evidence))
    case .psychEvaluation(let value):
      psychEvaluations.append(Cited(value: value, evidence: evidence))
    case .opioidUse(let value): opioidUses.append(Cited(value: value, evidence: evidence))
    case .priorProcedure(let value):
      priorProcedures.append(Cited(value: value, evidence: evidence))
    case .imagingFinding(let value):
      imagingFindings.append(Cited(value: value, evidence: evidence))
    case .riskFactor(let value): riskFactors.append(Cited(value: value, evidence: evidence))
    case .diagnosis(let value): diagnoses.append(Cited(value: value, evidence: evidence))
    case .surgicalPlan(let value): surgicalPlans.append(Cited(value: value, evidence: evidence))
    case .deviceTrial(let value): deviceTrials.append(Cited(value: value, evidence: evidence))
    case .implantProblem(let value):
      implantProblems.append(Cited(value: value, evidence: evidence))
    case .consultation(let value): consultations.append(Cited(value: value, evidence: evidence))
    case .anginaClass(let value): anginaClasses.append(Cited(value: value, evidence: evidence))
    case .patientAge(let value): patientAges.append(Cited(value: value, evidence: evidence))
    case .spondyloarthritisFeature(let value):
      spondyloarthritisFeatures.append(Cited(value: value, evidence: evidence))
    case .diagnosticUncertainty(let value):
      diagnosticUncertainties.append(Cited(value: value, evidence: evidence))
    case .deviceInterrogation(let value):
      deviceInterrogations.append(Cited(value: value, evidence: evidence))
    }
  }

  /// The documented prior procedures, then intake's history entries not already among them,
  /// then the procedures that documented relief implies.
  private static func withImpliedProcedures(
    _ documented: [Cited<PriorProcedure>], history: [PriorProcedure], reliefs: [Cited<Relief>]
  ) -> [Cited<PriorProcedure>] {
    var known = documented
    for entry in history where !known.contains(where: { $0.value.isSameEvent(as: entry) }) {
      known.append(Cited(value: entry, evidence: []))
    }
    for relief in reliefs {
      let implied = PriorProcedure(
        procedure: relief.value.procedure, date: relief.value.procedureDate,
        side: relief.value.side, levels: relief.value.levels)
      let isListed = known.contains { prior in
        guard prior.value.procedure == implied.procedure else { return false }
        guard let date = implied.date, let priorDate = prior.value.date else { return true }
        return date.matches(priorDate, toleranceDays: 3)
      }
      if !isListed { known.append(Cited(value: implied, evidence: relief.evidence)) }
    }
    return known
  }
}

extension PriorProcedure {
  /// Whether two records describe one procedure: same kind, dates within three days.
  func isSameEvent(as other: PriorProcedure) -> Bool {
    guard procedure == other.procedure else { return false }
    guard let date, let otherDate = other.date else { return date == nil && other.date == nil }
    return date.matches(otherDate, toleranceDays: 3)
  }
}

extension Array {
  /// The evidence of every cited fact, in order, without repeats.
  func evidence<Payload>() -> [Evidence] where Element == Cited<Payload> {
    if count == 1 { return self[0].evidence.withoutRepeats() }
    return flatMap(\.evidence).withoutRepeats()
  }
}

extension Array where Element == Evidence {
  /// The evidence in order, each the first time it stands.
  func withoutRepeats() -> [Evidence] {
    guard count > 1 else { return self }
    guard count <= Self.linearSearchLimit else { return hashedWithoutRepeats() }
    // A finding cites a handful of evidence: comparing each with those kept costs less than
    // hashing them into a set.
    var kept: [Evidence] = []
    kept.reserveCapacity(count)
    for evidence in self where !kept.contains(where: { $0.isSameEvidence(as: evidence) }) {
      kept.append(evidence)
    }
    return kept
  }

  /// The most evidence `withoutRepeats()` compares pairwise rather than hashes.
  private static var linearSearchLimit: Int { 24 }

  private func hashedWithoutRepeats() -> [Evidence] {
    var seen = Set<DistinctEvidence>()
    return filter { seen.insert(DistinctEvidence($0)).inserted }
  }
}

extension Evidence {
  /// `==`, asking first the cheap questions that tell most evidence apart: page and offsets.
  fileprivate func isSameEvidence(as other: Evidence) -> Bool {
    page == other.page && start == other.start && end == other.end && self == other
  }
}

/// An evidence as a member of a set, hashed by its page and offsets alone: hashing an
/// `Evidence` reads every byte of its quote and of its document's name, and two evidence
/// at one place of one page, rare, are told apart by `==` on the whole.
private struct DistinctEvidence: Hashable {
  let evidence: Evidence

  init(_ evidence: Evidence) { self.evidence = evidence }

  static func == (lhs: Self, rhs: Self) -> Bool { lhs.evidence == rhs.evidence }

  func hash(into hasher: inout Hasher) {
    hasher.combine(evidence.page)
    hasher.combine(evidence.start ?? -1)
    hasher.combine(evidence.end ?? -1)
  }
}
