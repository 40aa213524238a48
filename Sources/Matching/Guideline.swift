import Model

/// One payer guideline as data: the codes it covers, the requests it excludes, and its
/// indications, each a list of criteria the engine evaluates.
///
/// Definitions live in the `Guidelines` module; nothing here names a particular guideline.
public struct Guideline: Sendable {
  /// The guideline's number as the contract spells it, such as `1756`.
  public var number: String
  public var title: String
  public var codes: [ProcedureCode]
  public var exclusions: [Exclusion]
  public var indications: [Indication]
  /// Which earlier procedures make a request a repeat, and when an episode starts afresh.
  public var repeats: RepeatPolicy
  /// The purposes evaluated when neither the request nor the documents name one.
  public var defaultPurposes: Set<Purpose>
  /// Services named in words that stand for one of the guideline's codes, for a request
  /// whose documents name the procedure but no code.
  public var services: [NamedService]

  public init(
    number: String, title: String, codes: [ProcedureCode], exclusions: [Exclusion] = [],
    indications: [Indication], repeats: RepeatPolicy, defaultPurposes: Set<Purpose> = [.initial],
    services: [NamedService] = []
  ) {
    self.services = services
    self.number = number
    self.title = title
    self.codes = codes
    self.exclusions = exclusions
    self.indications = indications
    self.repeats = repeats
    self.defaultPurposes = defaultPurposes
  }

  /// The entry for a requested code, matching add-on codes written with or without `+`.
  public func code(_ text: String) -> ProcedureCode? {
    let wanted = ProcedureCode.normalized(text)
    return codes.first { $0.code == wanted }
  }
}

/// A procedure named in words ("lumbar sympathetic block") and the code it stands for, by
/// region where the code depends on it.
public struct NamedService: Sendable {
  /// Lower-case phrases, any of which names the service.
  public var terms: [String]
  /// The code when the region is unknown or not listed in `codesByRegion`.
  public var code: String
  public var codesByRegion: [Region: String]

  public init(_ terms: [String], code: String, codesByRegion: [Region: String] = [:]) {
    self.terms = terms
    self.code = code
    self.codesByRegion = codesByRegion
  }

  public func code(for region: Region?) -> String {
    region.flatMap { codesByRegion[$0] } ?? code
  }
}

/// A CPT or HCPCS code a guideline covers, with what it tells the criteria.
public struct ProcedureCode: Sendable, Hashable {
  /// The code without any add-on `+`, upper case: `64494`, `0213T`.
  public var code: String
  /// What the code is for, in PendCheck's words.
  public var summary: String
  /// The procedure the code performs, as prior procedures are recorded.
  public var procedure: ProcedureKind
  /// The regions the code is billed for.
  public var regions: Set<Region>
  public var guidance: ImageGuidance
  /// A purpose the code itself names (a pulse generator is a permanent implant).
  public var purpose: Purpose?
  /// An add-on code, billed only with a primary code.
  public var isAddOn: Bool

  public init(
    _ code: String, _ summary: String, procedure: ProcedureKind, regions: Set<Region>,
    guidance: ImageGuidance = .unspecified, purpose: Purpose? = nil, isAddOn: Bool = false
  ) {
    self.code = ProcedureCode.normalized(code)
    self.summary = summary
    self.procedure = procedure
    self.regions = regions
    self.guidance = guidance
    self.purpose = purpose
    self.isAddOn = isAddOn
  }

  static func normalized(_ text: String) -> String {
    if isNormalizedASCII(text) { return text }
    // Not `trimmingPrefix("+")`: its generic search cost more than all the rest of looking a
    // code up, which matching does for every code of every guideline.
    return (text.first == "+" ? String(text.dropFirst()) : text).uppercased()
  }

  /// Whether an ASCII code is already as `normalized(_:)` writes it, without `+` or lower
  /// case letters: most codes, looked up for every code of every guideline.
  private static func isNormalizedASCII(_ text: String) -> Bool {
    guard text.utf8.first != UInt8(ascii: "+") else { return false }
    return text.utf8.allSatisfy { $0 < 0x80 && !(0x61...0x7A).contains($0) }
  }
}

