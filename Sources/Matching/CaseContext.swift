import Model

/// A case seen through one guideline and one requested procedure: the reference date, the
/// region, and the earlier procedures of the same kind in the current episode of care.
struct CaseContext {
  let facts: FactsByType
  let guideline: Guideline
  /// The guideline's entries for the requested codes, primary codes first.
  let codes: [ProcedureCode]
  /// Procedures requested for the same day under other codes, from any guideline.
  let otherRequested: [ProcedureCode]
  let episode: Episode
  /// The purposes the request states (`IndicationSelection.statedPurposes(of:)`), read once
  /// for every guideline the case is matched against rather than once per question.
  let statedPurposes: Set<Purpose>
  /// The request's own words, likewise read once per case.
  let requestWords: RequestWords

  init(
    facts: FactsByType, guideline: Guideline, codes: [ProcedureCode], others: [ProcedureCode],
    statedPurposes: Set<Purpose>, requestWords: RequestWords
  ) {
    self.facts = facts
    self.guideline = guideline
    self.statedPurposes = statedPurposes
    self.requestWords = requestWords
    self.codes = codes.sorted { !$0.isAddOn && $1.isAddOn }
    self.otherRequested = others
    let primary = self.codes.first?.procedure ?? .other
    self.episode = Episode(
      facts: facts, kinds: guideline.repeats.kinds(sameAs: primary),
      regions: Self.regions(of: facts.request, codes: codes), policy: guideline.repeats)
  }

  var request: ServiceRequest { facts.request }
  var referenceDate: ClinicalDate? { facts.referenceDate }
  var isPlannedDate: Bool { facts.request.plannedDate != nil }
  var requestedProcedure: ProcedureKind { codes.first?.procedure ?? .other }
  var regions: Set<Region> { episode.regions }

  /// The repeat phase of the request, or `nil` when no earlier procedure of the same kind
  /// belongs to this episode.
  var repeatPhase: RepeatPhase? { episode.phase }

  /// The requested region, else the regions the codes are billed for.
  static func regions(of request: ServiceRequest, codes: [ProcedureCode]) -> Set<Region> {
    if let region = request.region { return [region] }
    return codes.reduce(into: Set<Region>()) { $0.formUnion($1.regions) }
  }

  func holds(_ condition: CaseCondition) -> Bool {
    switch condition {
    case .diagnosis(let conditions):
      return facts.hasDiagnosis(conditions)
    case .imaging(let findings):
      return facts.imagingFindings.contains { findings.contains($0.value.finding) }
    case .priorOfSameKind:
      return !episode.priors.isEmpty
    case .sinceLastSameKind(let kinds):
      return episode.procedures(of: kinds, sinceLastOfSameKind: true).isEmpty == false
    case .prior(let kinds):
      return episode.allPriors.contains { kinds.contains($0.value.procedure) }
    case .painAtLeast(let level):
      return facts.painScores.contains { $0.value.value >= level }
    case .functionalLimitation:
      return facts.disabilities.contains { limitsFunction($0.value) }
    case .surgicalPlan(let kinds):
      return facts.surgicalPlans.contains { kinds.contains($0.value.kind) }
    case .riskFactor(let conditions):
      return facts.riskFactors.contains {
        $0.value.present && conditions.contains($0.value.condition)
      }
    case .deviceTrial(let devices):
      return facts.deviceTrials.contains { devices.contains($0.value.device) }
    case .implantProblem(let problems):
      return facts.implantProblems.contains { problems.contains($0.value.problem) }
    case .requestedCode(let requested):
      return codes.contains { requested.contains($0.code) }
    case .anyOf(let conditions):
      return conditions.contains { holds($0) }
    case .allOf(let conditions):
      return conditions.allSatisfy { holds($0) }
    case .not(let inner):
      return !holds(inner)
    case .patientAge(let years):
      return facts.patientAges.contains {
        $0.value.context == .current && $0.value.years >= years
      }
    case .datedPrior(let kinds):
      return episode.allPriors.contains {
        kinds.contains($0.value.procedure) && $0.value.date != nil
      }
    case .spondyloarthritisFeature(let features):
      return facts.spondyloarthritisFeatures.contains {
        $0.value.present && features.contains($0.value.feature)
      }
    }
  }
}

/// The earlier procedures of one kind in one region that belong to the current episode of
/// care, after a two-year gap or spine surgery has started a new one.
struct Episode {
  let kinds: Set<ProcedureKind>
  let regions: Set<Region>
  /// Every earlier procedure in the case, of any kind and region.
  let allPriors: [Cited<PriorProcedure>]
  /// Earlier procedures of the same kind in the region and episode, oldest first; undated
  /// ones first of all.
  let priors: [Cited<PriorProcedure>]
  let reliefs: [Cited<Relief>]
  let phase: RepeatPhase?

  init(
    facts: FactsByType, kinds: Set<ProcedureKind>, regions: Set<Region>, policy: RepeatPolicy
  ) {
    self.kinds = kinds
    self.regions = regions
    self.allPriors = facts.priorProcedures
    self.reliefs = facts.reliefs

    let reference = facts.referenceDate
    var sameKind = allPriors.filter {
      kinds.contains($0.value.procedure) && Episode.sameRegion($0.value.region, regions)
        && !Episode.isAfter($0.value.date, reference)
    }
    sameKind.sort { ($0.value.date?.dayNumber ?? .min) < ($1.value.date?.dayNumber ?? .min) }
    sameKind = Episode.currentEpisode(
      sameKind,
      surgeries: allPriors.filter {
        $0.value.procedure == .spineSurgery && Episode.sameRegion($0.value.region, regions)
      }, reference: reference, policy: policy)
    sameKind = Episode.removingCompanionSide(
      sameKind, request: facts.request, reference: reference, policy: policy)
    self.priors = sameKind
    self.phase = Episode.phase(
      of: sameKind, reliefs: reliefs.filter { kinds.contains($0.value.procedure) },
      reference: reference, policy: policy)
  }

