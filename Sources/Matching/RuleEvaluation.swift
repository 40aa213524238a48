import Model

extension CaseContext {
  /// Evaluates one rule of the vocabulary on this case.
  func evaluate(_ rule: Rule) -> Finding {
    switch rule {
    case .pain(let requirement): return pain(requirement)
    case .functionalLimitation: return functionalLimitation()
    case .painDuration(let bound): return painDuration(bound)
    case .painPattern(let accepted, let contradicted):
      return painPattern(accepted: accepted, contradicted: contradicted)
    case .diagnosis(let conditions, let findings):
      return diagnosis(anyOf: conditions, orImaging: findings)
    case .notPrimarily(let conditions, let findings):
      return notPrimarily(conditions, imaging: findings)
    case .imaging(let findings): return imaging(anyOf: findings)
    case .provocationTests(let count, let tests): return provocationTests(atLeast: count, tests)
    case .conservativeTreatment(let policy): return conservativeTreatment(policy)
    case .homeExerciseProgram: return homeExerciseProgram()
    case .ongoingTreatment(let modalities): return ongoingTreatment(modalities)
    case .failedTreatment(let modalities): return failedTreatment(modalities)
    case .medication(let requirement): return medication(requirement)
    case .opioidExposure: return opioidExposure()
    case .budapestCriteria: return budapestCriteria()
    case .decolonization(let days, let requiresScreen):
      return decolonization(maximumDaysBefore: days, requiresScreen: requiresScreen)
    case .psychologicalEvaluation: return psychologicalEvaluation()
    case .deviceTrial(let requirement): return deviceTrial(requirement)
    case .implantProblem(let problems): return implantProblem(anyOf: problems)
    case .consultation(let specialty): return consultation(specialty)
    case .anginaClass(let minimum, let systems): return anginaClass(atLeast: minimum, systems)
    case .interrogationReport(let devices): return interrogationReport(devices)
    case .priorRelief(let requirement): return priorRelief(requirement)
    case .procedureCount(let limit): return procedureCount(limit)
    case .interval(let requirement): return interval(requirement)
    case .surgicalPlan(let kinds): return surgicalPlan(anyOf: kinds)
    case .imageGuidance(let allowed): return imageGuidance(allowed)
    case .levels(let maximum): return levels(atMost: maximum)
    case .requestedRegion(let allowed): return requestedRegion(allowed)
    case .sameDay(let policy): return sameDay(policy)
    case .noContraindication(let conditions, let findings):
      return noContraindication(conditions, imaging: findings)
    case .documented(let condition, let what, let contrary):
      return documented(condition, what: what, contradictedBy: contrary)
    // Closures rather than `map(evaluate)`: a method passed as a function value captures a
    // copy of the whole context, its guideline and episode and all.
    case .allOf(let rules): return allOf(rules.map { evaluate($0) })
    case .anyOf(let rules): return anyOf(rules.map { evaluate($0) })
    case .atLeast(let count, let rules): return atLeast(count, rules.map { evaluate($0) })
    case .unlessMedicalReason(let inner): return unlessMedicalReason(evaluate(inner))
    case .when(let condition, let inner):
      guard holds(condition) else { return .met(notApplicable(condition)) }
      return evaluate(inner)
    case .onsetAge(let limit): return onsetAge(below: limit)
    case .spondyloarthritisFeatures(let backPain): return spondyloarthritisFeatures(backPain)
    case .retargetAfterFailedBlock(let block): return retargetAfterFailedBlock(block)
    }
  }

  func documented(_ condition: CaseCondition, what: String, contradictedBy: CaseCondition?)
    -> Finding
  {
    if holds(condition) { return .met("The documents show \(what).") }
    let ask = "Please document \(what)."
    if let contradictedBy, holds(contradictedBy) {
      return .notMet(
        "Instead of \(what), the documents show \(describe(contradictedBy)).", ask: ask)
    }
    return .notDocumented("The documents do not show \(what).", ask: ask)
  }

  func allOf(_ findings: [Finding]) -> Finding {
    let worst = findings.max { $0.status.severity < $1.status.severity }
    guard let worst, worst.status != .met else {
      return combined(findings, status: .met, reasons: findings)
    }
    let shortfalls = findings.filter { $0.status != .met }
    return combined(findings, status: worst.status, reasons: shortfalls)
  }

