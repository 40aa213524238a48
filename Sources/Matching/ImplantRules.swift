import Model

// Rules that come before an implant or a trial: decolonization, psychology, trial results.
extension CaseContext {
  func decolonization(maximumDaysBefore limit: Int, requiresScreen: Bool) -> Finding {
    let screens = facts.staphScreens
    let positive = screens.filter { $0.value.result == .positive }
    if requiresScreen, screens.isEmpty {
      return .notDocumented(
        "No nasal Staphylococcus aureus screen is documented before the revision.",
        ask: "Please send the nasal S. aureus screen and, if positive, the decolonization plan,"
          + " or the medical reason it cannot be done.")
    }
    guard let screen = positive.first else {
      let negative = screens.isEmpty ? "" : " (screens documented negative)"
      return .met(
        "No colonization with Staphylococcus aureus is documented\(negative).",
        evidence: screens.evidence())
    }
    let organism =
      screen.value.organism == .staphAureus
      ? "S. aureus" : screen.value.organism.rawValue.uppercased()
    let screened =
      "The \(organism) screen\(screen.value.date.map { " of \($0.usFormat)" } ?? "") is positive"
    let plans = facts.decolonizations.filter(\.value.planned)
    let evidence = positive.evidence() + plans.evidence()
    let ask =
      "Please send the decolonization plan with its start date, no earlier than"
      + " \(limit) days before the procedure"
      + (request.plannedDate.map { " (\($0.adding(days: -limit).usFormat) or later)" } ?? "") + "."
    guard !plans.isEmpty else {
      return .notMet(
        "\(screened) and no decolonization plan is documented.", ask: ask, evidence: evidence)
    }
    guard let start = plans.compactMap(\.value.start).max(), let planned = request.plannedDate
    else {
      return .notDocumented(
        "\(screened); decolonization is planned but its start date or the procedure date is not"
          + " documented.", ask: ask, evidence: evidence)
    }
    let before = start.days(until: planned)
    let timing =
      "\(screened); decolonization starts \(start.usFormat), \(before) days before the"
      + " procedure on \(planned.usFormat); no earlier than \(limit) days before is allowed."
    if before > limit || before < 0 { return .notMet(timing, ask: ask, evidence: evidence) }
    return .met(timing, evidence: evidence)
  }

  func psychologicalEvaluation() -> Finding {
    let evaluations = facts.psychEvaluations
    let ask = "Please send the completed psychological evaluation for the implant."
    let completed = evaluations.filter(\.value.completed)
    if let cleared = completed.first(where: { $0.value.cleared != false }) {
      let date = cleared.value.date.map { " on \($0.usFormat)" } ?? ""
      return .met(
        "A psychological evaluation was completed\(date)"
          + (cleared.value.cleared == true ? " and clears the patient." : "."),
        evidence: evaluations.evidence())
    }
    if !completed.isEmpty {
      return .notMet(
        "The psychological evaluation does not clear the patient for the implant.", ask: ask,
        evidence: evaluations.evidence())
    }
    let pending =
      evaluations.isEmpty
      ? "No psychological evaluation is documented."
      : "A psychological evaluation is documented as not yet completed."
    return .notDocumented(pending, ask: ask, evidence: evaluations.evidence())
  }

  func deviceTrial(_ requirement: DeviceTrialRequirement) -> Finding {
    let trials = facts.deviceTrials.filter { requirement.devices.contains($0.value.device) }
    let reliefs = facts.reliefs.filter {
      requirement.trialProcedures.contains($0.value.procedure)
    }
    let results: [(percent: Double, days: Double?, function: Bool?, evidence: [Evidence])] =
      trials.map {
        ($0.value.percent, $0.value.days, $0.value.functionalImprovement, $0.evidence)
      }
      + reliefs.map {
        (
          $0.value.percent, $0.value.durationDays, $0.value.functionalImprovement,
          $0.evidence
        )
      }
    let ask =
      "Please send the trial report with the percent pain relief"
      + (requirement.minimumDays.map { ", its length in days (at least \(formatted($0)))" } ?? "")
      + (requirement.requiresFunctionalImprovement ? " and the functional improvement" : "") + "."
    guard let best = results.max(by: { $0.percent < $1.percent }) else {
      return .notDocumented("No trial result is documented.", ask: ask)
    }
    let evidence = results.flatMap(\.evidence)
    let summary =
      "The trial gave \(formatted(best.percent))% relief"
      + (best.days.map { " over \(plural($0, "day"))" } ?? "")
      + "; \(formatted(requirement.minimumPercent))% is needed"
    let intolerable = trials.contains { $0.value.intolerableSideEffects == true }
    if requirement.isUpperBound {
      if intolerable {
        return .met(
          "The earlier trial's side effects could not be tolerated, which allows a further"
            + " trial.", evidence: evidence)
      }
      let earlier =
        "The earlier trial gave \(formatted(best.percent))% relief; a further trial"
        + " follows one with less than \(formatted(requirement.minimumPercent))%"
      return best.percent < requirement.minimumPercent
        ? .met(earlier + ".", evidence: evidence)
        : .notMet(earlier + " or intolerable side effects.", ask: ask, evidence: evidence)
    }
    guard best.percent >= requirement.minimumPercent else {
      return .notMet(summary + ".", ask: ask, evidence: evidence)
    }
    if requirement.requiresTolerableSideEffects, intolerable {
      return .notMet(
        summary + " with tolerable side effects; they could not be tolerated.", ask: ask,
        evidence: evidence)
    }
    if let days = requirement.minimumDays {
      guard let lasted = best.days else {
        return .notDocumented(
          summary + "; the trial's length is not documented.", ask: ask, evidence: evidence)
      }
      if lasted < days {
        return .notMet(
          summary + " over at least \(plural(days, "day")).", ask: ask, evidence: evidence)
      }
    }
    if requirement.requiresFunctionalImprovement {
      switch best.function {
      case true?: break
      case false?:
        return .notMet(summary + "; function did not improve.", ask: ask, evidence: evidence)
      case nil:
        return .notDocumented(
          summary + "; functional improvement is not documented.", ask: ask, evidence: evidence)
      }
    }
    return .met(summary + ".", evidence: evidence)
  }
}
