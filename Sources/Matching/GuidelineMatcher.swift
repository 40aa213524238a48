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
    let byType = FactsByType(facts)
    let words = RequestWords(facts.request)
    return covering.compactMap { guideline in
      let mine = requested.compactMap(guideline.code)
      let others = entries.filter { entry in !mine.contains(entry) }
      let context = CaseContext(
        facts: byType, guideline: guideline, codes: mine, others: others,
        statedPurposes: purposes, requestWords: words)
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
    let byType = FactsByType(facts)
    let words = RequestWords(facts.request)
    return catalog.guidelines.compactMap { guideline in
      let context = CaseContext(
        facts: byType, guideline: guideline, codes: [], others: [], statedPurposes: purposes,
        requestWords: words)
      return exclusion(in: guideline, context, byRequestOnly: true).map { excluded(guideline, $0) }
    }
  }

  private func determination(_ guideline: Guideline, _ context: CaseContext) -> Determination {
    if let exclusion = exclusion(in: guideline, context) {
      return excluded(guideline, exclusion)
    }
    let candidates = IndicationSelection(guideline: guideline, context: context).candidates()
    var evaluated = candidates.enumerated().map { order, indication in
      evaluate(indication, context, order: order)
    }
    // Where some indication's defining diagnosis is documented, indications whose defining
    // diagnosis is not are out of the running.
    if evaluated.contains(where: \.hasDefiningMet) {
      evaluated.removeAll(where: \.hasDefiningShort)
    }
    // Candidates fall back to all of a guideline's indications, and every guideline in the
    // catalog has at least one (CatalogTests checks each code reaches criteria).
    return evaluated.min { $0.rank.lexicographicallyPrecedes($1.rank) }!.determination
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
    let words = context.requestWords
    let codedDiagnoses = context.facts.codedDiagnoses
    let purposes = context.statedPurposes
    return (candidates ?? guideline.exclusions).first { exclusion in
      let byWords =
        exclusion.terms.contains { group in group.allSatisfy(words.service.contains) }
        || exclusion.reasons.contains(where: words.reason.contains)
      let byCodedDiagnosis =
        !byRequestOnly
        && codedDiagnoses.contains { code in exclusion.icd10.contains(where: code.hasPrefix) }
      let byDiagnosis =
        !byRequestOnly && context.facts.hasDiagnosis(exclusion.diagnoses) || byCodedDiagnosis
      let condition =
        !byRequestOnly && (exclusion.condition.map { context.holds($0) } ?? false)
      let coded = !exclusion.codes.isDisjoint(with: words.codes)
      let byCode = coded && (exclusion.condition == nil || condition)
      let byCondition = condition && exclusion.codes.isEmpty
      let byRegion = request.region.map(exclusion.regions.contains) ?? false
      let byLevel =
        !words.levels.isEmpty
        && exclusion.levels.contains { words.levels.contains($0.uppercased()) }
      return byWords || byRegion || byLevel || byDiagnosis || byCondition || byCode
        || !purposes.isDisjoint(with: exclusion.purposes)
    }
  }

  /// One indication's determination on the case, with what the choice among indications
  /// weighs.
  private func evaluate(_ indication: Indication, _ context: CaseContext, order: Int)
    -> EvaluatedIndication
  {
    let phase =
      context.repeatPhase ?? (indication.purpose == .repetition ? .therapeutic : .initial)
    var results: [CriterionResult] = []
    var statuses: [CriterionStatus] = []
    var isDefining: [Bool] = []
    // Every family that falls short, contradicted or undocumented, in criterion order: a
    // case for clinical review still lists what the provider has yet to send.
    var gaps: [GapFamily] = []
    results.reserveCapacity(indication.criteria.count)
    statuses.reserveCapacity(indication.criteria.count)
    isDefining.reserveCapacity(indication.criteria.count)
    for criterion in indication.criteria
    where criterion.repeatPhase == nil || criterion.repeatPhase == phase {
      let finding = context.evaluate(criterion.rule)
      if finding.status != .met && !gaps.contains(criterion.family) {
        gaps.append(criterion.family)
      }
      results.append(
        CriterionResult(
          id: criterion.id, guideline: context.guideline.number, section: criterion.section,
          description: criterion.description, family: criterion.family, status: finding.status,
          reason: finding.reason,
          providerRequest: finding.status == .met ? nil : finding.request,
          evidence: finding.evidence))
      statuses.append(finding.status)
      isDefining.append(criterion.isDefining)
    }
    let status: DeterminationStatus =
      statuses.contains(.notMet)
      ? .clinicalReview : (statuses.contains(.notDocumented) ? .pend : .ready)
    let reportedPhase =
      indication.purpose == .repetition
      ? TreatmentPhase(rawValue: phase.rawValue) : indication.phase
    let determination = Determination(
      guideline: context.guideline.number, indication: indication.name,
      phase: reportedPhase?.rawValue, determination: status, gaps: gaps, criteria: results)
    return EvaluatedIndication(
      determination: determination, statuses: statuses, isDefining: isDefining, order: order)
  }
}

/// An indication's determination on a case, with how far it is from being met.
///
/// Whether a criterion is defining is read from the criterion itself, not looked up by id:
/// criterion ids are unique within an indication (CatalogTests checks it), so the two agree.
private struct EvaluatedIndication {
  let determination: Determination
  /// Whether every defining criterion is met (and there is one).
  let hasDefiningMet: Bool
  /// Whether some defining criterion falls short of met.
  let hasDefiningShort: Bool
  let rank: [Int]

  /// - Parameters:
  ///   - statuses: the status of each of `determination.criteria`.
  ///   - isDefining: whether each of them is defining.
  init(determination: Determination, statuses: [CriterionStatus], isDefining: [Bool], order: Int) {
    self.determination = determination
    var definingMet = 0
    var definingShort = 0
    var met = 0
    var notMet = 0
    var open = 0
    for (status, defining) in zip(statuses, isDefining) {
      switch status {
      case .met: met += 1
      case .notMet: notMet += 1
      case .notDocumented: open += 1
      }
      guard defining else { continue }
      if status == .met { definingMet += 1 } else { definingShort += 1 }
    }
    hasDefiningMet = definingMet > 0 && definingShort == 0
    hasDefiningShort = definingShort > 0
    rank = Self.rank(
      notMet: notMet, open: open, met: met, definingMet: definingMet,
      definingShort: definingShort, order: order)
  }

  /// How far an indication is from being met: a contradicted criterion weighs two, an
  /// undocumented one one, and a defining criterion short of met three more; on a tie, the
  /// indication whose diagnosis is documented (a diagnosed spondyloarthritis contradicted by
  /// its age of onset is reported as such, not as plain joint pain missing its tests), then
  /// fewer contradictions, then the one more of whose criteria the documents meet (Budapest
  /// findings point to CRPS when no cause is named), then the guideline's order. A
  /// contradiction every indication shares (a contraindication) stays in whichever is chosen.
  private static func rank(
    notMet: Int, open: Int, met: Int, definingMet: Int, definingShort: Int, order: Int
  ) -> [Int] {
    [2 * notMet + open + 3 * definingShort, -definingMet, notMet, -met, order]
  }
}
