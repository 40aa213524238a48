import Model

/// What QA reads: every score of one evaluation run, and each case's misses.
public struct EvaluationResult: Codable, Sendable {
  public let caseCount: Int
  public let perType: [FactTypeScore]
  public let micro: PrecisionRecall
  /// Mean F1 over the fact types present in gold or in the reports.
  public let macroF1: Double
  public let details: [DetailFieldScore]
  public let determinationAccuracy: Double
  /// Gold determination → predicted determination (`none` when no determination was made
  /// for the gold guideline) → count.
  public let confusion: [String: [String: Int]]
  public let gaps: PrecisionRecall
  /// Cases the tool called `ready` that gold does not.
  public let falseReady: [String]
  public let cases: [CaseDrillDown]
}

/// One case's result, for drilling down from the totals.
public struct CaseDrillDown: Codable, Sendable {
  public let `case`: String
  public let split: String?
  public let expectedDetermination: DeterminationStatus
  public let predictedDetermination: String
  public let expectedGaps: [GapFamily]
  public let predictedGaps: [GapFamily]
  public let missedFacts: [Fact]
  public let spuriousFacts: [Fact]
  public let failure: String?

  public var isDeterminationCorrect: Bool {
    predictedDetermination == expectedDetermination.rawValue
  }
}

/// Scores reports against gold cases: facts per type, details, determinations and gaps.
public enum Evaluator {
  /// The label used in the confusion matrix when no determination was made.
  public static let noDetermination = "none"

  public static func evaluate(_ cases: [ScoredCase]) -> EvaluationResult {
    let matches = cases.map {
      FactMatcher.match(gold: $0.gold.facts, reported: $0.report?.facts ?? [])
    }
    let perType = typeScores(matches)
    let micro = perType.map(\.counts).reduce(.zero, +)
    let macroF1 =
      perType.isEmpty ? 0 : perType.map(\.counts.f1).reduce(0, +) / Double(perType.count)
    let drillDowns = zip(cases, matches).map(drillDown)

    return EvaluationResult(
      caseCount: cases.count, perType: perType, micro: micro, macroF1: macroF1,
      details: detailScores(matches), determinationAccuracy: accuracy(drillDowns),
      confusion: confusion(drillDowns), gaps: gapCounts(cases),
      falseReady: drillDowns.filter(isFalseReady).map(\.case), cases: drillDowns)
  }

  private static func typeScores(_ matches: [CaseFactMatch]) -> [FactTypeScore] {
    FactType.allCases.compactMap { type in
      let counts = matches.map { match in
        PrecisionRecall(
          truePositives: match.matched.filter { $0.gold.type == type }.count,
          falsePositives: match.spurious.filter { $0.type == type }.count,
          falseNegatives: match.missed.filter { $0.type == type }.count)
      }.reduce(.zero, +)
      let seen = counts.truePositives + counts.falsePositives + counts.falseNegatives
      return seen == 0 ? nil : FactTypeScore(type: type, counts: counts)
    }
  }

  private static func detailScores(_ matches: [CaseFactMatch]) -> [DetailFieldScore] {
    let pairs = matches.flatMap(\.matched)
    return FactType.allCases.flatMap { type -> [DetailFieldScore] in
      let typed = pairs.filter { $0.gold.type == type }
        .map { (gold: FactFields($0.gold), reported: FactFields($0.reported)) }
      return FactTypeFields.of(type).details.compactMap { field in
        let scored = typed.filter { $0.gold.values[field.name] != nil }
        guard !scored.isEmpty else { return nil }
        let correct = scored.filter {
          field.tolerance.accepts(
            gold: $0.gold.values[field.name], reported: $0.reported.values[field.name])
        }.count
        return DetailFieldScore(
          type: type, field: field.name, correct: correct, total: scored.count)
      }
    }
  }

  private static func drillDown(_ scored: ScoredCase, _ match: CaseFactMatch) -> CaseDrillDown {
    let predicted = scored.predicted
    return CaseDrillDown(
      case: scored.gold.case, split: scored.split,
      expectedDetermination: scored.gold.expected.determination,
      predictedDetermination: predicted?.determination.rawValue ?? noDetermination,
      expectedGaps: scored.gold.expected.gaps, predictedGaps: predicted?.gaps ?? [],
      missedFacts: match.missed, spuriousFacts: match.spurious, failure: scored.failure)
  }

  private static func accuracy(_ cases: [CaseDrillDown]) -> Double {
    cases.isEmpty ? 0 : Double(cases.filter(\.isDeterminationCorrect).count) / Double(cases.count)
  }

  private static func confusion(_ cases: [CaseDrillDown]) -> [String: [String: Int]] {
    var matrix: [String: [String: Int]] = [:]
    for scored in cases {
      matrix[scored.expectedDetermination.rawValue, default: [:]][
        scored.predictedDetermination, default: 0] += 1
    }
    return matrix
  }

  private static func gapCounts(_ cases: [ScoredCase]) -> PrecisionRecall {
    cases.map { scored in
      let expected = Set(scored.gold.expected.gaps)
      let predicted = Set(scored.predicted?.gaps ?? [])
      return PrecisionRecall(
        truePositives: expected.intersection(predicted).count,
        falsePositives: predicted.subtracting(expected).count,
        falseNegatives: expected.subtracting(predicted).count)
    }.reduce(.zero, +)
  }

  private static func isFalseReady(_ scored: CaseDrillDown) -> Bool {
    scored.predictedDetermination == DeterminationStatus.ready.rawValue
      && scored.expectedDetermination != .ready
  }
}
