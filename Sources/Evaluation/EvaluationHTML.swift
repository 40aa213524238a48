import Foundation
import Model
import Reports

/// The evaluation as one self-contained HTML page: per-type F1 as an inline SVG bar chart,
/// the confusion matrix as a table, and each differing case's misses.
public enum EvaluationHTML {
  public static func render(_ result: EvaluationResult) -> String {
    """
    <!doctype html>
    <html lang="en"><head><meta charset="utf-8">
    <title>PendCheck evaluation</title>
    <style>
    body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem; color: #1d232a; }
    table { border-collapse: collapse; margin: 1rem 0; }
    th, td { border: 1px solid #c9d1d9; padding: 4px 8px; text-align: right; }
    th:first-child, td:first-child { text-align: left; }
    td.hit { background: #e6f4ea; font-weight: 600; }
    .bar { fill: #3b6ea5; } .label { font-size: 12px; }
    li { margin: 2px 0; } code { font-size: 12px; }
    </style></head><body>
    <h1>PendCheck evaluation</h1>
    <p>\(result.caseCount) cases. Micro F1 <strong>\(fixed(result.micro.f1))</strong>,
    macro F1 \(fixed(result.macroF1)), determination accuracy
    <strong>\(EvaluationText.percent(result.determinationAccuracy))</strong>,
    false ready: \(falseReadyList(result)).</p>
    <h2>F1 by fact type</h2>
    \(barChart(result.perType))
    \(typeTable(result))
    <h2>Determinations (rows: gold, columns: predicted)</h2>
    \(confusionTable(result.confusion))
    <h2>Cases that differ from gold</h2>
    \(caseList(result.cases))
    </body></html>
    """
  }

  private static func barChart(_ scores: [FactTypeScore]) -> String {
    let rowHeight = 22
    let labelWidth = 170
    let barWidth = 400
    let bars = scores.enumerated().map { index, score in
      let y = index * rowHeight
      let width = Int(score.counts.f1 * Double(barWidth))
      return """
        <text class="label" x="0" y="\(y + 15)">\(score.type.rawValue)</text>
        <rect class="bar" x="\(labelWidth)" y="\(y + 3)" width="\(width)" height="16"/>
        <text class="label" x="\(labelWidth + width + 6)" y="\(y + 15)">\
        \(fixed(score.counts.f1))</text>
        """
    }
    let height = max(rowHeight, scores.count * rowHeight)
    return """
      <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="F1 by fact type" \
      width="\(labelWidth + barWidth + 60)" height="\(height)">
      \(bars.joined(separator: "\n"))
      </svg>
      """
  }

  private static func typeTable(_ result: EvaluationResult) -> String {
    let rows = result.perType.map { score in
      let counts = score.counts
      let cells = [
        score.type.rawValue, "\(counts.truePositives + counts.falseNegatives)",
        "\(counts.truePositives + counts.falsePositives)", fixed(counts.precision),
        fixed(counts.recall), fixed(counts.f1),
      ]
      return "<tr>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>"
    }
    return "<table><tr><th>type</th><th>gold</th><th>found</th><th>P</th><th>R</th><th>F1</th></tr>"
      + rows.joined() + "</table>"
  }

  private static func confusionTable(_ confusion: [String: [String: Int]]) -> String {
    let labels = DeterminationStatus.allCases.map(\.rawValue) + [Evaluator.noDetermination]
    let head = "<tr><th>gold \\ predicted</th>" + labels.map { "<th>\($0)</th>" }.joined() + "</tr>"
    let rows = DeterminationStatus.allCases.map(\.rawValue).map { gold in
      "<tr><td>\(gold)</td>"
        + labels.map { label in
          let count = confusion[gold]?[label] ?? 0
          return "<td\(label == gold ? " class=\"hit\"" : "")>\(count)</td>"
        }.joined() + "</tr>"
    }
    return "<table>" + head + rows.joined() + "</table>"
  }

  private static func caseList(_ cases: [CaseDrillDown]) -> String {
    let imperfect = cases.filter {
      !$0.isDeterminationCorrect || !$0.missedFacts.isEmpty || !$0.spuriousFacts.isEmpty
    }
    guard !imperfect.isEmpty else { return "<p>Every case matched gold exactly.</p>" }
    return imperfect.map { scored in
      let facts =
        scored.missedFacts.map {
          "<li>missed: <code>\(escape(FactSummary.describe($0)))</code></li>"
        }
        + scored.spuriousFacts.map { fact in
          let cited = fact.evidence.first.map {
            " — \(escape($0.document)) p\($0.page): “\(escape($0.text))”"
          }
          return
            "<li>spurious: <code>\(escape(FactSummary.describe(fact)))</code>\(cited ?? "")</li>"
        }
      return "<h3>\(escape(scored.case)): \(scored.expectedDetermination.rawValue) → "
        + "\(escape(scored.predictedDetermination))</h3><ul>\(facts.joined())</ul>"
    }.joined(separator: "\n")
  }

  private static func fixed(_ value: Double) -> String { EvaluationText.fixed(value) }

  private static func falseReadyList(_ result: EvaluationResult) -> String {
    result.falseReady.isEmpty ? "none" : escape(result.falseReady.joined(separator: ", "))
  }

  private static func escape(_ text: String) -> String { text.htmlEscaped }

}
