import Foundation
import Model

/// The evaluation as a plain-text table for a terminal or a CI log.
public enum EvaluationText {
  public static func render(_ result: EvaluationResult) -> String {
    var lines = ["PendCheck evaluation: \(result.caseCount) cases", ""]
    lines += factTable(result)
    lines += ["", "Determination accuracy: \(percent(result.determinationAccuracy))"]
    lines += confusionTable(result.confusion)
    lines += [
      "",
      "Gaps: precision \(fixed(result.gaps.precision))  recall \(fixed(result.gaps.recall))"
        + "  F1 \(fixed(result.gaps.f1))",
      "False ready: "
        + (result.falseReady.isEmpty ? "none" : result.falseReady.joined(separator: ", ")),
    ]
    lines += detailTable(result.details)
    lines += caseList(result.cases)
    return lines.joined(separator: "\n") + "\n"
  }

  private static func factTable(_ result: EvaluationResult) -> [String] {
    var lines = [row("fact type", "gold", "found", "TP", "P", "R", "F1")]
    for score in result.perType {
      let counts = score.counts
      lines.append(
        row(
          score.type.rawValue, "\(counts.truePositives + counts.falseNegatives)",
          "\(counts.truePositives + counts.falsePositives)", "\(counts.truePositives)",
          fixed(counts.precision), fixed(counts.recall), fixed(counts.f1)))
    }
    let micro = result.micro
    lines.append(
      row(
        "micro", "\(micro.truePositives + micro.falseNegatives)",
        "\(micro.truePositives + micro.falsePositives)", "\(micro.truePositives)",
        fixed(micro.precision), fixed(micro.recall), fixed(micro.f1)))
    lines.append(row("macro F1", "", "", "", "", "", fixed(result.macroF1)))
    return lines
  }

  private static func confusionTable(_ confusion: [String: [String: Int]]) -> [String] {
    let labels = DeterminationStatus.allCases.map(\.rawValue) + [Evaluator.noDetermination]
    var lines = ["gold \\ predicted".padding(16) + labels.map { $0.padding(15) }.joined()]
    for gold in DeterminationStatus.allCases.map(\.rawValue) {
      let counts = labels.map { String(confusion[gold]?[$0] ?? 0).padding(15) }
      lines.append(gold.padding(16) + counts.joined())
    }
    return lines
  }

  private static func detailTable(_ details: [DetailFieldScore]) -> [String] {
    guard !details.isEmpty else { return [] }
    return ["", "Detail fields (among matched facts):"]
      + details.map { score in
        "  \(score.type.rawValue).\(score.field)".padding(40)
          + "\(score.correct)/\(score.total)  \(percent(score.accuracy))"
      }
  }

  private static func caseList(_ cases: [CaseDrillDown]) -> [String] {
    let imperfect = cases.filter {
      !$0.isDeterminationCorrect || !$0.missedFacts.isEmpty || !$0.spuriousFacts.isEmpty
        || $0.failure != nil
    }
    guard !imperfect.isEmpty else { return ["", "Every case matched gold exactly."] }

    var lines = ["", "Cases that differ from gold:"]
    for scored in imperfect {
      let verdict =
        "\(scored.expectedDetermination.rawValue) → \(scored.predictedDetermination)"
      lines.append("  \(scored.case): \(verdict)" + gapNote(scored))
      if let failure = scored.failure { lines.append("    failed: \(failure)") }
      lines += scored.missedFacts.map { "    missed:   \(FactSummary.describe($0))" }
      lines += scored.spuriousFacts.map { fact in
        let cited = fact.evidence.first.map { " ← \($0.document) p\($0.page): \"\($0.text)\"" }
        return "    spurious: \(FactSummary.describe(fact))\(cited ?? "")"
      }
    }
    return lines
  }

  private static func gapNote(_ scored: CaseDrillDown) -> String {
    guard Set(scored.expectedGaps) != Set(scored.predictedGaps) else { return "" }
    let expected = scored.expectedGaps.map(\.rawValue).joined(separator: ",")
    let predicted = scored.predictedGaps.map(\.rawValue).joined(separator: ",")
    return "  gaps [\(expected)] → [\(predicted)]"
  }

  private static func row(_ columns: String...) -> String {
    columns[0].padding(24) + columns.dropFirst().map { $0.padding(8) }.joined()
  }

  static func fixed(_ value: Double) -> String { String(format: "%.3f", value) }
  static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
}

/// A one-line rendering of a fact's fields, for drill-down lists.
public enum FactSummary {
  public static func describe(_ fact: Fact) -> String {
    let fields = FactFields(fact).values.sorted { $0.key < $1.key }
      .map { "\($0.key)=\($0.value)" }
    return "\(fact.type.rawValue) {\(fields.joined(separator: " "))}"
  }
}

extension String {
  fileprivate func padding(_ width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }
}
