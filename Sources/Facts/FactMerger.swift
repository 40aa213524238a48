import Model

/// Merges the facts found sentence by sentence into one fact per distinct key, as the
/// annotation rules count them: the same fact stated twice is one fact with two pieces of
/// evidence, its detail taken from the most specific mention.
enum FactMerger {
  static func merge(_ facts: [Fact]) -> [Fact] {
    let isChosenPerCase: (Fact) -> Bool = { $0.type == .painDuration || $0.type == .painPattern }
    let procedures = facts.filter { $0.type == .priorProcedure }
    let keyed =
      facts.filter { !isChosenPerCase($0) && $0.type != .priorProcedure && !isCurrentAge($0) }
      + facts.compactMap(deviceTrial(fromRelief:))

    var merged = mergeByKey(keyed)
    merged += priorProcedures(procedures + facts.compactMap(priorProcedure(fromRelief:)))
    let age = currentAge(from: facts)
    let duration = painDuration(from: facts) ?? painDuration(fromOnsetIn: facts, currentAge: age)
    merged += [duration, painPattern(from: facts), age].compactMap { $0 }
    return withoutOutweighedAbsences(
      withoutDeniedNarrative(
        withoutBoundTrialResults(withoutComputedRelief(withoutClassOnlyMedications(merged)))))
  }

  /// A trial result read from a bound ("less than 50% relief") stands only where no other
  /// result of the same device is stated.
  static func withoutBoundTrialResults(_ facts: consuming [Fact]) -> [Fact] {
    func isBound(_ fact: Fact) -> Bool {
      fact.derivation?.rule.split(separator: "+").allSatisfy { $0.hasSuffix("relief.bound") }
        ?? false
    }
    let stated = Set(
      facts.compactMap { fact -> TrialDevice? in
        guard case .deviceTrial(let trial) = fact.detail, !isBound(fact) else { return nil }
        return trial.device
      })
    facts.removeAll { fact in
      guard case .deviceTrial(let trial) = fact.detail, isBound(fact) else { return false }
      return stated.contains(trial.device)
    }
    return facts
  }

  /// A Budapest category documented as present (a sign or a symptom) is not also listed as
  /// absent for the same kind: "edema of the foot … no sweating asymmetry" is one present
  /// sudomotor/edema sign.
  static func withoutOutweighedAbsences(_ facts: consuming [Fact]) -> [Fact] {
    let present = Set(
      facts.compactMap { fact -> BudapestSign? in
        guard case .budapestFinding(let finding) = fact.detail, finding.present else { return nil }
        return BudapestSign(category: finding.category, kind: finding.kind)
      })
    facts.removeAll { fact in
      guard case .budapestFinding(let finding) = fact.detail, !finding.present else {
        return false
      }
      return present.contains(BudapestSign(category: finding.category, kind: finding.kind))
    }
    return facts
  }

  /// A Budapest category and kind, present or absent alike.
  private struct BudapestSign: Hashable {
    let category: BudapestCategory
    let kind: BudapestKind
  }

  /// Limits in words are one fact per case: a stated limit outweighs a denial elsewhere.
  static func withoutDeniedNarrative(_ facts: consuming [Fact]) -> [Fact] {
    let hasLimit = facts.contains {
      if case .functionalDisability(let value) = $0.detail {
        return value.instrument == .narrative && value.present
      }
      return false
    }
    facts.removeAll {
      guard hasLimit, case .functionalDisability(let value) = $0.detail else { return false }
      return value.instrument == .narrative && !value.present
    }
    return facts
  }

