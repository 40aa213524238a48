import Model

/// Finds pain relief after a procedure: "80% relief for 6 hours after the L4-5 MBB on 3/2",
/// "pain improved by half", "no relief", "from 8/10 to 2/10", "for the duration of the
/// anesthetic", with functional improvement written in words.
///
/// Each relief is tied to the procedure named in its sentence, or else in the two sentences
/// before it; relief after a therapy or a medication is not procedure relief.
struct ReliefRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    guard let (percent, rule, range) = Self.percent(in: passage) else { return [] }
    let context = passage.context(ofLocal: range)
    guard !context.isHypothetical, !context.isOtherPerson, !context.isUncertain,
      !Self.goal.occurs(in: passage.text)
    else { return [] }
    guard let procedure = ProcedureReference.nearest(to: range, in: passage),
      !procedure.kind.isTrial
    else { return [] }

    let detail = Relief(
      percent: percent, procedure: procedure.kind, durationDays: Self.durationDays(in: passage),
      procedureDate: procedure.date,
      functionalImprovement: Self.functionalImprovement(near: passage),
      levels: procedure.levels.isEmpty ? nil : procedure.levels, side: procedure.side)
    return [passage.fact(.relief(detail), rule: rule, hits: procedure.hits, context: context)]
  }

  /// The percent relief a sentence states, with the rule that read it and where it stands.
  static func percent(in passage: Passage) -> (Double, String, Range<Int>)? {
    let text = passage.text
    if let match = statedPercent.firstMatch(in: text),
      let value = match.group(1).flatMap(ClinicalWords.number), value <= 100,
      reliefWords.occurs(in: text),
      !notRelief.occurs(
        in: text.utf16Slice(max(0, match.range.lowerBound - 16)..<match.range.lowerBound))
    {
      return (value, "relief.percent", match.range)
    }
    if let match = half.firstMatch(in: text) { return (50, "relief.half", match.range) }
    if let match = noRelief.firstMatch(in: text) { return (0, "relief.none", match.range) }
    let scores = PainScoreRule.scores(in: text)
    if scores.count >= 2, PainScoreRule.namesProcedure(passage) {
      for index in scores.indices.dropLast() {
        let before = scores[index]
        let after = scores[index + 1]
        let between = text.utf16Slice(before.range.upperBound..<after.range.lowerBound)
        guard scoreJoin.occurs(in: between), before.value > 0, after.value <= before.value
        else { continue }
        let value = ((before.value - after.value) / before.value * 100).rounded()
        return (value, "relief.fromScores", before.range.lowerBound..<after.range.upperBound)
      }
    }
    return nil
  }

  private static let statedPercent = TextPattern(
    #"(?<![\d.])(\d{1,3})(?:\s*(?:-|–|to)\s*\d{1,3})?\s*(?:%|percent|per cent)"#)
  private static let reliefWords = TextPattern(
    #"\b(?:relief|relieved|improve\w*|reduc\w*|decreas\w*|better|benefit|response|resolution|"#
      + #"alleviat\w*|lessen\w*|pain[- ]free|drop\w*)\b"#)
  private static let notRelief = TextPattern(
    #"\b(?:ODI|NDI|A1c|SpO2|O2|sat\w*|oxygen|disability|index|score|BMI|saturation)\b[^\d]*$"#)
  private static let half = TextPattern(
    #"\b(?:by|about|approximately|roughly|nearly)\s+(?:one[- ])?half\b|\b(?:half|fifty percent) (?:of )?(?:the |his |her )?(?:pain )?(?:relief|better|improvement)\b"#
  )
  private static let noRelief = TextPattern(
    #"\b(?:no|without|denies|did not (?:get|obtain|receive|have|experience|report|provide|give)|"#
      + #"didn't (?:get|provide|give|help)|failed to (?:provide|give))\s+(?:any\s+)?(?:significant\s+|meaningful\s+|appreciable\s+|"#
      + #"noticeable\s+|lasting\s+|sustained\s+)?(?:pain\s+)?(?:relief|benefit|improvement|response)\b|\bnon-?responder\b"#
  )
  private static let scoreJoin = TextPattern(
    #"^\s*(?:\w+\s+){0,3}?(?:to|->|→|=>|down to|dropping to|decreas\w* to|reduc\w* to|improv\w* to)\s*$"#
  )
  private static let goal = TextPattern(#"\b(?:goal|expect\w*|hope\w*|anticipat\w*|target)\b"#)

  /// Days of relief: "for 6 hours", "lasting 3 months", "for the duration of the anesthetic".
  static func durationDays(in passage: Passage) -> Double? {
    if let match = lasting.firstMatch(in: passage.text),
      let amount = match.group(1).flatMap(ClinicalWords.number), let unit = match.group(2)
    {
      return ClinicalWords.days(amount: amount, unit: unit)
    }
    if anesthetic.occurs(in: passage.text) { return 0.25 }
    return nil
  }

  private static let lasting = TextPattern(
    #"\b(?:for|lasting|lasted|last(?:s|ed)? for|x|×|persisted for|over|which lasted|duration of|sustained for|through)\s+"#
      + #"(?:about\s+|approximately\s+|~\s*|nearly\s+|almost\s+|roughly\s+|only\s+|the (?:next|first)\s+|at least\s+|over\s+)?("#
      + ClinicalWords.numberPattern + #"|an?)(?:\s*(?:-|–|to)\s*\d+)?\s*("#
      + ClinicalWords.timeUnitPattern + #")\b"#)
  private static let anesthetic = TextPattern(
    #"\b(?:duration|length|life) of (?:the )?(?:local )?an(?:a)?esthetic\b|\ban(?:a)?esthetic (?:phase|window|period)\b"#
  )

  /// Function improved after the procedure, in this sentence or the next one.
  static func functionalImprovement(near passage: Passage) -> Bool? {
    for text in [passage.text, passage.next?.text ?? ""] {
      if noFunction.occurs(in: text) { return false }
      if function.occurs(in: text) { return true }
    }
    return nil
  }

  private static let function = TextPattern(
    #"\b(?:improved|improvement in|increased|better)\s+(?:\w+\s+){0,2}?(?:function\w*|ability|mobility|walking|"#
      + #"sitting|standing|ADLs|activit\w+|tolerance|range of motion|sleep)\b|\bfunctional (?:improvement|gains?|benefit)\b|"#
      + #"\b(?:able|ability) to (?:walk|sit|stand|return|work|sleep|perform|resume|do|increase|exercise|drive|garden|lift|play|complete)\b|"#
      + #"\breturn(?:ed)? to (?:work|activit\w+|exercis\w+)\b"#)
  private static let noFunction = TextPattern(
    #"\b(?:no|without|denies)\s+(?:\w+\s+)?(?:functional (?:improvement|gains?|benefit)|improvement in (?:function|activit\w+|ADLs))\b"#
  )
}
