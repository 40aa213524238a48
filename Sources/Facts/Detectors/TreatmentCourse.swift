import Model

/// What a sentence says about the course of a treatment: when, how long, how many visits,
/// where it stands and how it turned out.
struct TreatmentCourse {
  let start: ClinicalDate?
  let end: ClinicalDate?
  let weeks: Double?
  let sessions: Int?

  init(passage: Passage, hit: LexiconHit) {
    // The course is read in the treatment's own words, else in its list's shared words:
    // "chiro 12/2025-02/2026 x 8 wks; PT HEP ongoing" gives the dates to chiropractic only.
    let scope = TreatmentScope.of(hit, in: passage)
    // A span reckoned back from the visit ("in the last year") bounds the history, not
    // the course: only dates written as such are read.
    // Shortcoming: dates the Language stage does not read ("since 3/30", "from May 4 to
    // June 29", "in April") give no start or end, though weeks and visits still count.
    let dated = passage.dates
    let inOwn = dated.filter {
      scope.own.contains($0.range.lowerBound) && Self.isWritten($0.range, in: passage)
    }
    let read =
      inOwn.isEmpty
      ? dated.filter { date in
        scope.shared.contains { $0.contains(date.range.lowerBound) }
          && Self.isWritten(date.range, in: passage)
      } : inOwn
    let dates = read.map(\.date).sorted()
    let ownText = scope.ownText
    // The course is read in the own words, then in the words the list shares, if any: a
    // length, a count or an end word never runs across the " … " that joins the two, so
    // the shared words read alone answer as the own words and the shared words read as one.
    func inShared<Value>(_ purpose: String, _ read: (String) -> Value) -> Value? {
      scope.shared.isEmpty ? nil : scope.readShared(purpose, of: scope.sharedText, read)
    }
    var start: ClinicalDate?
    var end: ClinicalDate?
    if let span = Self.span(in: read, of: passage) {
      (start, end) = span
    } else if dates.count >= 2 {
      start = dates.first
      end = dates.last
    } else if let only = dates.first {
      let isEnd =
        Self.endLead.occurs(in: ownText) || inShared("endLead", Self.endLead.occurs(in:)) == true
      if isEnd { end = only } else { start = only }
    }
    self.start = start
    self.end = end

    let weeksMatch = Self.length(in: ownText) ?? inShared("length", Self.length(in:)) ?? nil
    var weeks = weeksMatch.flatMap { match in
      match.group(1).flatMap(ClinicalWords.number).flatMap { amount in
        match.group(2).flatMap { ClinicalWords.days(amount: amount, unit: $0) }.map { $0 / 7 }
      }
    }
    if weeks == nil, let start, let end, start.day != nil, end.day != nil {
      weeks = (Double(start.days(until: end)) / 7).rounded()
    }
    self.weeks = weeks.map { ($0 * 10).rounded() / 10 }
    let sessionsMatch =
      Self.sessionsPattern.firstMatch(in: ownText)
      ?? inShared("sessions", Self.sessionsPattern.firstMatch(in:)) ?? nil
    self.sessions = sessionsMatch.flatMap { match in
      (match.group(1) ?? match.group(2)).flatMap(ClinicalWords.number).map { Int($0) }
    }
  }

  /// Whether the treatment's own words start it at this visit: "HEP handout given today",
  /// "started gabapentin today".
  static func startsToday(_ hit: LexiconHit, in passage: Passage) -> Bool {
    startedToday.occurs(in: TreatmentScope.of(hit, in: passage).ownText)
  }

  private static let startedToday = TextPattern(
    #"\b(?:start(?:ed|ing)?|began|begin|given|issued|provided|handed out|taught|instructed"#
      + #"|initiated|prescribed)\b[^.;]{0,25}\btoday\b"#
  )

  /// A banner or identification line ("PT: DOE, JANE DOB 07/22/1957 MRN …"): "PT" there
  /// is the patient.
  static func isIdentificationLine(_ passage: Passage) -> Bool {
    identification.occurs(in: passage.text)
  }