  /// Relief computed from before and after scores stands only where no percent is stated
  /// for the same procedure: "80% relief … went from 8/10 to 2/10" is one relief of 80%.
  /// A bound ("less than 50% relief") stands only where neither is. Two dates a week apart
  /// are two procedures, each with its own relief.
  static func withoutComputedRelief(_ facts: consuming [Fact]) -> [Fact] {
    func weakness(_ fact: Fact) -> Int {
      let rule = fact.derivation?.rule ?? ""
      return rule.hasPrefix("relief.bound") ? 2 : rule.hasPrefix("relief.fromScores") ? 1 : 0
    }
    let reliefs = facts.compactMap { fact -> (Relief, Int)? in
      guard case .relief(let relief) = fact.detail else { return nil }
      return (relief, weakness(fact))
    }
    facts.removeAll { fact in
      guard case .relief(let relief) = fact.detail, weakness(fact) > 0 else { return false }
      return reliefs.filter { $0.1 < weakness(fact) }.map(\.0).contains { other in
        guard other.procedure == relief.procedure else { return false }
        guard let date = relief.procedureDate, let otherDate = other.procedureDate else {
          return true
        }
        return date.matches(otherDate, toleranceDays: 3)
      }
    }
    return facts
  }

  /// Relief after a dated procedure shows the procedure was done: "The first, on November
  /// 12, 2025, gave her about 60% relief".
  static func priorProcedure(fromRelief fact: Fact) -> Fact? {
    guard case .relief(let relief) = fact.detail, let date = relief.procedureDate else {
      return nil
    }
    let region =
      ProcedureReference.region(in: (relief.levels ?? []).joined(separator: " "))
      ?? relief.procedure.impliedRegion
    let detail = PriorProcedure(
      procedure: relief.procedure, date: date, region: region, side: relief.side,
      levels: relief.levels)
    var derivation = fact.derivation ?? Derivation(rule: "")
    derivation.rule = "priorProcedure.fromRelief." + derivation.rule
    return Fact(.priorProcedure(detail), evidence: fact.evidence, derivation: derivation)
  }

  /// A trial's relief is also the trial's result: "intrathecal trial … 70% relief".
  static func deviceTrial(fromRelief fact: Fact) -> Fact? {
    guard case .relief(let relief) = fact.detail, relief.procedure.isTrial else { return nil }
    let quote = fact.evidence.map(\.text).joined(separator: " ")
    let namesGanglion =
      dorsalRootGanglion.occurs(in: quote)
      || fact.derivation?.lexiconEntries.contains { $0.contains("dorsal root ganglion") } == true
    let device: TrialDevice =
      relief.procedure == .intrathecalTrial
      ? .intrathecalPump : (namesGanglion ? .dorsalRootGanglion : .spinalCordStimulator)
    // The trial's length is read here only from the relief's own sentence; the device trial
    // rule reads it from the sentences before ("a 7-day trial" named earlier) and merging
    // fills it in. Shortcoming: a length written in another document of the case (the
    // trial's procedure note) is not found by either.
    let detail = DeviceTrial(
      device: device, percent: relief.percent, days: DeviceTrialRule.days(in: quote),
      functionalImprovement: relief.functionalImprovement)
    var derivation = fact.derivation ?? Derivation(rule: "")
    derivation.rule = "deviceTrial.fromRelief." + derivation.rule
    return Fact(.deviceTrial(detail), evidence: fact.evidence, derivation: derivation)
  }

