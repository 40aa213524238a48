import Model

/// Evaluates a case's facts against every guideline covering the requested codes, and says
/// for each whether the case is ready, would pend, needs clinical review or is excluded.
public struct GuidelineMatcher: Sendable {
  public let catalog: GuidelineCatalog

  public init(catalog: GuidelineCatalog) {
    self.catalog = catalog
  }

  /// One determination per guideline covering a requested code, in catalog order.
  ///
  /// Codes no guideline covers are ignored when another code is covered; a request whose
  /// service a guideline excludes is `excluded` under it even when its code is not listed.
  public func evaluate(_ facts: CaseFacts) throws(MatchingError) -> [Determination] {
    let stated = facts.request.cpt.map(ProcedureCode.normalized).filter { !$0.isEmpty }
    let requested = stated.isEmpty ? inferredCodes(facts.request) : stated
    let covering = catalog.guidelines.filter { guideline in
      requested.contains { code in
        guideline.code(code) != nil || guideline.exclusions.contains { $0.codes.contains(code) }
      }
    }
    guard !covering.isEmpty else {
      let excluded = excludedByService(facts)
      if !excluded.isEmpty { return excluded }
      if let unknown = requested.first { throw .unknownCode(unknown) }
      throw .noRequestedCode
    }
    let entries = requested.compactMap(catalog.procedureCode)
    let purposes = IndicationSelection.statedPurposes(of: facts.request)
    return covering.compactMap { guideline in
      let mine = requested.compactMap(guideline.code)
      let others = entries.filter { entry in !mine.contains(entry) }
      let context = CaseContext(
        facts: facts, guideline: guideline, codes: mine, others: others, statedPurposes: purposes)
      // A guideline reached only through an excluded code speaks only to exclude it, and
      // only by an exclusion of that code.
      guard !mine.isEmpty else {
        let coded = guideline.exclusions.filter { !$0.codes.isDisjoint(with: requested) }
        return exclusion(in: guideline, context, among: coded).map { excluded(guideline, $0) }
      }
      return determination(guideline, context)
    }
  }

  /// Codes for a request that names its procedure only in words: each guideline's services
  /// whose terms occur in the requested service.
  func inferredCodes(_ request: ServiceRequest) -> [String] {
    let words = ServiceWords(request.service)
    var codes: [String] = []
    for guideline in catalog.guidelines {
      for service in guideline.services where service.terms.contains(where: words.contains) {
        let code = ProcedureCode.normalized(service.code(for: request.region))
        if !codes.contains(code) { codes.append(code) }
      }
    }
    return codes
  }

  /// Exclusions the request's own words show, for a request no guideline's code covers.
  private func excludedByService(_ facts: CaseFacts) -> [Determination] {
    let purposes = IndicationSelection.statedPurposes(of: facts.request)
    return catalog.guidelines.compactMap { guideline in
      let context = CaseContext(
        facts: facts, guideline: guideline, codes: [], others: [], statedPurposes: purposes)
      return exclusion(in: guideline, context, byRequestOnly: true).map { excluded(guideline, $0) }
    }
  }

  private func determination(_ guideline: Guideline, _ context: CaseContext) -> Determination {
    if let exclusion = exclusion(in: guideline, context) {
      return excluded(guideline, exclusion)
    }
    let candidates = IndicationSelection(guideline: guideline, context: context).candidates()
    var evaluated = candidates.enumerated().map { order, indication in
      let determination = evaluate(indication, context)
      return (determination, rank(determination, indication, order), indication)
    }
    // Where some indication's defining diagnosis is documented, indications whose defining
    // diagnosis is not are out of the running.
    let defined = evaluated.filter { hasDefiningMet($0.0, $0.2) }
    if !defined.isEmpty {
      evaluated = evaluated.filter { !hasDefiningShort($0.0, $0.2) }
    }
    // Candidates fall back to all of a guideline's indications, and every guideline in the
    // catalog has at least one (CatalogTests checks each code reaches criteria).
    return evaluated.min { $0.1.lexicographicallyPrecedes($1.1) }!.0
  }

  private func hasDefiningMet(_ determination: Determination, _ indication: Indication) -> Bool {
    let defining = Set(indication.criteria.filter(\.isDefining).map(\.id))
    let results = determination.criteria.filter { defining.contains($0.id) }
    return !results.isEmpty && results.allSatisfy { $0.status == .met }
  }

  private func hasDefiningShort(_ determination: Determination, _ indication: Indication) -> Bool {
    let defining = Set(indication.criteria.filter(\.isDefining).map(\.id))
    return determination.criteria.contains { defining.contains($0.id) && $0.status != .met }
  }

