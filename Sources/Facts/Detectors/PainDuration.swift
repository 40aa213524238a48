import Model

/// Finds how long the complaint has lasted: "for 5 months", "x 1 yr", "a 6-week history",
/// "began 2 years ago", "since March 2025" (counted to the note date).
///
/// A span counts only when the nearest noun before it is the pain itself, not a therapy,
/// a medication or a relief: "back pain for 8 months despite PT for 6 weeks" gives 8.
struct PainDurationRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    guard Self.complaintWords.occurs(in: passage.text) else { return [] }
    if let fact = span(in: passage) { return [fact] }
    if let fact = onset(in: passage, noteDate: reading.noteDate ?? passage.note.dateOfService) {
      return [fact]
    }
    return []
  }

  private func span(in passage: Passage) -> Fact? {
    for match in Self.spans.matches(in: passage.text) {
      guard let amountText = match.group(1) ?? match.group(3) ?? match.group(5),
        let unit = match.group(2) ?? match.group(4) ?? match.group(6),
        let amount = ClinicalWords.number(amountText),
        let months = ClinicalWords.months(amount: amount, unit: unit),
        isAboutThePain(match.range, in: passage)
      else { continue }
      let context = passage.context(ofLocal: match.range)
      guard !context.isHypothetical, !context.isOtherPerson, !context.isNegated else { continue }

      let detail = PainDuration(months: (months * 10).rounded() / 10)
      return passage.fact(.painDuration(detail), rule: "painDuration.span", context: context)
    }
    for match in Self.pastUnit.matches(in: passage.text) {
      guard let unit = match.group(1), let months = ClinicalWords.months(amount: 1, unit: unit),
        isAboutThePain(match.range, in: passage)
      else { continue }
      let detail = PainDuration(months: months)
      return passage.fact(.painDuration(detail), rule: "painDuration.pastUnit")
    }
    return nil
  }

  private func onset(in passage: Passage, noteDate: ClinicalDate?) -> Fact? {
    guard let noteDate else { return nil }
    for match in Self.onsetLead.matches(in: passage.text) {
      guard
        let written = passage.dates.first(where: {
          $0.range.lowerBound >= match.range.upperBound
            && $0.range.lowerBound - match.range.upperBound <= 2
        }),
        written.date < noteDate,
        isAboutThePain(match.range, in: passage)
      else { continue }

      let months = Double(written.date.days(until: noteDate)) / 30.44
      let detail = PainDuration(months: (months * 10).rounded() / 10, onset: written.date)
      return passage.fact(.painDuration(detail), rule: "painDuration.since")
    }
    return nil
  }

  /// Whether the nearest head noun before a span is the complaint rather than a treatment.
  private func isAboutThePain(_ span: Range<Int>, in passage: Passage) -> Bool {
    let before = passage.slice(0..<span.lowerBound)
    let complaint = Self.complaintWords.matches(in: before).last?.range.upperBound ?? -1
    let treatmentHits =
      (passage.hits("therapies") + passage.hits("medications") + passage.hits("procedures"))
      .map { passage.local($0.range).upperBound }
      .filter { $0 <= span.lowerBound }
    let treatmentWords = Self.treatmentWords.matches(in: before).map(\.range.upperBound)
    let treatment = (treatmentHits + treatmentWords).max() ?? -1
    if complaint < 0 {
      // "a 9-month history of buttock pain": the complaint follows its span.
      let after = passage.slice(span.upperBound..<passage.text.utf16.count)
      return treatment < 0 && Self.complaintWords.occurs(in: String(after.prefix(40)))
    }
    return complaint > treatment
  }

  private static let number = ClinicalWords.numberPattern + "|an?"
  private static let unit = #"(weeks?|wks?|months?|mos?|mths?|years?|yrs?)"#
  private static let spans = TextPattern(
    #"\b(?:for|x|×|over|of|past|last|approximately|about|roughly|nearly|almost|>|greater than|more than)\s*"#
      + #"(?:the\s+)?(?:past\s+|last\s+)?(?:about\s+|approximately\s+|over\s+|nearly\s+|~\s*)?("#
      + number + #")\+?\s*"# + unit + #"\b"#
      + #"|\b("# + number + #")[- ]"# + unit + #"\s+(?:history|duration)\b"#
      + #"|\b(?:began|started|start|onset|beginning)\s+(?:about\s+|approximately\s+|roughly\s+|~\s*)?("#
      + number + #")\s*"# + unit + #"\s+(?:ago|prior)\b"#)
  private static let pastUnit = TextPattern(#"\b(?:for|over) the (?:past|last) (year|month)\b"#)
  private static let onsetLead = TextPattern(
    #"\b(?:since|began in|started in|beginning in|onset(?: in| of| on)?:?|starting in)\b"#)
  private static let complaintWords = TextPattern(
    #"\b(?:pain|ache|aching|symptoms?|sciatica|complaints?|discomfort|LBP|radiculopathy|"#
      + #"CRPS|neuralgia|burning)\b"#)
  private static let treatmentWords = TextPattern(
    #"\b(?:relief|improvement|improved|therapy|PT|sessions?|treatment|trial|taking|"#
      + #"medications?|injection|block|program|exercises?|stopped|used)\b"#)
}