  private static let dorsalRootGanglion = TextPattern(#"\b(?:DRG|dorsal root ganglion)\b"#)

  private static func mergeByKey(_ facts: [Fact]) -> [Fact] {
    var merged: [Fact] = []
    var indexByKey: [FactKey: Int] = [:]
    for fact in facts {
      let key = self.key(of: fact)
      if let index = indexByKey[key] {
        merged[index] = combine(merged[index], fact)
      } else {
        indexByKey[key] = merged.count
        merged.append(fact)
      }
    }
    return merged
  }

  /// The duration of the complaint under review: the first stated in a history section of
  /// the most recent note (documents come newest first), else the first stated anywhere.
  static func painDuration(from facts: [Fact]) -> Fact? {
    let candidates = facts.filter { $0.type == .painDuration }
    let inHistory = candidates.first { fact in
      fact.evidence.contains { SectionName($0.section ?? "").isHistory }
    }
    guard var chosen = inHistory ?? candidates.first,
      case .painDuration(let duration) = chosen.detail
    else { return nil }
    for other in candidates {
      guard case .painDuration(let more) = other.detail, other.evidence != chosen.evidence,
        abs(more.months - duration.months) <= duration.months * 0.15
      else { continue }
      chosen = combine(chosen, other)
    }
    return chosen
  }

  /// One pattern per case: mixed when stated, or when a spinal and a limb component are
  /// both described; radicular when only the limb component is; else axial.
  static func painPattern(from facts: [Fact]) -> Fact? {
    let candidates = facts.filter { $0.type == .painPattern }
    func cue(_ cues: PainPatternRule.Cue...) -> [Fact] {
      candidates.filter { fact in cues.contains { fact.derivation?.rule == $0.rawValue } }
    }
    let limb = cue(.limb, .spineAndLimb)

    let pattern: PainPatternKind
    let supporting: [Fact]
    if !cue(.mixedStated).isEmpty {
      (pattern, supporting) = (.mixed, cue(.mixedStated))
    } else if !cue(.spineAndLimb).isEmpty {
      (pattern, supporting) = (.mixed, cue(.spineAndLimb))
    } else if !cue(.axialStated).isEmpty && !limb.isEmpty {
      (pattern, supporting) = (.mixed, cue(.axialStated) + limb)
    } else if !limb.isEmpty {
      (pattern, supporting) = (.radicular, limb)
    } else {
      // Axial only where the note says so (axial, radiation denied): a bare "low back
      // pain" leaves the pattern undocumented.
      (pattern, supporting) = (.axial, cue(.axialStated, .radiationDenied))
    }
    guard var chosen = supporting.first else { return nil }
    for other in supporting.dropFirst() { chosen = combine(chosen, other) }
    // The site from the mention that names one, both components first for a mixed pattern.
    let sites = supporting.compactMap { fact -> String? in
      if case .painPattern(let mention) = fact.detail { return mention.site }
      return nil
    }
    let site = (pattern == .mixed ? sites.first { $0.contains(" and ") } : nil) ?? sites.first
    chosen.detail = .painPattern(PainPattern(pattern: pattern, site: site))
    return chosen
  }

  /// Prior procedures, one per procedure and date (dates within three days are one); a
  /// mention without a date joins the dated one when there is only one, or stands alone.
  static func priorProcedures(_ facts: [Fact]) -> [Fact] {
    var result: [Fact] = []
    // The mentions of each procedure, in order, gathered in one pass.
    var mentionsByKind: [ProcedureKind: [(PriorProcedure, Fact)]] = [:]
    for fact in facts {
      if case .priorProcedure(let procedure) = fact.detail {
        mentionsByKind[procedure.procedure, default: []].append((procedure, fact))
      }
    }
    for kind in mentionsByKind.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
      var dated: [(ClinicalDate, Fact)] = []
      var undated: [Fact] = []
      for (procedure, fact) in mentionsByKind[kind] ?? [] {
        guard let date = procedure.date else {
          undated.append(fact)
          continue
        }
        if let index = dated.firstIndex(where: { $0.0.matches(date, toleranceDays: 3) }) {
          dated[index].1 = combine(dated[index].1, fact)
        } else {
          dated.append((date, fact))
        }
      }
      var clusters = dated.map(\.1)
      if clusters.count == 1, !undated.isEmpty {
        clusters[0] = undated.reduce(clusters[0], combine)
      } else if clusters.isEmpty, let first = undated.first {
        clusters = [undated.dropFirst().reduce(first, combine)]
      }
      result += clusters
    }
    return result
  }

