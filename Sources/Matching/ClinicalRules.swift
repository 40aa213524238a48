import Model

// Rules about the pain, the examination, the diagnosis and the contraindications.
extension CaseContext {
  /// Whether a disability finding shows pain limiting function: a narrative limit, or a
  /// scored ODI or NDI above minimal disability (below 20%).
  func limitsFunction(_ disability: FunctionalDisability) -> Bool {
    guard disability.present else { return false }
    guard disability.instrument == .odi || disability.instrument == .ndi,
      let score = disability.score
    else { return true }
    return score >= 20
  }

  func functionalLimitation() -> Finding {
    let disabilities = facts.disabilities
    if disabilities.contains(where: \.value.present) {
      return .met("Limited function is documented.", evidence: disabilities.evidence())
    }
    let ask = "Please document how the condition limits posture, balance or daily activities."
    if !disabilities.isEmpty {
      return .notMet(
        "The documents deny a functional limitation.", ask: ask, evidence: disabilities.evidence())
    }
    return .notDocumented("No functional limitation is documented.", ask: ask)
  }

  func pain(_ requirement: PainRequirement) -> Finding {
    let disabilities = facts.disabilities
    let disabled = disabilities.filter { limitsFunction($0.value) }
    if requirement.acceptsDisability, let first = disabled.first {
      let what = first.value.score.map {
        "\(first.value.instrument.rawValue.uppercased()) \(formatted($0))"
      }
      return .met(
        "Pain limits function (\(what ?? spoken(first.value.instrument.rawValue)) documented).",
        evidence: disabled.evidence())
    }

    guard let (context, scores) = painReading(continuing: requirement.isContinuing) else {
      return .notDocumented(
        "No \(requirement.isContinuing ? "current " : "")pain score or functional limitation is"
          + " documented.",
        ask: "Please send a note with the patient's average pain score (0-10) or a description"
          + " of how the pain limits function.")
    }
    // Pain that must continue is read at its lowest average (the score after the relief
    // period), pain before a first procedure at its highest.
    let values = scores.map(\.value.value)
    let level = (requirement.isContinuing ? values.min() : values.max()) ?? 0
    let described = "\(spoken(context.rawValue)) pain \(formatted(level))/10"
    if level >= requirement.minimum {
      return .met(
        "The \(described) meets the level of \(formatted(requirement.minimum))/10.",
        evidence: scores.evidence())
    }
    let ask =
      "Please document the average pain (at least \(formatted(requirement.minimum))/10)"
      + " or how the pain limits function."
    let evidence = scores.evidence() + disabilities.evidence()
    // Only an average below the level contradicts the criterion; a single office score
    // leaves the average undocumented.
    guard context == .average else {
      return .notDocumented(
        "Only a \(described) is documented; the average pain or a functional limitation is"
          + " needed.", ask: ask, evidence: evidence)
    }
    return .notMet(
      "The \(described) is below \(formatted(requirement.minimum))/10 and no functional"
        + " limitation is documented.", ask: ask, evidence: evidence)
  }

  /// The scores of the most telling context: the average first, then the scores of the
  /// visit; a pre-procedure score counts only before a first procedure.
  private func painReading(continuing: Bool) -> (PainContext, [Cited<PainScore>])? {
    let order: [PainContext] =
      continuing
      ? [.average, .current, .unspecified, .worst]
      : [.average, .current, .unspecified, .worst, .preProcedure]
    let scores = facts.painScores
    for context in order {
      let matching = scores.filter { $0.value.context == context }
      if !matching.isEmpty { return (context, matching) }
    }
    return nil
  }

  func painDuration(_ bound: DurationBound) -> Finding {
    guard let (months, cited) = documentedPainMonths() else {
      return .notDocumented(
        "How long the pain has lasted is not documented.",
        ask: "Please document when the pain began or how long it has lasted.")
    }
    let lasted = "Pain has lasted \(plural(months, "month"))"
    switch bound {
    case .atLeastMonths(let minimum):
      // Notes round durations: twelve weeks is written for three months, so a week's
      // shortfall (a quarter month) is tolerated.
      if months >= minimum - 0.25 {
        return .met("\(lasted); at least \(plural(minimum, "month")) are needed.", evidence: cited)
      }
      // Pain that has not lasted long enough yet may still qualify later: not documented.
      return .notDocumented(
        "\(lasted); at least \(plural(minimum, "month")) are needed.",
        ask: "Please document the onset of the pain if it began earlier.", evidence: cited)
    case .lessThanMonths(let maximum):
      if months < maximum {
        return .met("\(lasted); less than \(plural(maximum, "month")) is needed.", evidence: cited)
      }
      return .notMet(
        "\(lasted); this indication is for pain of less than \(plural(maximum, "month")).",
        evidence: cited)
    case .lessThanWeeks(let maximum):
      let weeks = months * 30.44 / 7
      let text = "Pain has lasted \(plural(weeks, "week"))"
      if weeks < maximum {
        return .met("\(text); less than \(plural(maximum, "week")) is needed.", evidence: cited)
      }
      return .notMet(
        "\(text); this indication is for pain of less than \(plural(maximum, "week")).",
        evidence: cited)
    }
  }

