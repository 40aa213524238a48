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

/// A typed payload together with the fact it came from, so criteria can cite evidence.
struct Cited<Payload> {
  let value: Payload
  let fact: Fact?
}

extension CaseFacts {
  func painScores() -> [Cited<PainScore>] {
    cited { if case .painScore(let value) = $0 { value } else { nil } }
  }

  func disabilities() -> [Cited<FunctionalDisability>] {
    cited { if case .functionalDisability(let value) = $0 { value } else { nil } }
  }

  func durations() -> [Cited<PainDuration>] {
    cited { if case .painDuration(let value) = $0 { value } else { nil } }
  }

  func patterns() -> [Cited<PainPattern>] {
    cited { if case .painPattern(let value) = $0 { value } else { nil } }
  }

  func provocationTests() -> [Cited<ProvocationTest>] {
    cited { if case .provocationTest(let value) = $0 { value } else { nil } }
  }

  func budapestFindings() -> [Cited<BudapestFinding>] {
    cited { if case .budapestFinding(let value) = $0 { value } else { nil } }
  }

  func crpsDiagnoses() -> [Cited<CRPSDiagnosis>] {
    cited { if case .crpsDiagnosis(let value) = $0 { value } else { nil } }
  }

  func reliefs() -> [Cited<Relief>] {
    cited { if case .relief(let value) = $0 { value } else { nil } }
  }

  func therapies() -> [Cited<Therapy>] {
    cited { if case .therapy(let value) = $0 { value } else { nil } }
  }

  func staphScreens() -> [Cited<StaphScreen>] {
    cited { if case .staphScreen(let value) = $0 { value } else { nil } }
  }

  func decolonizations() -> [Cited<Decolonization>] {
    cited { if case .decolonization(let value) = $0 { value } else { nil } }
  }

  func psychEvaluations() -> [Cited<PsychEvaluation>] {
    cited { if case .psychEvaluation(let value) = $0 { value } else { nil } }
  }

  func opioidUses() -> [Cited<OpioidUse>] {
    cited { if case .opioidUse(let value) = $0 { value } else { nil } }
  }

  func imagingFindings() -> [Cited<ImagingFinding>] {
    cited { if case .imagingFinding(let value) = $0 { value } else { nil } }
  }

  func riskFactors() -> [Cited<RiskFactor>] {
    cited { if case .riskFactor(let value) = $0 { value } else { nil } }
  }

  func diagnoses() -> [Cited<Diagnosis>] {
    cited { if case .diagnosis(let value) = $0 { value } else { nil } }
  }

  func surgicalPlans() -> [Cited<SurgicalPlan>] {
    cited { if case .surgicalPlan(let value) = $0 { value } else { nil } }
  }

  func deviceTrials() -> [Cited<DeviceTrial>] {
    cited { if case .deviceTrial(let value) = $0 { value } else { nil } }
  }

  func implantProblems() -> [Cited<ImplantProblem>] {
    cited { if case .implantProblem(let value) = $0 { value } else { nil } }
  }

  func consultations() -> [Cited<Consultation>] {
    cited { if case .consultation(let value) = $0 { value } else { nil } }
  }

  func anginaClasses() -> [Cited<AnginaClass>] {
    cited { if case .anginaClass(let value) = $0 { value } else { nil } }
  }

  func patientAges() -> [Cited<PatientAge>] {
    cited { if case .patientAge(let value) = $0 { value } else { nil } }
  }

  func spondyloarthritisFeatures() -> [Cited<SpondyloarthritisFeature>] {
    cited { if case .spondyloarthritisFeature(let value) = $0 { value } else { nil } }
  }

  func diagnosticUncertainties() -> [Cited<DiagnosticUncertainty>] {
    cited { if case .diagnosticUncertainty(let value) = $0 { value } else { nil } }
  }

  func deviceInterrogations() -> [Cited<DeviceInterrogation>] {
    cited { if case .deviceInterrogation(let value) = $0 { value } else { nil } }
  }

  /// Prior procedures from the documents and from intake's history, one per procedure and
  /// date (a history entry repeating a documented one within three days is dropped). Relief
  /// after a procedure that is not itself listed implies that procedure.
  func priorProcedures() -> [Cited<PriorProcedure>] {
    var known = cited { if case .priorProcedure(let value) = $0 { value } else { nil } }
    for entry in history where !known.contains(where: { $0.value.isSameEvent(as: entry) }) {
      known.append(Cited(value: entry, fact: nil))
    }
    for relief in reliefs() {
      let implied = PriorProcedure(
        procedure: relief.value.procedure, date: relief.value.procedureDate,
        side: relief.value.side, levels: relief.value.levels)
      let isListed = known.contains { prior in
        guard prior.value.procedure == implied.procedure else { return false }
        guard let date = implied.date, let priorDate = prior.value.date else { return true }
        return date.matches(priorDate, toleranceDays: 3)
      }
      if !isListed { known.append(Cited(value: implied, fact: relief.fact)) }
    }
    return known
  }

  func hasDiagnosis(_ conditions: Set<DiagnosisCondition>) -> Bool {
    diagnoses().contains { conditions.contains($0.value.condition) }
  }

  private func cited<Payload>(_ extract: (FactDetail) -> Payload?) -> [Cited<Payload>] {
    facts.compactMap { fact in extract(fact.detail).map { Cited(value: $0, fact: fact) } }
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
    flatMap { $0.fact?.evidence ?? [] }.withoutRepeats()
  }
}

extension Array where Element == Evidence {
  /// The evidence in order, each the first time it stands.
  func withoutRepeats() -> [Evidence] {
    var seen = Set<DistinctEvidence>()
    return filter { seen.insert(DistinctEvidence($0)).inserted }
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
