import Model

/// Finds procedures the patient has already had, with date, region, levels and side.
///
/// A procedure counts as prior when the sentence puts it in the past ("s/p", "underwent",
/// "after the", a date before the note, a history trigger) or the document is the
/// procedure's own note. A planned or requested procedure is not a prior procedure.
struct PriorProcedureRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    let hits = passage.hits("procedures")
    guard !hits.isEmpty else { return [] }
    let isProcedureNote = Self.isProcedureNote(passage.note)
    let noteDate = passage.note.dateOfService ?? reading.noteDate

    return hits.compactMap { hit in
      let context = passage.context(of: hit)
      guard !context.isNegated, !context.isOtherPerson, !context.isHypothetical,
        !context.isUncertain, var reference = ProcedureReference.reference(hit, in: passage)
      else { return nil }

      let local = passage.local(hit.range)
      let isPast =
        context.isHistorical || Self.isPast(hit: local, in: passage, noteDate: noteDate)
        || (isProcedureNote && passage.section?.isPlan != true && !Self.isFuture(local, passage))
      guard isPast, !Self.isFuture(local, passage) else { return nil }

      if reference.date == nil, isProcedureNote {
        reference = ProcedureReference(
          kind: reference.kind, date: passage.note.dateOfService, levels: reference.levels,
          side: reference.side, region: reference.region, hits: reference.hits)
      }
      if let date = reference.date, let noteDate, date > noteDate, !isProcedureNote { return nil }
      let detail = PriorProcedure(
        procedure: reference.kind, date: reference.date, region: reference.region,
        side: reference.side, levels: reference.levels.isEmpty ? nil : reference.levels)
      return passage.fact(
        .priorProcedure(detail), rule: "priorProcedure", hits: [hit], context: context)
    }
  }

  /// Whether the note is the report of a procedure (its findings are that procedure's).
  static func isProcedureNote(_ note: Note) -> Bool { procedureHeading.occurs(in: note.heading) }

  private static func isPast(hit: Range<Int>, in passage: Passage, noteDate: ClinicalDate?) -> Bool
  {
    let text = passage.text
    if pastWords.occurs(in: text) { return true }
    if let noteDate, passage.dates.contains(where: { $0.date < noteDate }) { return true }
    return false
  }

  private static func isFuture(_ hit: Range<Int>, _ passage: Passage) -> Bool {
    let before = passage.slice(max(0, hit.lowerBound - 60)..<hit.lowerBound)
    return futureWords.occurs(in: before)
      || (passage.section?.isPlan == true && !pastWords.occurs(in: passage.text))
  }

  private static let procedureHeading = TextPattern(
    #"\b(?:procedure note|procedure report|operative (?:note|report)|op note|procedure performed|procedure:|name of procedure|brief op note)\b"#
  )
  private static let pastWords = TextPattern(
    #"\b(?:s/p|status post|underwent|had|has had|have had|received|prior|previous|previously|last|was performed|were performed|performed on|performed|completed|done|got|after (?:the|his|her|a|an|each|both|two|\w+ing)|following (?:the|his|her|a|an)|since (?:the|his|her)|ago|history of|h/o|in \d{4}|responded|relief|improvement)\b"#
  )
  private static let futureWords = TextPattern(
    #"\b(?:plan(?:s|ned)?|planning|request\w*|schedul\w*|will|would|recommend\w*|candidate for|proceed with|consider\w*|authoriz\w*|next step|propose\w*|to undergo|pending|repeat|order\w*|intend\w*|upcoming|future)\b"#
  )
}
