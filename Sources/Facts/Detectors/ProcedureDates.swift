import Model

/// The dates a history gives a procedure it names: written after it ("on 02/10 and
/// 02/24", "fusion 06/2017, extension to S1 03/2020"), in a table row's date cell before
/// it, counted from the visit ("two weeks after his trial"), a month without its year ("in
/// February"), months listed before a year ("in February and July 2025"), and a span's
/// first day ("from June 4 to June 9, 2026"); with the dates that belong to something else
/// (a series' start, a therapy's course) kept apart.
enum ProcedureDates {
  /// "seen back today, two weeks after his intrathecal trial": a date counted back from the
  /// date of service. Weeks and days give the day; months only the month.
  static func relativeDate(of hit: Range<Int>, in passage: Passage, _ noteDate: ClinicalDate)
    -> ClinicalDate?
  {
    let before = passage.slice(max(0, hit.lowerBound - 40)..<hit.lowerBound)
    guard let match = spanBefore.firstMatch(in: before),
      visitAnchor.occurs(in: passage.slice(0..<hit.lowerBound)),
      let amount = match.group(1).flatMap(ClinicalWords.number), let unit = match.group(2),
      let days = ClinicalWords.days(amount: amount, unit: unit), days >= 1
    else { return nil }
    let date = noteDate.adding(days: -Int(days.rounded()))
    guard unit.lowercased().hasPrefix("mo") else { return date }
    return ClinicalDate(year: date.year, month: date.month)
  }

