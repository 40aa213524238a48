import Model

/// Finds MRSA, MSSA and Staphylococcus aureus screens with their result and date, and
/// decolonization plans with their agents and start date.
///
/// A family member's MRSA is not the patient's: mentions about someone else are dropped.
struct StaphScreenRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    let text = passage.text
    let organisms = Self.organisms(in: text)
    guard !organisms.isEmpty else { return [] }

    // A lab report's result rows ("| MSSA | NOT DETECTED |") take the screen named in the
    // lines above them (a title, a result heading, a header row and the rows before),
    // and the report's date.
    let isScreenLine = Self.screenCue.occurs(in: text)
    let isUnderScreenHeading =
      !isScreenLine && passage.preceding(5).contains { Self.screenCue.occurs(in: $0.text) }
    guard isScreenLine || isUnderScreenHeading else { return [] }

    return organisms.compactMap { organism, range in
      let context = passage.context(ofLocal: range)
      guard !context.isOtherPerson, !context.isHypothetical, !Self.otherPerson.occurs(in: text)
      else { return nil }
      guard let result = Self.result(near: range, in: text, isNegated: context.isNegated) else {
        return nil
      }
      let date =
        passage.dates.first?.date ?? (isUnderScreenHeading ? passage.note.dateOfService : nil)
      let detail = StaphScreen(organism: organism, result: result, date: date)
      return passage.fact(.staphScreen(detail), rule: "staphScreen", context: context)
    }
  }

  static func organisms(in text: String) -> [(StaphOrganism, Range<Int>)] {
    var found: [(StaphOrganism, Range<Int>)] = []
    for (organism, pattern) in [(StaphOrganism.mrsa, mrsa), (.mssa, mssa), (.staphAureus, aureus)] {
      for match in pattern.matches(in: text)
      where !found.contains(where: { $0.1.overlaps(match.range) }) {
        found.append((organism, match.range))
      }
    }
    // "S. aureus (MSSA)": the typed name says which.
    if found.contains(where: { $0.0 != .staphAureus }) {
      found.removeAll { $0.0 == .staphAureus }
    }
    return found.sorted { $0.1.lowerBound < $1.1.lowerBound }
  }

  /// The result word nearest the organism; "negative for MRSA" reads as negated.
  private static func result(near range: Range<Int>, in text: String, isNegated: Bool)
    -> TestResult?
  {
    func distance(_ match: TextMatch) -> Int {
      match.range.lowerBound >= range.upperBound
        ? match.range.lowerBound - range.upperBound : range.lowerBound - match.range.upperBound
    }
    let positives = positive.matches(in: text).map { (TestResult.positive, distance($0)) }
    let negatives = negative.matches(in: text).map { (TestResult.negative, distance($0)) }
    if let nearest = (positives + negatives).min(by: { $0.1 < $1.1 }) { return nearest.0 }
    return isNegated ? .negative : nil
  }

  private static let mrsa = TextPattern(
    #"\bMRSA\b|\bmethicillin[- ]resistant\s+(?:staphylococcus|staph\.?|S\.)\s*(?:aureus)?"#
      + #"|\b(?:staphylococcus|staph\.?|S\.)\s*aureus\s*\(\s*methicillin[- ]resistant\s*\)"#
  )
  private static let mssa = TextPattern(
    #"\bMSSA\b|\bmethicillin[- ](?:sensitive|susceptible)\s+(?:staphylococcus|staph\.?"#
      + #"|S\.)\s*(?:aureus)?|\b(?:staphylococcus|staph\.?"#
      + #"|S\.)\s*aureus\s*\(\s*methicillin[- ](?:sensitive|susceptible)\s*\)"#
  )
  private static let aureus = TextPattern(
    #"\b(?:staphylococcus|staph\.?|S\.)\s*aureus\b|\bstaph\b"#)
  private static let screenCue = TextPattern(
    #"\b(?:screen\w*|swab\w*|nares|nasal|PCR|colonized|colonization|carrier|decoloniz\w*)\b"#
  )
  private static let positive = TextPattern(
    #"\b(?:positive|(?<!not |none |un)detected|colonized|carrier|grew|(?<!not )isolated"#
      + #"|present)\b|\(\s*\+\s*\)"#
  )
  private static let negative = TextPattern(
    #"\b(?:negative|not detected|no growth|none detected|not isolated|absent)\b|\(\s*[-−]\s*\)"#)
  private static let otherPerson = TextPattern(
    #"\b(?:wife|husband|spouse|partner|mother|father|son|daughter|brother|sister|child|children"#
      + #"|family member|household (?:member|contact)|roommate)\b"#
  )
}

/// Finds a decolonization plan before an implant: mupirocin, chlorhexidine, start date.
struct DecolonizationRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    guard let cue = Self.cue.firstMatch(in: passage.text) else { return [] }
    let context = passage.context(ofLocal: cue.range)
    guard !context.isOtherPerson, !context.isUncertain else { return [] }
    if context.isHypothetical && Self.conditional.occurs(in: passage.text) { return [] }

    if Self.recommendation.occurs(in: passage.text) { return [] }
    // "The skin was prepped with chlorhexidine": a procedure's skin preparation, not a
    // decolonization course before surgery.
    if Self.skinPreparation.occurs(in: passage.text), !Self.course.occurs(in: passage.text) {
      return []
    }
    let isDeclined = context.isNegated || Self.notNeeded.occurs(in: passage.text)
    let agents = Self.agents(in: passage.text)
    let detail = Decolonization(
      planned: !isDeclined, start: isDeclined ? nil : passage.dates.first?.date,
      agents: agents.isEmpty ? nil : agents)
    return [passage.fact(.decolonization(detail), rule: "decolonization", context: context)]
  }

  static func agents(in text: String) -> [String] {
    var agents: [String] = []
    if mupirocin.occurs(in: text) { agents.append("mupirocin") }
    if chlorhexidine.occurs(in: text) { agents.append("chlorhexidine") }
    return agents
  }

  private static let mupirocin = TextPattern(#"\b(?:mupirocin|Bactroban|Centany)\b"#)
  private static let chlorhexidine = TextPattern(
    #"\b(?:chlorhexidine|Hibiclens|CHG|chlorhexidine gluconate)\b"#)
  private static let cue = TextPattern(
    #"\b(?:decoloniz\w*|decolonis\w*|mupirocin|Bactroban|chlorhexidine|Hibiclens|CHG (?:wash\w*"#
      + #"|bath\w*|wipes?|shower\w*))\b"#
  )
  /// A recommendation, or a lab report's instruction to its reader ("notify infection
  /// prevention for pre-surgical decolonization"), is not the clinician's plan.
  private static let recommendation = TextPattern(
    #"\b(?:would recommend|recommend(?:ed|s)?|consider\w*|instructions|notify|please contact)\b"#
  )
  private static let skinPreparation = TextPattern(
    #"\b(?:prep|preps|prepped|prepared|draped|time-?out|sterile fashion|sterile technique"#
      + #"|skin prep\w*)\b"#
  )
  private static let course = TextPattern(
    #"\b(?:decoloniz\w*|decolonis\w*|mupirocin|Bactroban|wash\w*|bath\w*|shower\w*|wipes|nightly"#
      + #"|daily|twice|nares|nasal)\b"#
  )
  private static let notNeeded = TextPattern(
    #"\b(?:not (?:needed|required|indicated|necessary)|no need for|unnecessary|(?:has|have|was"#
      + #"|were) not (?:yet )?been (?:ordered|started|prescribed|arranged|planned)"#
      + #"|not yet (?:ordered|started|prescribed|arranged|planned))\b"#
  )
  private static let conditional = TextPattern(#"\b(?:if|should|unless|in the event)\b"#)
}
