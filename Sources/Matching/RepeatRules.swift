import Model

// Rules about earlier procedures: their relief, how many there have been, how long ago.
extension CaseContext {
  func priorRelief(_ requirement: ReliefRequirement) -> Finding {
    let chosen: Cited<Relief>?
    let kinds: Set<ProcedureKind>
    if requirement.procedures.isEmpty {
      kinds = episode.kinds
      chosen = episode.reliefAfterMostRecent()
    } else {
      kinds = requirement.procedures
      chosen = facts.reliefs.filter { kinds.contains($0.value.procedure) }
        .max { score($0.value, requirement) < score($1.value, requirement) }
    }
    let procedure = listed(kinds.map(\.rawValue).sorted().map(spoken))
    let ask =
      "Please document the percent pain relief after the \(procedure)\(lasting(requirement))."
    guard let relief = chosen else {
      return .notDocumented("No relief after a \(procedure) is documented.", ask: ask)
    }
    return judge(relief, requirement, ask: ask)
  }

  private func judge(_ cited: Cited<Relief>, _ requirement: ReliefRequirement, ask: String)
    -> Finding
  {
    let relief = cited.value
    let evidence = cited.evidence
    let lasted = relief.durationDays.map { " lasting \(spokenDays($0))" } ?? ""
    let what =
      "The \(spoken(relief.procedure.rawValue))"
      + (relief.procedureDate.map { " of \($0.usFormat)" } ?? "")
      + " gave \(formatted(relief.percent))% relief\(lasted)"
    let functional =
      requirement.acceptsFunctionalImprovement && relief.functionalImprovement == true
    if requirement.isUpperBound {
      guard relief.percent >= requirement.minimumPercent else {
        return .met(
          "\(what); less than \(formatted(requirement.minimumPercent))% allows another.",
          evidence: evidence)
      }
      return .notMet(
        "\(what); a further one follows only less than \(formatted(requirement.minimumPercent))%.",
        ask: ask, evidence: evidence)
    }
    let enough = relief.percent >= requirement.minimumPercent || functional
    let needed =
      "at least \(formatted(requirement.minimumPercent))%"
      + (requirement.acceptsFunctionalImprovement ? " or significant functional improvement" : "")
      + (requirement.minimumDays.map { " for at least \(spokenDays($0))" } ?? "")
    guard enough else {
      return .notMet("\(what); \(needed) is needed.", ask: ask, evidence: evidence)
    }
    if requirement.mustOutlastAnesthetic, relief.durationDays == nil {
      return .notDocumented(
        "\(what); how long it lasted is not documented.", ask: ask, evidence: evidence)
    }
    if let minimum = requirement.minimumDays {
      guard let days = relief.durationDays else {
        return .notDocumented(
          "\(what); how long it lasted is not documented.", ask: ask, evidence: evidence)
      }
      if days < minimum {
        return .notMet("\(what); \(needed) is needed.", ask: ask, evidence: evidence)
      }
    }
    if let maximum = requirement.lessThanDays, let days = relief.durationDays, days >= maximum {
      return .notMet(
        "\(what); relief of less than \(spokenDays(maximum)) is what this procedure follows.",
        ask: ask, evidence: evidence)
    }
    return .met("\(what); \(needed) is needed.", evidence: evidence)
  }

  /// " and how long it lasted (at least two months)": what the request asks of the relief's
  /// duration, or "" when the criterion reads none.
  private func lasting(_ requirement: ReliefRequirement) -> String {
    if let days = requirement.minimumDays {
      return " and how long it lasted (at least \(spokenDays(days)))"
    }
    return requirement.mustOutlastAnesthetic
      ? " and how long it lasted (at least as long as the anesthetic acts)" : ""
  }

  private func score(_ relief: Relief, _ requirement: ReliefRequirement) -> Double {
    relief.percent + (relief.durationDays ?? 0) / 1000
  }