  private static let spanBefore = TextPattern(
    #"\b("# + ClinicalWords.numberPattern + #")\s+("# + ClinicalWords.timeUnitPattern
      + #")\s+(?:after|following|since|post)\s+(?:(?:his|her|the|their|a|an)\s+)?(?:\S+\s+){0,3}$"#)
  /// "a routine pump replacement in February": a month named without its year is the latest
  /// such month before the visit.
  static func yearlessMonth(after hit: Range<Int>, in passage: Passage, _ noteDate: ClinicalDate)
    -> ClinicalDate?
  {
    let after = passage.slice(hit.upperBound..<min(passage.text.utf16.count, hit.upperBound + 20))
    guard monthAfter.occurs(in: after) else { return nil }
    return yearlessMonth(in: after, before: noteDate)
  }

  /// The first "in May", "during early March" of a text, as the latest such month before
  /// the visit.
  static func yearlessMonth(in text: String, before noteDate: ClinicalDate) -> ClinicalDate? {
    guard let match = monthWithoutYear.firstMatch(in: text),
      let month = match.group(1).flatMap(month(named:))
    else { return nil }
    let year = month <= noteDate.month ? noteDate.year : noteDate.year - 1
    return ClinicalDate(year: year, month: month)
  }

  private static let monthAfter = TextPattern(#"^\s*(?:in|during)\s"#)
  private static let monthWithoutYear = TextPattern(
    #"\b(?:in|during)\s+(?:early\s+|mid-?\s*|late\s+)?("# + monthName + #")\b(?!\.?,?\s*\d)"#)

  /// The span counts from this visit only when the sentence speaks of the visit.
  private static let visitAnchor = TextPattern(
    #"\b(?:today|now|returns?|seen|presents?|follows? up|follow-up|here)\b"#)

  /// The dates of one procedure: those written after it up to the next procedure ("on
  /// 02/10/2026 and 02/24/2026"), else the last one written before it (a table row).
  static func dates(of index: Int, among hits: [LexiconHit], in passage: Passage)
    -> [ClinicalDate]
  {
    let local = passage.local(hits[index].range)
    let previousEnd = index > 0 ? passage.local(hits[index - 1].range).upperBound : 0
    let nextStart =
      index + 1 < hits.count
      ? passage.local(hits[index + 1].range).lowerBound : passage.text.utf16.count
    let isSeries = seriesCount.occurs(
      in: passage.slice(max(previousEnd, local.lowerBound - 30)..<local.lowerBound))
    let after = passage.dates.filter {
      $0.range.lowerBound >= local.upperBound && $0.range.upperBound <= nextStart
        && !isWindow($0.range, in: passage)
        && !(isSeries
          && seriesStart.occurs(in: passage.slice(local.upperBound..<$0.range.lowerBound)))
    }
    if let first = after.first {
      var joined =
        listedMonths(before: first, in: passage) + [
          spanStart(before: first, in: passage) ?? first.date
        ]
      for (previous, next) in zip(after, after.dropFirst()) {
        let gap = passage.slice(previous.range.upperBound..<next.range.lowerBound)
        guard dateJoin.occurs(in: gap) else { break }
        joined.append(next.date)
      }
      return joined
    }
    // A date before the procedure is its own only when close (a table row's date cell),
    // not a therapy's dates earlier in the sentence.
    let before = passage.dates.filter {
      $0.range.upperBound <= local.lowerBound && $0.range.lowerBound >= previousEnd
        && local.lowerBound - $0.range.upperBound <= 40
        && !foreignLink.occurs(in: passage.slice($0.range.upperBound..<local.lowerBound))
        && !treatmentBetween($0.range.upperBound, local.lowerBound, in: passage)
    }
    return before.last.map { listedMonths(before: $0, in: passage) + [$0.date] } ?? []
  }

  /// "in February and July 2025", "in March, May and June 2024": months listed before a
  /// month that carries the year share it.
  private static func listedMonths(
    before last: (date: ClinicalDate, range: Range<Int>), in passage: Passage
  ) -> [ClinicalDate] {
    guard last.date.day == nil else { return [] }
    let before = passage.slice(max(0, last.range.lowerBound - 40)..<last.range.lowerBound)
    guard let match = monthList.firstMatch(in: before), let list = match.group(1) else {
      return []
    }
    return list.split(whereSeparator: { !$0.isLetter }).compactMap { word in
      month(named: String(word)).flatMap { ClinicalDate(year: last.date.year, month: $0) }
    }.filter { $0 < last.date }
  }

  private static let monthName =
    #"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"#
    + #"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"#
  private static let monthList = TextPattern(
    #"\b("# + monthName + #"(?:\s*,\s*"# + monthName + #")*)\s*,?\s*(?:and|&)\s*$"#)

  /// "a 5-day trial from June 4 to June 9, 2026", "SCS trial 2/2-2/9/2026": a span's first
  /// day, written without the year its last day carries, is the procedure's date.
  static func spanStart(
    before end: (date: ClinicalDate, range: Range<Int>), in passage: Passage
  ) -> ClinicalDate? {
    let before = passage.slice(max(0, end.range.lowerBound - 30)..<end.range.lowerBound)
    guard let match = yearlessSpanStart.firstMatch(in: before),
      let month = match.group(1).flatMap(month(named:)) ?? match.group(3).flatMap({ Int($0) }),
      let day = (match.group(2) ?? match.group(4)).flatMap({ Int($0) }),
      let start = ClinicalDate(year: end.date.year, month: month, day: day),
      start < end.date
    else { return nil }
    return start
  }

  private static func month(named name: String) -> Int? {
    let names = [
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    return names.firstIndex(of: String(name.lowercased().prefix(3))).map { $0 + 1 }
  }

  private static let yearlessSpanStart = TextPattern(
    #"\bfrom\s+([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*(?:to|through|thru|until|-|–)\s*$"#
      + #"|(?<![\d/])(\d{1,2})/(\d{1,2})\s*(?:-|–|to|through)\s*$"#)
  /// "four cervical epidurals since December 2025": a count of procedures since a date
  /// is a series, and the date is when it began, not one of them.
  private static let seriesCount = TextPattern(
    #"\b(?:two|three|four|five|six|several|multiple|many|\d+)\s+(?:\S+\s+){0,2}$"#)
  private static let seriesStart = TextPattern(#"\bsince\s*$"#)

  /// "hand therapy March 2025 through January 2026, pregabalin, and four stellate blocks":
  /// a therapy or drug named between a date and a procedure takes the date.
  static func treatmentBetween(_ start: Int, _ end: Int, in passage: Passage) -> Bool {
    (passage.hits("therapies") + passage.hits("medications")).contains {
      let local = passage.local($0.range)
      return local.lowerBound >= start && local.upperBound <= end
    }
  }

  /// What joins two dates of one procedure: "on 02/10 and 02/24", "twice, on 1/13 and
  /// again on 5/20", "fusion 06/2017, extension to S1 03/2020", "in May 2019 and a
  /// revision in August 2021", "fusion (02/2021) and revision (08/2022)" (a revision or
  /// extension is the same operation again), "pump (implanted 02/2019) was removed on
  /// 03/17/2026" (a device's removal is a procedure of the same kind).
  private static let dateJoin = TextPattern(
    #"^[\s()]*(?:,|;|and|&|/|then)[\s()]*(?:and\s+)?(?:again\s+)?(?:(?:an?\s+)"#
      + #"?(?:[CTLS]\d{1,2}(?:-[CTLS]?\d{1,2})?\s+)?"#
      + #"(?:revision|revised|extension|extended|redo|re-do|reoperation)"#
      + #"(?:\s+(?:to|of|at|for)\s+(?:[CTLS]\d{1,2}(?:-[CTLS]?\d{1,2})?|\w+))?\s*)?(?:on\s+"#
      + #"|in\s+)?[\s(]*$"#
      + #"|^[\s)]*(?:,\s*)?(?:and\s+)?(?:was|were|then)?\s*(?:removed|explanted|replaced"#
      + #"|revised)\s+(?:on\s+|in\s+)?[\s(]*$"#
  )
  /// "pump since June 2019 for post-laminectomy pain": a date joined to something else.
  /// "has worsened over the past year": a span something happened over, not the day of an
  /// operation told earlier in the sentence. A written date stays one: "in the last week of
  /// March 2026".
  private static func isWindow(_ range: Range<Int>, in passage: Passage) -> Bool {
    !passage.slice(range).contains(where: \.isNumber)
      && window.occurs(in: passage.slice(max(0, range.lowerBound - 24)..<range.upperBound))
  }

  private static let window = TextPattern(
    #"\b(?:over|during|in|for|throughout) the (?:past|last|previous)\b[^,;]*$"#)
  /// Words between a date and a later procedure that tie the date to something else: "pain
  /// for …", "came back in April 2025, a few weeks after the fusion".
  private static let foreignLink = TextPattern(
    #"\b(?:for|of|with|from|due to|because|after|following)\b"#)
}