  func anyOf(_ findings: [Finding]) -> Finding {
    if let met = findings.first(where: { $0.status == .met }) { return met }
    let status: CriterionStatus =
      findings.contains { $0.status == .notDocumented } ? .notDocumented : .notMet
    return combined(findings, status: status, reasons: findings.filter { $0.status == status })
  }

  func atLeast(_ count: Int, _ findings: [Finding]) -> Finding {
    let met = findings.filter { $0.status == .met }.count
    let open = findings.filter { $0.status == .notDocumented }.count
    let status: CriterionStatus =
      met >= count ? .met : (met + open >= count ? .notDocumented : .notMet)
    var result = combined(findings, status: status, reasons: findings)
    result.reason = "\(met) of \(findings.count) are met; \(count) are needed. " + result.reason
    return result
  }

  /// The escape most treatment criteria allow: a documented medical reason the patient
  /// cannot do it. A therapy documented as `unable` satisfies the rule.
  func unlessMedicalReason(_ finding: Finding) -> Finding {
    guard finding.status != .met else { return finding }
    let unable = facts.therapies.filter { $0.value.status == .unable }
    guard let first = unable.first else { return finding }
    let why = first.value.unableReason.map { ": \($0)" } ?? ""
    return .met(
      "A medical reason \(spoken(first.value.modality.rawValue)) cannot be done is documented"
        + "\(why).", evidence: unable.evidence())
  }

  private func combined(_ all: [Finding], status: CriterionStatus, reasons: [Finding]) -> Finding {
    let evidence = all.flatMap(\.evidence).withoutRepeats()
    let request = reasons.compactMap(\.request).first
    let reason = reasons.map(\.reason).joined(separator: " ")
    return Finding(status: status, reason: reason, request: request, evidence: evidence)
  }

  /// Why a conditional criterion is not in play, naming the first part of its condition the
  /// case lacks ("no device infection", not every part of the condition).
  private func notApplicable(_ condition: CaseCondition) -> String {
    if case .allOf(let parts) = condition, let missing = parts.first(where: { !holds($0) }) {
      return notApplicable(missing)
    }
    if case .not(let inner) = condition {
      return "Does not apply: the case has \(describe(inner))."
    }
    return "Does not apply: the case has no \(describe(condition))."
  }

  private func describe(_ condition: CaseCondition) -> String {
    switch condition {
    case .diagnosis(let conditions):
      return "diagnosis of " + listed(conditions.map(\.rawValue).sorted().map(spoken))
    case .imaging(let findings):
      return "imaging showing " + listed(findings.map(\.rawValue).sorted().map(spoken))
    case .priorOfSameKind:
      return "earlier procedure of the same kind in this episode"
    case .sinceLastSameKind(let kinds):
      return listed(kinds.map(\.rawValue).sorted().map(spoken))
        + " since the last procedure of the same kind"
    case .prior(let kinds):
      return "earlier " + listed(kinds.map(\.rawValue).sorted().map(spoken))
    case .painAtLeast(let level):
      return "pain of \(formatted(level))/10 or more"
    case .functionalLimitation:
      return "functional limitation"
    case .surgicalPlan(let kinds):
      return listed(kinds.map(\.rawValue).sorted().map(spoken))
    case .riskFactor(let conditions):
      return listed(conditions.map(\.rawValue).sorted().map(spoken))
    case .deviceTrial(let devices):
      return "trial of a " + listed(devices.map(\.rawValue).sorted().map(spoken))
    case .implantProblem(let problems):
      return "device " + listed(problems.map(\.rawValue).sorted().map(spoken))
    case .requestedCode(let requested):
      return "request for CPT " + listed(requested.sorted())
    case .anyOf(let conditions):
      return listed(conditions.map { describe($0) })
    case .allOf(let conditions):
      return listed(conditions.map { describe($0) }, conjunction: "and")
    case .not(let inner):
      return "absence of " + describe(inner)
    case .patientAge(let years):
      return "patient aged \(years) or older"
    case .datedPrior(let kinds):
      return "dated " + listed(kinds.map(\.rawValue).sorted().map(spoken))
    case .spondyloarthritisFeature(let features):
      return listed(features.map(\.rawValue).sorted().map(spoken))
    }
  }
}
