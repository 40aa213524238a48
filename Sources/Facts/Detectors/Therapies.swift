import Model

/// Finds conservative and other treatments (physical therapy, home exercise, chiropractic,
/// occupational therapy, pain psychology, acupuncture, devices, injections) with their
/// dates, weeks, sessions, status and outcome.
///
/// Status follows the annotation rules: `unable` only when a medical reason is written
/// ("unable to tolerate PT due to severe pain"); an unexplained "did not attend" is
/// `discontinued`. A plan counts as `planned` only when it is concrete, not conditional
/// ("if pain persists we will start PT" is not listed).
struct TherapyRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    let hits = passage.hits("therapies")
    guard !hits.isEmpty, !TreatmentCourse.isIdentificationLine(passage) else { return [] }
    return hits.compactMap { hit in
      guard !TreatmentScope.isPrescriberMention(hit, in: passage, among: hits),
        !Self.isCoagulationTest(hit, in: passage), !Self.namesADocument(hit, in: passage),
        let modality = hit.attributes["modality"].flatMap(TherapyModality.init(rawValue:))
      else { return nil }
      return fact(modality: modality, hit: hit, in: passage, noteDate: reading.noteDate)
    }
  }

  private func fact(
    modality: TherapyModality, hit: LexiconHit, in passage: Passage, noteDate: ClinicalDate?
  ) -> Fact? {
    let context = passage.context(of: hit)
    guard !context.isOtherPerson, !context.isUncertain, !Self.isNotStarted(hit, in: passage),
      let status = TreatmentCourse.status(
        of: hit, in: passage, context: context, noteDate: noteDate)
    else { return nil }
    let isStopped = status.status == .discontinued || status.status == .unable
    if !isStopped, TreatmentCourse.isDeniedOrUnknown(hit, in: passage) { return nil }

    let course = TreatmentCourse(passage: passage, hit: hit)
    let visit = passage.note.dateOfService ?? noteDate
    // Asked at most once, for the start and for who handed out a home program.
    lazy var startsToday = TreatmentCourse.startsToday(hit, in: passage)
    let start = course.start ?? (startsToday ? visit : nil)
    var detail = Therapy(
      modality: modality, start: start, end: course.end, weeks: course.weeks,
      sessions: course.sessions, status: status.status,
      outcome: TreatmentCourse.outcome(of: hit, in: passage),
      unableReason: status.reason)
    if status.status == .discontinued, course.sessions == nil, course.weeks == nil,
      course.end == nil, Self.isNeverAttended(hit, in: passage)
    {
      detail.attended = false
    }
    if modality == .homeExercise {
      // A program handed out at this visit of a physician's note is the physician's.
      detail.prescribedBy =
        Self.prescriber(in: passage)
        ?? (startsToday ? .physician : nil)
      // A later word on whether the program is done is follow-up; the visit that handed it
      // out ("gave her a written program and asked her to do it daily") is not.
      let scope = TreatmentScope.of(hit, in: passage)
      let words = scope.outcomeText + " " + scope.sharedText
      let isHandedOut = status.status == .completed && Self.handedOut.occurs(in: words)
      detail.followUpDocumented =
        Self.adherence.occurs(in: words)
        || ([.ongoing, .completed, .discontinued, .unable].contains(status.status) && !isHandedOut)
    }
    return passage.fact(
      .therapy(detail), rule: "therapy.\(status.rule)", hits: [hit], context: context)
  }

  /// "The PT referral was never scheduled", "PT has not started yet": a therapy that has not
  /// begun is no therapy (one a medical reason kept from starting is `unable`).
  /// So is one that was offered or referred and turned down ("referred to PT in May but
  /// declined because of the copay"), whatever the reason.
  private static func isNotStarted(_ hit: LexiconHit, in passage: Passage) -> Bool {
    let text = TreatmentScope.of(hit, in: passage).ownText
    return notStarted.occurs(in: text) || declinedReferral.occurs(in: text)
  }

  /// Whether the therapy's own words say not one session was attended: "never attended",
  /// "did not go", "no-showed". A course cut short ("did not attend the last two visits",
  /// "tried a chiropractor once, did not go back") is not meant, nor one with its own
  /// sessions or weeks, which the caller rules out.
  private static func isNeverAttended(_ hit: LexiconHit, in passage: Passage) -> Bool {
    let text = TreatmentScope.of(hit, in: passage).ownText
    return neverAttended.occurs(in: text) && !someAttended.occurs(in: text)
  }

  private static let someAttended = TextPattern(
    #"\b(?:tried|went|attended|saw|had)\b[^.;]{0,30}\b(?:once|twice)\b|\battended (?:a|one|two"#
      + #"|three|\d+|only)\b|\bafter (?:the |her |his )?(?:first|initial|one|two|three|\d+"#
      + #"|evaluation)\b|\bonly the evaluation\b"#
  )

  private static let neverAttended = TextPattern(
    #"\b(?:never (?:attended|went|started|began|showed(?: up)?)|did(?: not|n't) (?:attend|go"#
      + #"(?! (?:well|as|smoothly|far|better))|start|begin|show up)|could(?: not|n't) (?:attend"#
      + #"|go)|no[- ]show(?:ed|s)?)\b"#
      + #"(?![^.;]{0,24}\b(?:last|final|remaining|rest|later|further|after|since|back|again"#
      + #"|anymore|any more)\b)"#
  )

  private static let declinedReferral = TextPattern(
    #"\b(?:referred|referral|offered|recommended|ordered|suggested)\b[^.;]{0,60}\b(?:but|and)"#
      + #"\s+(?:(?:he|she|they|the patient|pt)\s+)?(?:declined|refused)\b(?!\s+(?:further"#
      + #"|more|another|additional|to continue|continuing))"#
  )

  private static let notStarted = TextPattern(
    #"\b(?:never (?:been )?(?:scheduled|arranged|set up|happened|booked|began|begun|got started"#
      + #"|materialized)|(?:has|have|had)(?: not|n't) (?:yet )?(?:started|begun"#
      + #"|been (?:scheduled|arranged|started))|not (?:yet )?(?:been )?(?:scheduled|arranged"#
      + #"|started|begun)|yet to (?:start|begin|be scheduled))\b(?![^.;]{0,40}\b(?:due to"#
      + #"|because|secondary to|given)\b)"#
  )

  /// Whether "PT" is the prothrombin time of a coagulation panel: "PT/INR 1.1", "PT 12.1
  /// sec", "INR 1.0, PT 13.2", "coags: PT, PTT normal".
  static func isCoagulationTest(_ hit: LexiconHit, in passage: Passage) -> Bool {
    guard hit.concept == "PT" else { return false }
    let local = passage.local(hit.range)
    let before = passage.slice(max(0, local.lowerBound - 24)..<local.lowerBound)
    let after = passage.text(after: local, upTo: 24)
    return coagulationAfter.occurs(in: after) || coagulationBefore.occurs(in: before)
  }

  /// "PT progress note 09/17/2026", "chiropractic records attached": the name of a document,
  /// whose date is the document's, not a course of the therapy.
  static func namesADocument(_ hit: LexiconHit, in passage: Passage) -> Bool {
    let local = passage.local(hit.range)
    let after = passage.text(after: local, upTo: 30)
    return documentAfter.occurs(in: after)
  }

  private static let documentAfter = TextPattern(
    #"^\s*(?:progress|daily|visit|treatment|re-?evaluation|evaluation|eval|discharge|initial)?"#
      + #"\s*(?:notes?|records?|reports?|summar(?:y|ies)|letters?|flowsheets?)\b"#)
  private static let coagulationAfter = TextPattern(
    #"^\s*(?:[/,-]|and)?\s*(?:INR|a?PTT)\b|^\s*[:=]?\s*\d{1,2}\.\d{1,2}(?!\s*(?:x|weeks?|wks?"#
      + #"|months?|mos?|visits?|sessions?|times)\b)|^\s*[:=]?\s*\d{1,2}(?:\.\d+)?\s*(?:s|sec"#
      + #"|secs|seconds)\b"#
  )
  private static let coagulationBefore = TextPattern(
    #"\b(?:INR|a?PTT|coags?|coagulation(?: studies| panel| profile| labs)?"#
      + #"|platelets?(?: count)?[^,;]{0,12})\s*[/,:]?\s*(?:and\s+)?$"#
  )

  /// Who prescribed a home exercise program, as the sentence or its document says: a named
  /// prescriber ("given by PT", "the therapist's home program", "Dr. Ames gave her"), the
  /// writer of a therapist's or chiropractor's own note ("I gave him a home program"), or
  /// the therapy the sentence names with it ("continue PT and HEP").
  static func prescriber(in passage: Passage) -> Prescriber? {
    let text = passage.text
    if byTherapist.occurs(in: text) { return .physicalTherapist }
    if byChiropractor.occurs(in: text) { return .chiropractor }
    if PTDischargeRule.isTherapyNote(passage.note) { return .physicalTherapist }
    if chiropracticNote.occurs(in: passage.note.heading) { return .chiropractor }
    if byPhysician.occurs(in: text) { return .physician }
    // "core routine from YouTube; no PT, no chiro": a therapy denied prescribed nothing.
    let named = passage.hits("therapies")
      .filter { $0.attributes["modality"] != "homeExercise" && !passage.context(of: $0).isNegated }
      .compactMap { $0.attributes["modality"] }
    if named.contains("physicalTherapy") { return .physicalTherapist }
    if named.contains("chiropractic") { return .chiropractor }
    return nil
  }

  /// Words saying whether a home program is being done: "reports doing", "compliant".
  private static let handedOut = TextPattern(
    #"\b(?:gave|given|prescribed|instructed|issued|provided|taught|handed)\b"#)
  private static let adherence = TextPattern(
    #"\b(?:reports? (?:doing|performing|completing|compliance)"#
      + #"|follow(?:ed)?[- ]up\b[^.;:]{0,20}(?=:)|reviewed (?:at|on|in|today|with)"#
      + #"|checked (?:at|on)|confirmed|says (?:she|he) (?:did|does|has)|doing (?:it|them|the"#
      + #"|his|her)|performs?|performing|complian\w*|adheren\w*|has been doing|continues"#
      + #"|not doing|stopped doing|unable to (?:do|perform)|has not been (?:doing|performing)"#
      + #"|hasn't been)\b"#
  )

  private static let chiropracticNote = TextPattern(#"\bchiropract\w*"#)
  private static let byTherapist = TextPattern(
    #"\b(?:physical )?therapist(?:'s|’s)\s|\b(?:his|her|their"#
      + #"|the) (?:physical )?therapist\b[^.;]{0,40}\b(?:gave|designed|prescribed|taught"#
      + #"|provided|issued|set up|instructed)\b|\bPT[- ](?:home|HEP|prescribed|directed"#
      + #"|designed|issued)\b|\(\s*(?:from )?PT\s*\)|\b(?:at|during) (?:each|every|her"#
      + #"|his) PT (?:visit|session)s?\b|\b(?:by|from|with|per|through)\s+(?:his\s+|her\s+"#
      + #"|their\s+|the\s+)?(?:physical\s+therapist|PT|therapist|physiotherapist"#
      + #"|physical\s+therapy)\b|\b(?:PT|therapist)\s+(?:prescribed|instructed|provided|gave"#
      + #"|taught|issued)\b|\bupon\s+discharge\s+from\s+(?:PT|physical\s+therapy)\b"#
  )
  private static let byChiropractor = TextPattern(
    #"\bchiropractor(?:'s|’s)\s|\b(?:his|her|their|the) chiropractor\b[^.;]{0,40}\b(?:gave"#
      + #"|designed|prescribed|taught|provided|issued|instructed)\b|\b(?:by|from"#
      + #"|per)\s+(?:his\s+|her\s+|the\s+)?chiropractor\b|\bchiropractor\s+(?:prescribed"#
      + #"|instructed|provided|gave)\b"#
  )
  private static let byPhysician = TextPattern(
    #"\bDr\.?\s*[A-Z]\w+\s+(?:gave|prescribed|instructed|provided|designed|taught)\b|\b(?:by|from"#
      + #"|per)\s+(?:(?:his|her|their)\s+)?(?:Dr\.?\s*\w+|the\s+physician|physician|doctor"#
      + #"|our\s+office|this\s+office|me|us|the\s+provider|provider|PCP|primary\s+care|MD|NP|PA"#
      + #"|the\s+surgeon|surgeon)\b|\b(?:I|we)\s+(?:prescribed|instructed|provided|gave"#
      + #"|reviewed)\b|\b(?:prescribed|instructed|provided)\s+(?:in\s+)?(?:clinic|office|today"#
      + #"|at\s+(?:the|this)\s+visit)\b"#
  )
}
