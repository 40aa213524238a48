/// The fact types of the facts-v1 contract, by their contract names.
public enum FactType: String, Codable, Sendable, CaseIterable {
  case painScore, functionalDisability, painDuration, painPattern, provocationTest
  case budapestFinding, crpsDiagnosis, relief, therapy, staphScreen, decolonization
  case psychEvaluation, opioidUse, priorProcedure, imagingFinding, riskFactor, diagnosis
  case surgicalPlan, deviceTrial
  /// PendCheck's additions.
  case patientAge, spondyloarthritisFeature, diagnosticUncertainty
  case implantProblem, consultation, anginaClass, deviceInterrogation
}

/// What a fact says, typed by its fact type.
///
/// Indirect, so that a fact holds its payload by reference: facts are copied tens of
/// thousands of times as they are found, merged, matched and reported, and copying a payload
/// inline (a therapy's dozen fields) cost more than allocating it once.
public indirect enum FactDetail: Sendable, Hashable {
  case painScore(PainScore)
  case functionalDisability(FunctionalDisability)
  case painDuration(PainDuration)
  case painPattern(PainPattern)
  case provocationTest(ProvocationTest)
  case budapestFinding(BudapestFinding)
  case crpsDiagnosis(CRPSDiagnosis)
  case relief(Relief)
  case therapy(Therapy)
  case staphScreen(StaphScreen)
  case decolonization(Decolonization)
  case psychEvaluation(PsychEvaluation)
  case opioidUse(OpioidUse)
  case priorProcedure(PriorProcedure)
  case imagingFinding(ImagingFinding)
  case riskFactor(RiskFactor)
  case diagnosis(Diagnosis)
  case surgicalPlan(SurgicalPlan)
  case deviceTrial(DeviceTrial)
  case implantProblem(ImplantProblem)
  case consultation(Consultation)
  case anginaClass(AnginaClass)
  case patientAge(PatientAge)
  case spondyloarthritisFeature(SpondyloarthritisFeature)
  case diagnosticUncertainty(DiagnosticUncertainty)
  case deviceInterrogation(DeviceInterrogation)

  /// The contract's name for this fact's type.
  public var type: FactType {
    switch self {
    case .painScore: .painScore
    case .functionalDisability: .functionalDisability
    case .painDuration: .painDuration
    case .painPattern: .painPattern
    case .provocationTest: .provocationTest
    case .budapestFinding: .budapestFinding
    case .crpsDiagnosis: .crpsDiagnosis
    case .relief: .relief
    case .therapy: .therapy
    case .staphScreen: .staphScreen
    case .decolonization: .decolonization
    case .psychEvaluation: .psychEvaluation
    case .opioidUse: .opioidUse
    case .priorProcedure: .priorProcedure
    case .imagingFinding: .imagingFinding
    case .riskFactor: .riskFactor
    case .diagnosis: .diagnosis
    case .surgicalPlan: .surgicalPlan
    case .deviceTrial: .deviceTrial
    case .implantProblem: .implantProblem
    case .consultation: .consultation
    case .anginaClass: .anginaClass
    case .patientAge: .patientAge
    case .spondyloarthritisFeature: .spondyloarthritisFeature
    case .diagnosticUncertainty: .diagnosticUncertainty
    case .deviceInterrogation: .deviceInterrogation
    }
  }
}

/// Why a detector reported a fact: the rule, the lexicon entries and the assertion triggers.
public struct Derivation: Codable, Sendable, Hashable {
  /// The detector rule that fired, such as `painScore.slashTen`.
  public var rule: String
  /// Lexicon entries that matched, as `file:concept`.
  public var lexiconEntries: [String]
  /// Assertion triggers that decided polarity or status, such as `negated:denies`.
  public var triggers: [String]

  public init(rule: String, lexiconEntries: [String] = [], triggers: [String] = []) {
    self.rule = rule
    self.lexiconEntries = lexiconEntries
    self.triggers = triggers
  }
}

/// One thing documented about the patient, with where it was read.
///
/// Encoded flat, as facts-v1 writes it: `{"type": "painScore", "value": 7, …,
/// "evidence": [...]}`. Gold files may omit `evidence`; the tool never does.
public struct Fact: Sendable, Hashable {
  public var detail: FactDetail
  public var evidence: [Evidence]
  /// Present on facts the tool found; absent in gold files.
  public var derivation: Derivation?

  public var type: FactType { detail.type }

  public init(_ detail: FactDetail, evidence: [Evidence] = [], derivation: Derivation? = nil) {
    self.detail = detail
    self.evidence = evidence
    self.derivation = derivation
  }
}

