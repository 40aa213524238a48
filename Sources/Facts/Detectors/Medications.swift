import Model

/// Finds medications tried for pain, one per generic name (brand names mapped to it), with
/// the drug class, status and outcome.
///
/// Drugs named as the injectate of a procedure ("dexamethasone 10 mg was injected") or in
/// the allergy list are not treatments.
struct MedicationRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    let hits = passage.hits("medications")
    guard !hits.isEmpty, passage.section?.isAllergies != true,
      !Self.injectate.occurs(in: passage.text), !Self.allergy.occurs(in: passage.text)
    else { return [] }
    return hits.compactMap { fact(for: $0, in: passage) }
  }

  private func fact(for hit: LexiconHit, in passage: Passage) -> Fact? {
    let context = passage.context(of: hit)
    guard !TreatmentCourse.isDeniedOrUnknown(hit, in: passage), !context.isOtherPerson,
      !context.isUncertain,
      let status = TreatmentCourse.status(in: passage, context: context)
    else { return nil }

    let isClassOnly = hit.attributes["classOnly"] == "yes"
    let course = TreatmentCourse(passage: passage, around: passage.local(hit.range))
    let detail = Therapy(
      modality: .medication,
      name: isClassOnly ? nil : (hit.attributes["generic"] ?? hit.concept.lowercased()),
      start: course.start, end: course.end, weeks: course.weeks, status: status.status,
      outcome: TreatmentCourse.outcome(in: passage.text), drugClass: hit.attributes["class"],
      unableReason: status.reason)
    let rule = isClassOnly ? "therapy.medicationClass" : "therapy.medication"
    return passage.fact(
      .therapy(detail), rule: "\(rule).\(status.rule)", hits: [hit], context: context)
  }

  private static let injectate = TextPattern(
    #"\b(?:inject\w*|injectate|instilled|infiltrat\w*|mixture of|solution of|was administered|were administered|epidurally|under fluoroscop\w*|needle|bolus|trial|single-shot|single shot|test dose|spinal anesthetic|intrathecal infusion|temporary catheter|catheter at)\b"#
  )
  private static let allergy = TextPattern(
    #"\b(?:allerg\w*|anaphyla\w*|hives|intoleran(?:t|ce) to)\b"#)
}
