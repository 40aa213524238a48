import Model

/// Finds medications tried for pain, one per generic name (brand names mapped to it), with
/// the drug class, status and outcome.
///
/// Drugs named as the injectate of a procedure ("dexamethasone 10 mg was injected") or in
/// the allergy list are not treatments, nor is a drug the lexicon marks as treating a
/// condition the case does not speak of (a statin for cholesterol in a back pain case).
struct MedicationRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    let hits = passage.hits("medications")
    // A procedure note's drugs are what was given during the procedure.
    guard !hits.isEmpty, passage.section?.isAllergies != true,
      !(passage.section?.isMedications != true && PriorProcedureRule.isProcedureNote(passage.note))
    else { return [] }
    return hits.filter {
      Self.treatsCaseCondition($0, passage, reading) && !isInjectateOrAllergy($0, passage)
    }.compactMap { fact(for: $0, in: passage) }
  }

  /// Whether a drug the lexicon ties to one condition (`indication=vascular`, `crps`,
  /// `spondyloarthritis`) is taken for it here: the note speaks of angina or limb ischemia,
  /// the case of CRPS or of spondyloarthritis. An
  /// antiplatelet named with a bleed or a hold before a procedure is a bleeding risk, not a
  /// treatment ("He stopped clopidogrel after a GI bleed").
  static func treatsCaseCondition(
    _ hit: LexiconHit, _ passage: Passage, _ reading: CaseReading
  ) -> Bool {
    switch hit.attributes["indication"] {
    case "crps":
      return reading.concernsCRPS
    case "spondyloarthritis":
      return reading.concernsSpondyloarthritis
    case "vascular":
      // Shortcoming: the condition is looked for in the drug's own note only; a medication
      // list in a note that does not name the angina or the ischemia (a pharmacy printout)
      // is not read as its treatment.
      let isBleedingRisk =
        hit.attributes["class"] == "antiplatelet" && bleedingRisk.occurs(in: passage.text)
      return !isBleedingRisk && vascularDisease.occurs(in: passage.note.document.text)
    default:
      return true
    }
  }

  private static let vascularDisease = TextPattern(
    #"\b(?:angina\w*|claudication|limb ischemia|ischemic (?:rest )?(?:pain|limb|leg|foot|toes?"#
      + #"|ulcers?)|peripheral (?:arterial|artery|vascular) disease|(?-i:PAD|PVD)|Raynaud\w*"#
      + #"|vasospas\w*|thromboangiitis|Buerger\w*)\b"#
  )
  private static let bleedingRisk = TextPattern(
    #"\b(?:hold\w*|held|bleed\w*|hemorrhag\w*|anticoag\w*|antithrombotic|blood thinners?|stents?"#
      + #"|(?:before|prior to) (?:the |any |her |his )?(?:procedure|injection|block|implant))\b"#
  )

  /// Whether the drug is named as what was injected, or as an allergy, in its own clause:
  /// "80 mg of methylprednisolone was injected", but not "failed gabapentin, meloxicam,
  /// and three epidural injections".
  private func isInjectateOrAllergy(_ hit: LexiconHit, _ passage: Passage) -> Bool {
    let local = passage.local(hit.range)
    let text = passage.text
    let before = text.slice(max(0, local.lowerBound - 80)..<local.lowerBound)
    let after = text.slice(local.upperBound..<min(text.utf16.count, local.upperBound + 40))
    let clause = Self.ownClause(before, after)
    if Self.injectate.occurs(in: clause) || Self.allergy.occurs(in: clause) { return true }

    // The list is part of the sentence: a sentence without the literals of a procedure's
    // dose or of a drug not taken has none in the list either, which is then not cut out.
    guard Self.listWords.mayOccur(in: text) else { return false }
    let list = TreatmentScope.of(hit, in: passage).groupText
    return Self.procedureDose.occurs(in: list) || Self.neverTaken.occurs(in: list)
  }

  /// The words around a drug up to the nearest comma, semicolon or full stop on each side
  /// (a decimal point, as in "0.25 mg", is not a full stop).
  private static func ownClause(_ before: String, _ after: String) -> String {
    let left =
      clauseBreaks(in: before).last.map { before.slice($0 + 1..<before.utf16.count) }
      ?? before
    let right = clauseBreaks(in: after).first.map { after.slice(0..<$0) } ?? after
    return left + " " + right
  }

  /// The UTF-16 offsets of a text's commas, semicolons and full stops, a full stop being
  /// one that no decimal digit follows, as `[,;]|\.(?!\d)` finds them (ICU's `\d` is a
  /// decimal digit of any script); read character by character rather than by ICU, on
  /// words that are searched for nothing else.
  private static func clauseBreaks(in text: String) -> [Int] {
    var breaks: [Int] = []
    var offset = 0
    var stop: Int?
    for scalar in text.unicodeScalars {
      if let stop, scalar.properties.generalCategory != .decimalNumber { breaks.append(stop) }
      stop = nil
      if scalar == "," || scalar == ";" { breaks.append(offset) }
      if scalar == "." { stop = offset }
      offset += scalar.utf16.count
    }
    if let stop { breaks.append(stop) }
    return breaks
  }

  private func fact(for hit: LexiconHit, in passage: Passage) -> Fact? {
    let context = passage.context(of: hit)
    guard !context.isOtherPerson, !context.isUncertain,
      !TreatmentCourse.isDeniedOrUnknown(hit, in: passage),
      let status = TreatmentCourse.status(
        of: hit, in: passage, context: context, isMedication: true)
    else { return nil }

    let isClassOnly = hit.attributes["classOnly"] == "yes"
    let course = TreatmentCourse(passage: passage, hit: hit)
    let detail = Therapy(
      modality: .medication,
      name: isClassOnly ? nil : (hit.attributes["generic"] ?? hit.concept.lowercased()),
      start: course.start, end: course.end, weeks: course.weeks, status: status.status,
      outcome: TreatmentCourse.outcome(of: hit, in: passage), drugClass: hit.attributes["class"],
      unableReason: status.reason)
    let rule = isClassOnly ? "therapy.medicationClass" : "therapy.medication"
    return passage.fact(
      .therapy(detail), rule: "\(rule).\(status.rule)", hits: [hit], context: context)
  }

  private static let injectate = TextPattern(
    #"\b(?:inject\w*|injectate|instilled|infiltrat\w*|mixture of|solution of|was administered"#
      + #"|were administered|epidurally|under fluoroscop\w*|needle|bolus|(?:intrathecal|spinal"#
      + #"|SCS|stimulator|pump|ITB) trial|single-shot|single shot|test dose|spinal anesthetic"#
      + #"|intrathecal infusion|temporary catheter|catheter at|pump|preservative-free"#
      + #"|infusate|^\s*(?:pump |trial |intrathecal )?drug\s*:?)\b"#
  )
  /// "A tramadol prescription that he never filled", "refused every opioid offered": a
  /// drug not taken is no treatment tried.
  private static let neverTaken = TextPattern(
    #"\b(?:never (?:filled|took|taken|started|tried|picked up)|refused|declined|did not (?:fill"#
      + #"|take|start|try)|didn't (?:fill|take|start|try))\b"#
  )
  /// A sentence about a dose given in a procedure: an intrathecal trial's bolus, a spinal
  /// anesthetic, an epidural catheter's infusion.
  private static let procedureDose = TextPattern(
    #"\b(?:intrathecal (?:trial|bolus|test dose|dose)|(?:single )?bolus|single[- ]shot"#
      + #"|spinal anesthetic|epidural catheter|test dose|trial dose|intrathecal trial)\b"#
  )
  private static let listWords = AnyOfPatterns([procedureDose, neverTaken])
  private static let allergy = TextPattern(
    #"\b(?:allerg\w*|anaphyla\w*|hives|intoleran(?:t|ce) to)\b"#)
}
