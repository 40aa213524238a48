import Model

/// Finds function limited by pain: ODI, NDI and PROMIS scores, and limits written in words
/// ("cannot sit more than 20 minutes", "unable to work", "difficulty with ADLs").
struct FunctionalDisabilityRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    var facts = instrumentScores(in: passage)
    facts += narrativeLimits(in: passage)
    return facts
  }

  private func instrumentScores(in passage: Passage) -> [Fact] {
    var facts: [Fact] = []
    for match in Self.instrumentScore.matches(in: passage.text) {
      guard let name = match.group(1), let score = match.group(2).flatMap(ClinicalWords.number)
      else { continue }
      let context = passage.context(ofLocal: match.range)
      guard !context.isHypothetical, !context.isOtherPerson else { continue }

      let detail = FunctionalDisability(
        present: true, instrument: Self.instrument(named: name), score: score)
      facts.append(
        passage.fact(
          .functionalDisability(detail), rule: "functionalDisability.instrument",
          context: context))
    }
    return facts
  }

  private static func instrument(named name: String) -> DisabilityInstrument {
    let folded = name.lowercased()
    if folded.hasPrefix("n") { return .ndi }
    if folded.hasPrefix("p") { return .promis }
    return .odi
  }

  private static let instrumentScore = TextPattern(
    #"\b(ODI|Oswestry(?: Low Back Pain)?(?: Disability)?(?: Index| Questionnaire)?|NDI|"#
      + #"Neck Disability Index|PROMIS(?:[- ]\w+){0,4}?)(?:\s+(?:score|T-score|total))?"#
      + #"\s*(?:\(\w+\))?\s*(?:of|is|was|=|:|-|score(?:d)?(?: of)?)?\s*(\d{1,3}(?:\.\d+)?)\s*"#
      + #"(?:%|percent|points?|/\s*\d+)?"#)

  private func narrativeLimits(in passage: Passage) -> [Fact] {
    guard
      let match = Self.limitation.firstMatch(in: passage.text)
        ?? Self.limitedBy.firstMatch(in: passage.text)
    else { return deniedLimits(in: passage) }
    let context = passage.context(ofLocal: match.range)
    guard !context.isHypothetical, !context.isOtherPerson else { return [] }
    if context.isNegated { return deniedLimits(in: passage) }

    let detail = FunctionalDisability(
      present: true, instrument: .narrative, activity: match.value.lowercased())
    return [
      passage.fact(
        .functionalDisability(detail), rule: "functionalDisability.narrative", context: context)
    ]
  }

  private func deniedLimits(in passage: Passage) -> [Fact] {
    guard let match = Self.noLimits.firstMatch(in: passage.text) else { return [] }
    let detail = FunctionalDisability(present: false, instrument: .narrative)
    return [passage.fact(.functionalDisability(detail), rule: "functionalDisability.denied")]
  }

  private static let activity =
    #"(?:sit(?:ting)?|stand(?:ing)?|walk(?:ing)?|work(?:ing)?|sleep(?:ing)?|driv(?:e|ing)|"#
    + #"lift(?:ing)?|bend(?:ing)?|carry(?:ing)?|climb(?:ing)?|stairs|dress(?:ing)?|bath(?:e|ing)|"#
    + #"cook(?:ing)?|clean(?:ing)?|shop(?:ping)?|household|chores|housework|yard ?work|garden(?:ing)?|"#
    + #"exercis(?:e|ing)|play(?:ing)?|ADLs?|activities of daily living|daily activities|"#
    + #"turn(?:ing)? (?:his|her|the) head|reach(?:ing)?|kneel(?:ing)?|squat(?:ting)?|get(?:ting)? up|"#
    + #"care for|hold(?:ing)?|grip(?:ping)?|typ(?:e|ing)|write|writing|his job|her job|job duties)"#
  /// "unable to sit", "cannot stand for more than 10 minutes", "difficulty with ADLs".
  private static let limitation = TextPattern(
    #"\b(?:unable to|inability to|cannot|can't|can not|could not|couldn't|not able to|"#
      + #"difficulty(?: with)?|trouble(?: with)?|struggles? (?:to|with)|limited in|"#
      + #"limits? (?:his|her|their)|interferes? with|intolerance (?:to|of)|needs help with|"#
      + #"requires assistance with|restricted)\s+(?:\w+\s+){0,3}?"# + activity + #"\b"#)
  /// "sitting tolerance 20 minutes", "sleep disturbed by pain", "off work", "on disability".
  private static let limitedBy = TextPattern(
    #"\b(?:(?:sitting|standing|walking) tolerance|(?:sit|stand|walk)s? (?:no|not) (?:more|longer) than|"#
      + #"tolerates (?:sitting|standing|walking) (?:for )?(?:only|less than|<)|"#
      + #"(?:sleep|sleeping) (?:is )?(?:disturbed|disrupted|interrupted|poor)|wakes? (?:up )?"#
      + #"(?:\w+ )?(?:at night|from sleep|during the night)|(?:off|out of|missed) work|"#
      + #"on (?:short[- ]term |long[- ]term )?disability|stopped working|"#
      + #"functional (?:limitations?|impairment|decline)|limited (?:walking|sitting|standing)"#
      + #"|(?:walking|sitting|standing) (?:is )?limited)\b"#)
  private static let noLimits = TextPattern(
    #"\b(?:no functional (?:limitations?|impairment|deficits?)|denies (?:any )?functional (?:limitations?|impairment)|"#
      + #"independent (?:with|in) (?:all )?ADLs|fully functional|no limitations? (?:in|with) (?:ADLs|activities))\b"#
  )
}
