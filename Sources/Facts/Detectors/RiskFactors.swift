import Model

/// Finds risk factors and contraindications: anticoagulants by name, infection, pregnancy,
/// coagulopathy, uncontrolled diabetes (A1c of 8 or more), contrast and anesthetic
/// allergies, malignancy at the site, recent myocardial infarction.
///
/// A risk factor explicitly denied ("no active infection", "not on anticoagulants") is
/// listed with `present: false`; a historical one ("history of MI in 2015") is not listed.
struct RiskFactorRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    var facts = passage.hits("risk-factors").compactMap {
      $0.attributes["test"] == "yes"
        ? pregnancyTest($0, in: passage) : fact(for: $0, in: passage, of: reading)
    }
    facts += siteExamination(in: passage)
    facts += glycatedHemoglobin(in: passage)
    facts += toleratedAgents(in: passage)
    if passage.section?.isAllergies == true || Self.allergyLead.occurs(in: passage.text) {
      facts += allergies(in: passage)
    }
    return facts
  }

  private func fact(for hit: LexiconHit, in passage: Passage, of reading: CaseReading) -> Fact? {
    guard let condition = hit.attributes["condition"].flatMap(RiskCondition.init(rawValue:))
    else { return nil }
    var context = passage.context(of: hit)
    guard !context.isOtherPerson, !context.isUncertain, !context.isHypothetical else { return nil }
    let local = passage.local(hit.range)
    let text = passage.text
    let lead = max(0, local.lowerBound - 24)..<local.lowerBound
    if !context.isNegated, Self.shortNegation.occurs(in: text, within: lead) {
      let before = passage.slice(lead)
      context.isNegated = true
      context.triggers.append("negated:\(before.trimmingCharacters(in: .whitespaces))")
    }
    if context.isHistorical && !context.isNegated && condition != .anticoagulation { return nil }
    // "Allergies: NKDA. Anticoag: none.": a labelled line of its own inside the allergy list.
    if condition == .anticoagulation && passage.section?.isAllergies == true
      && !Self.ownLabel.occurs(in: passage.slice(0..<local.lowerBound))
    {
      return nil
    }
    if hit.attributes["needsSite"] == "yes",
      !ProcedureSiteSkin.namesSite(around: local, in: passage)
    {
      return nil
    }
    // "No diabetes": the disease itself counts only where it is denied.
    if hit.attributes["onlyDenied"] == "yes", !Self.immediateNegation.occurs(in: text, within: lead)
    {
      return nil
    }
    if !context.isNegated, isNotThePatientsCondition(condition, local, passage, reading) {
      return nil
    }

    let wider = max(0, local.lowerBound - 40)..<local.lowerBound
    if context.isNegated, Self.noHistory.occurs(in: text, within: wider) { return nil }

    // An imaging report's "no evidence of infection" speaks of the spine it images.
    let isImagedSpine = ImagingFindingRule.isImagingReport(passage.note)
    let kind =
      condition == .systemicInfection && isImagedSpine
      ? .spinalInfection
      : hit.concept == "systemic infection" ? Self.atTheSkin(condition, local, passage) : condition
    if kind == .skinInfectionAtSite, ProcedureSiteSkin.isElsewhere(around: local, in: passage) {
      return nil
    }
    // An infection treated and gone ("… the system was explanted", "has resolved") is
    // history: neither a present risk nor a denial of one.
    if !context.isNegated, hit.attributes["statesAbsence"] != "yes",
      Self.resolved.occurs(in: passage.text)
    {
      return nil
    }
    var present = !context.isNegated
    if hit.attributes["statesAbsence"] == "yes" {
      // "Thoracic spine without tenderness, skin intact over the planned site": a negation
      // earlier in the sentence does not deny a phrase that itself states an absence.
      guard !Self.immediateNegation.occurs(in: text, within: lead) else { return nil }
      present = false
    }
    if kind == .pregnancy, present, Self.pastPregnancy.occurs(in: passage.text) {
      present = false
    }
    let detail = RiskFactor(condition: kind, present: present, detail: hit.concept)
    return passage.fact(
      .riskFactor(detail), rule: "riskFactor.\(kind.rawValue)", hits: [hit], context: context)
  }

  /// A mention that names no present condition of the patient: an infection named as a
  /// service, a screen or a risk ("notify infection prevention", "INFECTION SCREENING",
  /// "risks including infection"), a blood thinner already stopped ("enoxaparin was stopped
  /// in 08/2026"), or a heart attack dated to an earlier year.
  private func isNotThePatientsCondition(
    _ condition: RiskCondition, _ local: Range<Int>, _ passage: Passage, _ reading: CaseReading
  ) -> Bool {
    let text = passage.text
    let before = max(0, local.lowerBound - 40)..<local.lowerBound
    let after = local.upperBound..<min(text.utf16.count, local.upperBound + 50)
    switch condition {
    case .systemicInfection, .skinInfectionAtSite, .spinalInfection:
      return Self.infectionAsService.occurs(in: text, within: after)
        || Self.infectionAsRisk.occurs(in: text, within: before)
    case .anticoagulation:
      return Self.stoppedAfter.occurs(in: text, within: after)
        || Self.stoppedBefore.occurs(in: text, within: before)
    case .recentMyocardialInfarction:
      guard let year = reading.noteDate?.year else { return false }
      return Self.year.matches(in: passage.text).contains {
        Int($0.value).map { $0 < year } ?? false
      }
    default:
      return false
    }
  }

  /// "Urine hCG negative today", "negative urine pregnancy test": the test's result says
  /// whether she is pregnant; a test named without a result says nothing.
  private func pregnancyTest(_ hit: LexiconHit, in passage: Passage) -> Fact? {
    let local = passage.local(hit.range)
    let before = passage.slice(max(0, local.lowerBound - 20)..<local.lowerBound)
    let after = passage.text(after: local, upTo: 30)
    let present: Bool
    if Self.negativeResultAfter.occurs(in: after) || Self.negativeResultBefore.occurs(in: before) {
      present = false
    } else if Self.positiveResultAfter.occurs(in: after) {
      present = true
    } else {
      return nil
    }
    let context = passage.context(of: hit)
    guard !context.isOtherPerson, !context.isHypothetical else { return nil }
    let detail = RiskFactor(condition: .pregnancy, present: present, detail: hit.concept)
    return passage.fact(.riskFactor(detail), rule: "riskFactor.pregnancyTest", hits: [hit])
  }

  /// Skin examined at the procedure site and found clean (`ProcedureSiteSkin`).
  private func siteExamination(in passage: Passage) -> [Fact] {
    guard let statement = ProcedureSiteSkin.cleanSiteStatements(in: passage).first else {
      return []
    }
    let detail = RiskFactor(
      condition: .skinInfectionAtSite, present: false, detail: passage.slice(statement))
    return [passage.fact(.riskFactor(detail), rule: "riskFactor.siteExamination")]
  }

  /// An infection named in a sentence about the skin is an infection at the site.
  private static func atTheSkin(
    _ condition: RiskCondition, _ local: Range<Int>, _ passage: Passage
  ) -> RiskCondition {
    let text = passage.text
    let near = max(0, local.lowerBound - 30)..<min(text.utf16.count, local.upperBound + 30)
    guard condition == .systemicInfection, skin.occurs(in: text, within: near) else {
      return condition
    }
    return .skinInfectionAtSite
  }

  /// "No history of surgical site infection": a past that is not a present risk.
  private static let noHistory = TextPattern(
    #"\b(?:no|denies)\s+(?:\w+\s+)?(?:history of|h/o|prior)\b"#)
  private static let resolved = TextPattern(
    #"\b(?:infection|it) (?:has )?(?:resolved|cleared)\b|\bwithout recurrence\b|\b(?:explant\w*"#
      + #"|removed)\b|(?<!not |never |not yet )\b(?:fully |since |now )?(?:healed|resolved)\b"#
  )
  private static let infectionAsService = TextPattern(
    #"^\s*(?:screening|screen|prevention|control|precautions|prophylaxis|risk|team|service|nurse"#
      + #"|department|clinic|work-?up)\b"#
  )
  private static let infectionAsRisk = TextPattern(
    #"\b(?:risks?(?: of| including| such as)?|signs(?: and symptoms)? of|monitor(?:ing)? for"#
      + #"|watch for|(?:to )?prevent|reduce|avoid|minimi[sz]e)\s+(?:[\w,/]+\s+){0,4}$"#
  )
  private static let stoppedAfter = TextPattern(
    #"^[^.;]{0,30}?\b(?:(?:was|were|has been|had been)\s+)?(?:stopped|discontinued"#
      + #"|d/c'?d)\b(?!\s+\d+\s*days)(?!\s+(?:before|prior))"#
  )
  private static let stoppedBefore = TextPattern(
    #"\b(?:no longer (?:on|taking)|previously on|formerly on|used to take|completed (?:a |her "#
      + #"|his |the )?(?:course of )?)\s*$"#
  )
  private static let year = TextPattern(#"\b(?:19|20)\d{2}\b"#)
  private static let negativeResultAfter = TextPattern(
    #"^\s*(?:test\s+)?(?:was\s+|is\s+)?(?:negative|neg\b|\(-\)|-\s*(?:today|on)\b)"#)
  private static let negativeResultBefore = TextPattern(#"\b(?:negative|neg)\s+(?:\w+\s+)?$"#)
  private static let positiveResultAfter = TextPattern(
    #"^\s*(?:test\s+)?(?:was\s+|is\s+)?(?:positive|pos\b|\(\+\))"#)

  private static let ownLabel = TextPattern(#"^\s*$"#)
  private static let immediateNegation = TextPattern(
    #"\b(?:no|not|without|denies|neg)\s+(?:\w+\s+)?$"#)
  private static let shortNegation = TextPattern(
    #"\b(?:neg|negative for|no|denies|without|not on|not taking|off)\b[^.;]{0,16}$"#)
  private static let skin = TextPattern(
    #"\b(?:skin|rash|vesicles?|wound|incision|cellulitis|residual limb|pocket|site|scar)\b"#)
  private static let pastPregnancy = TextPattern(
    #"\b(?:since|after|following) (?:her |the )?(?:last |recent )?pregnancy\b|\bpost-?partum\b"#
      + #"|\bdelivered\b"#
  )

  /// "A1c 8.4%": uncontrolled diabetes at 8 or more. Where a sentence gives the value's
  /// course ("A1c 9.2% in 2024, now 7.4%"), the current value decides.
  private func glycatedHemoglobin(in passage: Passage) -> [Fact] {
    guard let value = currentGlycatedHemoglobin(in: passage), value >= 8, value < 20 else {
      return []
    }
    let detail = RiskFactor(condition: .uncontrolledDiabetes, present: true, detail: "A1c \(value)")
    return [passage.fact(.riskFactor(detail), rule: "riskFactor.a1c")]
  }

  /// "Tolerated lidocaine for his nerve repair without problems": no allergy to it.
  private func toleratedAgents(in passage: Passage) -> [Fact] {
    // The statement is positive in itself: "has no infection, and tolerated lidocaine"
    // is not negated by the "no" before it.
    guard let match = Self.tolerated.firstMatch(in: passage.text) else { return [] }
    let agent = match.group(1) ?? ""
    let condition: RiskCondition =
      Self.contrast.occurs(in: agent) ? .contrastAllergy : .anestheticAllergy
    let detail = RiskFactor(condition: condition, present: false, detail: match.value)
    return [passage.fact(.riskFactor(detail), rule: "riskFactor.tolerated")]
  }

  /// An allergy list naming contrast or a local anesthetic.
  private func allergies(in passage: Passage) -> [Fact] {
    var facts: [Fact] = []
    for (condition, pattern) in [
      (RiskCondition.contrastAllergy, Self.contrast), (.anestheticAllergy, Self.anesthetic),
    ] {
      guard let match = pattern.firstMatch(in: passage.text),
        !passage.hits("risk-factors").contains(where: {
          $0.attributes["condition"] == condition.rawValue
        })
      else { continue }
      let context = passage.context(ofLocal: match.range)
      let detail = RiskFactor(
        condition: condition, present: !context.isNegated, detail: match.value)
      facts.append(
        passage.fact(.riskFactor(detail), rule: "riskFactor.allergyList", context: context))
    }
    return facts
  }

  private func currentGlycatedHemoglobin(in passage: Passage) -> Double? {
    let text = passage.text
    let written = Self.a1c.matches(in: text)
    guard let first = written.first else { return nil }
    let rest = text.slice(first.range.upperBound..<text.utf16.count)
    if let now = Self.currentValue.firstMatch(in: rest) {
      return now.group(1).flatMap(ClinicalWords.number)
    }
    let values = written.filter {
      !passage.context(ofLocal: $0.range).isHistorical
    }
    return values.last?.group(1).flatMap(ClinicalWords.number)
  }

  private static let currentValue = TextPattern(
    #"\b(?:now|currently|most recently|latest|today|improved to|down to|up to)\s*(?:is\s*"#
      + #"|at\s*)?(\d{1,2}(?:\.\d)?)\s*%"#
  )
  private static let a1c = TextPattern(
    #"\b(?:Hb\s?A1c|HgbA1c|Hgb A1c|hemoglobin A1c|A1c|glycated hemoglobin)\s*(?:level\s*)?(?:of"#
      + #"|is|was|=|:|-|at)?\s*(\d{1,2}(?:\.\d)?)\s*%?"#
  )
  private static let allergyLead = TextPattern(#"\ballerg\w*\b"#)
  private static let tolerated = TextPattern(
    #"\b(?:has |have |had )?tolerated (?:(?:his|her|the|prior|previous)\s+)?(lidocaine"#
      + #"|bupivacaine|ropivacaine|local anesthetics?|local anaesthetics?|iodinated contrast"#
      + #"|IV contrast|contrast(?: dye)?)\b"#
  )
  private static let contrast = TextPattern(
    #"\b(?:iodinated contrast|IV contrast|contrast(?: dye| media| medium)?|iodine|gadolinium"#
      + #"|shellfish/iodine)\b"#
  )
  private static let anesthetic = TextPattern(
    #"\b(?:lidocaine|bupivacaine|ropivacaine|marcaine|novocaine|procaine|local anesthetics?"#
      + #"|local anaesthetics?|amide anesthetics?)\b"#
  )
}
