/// The kinds of note section PendCheck recognises, named as Evidence.section spells them.
public enum SectionKind: String, CaseIterable, Sendable {
  case identification, chiefComplaint, hpi, intervalHistory, pastMedicalHistory, pastSurgicalHistory
  case priorTreatment, medications, allergies, reviewOfSystems, physicalExam, vitals, imaging,
    procedures
  case assessment, plan, assessmentAndPlan, impression, diagnoses, familyHistory
  case socialHistory
  /// PT notes.
  case subjective, objective, goals, treatment, functionalStatus
  /// Imaging reports, laboratory results.
  case indication, technique, comparison, findings, labs
  /// The service a request form or note asks for.
  case request
  /// Psychological evaluations, and a note's summary of one.
  case psychology, reasonForReferral, mentalStatus, behavioralObservations, testResults,
    recommendations
  /// Signature blocks and attestations.
  case signature
  /// A procedure note's parts before the procedure (the patient's state on arrival) and
  /// after it (recovery, the response measured there).
  case preProcedure, postProcedure
}

/// A section of a document: its heading and the text it governs, up to the next heading.
public struct Section: Hashable, Sendable {
  public let kind: SectionKind
  /// The heading as written, without its colon ("PHYSICAL EXAMINATION").
  public let heading: String
  /// UTF-16 offsets from the heading's start to the next heading (or the end of the text).
  public let range: Range<Int>
  /// UTF-16 offsets of the heading words.
  public let headingRange: Range<Int>
}