  /// "No chiropractor", "has not seen a therapist", "declined opioids", "opioid therapy
  /// unknown": the treatment is not asserted.
  static func isDeniedOrUnknown(_ hit: LexiconHit, in passage: Passage) -> Bool {
    // The denial is read in the treatment's own lead and its list's lead ("no PT,
    // chiropractic or home program"), not in a neighbour's detail ("PT (no lasting
    // change), gabapentin"); "completed PT without improvement and continues the home
    // program": a new clause ends the denial's reach.
    let leads = TreatmentScope.of(hit, in: passage).leads.map {
      $0.utf8.count <= 40 ? $0 : String($0.suffix(40))
    }
    // "Her pain is no better after 6 weeks of PT", "no relief from PT": a "no" that says
    // how the treatment turned out does not deny it.
    let isDenied = leads.contains { lead in
      !lead.isEmpty
        && denialBefore.firstMatch(in: lead).map {
          !newClause.occurs(in: $0.value) && outcome(in: $0.value) == nil
        } ?? false
    }
    // The words after the hit are part of the sentence: a sentence without the literals of
    // an unknown status has none after the hit either.
    guard !isDenied else { return true }
    guard unknownAfterWords.mayOccur(in: passage.text) else { return false }

    let local = passage.local(hit.range)
    let after = passage.text(after: local, upTo: 24)
    return unknownAfter.occurs(in: after)
  }