  func procedureCount(_ limit: CountLimit) -> Finding {
    let priors =
      limit.procedures.isEmpty
      ? episode.priors : episode.allPriors.filter { limit.procedures.contains($0.value.procedure) }
    let dated = mergedOppositeSides(priors.filter { $0.value.date != nil })
    let undated = priors.count - priors.filter { $0.value.date != nil }.count
    let evidence = priors.evidence()
    guard let reference = referenceDate else {
      if dated.isEmpty && undated == 0 { return .met("No earlier procedure of this kind.") }
      return .notDocumented(
        "The procedure date is not documented, so the count cannot be placed.",
        ask: "Please give the planned date of the procedure.", evidence: evidence)
    }

    var allowed = limit.limit
    var counted = dated
    var span =
      limit.withinDays == nil ? "in this phase" : "in the 12 months before \(reference.usFormat)"
    if let withinDays = limit.withinDays {
      counted = dated.filter { $0.days(until: reference) < withinDays }
      if withinDays != 365 { span = "in the \(withinDays) days before \(reference.usFormat)" }
    }
    // Documented special circumstances raise the limit whatever the start of treatment.
    let raisedLimit = limit.raised.flatMap { holds($0.condition) ? $0.limit : nil } ?? 0
    if let opening = limit.opening, let first = dated.first,
      first.days(until: reference) < opening.days
    {
      // The higher opening limit holds only from a dated start of treatment: a series whose
      // first dated procedure falls in the opening window may have begun long before it.
      // Shortcoming: injections dated only by year ("injections in 2023-2024") carry no
      // facts-v1 fact, so such a series pends on the count where the year would show it
      // past the opening (dev esi-009: gold calls the fifth injection contradicted).
      if undated == 0, isTreatmentStart(first, within: opening.days, of: reference) {
        allowed = opening.limit
        counted = dated
        span = "since the episode began \(first.usFormat)"
      } else if counted.count + undated + 1 > max(allowed, raisedLimit),
        dated.count + undated + 1 <= opening.limit
      {
        let total = counted.count + undated + 1
        return undatedStart(total: total, span: span, allowed: allowed, opening, evidence)
      }
    }
    let total = counted.count + undated + 1
    let raised = limit.raised.flatMap { $0.limit > allowed ? $0 : nil }
    let isRaised = raised.map { holds($0.condition) } ?? false
    if let raised, isRaised { allowed = raised.limit }
    let because = raised.map { " where, as here, \($0.circumstances) is documented." }
    let summary =
      "With this one, \(total) procedure\(total == 1 ? "" : "s") \(span)"
      + (undated > 0 ? " (\(undated) undated)" : "") + "; at most \(allowed) are allowed"
      + (isRaised ? because ?? "." : ".")
    if total <= allowed { return .met(summary, evidence: evidence) }
    var ask = "Please send the dates of earlier procedures in this region"
    if let raised, !isRaised, total <= raised.limit {
      ask +=
        ", or document the special circumstances (such as \(raised.circumstances))"
        + " that allow up to \(raised.limit)"
    }
    return .notMet(summary, ask: ask + ".", evidence: evidence)
  }

  /// A count only the opening limit would allow, for a series whose start is not dated.
  private func undatedStart(
    total: Int, span: String, allowed: Int, _ opening: (days: Int, limit: Int),
    _ evidence: [Evidence]
  ) -> Finding {
    .notDocumented(
      "With this one, \(total) procedures \(span); more than \(allowed) are allowed only in the"
        + " first \(spokenDays(Double(opening.days))) of treatment, and the documents do not"
        + " show when treatment of the region began.",
      ask: "Please document when treatment of this region began (the date of the first"
        + " procedure of this course of care).", evidence: evidence)
  }

  /// Whether `first`, the earliest dated procedure of the episode, is shown to be where
  /// treatment began within the opening window: the episode started afresh there (after a
  /// gap or surgery that ended an earlier one), or the pain itself began in the window and
  /// no later than that procedure.
  private func isTreatmentStart(_ first: ClinicalDate, within days: Int, of reference: ClinicalDate)
    -> Bool
  {
    let windowStart = reference.adding(days: -days)
    let sameKind = episode.allPriors.filter {
      episode.kinds.contains($0.value.procedure) && Episode.sameRegion($0.value.region, regions)
    }
    if sameKind.contains(where: { $0.value.date.map { $0 < first } ?? false }) { return true }
    guard let onset = painOnset() else { return false }
    return windowStart <= onset && onset <= first
  }

