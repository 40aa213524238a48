/// How a finding is asserted in its sentence, ConText-style: negated, uncertain,
/// hypothetical, historical or about someone else, and which trigger said so.
public struct Assertion: Hashable, Sendable {
  public let isNegated: Bool
  public let isUncertain: Bool
  public let isHypothetical: Bool
  public let isHistorical: Bool
  public let isOtherPerson: Bool
  /// The triggers whose scope covers the finding, one per decision.
  public let triggers: [AssertionTrigger]

  public init(triggers: [AssertionTrigger]) {
    self.triggers = triggers
    let kinds = Set(triggers.map(\.kind))
    isNegated = kinds.contains(.negated)
    isUncertain = kinds.contains(.uncertain)
    isHypothetical = kinds.contains(.hypothetical)
    isHistorical = kinds.contains(.historical)
    isOtherPerson = kinds.contains(.otherPerson)
  }

  /// Whether the finding is stated plainly: none of the five contexts applies.
  public var isAffirmed: Bool { triggers.isEmpty }
}

/// The five ConText assertion categories.
public enum AssertionKind: String, CaseIterable, Sendable {
  case negated, uncertain, hypothetical, historical, otherPerson
}

/// Which way from a trigger its scope extends.
public enum TriggerDirection: String, Sendable {
  /// Over what follows: "denies *numbness*".
  case forward
  /// Over what precedes: "*SLR* was negative", "*FABER* (-)".
  case backward
  /// Both ways: "*fracture* ruled out", "ruled out *fracture*".
  case both
}

/// What made an assertion decision: a trigger phrase, a section, or a past year.
public struct AssertionTrigger: Hashable, Sendable {
  public let kind: AssertionKind
  /// The trigger as written ("denies", "(-)", "Family History").
  public let text: String
  /// UTF-16 offsets of the trigger in `Document.text`.
  public let range: Range<Int>
  public let direction: TriggerDirection
  /// Where the trigger comes from: "negation.txt:12 denies", "section familyHistory",
  /// "year before the date of service".
  public let source: String
}