  /// A drug class named alone ("failed NSAIDs") is not a medication fact: the annotation
  /// lists medications by generic name.
  static func withoutClassOnlyMedications(_ facts: consuming [Fact]) -> [Fact] {
    facts.removeAll { fact in
      guard case .therapy(let therapy) = fact.detail, therapy.modality == .medication else {
        return false
      }
      return therapy.name == nil
    }
    return facts
  }

  /// The key fields of the contract's table, as one hashable value (the fields themselves:
  /// spelling them out as a string would describe every enumeration by reflection).
  static func key(of fact: Fact) -> FactKey {
    switch fact.detail {
    case .painScore(let score): .painScore(score.value, score.context)
    case .functionalDisability(let value): .functionalDisability(value.present, value.instrument)
    case .painDuration: .painDuration
    case .painPattern: .painPattern
    case .provocationTest(let test): .provocationTest(test.test, test.result)
    case .budapestFinding(let finding):
      .budapestFinding(finding.category, finding.kind, finding.present)
    case .crpsDiagnosis: .crpsDiagnosis
    case .relief(let relief): .relief(relief.percent, relief.procedure)
    case .therapy(let therapy): .therapy(therapy.modality, therapy.name ?? "")
    case .staphScreen(let screen): .staphScreen(screen.organism, screen.result)
    case .decolonization(let plan): .decolonization(plan.planned)
    case .psychEvaluation(let evaluation): .psychEvaluation(evaluation.completed)
    case .opioidUse(let use): .opioidUse(use.status)
    case .priorProcedure(let procedure):
      .priorProcedure(procedure.procedure, procedure.date?.iso ?? "")
    case .imagingFinding(let finding): .imagingFinding(finding.finding)
    case .riskFactor(let risk): .riskFactor(risk.condition, risk.present)
    case .diagnosis(let diagnosis): .diagnosis(diagnosis.condition)
    case .surgicalPlan(let plan): .surgicalPlan(plan.kind)
    case .deviceTrial(let trial): .deviceTrial(trial.device, trial.percent)
    case .implantProblem(let problem): .implantProblem(problem.problem)
    case .consultation(let consultation): .consultation(consultation.specialty)
    case .anginaClass(let angina): .anginaClass(angina.system, angina.class)
    case .patientAge(let age): .patientAge(age.years, age.context)
    case .spondyloarthritisFeature(let value):
      .spondyloarthritisFeature(value.feature, value.present)
    case .diagnosticUncertainty(let value): .diagnosticUncertainty(value.kind)
    case .deviceInterrogation(let report): .deviceInterrogation(report.device)
    }
  }

  /// The key of one fact: its type and the key fields of the contract's table. A value
  /// of its own, hashed directly: a list of `AnyHashable` boxed and cast every field, and
  /// merging looks up every fact of the case.
  enum FactKey: Hashable {
    case painScore(Double, PainContext)
    case functionalDisability(Bool, DisabilityInstrument)
    case painDuration
    case painPattern
    case provocationTest(ProvocationTestKind, TestResult)
    case budapestFinding(BudapestCategory, BudapestKind, Bool)
    case crpsDiagnosis
    case relief(Double, ProcedureKind)
    case therapy(TherapyModality, String)
    case staphScreen(StaphOrganism, TestResult)
    case decolonization(Bool)
    case psychEvaluation(Bool)
    case opioidUse(OpioidStatus)
    case priorProcedure(ProcedureKind, String)
    case imagingFinding(ImagingFindingKind)
    case riskFactor(RiskCondition, Bool)
    case diagnosis(DiagnosisCondition)
    case surgicalPlan(SurgicalPlanKind)
    case deviceTrial(TrialDevice, Double)
    case implantProblem(ImplantProblemKind)
    case consultation(ConsultationSpecialty)
    case anginaClass(AnginaClassSystem, Int)
    case patientAge(Int, AgeContext)
    case spondyloarthritisFeature(SpondyloarthritisFeatureKind, Bool)
    case diagnosticUncertainty(DiagnosticUncertaintyKind)
    case deviceInterrogation(TrialDevice)
  }

