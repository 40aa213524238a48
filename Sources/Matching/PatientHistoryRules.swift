import Model

// Rules on the patient's history: the age the complaint began at, the features of
// spondyloarthritis, and a diagnostic block aimed again after one that failed.
extension CaseContext {
  /// The age the complaint began at, as a range of years: stated outright ("onset at age
  /// 38" is 38 to 39), or the age now less the pain's duration (a 45-year-old whose pain
  /// began six months ago was 44.5 to 45.5), or, with no duration, at most the age now (a
  /// 40-year-old began at 40 or younger).
  func onsetAgeRange() -> (lower: Double, upper: Double, evidence: [Evidence])? {
    let ages = facts.patientAges
    if let onset = ages.filter({ $0.value.context == .onset }).min(by: {
      $0.value.years < $1.value.years
    }) {
      let years = Double(onset.value.years)
      return (years, years + 1, [onset].evidence())
    }
    guard let current = ages.first(where: { $0.value.context == .current }) else { return nil }

    let now = Double(current.value.years)
    guard let (months, evidence) = documentedPainMonths() else {
      return (0, now + 1, [current].evidence())
    }
    let years = now - months / 12
    return (years, years + 1, [current].evidence() + evidence)
  }

  func onsetAge(below limit: Int) -> Finding {
    let ask =
      "Please document the patient's age when the pain began (or the age and how long the"
      + " pain has lasted)."
    guard let onset = onsetAgeRange() else {
      return .notDocumented("The age at which the pain began is not documented.", ask: ask)
    }
    let bound = Double(limit)
    let began =
      onset.lower == 0
      ? "The patient is \(formatted(onset.upper - 1)) and the pain's duration is not documented"
      : "The pain began at about age \(formatted(onset.lower))"
    if onset.upper <= bound {
      return .met("\(began); onset before \(limit) is needed.", evidence: onset.evidence)
    }
    if onset.lower >= bound {
      return .notMet("\(began); onset before \(limit) is needed.", evidence: onset.evidence)
    }
    return .notDocumented(
      "\(began), which cannot tell whether it was before \(limit).", ask: ask,
      evidence: onset.evidence)
  }

  func spondyloarthritisFeatures(_ backPain: InflammatoryBackPain) -> Finding {
    let present = facts.spondyloarthritisFeatures.filter(\.value.present)
    let single = present.filter { !$0.value.feature.isInflammatoryBackPainItem }
    let items = present.filter(\.value.feature.isInflammatoryBackPainItem)
    let earlyOnset = onsetAge(below: backPain.onsetBefore)
    let itemCount = Set(items.map(\.value.feature)).count + (earlyOnset.status == .met ? 1 : 0)
    let itemsRead =
      "\(itemCount) of the items of inflammatory back pain (\(backPain.itemsNeeded) are"
      + " needed)"

    if !single.isEmpty {
      let named = listed(
        Set(single.map(\.value.feature)).map(\.words).sorted(), conjunction: "and")
      return .met(
        "Spondyloarthritis features documented: \(named).", evidence: single.evidence())
    }
    if itemCount >= backPain.itemsNeeded {
      return .met(
        "Inflammatory back pain is documented with \(itemsRead).",
        evidence: items.evidence() + (earlyOnset.status == .met ? earlyOnset.evidence : []))
    }
    return .notDocumented(
      "No spondyloarthritis feature is documented: \(itemsRead), and none of arthritis, heel"
        + " enthesitis, uveitis, dactylitis, psoriasis, Crohn's disease or colitis, a good"
        + " response to NSAIDs, a family history, HLA-B27 or an elevated CRP.",
      ask: "Please document the spondyloarthritis features found (such as HLA-B27, CRP,"
        + " uveitis, psoriasis, enthesitis, or the items of inflammatory back pain).",
      evidence: items.evidence())
  }