extension Fact: Codable {
  private enum CodingKeys: String, CodingKey {
    case type, evidence, derivation
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let type = try container.decode(FactType.self, forKey: .type)
    detail = try FactDetail(type: type, from: decoder)
    evidence = try container.decodeIfPresent([Evidence].self, forKey: .evidence) ?? []
    derivation = try container.decodeIfPresent(Derivation.self, forKey: .derivation)
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(type, forKey: .type)
    try detail.encodePayload(to: encoder)
    try container.encode(evidence, forKey: .evidence)
    try container.encodeIfPresent(derivation, forKey: .derivation)
  }
}

extension FactDetail {
  init(type: FactType, from decoder: Decoder) throws {
    switch type {
    case .painScore: self = .painScore(try PainScore(from: decoder))
    case .functionalDisability:
      self = .functionalDisability(try FunctionalDisability(from: decoder))
    case .painDuration: self = .painDuration(try PainDuration(from: decoder))
    case .painPattern: self = .painPattern(try PainPattern(from: decoder))
    case .provocationTest: self = .provocationTest(try ProvocationTest(from: decoder))
    case .budapestFinding: self = .budapestFinding(try BudapestFinding(from: decoder))
    case .crpsDiagnosis: self = .crpsDiagnosis(try CRPSDiagnosis(from: decoder))
    case .relief: self = .relief(try Relief(from: decoder))
    case .therapy: self = .therapy(try Therapy(from: decoder))
    case .staphScreen: self = .staphScreen(try StaphScreen(from: decoder))
    case .decolonization: self = .decolonization(try Decolonization(from: decoder))
    case .psychEvaluation: self = .psychEvaluation(try PsychEvaluation(from: decoder))
    case .opioidUse: self = .opioidUse(try OpioidUse(from: decoder))
    case .priorProcedure: self = .priorProcedure(try PriorProcedure(from: decoder))
    case .imagingFinding: self = .imagingFinding(try ImagingFinding(from: decoder))
    case .riskFactor: self = .riskFactor(try RiskFactor(from: decoder))
    case .diagnosis: self = .diagnosis(try Diagnosis(from: decoder))
    case .surgicalPlan: self = .surgicalPlan(try SurgicalPlan(from: decoder))
    case .deviceTrial: self = .deviceTrial(try DeviceTrial(from: decoder))
    case .implantProblem: self = .implantProblem(try ImplantProblem(from: decoder))
    case .consultation: self = .consultation(try Consultation(from: decoder))
    case .anginaClass: self = .anginaClass(try AnginaClass(from: decoder))
    case .patientAge: self = .patientAge(try PatientAge(from: decoder))
    case .spondyloarthritisFeature:
      self = .spondyloarthritisFeature(try SpondyloarthritisFeature(from: decoder))
    case .diagnosticUncertainty:
      self = .diagnosticUncertainty(try DiagnosticUncertainty(from: decoder))
    case .deviceInterrogation:
      self = .deviceInterrogation(try DeviceInterrogation(from: decoder))
    }
  }

  func encodePayload(to encoder: Encoder) throws {
    switch self {
    case .painScore(let payload): try payload.encode(to: encoder)
    case .functionalDisability(let payload): try payload.encode(to: encoder)
    case .painDuration(let payload): try payload.encode(to: encoder)
    case .painPattern(let payload): try payload.encode(to: encoder)
    case .provocationTest(let payload): try payload.encode(to: encoder)
    case .budapestFinding(let payload): try payload.encode(to: encoder)
    case .crpsDiagnosis(let payload): try payload.encode(to: encoder)
    case .relief(let payload): try payload.encode(to: encoder)
    case .therapy(let payload): try payload.encode(to: encoder)
    case .staphScreen(let payload): try payload.encode(to: encoder)
    case .decolonization(let payload): try payload.encode(to: encoder)
    case .psychEvaluation(let payload): try payload.encode(to: encoder)
    case .opioidUse(let payload): try payload.encode(to: encoder)
    case .priorProcedure(let payload): try payload.encode(to: encoder)
    case .imagingFinding(let payload): try payload.encode(to: encoder)
    case .riskFactor(let payload): try payload.encode(to: encoder)
    case .diagnosis(let payload): try payload.encode(to: encoder)
    case .surgicalPlan(let payload): try payload.encode(to: encoder)
    case .deviceTrial(let payload): try payload.encode(to: encoder)
    case .implantProblem(let payload): try payload.encode(to: encoder)
    case .consultation(let payload): try payload.encode(to: encoder)
    case .anginaClass(let payload): try payload.encode(to: encoder)
    case .patientAge(let payload): try payload.encode(to: encoder)
    case .spondyloarthritisFeature(let payload): try payload.encode(to: encoder)
    case .diagnosticUncertainty(let payload): try payload.encode(to: encoder)
    case .deviceInterrogation(let payload): try payload.encode(to: encoder)
    }
  }
}
