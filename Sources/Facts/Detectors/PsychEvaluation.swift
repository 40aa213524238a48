import Model

/// Finds a psychological evaluation before an implant: whether it was completed, when, and
/// whether the psychologist cleared the patient.
///
/// A psychologist's own report counts as a completed evaluation on its date of service.
struct PsychEvaluationRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    let isReport = Self.isPsychReport(passage.note)
    let mention =
      Self.evaluation.firstMatch(in: passage.text) ?? Self.evaluatedUnderPsychology(passage)
    let clearance = mention != nil || isReport ? Self.clearance(in: passage.text) : nil
    guard mention != nil || (isReport && clearance != nil) else { return [] }

    let range = mention?.range ?? 0..<passage.text.utf16.count
    let context = passage.context(ofLocal: range)
    guard !context.isOtherPerson, !context.isUncertain else { return [] }
    if context.isHypothetical && Self.conditional.occurs(in: passage.text) { return [] }

    let isReferredOnly = Self.referral.occurs(in: passage.text)
    let isPending =
      Self.pending.occurs(in: passage.text) || context.isNegated
      || (context.isHypothetical && !isReport)
    let completed =
      isReport
      || (!isPending && !isReferredOnly
        && (Self.done.occurs(in: passage.text) || clearance != nil))
    // A referral placed or an appointment booked says nothing yet of the evaluation; only
    // "not done", "pending" and the like list it as not completed.
    guard completed || isPending else { return [] }

    let date = passage.dates.first?.date ?? (isReport ? passage.note.dateOfService : nil)
    let detail = PsychEvaluation(
      completed: completed, date: completed ? date : nil, cleared: completed ? clearance : nil)
    return [passage.fact(.psychEvaluation(detail), rule: "psychEvaluation", context: context)]
  }

  static func isPsychReport(_ note: Note) -> Bool {
    note.remembered(.isPsychReport) { reportHeading.occurs(in: note.heading) }
  }

  /// "Evaluated", "cleared" and the like in a psychology section, under a "Psychology:"
  /// label, or in a sentence that opens with one.
  private static func evaluatedUnderPsychology(_ passage: Passage) -> TextMatch? {
    guard let verb = evaluatedVerb.firstMatch(in: passage.text) else { return nil }

    let isUnderPsychology =
      passage.section?.name.lowercased().includes("psych") == true
      || passage.preceding(1).first.map { psychologyLabel.occurs(in: $0.text) } == true
      || psychologyLabel.occurs(in: passage.text)
    return isUnderPsychology ? verb : nil
  }

  /// Whether the sentence clears the patient (`true`), refuses clearance (`false`), or is silent.
  static func clearance(in text: String) -> Bool? {
    if notCleared.occurs(in: text) { return false }
    if cleared.occurs(in: text) { return true }
    return nil
  }

  private static let evaluation = TextPattern(
    #"\b(?:psych\w*\s+(?:evaluation|eval|assessment|clearance|consult\w*|testing|screening)"#
      + #"|behavioral health (?:evaluation|assessment|clearance)"#
      + #"|neuropsycholog\w* (?:evaluation|testing)|(?:evaluated|seen|cleared) by (?:psychology"#
      + #"|a psychologist|the psychologist|psychiatry|behavioral health|Dr\.? \w+,? (?:PhD"#
      + #"|PsyD))|psychologist|psychological(?:ly)? cleared|pre-?(?:implant|SCS|operative"#
      + #"|surgical) psych\w*|psychology (?:cleared|clearance|referral|consult\w*|evaluation)"#
      + #"|(?:cleared|seen|evaluated) by (?:our |the )?(?:\w+ )?psycholog\w*)\b"#
  )
  /// "Psychology: Dr. Zhao evaluated her…", a "PSYCHOLOGY" heading.
  private static let psychologyLabel = TextPattern(#"^\s*(?:==\s*)?psycholog(?:y|ical)\b"#)
  private static let evaluatedVerb = TextPattern(
    #"\b(?:evaluated|evaluation|assessment|assessed|cleared|seen by|no contraindication|report)\b"#)
  private static let reportHeading = TextPattern(
    #"\b(?:psycholog\w*|behavioral health|neuropsycholog\w*)\s+(?:\w+\s+){0,3}?(?:evaluation"#
      + #"|assessment|consultation|report)\b|\bpre-?(?:implant|surgical|SCS) (?:psych\w*"#
      + #"|behavioral)"#
  )
  private static let done = TextPattern(
    #"\b(?:completed|performed|done|underwent|was evaluated|was seen|has been evaluated|has had"#
      + #"|had|obtained|received|dated|on file|conducted|finished|cleared)\b"#
  )
  private static let pending = TextPattern(
    #"\b(?:pending|not yet|has not|hasn't|have not|will (?:be|need|obtain)|to be (?:scheduled"#
      + #"|completed|done|obtained)|awaiting|needs?|needed|required|outstanding|not been"#
      + #"|not completed|not done|no (?:report|results?|letter)(?: yet)?)\b"#
  )
  private static let referral = TextPattern(
    #"\b(?:refer(?:ral|red)?|will (?:schedule|refer)|scheduled for|schedule (?:her|him|them)"#
      + #"|appointment (?:is |was )?(?:booked|made|scheduled))\b"#
  )
  private static let cleared = TextPattern(
    #"\b(?:cleared|clearance (?:was |is )?(?:granted|given|obtained|provided)|(?:appropriate|good"#
      + #"|suitable|acceptable) candidate|no (?:psychological |psychiatric "#
      + #"|behavioral )?(?:contraindications?|barriers)|recommended to proceed|may proceed"#
      + #"|can proceed|approved|psychologically (?:appropriate|suitable|stable))\b"#
  )
  private static let notCleared = TextPattern(
    #"\b(?:not (?:yet |\w+ly )?cleared|cannot (?:yet )?(?:be )?clear\w*|unable to clear"#
      + #"|clearance (?:is |was )?(?:withheld|deferred|not (?:granted|given))"#
      + #"|defer\w* (?:psychological )?clearance|not (?:an? )?(?:appropriate|suitable"#
      + #"|good) candidate|does not clear|not recommended to proceed|should not proceed"#
      + #"|recommend(?:s|ed)? against|contraindicat\w+ (?:to|for) (?:implant|SCS|the procedure"#
      + #"|proceeding))\b"#
  )
  private static let conditional = TextPattern(#"\b(?:if|should|unless|in the event)\b"#)
}

/// Finds opioid exposure: current use, past use, or opioid-naive.
struct OpioidUseRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    if let match = Self.naive.firstMatch(in: passage.text) {
      let detail = OpioidUse(status: .naive)
      return [
        passage.fact(
          .opioidUse(detail), rule: "opioidUse.naive",
          context: passage.context(ofLocal: match.range))
      ]
    }
    let hits = passage.hits("medications").filter { $0.attributes["class"] == "opioid" }
    guard let hit = hits.first, passage.section?.isAllergies != true,
      !Self.notUse.occurs(in: passage.text), !TreatmentCourse.isDeniedOrUnknown(hit, in: passage),
      !Self.isAverse(to: hit, in: passage)
    else { return [] }
    let context = passage.context(of: hit)
    guard !context.isOtherPerson, !context.isNegated, !context.isUncertain,
      !context.isHypothetical
    else { return [] }

    let local = passage.local(hit.range)
    let near = passage.slice(
      max(0, local.lowerBound - 40)..<min(passage.text.utf16.count, local.upperBound + 40))
    let isPast = context.isHistorical || Self.past.occurs(in: near)
    let weeks = Self.weeks(in: near) ?? Self.weeks(in: passage.text)
    let detail = OpioidUse(status: isPast ? .past : .current, weeks: weeks)
    return [
      passage.fact(
        .opioidUse(detail), rule: isPast ? "opioidUse.past" : "opioidUse.current", hits: hits,
        context: context)
    ]
  }

  /// "His strong aversion to opioid medicines", "refused every opioid offered", "afraid of
  /// narcotics after her brother's overdose": an opioid the patient will not take is no
  /// opioid use.
  private static func isAverse(to hit: LexiconHit, in passage: Passage) -> Bool {
    let local = passage.local(hit.range)
    let before = passage.slice(max(0, local.lowerBound - 60)..<local.lowerBound)
    return averseBefore.occurs(in: before) || overdose.occurs(in: passage.text)
  }

  private static let averseBefore = TextPattern(
    #"\b(?:aversion|averse|reluctan\w*|unwilling|hesitan\w*|fears?|fearful|afraid|scared|wary"#
      + #"|avoid\w*|opposed|against|refus\w*|declin\w*|does not want|doesn't want|did not want"#
      + #"|didn't want|won't take|will not take|would not take|no interest)\b[^.;]*$"#
  )
  /// Someone's overdose or addiction explaining the patient's stance ("his brother died of
  /// an overdose"): what follows is about avoiding opioids, not taking them.
  private static let overdose = TextPattern(
    #"\b(?:brother|sister|mother|father|son|daughter|husband|wife|partner|friend|cousin"#
      + #"|family member|relative)\b[^.;]{0,40}\b(?:overdos\w*|addict\w*|opioid use disorder)\b"#
  )

  /// How many weeks a span names, a year as 52 weeks and a month as a twelfth of that
  /// ("x ~2 yrs" 104, "for 18 months" 78, "six weeks ago" 6).
  private static func weeks(in text: String) -> Double? {
    guard let match = duration.firstMatch(in: text), let written = match.group(1),
      let amount = ClinicalWords.number(written) ?? (written.lowercased().hasPrefix("a") ? 1 : nil),
      let unit = match.group(2)?.lowercased()
    else { return nil }
    let perUnit: Double =
      unit.hasPrefix("y") ? 52 : unit.hasPrefix("mo") ? 52.0 / 12 : unit.hasPrefix("w") ? 1 : 0
    guard perUnit > 0 else { return nil }
    return (amount * perUnit * 10).rounded() / 10
  }

  private static let naive = TextPattern(
    #"\b(?:opioid|opiate|narcotic)[- ]na[iï]ve\b|\bna[iï]ve to (?:opioids|opiates|narcotics)\b"#
      + #"|\bnever (?:been on|been prescribed|taken|used|had|required|tried|received) (?:any "#
      + #"|an )?(?:opioids?|opiates?|narcotics?)\b|\b(?:has|have) not (?:ever )?(?:taken|used"#
      + #"|been on|been prescribed) (?:any |an )?(?:opioids?|opiates?|narcotics?)\b"#
      + #"|\bno (?:prior |previous |history of )(?:opioid|narcotic) (?:use|therapy|exposure)\b"#
  )
  private static let past = TextPattern(
    #"\b(?:previously|formerly|used to|tapered off|weaned off|discontinued|stopped|no longer"#
      + #"|was on|were tried|tried|trial of|failed|in the past)\b"#
  )
  /// An allergy, an anesthetic or a trial's drug: not the patient's opioid use.
  private static let notUse = TextPattern(
    #"\b(?:allerg\w*|spinal anesthetic|anesthesia|epidural catheter|intrathecal|bolus|single-shot"#
      + #"|trial|infusion|pump)\b"#
  )
  private static let duration = TextPattern(
    #"(?:\b(?:for|x|×|over|past|last)\s+|\(\s*|\b(?=\w+\s*(?:weeks?|wks?|months?|mos?|years?"#
      + #"|yrs?)\s+(?:ago|of)\b))(?:the\s+)?(?:past\s+|last\s+)?~?\s*(?:about\s+"#
      + #"|approximately\s+)?("#
      + ClinicalWords.numberPattern
      + #"|an?)\s*(weeks?|wks?|months?|mos?|years?|yrs?)\b"#)
}
