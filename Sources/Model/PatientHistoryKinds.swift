// Fact types PendCheck adds to facts-v1 for the criteria that depend on the patient's age,
// the features of spondyloarthritis, and why the level of the pain is in question.

/// The patient's age in whole years, at the most recent note or when the complaint began
/// (PendCheck's addition).
public struct PatientAge: Codable, Sendable, Hashable {
  public var years: Int
  public var context: AgeContext

  public init(years: Int, context: AgeContext) {
    self.years = years
    self.context = context
  }
}

/// When an age was reached: at the most recent note, or when the complaint began.
public enum AgeContext: String, Codable, Sendable, CaseIterable {
  case current, onset
}

/// One feature of spondyloarthritis, present or documented as absent (PendCheck's addition).
///
/// The items of inflammatory back pain (insidious onset, better with exercise, not better
/// with rest, pain at night) are features of their own; onset before 40 is read from the
/// age at onset.
public struct SpondyloarthritisFeature: Codable, Sendable, Hashable {
  public var feature: SpondyloarthritisFeatureKind
  public var present: Bool

  public init(feature: SpondyloarthritisFeatureKind, present: Bool) {
    self.feature = feature
    self.present = present
  }
}

/// The features of spondyloarthritis guideline 1756 counts.
public enum SpondyloarthritisFeatureKind: String, Codable, Sendable, CaseIterable {
  case insidiousOnset, improvesWithExercise, noImprovementWithRest, nightPain
  case arthritis, enthesitis, uveitis, dactylitis, psoriasis, inflammatoryBowelDisease
  case nsaidResponse, familyHistory, hlaB27, elevatedCrp

  /// Whether the feature is one of the items of inflammatory back pain, which count only
  /// together; the others count on their own.
  public var isInflammatoryBackPainItem: Bool {
    switch self {
    case .insidiousOnset, .improvesWithExercise, .noImprovementWithRest, .nightPain: true
    default: false
    }
  }
}

/// A reason the level or source of the pain is in question, which allows a further
/// diagnostic block at another level after one that failed (PendCheck's addition).
public struct DiagnosticUncertainty: Codable, Sendable, Hashable {
  public var kind: DiagnosticUncertaintyKind

  public init(kind: DiagnosticUncertaintyKind) { self.kind = kind }
}

/// Why the pain's level is in question.
public enum DiagnosticUncertaintyKind: String, Codable, Sendable, CaseIterable {
  /// The note says which structure or level causes the pain is not yet known.
  case painGenerator
  /// Degeneration or disease at several levels, any of which could cause the pain.
  case multilevelPathology
}
