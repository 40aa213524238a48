import Model

/// One fact as a row of the facts table: its type, what it says, and its context, in words.
struct FactSummary: Equatable {
  var type: String
  var value: String
  var context: String

  init(_ fact: Fact) {
    type = ReportWording.humanized(fact.type.rawValue)
    (value, context) = Self.describe(fact.detail)
  }

  /// The value and the context of a fact's detail; the context joins whatever qualifies it.
  private static func describe(_ detail: FactDetail) -> (String, String) {
    switch detail {
    case .painScore(let score): describe(score)
    case .functionalDisability(let disability): describe(disability)
    case .painDuration(let duration):
      ("\(number(duration.months)) months", joined(date("onset", duration.onset)))
    case .painPattern(let pattern): (words(pattern.pattern), joined(pattern.site))
    case .provocationTest(let test):
      ("\(words(test.test)) \(test.result.rawValue)", joined(test.side?.rawValue))
    case .budapestFinding(let finding): describe(finding)
    case .crpsDiagnosis(let diagnosis): describe(diagnosis)
    case .relief(let relief): describe(relief)
    case .therapy(let therapy): describe(therapy)
    case .staphScreen(let screen):
      ("\(words(screen.organism)) \(screen.result.rawValue)", joined(date("on", screen.date)))
    case .decolonization(let plan): describe(plan)
    case .psychEvaluation(let evaluation): describe(evaluation)
    case .opioidUse(let use):
      (words(use.status), joined(use.weeks.map { "\(number($0)) weeks" }))
    case .priorProcedure(let procedure): describe(procedure)
    case .imagingFinding(let finding): describe(finding)
    case .riskFactor(let risk):
      (words(risk.condition), joined(risk.present ? "present" : "absent", risk.detail))
    case .diagnosis(let diagnosis):
      (words(diagnosis.condition), joined(diagnosis.icd10.map { "ICD-10 \($0)" }))
    case .surgicalPlan(let plan): (words(plan.kind), joined(date("on", plan.date)))
    case .deviceTrial(let trial): describe(trial)
    case .implantProblem(let problem):
      (words(problem.problem), joined(problem.device.map(words), date("on", problem.date)))
    case .consultation(let consultation):
      (words(consultation.specialty), joined(date("on", consultation.date)))
    case .anginaClass(let angina):
      ("\(angina.system.rawValue.uppercased()) class \(angina.class)", "")
    case .patientAge(let age): ("\(age.years) years", age.context == .onset ? "at onset" : "")
    case .spondyloarthritisFeature(let feature):
      (words(feature.feature), feature.present ? "present" : "absent")
    case .diagnosticUncertainty(let uncertainty): (words(uncertainty.kind), "")
    case .deviceInterrogation(let report):
      ("\(words(report.device)) analysis report", joined(date("on", report.date)))
    }
  }

  private static func describe(_ score: PainScore) -> (String, String) {
    let value = score.low.map { "\(number($0))–\(number(score.value))/10" }
    return (value ?? "\(number(score.value))/10", joined(words(score.context), score.region))
  }

  private static func describe(_ disability: FunctionalDisability) -> (String, String) {
    guard disability.present else { return ("no limitation", words(disability.instrument)) }

    let measured = disability.score.map { "\(words(disability.instrument)) \(number($0))" }
    let value = measured ?? disability.activity ?? "limitation described"
    return (
      value, joined(words(disability.instrument), measured == nil ? nil : disability.activity)
    )
  }

  private static func describe(_ finding: BudapestFinding) -> (String, String) {
    let category = words(finding.category)
    let value = finding.finding.map { "\(ReportWording.humanized($0)) (\(category))" } ?? category
    return (value, joined(finding.kind.rawValue, finding.present ? "present" : "absent"))
  }

  private static func describe(_ diagnosis: CRPSDiagnosis) -> (String, String) {
    let value = diagnosis.crpsType.map { "CRPS type \($0)" } ?? "CRPS"
    let stated = diagnosis.budapestStated.map { $0 ? "Budapest criteria stated" : nil } ?? nil
    return (value, joined(stated))
  }

  private static func describe(_ relief: Relief) -> (String, String) {
    let value = "\(number(relief.percent))% relief after \(words(relief.procedure))"
    let context = joined(
      relief.durationDays.map { "lasting \(number($0)) days" }, date("on", relief.procedureDate),
      levels(relief.levels), relief.side?.rawValue,
      improvement(relief.functionalImprovement))
    return (value, context)
  }

  private static func describe(_ therapy: Therapy) -> (String, String) {
    let drugClass = therapy.drugClass.map { " (\(ReportWording.humanized($0)))" } ?? ""
    let value = therapy.name.map { "\($0)\(drugClass)" } ?? words(therapy.modality)
    let status = therapy.status.map(words)
    let context = joined(
      therapy.unableReason.map { "\(status ?? "unable"): \($0)" } ?? status,
      therapy.attended == false ? "never attended" : nil, therapy.outcome.map(words),
      therapy.weeks.map { "\(number($0)) weeks" }, therapy.sessions.map { "\($0) sessions" },
      date("from", therapy.start), date("to", therapy.end),
      therapy.prescribedBy.map { "prescribed by \(words($0))" },
      therapy.followUpDocumented.map { $0 ? "follow-up documented" : "no follow-up documented" })
    return (value, context)
  }

  private static func describe(_ plan: Decolonization) -> (String, String) {
    let agents = plan.agents.flatMap { $0.isEmpty ? nil : $0.joined(separator: " and ") }
    return (plan.planned ? "planned" : "not planned", joined(date("from", plan.start), agents))
  }

  private static func describe(_ evaluation: PsychEvaluation) -> (String, String) {
    let cleared = evaluation.cleared.map { $0 ? "cleared" : "not cleared" }
    let value = evaluation.completed ? "completed" : "not completed"
    return (value, joined(date("on", evaluation.date), cleared))
  }

  private static func describe(_ procedure: PriorProcedure) -> (String, String) {
    let context = joined(
      date("on", procedure.date), procedure.region.map(words), procedure.side?.rawValue,
      levels(procedure.levels))
    return (words(procedure.procedure), context)
  }

  private static func describe(_ finding: ImagingFinding) -> (String, String) {
    let context = joined(
      finding.modality.map(words), date("on", finding.date), levels(finding.levels))
    return (words(finding.finding), context)
  }

  private static func describe(_ trial: DeviceTrial) -> (String, String) {
    let value = "\(words(trial.device)) trial, \(number(trial.percent))% relief"
    let context = joined(
      trial.days.map { "\(number($0)) days" }, improvement(trial.functionalImprovement))
    return (value, context)
  }

  private static func words<Name: RawRepresentable<String>>(_ name: Name) -> String {
    ReportWording.humanized(name.rawValue)
  }

  private static func number(_ value: Double) -> String { ReportWording.number(value) }

  private static func date(_ label: String?, _ date: ClinicalDate?) -> String? {
    guard let date else { return nil }
    return [label, date.usFormat].compactMap { $0 }.joined(separator: " ")
  }

  private static func levels(_ levels: [String]?) -> String? {
    guard let levels, !levels.isEmpty else { return nil }
    return levels.joined(separator: ", ")
  }

  private static func improvement(_ improved: Bool?) -> String? {
    improved.map { $0 ? "function improved" : "no functional improvement" }
  }

  /// The present parts, separated by "; ", or "" when none is present.
  private static func joined(_ parts: String?...) -> String {
    var joined = ""
    for case let part? in parts where !part.isEmpty {
      if !joined.isEmpty { joined += "; " }
      joined += part
    }
    return joined
  }
}
