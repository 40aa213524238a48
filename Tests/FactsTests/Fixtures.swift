import Facts
import Foundation
import Language
import Model

/// Shared helpers: the checked-in lexicons, and facts detected in text.
enum Fixtures {
  /// The repository's Lexicons directory, found from this file's path.
  static let lexiconDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Lexicons")

  /// The checked-in lexicons, loaded once for all tests.
  static let lexicons: Lexicons = {
    do {
      return try Lexicons.load(from: lexiconDirectory)
    } catch {
      fatalError("the checked-in lexicons do not load: \(error)")
    }
  }()

  static let detector = FactDetector(lexicons: lexicons)

  /// A one-page document holding `text`, read by the Language stage.
  static func annotate(_ text: String, name: String = "note.pdf") -> AnnotatedDocument {
    let document = Document(name: name, pages: [Page(number: 1, text: text, source: .textLayer)])
    return AnnotatedDocument(document: document, lexicons: lexicons)
  }

  /// The facts detected in one note holding `text`.
  static func facts(
    in text: String, noteDate: ClinicalDate? = ClinicalDate(year: 2026, month: 3, day: 14)
  ) -> [Fact] {
    detector.detect(in: [annotate(text)], noteDate: noteDate)
  }

  /// The facts of one type detected in `text`.
  static func facts(_ type: FactType, in text: String) -> [FactDetail] {
    facts(in: text).filter { $0.type == type }.map(\.detail)
  }

  /// Facts as JSON lines, for a failing test's message.
  static func describe(_ facts: [Fact]) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return facts.map { fact in
      var bare = fact
      bare.evidence = []
      bare.derivation = nil
      return (try? encoder.encode(bare)).map { String(decoding: $0, as: UTF8.self) } ?? "?"
    }.joined(separator: "\n")
  }
}

extension Fixtures {
  /// The facts of one type in `text`, each summarised by its key fields (and a few details)
  /// as a short string, sorted: `7 current`, `faber positive left`.
  static func summaries(_ type: FactType, in text: String) -> [String] {
    facts(type, in: text).map(summary).sorted()
  }

  static func summary(_ detail: FactDetail) -> String {
    switch detail {
    case .painScore(let score):
      return [number(score.value), score.low.map { "low \(number($0))" }, score.context.rawValue]
        .compactMap { $0 }.joined(separator: " ")
    case .functionalDisability(let value):
      return [
        value.present ? "present" : "absent", value.instrument.rawValue, value.score.map(number),
      ]
      .compactMap { $0 }.joined(separator: " ")
    case .painDuration(let duration):
      return number(duration.months)
    case .painPattern(let pattern):
      return pattern.pattern.rawValue
    case .provocationTest(let test):
      return [test.test.rawValue, test.result.rawValue, test.side?.rawValue].compactMap { $0 }
        .joined(separator: " ")
    case .budapestFinding(let finding):
      return "\(finding.category.rawValue) \(finding.kind.rawValue) \(finding.present)"
    case .crpsDiagnosis(let diagnosis):
      return
        "type \(diagnosis.crpsType.map(String.init) ?? "-") budapest \(diagnosis.budapestStated.map { "\($0)" } ?? "-")"
    case .relief(let relief):
      return [
        number(relief.percent), relief.procedure.rawValue,
        relief.durationDays.map { "days \(number($0))" }, relief.procedureDate?.iso,
        relief.functionalImprovement.map { "function \($0)" },
      ].compactMap { $0 }.joined(separator: " ")
    case .therapy(let therapy):
      return [
        therapy.modality.rawValue, therapy.name, therapy.status?.rawValue,
        therapy.outcome?.rawValue,
      ].compactMap { $0 }.joined(separator: " ")
    case .staphScreen(let screen):
      return [screen.organism.rawValue, screen.result.rawValue, screen.date?.iso].compactMap { $0 }
        .joined(separator: " ")
    case .decolonization(let plan):
      return [
        plan.planned ? "planned" : "not planned", plan.start?.iso,
        plan.agents?.joined(separator: "+"),
      ]
      .compactMap { $0 }.joined(separator: " ")
    case .psychEvaluation(let evaluation):
      return [
        evaluation.completed ? "completed" : "not completed", evaluation.date?.iso,
        evaluation.cleared.map { "cleared \($0)" },
      ].compactMap { $0 }.joined(separator: " ")
    case .opioidUse(let use):
      return use.status.rawValue
    case .priorProcedure(let procedure):
      return [
        procedure.procedure.rawValue, procedure.date?.iso, procedure.side?.rawValue,
        procedure.levels?.joined(separator: ","),
      ].compactMap { $0 }.joined(separator: " ")
    case .imagingFinding(let finding):
      return [finding.finding.rawValue, finding.modality?.rawValue].compactMap { $0 }
        .joined(separator: " ")
    case .riskFactor(let risk):
      return "\(risk.condition.rawValue) \(risk.present)"
    case .diagnosis(let diagnosis):
      return [diagnosis.condition.rawValue, diagnosis.icd10].compactMap { $0 }.joined(
        separator: " ")
    case .surgicalPlan(let plan):
      return plan.kind.rawValue
    case .deviceTrial(let trial):
      return [
        trial.device.rawValue, number(trial.percent), trial.days.map { "days \(number($0))" },
        trial.intolerableSideEffects.map { "intolerable \($0)" },
      ]
      .compactMap { $0 }.joined(separator: " ")
    case .implantProblem(let problem):
      return problem.problem.rawValue
    case .consultation(let consultation):
      return [consultation.specialty.rawValue, consultation.date?.iso].compactMap { $0 }
        .joined(separator: " ")
    case .anginaClass(let angina):
      return "\(angina.system.rawValue) \(angina.class)"
    case .patientAge(let age):
      return "\(age.years) \(age.context.rawValue)"
    case .spondyloarthritisFeature(let value):
      return "\(value.feature.rawValue) \(value.present)"
    case .diagnosticUncertainty(let value):
      return value.kind.rawValue
    case .deviceInterrogation(let report):
      return [report.device.rawValue, report.date?.iso].compactMap { $0 }.joined(separator: " ")
    }
  }

  private static func number(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
  }
}