  /// How long the pain has lasted, in months, when documented.
  func painMonths() -> Double? { documentedPainMonths()?.0 }

  /// When the pain began: the earliest documented onset, else the note date less the longest
  /// documented duration.
  func painOnset() -> ClinicalDate? {
    let durations = facts.durations
    if let onset = durations.compactMap(\.value.onset).min() { return onset }
    guard let longest = durations.map(\.value.months).max(), let noteDate = facts.noteDate
    else { return nil }
    return noteDate.adding(days: -nearestInteger(longest * 30.44))
  }

  func documentedPainMonths() -> (Double, [Evidence])? {
    let durations = facts.durations
    if let longest = durations.max(by: { $0.value.months < $1.value.months }) {
      return (longest.value.months, durations.evidence())
    }
    if let onset = durations.compactMap(\.value.onset).min(), let reference = referenceDate {
      return (Double(onset.days(until: reference)) / 30.44, durations.evidence())
    }
    return nil
  }

  func painPattern(accepted: Set<PainPatternKind>, contradicted: Set<PainPatternKind>)
    -> Finding
  {
    let patterns = facts.patterns
    if patterns.contains(where: { accepted.contains($0.value.pattern) }) {
      let found = listed(patterns.map(\.value.pattern.rawValue), conjunction: "and")
      return .met("The pain is documented as \(found).", evidence: patterns.evidence())
    }
    let wanted = listed(accepted.map(\.rawValue).sorted())
    if let contrary = patterns.first(where: { contradicted.contains($0.value.pattern) }) {
      return .notMet(
        "The pain is documented as \(contrary.value.pattern.rawValue); \(wanted) pain is needed.",
        ask: "Please document the distribution of the pain.", evidence: patterns.evidence())
    }
    return .notDocumented(
      "Whether the pain is \(wanted) is not documented.",
      ask: "Please document where the pain is and whether it radiates.",
      evidence: patterns.evidence())
  }

  func diagnosis(anyOf conditions: Set<DiagnosisCondition>, orImaging: Set<ImagingFindingKind>)
    -> Finding
  {
    let diagnoses = facts.diagnoses.filter { conditions.contains($0.value.condition) }
    let findings = facts.imagingFindings.filter { orImaging.contains($0.value.finding) }
    if let first = diagnoses.first {
      return .met(
        "A diagnosis of \(spoken(first.value.condition.rawValue)) is documented.",
        evidence: diagnoses.evidence())
    }
    if let first = findings.first {
      return .met(
        "Imaging shows \(spoken(first.value.finding.rawValue)).", evidence: findings.evidence())
    }
    let names = conditions.map(\.rawValue).sorted() + orImaging.map(\.rawValue).sorted()
    let wanted = listed(Array(Set(names)).sorted().map(spoken))
    return .notDocumented(
      "None of \(wanted) is documented.",
      ask: "Please send the diagnosis (\(wanted)) with the findings that support it.")
  }

  func notPrimarily(_ conditions: Set<DiagnosisCondition>, imaging: Set<ImagingFindingKind>)
    -> Finding
  {
    let images = facts.imagingFindings.filter { imaging.contains($0.value.finding) }
    if let image = images.first {
      return .notMet(
        "Imaging shows \(spoken(image.value.finding.rawValue)), a source this indication does not"
          + " treat.", ask: "Please document why the pain is thought to come from the joint.",
        evidence: images.evidence())
    }
    let contrary = facts.diagnoses.filter { conditions.contains($0.value.condition) }
    guard let first = contrary.first else {
      let names = listed(conditions.map(\.rawValue).sorted().map(spoken))
      return .met("No diagnosis of \(names) is documented as the source of the pain.")
    }
    return .notMet(
      "A diagnosis of \(spoken(first.value.condition.rawValue)) is documented, which this"
        + " indication does not treat.",
      ask: "Please document why the pain is thought to come from the joint targeted.",
      evidence: contrary.evidence())
  }

  func imaging(anyOf findings: Set<ImagingFindingKind>) -> Finding {
    let found = facts.imagingFindings.filter { findings.contains($0.value.finding) }
    guard let first = found.first else {
      let wanted = listed(findings.map(\.rawValue).sorted().map(spoken))
      return .notDocumented(
        "No imaging showing \(wanted) is documented.",
        ask: "Please send the imaging report showing \(wanted).")
    }
    let study = [first.value.modality?.rawValue.uppercased(), first.value.date?.usFormat]
      .compactMap { $0 }.joined(separator: " ")
    return .met(
      "Imaging\(study.isEmpty ? "" : " (\(study))") shows \(spoken(first.value.finding.rawValue)).",
      evidence: found.evidence())
  }

