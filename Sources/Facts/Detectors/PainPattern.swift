import Model

/// Finds whether pain stays in the spine (axial), travels along a nerve (radicular), or both.
///
/// Each sentence yields evidence of one kind; the case-level choice (one pattern per case)
/// is made when facts are merged: see `FactMerger.painPattern(from:)`.
struct PainPatternRule: FactRule {
  /// Rule names, by the strength of what they show.
  enum Cue: String {
    case mixedStated = "painPattern.mixedStated"
    case axialStated = "painPattern.axialStated"
    case radiationDenied = "painPattern.radiationDenied"
    case radiating = "painPattern.radiating"
  }

  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    if let match = Self.mixed.firstMatch(in: passage.text) {
      return fact(.mixed, cue: .mixedStated, match: match, in: passage)
    }
    if let match = Self.radicular.firstMatch(in: passage.text) {
      let context = passage.context(ofLocal: match.range)
      guard !context.isHypothetical, !context.isOtherPerson, !context.isUncertain else { return [] }
      if context.isNegated || Self.deniedRadiation.occurs(in: passage.text) {
        return fact(.axial, cue: .radiationDenied, match: match, in: passage, context: context)
      }
      return fact(.radicular, cue: .radiating, match: match, in: passage, context: context)
    }
    if let match = Self.deniedRadiation.firstMatch(in: passage.text) {
      return fact(.axial, cue: .radiationDenied, match: match, in: passage)
    }
    if let match = Self.axial.firstMatch(in: passage.text) {
      let context = passage.context(ofLocal: match.range)
      guard !context.isNegated, !context.isHypothetical else { return [] }
      return fact(.axial, cue: .axialStated, match: match, in: passage, context: context)
    }
    return []
  }

  private func fact(
    _ pattern: PainPatternKind, cue: Cue, match: TextMatch, in passage: Passage,
    context: Context? = nil
  ) -> [Fact] {
    let site = PainScoreRule.region(before: match.range.upperBound, in: passage.text)
    let detail = PainPattern(pattern: pattern, site: site)
    return [passage.fact(.painPattern(detail), rule: cue.rawValue, context: context)]
  }

  private static let limb =
    #"(?:legs?|calf|calves|foot|feet|toes?|ankles?|shins?|below the knee|arms?|hands?|"#
    + #"fingers?|thumb|forearms?|lower extremit(?:y|ies)|upper extremit(?:y|ies)|[LR]?LE|[LR]?UE)"#
  private static let radicular = TextPattern(
    #"\b(?:radiat\w*|shoot\w*|travel\w*|extend\w*|spread\w*|goes|going|runs?|running)\s+"#
      + #"(?:\w+\s+){0,6}?(?:down|into|to|along|through)\s+(?:\w+\s+){0,4}?"# + limb + #"\b"#
      + #"|\bsciatica\b|\bradicular\b|\bradiculopathy\b|\bradiculitis\b|\bdermatomal\b"#
      + #"|\b[LCS]\d(?:-[LCS]?\d)? (?:dermatom\w*|distribution|nerve root)\b"#
      + #"|\bradiat\w* (?:pain|symptoms)\b"#)
  private static let deniedRadiation = TextPattern(
    #"\b(?:no|denies|without|absence of|negative for)\s+(?:any\s+)?(?:radiation|radiating|"#
      + #"radicular|sciatica|leg pain|arm pain|radiculopathy)\b|\b(?:does not|doesn't|do not|did not)\s+"#
      + #"radiate\b|\bnon-?radiating\b|\bnon-?radicular\b|\blocali[sz]ed to the (?:low(?:er)? )?"#
      + #"(?:back|neck|spine|lumbar|cervical|buttock|SI joint)\b"#)
  private static let axial = TextPattern(
    #"\baxial\b(?!\s+(?:images?|T1|T2|imaging|loading|load|plane|views?|CT|MRI|sequences?|cuts|STIR))"#
  )
  private static let mixed = TextPattern(
    #"\bmixed\s+(?:axial\s+(?:and|&|/)\s+radicular|pattern|pain pattern)\b"#
      + #"|\b(?:both\s+)?axial\s+(?:and|&|/|as well as)\s+(?:a\s+)?radicular\b"#
      + #"|\bradicular\s+(?:and|&|/)\s+axial\b"#)
}