/// How a code says the procedure is guided.
public enum ImageGuidance: String, Sendable, Hashable {
  case fluoroscopyOrCT
  case ultrasound
  case none
  /// The code does not say; the guideline's requirement is taken as the plan.
  case unspecified
}

/// What a request is for, as the contract's "which indication applies" reads it.
public enum Purpose: String, Sendable, Hashable, CaseIterable {
  case initial, surgicalPlanning, trial, permanent, revision
  /// A repeat of an earlier procedure of the same kind.
  case repetition = "repeat"
}

/// The part of a treatment course a request falls in, reported as `phase`.
public enum TreatmentPhase: String, Sendable, Hashable {
  case initial, diagnostic, therapeutic, trial, permanent, revision
}

/// A request the guideline does not consider, recognised from the request's words, region,
/// levels or purpose.
public struct Exclusion: Sendable {
  public var section: String
  /// The excluded service in PendCheck's words, shown as the exclusion reason.
  public var service: String
  /// Groups of lower-case words; the exclusion applies when every word of one group occurs
  /// in the requested service's name.
  public var terms: [[String]]
  /// Phrases that show the service when the request gives them as its reason ("post-operative
  /// pain control"); whole phrases, not loose words, because a reason is a sentence that
  /// names the pain as well as the procedure.
  public var reasons: [String]
  public var regions: Set<Region>
  /// Requested levels that identify the service, compared without case (`S1`).
  public var levels: Set<String>
  public var purposes: Set<Purpose>
  /// Documented diagnoses that show the request is the excluded service.
  public var diagnoses: Set<DiagnosisCondition>
  /// ICD-10 codes, or the start of codes, that name the excluded service's purpose
  /// (G89.18, acute postprocedural pain); compared without case or dot.
  public var icd10: Set<String>
  /// A condition on the case that shows the request is the excluded service.
  public var condition: CaseCondition?
  /// Codes outside the guideline's table that are this service (64625 is sacroiliac
  /// radiofrequency denervation). With a `condition`, the code excludes only when the
  /// condition holds too (a catheter code is excluded when it is for chemotherapy).
  public var codes: Set<String>

  public init(
    section: String, service: String, terms: [[String]] = [], reasons: [String] = [],
    regions: Set<Region> = [], levels: Set<String> = [], purposes: Set<Purpose> = [],
    diagnoses: Set<DiagnosisCondition> = [], icd10: Set<String> = [],
    condition: CaseCondition? = nil, codes: Set<String> = []
  ) {
    self.diagnoses = diagnoses
    self.reasons = reasons
    self.icd10 = Set(icd10.map(Exclusion.normalizedICD10))
    self.condition = condition
    self.codes = Set(codes.map(ProcedureCode.normalized))
    self.section = section
    self.service = service
    self.terms = terms
    self.regions = regions
    self.levels = levels
    self.purposes = purposes
  }

  /// An ICD-10 code in upper case without its dot, for comparing starts: `G8918`.
  public static func normalizedICD10(_ code: String) -> String {
    code.uppercased().filter { $0 != "." }
  }
}

/// One indication of a guideline: when it applies and every criterion it needs.
public struct Indication: Sendable {
  /// The contract's name for the indication, such as `sacroiliacJointPain`.
  public var name: String
  public var section: String
  public var purpose: Purpose
  public var phase: TreatmentPhase
  /// Codes the indication is limited to; `nil` for every code of the guideline.
  public var codes: Set<String>?
  /// Regions the indication is limited to; `nil` for any.
  public var regions: Set<Region>?
  /// Documented diagnoses that name this indication's purpose (intractable spasticity names
  /// an intrathecal trial).
  public var impliedByDiagnoses: Set<DiagnosisCondition>
  /// Words in the requested service that single this indication out among those evaluated
  /// ("dorsal root ganglion").
  public var serviceTerms: [String]
  /// Trial devices whose documented trial singles this indication out.
  public var devices: Set<TrialDevice>
  public var criteria: [Criterion]

