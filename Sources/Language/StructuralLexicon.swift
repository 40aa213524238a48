/// The lexicons the Language stage itself reads, by file stem, with the attributes each
/// entry must carry. Other lexicons are loaded and matched but not interpreted here.
public enum StructuralLexicon: String, CaseIterable, Sendable {
  case sections
  case abbreviations
  case negation
  case pseudoNegation = "pseudo-negation"
  case uncertainty
  case hypothetical
  case historical
  case experiencer
  case terminators
  case numberWords = "number-words"
  case units
  case dateCues = "date-cues"

  /// The assertion a trigger lexicon sets, or `nil` for lexicons that are not triggers.
  var assertionKind: AssertionKind? {
    switch self {
    case .negation: return .negated
    case .uncertainty: return .uncertain
    case .hypothetical: return .hypothetical
    case .historical: return .historical
    case .experiencer: return .otherPerson
    default: return nil
    }
  }

  /// Checks what the Language stage needs of each entry beyond the file syntax.
  func validate(_ entries: [LexiconEntry], fileName: String) throws(LexiconError) {
    for entry in entries {
      if let reason = problem(with: entry) {
        throw .invalidEntry(file: fileName, line: entry.line, reason: reason)
      }
    }
  }

  private func problem(with entry: LexiconEntry) -> String? {
    let attributes = entry.attributes
    switch self {
    case .sections:
      guard SectionKind(rawValue: entry.concept) != nil else {
        return "'\(entry.concept)' is not a section kind (known: "
          + SectionKind.allCases.map(\.rawValue).joined(separator: ", ") + ")"
      }
    case .negation, .uncertainty, .hypothetical, .historical, .experiencer:
      if let direction = attributes["direction"], TriggerDirection(rawValue: direction) == nil {
        return "direction=\(direction) is not forward, backward or both"
      }
      if let reach = attributes["reach"], (Int(reach) ?? 0) < 1 {
        return "reach=\(reach) is not a whole number of words above zero"
      }
      if let start = attributes["clauseStart"], start != "yes" && start != "no" {
        return "clauseStart=\(start) is not yes or no"
      }
      if let end = attributes["commaEnds"], end != "yes" && end != "no" {
        return "commaEnds=\(end) is not yes or no"
      }
    case .abbreviations:
      if let end = attributes["sentenceEnd"], end != "never" && end != "allowed" {
        return "sentenceEnd=\(end) is not never or allowed"
      }
    case .numberWords:
      guard attributes["value"].flatMap(Double.init) != nil else {
        return "a number word needs a numeric value=… attribute"
      }
    case .units:
      guard attributes["days"].flatMap(Double.init) != nil else {
        return "a unit needs a numeric days=… attribute"
      }
    case .dateCues:
      guard DateRole(rawValue: entry.concept) != nil else {
        return "'\(entry.concept)' is not a date role (dateOfService, signature, documentDate,"
          + " dateOfBirth)"
      }
    case .pseudoNegation, .terminators:
      break
    }
    return nil
  }
}