  /// The most recent dated procedure of the same kind, else the last undated one.
  var mostRecent: Cited<PriorProcedure>? { priors.last }

  /// Procedures of other kinds: those of `kinds` in the region, after the most recent one of
  /// the same kind when `sinceLastOfSameKind`.
  func procedures(of kinds: Set<ProcedureKind>, sinceLastOfSameKind: Bool)
    -> [Cited<PriorProcedure>]
  {
    let floor = sinceLastOfSameKind ? mostRecent?.value.date : nil
    return allPriors.filter { prior in
      guard kinds.contains(prior.value.procedure),
        Episode.sameRegion(prior.value.region, regions.union(Episode.lumbosacral))
      else { return false }
      guard let floor else { return true }
      guard let date = prior.value.date else { return false }
      return date > floor
    }
  }

  /// The relief documented after the most recent procedure of the same kind.
  func reliefAfterMostRecent() -> Cited<Relief>? {
    let candidates = reliefs.filter { kinds.contains($0.value.procedure) }
    if let date = mostRecent?.value.date,
      let matched = candidates.first(where: {
        $0.value.procedureDate.map { $0.matches(date, toleranceDays: 3) } ?? false
      })
    {
      return matched
    }
    if let undated = candidates.last(where: { $0.value.procedureDate == nil }) {
      return undated
    }
    return candidates.max {
      ($0.value.procedureDate?.dayNumber ?? .min) < ($1.value.procedureDate?.dayNumber ?? .min)
    }
  }

  static let lumbosacral: Set<Region> = [.lumbar, .sacral]

  /// Whether a procedure's region is one of the requested ones; lumbar and sacral are one
  /// spinal region, and an unstated region matches any.
  static func sameRegion(_ region: Region?, _ regions: Set<Region>) -> Bool {
    guard let region, !regions.isEmpty else { return true }
    if regions.contains(region) { return true }
    return lumbosacral.contains(region) && !regions.isDisjoint(with: lumbosacral)
  }

  private static func isAfter(_ date: ClinicalDate?, _ reference: ClinicalDate?) -> Bool {
    guard let date, let reference else { return false }
    return date > reference
  }

  /// Drops procedures before a gap of the policy's years (including the gap up to the
  /// reference date) and before spine surgery in the region.
  private static func currentEpisode(
    _ priors: [Cited<PriorProcedure>], surgeries: [Cited<PriorProcedure>],
    reference: ClinicalDate?, policy: RepeatPolicy
  ) -> [Cited<PriorProcedure>] {
    var kept = priors
    if policy.surgeryStartsNewEpisode,
      let surgery = surgeries.compactMap(\.value.date).max()
    {
      kept = kept.filter { prior in prior.value.date.map { $0 > surgery } ?? false }
    }
    guard let years = policy.newEpisodeAfterYears else { return kept }

    var episode: [Cited<PriorProcedure>] = []
    for prior in kept {
      if let last = episode.last?.value.date, let date = prior.value.date,
        last.adding(months: 12 * years) <= date
      {
        episode = []
      }
      episode.append(prior)
    }
    if let last = episode.last?.value.date, let reference,
      last.adding(months: 12 * years) <= reference
    {
      return []
    }
    return episode
  }

  /// Removes an opposite-side procedure at the same levels within the policy's days: the
  /// request and it count as one procedure.
  private static func removingCompanionSide(
    _ priors: [Cited<PriorProcedure>], request: ServiceRequest, reference: ClinicalDate?,
    policy: RepeatPolicy
  ) -> [Cited<PriorProcedure>] {
    guard let days = policy.oppositeSidesAsOneWithinDays, let side = request.side,
      side != .bilateral, let reference
    else { return priors }
    return priors.filter { prior in
      guard let priorSide = prior.value.side, priorSide != side, priorSide != .bilateral,
        let date = prior.value.date, date.days(until: reference) <= days
      else { return true }
      return !sameLevels(prior.value.levels ?? [], request.levels)
    }
  }

  static func sameLevels(_ first: [String], _ second: [String]) -> Bool {
    if first.isEmpty || second.isEmpty { return true }
    return Set(first.map { $0.uppercased() }) == Set(second.map { $0.uppercased() })
  }

  /// Initial while the series is shorter than its limit, the last procedure is more recent
  /// than the relief the therapeutic phase asks for, and no procedure has yet given that
  /// relief; therapeutic after that.
  private static func phase(
    of priors: [Cited<PriorProcedure>], reliefs: [Cited<Relief>], reference: ClinicalDate?,
    policy: RepeatPolicy
  ) -> RepeatPhase? {
    guard !priors.isEmpty else { return nil }
    guard let limit = policy.initialSeriesLimit, priors.count < limit else { return .therapeutic }
    guard let success = policy.therapeuticRelief else { return .initial }
    if reliefs.contains(where: {
      $0.value.percent >= success.percent && ($0.value.durationDays ?? 0) >= success.days
    }) {
      return .therapeutic
    }
    if let last = priors.last?.value.date, let reference,
      Double(last.days(until: reference)) >= success.days
    {
      return .therapeutic
    }
    return .initial
  }
}

extension ProcedureKind {
  /// Injections and blocks, as opposed to surgery, trials and unnamed procedures.
  var isInjection: Bool {
    switch self {
    case .spineSurgery, .spinalCordStimulatorTrial, .intrathecalTrial, .other: false
    default: true
    }
  }
}
