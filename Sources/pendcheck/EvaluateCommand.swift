import Evaluation
import Extraction
import Foundation
import Review

/// `pendcheck evaluate`: QA's accuracy figures on a folder of gold cases.
enum EvaluateCommand: Command {
  static let name = "evaluate"
  static let summary = "Score PendCheck against the gold cases under a folder."
  static let usage =
    "pendcheck evaluate DIR [--format text|json|html] [--min-f1 X] [--max-false-ready N]"
    + " [--out FILE]"
  static let discussion = """
    Reviews every case folder under DIR that holds a gold.json and compares the report with
    it: precision, recall and F1 per fact type (micro and macro), accuracy of detail fields,
    determination accuracy with a confusion matrix, gap precision and recall, the cases
    called ready that gold does not call ready, and for each differing case the facts missed
    and the facts found that gold lacks, with their evidence.

    Exit statuses: 0 scored (and above any bar given); 1 micro-F1 below --min-f1, a type
    with 20 or more gold facts below --min-type-f1, determination accuracy below
    --min-determination-accuracy, or more false-ready cases than --max-false-ready;
    64 usage error; 65 a gold file is invalid; 66 DIR holds no gold cases; 69 OCR is not
    installed (run with --no-ocr to score scanned pages as unread).
    """
  static let options = [
    OptionSpec("format", value: "FORMAT", help: "text (default), json or html."),
    OptionSpec("out", value: "FILE", help: "Write the scores to FILE atomically."),
    OptionSpec("min-f1", value: "X", help: "Fail when micro-F1 over all facts is below X."),
    OptionSpec(
      "min-type-f1", value: "X", help: "Fail when a type with ≥ 20 gold facts is below X."),
    OptionSpec("min-determination-accuracy", value: "X", help: "Fail when accuracy is below X."),
    OptionSpec(
      "max-false-ready", value: "N", help: "Fail when more than N cases are falsely ready."),
    OCROption.spec,
  ]

  static func run(_ arguments: ParsedArguments, _ console: Console) throws -> Int32 {
    guard arguments.positional.count == 1, let path = arguments.positional.first else {
      throw UsageError(message: "name one folder of gold cases", command: name)
    }
    let bar = try QualityBar(arguments)
    let folders = CorpusRun.caseFolders(under: URL(fileURLWithPath: path))
    guard !folders.isEmpty else {
      throw CommandFailure(
        message: "\(path): no case folder with a gold.json found", exitStatus: 66)
    }

    let reviewer = CaseReviewer(
      lexicons: try loadLexicons(arguments),
      extractor: try OCROption.extractor(arguments, checksLibrary: true))
    let scored: [ScoredCase]
    do {
      scored = try CorpusRun.score(folders, reviewer: reviewer)
    } catch let error as GoldFileError {
      throw CommandFailure(message: error.message, exitStatus: 65)
    }
    let result = Evaluator.evaluate(scored)

    try write(try render(result, arguments), to: arguments.value("out"), console)
    let failures = bar.failures(result)
    failures.forEach { console.error("pendcheck evaluate: below the bar: \($0)") }
    return failures.isEmpty ? 0 : 1
  }

  private static func render(_ result: EvaluationResult, _ arguments: ParsedArguments) throws
    -> Data
  {
    switch arguments.value("format") ?? "text" {
    case "text": Data(EvaluationText.render(result).utf8)
    case "json": try EvaluationJSON.encode(result)
    case "html": Data(EvaluationHTML.render(result).utf8)
    case let other:
      throw UsageError(
        message: "--format must be text, json or html, not '\(other)'", command: name)
    }
  }
}

/// The accuracy levels below which `evaluate` exits non-zero, for CI.
struct QualityBar {
  var minimumF1: Double?
  var minimumTypeF1: Double?
  var minimumDeterminationAccuracy: Double?
  var maximumFalseReady: Int?

  init(_ arguments: ParsedArguments) throws(UsageError) {
    minimumF1 = try Self.fraction(arguments, "min-f1")
    minimumTypeF1 = try Self.fraction(arguments, "min-type-f1")
    minimumDeterminationAccuracy = try Self.fraction(arguments, "min-determination-accuracy")
    if let text = arguments.value("max-false-ready") {
      guard let count = Int(text), count >= 0 else {
        throw UsageError(message: "--max-false-ready needs a whole number", command: "evaluate")
      }
      maximumFalseReady = count
    }
  }

  private static func fraction(_ arguments: ParsedArguments, _ option: String) throws(UsageError)
    -> Double?
  {
    guard let text = arguments.value(option) else { return nil }
    guard let value = Double(text), (0...1).contains(value) else {
      throw UsageError(message: "--\(option) needs a number from 0 to 1", command: "evaluate")
    }
    return value
  }

  /// Each way the result falls short, as a sentence with the numbers.
  func failures(_ result: EvaluationResult) -> [String] {
    var failures: [String] = []
    if let minimumF1, result.micro.f1 < minimumF1 {
      failures.append(String(format: "micro-F1 %.3f < %.3f", result.micro.f1, minimumF1))
    }
    if let minimumTypeF1 {
      for score in result.perType
      where score.counts.truePositives + score.counts.falseNegatives >= 20
        && score.counts.f1 < minimumTypeF1
      {
        let scores = String(format: "F1 %.3f < %.3f", score.counts.f1, minimumTypeF1)
        failures.append("\(score.type.rawValue) \(scores)")
      }
    }
    if let minimumDeterminationAccuracy, result.determinationAccuracy < minimumDeterminationAccuracy
    {
      failures.append(
        String(
          format: "determination accuracy %.3f < %.3f", result.determinationAccuracy,
          minimumDeterminationAccuracy))
    }
    if let maximumFalseReady, result.falseReady.count > maximumFalseReady {
      let cases = result.falseReady.joined(separator: ", ")
      failures.append(
        "\(result.falseReady.count) false-ready cases > \(maximumFalseReady): \(cases)")
    }
    return failures
  }
}
