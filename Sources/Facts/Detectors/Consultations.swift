import Model

/// Finds a consultation with an infectious-disease specialist that took place: "ID
/// consulted 04/03/2026", "seen by infectious diseases", or the specialist's own consult
/// note or letter. A consultation only recommended, requested or planned is not one.
struct ConsultationRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    let text = passage.text
    // The specialist's own note or letter is the consultation, dated by its visit.
    if passage.index == 0, Self.consultNote.occurs(in: passage.note.heading) {
      let detail = Consultation(specialty: .infectiousDisease, date: passage.note.dateOfService)
      return [passage.fact(.consultation(detail), rule: "consultation.ownNote")]
    }
    guard let match = Self.consulted.firstMatch(in: text) else { return [] }
    let context = passage.context(ofLocal: match.range)
    guard context.isAffirmedAboutPatient, !Self.notYet.occurs(in: text) else { return [] }

    let written = passage.dates.first { $0.range.lowerBound >= match.range.lowerBound }?.date
    let detail = Consultation(specialty: .infectiousDisease, date: written)
    return [passage.fact(.consultation(detail), rule: "consultation.infectiousDisease")]
  }

  private static let infectiousDisease =
    #"(?:infectious[ -]diseases?|(?-i:ID)|(?-i:I\.D\.))"#
  /// "ID (Dr. P. Mensah) consulted", "Infectious diseases consultation", "seen by the
  /// infectious disease team", "under infectious disease care".
  private static let consulted = TextPattern(
    #"\b"# + infectiousDisease + #"(?: \([^)]{0,40}\))?(?: \S+){0,2}? (?:consult\w*|saw"#
      + #"|evaluated|cleared|treated|directed|followed|recommended|documented|team|service"#
      + #"|specialist|physician|clinic|care|follow-?up|f/u)\b|\b(?:seen|evaluated|followed"#
      + #"|treated|managed|cleared|consulted) by (?:\S+ ){0,4}?"# + infectiousDisease + #"\b"#
      + #"|\bconsult\w* (?:with|from|by) (?:\S+ ){0,3}?"# + infectiousDisease + #"\b"#
      + #"|\bof "# + infectiousDisease + #" (?:saw|consulted|evaluated)\b"#)
  private static let consultNote = TextPattern(
    #"\binfectious[ -]diseases?\b(?:\s+\S+){0,3}?\s+(?:consult\w*|letter|note|clinic)\b"#)
  /// "ID consult recommended", "will refer to infectious disease", "ID consult pending".
  private static let notYet = TextPattern(
    #"\b(?:will|to be|plan(?:s|ned)? to|should|recommend(?:ed)? (?:an? )?(?:\S+ )?consult"#
      + #"|refer(?:ral)? to|pending|requested|not (?:yet )?(?:been )?(?:seen|consulted)"#
      + #"|consult\w* (?:is |was )?(?:recommended|advised|ordered|to follow))\b"#)
}