  /// Two mentions of one fact: evidence of both, detail from the more specific, gaps in it
  /// filled from the other.
  static func combine(_ first: Fact, _ second: Fact) -> Fact {
    // The same detail twice (most repeated mentions) fills as many fields: the first is
    // kept without counting them.
    let (specific, other) =
      first.detail != second.detail && specificity(second) > specificity(first)
      ? (second, first) : (first, second)
    var result = specific
    result.detail = filling(specific.detail, from: other.detail)
    result.evidence = first.evidence + second.evidence.filter { !first.evidence.contains($0) }
    if var derivation = specific.derivation, let more = other.derivation {
      derivation.lexiconEntries = Array(Set(derivation.lexiconEntries + more.lexiconEntries))
        .sorted()
      derivation.triggers = Array(Set(derivation.triggers + more.triggers)).sorted()
      if derivation.rule != more.rule { derivation.rule += "+" + more.rule }
      result.derivation = derivation
    }
    return result
  }

  /// How many detail fields a fact fills.
  static func specificity(_ fact: Fact) -> Int { FilledFields.count(of: payload(of: fact.detail)) }

  private static func payload(of detail: FactDetail) -> any Encodable {
    switch detail {
    case .painScore(let value): value
    case .functionalDisability(let value): value
    case .painDuration(let value): value
    case .painPattern(let value): value
    case .provocationTest(let value): value
    case .budapestFinding(let value): value
    case .crpsDiagnosis(let value): value
    case .relief(let value): value
    case .therapy(let value): value
    case .staphScreen(let value): value
    case .decolonization(let value): value
    case .psychEvaluation(let value): value
    case .opioidUse(let value): value
    case .priorProcedure(let value): value
    case .imagingFinding(let value): value
    case .riskFactor(let value): value
    case .diagnosis(let value): value
    case .surgicalPlan(let value): value
    case .deviceTrial(let value): value
    case .implantProblem(let value): value
    case .consultation(let value): value
    case .anginaClass(let value): value
    case .patientAge(let value): value
    case .spondyloarthritisFeature(let value): value
    case .diagnosticUncertainty(let value): value
    case .deviceInterrogation(let value): value
    }
  }

  /// Whether two mentions of one therapy leave it never attended: one says so, and neither
  /// shows a course that ran (sessions, weeks, or a status of under way or done).
  private static func neverAttended(_ therapy: Therapy, _ more: Therapy) -> Bool {
    guard therapy.attended == false || more.attended == false else { return false }
    return !hasRun(therapy) && !hasRun(more)
  }

  private static func hasRun(_ therapy: Therapy) -> Bool {
    guard therapy.attended != false else { return false }
    let hasLength = therapy.sessions != nil || therapy.weeks != nil
    return hasLength || therapy.status == .ongoing || therapy.status == .completed
  }

