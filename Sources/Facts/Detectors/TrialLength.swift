import Model

/// How long a device or drug trial lasted, in days, as a note writes it: "a 7-day SCS
/// trial", "trial from 3/1 to 3/8", "a 24-hour continuous intrathecal infusion", "infusion
/// through a temporary catheter for 3 days"; a single-shot or single-bolus trial is one day.
///
/// Read from the sentence that states the result and the sentences before it, nearest
/// first, because notes name the trial and its length a few sentences ahead of its result.
enum TrialLength {
  /// The length a trial sentence states in so many words (days, hours, or a span of dates).
  static func stated(near passage: Passage) -> Double? {
    for candidate in [passage] + passage.preceding(3) {
      if let days = stated(in: candidate) { return days }
    }
    return nil
  }

  /// The stated length, or one day for a single-shot trial.
  static func days(near passage: Passage) -> Double? {
    if let days = stated(near: passage) { return days }
    let texts = ([passage] + passage.preceding(3)).map(\.text)
    return texts.contains { singleShot.occurs(in: $0) } ? 1 : nil
  }

  /// The length one sentence about a trial states.
  static func stated(in passage: Passage) -> Double? {
    let text = passage.text
    guard trialWords.occurs(in: text) else { return nil }
    if let match = dayCount.firstMatch(in: text),
      let amount = (match.group(1) ?? match.group(2)).flatMap(ClinicalWords.number)
    {
      return amount
    }
    if let match = hourCount.firstMatch(in: text),
      let hours = match.group(1).flatMap(ClinicalWords.number), hours >= 12
    {
      return (hours / 24).rounded(.up)
    }
    return span(in: passage)
  }

  /// "from 06/04/2026 to 06/09/2026", "June 4 to June 9, 2026", "2/2-2/9/2026", "trial
  /// 02/02/26-02/09/26": the days between two dates joined by "to", "through" or a dash.
  private static func span(in passage: Passage) -> Double? {
    let dates = passage.dates
    for end in dates {
      if let start = ProcedureDates.spanStart(before: end, in: passage) {
        let days = start.days(until: end.date)
        if days > 0 && days <= 60 { return Double(days) }
      }
    }
    for (first, second) in zip(dates, dates.dropFirst()) {
      let gap = passage.slice(first.range.upperBound..<second.range.lowerBound)
      guard spanJoin.occurs(in: gap) else { continue }
      let before = passage.slice(max(0, first.range.lowerBound - 24)..<first.range.lowerBound)
      guard spanStart.occurs(in: before) || trialLead.occurs(in: before) else { continue }
      let days = first.date.days(until: second.date)
      if days > 0 && days <= 60 { return Double(days) }
    }
    return nil
  }

  private static let trialWords = TextPattern(
    #"\b(?:trial|infusion|bolus|leads?|stimulat\w*|SCS|DRG|intrathecal)\b"#)
  private static let dayCount = TextPattern(
    #"\b("# + ClinicalWords.numberPattern + #")[- ]day\b|\b(?:for|over|x|lasting|of)\s+("#
      + ClinicalWords.numberPattern + #")\s+days?\b"#)
  private static let hourCount = TextPattern(
    #"\b(\d{2,3})[- ]?(?:hours?|hrs?|h)\b(?!\s+(?:after|later|post))"#)
  private static let spanJoin = TextPattern(#"^\s*(?:to|through|thru|until|-|–)\s*$"#)
  private static let spanStart = TextPattern(#"\b(?:from|between)\s*$"#)
  /// "SCS trial 02/02/26-02/09/26", "trial dates: 2/2/26 - 2/9/26": the trial names its span.
  private static let trialLead = TextPattern(
    #"\b(?:trial(?:ed|led)?|trial dates?|leads? (?:in|placed))\s*(?:[:(]\s*)?$"#)
  private static let singleShot = TextPattern(
    #"\bsingle[- ](?:shot|bolus|injection|dose)\b|\bone[- ]time (?:bolus|injection)\b"#)
}