  func provocationTests(atLeast count: Int, _ tests: Set<ProvocationTestKind>) -> Finding {
    let results = facts.provocationTests.filter { tests.contains($0.value.test) }
    let positive = Set(results.filter { $0.value.result == .positive }.map(\.value.test))
    let negative = Set(results.filter { $0.value.result == .negative }.map(\.value.test))
      .subtracting(positive)
    let untested = tests.count - positive.count - negative.count
    let named =
      positive.isEmpty ? "" : " (\(listed(positive.map(\.rawValue).sorted(), conjunction: "and")))"
    let summary =
      "\(positive.count) positive\(named) and \(negative.count) negative"
      + " provocation tests are documented; \(count) positive are needed."
    if positive.count >= count { return .met(summary, evidence: results.evidence()) }
    let request =
      "Please send the examination documenting at least \(count) positive provocation tests"
      + " of the sacroiliac joint."
    if positive.count + untested < count {
      return .notMet(summary, ask: request, evidence: results.evidence())
    }
    return .notDocumented(summary, ask: request, evidence: results.evidence())
  }

  func budapestCriteria() -> Finding {
    let stated = facts.crpsDiagnoses
    if stated.contains(where: { $0.value.budapestStated == true }) {
      return .met("The note states the Budapest criteria are met.", evidence: stated.evidence())
    }
    let findings = facts.budapestFindings
    let symptoms = categories(in: findings, kind: .symptom, present: true)
    let signs = categories(in: findings, kind: .sign, present: true)
    let summary =
      "Symptoms in \(symptoms.count) and signs in \(signs.count) of the 4 Budapest"
      + " categories are documented; 3 and 2 are needed."
    let evidence = findings.evidence() + stated.evidence()
    if symptoms.count >= 3 && signs.count >= 2 { return .met(summary, evidence: evidence) }

    let absentSymptoms = categories(in: findings, kind: .symptom, present: false)
      .subtracting(symptoms)
    let absentSigns = categories(in: findings, kind: .sign, present: false).subtracting(signs)
    let request =
      "Please send the examination documenting the Budapest criteria (symptoms in"
      + " at least 3 and signs in at least 2 of the 4 categories)."
    // A note that does not state the criteria (`budapestStated` false) contradicts nothing;
    // findings documented absent do.
    if 4 - absentSymptoms.count < 3 || 4 - absentSigns.count < 2 {
      return .notMet(summary, ask: request, evidence: evidence)
    }
    return .notDocumented(summary, ask: request, evidence: evidence)
  }

  private func categories(in findings: [Cited<BudapestFinding>], kind: BudapestKind, present: Bool)
    -> Set<BudapestCategory>
  {
    Set(
      findings.filter { $0.value.kind == kind && $0.value.present == present }.map(\.value.category)
    )
  }

  func surgicalPlan(anyOf kinds: Set<SurgicalPlanKind>) -> Finding {
    let plans = facts.surgicalPlans
    if let plan = plans.first(where: { kinds.contains($0.value.kind) }) {
      let date = plan.value.date.map { " (\($0.usFormat))" } ?? ""
      return .met(
        "A \(spoken(plan.value.kind.rawValue))\(date) is documented.", evidence: plans.evidence())
    }
    let request = "Please send the surgeon's pre-operative evaluation and the plan for surgery."
    if plans.contains(where: { $0.value.kind == .notSurgicalCandidate }) {
      return .notMet(
        "The patient is documented as not a surgical candidate.", ask: request,
        evidence: plans.evidence())
    }
    return .notDocumented(
      "No pre-operative evaluation or surgical plan is documented.", ask: request)
  }

  func noContraindication(_ conditions: Set<RiskCondition>, imaging: Set<ImagingFindingKind>)
    -> Finding
  {
    let risks = facts.riskFactors.filter { conditions.contains($0.value.condition) }
    let present = risks.filter(\.value.present)
    let findings = facts.imagingFindings.filter { imaging.contains($0.value.finding) }
    let names =
      present.map { spoken($0.value.condition.rawValue) }
      + findings.map { spoken($0.value.finding.rawValue) }
    guard names.isEmpty else {
      let documented = listed(Array(Set(names)).sorted(), conjunction: "and")
      return .notMet(
        "A contraindication is documented: \(documented).",
        ask: "Please document how the contraindication has been resolved.",
        evidence: present.evidence() + findings.evidence())
    }
    let denied = risks.map { spoken($0.value.condition.rawValue) }
    let detail = denied.isEmpty ? "" : " (documented absent: \(listed(denied, conjunction: "and")))"
    return .met("No contraindication is documented\(detail).", evidence: risks.evidence())
  }
}