  /// How far an indication is from being met: a contradicted criterion weighs two, an
  /// undocumented one one, and a defining criterion short of met three more; on a tie, the
  /// indication whose diagnosis is documented (a diagnosed spondyloarthritis contradicted by
  /// its age of onset is reported as such, not as plain joint pain missing its tests), then
  /// fewer contradictions, then the one more of whose criteria the documents meet (Budapest
  /// findings point to CRPS when no cause is named), then the guideline's order. A
  /// contradiction every indication shares (a contraindication) stays in whichever is chosen.
  private func rank(_ determination: Determination, _ indication: Indication, _ order: Int)
    -> [Int]
  {
    let defining = Set(indication.criteria.filter(\.isDefining).map(\.id))
    let criteria = determination.criteria
    let definingShort = criteria.filter { defining.contains($0.id) && $0.status != .met }.count
    let definingMet = criteria.filter { defining.contains($0.id) && $0.status == .met }.count
    let notMet = criteria.filter { $0.status == .notMet }.count
    let open = criteria.filter { $0.status == .notDocumented }.count
    let met = criteria.filter { $0.status == .met }.count
    return [2 * notMet + open + 3 * definingShort, -definingMet, notMet, -met, order]
  }

  private func excluded(_ guideline: Guideline, _ exclusion: Exclusion) -> Determination {
    Determination(
      guideline: guideline.number, indication: "excluded", determination: .excluded, gaps: [],
      criteria: [],
      exclusionReason: "Guideline \(guideline.number) (\(exclusion.section)) does not consider"
        + " \(exclusion.service).")
  }

  private func exclusion(
    in guideline: Guideline, _ context: CaseContext, among candidates: [Exclusion]? = nil,
    byRequestOnly: Bool = false
  ) -> Exclusion? {
    let request = context.request
    let service = ServiceWords(request.service)
    let reason = ServiceWords(request.reason)
    let codedDiagnoses = context.facts.diagnoses().compactMap(\.value.icd10)
      .map(Exclusion.normalizedICD10)
    let levels = Set(request.levels.map { $0.uppercased() })
    let purposes = context.statedPurposes
    let requested = Set(request.cpt.map(ProcedureCode.normalized))
    return (candidates ?? guideline.exclusions).first { exclusion in
      let byWords =
        exclusion.terms.contains { group in group.allSatisfy(service.contains) }
        || exclusion.reasons.contains(where: reason.contains)
      let byCodedDiagnosis =
        !byRequestOnly
        && codedDiagnoses.contains { code in exclusion.icd10.contains(where: code.hasPrefix) }
      let byDiagnosis =
        !byRequestOnly && context.facts.hasDiagnosis(exclusion.diagnoses) || byCodedDiagnosis
      let condition = !byRequestOnly && (exclusion.condition.map(context.holds) ?? false)
      let coded = !exclusion.codes.isDisjoint(with: requested)
      let byCode = coded && (exclusion.condition == nil || condition)
      let byCondition = condition && exclusion.codes.isEmpty
      let byRegion = request.region.map(exclusion.regions.contains) ?? false
      let byLevel = !levels.isDisjoint(with: Set(exclusion.levels.map { $0.uppercased() }))
      return byWords || byRegion || byLevel || byDiagnosis || byCondition || byCode
        || !purposes.isDisjoint(with: exclusion.purposes)
    }
  }

  private func evaluate(_ indication: Indication, _ context: CaseContext) -> Determination {
    let phase =
      context.repeatPhase ?? (indication.purpose == .repetition ? .therapeutic : .initial)
    let applicable = indication.criteria.filter { $0.repeatPhase == nil || $0.repeatPhase == phase }
    let results = applicable.map { criterion in
      let finding = context.evaluate(criterion.rule)
      return CriterionResult(
        id: criterion.id, guideline: context.guideline.number, section: criterion.section,
        description: criterion.description, family: criterion.family, status: finding.status,
        reason: finding.reason,
        providerRequest: finding.status == .met ? nil : finding.request,
        evidence: finding.evidence)
    }
    let status: DeterminationStatus =
      results.contains { $0.status == .notMet }
      ? .clinicalReview
      : (results.contains { $0.status == .notDocumented } ? .pend : .ready)
    // Every family that falls short, contradicted or undocumented, in criterion order: a
    // case for clinical review still lists what the provider has yet to send.
    var gaps: [GapFamily] = []
    for result in results where result.status != .met && !gaps.contains(result.family) {
      gaps.append(result.family)
    }
    let reportedPhase =
      indication.purpose == .repetition
      ? TreatmentPhase(rawValue: phase.rawValue) : indication.phase
    return Determination(
      guideline: context.guideline.number, indication: indication.name,
      phase: reportedPhase?.rawValue, determination: status, gaps: gaps, criteria: results)
  }
}
