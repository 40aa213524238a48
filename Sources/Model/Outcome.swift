/// What a guideline review concludes for one case. PendCheck never denies a case.
public enum DeterminationStatus: String, Codable, Sendable, CaseIterable {
  /// Every criterion of the indication is documented as met.
  case ready
  /// Something a criterion needs is not documented; the case waits for the provider.
  case pend
  /// The documents contradict a criterion; a physician reviewer must decide.
  case clinicalReview
  /// The request is outside the guideline.
  case excluded
}

/// The contract's names for the families of criteria a case can fall short on.
public enum GapFamily: String, Codable, Sendable, CaseIterable {
  case painSeverity, painDuration, painPattern, diagnosis, conservativeCare, homeExercise
  case provocationTests, budapestCriteria, priorResponse, imaging, mrsaDecolonization
  case psychEvaluation, deviceTrial, medicationTrial, frequency, interval, contraindication
  case imagingGuidance, surgicalPlanning, other
}

/// How a criterion came out on a case's documents.
public enum CriterionStatus: String, Codable, Sendable, CaseIterable {
  /// The documents show the criterion is satisfied.
  case met
  /// The documents contradict the criterion.
  case notMet
  /// The documents say nothing that settles the criterion.
  case notDocumented
}

/// One criterion as evaluated on a case, with what it used and why it came out so.
public struct CriterionResult: Codable, Sendable, Hashable {
  /// Stable identifier, such as `1756.sij.provocation`.
  public var id: String
  /// The guideline number, such as `1756`.
  public var guideline: String
  /// The section of the guideline the criterion comes from.
  public var section: String
  /// What the criterion asks, in PendCheck's own words.
  public var description: String
  public var family: GapFamily
  public var status: CriterionStatus
  /// One sentence with the numbers that decided the status.
  public var reason: String
  /// For a criterion not met or not documented: what to ask the provider for.
  public var providerRequest: String?
  /// The evidence of the facts the criterion used.
  public var evidence: [Evidence]

  public init(
    id: String, guideline: String, section: String, description: String, family: GapFamily,
    status: CriterionStatus, reason: String, providerRequest: String? = nil,
    evidence: [Evidence] = []
  ) {
    self.id = id
    self.guideline = guideline
    self.section = section
    self.description = description
    self.family = family
    self.status = status
    self.reason = reason
    self.providerRequest = providerRequest
    self.evidence = evidence
  }
}

/// The outcome of one guideline applied to a case.
public struct Determination: Codable, Sendable, Hashable {
  public var guideline: String
  /// The part of the guideline applied, such as `sacroiliacJointPain`.
  public var indication: String
  /// `initial`, `diagnostic`, `therapeutic`, `trial`, `permanent` or `revision`.
  public var phase: String?
  public var determination: DeterminationStatus
  /// One family per criterion family that falls short, in criterion order.
  public var gaps: [GapFamily]
  public var criteria: [CriterionResult]
  /// Why the request is excluded, for `excluded`.
  public var exclusionReason: String?

  public init(
    guideline: String, indication: String, phase: String? = nil,
    determination: DeterminationStatus, gaps: [GapFamily], criteria: [CriterionResult],
    exclusionReason: String? = nil
  ) {
    self.guideline = guideline
    self.indication = indication
    self.phase = phase
    self.determination = determination
    self.gaps = gaps
    self.criteria = criteria
    self.exclusionReason = exclusionReason
  }
}