  /// Dates of procedures, opposite sides at the same levels within the policy's days
  /// counted once.
  private func mergedOppositeSides(_ priors: [Cited<PriorProcedure>]) -> [ClinicalDate] {
    guard let days = guideline.repeats.oppositeSidesAsOneWithinDays else {
      return priors.compactMap(\.value.date)
    }
    var kept: [PriorProcedure] = []
    for prior in priors.map(\.value) {
      let companion = kept.contains { earlier in
        guard let side = earlier.side, let otherSide = prior.side, side != otherSide,
          side != .bilateral, otherSide != .bilateral,
          let first = earlier.date, let second = prior.date
        else { return false }
        return abs(first.days(until: second)) <= days
          && Episode.sameLevels(earlier.levels ?? [], prior.levels ?? [])
      }
      if !companion { kept.append(prior) }
    }
    return kept.compactMap(\.date)
  }

  func interval(_ requirement: IntervalRequirement) -> Finding {
    let candidates: [Cited<PriorProcedure>]
    switch requirement.scope {
    case .sameKind:
      candidates = episode.priors
    case .otherRegion:
      candidates = episode.allPriors.filter {
        $0.value.procedure.isInjection && $0.value.region != nil
          && !Episode.sameRegion($0.value.region, regions)
      }
    case .anyInjection:
      candidates = episode.allPriors.filter(\.value.procedure.isInjection)
    case .since(let kinds):
      candidates = episode.allPriors.filter { kinds.contains($0.value.procedure) }
    }
    if requirement.requiresPrior, candidates.isEmpty {
      let kind = requiredPriorKind(requirement)
      return .notDocumented(
        "No \(kind) is documented to measure the interval from.",
        ask: "Please send the date of the \(kind).")
    }
    if requirement.requiresDate, let undated = candidates.first,
      !candidates.contains(where: { $0.value.date != nil })
    {
      let kind = spoken(undated.value.procedure.rawValue)
      return .notDocumented(
        "The date of the \(kind) is not documented, so the interval cannot be measured.",
        ask: "Please send the date of the \(kind).", evidence: candidates.evidence())
    }
    guard let reference = referenceDate,
      let latest = candidates.filter({ $0.value.date.map { $0 <= reference } ?? false })
        .max(by: { $0.value.date! < $1.value.date! }),
      let date = latest.value.date
    else {
      return .met("No dated earlier procedure sets an interval.", evidence: candidates.evidence())
    }
    let minimum = requirement.minimumDaysAfter[latest.value.procedure] ?? requirement.minimumDays
    let days = date.days(until: reference)
    let earliest =
      requirement.minimumMonths.map { date.adding(months: $0) } ?? date.adding(days: minimum)
    let needed =
      requirement.minimumMonths.map { plural(Double($0), "month") } ?? spokenDays(Double(minimum))
    let summary =
      "The last \(spoken(latest.value.procedure.rawValue)) was \(date.usFormat),"
      + " \(days) days before \(reference.usFormat); at least \(needed) are needed."
    let evidence = [latest].evidence()
    if earliest <= reference { return .met(summary, evidence: evidence) }
    let ask =
      "Please schedule the procedure on or after \(earliest.usFormat), or document the"
      + " medical reason it cannot wait."
    // Without a planned date the note date only bounds the interval from below.
    if !isPlannedDate { return .notDocumented(summary, ask: ask, evidence: evidence) }
    return .notMet(summary, ask: ask, evidence: evidence)
  }

  /// The procedure an interval that needs one is measured from, as a reason names it.
  private func requiredPriorKind(_ requirement: IntervalRequirement) -> String {
    guard case .since(let kinds) = requirement.scope, let kind = kinds.map(\.rawValue).min()
    else { return "earlier procedure" }
    return spoken(kind)
  }

  func spokenDays(_ days: Double) -> String {
    if days < 1 { return "the duration of the local anesthetic" }
    if days == 365 { return "12 months" }
    if days >= 60, days.truncatingRemainder(dividingBy: 30) == 0 {
      return plural(days / 30, "month")
    }
    if days >= 14, days.truncatingRemainder(dividingBy: 7) == 0 { return plural(days / 7, "week") }
    return plural(days, "day")
  }
}
