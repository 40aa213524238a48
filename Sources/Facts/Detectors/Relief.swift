import Model

/// Finds pain relief after a procedure: "80% relief for 6 hours after the L4-5 MBB on 3/2",
/// "pain improved by half", "no relief", "from 8/10 to 2/10", "for the duration of the
/// anesthetic", with functional improvement written in words.
///
/// Each relief is tied to the procedure named in its sentence, or else in the two sentences
/// before it; relief after a therapy or a medication is not procedure relief.
struct ReliefRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    let statements = Self.statements(in: passage)
    guard !statements.isEmpty, !Self.goal.occurs(in: passage.text) else { return [] }

    let dates = Self.datesBeforeStatements(statements, in: passage)
    // The same for every relief of the sentence: read once, for the first that names a
    // procedure.
    lazy var functionalImprovement = Self.functionalImprovement(near: passage)
    return statements.enumerated().compactMap { index, statement in
      let context = passage.context(ofLocal: statement.range)
      // An uncertain estimate ("maybe 40% relief") is still the relief the patient reports.
      guard !context.isHypothetical, !context.isOtherPerson,
        let procedure = ProcedureReference.nearest(to: statement.range, in: passage)
      else { return nil }

      let nextStart = index + 1 < statements.count ? statements[index + 1].range.lowerBound : nil
      let lasting = Self.durationDays(
        in: passage, after: statement.range.lowerBound, before: nextStart,
        ordinal: (index, statements.count))
      let procedureDate =
        dates.map { $0[index] } ?? Self.ownDate(of: statement, in: passage)
        ?? Self.dateBetween(statements, index, procedure, in: passage)
        ?? Self.latestOfEach(procedure, in: passage) ?? procedure.date
      let detail = Relief(
        percent: statement.percent, procedure: procedure.kind,
        durationDays: lasting
          ?? (procedure.kind.isTrial ? TrialLength.stated(near: passage) : nil)
            ?? Self.heldToVisit(since: procedureDate, in: passage),
        procedureDate: procedureDate, functionalImprovement: functionalImprovement,
        levels: procedure.levels.isEmpty ? nil : procedure.levels, side: procedure.side)
      return passage.fact(
        .relief(detail), rule: statement.rule, hits: procedure.hits, context: context)
    }
  }

  /// "injections on 03/07/2023 and 06/20/2023, each with about 70% relief": one relief
  /// stated for every date of a procedure is the relief of the latest.
  private static func latestOfEach(_ procedure: ProcedureReference, in passage: Passage)
    -> ClinicalDate?
  {
    let mentions = passage.procedureMentions
    guard eachWord.occurs(in: passage.text), let hit = procedure.hits.first,
      let index = mentions.firstIndex(where: { $0.range == hit.range })
    else { return nil }
    return ProcedureDates.dates(of: index, among: mentions, in: passage).max()
  }

  private static let eachWord = TextPattern(#"\b(?:each|both|every one)\b"#)

  /// The date written in the relief's own sentence before it, when the procedure was named
  /// earlier: "The first, on November 12, 2025, gave her about 60% relief".
  private static func ownDate(of statement: Statement, in passage: Passage) -> ClinicalDate? {
    guard passage.procedureMentions.isEmpty else { return nil }
    return passage.dates.last { $0.range.upperBound <= statement.range.lowerBound }?.date
  }

  /// "the first on 09/16/2025 gave 40%; the second on 10/07/2025 gave 60%": the date
  /// written between the previous relief and this one.
  private static func dateBetween(
    _ statements: [Statement], _ index: Int, _ procedure: ProcedureReference, in passage: Passage
  ) -> ClinicalDate? {
    guard index > 0 else { return nil }
    let start = statements[index - 1].range.upperBound
    return passage.dates.last {
      $0.range.lowerBound >= start && $0.range.upperBound <= statements[index].range.lowerBound
    }?.date
  }

  /// One percent relief a sentence states.
  struct Statement {
    let percent: Double
    let rule: String
    let range: Range<Int>
  }

  /// When a sentence gives as many dates as reliefs before its first relief ("blocks on
  /// 02/10 and 02/24 gave 90% and 85% relief"), the dates in order, one per relief.
  private static func datesBeforeStatements(_ statements: [Statement], in passage: Passage)
    -> [ClinicalDate]?
  {
    guard statements.count > 1, let first = statements.first else { return nil }
    let before = passage.dates.filter { $0.range.upperBound <= first.range.lowerBound }
    guard before.count == statements.count else { return nil }
    return before.map(\.date)
  }

  /// Every percent relief a sentence states, with the rule that read it and where it stands.
  static func statements(in passage: Passage) -> [Statement] {
    // Read once per sentence: the device-trial detector asks too.
    passage.note.remembered(.reliefStatements, ofSentence: passage.index) {
      readStatements(in: passage)
    }
  }

  private static func readStatements(in passage: Passage) -> [Statement] {
    let text = passage.text
    // Most sentences state no relief in words: its patterns' literals send them to the scores.
    guard statedRelief.mayOccur(in: text) else { return fromScoresOrBareNumbers(in: passage) }

    let percents = statedPercent.matches(in: text)
    // The cues are looked for only where there is a number to read: most sentences have none.
    lazy var halfMatch = half.firstMatch(in: text)
    lazy var fractionMatch = fraction.firstMatch(in: text)
    let hasAmount = !percents.isEmpty || halfMatch != nil || fractionMatch != nil
    let isReliefSentence =
      hasAmount
      && (reliefWords.occurs(in: text) || isTableRow(passage)
        || ProcedureTable.procedure(of: passage) != nil)
    let stated = percents.compactMap { match -> Statement? in
      guard isReliefSentence, let value = match.group(1).flatMap(ClinicalWords.number),
        value <= 100,
        !(value <= 5 && isConcentration(match.range, in: text)),
        !isMeasurement(match.range, in: text)
      else { return nil }
      if isBound(match.range, in: text) {
        return Statement(percent: value, rule: "relief.bound", range: match.range)
      }
      guard !isThreshold(match.range, in: text) else { return nil }
      return Statement(percent: value, rule: "relief.percent", range: match.range)
    }
    if !stated.isEmpty { return stated }
    if isReliefSentence, let match = halfMatch {
      return [Statement(percent: 50, rule: "relief.half", range: match.range)]
    }
    if isReliefSentence, let match = fractionMatch,
      let word = match.group(1)?.lowercased(),
      let percent = fractions.first(where: { word.hasPrefix($0.key) })?.value
    {
      return [Statement(percent: percent, rule: "relief.fraction", range: match.range)]
    }
    if let match = completeRelief.firstMatch(in: text) {
      return [Statement(percent: 100, rule: "relief.complete", range: match.range)]
    }
    if let match = noRelief.firstMatch(in: text) {
      return [Statement(percent: 0, rule: "relief.none", range: match.range)]
    }
    return fromScoresOrBareNumbers(in: passage)
  }

  private static func fromScoresOrBareNumbers(in passage: Passage) -> [Statement] {
    (fromScores(in: passage) ?? fromBareNumbers(in: passage)).map { [$0] } ?? []
  }

  /// What a relief stated in words needs: a percent, a half or a fraction, complete relief or
  /// none.
  private static let statedRelief = AnyOfPatterns([
    statedPercent, half, fraction, completeRelief, noRelief,
  ])

  /// "Pain was reduced from 8 to 2 after the medial branch block": scores without "/10".
  private static func fromBareNumbers(in passage: Passage) -> Statement? {
    // The pair first: few sentences hold one, and naming a procedure reads the lexicon.
    guard let match = bareFromTo.firstMatch(in: passage.text),
      let before = match.group(1).flatMap(ClinicalWords.number),
      let after = match.group(2).flatMap(ClinicalWords.number),
      before > 0, before <= 10, after <= before, PainScoreRule.namesProcedure(passage)
    else { return nil }
    let value = ((before - after) / before * 100).rounded()
    return Statement(percent: value, rule: "relief.fromScores", range: match.range)
  }

  private static let bareFromTo = TextPattern(
    #"\bpain\b(?:\s+\S+){0,4}?\s+from\s+(\d{1,2})\s+(?:to|down to)\s+(\d{1,2})\b(?!\s*(?:/|%"#
      + #"|percent|mg|mcg|hours?|days?|weeks?|months?))"#
  )

  /// "went from 8/10 to 2/10" after a procedure: the relief the two scores imply.
  private static func fromScores(in passage: Passage) -> Statement? {
    let text = passage.text
    let scores = PainScoreRule.scores(in: passage)
    guard scores.count >= 2, PainScoreRule.namesProcedure(passage) else { return nil }
    for index in scores.indices.dropLast() {
      let before = scores[index]
      let after = scores[index + 1]
      let between = text.slice(before.range.upperBound..<after.range.lowerBound)
      guard scoreJoin.occurs(in: between), before.value > 0, after.value <= before.value
      else { continue }
      let value = ((before.value - after.value) / before.value * 100).rounded()
      return Statement(
        percent: value, rule: "relief.fromScores",
        range: before.range.lowerBound..<after.range.upperBound)
    }
    return nil
  }

  /// A row of a table of procedures: a procedure, a date and a percent on one short line.
  private static func isTableRow(_ passage: Passage) -> Bool {
    let length = passage.text.utf16.count
    let namesProcedure = !passage.procedureMentions.isEmpty
    return namesProcedure && (length < 160 && !passage.dates.isEmpty || length < 70)
  }

  /// "2% lidocaine", "bupivacaine 0.5%", "lidocaine 4% patch": a strength, not a relief.
  private static func isConcentration(_ range: Range<Int>, in text: String) -> Bool {
    let before = max(0, range.lowerBound - 16)..<range.lowerBound
    let after = range.upperBound..<min(text.utf16.count, range.upperBound + 16)
    return notRelief.occurs(in: text, within: before) || drugBefore.occurs(in: text, within: before)
      || drugAfter.occurs(in: text, within: after)
  }

  /// "ODI 40% -> 30%", "her ODI improved from 44% to 32%", "A1c 8.2%": a percent that is
  /// a measurement's value, even as it improves.
  private static func isMeasurement(_ range: Range<Int>, in text: String) -> Bool {
    measurementBefore.occurs(in: text, within: max(0, range.lowerBound - 32)..<range.lowerBound)
  }

  private static let measurementBefore = TextPattern(
    #"\b(?:ODI|NDI|Oswestry|A1c|HbA1c|SpO2|saturation|BMI|EF|ejection fraction|disability index)\b"#
      + #"(?:[^.;%]*%)?[^.;%]{0,28}$"#)

  /// "at least 50%", "below the customary 50% threshold": a criterion, not a result.
  private static func isThreshold(_ range: Range<Int>, in text: String) -> Bool {
    let before = max(0, range.lowerBound - 24)..<range.lowerBound
    let after = range.upperBound..<min(text.utf16.count, range.upperBound + 24)
    return thresholdBefore.occurs(in: text, within: before)
      || thresholdAfter.occurs(in: text, within: after)
  }

  /// "with under 20% relief", "gave less than 20% relief": a result stated as a bound, read
  /// as its value; a criterion ("less than the required 50%") is not one.
  private static func isBound(_ range: Range<Int>, in text: String) -> Bool {
    let before = max(0, range.lowerBound - 12)..<range.lowerBound
    let after = range.upperBound..<min(text.utf16.count, range.upperBound + 20)
    return boundBefore.occurs(in: text, within: before)
      && boundAfter.occurs(in: text, within: after) && !criterionWords.occurs(in: text)
  }

  private static let boundBefore = TextPattern(#"\b(?:less than|under|below|<)\s*(?:~\s*)?$"#)
  private static let boundAfter = TextPattern(
    #"^\s*(?:pain\s+)?(?:relief|improvement|reduction|benefit)\b"#)
  private static let criterionWords = TextPattern(
    #"\b(?:threshold|cut-?off|customary|required|requires?|criteri\w+|at least|goal|target|"#
      + #"usually|typically|look for|needed|must|should)\b"#)
  private static let thresholdBefore = TextPattern(
    #"\b(?:at least|less than|fewer than|under|below|above|minimum of|threshold of|customary"#
      + #"|required|requires|goal of|target of|>=|≥)\s*(?:the\s+)?(?:customary\s+"#
      + #"|required\s+)?(?:~\s*)?$"#
  )
  private static let thresholdAfter = TextPattern(
    #"^\s*(?:\w+\s+)?(?:threshold|cutoff|cut-off|criterion|criteria)\b"#)

  private static let drugBefore = TextPattern(
    #"\b(?:lidocaine|bupivacaine|ropivacaine|marcaine|chlorhexidine|dextrose|saline|Omnipaque"#
      + #"|iohexol)\s*$"#
  )
  private static let drugAfter = TextPattern(
    #"^\s*(?:lidocaine|bupivacaine|ropivacaine|marcaine|chlorhexidine|patch|patches|cream|gel"#
      + #"|ointment|solution|dextrose|saline|wash)\b"#
  )
  private static let statedPercent = TextPattern(statedPercentPattern)
  private static let statedPercentPattern =
    #"(?<![\d.])(\d{1,3})(?:\s*(?:-|–|to)\s*\d{1,3})?\s*(?:%|percent|per cent)"#
  private static let reliefWords = TextPattern(
    #"\b(?:relief|relieved|improve\w*|reduc\w*|decreas\w*|better|benefit|response|resolution"#
      + #"|helped|"#
      + #"alleviat\w*|lessen\w*|pain[- ]free|drop\w*|cut|halved|worked|eased|responded|effective"#
      + #"|fell|fall(?:s|en)?|lower\w*"#
      + #"|took away|taken away|"#
      + #"gave|gives|giving|provid\w*|obtain\w*)\b|(?:->|→|=>)\s*~?\s*\d{1,3}\s*%"#
  )
  private static let notRelief = TextPattern(
    #"\b(?:ODI|NDI|A1c|SpO2|O2|sat\w*|oxygen|disability|index|score|BMI|saturation)\b[^\d]*$"#)
  private static let half = TextPattern(halfPattern)
  private static let halfPattern =
    #"\b(?:by|in)\s+(?:about\s+|approximately\s+|roughly\s+|nearly\s+)?(?:one[- ])?half\b"#
    + #"|\b(?:half|fifty percent) (?:of )?(?:the |his |her )?(?:pain )?(?:relief|better"#
    + #"|improvement)\b|\bhalf as (?:bad|severe|much pain)\b"#
  /// "reduced by two-thirds", "improved by a third", "about three quarters better".
  private static let fraction = TextPattern(fractionPattern)
  private static let fractionPattern =
    #"\b(?:by\s+)?(?:about\s+|approximately\s+|roughly\s+|nearly\s+)?"#
    + #"(two[- ]thirds|three[- ]quarters|(?:a|one)[- ]third|(?:a|one)[- ]quarter)\b"#
    + #"(?=\s*(?:$|[,.;]|\s+(?:better|improvement|relief|for|after|lasting|x)\b))"#
  private static let fractions: [String: Double] = [
    "two": 67, "three": 75, "a third": 33, "one third": 33, "a-third": 33, "one-third": 33,
    "a quarter": 25, "one quarter": 25, "a-quarter": 25, "one-quarter": 25,
  ]

  /// "complete relief", "total relief", "completely pain-free": relief of 100% ("almost
  /// complete relief" gives no number).
  private static let completeRelief = TextPattern(completeReliefPattern)
  private static let completeReliefPattern =
    #"(?<!almost )(?<!nearly )(?<!near )(?<!not )\b(?:complete|total|full)\s+(?:pain\s+)?relief\b"#
    + #"|\b(?:completely|totally|entirely)\s+pain[- ]free\b"#
  private static let noRelief = TextPattern(noReliefPattern)
  private static let noReliefPattern =
    #"\b(?:no|without|denies|did not (?:get|obtain|receive|have|experience|report|provide|give)|"#
    + #"didn't (?:get|provide|give|help)|failed to (?:provide"#
    + #"|give))\s+(?:any\s+)?(?:significant\s+|meaningful\s+|appreciable\s+|"#
    + #"noticeable\s+|lasting\s+|sustained\s+)?(?:pain\s+)?(?:relief|benefit|improvement"#
    + #"|response)\b|\bnon-?responder\b"#
    + #"|\b(?:did not|didn't|does not|failed to) help\b|\bno help\b|\bnot helpful\b"#
    + #"|\bno (?:change|difference) in (?:the\s+)?(?:\S+\s+){0,2}?(?:pain|spasms?|spasticity"#
    + #"|Ashworth|tone|symptoms)\b"#
  private static let scoreJoin = TextPattern(
    #"^\s*(?:\w+\s+){0,3}?(?:to|->|→|=>|down to|dropping to|decreas\w* to|reduc\w* to"#
      + #"|improv\w* to|fell to)\s*$|;\s*(?:at|by|after)\b"#
  )
  private static let goal = TextPattern(
    #"\b(?:goal|target|aim)\b|\b(?:hope|hoping|expect|expecting|anticipate)\s+(?:to|for|that"#
      + #"|at least|a|an)\b"#
  )

  /// Days of relief: "for 6 hours", "lasting 3 months", "for 5-6 weeks" (the middle of a
  /// range), "for the duration of the anesthetic", read after the relief it belongs to (up
  /// to the next one), else anywhere in the sentence (after it, when it states several).
  /// Where a sentence gives as many spans as reliefs ("90% and 85% relief for about 6 and
  /// 2 hours"), `ordinal` (this relief's index and the count) picks its own.
  static func durationDays(
    in passage: Passage, after start: Int = 0, before end: Int? = nil,
    ordinal: (index: Int, count: Int) = (0, 1)
  ) -> Double? {
    let text = passage.text
    if ordinal.count > 1, let days = listedSpan(in: text, ordinal) { return days }
    let own = text.slice(start..<(end ?? text.utf16.count))
    // A span before the relief is its own only when the sentence states no other relief
    // ("R TFESI (50% x 3 wk); MBB (>80% each)": the three weeks are the TFESI's).
    let rest = text.slice(start..<text.utf16.count)
    for stretch in ordinal.count == 1 ? [own, text] : [own, rest] {
      if let match = lasting.firstMatch(in: stretch) ?? bareSpan.firstMatch(in: stretch),
        let amount = match.group(1).flatMap(ClinicalWords.number), let unit = match.group(3)
      {
        let upper = match.group(2).flatMap(ClinicalWords.number) ?? amount
        return ClinicalWords.days(amount: (amount + max(amount, upper)) / 2, unit: unit)
      }
      if anesthetic.occurs(in: stretch) { return 0.25 }
    }
    return nil
  }

  /// Days from the procedure to the visit, where the relief still holds at the visit: "Second
  /// block yesterday: this morning she is about 70% better" has lasted a day at least.
  static func heldToVisit(since date: ClinicalDate?, in passage: Passage) -> Double? {
    guard let date, let visit = passage.note.dateOfService, date < visit,
      stillHolds.occurs(in: passage.text)
    else { return nil }
    return Double(date.days(until: visit))
  }

  private static let stillHolds = TextPattern(
    #"\b(?:still|remains|continues to (?:be|feel|have|report|enjoy)|so far|to date|ongoing)\b"#
      + #"|\b(?:is|are|feels?)\s+(?:now\s+)?(?:about\s+|roughly\s+|approximately\s+|~\s*)?"#
      + #"\d{1,3}\s*%\s+(?:better|improved)"#)

  /// "for about 6 and 2 hours": one span per relief, in order.
  private static func listedSpan(in text: String, _ ordinal: (index: Int, count: Int))
    -> Double?
  {
    guard let match = spanList.firstMatch(in: text), let list = match.group(1),
      let unit = match.group(2)
    else { return nil }
    let amounts = list.split(whereSeparator: { !$0.isNumber && $0 != "." }).compactMap {
      Double($0)
    }
    guard amounts.count == ordinal.count else { return nil }
    return ClinicalWords.days(amount: amounts[ordinal.index], unit: unit)
  }

  private static let spanList = TextPattern(
    #"\b(?:for|lasting|x)\s+(?:about\s+|approximately\s+|roughly\s+|~\s*)?"#
      + #"(\d+(?:\.\d+)?(?:\s*,\s*\d+(?:\.\d+)?)*\s*,?\s*(?:and|&)\s+\d+(?:\.\d+)?)\s*("#
      + ClinicalWords.timeUnitPattern + #")\b"#)

  /// A table cell's bare span: "85% | about 6 hours".
  private static let bareSpan = TextPattern(
    #"(?:%|relief)\s*[,;|/-]?\s*(?:about\s+|approximately\s+|~\s*)?("# + ClinicalWords.numberPattern
      + #")(?:\s*(?:-|–|to)\s*(\d+))?\s*("# + ClinicalWords.timeUnitPattern + #")\b(?!\s+ago)"#)

  private static let lasting = TextPattern(
    #"\b(?:for|lasting|lasted|last(?:s|ed)? for|x|×|persisted for|over|which lasted|duration of"#
      + #"|sustained (?:for|to)|through|held(?: for)?)\s+(?:the\s+)?"#
      + #"(?:about\s+|approximately\s+|around\s+|close to\s+|up to\s+|~\s*|nearly\s+|almost\s+"#
      + #"|roughly\s+|only\s+|the (?:next|first)\s+|at least\s+|over\s+)?("#
      + ClinicalWords.numberPattern + #"|an?)(?:\s*(?:-|–|to)\s*(\d+))?\s*("#
      + ClinicalWords.timeUnitPattern + #")\b"#)
  private static let anesthetic = TextPattern(
    #"\b(?:duration|length|life) of (?:the )?(?:local )?an(?:a)?esthetic\b"#
      + #"|\ban(?:a)?esthetic (?:phase|window|period)\b|\bexpected duration\b"#
      + #"|\b(?:full )?duration of (?:the )?(?:block|injection)s?\b"#
  )

  /// Function improved after the procedure, in this sentence or the next one.
  /// The next sentence counts only when it states no relief of its own.
  static func functionalImprovement(near passage: Passage) -> Bool? {
    let next = passage.next.flatMap { statements(in: $0).isEmpty ? $0 : nil }
    for sentence in [passage, next].compactMap({ $0 }) {
      if let stated = functionRegained(in: sentence) { return stated }
    }
    return nil
  }

  /// `FunctionRegained.stated(in:)` of a sentence, read once: a sentence is asked about
  /// again as the next one of the relief before it.
  private static func functionRegained(in passage: Passage) -> Bool? {
    // Kept as a list of at most one answer: `remembered` cannot keep an optional, whose
    // absence its lookup would take for a kept `nil`.
    let stated = passage.note.remembered(.functionRegained, ofSentence: passage.index) {
      FunctionRegained.stated(in: passage.text).map { [$0] } ?? []
    }
    return stated.first
  }
}
