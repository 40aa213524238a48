import Model

/// Finds function limited by pain: ODI, NDI and PROMIS scores, and limits written in words
/// ("cannot sit more than 20 minutes", "unable to work", "difficulty with ADLs", "standing
/// tol ~5 min", "walking 1/2 block w/ cane", "has cut her work hours", "sleeping in two-hour
/// stretches", "stopped her water aerobics because of it").
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
    #"\b(ODI|Oswestry(?: Low Back Pain)?(?: Disability)?(?: Index| Questionnaire| score)?|NDI|"#
      + #"Neck Disability Index|PROMIS(?:-\d{2}\b)?(?:[- ][A-Za-z]+){0,4}?)"#
      + #"[^\d\n.;]{0,30}?(\d{1,3}(?:\.\d+)?)\s*"#
      + #"(?:%|percent|points?|/\s*\d+)?"#)

  private func narrativeLimits(in passage: Passage) -> [Fact] {
    guard
      let match = Self.limitation.firstMatch(in: passage.text)
        ?? Self.limitedBy.firstMatch(in: passage.text)
    else { return deniedLimits(in: passage) }
    let context = passage.context(ofLocal: match.range)
    guard !context.isHypothetical, !context.isOtherPerson else { return [] }
    // "She stopped meloxicam because of it": a treatment given up, not an activity.
    let treatments = passage.hits("medications") + passage.hits("therapies")
    if treatments.contains(where: { passage.local($0.range).overlaps(match.range) }) {
      return deniedLimits(in: passage)
    }
    // A negation counts only close before the limit: "without the stimulator she is again
    // unable to walk her dog" states a limit.
    let lead = max(0, match.range.lowerBound - 25)..<match.range.lowerBound
    if context.isNegated, Self.nearNegation.occurs(in: passage.text, within: lead) {
      return deniedLimits(in: passage)
    }

    let detail = FunctionalDisability(
      present: true, instrument: .narrative, activity: match.value.lowercased())
    return [
      passage.fact(
        .functionalDisability(detail), rule: "functionalDisability.narrative", context: context)
    ]
  }

  private func deniedLimits(in passage: Passage) -> [Fact] {
    guard Self.noLimits.occurs(in: passage.text) else { return [] }
    let detail = FunctionalDisability(present: false, instrument: .narrative)
    return [passage.fact(.functionalDisability(detail), rule: "functionalDisability.denied")]
  }

  private static let activity =
    #"(?:sit(?:s|ting)?|stand(?:s|ing)?|walk(?:s|ing)?|work(?:s|ing)?|sleep(?:s|ing)?|driv(?:e|es"#
    + #"|ing)|"#
    + #"lift(?:s|ing)?|bend(?:s|ing)?|carry(?:ing)?|climb(?:s|ing)?|stairs|dress(?:es|ing)?"#
    + #"|bath(?:e|es|ing)|"#
    + #"cook(?:s|ing)?|clean(?:s|ing)?|shop(?:s|ping)?|household|chores|housework|yard ?work"#
    + #"|garden(?:s|ing)?|"#
    + #"exercis(?:e|es|ing)|play(?:s|ing)?|ADLs?|activities of daily living|daily activities|"#
    + #"wear(?:ing)? (?:a |her |his )?(?:shoes?|socks?|seat ?belt|bra|clothes|clothing)|"#
    + #"use (?:a |her |his |the )?(?:mouse|keyboard|computer|hand|arm)|look(?:ing)? (?:up|down"#
    + #"|at)|"#
    + #"turn(?:ing)? (?:\S+ ){0,2}?head|transfers?|positioned|eat(?:ing)?|reach(?:ing)?"#
    + #"|kneel(?:ing)?|squat(?:ting)?|get(?:ting)? (?:up|out of|in and out of|into)|"#
    + #"care for|hold(?:ing)?|grip(?:ping)?|typ(?:e|ing)|write|writing|his job|her job|job duties"#
    + #"|button(?:s|ing)?|teach(?:es|ing)?|swim(?:s|ming)?|run(?:s|ning)?|jog(?:s|ging)?"#
    + #"|mow(?:s|ing)?|hik(?:e|es|ing)|danc(?:e|es|ing)|knit(?:s|ting)?|sew(?:s|ing)?"#
    + #"|shower(?:s|ing)?|get through|pick up|open (?:a |the )?(?:jars?|doors?))"#
  /// "unable to sit", "cannot stand for more than 10 minutes", "difficulty with ADLs".
  private static let limitation = TextPattern(
    #"\b(?:unable to|inability to|cannot|can't|can not|could not|couldn't|not able to|"#
      + #"(?:has|have) not been able to|hasn't been able to|"#
      + #"no longer able to|can no longer|no longer|can only|only able to|"#
      + #"difficulty(?: with)?|trouble(?: with)?|struggles? (?:to|with)|limited (?:in|to)|"#
      + #"limits? (?:his|her|their)(?: ability to)?|interferes? with|intolerance (?:to|of)"#
      + #"|needs help with|"#
      + #"needs (?:his|her|their) \w+'s help with|requires assistance with|restricted|"#
      + #"keeps (?:him|her|them) from|prevents (?:him|her|them) from|prevents (?:an? )?"#
      + #"|interfer\w* with)\s+(?:\S+\s+){0,5}?"#
      + activity + #"\b"#)
  /// "sitting tolerance 20 minutes", "sleep disturbed by pain", "has given up gardening".
  ///
  /// One alternation searched pattern by pattern, so that each runs only on the sentences
  /// holding its own literals (see `TextPatternAlternation`).
  private static let limitedBy = TextPatternAlternation(
    limitedActivity + [
      tolerance, walkingDistance, mobilityAid, reducedWork, brokenSleep, givenUpBecauseOfPain,
    ])
  /// Limits named in words of their own ("sitting tolerance", "sleep is disturbed", "off
  /// work", "light duty"): the branches of one alternation `\b(?:…)\b`, each a pattern of its
  /// own, so that `limitedBy` runs each only where its literals are.
  private static let limitedActivity = [
    #"(?:sitting|standing|walking) tolerance"#,
    #"(?:sit|stand|walk)s? (?:no|not) (?:more|longer) than"#,
    #"(?:sits|stands|walks|tolerates \w+) (?:for )?(?:only|less than|<|no more than|about|up"#
      + #" to)\s+(?:\d|a |one|two|three|five|ten|fifteen|twenty)"#,
    #"walks? (?:\S+\s+){1,3}then (?:must|has to|needs to) (?:sit|stop|rest)"#,
    #"(?:sleep|sleeping) (?:is )?(?:disturbed|disrupted|interrupted|poor|broken|fragmented)"#,
    #"wakes? (?:up )?(?:\w+ )?(?:at night|from sleep|during the night)"#,
    #"(?:pain|it) wakes (?:him|her|them)"#,
    #"sleeps (?:only )?(?:\w+ )?(?:or \w+ )?hours"#,
    #"(?:off|out of|missed) (?:\w+ )?work"#,
    #"on (?:short[- ]term |long[- ]term )?disability"#,
    #"stopped working"#,
    #"(?:given up|gave up|stopped|quit|left) (?:her |his |their |all )?(?:job|work(?!\s+(?:at"#
      + #"|around|by|before)\s+\d)|hobbies|gardening|golf|driving|(?!using\b|taking\b)\w+ing"#
      + #"|exercise|shifts|activities|sports)"#,
    #"cut back (?:to|on) "#,
    #"(?:has|have|needs?) to (?:lie down|sit down|lie flat)"#,
    #"light duty"#,
    #"modified duty"#,
    #"part-time"#,
    #"makes (?:\S+\s+){1,5}?(?:very |extremely )?difficult"#,
    #"difficult to"#,
    #"functional (?:limitations?|impairment|decline)"#,
    #"limited (?:walking|sitting|standing)"#,
    #"(?:walking|sitting|standing) (?:is )?limited"#,
    #"spends most of the day"#,
    #"missed (?:\S+\s+){0,4}?(?:work|school|shifts?)"#,
    #"(?:bed|house|wheelchair)[- ]?bound"#,
    #"(?:sitting|standing|walking|driving)\b[^.;]{0,50}\b(?:intolerable|unbearable|impossible)"#,
    #"needs? (?:a )?(?:shower chair|walker|wheelchair|help)"#,
    #"uses a (?:walker|wheelchair|cane)"#,
    #"give up (?:her |his )?\w+"#,
    #"had to stop \w+"#,
    #"skipping (?:her |his )?\w+"#,
    #"\bcan (?:only )?(?:walk|sit|stand|drive) (?:for )?(?:about |only |up to |less than"#
      + #" )?(?:\d+|one|two|three|five|ten|fifteen|twenty|thirty|a)\s*(?:minutes?|mins?|blocks?"#
      + #"|hours?)"#,
  ].map { #"\b(?:"# + $0 + #")\b"# }
  /// "standing tol ~5 min", "sitting tolerance 20 minutes".
  private static let tolerance =
    #"\b(?:sitting|standing|walking|sit|stand|walk)\s+tol(?:erance)?\b\.?\s*(?:of\s+"#
    + #"|is\s+)?[~<≈]?\s*\d"#
  /// "walking 1/2 block", "back to walking 30 feet", "walks only inside the house".
  private static let walkingDistance =
    #"\bwalk(?:s|ing)?\s+(?:is\s+)?(?:only\s+|about\s+|~\s*|less than\s+|under\s+)?"#
    + #"(?:\d+(?:/\d)?|half a|a half|one|two|three|a)\s*(?:blocks?|feet|ft|yards?|meters?|m)\b"#
    + #"|\bwalks? only (?:inside|in|around|within) (?:the|her|his) (?:house|home|apartment)\b"#
    + #"|\bwalking\b[^.;]{0,40}\b(?:half a block|a block|\d+ blocks?)\b"#
  /// "walking 1/2 block w/ cane", "using a walker", "walks with crutches", "uses a donut
  /// cushion": an aid he needs to move or sit.
  private static let mobilityAid =
    #"(?<!stopped )(?<!no longer )(?<!quit )(?<!not )"#
    + #"\b(?:uses?|using|walks with|needs?|requires?|relies on)\s+(?:a |an |his |her )?"#
    + #"(?:cane|walker|rollator|crutch(?:es)?|wheelchair|knee scooter|scooter|donut cushion|"#
    + #"doughnut cushion|(?:donut|doughnut|wedge) pillow)\b"#
  /// "has cut her work hours in half", "dropped to three working days a week", "has not
  /// worked since the fall", "missing work again", "on temporary disability".
  private static let reducedWork =
    #"\b(?:cut|reduced|dropped|decreased) (?:\S+ ){0,2}?(?:work(?:ing)? (?:hours|days|schedule)"#
    + #"|hours at work|shifts)\b"#
    + #"|\bdropped to (?:\w+ ){1,2}(?:working |work )?days\b"#
    // The person, not a treatment: "gabapentin has not worked".
    + #"|\b(?:he|she|they|patient|pt)\s+(?:has not|hasn't|have not|haven't)\s+(?:worked|driven"#
    + #"|cooked)\b"#
    + #"|\bmissing (?:\S+\s+){0,4}?(?:work|school|shifts?)\b(?!-)"#
    + #"|\bmissed (?:\S+\s+){5,7}?(?:work|school|shifts?)\b(?!-)"#
    + #"|\bon (?:temporary|medical|partial) disability\b"#
    + #"|\bon (?:FMLA|medical leave|a leave of absence)\b|\b(?:FMLA|medical) leave\b"#
    + #"|\bcannot (?:complete|finish|do) (?:his|her|their) (?:route|shifts?|job|work|duties)\b"#
    + #"|\bavoids (?:driving|sitting|standing|walking|stairs|lifting|bending|work)\b"#
  /// "sleeping in two-hour stretches", "pain that wakes him every night", "forces him to
  /// sleep in a recliner".
  private static let brokenSleep =
    #"\bsleep(?:s|ing)? (?:only )?in (?:\w+[- ])?(?:hour|hr) (?:stretches|blocks|increments)\b"#
    + #"|\b(?:that|which) wakes (?:him|her|them)\b"#
    + #"|\bsleep(?:s|ing)? (?:in|on) (?:a |the )?(?:recliner|chair|couch)\b"#
    + #"|\bwak(?:es|ing|e)\b[^.;]{0,25}\b(?:a night|per night|each night|every night|nightly"#
    + #"|from (?:the )?pain)\b"#
    + #"|\bwoken (?:\w+ ){0,3}?(?:by (?:the |her |his )?pain|most nights|every night|nightly)\b"#
  /// "has stopped her water aerobics because of it": an activity given up for the pain.
  private static let givenUpBecauseOfPain =
    #"\b(?:stopped|given up|gave up|quit|abandoned) (?:her |his |their )?(?:\w+ ){1,3}?"#
    + #"(?:because of|due to) (?:it|the pain|pain|her pain|his pain)\b"#
    + #"|\b(?:given up|gave up) (?:her |his |their )?\w+ (?:driving|work|job|shifts|hobbies)\b"#
    // "has given up his weekend soccer league", "quit her choir".
    + #"|\b(?:given up|gave up|quit|dropped out of) (?:her |his |their )?(?:\w+ ){0,2}?(?:league"#
    + #"|team|club|classes|choir|band|practice)\b"#
    // "has stopped her Saturday swim": a pastime of her own given up.
    + #"|\b(?:stopped|given up|gave up|quit) (?:her|his|their) (?:\w+ ){0,2}?(?:swims?|runs?"#
    + #"|walks?|golf|yoga|workouts?|gym|tennis|bowling|hikes?|rides?)\b"#
    // "has had to leave work early twice a week".
    + #"|\b(?:leave|leaves|leaving|left|go home from) work early\b"#
  private static let nearNegation = TextPattern(
    #"\b(?:no|not|denies|without|never)\b[^,.;]{0,20}$"#)
  private static let noLimits = TextPattern(
    #"\b(?:no functional (?:limitations?|impairment|deficits?)"#
      + #"|denies (?:any )?functional (?:limitations?|impairment)|"#
      + #"independent (?:with|in) (?:all )?(?:ADLs|activities)|fully functional|"#
      + #"no (?:limits?|limitations?|restrictions?|trouble|difficulty|problems?) (?:on|in"#
      + #"|with) (?:her |his )?(?:ADLs|activities|daily|sleep|household|work)|"#
      + #"works? (?:full[- ]duty|full[- ]time)|without restrictions|sleeps through the night"#
      + #"|functionally well compensated)\b"#
  )
}
