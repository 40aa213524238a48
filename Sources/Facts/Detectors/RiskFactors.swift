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
    if passage.section?.isAllergies == true || Self.allergyLead.occurs(in: passage.text) {
      facts += allergies(in: passage)
    }
    return facts
  }

  private func fact(for hit: LexiconHit, in passage: Passage) -> Fact? {
    guard let condition = hit.attributes["condition"].flatMap(RiskCondition.init(rawValue:))
    else { return nil }
    let context = passage.context(of: hit)
    guard !context.isOtherPerson, !context.isUncertain, !context.isHypothetical else { return nil }
    if context.isNegated && hit.attributes["deniedCounts"] == "no" { return nil }
    if context.isHistorical && !context.isNegated && condition != .anticoagulation { return nil }
    if condition == .anticoagulation && passage.section?.isAllergies == true { return nil }

    let detail = RiskFactor(condition: condition, present: !context.isNegated, detail: hit.concept)
    return passage.fact(
      .riskFactor(detail), rule: "riskFactor.\(condition.rawValue)", hits: [hit], context: context)
  }

  /// "A1c 8.4%": uncontrolled diabetes at 8 or more.
  private func glycatedHemoglobin(in passage: Passage) -> [Fact] {
    guard let match = Self.a1c.firstMatch(in: passage.text),
      let value = match.group(1).flatMap(ClinicalWords.number), value >= 8, value < 20
    else { return [] }
    let detail = RiskFactor(condition: .uncontrolledDiabetes, present: true, detail: "A1c \(value)")
    return [passage.fact(.riskFactor(detail), rule: "riskFactor.a1c")]
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
  private static let contrast = TextPattern(
    #"\b(?:iodinated contrast|IV contrast|contrast(?: dye| media| medium)?|iodine|gadolinium|shellfish/iodine)\b"#
  )
  private static let anesthetic = TextPattern(
    #"\b(?:lidocaine|bupivacaine|ropivacaine|marcaine|novocaine|procaine|local anesthetics?|local anaesthetics?|amide anesthetics?)\b"#
  )
}
