import Model

/// Finds risk factors and contraindications: anticoagulants by name, infection, pregnancy,
/// coagulopathy, uncontrolled diabetes (A1c of 8 or more), contrast and anesthetic
/// allergies, malignancy at the site, recent myocardial infarction.
///
/// A risk factor explicitly denied ("no active infection", "not on anticoagulants") is
/// listed with `present: false`; a historical one ("history of MI in 2015") is not listed.
struct RiskFactorRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    var facts = passage.hits("risk-factors").compactMap { fact(for: $0, in: passage) }
    facts += glycatedHemoglobin(in: passage)
    facts += toleratedAgents(in: passage)
    if passage.section?.isAllergies == true || Self.allergyLead.occurs(in: passage.text) {
      facts += allergies(in: passage)
    }
    return facts
  }

  private func fact(for hit: LexiconHit, in passage: Passage) -> Fact? {
    guard let condition = hit.attributes["condition"].flatMap(RiskCondition.init(rawValue:))
    else { return nil }
    var context = passage.context(of: hit)
    guard !context.isOtherPerson, !context.isUncertain, !context.isHypothetical else { return nil }
    let local = passage.local(hit.range)
    let before = passage.slice(max(0, local.lowerBound - 24)..<local.lowerBound)
    if !context.isNegated, Self.shortNegation.occurs(in: before) {
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
    if hit.attributes["needsSite"] == "yes", !Self.site.occurs(in: passage.text) {
      return nil
    }

    let wider = passage.slice(max(0, local.lowerBound - 40)..<local.lowerBound)
    if context.isNegated, Self.noHistory.occurs(in: wider) { return nil }

    // An imaging report's "no evidence of infection" speaks of the spine it images.
    let isImagedSpine = ImagingFindingRule.isImagingReport(passage.note)
    let kind =
      condition == .systemicInfection && isImagedSpine
      ? .spinalInfection
      : hit.concept == "systemic infection" ? Self.atTheSkin(condition, local, passage) : condition
    // An infection treated and gone ("… the system was explanted", "has resolved") is
    // history: neither a present risk nor a denial of one.
    if !context.isNegated, Self.resolved.occurs(in: passage.text) { return nil }
    var present = !context.isNegated
    if hit.attributes["statesAbsence"] == "yes" {
      // "Thoracic spine without tenderness, skin intact over the planned site": a negation
      // earlier in the sentence does not deny a phrase that itself states an absence.
      guard !Self.immediateNegation.occurs(in: before) else { return nil }
      present = false
    }
    if kind == .pregnancy, present, Self.pastPregnancy.occurs(in: passage.text) {
      present = false
    }
    let detail = RiskFactor(condition: kind, present: present, detail: hit.concept)
    return passage.fact(
      .riskFactor(detail), rule: "riskFactor.\(kind.rawValue)", hits: [hit], context: context)
  }

  /// An infection named in a sentence about the skin is an infection at the site.
  private static func atTheSkin(
    _ condition: RiskCondition, _ local: Range<Int>, _ passage: Passage
  ) -> RiskCondition {
    let near = passage.slice(
      max(0, local.lowerBound - 30)..<min(passage.text.utf16.count, local.upperBound + 30))
    guard condition == .systemicInfection, skin.occurs(in: near) else { return condition }
    return .skinInfectionAtSite
  }

  /// "No history of surgical site infection": a past that is not a present risk.
  private static let noHistory = TextPattern(
    #"\b(?:no|denies)\s+(?:\w+\s+)?(?:history of|h/o|prior)\b"#)
  private static let resolved = TextPattern(
    #"\b(?:infection|it) (?:has )?(?:resolved|cleared)\b|\bwithout recurrence\b|\bexplant\w*\b"#)

  private static let ownLabel = TextPattern(#"^\s*$"#)
  private static let immediateNegation = TextPattern(
    #"\b(?:no|not|without|denies|neg)\s+(?:\w+\s+)?$"#)
  private static let shortNegation = TextPattern(
    #"\b(?:neg|negative for|no|denies|without|not on|not taking|off)\b[^.;]{0,16}$"#)
  private static let site = TextPattern(
    #"\b(?:(?:injection|inj|needle|entry|procedure|planned|proposed|target|exit|lead) sites?|pocket|needle entry|over the (?:planned|proposed)|overl(?:ies|ying)|over (?:the )?(?:lumbar|cervical|thoracic|lumbosacral) spine)\b"#
  )
  private static let skin = TextPattern(
    #"\b(?:skin|rash|vesicles?|wound|incision|cellulitis|residual limb|pocket|site|scar)\b"#)
  private static let pastPregnancy = TextPattern(
    #"\b(?:since|after|following) (?:her |the )?(?:last |recent )?pregnancy\b|\bpost-?partum\b|\bdelivered\b"#
  )

  /// "A1c 8.4%": uncontrolled diabetes at 8 or more.
  private func glycatedHemoglobin(in passage: Passage) -> [Fact] {
    guard let match = Self.a1c.firstMatch(in: passage.text),
      let value = match.group(1).flatMap(ClinicalWords.number), value >= 8, value < 20
    else { return [] }
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

  private static let a1c = TextPattern(
    #"\b(?:Hb\s?A1c|HgbA1c|Hgb A1c|hemoglobin A1c|A1c|glycated hemoglobin)\s*(?:level\s*)?(?:of|is|was|=|:|-|at)?\s*(\d{1,2}(?:\.\d)?)\s*%?"#
  )
  private static let allergyLead = TextPattern(#"\ballerg\w*\b"#)
  private static let tolerated = TextPattern(
    #"\b(?:has |have |had )?tolerated (?:(?:his|her|the|prior|previous)\s+)?(lidocaine|bupivacaine|ropivacaine|local anesthetics?|local anaesthetics?|iodinated contrast|IV contrast|contrast(?: dye)?)\b"#
  )
  private static let contrast = TextPattern(
    #"\b(?:iodinated contrast|IV contrast|contrast(?: dye| media| medium)?|iodine|gadolinium|shellfish/iodine)\b"#
  )
  private static let anesthetic = TextPattern(
    #"\b(?:lidocaine|bupivacaine|ropivacaine|marcaine|novocaine|procaine|local anesthetics?|local anaesthetics?|amide anesthetics?)\b"#
  )
}