  /// Fills the detail fields one mention left empty from another mention of the same fact.
  static func filling(_ detail: FactDetail, from other: FactDetail) -> FactDetail {
    switch (detail, other) {
    case (.therapy(var therapy), .therapy(let more)):
      therapy.start = therapy.start ?? more.start
      therapy.end = therapy.end ?? more.end
      therapy.weeks = therapy.weeks ?? more.weeks
      therapy.sessions = therapy.sessions ?? more.sessions
      // A plan to go on with a therapy that another mention says is under way or done
      // ("Plan: PT 2x/week" beside "PT started 07/07, still going") is that course.
      therapy.status =
        therapy.status == .planned && more.status.map { $0 != .planned } == true
        ? more.status : therapy.status ?? more.status
      therapy.outcome = therapy.outcome ?? more.outcome
      therapy.prescribedBy = therapy.prescribedBy ?? more.prescribedBy
      therapy.followUpDocumented =
        (therapy.followUpDocumented ?? false) || (more.followUpDocumented ?? false) ? true : nil
      therapy.drugClass = therapy.drugClass ?? more.drugClass
      therapy.unableReason = therapy.unableReason ?? more.unableReason
      therapy.attended = neverAttended(therapy, more) ? false : nil
      return .therapy(therapy)
    case (.relief(var relief), .relief(let more)):
      // One percent after two procedures is listed once, as the latest procedure's relief.
      if let date = relief.procedureDate, let later = more.procedureDate, date < later {
        relief.procedureDate = later
      }
      relief.durationDays = relief.durationDays ?? more.durationDays
      relief.procedureDate = relief.procedureDate ?? more.procedureDate
      relief.functionalImprovement = relief.functionalImprovement ?? more.functionalImprovement
      relief.levels = relief.levels ?? more.levels
      relief.side = relief.side ?? more.side
      return .relief(relief)
    case (.priorProcedure(var procedure), .priorProcedure(let more)):
      procedure.date = procedure.date ?? more.date
      procedure.region = procedure.region ?? more.region
      procedure.side = procedure.side ?? more.side
      procedure.levels = procedure.levels ?? more.levels
      return .priorProcedure(procedure)
    case (.imagingFinding(var finding), .imagingFinding(let more)):
      finding.modality = finding.modality ?? more.modality
      finding.date = finding.date ?? more.date
      finding.levels = finding.levels ?? more.levels
      return .imagingFinding(finding)
    case (.crpsDiagnosis(var diagnosis), .crpsDiagnosis(let more)):
      diagnosis.crpsType = diagnosis.crpsType ?? more.crpsType
      diagnosis.budapestStated = diagnosis.budapestStated ?? more.budapestStated
      return .crpsDiagnosis(diagnosis)
    case (.diagnosis(var diagnosis), .diagnosis(let more)):
      diagnosis.icd10 = diagnosis.icd10 ?? more.icd10
      return .diagnosis(diagnosis)
    case (.psychEvaluation(var evaluation), .psychEvaluation(let more)):
      evaluation.date = evaluation.date ?? more.date
      evaluation.cleared = evaluation.cleared ?? more.cleared
      return .psychEvaluation(evaluation)
    case (.staphScreen(var screen), .staphScreen(let more)):
      screen.date = screen.date ?? more.date
      return .staphScreen(screen)
    case (.decolonization(var plan), .decolonization(let more)):
      plan.start = plan.start ?? more.start
      var agents = plan.agents ?? []
      for agent in more.agents ?? [] where !agents.contains(agent) { agents.append(agent) }
      plan.agents = agents.isEmpty ? nil : agents
      return .decolonization(plan)
    case (.deviceTrial(var trial), .deviceTrial(let more)):
      trial.days = trial.days ?? more.days
      trial.functionalImprovement = trial.functionalImprovement ?? more.functionalImprovement
      trial.intolerableSideEffects = trial.intolerableSideEffects ?? more.intolerableSideEffects
      return .deviceTrial(trial)
    case (.implantProblem(var problem), .implantProblem(let more)):
      problem.device = problem.device ?? more.device
      problem.date = problem.date ?? more.date
      return .implantProblem(problem)
    case (.consultation(var consultation), .consultation(let more)):
      // The first consultation dates the specialist's involvement; a follow-up is later.
      if let date = consultation.date, let earlier = more.date, earlier < date {
        consultation.date = earlier
      }
      consultation.date = consultation.date ?? more.date
      return .consultation(consultation)
    case (.deviceInterrogation(var report), .deviceInterrogation(let more)):
      // The latest interrogation is the one that goes with the request.
      if let date = report.date, let later = more.date, date < later { report.date = later }
      report.date = report.date ?? more.date
      return .deviceInterrogation(report)
    case (.painScore(var score), .painScore(let more)):
      score.low = score.low ?? more.low
      score.region = score.region ?? more.region
      return .painScore(score)
    default:
      return detail
    }
  }
}
