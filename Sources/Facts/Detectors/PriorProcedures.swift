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
    let hits = passage.procedureMentions.filter { !Self.namesSomethingElse($0, passage) }
    let noteDate = passage.note.dateOfService ?? reading.noteDate
    guard !hits.isEmpty else { return Self.anaphoricallyDated(in: passage, noteDate: noteDate) }
    let isProcedureNote = Self.isProcedureNote(passage.note)

    return hits.enumerated().flatMap { index, hit -> [Fact] in
      let context = passage.context(of: hit)
      guard !context.isNegated, !context.isOtherPerson, !context.isHypothetical,
        !context.isUncertain
      else { return [] }
      let local = passage.local(hit.range)
      // What rejects the mention whatever its dates, asked before they are read.
      guard !Self.isImagingStatement(local, passage), !Self.isDenied(local, passage),
        !Self.isPlanned(local, passage)
      else { return [] }
      var dates = ProcedureDates.dates(of: index, among: hits, in: passage)
      if let noteDate, let date = ProcedureDates.relativeDate(of: local, in: passage, noteDate) {
        dates = [date]
      } else if dates.isEmpty, let noteDate,
        let month = ProcedureDates.yearlessMonth(after: local, in: passage, noteDate)
      {
        dates = [month]
      }
      let hasPastDate = dates.contains { noteDate.map($0.isBefore) ?? true }
      guard hasPastDate || !Self.isRepeat(local, passage) else { return [] }

      // Whether the procedure is past, its reference read only when its kind decides it.
      let isPastWhateverKind =
        context.isHistorical || hasPastDate || (isProcedureNote && passage.section?.isPlan != true)
        || Self.hasPastWords(passage)
      guard isPastWhateverKind || Self.isDatedByYear(passage),
        let reference = ProcedureReference.reference(hit, in: passage),
        isPastWhateverKind || reference.kind == .coronaryRevascularization
      else { return [] }
      if Self.isTherapyAttribute(local, passage) { dates = [] }
      if dates.isEmpty, isProcedureNote, let date = passage.note.dateOfService { dates = [date] }
      // Shortcoming: a procedure dated only by its year ("ESI x2 (2023)") is left out,
      // because a fact's date key cannot hold a year alone and the annotation omits it;
      // the history is then silent about it rather than undated.
      // A coronary revascularization matters for what it was, not when: kept undated.
      if dates.isEmpty, reference.kind != .coronaryRevascularization,
        Self.isDatedByYear(passage)
      {
        return []
      }
      if let noteDate, !isProcedureNote { dates = dates.filter { !noteDate.isBefore($0) } }

      return (dates.isEmpty ? [nil] : dates.map(Optional.some)).map { date in
        let kind =
          date.map { Self.isRemoval(of: hit, on: $0, in: passage) } == true
          ? .deviceRemoval : reference.kind
        let detail = PriorProcedure(
          procedure: kind, date: date, region: reference.region,
          side: reference.side, levels: reference.levels.isEmpty ? nil : reference.levels)
        return passage.fact(
          .priorProcedure(detail), rule: "priorProcedure", hits: [hit], context: context)
      }
    }
  }

  /// "The first block was 02/24/2026.", "Trial start 10/06/26.": a dated sentence that
  /// names no procedure but points back to one named in the sentences before it.
  private static func anaphoricallyDated(in passage: Passage, noteDate: ClinicalDate?) -> [Fact] {
    // The sentence's dates first, then its place: most sentences have no earlier date, and
    // a section's name is compared as text.
    guard
      let date = passage.dates.first(where: { noteDate.map($0.date.isBefore) ?? true })?.date,
      passage.section?.isPlan != true, let pointer = anaphor.firstMatch(in: passage.text),
      !futureWords.occurs(in: passage.text), !consentWords.occurs(in: passage.text),
      !passage.context(ofLocal: pointer.range).isNegated
    else { return [] }

    let noun = (pointer.group(1) ?? pointer.group(2) ?? "").lowercased()
    for earlier in passage.preceding(5) {
      let named = earlier.procedureMentions.compactMap { hit in
        ProcedureReference.reference(hit, in: earlier)
      }
      guard
        let reference = named.last(where: { ProcedureReference.pointing(noun, canName: $0.kind) })
      else {
        continue
      }
      let detail = PriorProcedure(
        procedure: reference.kind, date: date, region: reference.region, side: reference.side,
        levels: reference.levels.isEmpty ? nil : reference.levels)
      return [
        passage.fact(
          .priorProcedure(detail), rule: "priorProcedure.anaphoric", hits: reference.hits,
          context: passage.context(ofLocal: pointer.range))
      ]
    }
    return []
  }

  /// "pump (implanted 02/2019) was removed on 03/17/2026", "explant pump + cath 04/02/2026":
  /// a device's date that its removal words, written just before it, make the removal's.
  private static func isRemoval(of hit: LexiconHit, on date: ClinicalDate, in passage: Passage)
    -> Bool
  {
    guard hit.attributes["procedure"] == ProcedureKind.other.rawValue,
      let service = hit.attributes["service"], implantServices.contains(service)
    else { return false }
    let hitStart = passage.local(hit.range).lowerBound
    let dates = passage.dates
    guard let index = dates.firstIndex(where: { $0.date == date }) else { return false }
    let start = index > 0 ? dates[index - 1].range.upperBound : 0
    let before = passage.slice(max(start, hitStart - 40)..<dates[index].range.lowerBound)
    guard let removal = removalWords.matches(in: before).last else { return false }
    let implant = implantWords.matches(in: before).last
    return implant.map { $0.range.lowerBound < removal.range.lowerBound } ?? true
  }

  private static let implantServices: Set<String> = [
    "spinalCordStimulator", "intrathecalPump", "intrathecalAccess", "explant",
  ]
  private static let removalWords = TextPattern(
    #"\b(?:explant\w*|remov\w*|taken out|extracted)\b"#)
  private static let implantWords = TextPattern(
    #"\b(?:implant\w*|placed|placement|inserted|insertion|replaced|replacement|since)\b"#)

  /// "PT post-TKA 06/2025-12/2025": an operation naming the course of a therapy, whose
  /// dates are the therapy's.
  private static func isTherapyAttribute(_ hit: Range<Int>, _ passage: Passage) -> Bool {
    passage.hits("therapies").contains { therapy in
      let end = passage.local(therapy.range).upperBound
      guard end <= hit.lowerBound, hit.lowerBound - end <= 14 else { return false }
      return therapyLink.occurs(in: passage.text, within: end..<hit.lowerBound)
    }
  }

  private static let therapyLink = TextPattern(
    #"^\s*(?:post-?|after|following|s/p)\s*(?:(?:his|her|the)\s+)?$"#)
  /// "Consent for the procedure was signed 03/10/2026": the paperwork of a procedure to come.
  private static let consentWords = TextPattern(
    #"\b(?:consent\w*|explained|risks|benefits|alternatives|pre-?op\w*|instructions)\b"#)
  /// "The first block was 02/24/2026", "the injection on 3/2", "Last inj 7/8/26",
  /// "Trial start 10/06/26".
  private static let anaphor = TextPattern(
    #"\b(?:the|that|this|his|her|first|second|third|last|previous|prior|most recent)\s+"#
      + #"(?:\S+\s+){0,2}?(blocks?|injections?|injs?|procedures?|trial|surgery|operation"#
      + #"|ablation)\b"#
      + #"|^\s*(trial)\s+(?:start\w*|began|begun|dates?|placed|placement)\b"#)

  /// "The CT of 04/14/2026 shows solid fusion": an imaging finding about an operation,
  /// dated by the study: a study, then its verb, then the procedure. "Arachnoiditis
  /// confirmed on MRI, which followed a microdiscectomy in 2020" reports the operation.
  private static func isImagingStatement(_ hit: Range<Int>, _ passage: Passage) -> Bool {
    let studies = passage.hits("imaging-findings").filter { $0.attributes["modality"] != nil }
    return studies.contains { study in
      let end = passage.local(study.range).upperBound
      guard end <= hit.lowerBound else { return false }
      return studyVerb.occurs(in: passage.text, within: end..<hit.lowerBound)
    }
  }

  private static let studyVerb = TextPattern(
    #"\b(?:shows?|showed|demonstrat\w*|reveal\w*|confirm\w*|without evidence)\b"#)

  /// Whether the note is the report of a procedure (its findings are that procedure's): its
  /// title says so, or its banner dates the procedure ("Date of procedure: 07/08/2026").
  static func isProcedureNote(_ note: Note) -> Bool {
    note.remembered(.isProcedureNote) {
      // The heading first: the opening is a new string, to be cut out and prepared.
      guard !followUpHeading.occurs(in: note.heading) else { return false }
      return procedureHeading.occurs(in: note.heading) || opensWithProcedureDate(note)
    }
  }

  /// Whether the note's opening labels the date of its procedure. A document without the
  /// label's words has none in its opening: the document's text, which the case's first
  /// searches prepared, is asked before the opening is cut out and prepared.
  private static func opensWithProcedureDate(_ note: Note) -> Bool {
    let text = note.document.text
    guard procedureDateLabel.mayOccur(in: SearchableText.of(text)) else { return false }
    return procedureDateLabel.occurs(in: String(text.prefix(800)))
  }

  /// Whether the procedure's word names something else: a space or a service
  /// (`isAnatomical`), or a condition after an operation ("post-laminectomy pain",
  /// "post-thoracotomy syndrome", whose operation the history tells elsewhere).
  private static func namesSomethingElse(_ hit: LexiconHit, _ passage: Passage) -> Bool {
    let text = passage.text
    let local = passage.local(hit.range)
    let after = local.upperBound..<min(text.utf16.count, local.upperBound + 20)
    if isAnatomical(after: after, in: text) { return true }
    return conditionPrefix.occurs(in: text, within: max(0, local.lowerBound - 5)..<local.lowerBound)
      && conditionNoun.occurs(in: text, within: after)
  }

  private static let conditionPrefix = TextPattern(#"\bpost[- ]?$"#)
  private static let conditionNoun = TextPattern(
    #"^\s*(?:pain|syndrome|neuralgia|radiculopathy|changes?)\b"#)

  /// "epidural phlegmon", "epidural fibrosis": the word names a space, not the injection;
  /// "spine surgery consult": a service, not an operation.
  private static func isAnatomical(after: Range<Int>, in text: String) -> Bool {
    guard spaceOrService.mayOccur(in: text) else { return false }
    let words = text.slice(after)
    return anatomicalNoun.occurs(in: words) || serviceNoun.occurs(in: words)
  }

  private static let spaceOrService = AnyOfPatterns([anatomicalNoun, serviceNoun])

  private static func isDenied(_ hit: Range<Int>, _ passage: Passage) -> Bool {
    denial.occurs(in: passage.text, within: max(0, hit.lowerBound - 30)..<hit.lowerBound)
  }

  /// Whether the procedure is planned, requested or offered, whatever its dates.
  private static func isPlanned(_ hit: Range<Int>, _ passage: Passage) -> Bool {
    let text = passage.text
    let purpose = max(0, hit.lowerBound - 30)..<hit.lowerBound
    let after = hit.upperBound..<min(text.utf16.count, hit.upperBound + 40)
    return futureWords.occurs(in: text, within: lead(of: hit))
      || purposeLead.occurs(in: text, within: purpose)
      || isOptionFrame(passage)
      || requestAfter.occurs(in: text, within: after)
      || (passage.section?.isPlan == true && !hasPastWords(passage))
  }

  /// Whether "repeat" leads to the procedure, which marks a plan only when the procedure
  /// has no date before the visit ("repeat right L5 TFESI 7/15/2025").
  private static func isRepeat(_ hit: Range<Int>, _ passage: Passage) -> Bool {
    repeatWord.occurs(in: passage.text, within: lead(of: hit))
  }

  /// The words before a procedure that may make it a plan.
  private static func lead(of hit: Range<Int>) -> Range<Int> {
    max(0, hit.lowerBound - 60)..<hit.lowerBound
  }

  // What the whole sentence says, read once for all the procedures it names.

  private static func hasPastWords(_ passage: Passage) -> Bool {
    remembered(.priorProcedurePastWords, of: passage) { pastWords.occurs(in: passage.text) }
  }

  private static func isOptionFrame(_ passage: Passage) -> Bool {
    remembered(.priorProcedureOptionFrame, of: passage) { optionFrame.occurs(in: passage.text) }
  }

  private static func isDatedByYear(_ passage: Passage) -> Bool {
    remembered(.priorProcedureYearOnly, of: passage) { yearOnly.occurs(in: passage.text) }
  }

  private static func remembered(
    _ purpose: Note.Purpose, of passage: Passage, _ compute: () -> Bool
  ) -> Bool {
    passage.note.remembered(purpose, ofSentence: passage.index, compute)
  }

  private static let procedureHeading = TextPattern(
    #"\b(?:procedure (?:note|report|record|summary|documentation)|operative (?:note|report"#
      + #"|record)|op note|procedure performed|procedure:|name of procedure|brief op note"#
      + #"|(?:injection|block) (?:note|record|report))\b"#
  )
  /// "Date of procedure: 07/08/2026" as a label of the record, not a request's planned day.
  private static let procedureDateLabel = TextPattern(
    #"(?<!request\w{0,3} )(?<!planned )(?<!scheduled )(?<!proposed )(?<!anticipated )"#
      + #"\b(?:date of procedure|procedure date)\s*:"#)
  private static let followUpHeading = TextPattern(
    #"\b(?:follow[- ]up|post-?procedure (?:visit|call|check)|office visit|consult\w*|visit note)\b"#
  )
  private static let pastWords = TextPattern(
    #"\b(?:s/p|status post|underwent|had|has had|have had|received|prior|previous|previously|last"#
      + #"|was performed|were performed|performed on|(?<!\bbe )(?:performed|completed|done)|got"#
      + #"|after (?:the|his|her|a|an|each|both|two|\w+ing)|following (?:the|his|her|a|an)"#
      + #"|since (?:the|his|her)|ago|history of|h/o|hx|responded|relief|improvement|helped"#
      + #"|gave)\b"#
  )
  private static let futureWords = TextPattern(
    #"\b(?:plan(?:s|ned)?|planning|request\w*|schedul\w*|will|would|recommend\w*|candidate for"#
      + #"|proceed with|consider\w*|authoriz\w*|next step|propose\w*|to undergo|pending"#
      + #"|order\w*|book\w*|intend\w*|upcoming|future|discuss\w*|offered|declined|deciding"#
      + #"|options?|if|CPT|asks? (?:about|for)|asking (?:about|for)|interested in|wants?"#
      + #"|in support of|support of)\b"#
  )
  /// "cleared for SCS", "referred for RFA": the procedure a sentence is for.
  private static let purposeLead = TextPattern(
    #"\b(?:for|to)\s+(?:an?\s+|the\s+|repeat\s+|\S+\s+)?$"#)
  private static let repeatWord = TextPattern(#"\brepeat\b"#)
  /// "Before deciding between a foraminotomy and a fusion": every procedure is an option.
  private static let optionFrame = TextPattern(
    #"\b(?:deciding|decide|choose|choosing|choice) (?:between|whether|among)\b"#)
  private static let requestAfter = TextPattern(#"\b(?:CPT|requested|scheduled|planned)\b"#)
  private static let denial = TextPattern(
    #"\b(?:no|denies|never had|never underwent|without|not had)\s+(?:\S+\s+){0,2}$"#)
  /// "Spine surgery consult 02/10/2026", "pain pump clinic": the procedure names a service.
  private static let serviceNoun = TextPattern(
    #"^\s*(?:consult\w*|evaluation|eval|referral|clinic|team|service|department|office)\b"#)
  private static let anatomicalNoun = TextPattern(
    #"^\s*(?:phlegmon|abscess|fibrosis|lipomatosis|space|hematoma|fat|catheter|scar\w*"#
      + #"|enhancement|mass|collection|venous)\b"#
  )
  /// A procedure dated only by a year ("ESI x2 (2023)") cannot be placed within days.
  private static let yearOnly = TextPattern(
    #"(?:\bin|\(|\bsince)\s*(?:19|20)\d{2}\b(?![/-]\d)|\b(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\b"#)
}

extension ClinicalDate {
  /// Whether this date is before another (a month-only date counts as its first day).
  func isBefore(_ other: ClinicalDate) -> Bool { self < other && !matches(other) }

  /// Whether this date is after another (a month-only date counts as its first day).
  func isAfter(_ other: ClinicalDate) -> Bool { other < self && !matches(other) }
}