  private static let identification = TextPattern(#"\b(?:DOB|D\.O\.B\.?|MRN|Chart #?)\b"#)
  private static let denialBefore = TextPattern(
    #"\b(?:no|not|never|without|denies|declined|declines|refused|refuses|has not (?:seen|tried"#
      + #"|had|been|done|started)|hasn't (?:seen|tried|had|been|done)|have not"#
      + #"|not yet)\b(?:[^.;,]|,(?! (?:and |but )?(?:she|he|they|then)\b)){0,60}$"#
  )
  private static let newClause = TextPattern(
    #"\b(?:and|but|then) (?:continues?|is|was|has|does|did|uses|takes|remains|keeps|still|he|she"#
      + #"|they|now)\b"#
  )
  private static let unknownAfter = TextPattern(
    #"^[^.;]{0,16}\b(?:unknown|not documented|unclear|has not been tried|not been tried"#
      + #"|not tried)\b"#
  )
  private static let unknownAfterWords = AnyOfPatterns([unknownAfter])

  /// Two dates joined as a span ("from 05/2026 to 07/2026", "10/2025 - 01/2026"): the
  /// course's own dates, whatever other date the words name ("documented on 08/18/2026").
  private static func span(
    in dates: [(date: ClinicalDate, range: Range<Int>)], of passage: Passage
  ) -> (ClinicalDate, ClinicalDate)? {
    let ordered = dates.sorted { $0.range.lowerBound < $1.range.lowerBound }
    for (first, second) in zip(ordered, ordered.dropFirst())
    where first.range.upperBound <= second.range.lowerBound {
      let between = passage.slice(first.range.upperBound..<second.range.lowerBound)
      if spanJoin.occurs(in: between) { return (first.date, second.date) }
    }
    return nil
  }

  /// Whether a date is written as such ("05/2026", "May 2026"), not reckoned from the
  /// visit; asked of the same dates by every treatment of the sentence, so remembered.
  private static func isWritten(_ date: Range<Int>, in passage: Passage) -> Bool {
    passage.note.remembered(.writtenDate, of: date, inSentence: passage.index) {
      writtenDate.occurs(in: passage.slice(date))
    }
  }

  private static let spanJoin = TextPattern(#"^\s*(?:-|–|—|to|through|thru|until)\s*$"#)
  private static let writtenDate = TextPattern(
    #"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"#)
  private static let endLead = TextPattern(
    #"\b(?:completed|finished|discharged|ended|ending|through|until|last (?:visit|session)"#
      + #"|stopped|concluded)\b"#
  )
  /// The first length written in `text` (see `weeksPattern`).
  private static func length(in text: String) -> TextMatch? {
    guard unitWord.occurs(in: text), numberAndUnit.occurs(in: text) else { return nil }
    return weeksPattern.firstMatch(in: text)
  }

  /// A course's length: "x 8 wks", "for 2 years", "(18 mo)"; not the window a history is
  /// told over ("in the last 6 months", "(last 6 mo)").
  private static let weeksPattern = TextPattern(
    #"\b(?:for|x|×|over|of|about|approximately|total of)?\s*"#
      + #"(?<!\(last )(?<!in the last )(?<!in the past )(?<!within the last )(?<!within the past )"#
      + #"("# + ClinicalWords.numberPattern + #")"# + lengthUnit)
  private static let lengthUnit = #"\s*(?:\+\s*)?[- ]?"# + unit
  private static let unit = #"(weeks?|wks?|months?|mos?|years?|yrs?)\b"#
  /// The unit, then the number and unit, that every length holds, searched first: ICU tries
  /// `weeksPattern`, with its lead word and look-behinds, at nearly every offset of a text
  /// with a unit's letters ("mo" of "more"); a unit alone it tries only at a "w", "m" or
  /// "y", and the two turn away, cheaply, the words that name no length.
  private static let unitWord = TextPattern(unit)
  private static let numberAndUnit = TextPattern(ClinicalWords.numberPattern + lengthUnit)
  private static let sessionsPattern = TextPattern(
    #"\b(?:attended|completed|had|total of|after)?\s*(\d{1,3}|"#
      + #"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"#
      + #"\s*(?:of\s+\d{1,3}\s+)?(?:scheduled\s+)?(?:(?:PT|therapy|physical therapy|chiropractic"#
      + #"|treatment|OT|aquatic|in-person)\s+)?(?:sessions?|visits?|treatments?"#
      + #"|appointments?)\b|\b(?:visits?|sessions?)(?:\s+(?:attended|completed|so far"#
      + #"|to date))?\s*[:=]\s*(\d{1,3})\b"#
  )

  /// Where a treatment stands, the rule that read it, and the medical reason for `unable`;
  /// `nil` when the sentence does not assert the treatment for this patient (a conditional
  /// plan, a denial that it was ever tried).
  ///
  /// The treatment's own words are read first, then the words its list shares
  /// (`TreatmentScope`), then the sentence's section and dates.
  static func status(
    of hit: LexiconHit, in passage: Passage, context: Context, isMedication: Bool = false,
    noteDate: ClinicalDate? = nil
  ) -> (status: TherapyStatus?, rule: String, reason: String?)? {
    let scope = TreatmentScope.of(hit, in: passage)
    let own = scope.ownText
    if let stop = stopCue(in: own, isMedication: isMedication) { return stop }
    // "Discharged to an independent home program": the therapy ended, the program goes on.
    let local = passage.local(hit.range)
    if hit.attributes["modality"] == "homeExercise",
      dischargedTo.occurs(in: passage.slice(max(0, local.lowerBound - 60)..<local.lowerBound))
    {
      return (.ongoing, "dischargedTo", nil)
    }
    // "cannot tolerate a physical therapy or exercise program because of …": the reason
    // may follow the list it leads; "baclofen (limited by drowsiness), botulinum toxin" is
    // the first drug's own detail.
    if !isMedication, let match = unable.firstMatch(in: scope.groupText),
      scope.group.lowerBound + match.range.lowerBound < listStart(of: scope, hit, in: passage),
      let stop = stopCue(in: match.value, isMedication: false)
    {
      return stop
    }
    // "Home program prescribed by Dr. Ibsen; follow-up 09/2025: stopped because of increased
    // pain": a later clause naming no treatment tells where the last one stands.
    if let following = scope.followingText,
      let stop = stopCue(in: following, isMedication: isMedication)
    {
      return stop
    }
    // A condition opening the sentence governs all it goes on to say: "If no relief after
    // the injection, will refer to surgery; would also start PT at that point".
    // Where the list shares no words, these are the own words and a space: every cue read
    // in them ends in a word, which ends there as it does at the end of the own words.
    let both = scope.shared.isEmpty ? own : scope.ownAndSharedText
    // The sentence's opening is part of it: one without the literals of a condition has
    // none in its opening either, which is then not cut out.
    let isConditional =
      conditional.occurs(in: both)
      || (conditionWords.mayOccur(in: passage.text)
        && leadingCondition.occurs(in: passage.slice(0..<scope.own.lowerBound)))
    if context.isHypothetical || isConditional {
      return planned.occurs(in: both) && !isConditional ? (.planned, "planned", nil) : nil
    }
    // Negation is read close to the treatment (`isDeniedOrUnknown`): a sentence-wide trigger
    // ("completed PT without improvement and continues the home program") does not deny it.
    if isMedication, scope.leads.contains(where: isTakenOn(lead:)) {
      return (.ongoing, "takenOn", nil)
    }
    if let course = courseCue(in: own, isMedication: isMedication) { return course }
    let shared = scope.sharedStatusText
    let sharedCue = scope.readShared(isMedication ? "medicationCue" : "therapyCue", of: shared) {
      stopCue(in: $0, isMedication: isMedication) ?? courseCue(in: $0, isMedication: isMedication)
    }
    if let sharedCue { return sharedCue }
    // "Her pulmonologist advised against exercise because she desaturates; no HEP": a
    // therapy with no word of its own course is kept from by a medical reason the sentence
    // gives for not exercising.
    if !isMedication, let match = unable.firstMatch(in: passage.text),
      exerciseWord.occurs(in: match.value),
      let stop = stopCue(in: match.value, isMedication: false), stop.status == .unable
    {
      return stop
    }
    if context.isHistorical {
      return isMedication ? (.discontinued, "historical", nil) : (.completed, "historical", nil)
    }
    return fallbackStatus(
      in: passage, own: own, ownRange: scope.own, both: both, isMedication: isMedication,
      isDevice: hit.attributes["modality"] == "device",
      visit: passage.note.dateOfService ?? noteDate)
  }

  /// Where the list of the hit's treatment starts: its first treatment, else the hit.
  private static func listStart(
    of scope: TreatmentScope, _ hit: LexiconHit, in passage: Passage
  ) -> Int {
    TreatmentScope.treatments(in: passage).first { scope.group.contains($0.lowerBound) }?
      .lowerBound ?? passage.local(hit.range).lowerBound
  }

  /// Where a treatment stands when no word of its own list says so: a concrete plan, a
  /// medication list, a dose schedule, a date range.
  private static func fallbackStatus(
    in passage: Passage, own: String, ownRange: Range<Int>, both: String, isMedication: Bool,
    isDevice: Bool, visit: ClinicalDate?
  ) -> (status: TherapyStatus?, rule: String, reason: String?)? {
    // A bare recommendation or a plan line with no start, referral or schedule is not a
    // concrete plan, and a plan is not listed as anything else.
    let isPlanned = planned.occurs(in: both)
    if !isPlanned, passage.section?.isPlan == true || recommendation.occurs(in: both) {
      return nil
    }
    if !isMedication, isPastRange(ownRange, in: passage) { return (.completed, "dateRange", nil) }
    // "Botulinum toxin to the adductors 09/2025", "pain program 2024": a therapy dated in
    // a past month with no word of its course was done then.
    if !isMedication, !isDevice, isPastDate(ownRange, in: passage, before: visit) {
      return (.completed, "pastDate", nil)
    }
    if isPlanned { return (.planned, "planned", nil) }
    if passage.section?.isMedications == true { return (.ongoing, "medicationList", nil) }
    // A dose schedule or "since 05/2026" is a treatment under way; a date range, one done.
    if regimen.occurs(in: own) || (isMedication && dose.occurs(in: own)) {
      return (.ongoing, "regimen", nil)
    }
    if dateRange.occurs(in: own) { return (.completed, "dateRange", nil) }
    // A drug or a device named with no word of its course is one the patient has: notes
    // list what was stopped or tried as such.
    if isMedication || isDevice { return (.ongoing, "named", nil) }
    return (nil, "mention", nil)
  }

  /// Whether a stretch names a span of dates that ended by the note's date: "chiropractic
  /// 2x/week from 06/01/2026 to 07/27/2026" is a course done, not a schedule planned.
  private static func isPastRange(_ range: Range<Int>, in passage: Passage) -> Bool {
    let dates = passage.dates.filter { range.contains($0.range.lowerBound) }.map(\.date)
    guard dates.count >= 2, let last = dates.max() else { return false }
    return passage.note.dateOfService.map { last <= $0 } ?? true
  }

  /// Whether a stretch names only written dates before the note's month.
  private static func isPastDate(
    _ range: Range<Int>, in passage: Passage, before visit: ClinicalDate?
  ) -> Bool {
    let dates = passage.dates.filter {
      range.contains($0.range.lowerBound) && isWritten($0.range, in: passage)
    }.map(\.date)
    guard let visit else { return false }
    guard let latest = dates.max() else {
      // A bare year ("pain program 2024") is not read as a date; a year before the visit's
      // is past.
      let years = bareYear.matches(in: passage.slice(range)).compactMap { Int($0.value) }
      return years.max().map { $0 < visit.year } ?? false
    }
    return latest.year * 12 + latest.month < visit.year * 12 + visit.month
  }

  private static let bareYear = TextPattern(#"(?<![/\d-])\b(?:19|20)\d{2}\b(?![/\d-])"#)

  /// Whether a list of words says a treatment could not be done or was stopped. A
  /// medication stopped for a side effect is `discontinued`: `unable` is a therapy that a
  /// documented medical reason prevented.
  static func stopCue(in text: String, isMedication: Bool)
    -> (status: TherapyStatus?, rule: String, reason: String?)?
  {
    // No cue is written in no words (a treatment alone in its list shares none).
    guard !text.isEmpty else { return nil }
    if !isMedication,
      let match = unable.firstMatch(in: text) ?? stoppedForReason.firstMatch(in: text)
    {
      let reason = (match.group(1) ?? match.group(2) ?? match.group(3))?
        .trimmingCharacters(in: .whitespaces)
      if let reason, !nonMedicalReason.occurs(in: reason) { return (.unable, "unable", reason) }
      return (.discontinued, "discontinued", nil)
    }
    if discontinued.occurs(in: text) { return (.discontinued, "discontinued", nil) }
    if isMedication, medicationStopped.occurs(in: text) {
      return (.discontinued, "discontinued", nil)
    }
    return nil
  }

  /// Whether a list of words says a treatment is under way or was done. A medication
  /// "tried" or "failed" is no longer taken unless a dose schedule says it still is; one
  /// "completed" (a taper, a course) is done; one with a closed date range was stopped.
  static func courseCue(in text: String, isMedication: Bool)
    -> (status: TherapyStatus?, rule: String, reason: String?)?
  {
    guard !text.isEmpty else { return nil }
    // "Occasional ibuprofen" is a drug used now and then, not a course under way.
    if isMedication, occasional.occurs(in: text) { return (nil, "occasional", nil) }
    // "4 visits so far": a therapy counted up to now is under way (a drug "tried so far" is
    // not).
    if ongoing.occurs(in: text) || (isMedication && medicationTaken.occurs(in: text))
      || (!isMedication && countedToNow.occurs(in: text))
    {
      return (.ongoing, "ongoing", nil)
    }
    if isMedication {
      if medicationCourse.occurs(in: text) { return (.completed, "completed", nil) }
      if dateRange.occurs(in: text) { return (.discontinued, "dateRange", nil) }
      if regimen.occurs(in: text) { return (.ongoing, "regimen", nil) }
      if medicationPast.occurs(in: text) { return (.discontinued, "past", nil) }
    }
    if completed.occurs(in: text) { return (.completed, "completed", nil) }
    return nil
  }

  /// Whether a stretch of words says anything of where a treatment stands, for deciding
  /// where a list of treatments ends.
  ///
  /// `stopCue` and `courseCue`, for a therapy or a medication, answer on words where one of
  /// their patterns occurs, and on none else; each pattern is searched once here, not once
  /// for each reading that asks it.
  static func hasStatusWord(in text: String) -> Bool {
    statusWords.contains { $0.occurs(in: text) }
  }

  /// Every pattern on which `stopCue`, `courseCue` or the plan and "on" cues can answer.
  private static let statusWords = [
    unable, stoppedForReason, discontinued, medicationStopped, occasional, ongoing,
    medicationTaken, countedToNow, medicationCourse, dateRange, regimen, medicationPast,
    completed, planned, leadOn,
  ]

  /// "… on oxycodone": a drug named right after "on" is being taken.
  static func isTakenOn(lead: String) -> Bool { !lead.isEmpty && leadOn.occurs(in: lead) }

  private static let leadOn = TextPattern(
    #"(?<!was |were |been )\bon\s+(?:(?:oral|enteral|low[- ]dose|long[- ]acting|ER|IR|scheduled"#
      + #"|daily|chronic)\s+)?$"#
  )

  /// How a treatment turned out: in its own words, else in the words its list shares
  /// ("tried meloxicam and gabapentin without benefit").
  static func outcome(of hit: LexiconHit, in passage: Passage) -> TherapyOutcome? {
    let scope = TreatmentScope.of(hit, in: passage)
    return outcome(in: scope.outcomeText)
      ?? scope.readShared("outcome", of: scope.sharedText, outcome(in:))
      ?? outcomeInNextSentence(of: passage)
  }

  /// "She completed PT and takes celecoxib. Neither has changed things much.": a sentence
  /// that names no treatment and points back at them ("neither", "none of these", "this")
  /// tells how those of the sentence before turned out; "this" and "it" only where that
  /// sentence names one treatment.
  private static func outcomeInNextSentence(of passage: Passage) -> TherapyOutcome? {
    guard let next = passage.next, next.section == passage.section,
      next.hits("therapies").isEmpty, next.hits("medications").isEmpty
    else { return nil }
    let treatments = TreatmentScope.treatments(in: passage).count
    let pointsBack =
      collectiveReference.occurs(in: next.text)
      || (treatments == 1 && singleReference.occurs(in: next.text))
    return pointsBack ? outcome(in: next.text) : nil
  }

  private static let collectiveReference = TextPattern(
    #"^\W*(?:neither|none|both|all|these|those|they|each)\b|\b(?:neither|none|all"#
      + #"|each) of (?:these|them|those|the above)\b|\bdespite (?:these|this|them|the above"#
      + #"|all)\b"#
  )
  private static let singleReference = TextPattern(
    #"^\W*(?:\([^)]*\)\W*)?(?:it|this|that|which)\b"#)

  /// How a treatment turned out, as the sentence says.
  static func outcome(in text: String) -> TherapyOutcome? {
    // No outcome is written in no words (a treatment alone in its list shares none).
    guard !text.isEmpty else { return nil }
    if failed.occurs(in: text) || negatedImprovement.occurs(in: text) { return .failed }
    if worsened.occurs(in: text) { return .worsened }
    if improved.occurs(in: text) { return .improved }
    return nil
  }

  private static let exerciseWord = TextPattern(
    #"\b(?:exercis\w*|therapy|PT|HEP|program|stretch\w*|rehab\w*|activity|exertion)\b"#)
  private static let stoppedForReason = TextPattern(
    #"\b(?:stopped|had to stop|discontinued|quit|was stopped|ended early|(?:was "#
      + #"|were )?not started|could not (?:start|begin)|(?:was |were )?(?:deferred"#
      + #"|put on hold))\b[^.;]{0,30}?\b(?:due to|because of|secondary to|for|owing to|because"#
      + #"|after)\s+([^.;]{3,80})"#
  )
  private static let medicationStopped = TextPattern(
    #"\b(?:stopped|stopping|d/c'?d|no longer (?:taking|on|takes)|off (?:of )?it|tapered off"#
      + #"|weaned off|came off|discontinu\w*)\b"#
  )
  private static let medicationTaken = TextPattern(
    #"\b(?:takes|taking|is on|remains on|still on|currently on|maintained on|continues on"#
      + #"|has been on|been taking|uses|using|current(?:ly)?|present|now on|to date"#
      + #"|on (?:the same|a stable|stable|his|her) dose|continue[sd]?|cont\.?)\b"#
  )
  private static let dischargedTo = TextPattern(
    #"\bdischarged\b[^.;]{0,40}\bto (?:an? |the |her |his |their )?(?:independent |home )?$"#)
  private static let countedToNow = TextPattern(
    #"\b(?:visits?|sessions?)\s+(?:so far|to date|thus far)\b"#)
  private static let occasional = TextPattern(
    #"\b(?:occasional(?:ly)?|sporadic(?:ally)?|rarely|once in a while|every so often)\b"#)
  private static let medicationCourse = TextPattern(
    #"\b(?:completed|finished|taper|dose ?pack|dosepak|short course|a course|burst|infusions?"#
      + #"|series of|\d+[- ]day course)\b"#
  )
  private static let medicationPast = TextPattern(
    #"\b(?:tried|trialed|trial of|trial|failed|previously|in the past|was on|were on|had been on"#
      + #"|took|was given|was prescribed|used to|history of)\b"#
  )
  private static let dose = TextPattern(
    #"\b\d+(?:\.\d+)?\s*(?:mg|mcg|g|%)\b|\b(?:qd|qhs|qam|daily)\b"#)
  private static let dateRange = TextPattern(
    #"\b(?:\d{1,2}/)?(?:\d{1,2}/)?\d{2,4}\s*(?:-|–|to|through"#
      + #"|until)\s*(?:\d{1,2}/)?(?:\d{1,2}/)?\d{2,4}\b|\bfrom\b[^.;]{3,30}\b(?:to|through"#
      + #"|until)\b"#
  )
  private static let unable = TextPattern(
    #"\b(?:unable to|could not|couldn't|can't|cannot|not able to|did not|didn't"#
      + #"|was not able to)\s+(?:\w+\s+){0,1}?(?:tolerate|participate(?:\s+in)?|attend|complete"#
      + #"|continue|perform|do|progress|engage)\b[^.;]*?\b(?:due to|because of|secondary to"#
      + #"|given|as a result of|owing to|because|from)\s+([^.;]{3,80})|\b(?:intolerant of"#
      + #"|precluded by|limited by|contraindicated due to)\s+([^.;]{3,60})"#
      + #"|\b(?:advised (?:against|not to)|told (?:not to|to avoid)|not cleared (?:for|to)"#
      + #"|restricted from|cannot safely|contraindicated)\b[^.;]*?\b(?:because|due to|given"#
      + #"|secondary to|as a result of|owing to)\s+([^.;]{3,80})"#
  )
  private static let nonMedicalReason = TextPattern(
    #"\b(?:transport\w*|insurance|cost|costs|afford\w*|schedul\w*|work|job|childcare|child care"#
      + #"|copay\w*|time|distance|moved|moving|travel\w*|denied|authorization|coverage|finances"#
      + #"|financial|car|busy|vacation|holidays?|forgot|motivat\w*|bored|boring|kids|caregiving"#
      + #"|preference|prefers?|didn't like|did not like|weather|driv\w*|drove|rides?|lifts?|bus"#
      + #"|trips?|commut\w*|parking|gas|money|pay|paid|expensive|shifts?|babysit\w*|family"#
      + #"|relocat\w*|out of town|too far|clos(?:ed|ure|ing)|inconvenien\w*|noncomplian\w*)\b"#
  )
  private static let discontinued = TextPattern(
    #"\b(?:did not attend|didn't attend|never attended|no[- ]show\w*|stopped attending"#
      + #"|stopped going|dropped out|self[- ]discharged|discontinued|did not follow through"#
      + #"|didn't follow through|never started|never went|did not complete|didn't complete"#
      + #"|non-?complian\w*|noncomplian\w*|poor attendance|missed (?:multiple|several|most"#
      + #"|many)|quit|stopped (?:after|PT|therapy|doing)|not attending|has not attended"#
      + #"|hasn't attended|failed to attend|lost to follow[- ]up|did not (?:go|return|show)"#
      + #"|didn't (?:go|return|show)|never (?:went|returned|followed up)|stopped|was stopped"#
      + #"|no longer (?:doing|attending|going))\b"#
  )
  private static let leadingCondition = TextPattern(#"^\W*(?:if|unless|should)\b"#)
  private static let conditionWords = AnyOfPatterns([leadingCondition])
  private static let conditional = TextPattern(
    #"\b(?:would (?:also )?(?:start|begin|use|try|consider|add|refer)|if|should (?:he|she|they"#
      + #"|the patient)|unless|in the event|consider|considering|(?-i:may)|might|could consider"#
      + #"|possibly|would benefit)\b"#
  )
  private static let regimen = TextPattern(
    #"\b(?:since(?! then)|so far|to date|daily|nightly|weekly|BID|TID|QID|q\d+h|qhs|qd|prn"#
      + #"|as needed|at night|at bedtime|twice a day|three times (?:a )?daily"#
      + #"|every \w+ (?:hours|days|weeks))\b"#
  )
  private static let recommendation = TextPattern(
    #"\b(?:recommend\w*|encourag\w*|advis\w*|suggest\w*|discussed|consider\w*)\b"#)
  private static let planned = TextPattern(
    #"\b(?:(?:given|issued|provided|handed out|taught|instructed in|started"#
      + #"|initiated)\b[^.;]{0,20}\btoday|will (?:start|begin|initiate|continue|resume|attend"#
      + #"|refer|order|prescribe|schedule)|refer\w*|order(?:ed)?|prescrib\w*|start(?:ing)?"#
      + #"|begin(?:ning)?|initiat\w*|schedul\w*|to (?:start|begin)"#
      + #"|\d+\s*x\s*/?\s*(?:per\s+)?(?:week|wk)|\d+\s+times\s+(?:a|per)\s+week|twice (?:a"#
      + #"|per) week)\b"#
  )
  private static let ongoing = TextPattern(
    #"\b(?:currently (?:in|doing|attending|participating|receiving|undergoing|on|taking|using"#
      + #"|performing)|ongoing|continues|continuing|continue|continued|sees|is seeing|attends"#
      + #"|does(?! not\b)|is attending|is doing|is performing|remains in|remains on|in progress"#
      + #"|^\W*doing(?=\s)"#
      + #"|currently|is taking|still taking|still doing|still attending|presently"#
      + #"|has been doing|has been attending|performs|performing (?:his|her|the)|doing (?:his"#
      + #"|her|the) (?:home )?exercises|uses|using|wears|wearing|reports? (?:doing|performing"#
      + #"|using)|doing (?:it|them)|keeps? up|kept up|still (?:going|does|uses|wears)"#
      + #"|every (?:\d+|two|three|four|six|few|other) (?:weeks|months)|(?:reviewed|checked"#
      + #"|progressed|updated) (?:at|during|on) (?:every|each)|since (?:\d+|(?:jan|feb|mar|apr"#
      + #"|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|last|early|late|the (?:start|beginning|spring"#
      + #"|summer|fall|winter)))\b"#
  )
  private static let completed = TextPattern(
    #"\b(?:completed|finished|discharged|underwent|last (?:saw|attended|had|went)|had|has had"#
      + #"|tried|trialed|trial of|attended|participated|failed|s/p|went to|did|received|took"#
      + #"|was (?:on|given|prescribed|treated)|previously|prior|past|last year|course of"#
      + #"|sessions of|weeks of|months of|stopped|ended|used|helped|gave)\b"#
  )
  private static let failed = TextPattern(
    #"\b(?:no|without|minimal|little|limited|not any|not much|none)\s+(?:significant\s+"#
      + #"|meaningful\s+|lasting\s+|sustained\s+|appreciable\s+|real\s+|noticeable\s+"#
      + #"|further\s+|functional\s+|clear\s+|durable\s+|measurable\s+)?(?:relief|improvement"#
      + #"|benefit|change|response|progress|help|gains?|effect|difference)\b|\bnone (?:lasting"#
      + #"|helped|effective|durable)\b|\bfailed\b|\bplateau\w*|\bdid not (?:help|improve"#
      + #"|provide|relieve|benefit|change)|\bdidn't (?:help|improve|work|change)"#
      + #"|\bnot (?:helpful|effective|beneficial)\b|\b(?:ineffective|unhelpful|unsuccessful"#
      + #"|refractory)\b|\bof no benefit\b|\bwithout success\b|\bdoes nothing\b|\bdid nothing\b"#
      + #"|\b(?:minimal|minimally|little|not much|limited)\b(?:\s+\w+)?(?:\s*[.,;)]|\s*$"#
      + #"|\s+(?:help|effect|benefit|change|relief))|\b(?:help|helped|helps|improvement|relief"#
      + #"|benefit|effect)\b[^.;,]{0,25}\b(?:only|at most|at best)\b"#
      + #"|\bhelped (?:only )?(?:briefly|transiently|temporarily)\b|\b(?:brief|transient"#
      + #"|temporary|short-lived)\s+(?:improvement|relief|benefit|help|effect|response)\b"#
      + #"|\b(?:has|have|had) not changed\b|\bunchanged\b|\bno (?:clear |real "#
      + #"|lasting )?effect\b|\bwithout (?:clear |any |lasting )?effect\b"#
      + #"|\bcannot tell that it (?:does|helps)\b|\bno change\b|\b(?:neither"#
      + #"|none)\b[^.;]{0,30}\b(?:helped|changed|worked|made (?:a|any) difference|improved"#
      + #"|relieved)\b|\btakes? the edge off\b|\b(?:pain|spasms?|spasticity|symptoms?"#
      + #"|tone)\b[^.;]{0,20}\b(?:remains?|persists?|persisted|has returned"#
      + #"|returned)\b(?! (?:improved|better|controlled|resolved))|\bcaused \w+|\bsedation\b"#
      + #"|\bnot tolerated\b|\blimits? (?:his |her |their |any )?(?:progress|gains)\b"#
      + #"|\bnot progressing\b|\blimited by (?:side effects?|drowsiness|sedation|nausea"#
      + #"|dizziness|drooling|constipation|fatigue|weakness|cognitive)"#
  )
  /// A word of improvement under a negation is a failure: "have not helped", "never really
  /// worked", "no longer changes the pain", "not much better", "without much effect on her
  /// walking", "the pain is the same".
  private static let negatedImprovement = TextPattern(
    #"\b(?:not|never|no longer|hardly|barely|\w+n't|without|neither|nor|none)\s+(?:(?:really|much"#
      + #"|any|very|particularly|significantly|noticeably|made|make|makes|much of|been|a"#
      + #"|an)\s+){0,3}(?:help(?:ed|ing|s|ful)?|improv\w*|better|benefit\w*|effective|effect"#
      + #"|reliev\w*|relief|chang(?:e|ed|es|ing)|difference)\b|\bno (?:better|different)\b"#
      + #"|\b(?:has|have|had|did|does) not (?:really )?work(?:ed)?\b"#
      + #"|\bnever (?:really )?worked\b|\bno longer (?:really )?work(?:s|ing)?\b|\b(?:not|n't"#
      + #"|never) (?:even )?touch(?:es|ed)?\b|\b(?:benefit|relief|effect|improvement|help"#
      + #"|it)\b[^.;]{0,20}\b(?:did not last|didn't last|wore off|wears off|faded)\b|\b(?:pain"#
      + #"|symptoms?|it|things?|function|walking)\b[^.;]{0,20}\b(?:(?:is|are|was|were|remains?"#
      + #"|stayed|stays) (?:about |essentially |basically |exactly )?the same|same as before)\b"#
  )
  private static let worsened = TextPattern(
    #"\b(?:worse|worsen\w*|aggravat\w*|exacerbat\w*|increased (?:his |her )?pain|flare\w*)\b"#)
  private static let improved = TextPattern(
    #"\b(?:improv\w*|helpful|helped|helps|benefit\w*|relief|better|effective|good response"#
      + #"|responded|partial (?:help|effect|relief|benefit)|small gains|gains|somewhat less"#
      + #"|less (?:pain|spasm\w*))\b"#
  )
}
