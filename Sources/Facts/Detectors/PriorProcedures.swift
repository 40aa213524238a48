import Model

/// Finds procedures the patient has already had, with date, region, levels and side.
///
/// A procedure counts as prior when the sentence puts it in the past ("s/p", "underwent",
/// "after the", a date before the note, a history trigger) or the document is the
/// procedure's own note. A planned, requested, offered or conditional procedure is not a
/// prior procedure. One mention dated twice ("MBBs on 02/10/2026 and 02/24/2026") is two
/// procedures.
struct PriorProcedureRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    let hits = passage.hits("procedures").filter { !Self.isAnatomical($0, passage) }
    guard !hits.isEmpty else { return [] }
    let isProcedureNote = Self.isProcedureNote(passage.note)
    let noteDate = passage.note.dateOfService ?? reading.noteDate

    return hits.enumerated().flatMap { index, hit -> [Fact] in
      let context = passage.context(of: hit)
      let local = passage.local(hit.range)
      guard !Self.isImagingStatement(passage), !context.isNegated, !context.isOtherPerson,
        !context.isHypothetical,
        !context.isUncertain, !Self.isDenied(local, passage), !Self.isFuture(local, passage),
        let reference = ProcedureReference.reference(hit, in: passage)
      else { return [] }

      var dates = Self.dates(of: index, among: hits, in: passage)
      let isPast =
        context.isHistorical || Self.pastWords.occurs(in: passage.text)
        || dates.contains { noteDate.map($0.isBefore) ?? true }
        || (isProcedureNote && passage.section?.isPlan != true)
      guard isPast else { return [] }
      if dates.isEmpty, isProcedureNote, let date = passage.note.dateOfService { dates = [date] }
      // Shortcoming: a procedure dated only by its year ("ESI x2 (2023)") is left out,
      // because a fact's date key cannot hold a year alone and the annotation omits it;
      // the history is then silent about it rather than undated.
      if dates.isEmpty, Self.yearOnly.occurs(in: passage.text) { return [] }
      if let noteDate, !isProcedureNote { dates = dates.filter { !noteDate.isBefore($0) } }

      return (dates.isEmpty ? [nil] : dates.map(Optional.some)).map { date in
        let detail = PriorProcedure(
          procedure: reference.kind, date: date, region: reference.region,
          side: reference.side, levels: reference.levels.isEmpty ? nil : reference.levels)
        return passage.fact(
          .priorProcedure(detail), rule: "priorProcedure", hits: [hit], context: context)
      }
    }
  }

  /// "The CT of 04/14/2026 shows solid fusion": an imaging finding about an operation,
  /// dated by the study.
  private static func isImagingStatement(_ passage: Passage) -> Bool {
    let modality = passage.hits("imaging-findings").contains { $0.attributes["modality"] != nil }
    return modality && studyVerb.occurs(in: passage.text)
  }

  private static let studyVerb = TextPattern(
    #"\b(?:shows?|showed|demonstrat\w*|reveal\w*|confirm\w*|without evidence)\b"#)

  /// Whether the note is the report of a procedure (its findings are that procedure's).
  static func isProcedureNote(_ note: Note) -> Bool {
    procedureHeading.occurs(in: note.heading) && !followUpHeading.occurs(in: note.heading)
  }

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
    let after = passage.dates.filter {
      $0.range.lowerBound >= local.upperBound && $0.range.upperBound <= nextStart
    }
    if let first = after.first {
      var joined = [first.date]
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
    }
    return before.last.map { [$0.date] } ?? []
  }

  /// "epidural phlegmon", "epidural fibrosis": the word names a space, not the injection.
  private static func isAnatomical(_ hit: LexiconHit, _ passage: Passage) -> Bool {
    let local = passage.local(hit.range)
    let after = passage.slice(
      local.upperBound..<min(passage.text.utf16.count, local.upperBound + 20))
    return anatomicalNoun.occurs(in: after)
  }

  private static func isDenied(_ hit: Range<Int>, _ passage: Passage) -> Bool {
    let before = passage.slice(max(0, hit.lowerBound - 30)..<hit.lowerBound)
    return denial.occurs(in: before)
  }

  private static func isFuture(_ hit: Range<Int>, _ passage: Passage) -> Bool {
    let before = passage.slice(max(0, hit.lowerBound - 60)..<hit.lowerBound)
    let purpose = passage.slice(max(0, hit.lowerBound - 30)..<hit.lowerBound)
    let after = passage.slice(hit.upperBound..<min(passage.text.utf16.count, hit.upperBound + 40))
    return futureWords.occurs(in: before) || purposeLead.occurs(in: purpose)
      || requestAfter.occurs(in: after)
      || (passage.section?.isPlan == true && !pastWords.occurs(in: passage.text))
  }

  private static let procedureHeading = TextPattern(
    #"\b(?:procedure note|procedure report|operative (?:note|report)|op note|procedure performed|procedure:|name of procedure|brief op note)\b"#
  )
  private static let followUpHeading = TextPattern(
    #"\b(?:follow[- ]up|post-?procedure (?:visit|call|check)|office visit|consult\w*|visit note)\b"#
  )
  private static let pastWords = TextPattern(
    #"\b(?:s/p|status post|underwent|had|has had|have had|received|prior|previous|previously|last|was performed|were performed|performed on|performed|completed|done|got|after (?:the|his|her|a|an|each|both|two|\w+ing)|following (?:the|his|her|a|an)|since (?:the|his|her)|ago|history of|h/o|hx|responded|relief|improvement|helped|gave)\b"#
  )
  private static let futureWords = TextPattern(
    #"\b(?:plan(?:s|ned)?|planning|request\w*|schedul\w*|will|would|recommend\w*|candidate for|proceed with|consider\w*|authoriz\w*|next step|propose\w*|to undergo|pending|repeat|order\w*|intend\w*|upcoming|future|discuss\w*|offered|declined|deciding|options?|if|CPT|asks? (?:about|for)|asking (?:about|for)|interested in|wants?|in support of|support of)\b"#
  )
  /// "cleared for SCS", "referred for RFA": the procedure a sentence is for.
  private static let purposeLead = TextPattern(
    #"\b(?:for|to)\s+(?:an?\s+|the\s+|repeat\s+|\S+\s+)?$"#)
  private static let requestAfter = TextPattern(#"\b(?:CPT|requested|scheduled|planned)\b"#)
  private static let denial = TextPattern(
    #"\b(?:no|denies|never had|never underwent|without|not had)\s+(?:\S+\s+){0,2}$"#)
  private static let dateJoin = TextPattern(#"^\s*(?:,|and|&|/|then)\s*(?:and\s+)?(?:on\s+)?$"#)
  private static let anatomicalNoun = TextPattern(
    #"^\s*(?:phlegmon|abscess|fibrosis|lipomatosis|space|hematoma|fat|catheter|scar\w*|enhancement|mass|collection|venous)\b"#
  )
  /// A procedure dated only by a year ("ESI x2 (2023)") cannot be placed within days.
  private static let yearOnly = TextPattern(#"\b(?:in|\(|since)\s*(?:19|20)\d{2}\b(?![/-]\d)"#)
}

extension ClinicalDate {
  /// Whether this date is before another (a month-only date counts as its first day).
  func isBefore(_ other: ClinicalDate) -> Bool { self < other && !matches(other) }

  /// Whether this date is after another (a month-only date counts as its first day).
  func isAfter(_ other: ClinicalDate) -> Bool { other < self && !matches(other) }
}