  public init(
    _ name: String, section: String, purpose: Purpose = .initial, phase: TreatmentPhase = .initial,
    codes: Set<String>? = nil, regions: Set<Region>? = nil,
    impliedByDiagnoses: Set<DiagnosisCondition> = [], serviceTerms: [String] = [],
    devices: Set<TrialDevice> = [], criteria: [Criterion]
  ) {
    self.impliedByDiagnoses = impliedByDiagnoses
    self.serviceTerms = serviceTerms
    self.devices = devices
    self.name = name
    self.section = section
    self.purpose = purpose
    self.phase = phase
    self.codes = codes.map { Set($0.map(ProcedureCode.normalized)) }
    self.regions = regions
    self.criteria = criteria
  }
}

/// One thing an indication needs, with where the guideline says so.
public struct Criterion: Sendable {
  /// Stable identifier, such as `1756.sij.provocation`.
  public var id: String
  public var section: String
  /// What the criterion asks, in PendCheck's words.
  public var description: String
  public var family: GapFamily
  public var rule: Rule
  /// For repeat requests: the phase the criterion belongs to; `nil` for every phase.
  public var repeatPhase: RepeatPhase?
  /// Whether the criterion is what sets the indication apart (its diagnosis): an indication
  /// whose defining criteria fall short is a poor match, whatever else is met.
  public var isDefining: Bool

  public init(
    _ id: String, section: String, family: GapFamily, _ description: String, rule: Rule,
    repeatPhase: RepeatPhase? = nil, defining: Bool = false
  ) {
    self.isDefining = defining
    self.id = id
    self.section = section
    self.description = description
    self.family = family
    self.rule = rule
    self.repeatPhase = repeatPhase
  }
}

/// Whether a repeat request falls in the initial series or the therapeutic phase after it.
public enum RepeatPhase: String, Sendable, Hashable {
  case initial, therapeutic
}

/// What makes a request a repeat of an earlier procedure under a guideline.
public struct RepeatPolicy: Sendable {
  /// Procedures of the same kind as each requested procedure; a requested procedure not
  /// listed counts only itself.
  public var sameKind: [ProcedureKind: Set<ProcedureKind>]
  /// Years after the last procedure in a region when a new episode of care starts.
  public var newEpisodeAfterYears: Int?
  /// Whether spine surgery in the region starts a new episode of care.
  public var surgeryStartsNewEpisode: Bool
  /// The most procedures of the initial series; later ones are therapeutic.
  public var initialSeriesLimit: Int?
  /// Relief that moves a course into the therapeutic phase: percent and days.
  public var therapeuticRelief: (percent: Double, days: Double)?
  /// Days within which unilateral procedures at the same levels on opposite sides count as one.
  public var oppositeSidesAsOneWithinDays: Int?
  /// What an earlier procedure of the same kind makes the request: a repeat, or for an
  /// implanted device a revision.
  public var repeatPurpose: Purpose

  public init(
    sameKind: [ProcedureKind: Set<ProcedureKind>] = [:], newEpisodeAfterYears: Int? = nil,
    surgeryStartsNewEpisode: Bool = false, initialSeriesLimit: Int? = nil,
    therapeuticRelief: (percent: Double, days: Double)? = nil,
    oppositeSidesAsOneWithinDays: Int? = nil, repeatPurpose: Purpose = .repetition
  ) {
    self.repeatPurpose = repeatPurpose
    self.sameKind = sameKind
    self.newEpisodeAfterYears = newEpisodeAfterYears
    self.surgeryStartsNewEpisode = surgeryStartsNewEpisode
    self.initialSeriesLimit = initialSeriesLimit
    self.therapeuticRelief = therapeuticRelief
    self.oppositeSidesAsOneWithinDays = oppositeSidesAsOneWithinDays
  }

  /// The kinds counted as the same procedure as `requested`.
  public func kinds(sameAs requested: ProcedureKind) -> Set<ProcedureKind> {
    sameKind[requested] ?? [requested]
  }
}