  /// After a block that failed, a further one at another level or by another technique,
  /// where the documents put the pain generator in question or show disease at several
  /// levels.
  func retargetAfterFailedBlock(_ block: RetargetedBlock) -> Finding {
    guard let prior = episode.mostRecent else {
      return .notMet("No earlier diagnostic block is documented.")
    }
    let relief = episode.reliefAfterMostRecent()
    guard let relief, isFailure(relief.value.percent, block) else {
      let why =
        relief.map { "The earlier block gave \(formatted($0.value.percent))% relief" }
        ?? "The earlier block's relief is not documented"
      return .notMet("\(why); a block aimed again follows one that failed.")
    }

    let evidence = [relief].evidence() + [prior].evidence()
    guard let reason = levelInQuestion() else {
      return .notMet(
        "The earlier block gave \(formatted(relief.value.percent))% relief, and no question"
          + " about the pain generator or disease at several levels is documented.",
        ask: "Please document why the pain generator is in question, or the levels imaging"
          + " shows diseased.", evidence: evidence)
    }
    return retargeted(from: prior.value, block, reason: reason, evidence: evidence)
  }

  private func isFailure(_ percent: Double, _ block: RetargetedBlock) -> Bool {
    block.failedBelowPercent == 0 ? percent == 0 : percent < block.failedBelowPercent
  }

  /// Whether the request aims at other levels than the failed block, or moves between the
  /// techniques allowed.
  private func retargeted(
    from prior: PriorProcedure, _ block: RetargetedBlock, reason: (String, [Evidence]),
    evidence: [Evidence]
  ) -> Finding {
    let allEvidence = evidence + reason.1
    let changedTechnique =
      prior.procedure != requestedProcedure && block.techniques.contains(prior.procedure)
      && block.techniques.contains(requestedProcedure)
    if changedTechnique {
      return .met(
        "The failed \(spoken(prior.procedure.rawValue)) is followed by a"
          + " \(spoken(requestedProcedure.rawValue)), and \(reason.0).", evidence: allEvidence)
    }
    let requested = Set(request.levels.map { $0.uppercased() })
    let earlier = Set((prior.levels ?? []).map { $0.uppercased() })
    guard !requested.isEmpty, !earlier.isEmpty else {
      return .notDocumented(
        "After the failed block \(reason.0), but the levels of the earlier and the requested"
          + " block are not both documented.",
        ask: "Please give the levels of the earlier block and of the one requested.",
        evidence: allEvidence)
    }
    if requested != earlier {
      return .met(
        "The failed block at \(earlier.sorted().joined(separator: ", ")) is followed by one at"
          + " \(requested.sorted().joined(separator: ", ")), and \(reason.0).",
        evidence: allEvidence)
    }
    return .notMet(
      "The requested block repeats the failed one at \(earlier.sorted().joined(separator: ", "))"
        + " with the same technique.",
      ask: "Please document the relief after the earlier block.", evidence: allEvidence)
  }

  /// Why the level of the pain is in question: a documented uncertainty, or imaging that
  /// names disease at two or more levels.
  private func levelInQuestion() -> (String, [Evidence])? {
    let uncertainties = facts.diagnosticUncertainties
    if let first = uncertainties.first {
      let why =
        first.value.kind == .painGenerator
        ? "the pain generator is in question" : "disease at several levels is documented"
      return (why, uncertainties.evidence())
    }
    let multilevel = facts.imagingFindings.filter {
      $0.value.finding != .other && Set(($0.value.levels ?? []).map { $0.uppercased() }).count >= 2
    }
    guard let first = multilevel.first else { return nil }
    let levels = (first.value.levels ?? []).joined(separator: ", ")
    return (
      "imaging shows \(spoken(first.value.finding.rawValue)) at \(levels)",
      multilevel.evidence()
    )
  }
}

extension SpondyloarthritisFeatureKind {
  /// The feature as a reviewer writes it: "HLA-B27", "a good response to NSAIDs".
  var words: String {
    switch self {
    case .insidiousOnset: "insidious onset"
    case .improvesWithExercise: "better with exercise"
    case .noImprovementWithRest: "not better with rest"
    case .nightPain: "pain at night"
    case .arthritis: "arthritis"
    case .enthesitis: "enthesitis"
    case .uveitis: "uveitis"
    case .dactylitis: "dactylitis"
    case .psoriasis: "psoriasis"
    case .inflammatoryBowelDisease: "Crohn's disease or colitis"
    case .nsaidResponse: "a good response to NSAIDs"
    case .familyHistory: "a family history of spondyloarthritis"
    case .hlaB27: "HLA-B27"
    case .elevatedCrp: "an elevated CRP"
    }
  }
}
