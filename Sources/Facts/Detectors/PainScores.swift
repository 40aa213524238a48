import Model

/// Finds pain scores on the 0-10 scale: "7/10", "7 out of 10", "NRS 7", "VAS 70 mm",
/// "pain level: 7", "rates her pain a seven", ranges "6-8/10", and before/after pairs.
///
/// Look-alikes are excluded by the patterns themselves: only "/10" and named scales count,
/// so strength 4/5, reflexes 2+ and BP 130/80 never match; "7/10/26" (a date) and
/// "10/10 days" are refused by look-ahead.
struct PainScoreRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    if let row = Self.diaryRow(in: passage) { return [row] }
    let written = Self.scores(in: passage)
    let scores = Self.withImpliedScores(
      written, in: passage.text, scaleJustUsed: Self.scaleJustUsed(before: passage))
    guard !scores.isEmpty else { return [] }

    let isProcedureSentence =
      Self.namesProcedure(passage) || Self.statesRelief.occurs(in: passage.text)
    let reader = PainContextReader(
      passage: passage, scores: scores, isProcedureSentence: isProcedureSentence)
    let goalColumn = reader.isRowOfScores ? Self.goalColumn(of: scores.count, passage) : nil
    var facts: [Fact] = []
    for (index, score) in scores.enumerated() {
      let context = passage.context(ofLocal: score.range)
      guard !context.isHypothetical, !context.isOtherPerson, !Self.isGoal(score, passage),
        !Self.isDate(score, passage), index != goalColumn
      else { continue }

      let painContext = reader.context(of: index)
      let detail = PainScore(
        value: score.value, low: score.low, context: painContext,
        region: Self.region(before: score.range.lowerBound, in: passage.text))
      facts.append(passage.fact(.painScore(detail), rule: score.rule, context: context))
    }
    return facts
  }

  /// A score written in the text, before its context is decided.
  struct WrittenScore {
    let value: Double
    let low: Double?
    let range: Range<Int>
    let rule: String
  }

  /// Every score in a sentence, in order, overlapping look-alikes removed.
  /// `scores(in:)` of a sentence's text, read once: the relief detector asks too.
  static func scores(in passage: Passage) -> [WrittenScore] {
    passage.note.remembered(.painScores, ofSentence: passage.index) {
      scores(in: passage.text)
    }
  }

  static func scores(in text: String) -> [WrittenScore] {
    // Most sentences hold the words of no score: one question of their literals turns them
    // away, where each expression would ask its own.
    guard writtenScoreCue.mayOccur(in: text) else { return [] }
    var found: [WrittenScore] = []
    func add(_ score: WrittenScore) {
      guard (0...10).contains(score.value),
        !found.contains(where: { $0.range.overlaps(score.range) })
      else { return }
      found.append(score)
    }

    // A range or a score over ten holds "/10" or "out of ten", not of a date or a count:
    // without one, neither is run.
    let isOverTenWritten = overTenMark.occurs(in: text)
    for match in isOverTenWritten ? rangeOverTen.matches(in: text) : [] {
      guard let low = match.group(1).flatMap(ClinicalWords.number),
        let high = match.group(2).flatMap(ClinicalWords.number), low < high
      else { continue }
      add(WrittenScore(value: high, low: low, range: match.range, rule: "painScore.range"))
    }
    for match in isOverTenWritten ? overTen.matches(in: text) : [] {
      guard let value = match.group(1).flatMap(ClinicalWords.number) else { continue }
      add(WrittenScore(value: value, low: nil, range: match.range, rule: "painScore.outOfTen"))
    }
    for match in visualAnalogue.matches(in: text) {
      guard var value = match.group(1).flatMap(ClinicalWords.number) else { continue }
      let unit = match.group(2)?.lowercased()
      if unit == "mm" || (unit == nil && value > 10) { value /= 10 }
      add(WrittenScore(value: value, low: nil, range: match.range, rule: "painScore.vas"))
    }
    for match in namedScale.matches(in: text) {
      guard let value = match.group(1).flatMap(ClinicalWords.number) else { continue }
      add(WrittenScore(value: value, low: nil, range: match.range, rule: "painScore.named"))
    }
    return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
  }

  /// Whether the sentence before, in the same section, wrote a score on the 0-10 scale:
  /// "She rates it 7/10 on an average day. Sitting here she calls it a 5."
  static func scaleJustUsed(before passage: Passage) -> Bool {
    guard let previous = passage.preceding(1).first, previous.section == passage.section
    else { return false }
    return !scores(in: previous).isEmpty
  }

  /// Adds the bare numbers a sentence gives on the scale it or the sentence before has just
  /// used, and the bare pair of a change around a procedure ("pain down from 9 to 5-6"):
  /// "her average pain is 8 out of 10, and on a good day 5", "usual pain is 7/10 and it
  /// never drops below 5", "after walking it climbs to a 9".
  static func withImpliedScores(
    _ scores: [WrittenScore], in text: String, scaleJustUsed: Bool = false
  ) -> [WrittenScore] {
    var all = scores
    // An implied score follows a written one: without one, its shape is not looked for.
    for match in scores.isEmpty && !scaleJustUsed ? [] : impliedScore.matches(in: text) {
      guard let value = match.group(1).flatMap(ClinicalWords.number), (0...10).contains(value),
        let range = match.groups.first ?? nil,
        scaleJustUsed || scores.contains(where: { $0.range.upperBound <= match.range.lowerBound }),
        !all.contains(where: { $0.range.overlaps(range) })
      else { continue }
      all.append(WrittenScore(value: value, low: nil, range: range, rule: "painScore.implied"))
    }
    all += labelledList(in: text, besides: all, scaleJustUsed: scaleJustUsed)
    // "Pain (0-10)  7  6": the rest of a table row after a named scale, one per column.
    if let last = scores.last, last.rule == "painScore.named",
      let row = rowContinuation.firstMatch(
        in: text.slice(last.range.upperBound..<text.utf16.count))
    {
      for range in row.groups.compactMap({ $0 }) {
        let local =
          (range.lowerBound + last.range.upperBound)..<(range.upperBound + last.range.upperBound)
        guard let value = ClinicalWords.number(text.slice(local)), value <= 10 else {
          continue
        }
        all.append(WrittenScore(value: value, low: nil, range: local, rule: "painScore.row"))
      }
    }
    // "(8 -> 2-3/10)": the bare score an arrow leads from to a written one.
    for match in scores.isEmpty ? [] : arrowFrom.matches(in: text) {
      guard let value = match.group(1).flatMap(ClinicalWords.number), value <= 10,
        let range = match.groups.first ?? nil, !all.contains(where: { $0.range.overlaps(range) })
      else { continue }
      all.append(WrittenScore(value: value, low: nil, range: range, rule: "painScore.change"))
    }
    for match in bareChange.matches(in: text) {
      guard let before = match.group(1).flatMap(ClinicalWords.number),
        let after = match.group(2).flatMap(ClinicalWords.number),
        let beforeRange = match.groups[0], let afterRange = match.groups[1],
        before <= 10, after <= 10, after < before,
        !all.contains(where: { $0.range.overlaps(match.range) })
      else { continue }
      let low = match.group(3).flatMap(ClinicalWords.number).flatMap { $0 <= 10 ? $0 : nil }
      let afterEnd = match.groups[2]?.upperBound ?? afterRange.upperBound
      all.append(
        WrittenScore(value: before, low: nil, range: beforeRange, rule: "painScore.change"))
      all.append(
        WrittenScore(
          value: low.map { max($0, after) } ?? after, low: low.map { min($0, after) },
          range: afterRange.lowerBound..<afterEnd, rule: "painScore.change"))
    }
    return all.sorted { $0.range.lowerBound < $1.range.lowerBound }
  }

  /// "Pain scores: now 5, avg 7, worst 9": bare numbers each after its measure's word, in
  /// a sentence about pain that lists at least two of them, or right after a sentence that
  /// used the scale ("NRS today 7. Avg 7, worst 9 w/ standing").
  private static func labelledList(
    in text: String, besides found: [WrittenScore], scaleJustUsed: Bool
  ) -> [WrittenScore] {
    // The pain word is looked for before the first label, so it must be in the sentence.
    guard scaleJustUsed || painLabelCue.mayOccur(in: text) else { return [] }
    let matches = labelledScore.matches(in: text)
    guard matches.count >= 2, let first = matches.first,
      scaleJustUsed || painLabel.occurs(in: text.slice(0..<first.range.lowerBound))
    else { return [] }
    return matches.compactMap { match in
      guard let range = match.groups.first ?? nil,
        let value = match.group(1).flatMap(ClinicalWords.number), (0...10).contains(value),
        !found.contains(where: { $0.range.overlaps(range) })
      else { return nil }
      return WrittenScore(value: value, low: nil, range: range, rule: "painScore.labelled")
    }
  }

  private static let labelledScore = TextPattern(
    #"\b(?:now|current(?:ly)?|today|avg|average|usual|typical|worst|best|least|lowest|"#
      + #"highest|max(?:imum)?|min(?:imum)?)\s*(?:[:=]\s*|is\s+)?(\d{1,2})\b"#
      + #"(?![\d/%]|\.\d|\s*(?:out of|mg|mcg|x\b|times|%|degrees|"# + ClinicalWords.timeUnitPattern
      + #"\b))"#)
  private static let painLabel = TextPattern(#"\b(?:pain|NRS|NPRS|VAS|scores?)\b"#)
  private static let painLabelCue = AnyOfPatterns([painLabel])

  private static let rowContinuation = TextPattern(
    #"^\s+(\d{1,2})(?:\s+(\d{1,2}))?(?:\s+(\d{1,2}))?\s*$"#)

  private static let arrowFrom = TextPattern(
    #"(?<![\d/.])(\d{1,2})\s*(?:->|→|=>)\s*(?=\d{1,2}(?:\s*-\s*\d{1,2})?\s*/\s*10\b)"#)

  /// "pain down from 9 to 5-6", "leg pain went from 8 to 3": a change written without "/10".
  private static let bareChange = TextPattern(
    #"\bpain\b[^.;:]{0,25}?\bfrom\s+(\d{1,2})\s+(?:down\s+)?to\s+(\d{1,2})(?:\s*-\s*(\d{1,2}))?\b"#
      + #"(?![\d/%]|\.\d|\s*(?:%|percent|mg|mcg|days?|weeks?|months?|hours?|minutes?|times"#
      + #"|visits?|sessions?)\b)"#
  )

  private static let impliedScore = TextPattern(
    #"\b(?:on (?:a |her |his )?(?:good|bad|better|worse) days?|at (?:its |her |his )?(?:best"#
      + #"|worst)|(?:good|bad) days (?:reach|hit|are)|"#
      + #"(?:never|rarely|not) (?:\w+ ){0,2}?(?:below|under|lower than|less than)"#
      // "it climbs to a 9", "she calls it a 5": a level the pain moves to or is given.
      + #"|\b(?:it|pain|she|he)\s+(?:\w+\s+)?(?:climb(?:s|ed)|ris(?:es|en)|rose|go(?:es)? up"#
      + #"|went up|jump(?:s|ed)|reach(?:es|ed)|spik(?:es|ed)|creeps up|crept up|drop(?:s|ped)"#
      + #"|f(?:a|e)lls?|settl(?:es|ed)|c(?:o|a)mes? down)(?:\s+to)?\s+(?:a\s+|an\s+)?"#
      + #"|\b(?:calls|called|rates|rated|puts|put|grades|graded|gives|gave)\s+it\s+(?:at\s+)?"#
      + #"(?:a\s+|an\s+)?)"#
      + #"\s*(?:it is\s+|is\s+|of\s+|:\s*|about\s+|around\s+)?(\d{1,2})\b"#
      + #"(?![\d/%]|\.\d|\s*(?:out of|mg|x\b|times|%|degrees|sessions?|visits?|tablets?|pills?"#
      + #"|doses?|"# + ClinicalWords.timeUnitPattern + #"\b))"#)

  /// "pain from 4/10 to 1/10 (75%)": a relief statement brackets its scores like a block.
  private static let statesRelief = TextPattern(
    #"\d\s*(?:%|percent)|\b(?:improvement|better|single-shot|bolus|test dose)\b"#)

  private static let number = ClinicalWords.numberPattern
  private static let notADateOrCount =
    #"(?![\d/]|\.\d|\s*(?:days?|d|visits?|sessions?|treatments?|appointments?|tests?|sites?"#
    + #"|points?|locations?)\b"#
    // "10/10 PT visits": a count of treatments, though "7/10 most days" is a score.
    + #"|\s*(?:PT|OT|therapy|physical therapy|chiropractic|acupuncture|treatment|scheduled"#
    + #"|attended)\s+"#
    + #"(?:visits?|sessions?|appointments?|treatments?)\b)"#
  /// What every score `scores(in:)` reads needs: `rangeOverTen` and `overTen` are run only
  /// where `overTenMark` occurs.
  private static let writtenScoreCue = AnyOfPatterns([overTenMark, visualAnalogue, namedScale])
  /// What `rangeOverTen` and `overTen` both end with: a search that starts at slashes and
  /// "o" alone, where theirs starts at nearly every offset.
  private static let overTenMark = TextPattern(#"(?:/|out of)\s*(?:10|ten)"# + notADateOrCount)
  private static let rangeOverTen = TextPattern(
    #"(?<![\d/.])(\d{1,2}(?:\.\d)?)\s*(?:-|–|—|to)\s*(\d{1,2}(?:\.\d)?)\s*(?:/|out of)\s*(?:10"#
      + #"|ten)"#
      + notADateOrCount)
  private static let overTen = TextPattern(
    #"(?<![\d/.])(?!0\d)(\d{1,2}(?:\.\d)?|"# + number + #")\s*(?:/|out of)\s*(?:10|ten)"#
      + notADateOrCount)
  private static let visualAnalogue = TextPattern(
    #"\b(?:VAS|visual analog(?:ue)? scale)(?:\s+(?:score|pain))?\s*(?:of|is|was|="#
      + #"|:)?\s*(\d{1,3}(?:\.\d)?)\s*(mm|cm)?\b(?!\s*/)"#
  )
  private static let namedScale = TextPattern(
    #"\b(?:NRS|NPRS|numeric (?:pain )?rating(?: scale)?|pain(?: level| score| scale| intensity"#
      + #"| rating)?|"#
      + #"(?:rates?|rated|rating) (?:(?:his|her|their|the|my|it|it as) )?(?:pain )?(?:as |at )?)"#
      + #"(?:\s*\([^)]{1,12}\))?(?:\s+(?:today|now|currently|at rest|this visit))?"#
      + #"\s*(?:is|was|of|at|=|:|-)?\s*(?:an?\s+)?("# + number + #")\b"#
      + #"(?!\s*(?:/|-|–|out of|\.\d|%|mg|x\b|times|"# + ClinicalWords.timeUnitPattern + #"\b))"#)

  /// A row of a pain diary or observation table ("Before block  7", "15 min  1", "2 h  7"
  /// under "Time  Pain (0-10)"): a bare score, before or after the procedure by its label.
  static func diaryRow(in passage: Passage) -> Fact? {
    guard mayOpenWithDiaryLabel(passage.text), let row = diaryLine.firstMatch(in: passage.text),
      let label = row.group(1), let value = row.group(2).flatMap(ClinicalWords.number),
      value <= 10,
      passage.preceding(12).contains(where: { diaryHeader.occurs(in: $0.text) })
    else { return nil }
    let context: PainContext = baselineLabel.occurs(in: label) ? .preProcedure : .postProcedure
    let detail = PainScore(value: value, low: nil, context: context)
    return passage.fact(.painScore(detail), rule: "painScore.diaryRow")
  }

  /// Whether a text may open with the label of a diary row: the label ("pre", "post",
  /// "baseline", "before", "after" or a time) starts with "a", "b", "p" or a digit, so a
  /// text opening with any other ASCII letter holds no row, the expression not run.
  private static func mayOpenWithDiaryLabel(_ text: String) -> Bool {
    guard let first = text.utf8.first, first < 0x80 else { return true }
    switch first | 0x20 {
    case UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "p"): return true
    case UInt8(ascii: "a")...UInt8(ascii: "z"): return false
    default: return true
    }
  }

  private static let diaryHeader = TextPattern(
    #"^\s*(?:time|time point|interval)\b.*\b(?:pain|NRS|VAS)\s*(?:score\s*)?\(?\s*0\s*-\s*10\s*\)?"#
  )
  private static let diaryLine = TextPattern(
    #"^\s*((?:pre|post|baseline|before(?: (?:the )?(?:block|injection|procedure|bolus))?|"#
      + #"after(?: (?:the )?(?:block|injection|procedure|bolus))?|"#
      + #"\d+\s*(?:min|mins|minutes?|h|hrs?|hours?)(?:\s+post)?))\s*[:|]?\s+(\d{1,2})\b(?![/.\d%])"#
  )
  private static let baselineLabel = TextPattern(#"^\s*(?:pre|baseline|before)\b"#)

  /// Whether the sentence is about a procedure, so that "from 8/10 to 2/10" is before/after.
  static func namesProcedure(_ passage: Passage) -> Bool {
    !passage.hits("procedures").isEmpty || procedureWords.occurs(in: passage.text)
      || passage.section?.name.lowercased().includes("procedure") == true
  }

  private static let procedureWords = TextPattern(
    #"\b(?:block|blocks|injection|MBB|RFA|ESI|ablation|procedure|stimulator|trial|relief|infusion"#
      + #"|bolus)\b"#
  )

  /// Whether the score is a goal or target, not a measurement.
  private static func isGoal(_ score: WrittenScore, _ passage: Passage) -> Bool {
    goalWords.occurs(
      in: passage.text, within: max(0, score.range.lowerBound - 30)..<score.range.lowerBound)
  }

  /// The column of a table row that holds a goal, from the header above the row: "Measure
  /// Initial Discharge Goal" over "Pain at best (NPRS) 3/10 3/10 1/10" makes the third a
  /// target, not a measurement.
  static func goalColumn(of count: Int, _ passage: Passage) -> Int? {
    guard
      let header = passage.preceding(8).first(where: {
        $0.text.count <= 60 && goalWords.occurs(in: $0.text)
          && !$0.text.contains("/10")
      })
    else { return nil }
    let columns = header.text.split(whereSeparator: \.isWhitespace).suffix(count)
    guard columns.count == count else { return nil }
    return columns.firstIndex { goalWords.occurs(in: String($0)) }.map { $0 - columns.startIndex }
  }

  /// Whether the "score" is a date without a year ("the MBB on 3/10").
  private static func isDate(_ score: WrittenScore, _ passage: Passage) -> Bool {
    let text = passage.text
    let before = max(0, score.range.lowerBound - 12)..<score.range.lowerBound
    let after = score.range.upperBound..<min(text.utf16.count, score.range.upperBound + 24)
    return dateLead.occurs(in: text, within: before) || dateFollow.occurs(in: text, within: after)
  }

  /// "the 03/10 block": a yearless date naming a procedure.
  private static let dateFollow = TextPattern(
    #"^\s*(?:block|blocks|injection|injections|MBB|MBBs|RFA|ESI|TFESI|procedure|visit|appointment"#
      + #"|SGB|LSB|for (?:a |her |his )?(?:follow-?up|f/u|visit|appointment|recheck))\b"#
  )

  private static let dateLead = TextPattern(
    #"\b(?:on|dated?|since|DOS:?|performed|done|seen|visit|last seen)\s*$"#)

  private static let goalWords = TextPattern(#"\b(?:goal|target|aim|hope|expect\w*)\b"#)
}

extension PainScoreRule {
  /// The body region named just before a score: "low back pain 7/10" → "low back".
  static func region(before offset: Int, in text: String) -> String? {
    let window = text.slice(max(0, offset - 40)..<offset)
    return regionWords.matches(in: window).last?.value.lowercased()
  }

  private static let regionWords = TextPattern(
    #"\b(?:low(?:er)? back|back|neck|leg|buttock|hip|knee|shoulder|arm|hand|foot|ankle|"#
      + #"SI joint|sacroiliac|groin|abdomen|abdominal|pelvi[cs]|chest|head)\b"#)
}
