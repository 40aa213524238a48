import Model

/// Finds how long the complaint has lasted: "for 5 months", "x 1 yr", "a 6-week history",
/// "14 months of leg pain", "began 2 years ago", "so roughly 8 months now", "for the past
/// year and a half", "since March 2025", "since a fall in March 2025", "since then" or
/// "since 2022" (counted to the note date).
///
/// A span counts only when the nearest noun before it is the complaint, not a therapy, a
/// medication or a relief: "back pain for 8 months despite PT for 6 weeks" gives 8; and not
/// when it is a reporting window ("average pain over the past two weeks is 7/10").
struct PainDurationRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    // The literals first: they turn away most sentences for less than the section's name.
    guard Self.durationWords.mayOccur(in: passage.text), isHistory(passage) else { return [] }

    let noteDate = reading.noteDate ?? passage.note.dateOfService
    let found =
      summary(in: passage) ?? span(in: passage) ?? onset(in: passage, noteDate: noteDate)
      ?? injury(in: passage, noteDate: noteDate)
    return found.map { [$0] } ?? []
  }

  private func isHistory(_ passage: Passage) -> Bool {
    guard let section = passage.section else { return true }
    return !(section.isExamination || section.isImaging || section.isPlan || section.isMedications)
  }

  /// "It began after a fall in July 2025, so roughly 8 months now."
  private func summary(in passage: Passage) -> Fact? {
    let text = passage.text
    let hasOnset = Self.onsetWords.occurs(in: text)
    // The span first: few sentences hold one, and without an onset only "so …" can give it.
    guard
      let match = Self.soSpan.firstMatch(in: text) ?? spanAfterOnset(in: passage, hasOnset)
        ?? continuedSpan(after: passage, hasOnset),
      hasOnset || Self.complaintWords.occurs(in: text),
      let months = months(match.group(1), match.group(2))
    else { return nil }
    return fact(months: months, rule: "painDuration.summary", range: match.range, in: passage)
  }

  /// "since a wrist arthroscopy in January 2026, about 8 months", but not "naproxen since
  /// 09/29/2026 (about four weeks)": the span must follow the complaint, not a treatment.
  private func spanAfterOnset(in passage: Passage, _ hasOnset: Bool) -> TextMatch? {
    guard hasOnset, let match = Self.spanAfterOnset.firstMatch(in: passage.text),
      isAboutThePain(match.range, in: passage, complaintMayFollow: false)
    else { return nil }
    return match
  }

  /// "… going on since the summer" / "- about eight months.": a span the PDF's line break
  /// left at the head of the next sentence.
  private func continuedSpan(after passage: Passage, _ hasOnset: Bool) -> TextMatch? {
    guard hasOnset, let next = passage.next, next.section == passage.section,
      let match = Self.leadingSpan.firstMatch(in: next.text),
      isAboutThePain(
        passage.text.utf16.count..<passage.text.utf16.count, in: passage,
        complaintMayFollow: false)
    else { return nil }
    return match
  }

  private func span(in passage: Passage) -> Fact? {
    let text = passage.text
    if let half = halfSpan(in: passage) { return half }

    if let match = Self.durationLabel.firstMatch(in: text),
      let months = months(match.group(1), match.group(2))
    {
      return fact(months: months, rule: "painDuration.label", range: match.range, in: passage)
    }
    for span in Self.writtenSpans(in: text) {
      guard let months = months(span.amount, span.unit),
        !isReportingWindow(span.range, in: passage, isAgo: span.shape == .ago),
        isAboutThePain(span.range, in: passage, complaintMayFollow: span.shape != .lead)
      else { continue }
      return fact(months: months, rule: "painDuration.span", range: span.range, in: passage)
    }
    // "Chronic LBP (10+ yrs)": the span in a parenthesis after the complaint it qualifies.
    for match in Self.parenthesisedSpan.matches(in: text) {
      guard let months = months(match.group(1), match.group(2)),
        isAboutThePain(match.range, in: passage, complaintMayFollow: false)
      else { continue }
      return fact(months: months, rule: "painDuration.span", range: match.range, in: passage)
    }
    return nil
  }

  /// "for about two and a half years", "the past year and a half": units and a half.
  private func halfSpan(in passage: Passage) -> Fact? {
    guard let match = Self.halfSpan.firstMatch(in: passage.text),
      let unit = match.group(2) ?? match.group(4),
      let months = ClinicalWords.months(
        amount: (match.group(1).flatMap(ClinicalWords.number) ?? 1) + 0.5, unit: unit),
      isAboutThePain(match.range, in: passage, complaintMayFollow: false)
    else { return nil }
    return fact(months: months, rule: "painDuration.span", range: match.range, in: passage)
  }

  private func onset(in passage: Passage, noteDate: ClinicalDate?) -> Fact? {
    guard let noteDate else { return nil }
    // Of the whole sentence: read once, for the first lead that needs it.
    lazy var isWorsening = Self.worsening.occurs(in: passage.text)
    for match in Self.onsetLead.matches(in: passage.text) {
      let isSince = match.value.lowercased().hasPrefix("since")
      guard !(isWorsening && Self.worsens(inClauseOf: match.range, in: passage.text)),
        !Self.careLead.occurs(in: passage.text, within: 0..<match.range.lowerBound),
        !(Self.sinceThen.occurs(in: match.value) && Self.recurrence.occurs(in: passage.text)),
        isAboutThePain(match.range, in: passage, complaintMayFollow: true),
        let (onset, isYearOnly, fromItsEnd) = onsetDate(
          after: match, isSince: isSince, in: passage, noteDate: noteDate),
        onset < noteDate
      else { continue }
      // "around the end of the summer": counted from the last day of the onset month.
      let start = fromItsEnd ? onset.adding(months: 1).adding(days: -1) : onset
      let months = Double(start.days(until: noteDate)) / 30.44
      // A year alone is counted from its middle but is no onset date (the contract has no
      // year-only date).
      let detail = PainDuration(
        months: (months * 10).rounded() / 10, onset: isYearOnly ? nil : onset)
      return passage.fact(.painDuration(detail), rule: "painDuration.since")
    }
    return nil
  }

  /// "On 03/30/2026 she bent to lift a bucket and felt a sharp pain in the low back": the
  /// dated event that started the pain, counted to the note date. Not a procedure's day.
  private func injury(in passage: Passage, noteDate: ClinicalDate?) -> Fact? {
    guard let noteDate, passage.procedureMentions.isEmpty,
      treatments(in: passage).isEmpty, Self.injuryEvent.occurs(in: passage.text)
    else { return nil }
    let dated = passage.dates.first { date in
      date.date.day != nil && date.date < noteDate
        && Self.dateLead.occurs(in: passage.text, within: 0..<date.range.lowerBound)
    }
    guard let onset = dated?.date else { return nil }

    let months = Double(onset.days(until: noteDate)) / 30.44
    let detail = PainDuration(months: (months * 10).rounded() / 10, onset: onset)
    return passage.fact(.painDuration(detail), rule: "painDuration.injury")
  }

  /// The onset a lead names, whether only its year is written, and whether the lead puts
  /// it at the end of its month ("the end of the summer").
  private func onsetDate(
    after match: TextMatch, isSince: Bool, in passage: Passage, noteDate: ClinicalDate
  ) -> (ClinicalDate, Bool, Bool)? {
    let reach = isSince ? 3 + sinceHedgeLength(after: match, in: passage) : 60
    if let dated = writtenDate(after: match.range, within: reach, in: passage),
      !startsATreatment(match, before: dated, in: passage)
    {
      return (dated, false, false)
    }
    if isSince, let dated = eventDate(after: match.range, in: passage) {
      return (dated, false, false)
    }
    if let year = year(after: match, in: passage) { return (year, true, false) }
    if let (season, atItsEnd) = season(after: match, in: passage, before: noteDate) {
      return (season, false, atItsEnd)
    }
    guard Self.sinceThen.occurs(in: match.value), let previous = previousDate(of: passage)
    else { return nil }
    return (previous, false, false)
  }

  /// "since about March 2023", "since approximately 10/2024": the hedge between "since"
  /// and its date.
  private func sinceHedgeLength(after lead: TextMatch, in passage: Passage) -> Int {
    let rest = passage.slice(
      lead.range.upperBound..<min(passage.text.utf16.count, lead.range.upperBound + 20))
    return Self.sinceHedge.firstMatch(in: rest)?.range.upperBound ?? 0
  }

  /// The date written right after the lead; a date whose mention includes the lead ("since
  /// October", read by the Language stage as one expression) counts too.
  private func writtenDate(after lead: Range<Int>, within reach: Int, in passage: Passage)
    -> ClinicalDate?
  {
    let reached = passage.dates.filter {
      $0.range.lowerBound >= lead.lowerBound && $0.range.upperBound > lead.upperBound
        && $0.range.lowerBound - lead.upperBound <= reach
    }
    guard let first = reached.first else { return nil }
    // "around Labor Day last year (September 2025)": a date restated in the parenthesis right
    // after it is the one written out.
    if let restated = reached.dropFirst().first, restated.range.lowerBound > first.range.upperBound,
      passage.slice(first.range.upperBound..<restated.range.lowerBound)
        .trimmingCharacters(in: .whitespaces) == "("
    {
      return restated.date
    }
    return first.date
  }

  /// "since a fall on ice in January 2025", "since she lifted a planter in October 2025":
  /// the date of the event that started the pain, written after the event.
  /// Not a treatment: "better since she started gabapentin in January" dates the drug.
  private func eventDate(after lead: Range<Int>, in passage: Passage) -> ClinicalDate? {
    passage.dates.first { date in
      guard date.range.lowerBound > lead.upperBound,
        date.range.lowerBound - lead.upperBound <= 70
      else { return false }
      let event = lead.upperBound..<date.range.lowerBound
      return Self.eventBeforeDate.occurs(in: passage.text, within: event)
        && !treatments(in: passage).contains { $0.overlaps(event) }
    }?.date
  }

  /// "started gabapentin in January 2026": the lead dates a treatment named after it.
  private func startsATreatment(_ lead: TextMatch, before date: ClinicalDate, in passage: Passage)
    -> Bool
  {
    guard let written = passage.dates.first(where: { $0.date == date }) else { return false }
    let between = lead.range.upperBound..<max(lead.range.upperBound, written.range.lowerBound)
    return treatments(in: passage).contains { $0.overlaps(between) }
  }

  /// Medications and therapies named in the sentence; a procedure may be the inciting
  /// event ("since a wrist arthroscopy in January 2026").
  private func treatments(in passage: Passage) -> [Range<Int>] {
    (passage.hits("medications") + passage.hits("therapies")).map { passage.local($0.range) }
  }

  /// "… in August 2025 (repaired). Since then he has burning pain": the last date of the
  /// sentence before.
  /// Not after a procedure or with relief: "She had an MBB on 03/01. Since then her pain
  /// has been better" dates the relief, not the pain.
  private func previousDate(of passage: Passage) -> ClinicalDate? {
    guard let previous = passage.preceding(1).first,
      !previous.hits("procedures").contains(where: Self.isInjection),
      !Self.relieved.occurs(in: passage.text)
    else { return nil }
    return previous.dates.last?.date
  }

  /// An injection or block is a treatment; an operation or a repair may be the injury that
  /// started the pain ("nerve laceration in August 2025 (repaired). Since then …").
  private static func isInjection(_ hit: LexiconHit) -> Bool {
    hit.attributes["procedure"].map { $0 != "other" && $0 != "spineSurgery" } ?? false
  }

  /// "Started around the end of the summer", "since last spring": a season without its year
  /// is the latest such season before the visit, at its middle month (August for its end,
  /// June for its start), and whether the text puts it at the end of that month.
  private func season(after lead: TextMatch, in passage: Passage, before noteDate: ClinicalDate)
    -> (ClinicalDate, Bool)?
  {
    let rest = passage.slice(
      lead.range.upperBound..<min(passage.text.utf16.count, lead.range.upperBound + 40))
    guard let match = Self.yearlessSeason.firstMatch(in: rest),
      let name = match.group(2)?.lowercased()
    else { return nil }
    let middle = ["spring": 4, "summer": 7, "fall": 10, "autumn": 10, "winter": 1][name] ?? 7
    let edge = match.group(1)?.lowercased() ?? ""
    let shift = edge.isEmpty ? 0 : (edge.hasPrefix("early") || edge.hasPrefix("beginning") ? -1 : 1)
    let month = middle + shift < 1 ? 12 : middle + shift
    let year = month < noteDate.month ? noteDate.year : noteDate.year - 1
    return ClinicalDate(year: year, month: month).map { ($0, edge.hasPrefix("end")) }
  }

  /// "since 2022": a year alone is read as its middle, July (the annotation convention).
  private func year(after lead: TextMatch, in passage: Passage) -> ClinicalDate? {
    let rest = passage.slice(
      lead.range.upperBound..<min(passage.text.utf16.count, lead.range.upperBound + 48))
    guard let match = Self.yearOnly.firstMatch(in: rest),
      let year = match.group(2).flatMap({ Int($0) })
    else { return nil }
    let season = match.group(1)?.lowercased() ?? ""
    let month =
      season.hasPrefix("early") || season.hasPrefix("winter")
      ? 2
      : season.hasPrefix("spring")
        ? 4
        : season.hasPrefix("late")
          ? 11
          : season.hasPrefix("fall") || season.hasPrefix("autumn") || season.hasPrefix("the fall")
            ? 10 : 7
    return ClinicalDate(year: year, month: month)
  }

  private func months(_ amount: String?, _ unit: String?) -> Double? {
    guard let amount = amount.flatMap(ClinicalWords.number), let unit else { return nil }
    return ClinicalWords.months(amount: amount, unit: unit)
  }

  private func fact(months: Double, rule: String, range: Range<Int>, in passage: Passage)
    -> Fact?
  {
    let context = passage.context(ofLocal: range)
    // Negation is not read here: "started without injury in November, so five months" is
    // still five months of pain.
    guard !context.isHypothetical, !context.isOtherPerson else { return nil }
    // "It began after a fall in July 2025, so roughly 8 months": the onset written with it.
    let onset = writtenOnset(ofSpanAt: range, in: passage)
    let detail = PainDuration(months: (months * 10).rounded() / 10, onset: onset)
    return passage.fact(.painDuration(detail), rule: rule, context: context)
  }

  /// The onset written with a span: the date after an onset word ("for about 7 months,
  /// since January 2026", "14 months ago, in May 2025", "for 18 months after a collision
  /// in 09/2024"), else the date before the span in a sentence that names an onset.
  private func writtenOnset(ofSpanAt span: Range<Int>, in passage: Passage) -> ClinicalDate? {
    let text = passage.text
    let leads = Self.onsetWords.matches(in: text) + Self.agoIn.matches(in: text)
    guard !leads.isEmpty else { return nil }
    for lead in leads.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
      if let date = passage.dates.first(where: {
        $0.range.upperBound > lead.range.upperBound
          && $0.range.lowerBound - lead.range.upperBound <= 60
      }) {
        return date.date
      }
    }
    return passage.dates.first { $0.range.upperBound <= span.lowerBound }?.date
  }

  /// "Average pain over the past two weeks is 7/10", "the pain has crept back over the last
  /// two weeks": a window of the report or a recurrence, not the complaint's duration.
  private func isReportingWindow(_ span: Range<Int>, in passage: Passage, isAgo: Bool) -> Bool {
    let text = passage.text
    let after = span.upperBound..<min(text.utf16.count, span.upperBound + 30)
    if Self.ofActivity.occurs(in: text, within: after) { return true }
    // "more than 12 weeks of benzodiazepine": the length of a treatment named after it.
    let treatmentAfter = (passage.hits("medications") + passage.hits("therapies")).contains {
      let start = passage.local($0.range).lowerBound
      guard start >= span.upperBound, start - span.upperBound <= 25 else { return false }
      return Self.ofTreatment.occurs(in: passage.text, within: span.upperBound..<start)
    }
    if treatmentAfter { return true }
    // "has controlled his pain well for seven years": how long a treatment has worked.
    if Self.controlled.occurs(in: text, within: max(0, span.lowerBound - 40)..<span.lowerBound) {
      return true
    }
    // "came back in October 2025, six months ago": a recurrence dated back from today is
    // the complaint under review; "has crept back over the last two weeks" is not.
    if !isAgo, Self.recurrence.occurs(in: text) { return true }
    // The 30 units before the span and the span itself, as one stretch.
    return Self.windowLead.occurs(in: text, within: max(0, span.lowerBound - 30)..<span.upperBound)
      && !PainScoreRule.scores(in: passage).isEmpty
  }

  /// Whether the nearest head noun before a span is the complaint rather than a treatment.
  private func isAboutThePain(_ span: Range<Int>, in passage: Passage, complaintMayFollow: Bool)
    -> Bool
  {
    // A semicolon starts a new statement: "Leg pain resolved until late 2025; since
    // November the left leg pain has returned".
    let clauseStart = Self.clauseStart(before: span.lowerBound, in: passage.text)
    let before =
      String(repeating: " ", count: clauseStart) + passage.slice(clauseStart..<span.lowerBound)
    let complaint = Self.complaintWords.matches(in: before).last?.range
    let treatmentEnds =
      (passage.hits("therapies") + passage.hits("medications") + passage.hits("procedures"))
      .map { passage.local($0.range).upperBound }
      .filter { $0 <= span.lowerBound && $0 > clauseStart }
      + Self.treatmentWords.matches(in: before).map(\.range.upperBound)
    let treatment = treatmentEnds.max() ?? -1
    guard let complaint else {
      let onset = Self.onsetWords.occurs(in: before)
      return treatment < 0 && (complaintMayFollow || onset)
        && (complaintFollows(span, in: passage) || onset
          || (before.allSatisfy(\.isWhitespace) && followsTheComplaint(passage)))
    }
    // "physical therapy for CRPS since November": the complaint is the therapy's object.
    return treatment < 0
      || (complaint.upperBound > treatment && complaint.lowerBound - treatment > 12)
  }

  /// Whether the complaint is named in the 100 characters from the span on.
  private func complaintFollows(_ span: Range<Int>, in passage: Passage) -> Bool {
    let after = passage.slice(span.lowerBound..<passage.text.utf16.count)
    return Self.complaintWords.occurs(in: String(after.prefix(100)))
  }

  /// Whether the clause holding a lead says the pain grew worse, which makes the lead date a
  /// change ("Since January, the spasms have increased"), not an onset. Another clause's
  /// change does not: "came back in April 2025 and has not let up since; the low back ache
  /// has worsened over the past year".
  private static func worsens(inClauseOf lead: Range<Int>, in text: String) -> Bool {
    let start = clauseStart(before: lead.lowerBound, in: text)
    let end =
      text.utf16.dropFirst(lead.upperBound).firstIndex(of: clauseBreak)
      .map { text.utf16.distance(from: text.utf16.startIndex, to: $0) } ?? text.utf16.count
    return worsening.occurs(in: text, within: start..<end)
  }

  /// The offset after the last semicolon before `end`, or 0.
  private static func clauseStart(before end: Int, in text: String) -> Int {
    var start = 0
    for (offset, unit) in text.utf16.prefix(end).enumerated() where unit == clauseBreak {
      start = offset + 1
    }
    return start
  }

  /// "… low back pain and aching in both legs. Started around the end of the summer.",
  /// "Chief complaint: neck pain. Onset: 02/2020.": a sentence opening with its onset
  /// speaks of the complaint the sentence before names, when that one names no treatment.
  private func followsTheComplaint(_ passage: Passage) -> Bool {
    guard let previous = passage.preceding(1).first else { return false }
    let treatments =
      previous.hits("therapies") + previous.hits("medications") + previous.hits("procedures")
    return treatments.isEmpty && Self.complaintWords.occurs(in: previous.text)
  }

  private static let number = ClinicalWords.numberPattern + "|an?"
  private static let unit = #"(weeks?|wks?|months?|mos?|mths?|years?|yrs?)"#
  private static let hedge =
    #"(?:about\s+|approximately\s+|roughly\s+|around\s+|nearly\s+|almost\s+|over\s+|more than\s+"#
    + #"|just over\s+|at least\s+|~\s*|>\s*)?"#
  /// What every reading of the rule needs: a span, an onset word or lead, or an injury.
  /// Their literals turn away the many sentences that can hold none of them.
  private static let durationWords = AnyOfPatterns([
    soSpan, onsetWords, halfSpan, durationLabel, spans, parenthesisedSpan, onsetLead, injuryEvent,
  ])
  /// The spans of `SpanShape`, as one alternation: what `spanMatches(in:)` finds.
  private static let spans = TextPattern(SpanShape.allCases.map(\.pattern).joined(separator: "|"))
  private static let spanShapes = SpanShape.allCases.map { ($0, TextPattern($0.pattern)) }

  /// The shapes a span of the complaint's length is written in, in the order the
  /// alternation `spans` tries them; each captures the amount and the unit.
  private enum SpanShape: CaseIterable {
    /// "for 5 months", "x 1 yr", "over the past 2 years", "> 6 weeks".
    case lead
    /// "a 6-week history", "3 month duration".
    case history
    /// "14 months of leg pain".
    case ofPain
    /// "began 2 years ago", "6 months prior".
    case ago

    var pattern: String {
      switch self {
      case .lead:
        #"(?:\b(?:for|x|over|of|past|last|approximately|about|roughly|nearly|almost|greater than"#
          + #"|more than)|×|>)\s*"#
          + #"(?:the\s+)?(?:past\s+|last\s+)?"# + hedge + #"("# + number + #")\+?\s*"# + unit
          + #"\b(?!\s+ago)"#
      case .history:
        #"\b("# + number + #")[- ]"# + unit + #"\s+(?:history|duration)\b"#
      case .ofPain:
        #"\b("# + number + #")\+?\s*"# + unit
          + #"\s+of\s+(?:\S+\s+){0,5}?(?:pain|symptoms|sciatica|LBP)\b"#
      case .ago:
        #"\b(?:began|started|start|onset|beginning)?\s*"# + hedge + #"("# + number + #")\s*"#
          + unit + #"\s+(?:ago|prior)\b"#
      }
    }
  }

  /// A span the text writes in one of the shapes, with its amount and unit as written.
  private struct WrittenSpan {
    let shape: SpanShape
    let range: Range<Int>
    let amount: String?
    let unit: String?
  }

  /// Every match of the alternation `spans`, in order, found as ICU finds them: at the
  /// first offset where a shape matches, the first shape in order that does, the search
  /// going on from the match's end. Each shape is searched alone: ICU tries every branch of
  /// an alternation at nearly every offset, which cost several times the shapes' own
  /// searches. Where a shape's own matches cannot tell what it matches from an offset (one
  /// of them straddles it), the alternation itself is searched.
  ///
  /// Known shortcoming: the merge is written here for one alternation, while
  /// `TextPatternAlternation` gives only a first match; every match of an alternation
  /// searched branch by branch belongs there, once it can also renumber the whole
  /// alternation's groups for the fallback, so that other rules need not copy this.
  private static func writtenSpans(in text: String) -> [WrittenSpan] {
    let found = spanShapes.map { shape, pattern in (shape, pattern.matches(in: text)) }
    var next = found.map { _ in 0 }
    var written: [WrittenSpan] = []
    var cursor = 0
    while true {
      var earliest: WrittenSpan?
      for (index, (shape, matches)) in found.enumerated() {
        while next[index] < matches.count, matches[next[index]].range.lowerBound < cursor {
          guard matches[next[index]].range.upperBound <= cursor else {
            return alternationSpans(in: text)
          }
          next[index] += 1
        }
        guard next[index] < matches.count else { continue }
        let match = matches[next[index]]
        if match.range.lowerBound < earliest?.range.lowerBound ?? Int.max {
          earliest = WrittenSpan(
            shape: shape, range: match.range, amount: match.group(1), unit: match.group(2))
        }
      }
      guard let earliest else { break }
      written.append(earliest)
      cursor = earliest.range.upperBound
    }
    assert(
      written.map(\.range) == spans.matches(in: text).map(\.range),
      "the span shapes searched apart match otherwise than their alternation")
    return written
  }

  /// The matches of the alternation `spans` itself, each read by the shape whose groups
  /// took part.
  private static func alternationSpans(in text: String) -> [WrittenSpan] {
    spans.matches(in: text).compactMap { match in
      let shapes = SpanShape.allCases
      guard let index = shapes.indices.first(where: { match.group(2 * $0 + 2) != nil }) else {
        return nil
      }
      return WrittenSpan(
        shape: shapes[index], range: match.range, amount: match.group(2 * index + 1),
        unit: match.group(2 * index + 2))
    }
  }

  private static let parenthesisedSpan = TextPattern(parenthesisedSpanPattern)
  private static let parenthesisedSpanPattern =
    #"\(\s*"# + hedge + #"("# + number + #")\+?\s*"# + unit + #"\b\.?\s*\)"#
  /// "Duration: 8 months", "Duration of symptoms: 6 mo".
  private static let durationLabel = TextPattern(durationLabelPattern)
  private static let durationLabelPattern =
    #"\b(?:duration(?: of (?:symptoms|pain|complaint))?|symptom duration|pain duration)\s*[:=-]\s*"#
    + hedge + #"("#
    + number + #")\+?\s*"# + unit + #"\b"#
  /// "whom I have followed … since November 2025": how long the clinician has known her.
  private static let ofTreatment = TextPattern(#"^\s*(?:of|on)\s+(?:\S+\s+){0,2}$"#)
  private static let careLead = TextPattern(
    #"\b(?:followed|seen|treated|cared for|under (?:my|our) care|known (?:him|her))\b"#)
  private static let soSpan = TextPattern(soSpanPattern)
  private static let soSpanPattern =
    #"\bso\s+(?:it has been going on for |it has been |we are at |that is |that's |now )?"# + hedge
    + #"("# + number + #")\s*"# + unit + #"\b"#
  private static let onsetLead = TextPattern(onsetLeadPattern)
  private static let onsetLeadPattern =
    #"\b(?:since then|ever since|since|began|started|beginning|onset|starting|first noticed"#
    + #"|noticed|developed|date back to|dating back to|dates to|(?:came back|returned"#
    + #"|recurred) in|(?:dates|traces) (?:the|her|his|their) (?:\w+ ){1,3}?(?:back )?to)\b"#
  /// "felt a sharp pain", "felt a pop", "injured her back", "slipped and fell".
  private static let injuryEvent = TextPattern(injuryEventPattern)
  private static let injuryEventPattern =
    #"\b(?:felt|noted|noticed|experienced)\s+(?:an?\s+)?(?:(?:sudden|sharp|acute|severe|"#
    + #"immediate|searing|tearing)\s+)*(?:pain|pop|twinge|tearing)\b"#
    + #"|\b(?:injured|hurt|strained|twisted|wrenched)\s+(?:his|her|their|the)\b"#
    + #"|\b(?:slipped|tripped) and fell\b|\bwas rear-?ended\b"#
  /// "On 03/30/2026 she …", "on 3/30 while lifting": the day the event happened.
  private static let dateLead = TextPattern(#"\b(?:on|in|at work on)\s*$"#)
  /// "around the end of the summer", "last spring", "in early fall" (no year after it).
  private static let yearlessSeason = TextPattern(
    #"^\s*(?:(?:around|about|in|during|over|last|this|the)\s+)*(?:the\s+)?"#
      + #"(end of (?:the\s+)?|late\s+|early\s+|beginning of (?:the\s+)?)?"#
      + #"(spring|summer|fall|autumn|winter)\b(?!\s*(?:of\s+)?(?:19|20)\d{2})"#)
  private static let sinceHedge = TextPattern(
    #"^\s*(?:about|around|approximately|approx\.?|roughly|circa|ca\.|~|early|mid-?|late)\s*"#)
  /// "Since June, the spasms have increased sharply": a change, not the onset.
  private static let worsening = TextPattern(
    #"\b(?:has|have) (?:\w+ )?(?:increased|worsened|intensified|escalated)\b"#)
  /// "for about two and a half years", "for the past year and a half", "x 1 and a half yrs".
  private static let halfSpan = TextPattern(halfSpanPattern)
  private static let halfSpanPattern =
    #"(?:\b(?:for|over|of|past|last)|\bx|×)\s*(?:the\s+)?(?:past\s+|last\s+)?"# + hedge
    + #"(?:("# + ClinicalWords.numberPattern + #"|an?)\s+and\s+a\s+half\s+"# + unit
    + #"|(an?\s+|one\s+)?"# + unit + #"\s+and\s+a\s+half)\b"#
  private static let leadingSpan = TextPattern(
    #"^\s*[-–—]\s*"# + hedge + #"("# + number + #")\s*"# + unit + #"\b"#)
  private static let controlled = TextPattern(
    #"\b(?:controlled|managed|relieved|kept|eased|helped)\s+(?:\w+\s+){0,2}?(?:pain"#
      + #"|symptoms)\s+(?:\w+\s+)?$"#
  )
  /// "fourteen months ago, in May 2025", "after a rear-end collision in 09/2024".
  private static let agoIn = TextPattern(
    #"\bago,?\s+in\b|\b(?:after|following) (?:a|an|the|his|her)\b|\(onset\b"#)
  private static let relieved = TextPattern(
    #"\b(?:better|improved|improvement|relief|relieved|helped|controlled|resolved|less)\b"#)
  private static let sinceThen = TextPattern(#"^(?:since then|ever since)$"#)
  private static let clauseBreak = UInt16(UInt8(ascii: ";"))
  /// The event between "since" and its date: "a fall on ice in", "she lifted a heavy
  /// planter in", "a wrist arthroscopy in".
  private static let eventBeforeDate = TextPattern(
    #"^\s*(?:a|an|the|his|her|their|he|she|they|my|[a-z]+ing)\b[^,;.()]{0,60}\b(?:in|on|of)\s*$"#)
  /// "since a wrist arthroscopy in January 2026, about 8 months", "(14 months)", "since the
  /// summer - about eight months": the span a history gives after the onset.
  private static let spanAfterOnset = TextPattern(
    #"(?:,|\(|\s[-–—])\s*"# + hedge + #"("# + number + #")\s*"# + unit
      + #"\b(?!\s+(?:ago|prior|later|after|before))"#)
  private static let yearOnly = TextPattern(
    #"^(?:\s*(?:a|an|the|his|her)\s+(?:[a-z-]+\s+){0,3}?in)?\s*(?:in\s+)?~?\s*(?:(?:about|around"#
      + #"|approximately|circa|roughly|a|an|his|her)\s+)?(early |late |mid-?|the summer of "#
      + #"|summer |the fall of |fall |autumn |spring |winter )?((?:19|20)\d{2})\b(?!\s*[/-]\d)"#
  )
  private static let onsetWords = TextPattern(onsetWordsPattern)
  private static let onsetWordsPattern =
    #"\b(?:began|started|starting|onset|first noticed|developed|date back|began after|since)\b"#
  private static let complaintWords = TextPattern(
    #"\b(?:pain|ache|aching|symptoms?|trouble|sciatica|complaints?|discomfort|LBP|radiculopathy|"#
      + #"CRPS|neuralgia|burning|spasticity|spasms|Sx|headaches?|migraines?|rash|zoster"#
      + #"|shingles)\b"#
  )
  private static let treatmentWords = TextPattern(
    #"\b(?:relief|improvement|improved|therapy|PT|sessions?|treatment|trial|taking|pump"#
      + #"|stimulator|implant\w*|"#
      + #"medications?|injection|block|program|exercises?|stopped|used|resolution|resolved|free"#
      + #"|care|followed|"#
      + #"attendance|attending)\b"#
  )
  private static let ofActivity = TextPattern(
    #"^\s*(?:of (?:work|school|PT|therapy|oral|medication|conservative)"#
      + #"|after (?:\S+\s+)?(?:surgery|fusion|the|his|her|injury|accident|laminectomy"#
      + #"|discectomy|operation|implant\w*))\b"#
  )
  private static let recurrence = TextPattern(
    #"\b(?:crept back|came back|returned|recurred|has recurred|resolved|resolution|pain-free"#
      + #"|pain free)\b"#
  )
  private static let windowLead = TextPattern(#"\b(?:over|during|in) the (?:past|last)\b"#)
}
