import Foundation
import Model
import Testing

@testable import Evaluation

/// Builds a gold case with the given facts and expected outcome.
private func gold(
  _ facts: [FactDetail], determination: DeterminationStatus = .pend,
  gaps: [GapFamily] = [], guideline: String = "1756", id: String = "case-1"
) -> GoldCase {
  let json = """
    {"case": "\(id)", "facts": [],
     "expected": {"guideline": "\(guideline)", "determination": "\(determination.rawValue)",
                  "gaps": [\(gaps.map { "\"\($0.rawValue)\"" }.joined(separator: ","))]}}
    """
  var decoded = try! JSONDecoder().decode(GoldCase.self, from: Data(json.utf8))
  decoded.facts = facts.map { Fact($0) }
  return decoded
}

/// Builds a report with the given facts and one determination.
private func report(
  _ facts: [FactDetail], determination: DeterminationStatus = .pend,
  gaps: [GapFamily] = [], guideline: String = "1756"
) -> CaseReport {
  let evidence = [Evidence(document: "note.pdf", page: 1, text: "quoted")]
  return CaseReport(
    case: "case-1", noteDate: nil, request: ServiceRequest(), documents: [],
    facts: facts.map { Fact($0, evidence: evidence) },
    determinations: [
      Determination(
        guideline: guideline, indication: "x", determination: determination, gaps: gaps,
        criteria: [])
    ])
}

private func date(_ iso: String) -> ClinicalDate { ClinicalDate(iso: iso)! }

@Suite("Scoring facts against gold")
struct FactScoringTests {
  struct ToleranceCase: CustomTestStringConvertible, Sendable {
    let name: String
    let gold: FactDetail
    let reported: FactDetail
    let matches: Bool
    var testDescription: String { name }
  }

  static let keyTolerances: [ToleranceCase] = [
    .init(
      name: "months within 15% match", gold: .painDuration(PainDuration(months: 10)),
      reported: .painDuration(PainDuration(months: 11.4)), matches: true),
    .init(
      name: "months beyond 15% do not", gold: .painDuration(PainDuration(months: 10)),
      reported: .painDuration(PainDuration(months: 11.6)), matches: false),
    .init(
      name: "procedure dates within 3 days match",
      gold: .priorProcedure(
        PriorProcedure(procedure: .medialBranchBlock, date: date("2026-03-02"))),
      reported: .priorProcedure(
        PriorProcedure(procedure: .medialBranchBlock, date: date("2026-03-05"))),
      matches: true),
    .init(
      name: "procedure dates 4 days apart do not",
      gold: .priorProcedure(
        PriorProcedure(procedure: .medialBranchBlock, date: date("2026-03-02"))),
      reported: .priorProcedure(
        PriorProcedure(procedure: .medialBranchBlock, date: date("2026-03-06"))),
      matches: false),
    .init(
      name: "a month-only gold date matches any day of the month",
      gold: .priorProcedure(PriorProcedure(procedure: .epiduralInjection, date: date("2025-11"))),
      reported: .priorProcedure(
        PriorProcedure(procedure: .epiduralInjection, date: date("2025-11-28"))),
      matches: true),
    .init(
      name: "a different context is a different pain score",
      gold: .painScore(PainScore(value: 7, context: .average)),
      reported: .painScore(PainScore(value: 7, context: .current)), matches: false),
    .init(
      name: "a missing medication name does not match a named one",
      gold: .therapy(Therapy(modality: .medication, name: "gabapentin")),
      reported: .therapy(Therapy(modality: .medication)), matches: false),
    .init(
      name: "detail fields do not decide a match",
      gold: .provocationTest(ProvocationTest(test: .faber, result: .positive, side: .left)),
      reported: .provocationTest(ProvocationTest(test: .faber, result: .positive, side: .right)),
      matches: true),
  ]

  @Test("key fields match within their tolerance", arguments: keyTolerances)
  func keyFieldTolerance(_ example: ToleranceCase) {
    let result = Evaluator.evaluate([
      ScoredCase(gold: gold([example.gold]), report: report([example.reported]))
    ])
    #expect((result.micro.truePositives == 1) == example.matches)
  }

  @Test("relief duration is a detail scored within 10%")
  func reliefDurationTolerance() {
    let goldRelief = FactDetail.relief(
      Relief(percent: 80, procedure: .medialBranchBlock, durationDays: 90))
    let close = FactDetail.relief(
      Relief(percent: 80, procedure: .medialBranchBlock, durationDays: 98))
    let far = FactDetail.relief(
      Relief(percent: 80, procedure: .medialBranchBlock, durationDays: 100))

    let closeResult = Evaluator.evaluate([
      ScoredCase(gold: gold([goldRelief]), report: report([close]))
    ])
    let farResult = Evaluator.evaluate([ScoredCase(gold: gold([goldRelief]), report: report([far]))]
    )

    #expect(closeResult.details.first { $0.field == "durationDays" }?.correct == 1)
    #expect(farResult.details.first { $0.field == "durationDays" }?.correct == 0)
    #expect(farResult.micro.truePositives == 1)
  }

  @Test("therapy weeks are right within one week")
  func therapyWeeksTolerance() {
    let goldPT = FactDetail.therapy(Therapy(modality: .physicalTherapy, weeks: 6))
    let results = [5.0, 7.0, 4.9].map { weeks in
      Evaluator.evaluate([
        ScoredCase(
          gold: gold([goldPT]),
          report: report([.therapy(Therapy(modality: .physicalTherapy, weeks: weeks))]))
      ]).details.first { $0.field == "weeks" }?.correct
    }
    #expect(results == [1, 1, 0])
  }

  @Test("precision, recall and F1 count spurious and missed facts")
  func precisionAndRecall() {
    let goldFacts: [FactDetail] = [
      .painScore(PainScore(value: 7, context: .average)),
      .provocationTest(ProvocationTest(test: .faber, result: .positive)),
      .provocationTest(ProvocationTest(test: .gaenslen, result: .positive)),
    ]
    let reported: [FactDetail] = [
      .painScore(PainScore(value: 7, context: .average)),
      .provocationTest(ProvocationTest(test: .faber, result: .positive)),
      .provocationTest(ProvocationTest(test: .yeoman, result: .positive)),
    ]
    let result = Evaluator.evaluate([ScoredCase(gold: gold(goldFacts), report: report(reported))])

    #expect(result.micro.truePositives == 2)
    #expect(result.micro.falsePositives == 1)
    #expect(result.micro.falseNegatives == 1)
    #expect(abs(result.micro.f1 - 2.0 / 3.0) < 1e-9)
    let tests = result.perType.first { $0.type == .provocationTest }
    #expect(tests?.counts.precision == 0.5)
    #expect(abs(result.macroF1 - (1.0 + 0.5) / 2) < 1e-9)
  }

  @Test("one reported fact cannot match two gold facts")
  func matchingIsOneToOne() {
    let pain = FactDetail.painScore(PainScore(value: 7, context: .average))
    let result = Evaluator.evaluate([ScoredCase(gold: gold([pain, pain]), report: report([pain]))])
    #expect(result.micro.truePositives == 1)
    #expect(result.micro.falseNegatives == 1)
  }

  @Test("a failed review misses every gold fact")
  func failedReviewMissesEverything() {
    let goldCase = gold([.painScore(PainScore(value: 7, context: .average))])
    let result = Evaluator.evaluate([ScoredCase(gold: goldCase, report: nil, failure: "bad pdf")])
    #expect(result.micro.falseNegatives == 1)
    #expect(result.cases.first?.predictedDetermination == Evaluator.noDetermination)
  }
}

@Suite("Scoring determinations and gaps")
struct DeterminationScoringTests {
  @Test("a case called ready that gold pends is a false ready")
  func falseReadyIsListed() {
    let result = Evaluator.evaluate([
      ScoredCase(
        gold: gold([], determination: .pend, gaps: [.conservativeCare]),
        report: report([], determination: .ready))
    ])
    #expect(result.falseReady == ["case-1"])
    #expect(result.confusion["pend"]?["ready"] == 1)
    #expect(result.determinationAccuracy == 0)
  }

  @Test("only the determination of the gold guideline is scored")
  func goldGuidelineDecides() {
    let result = Evaluator.evaluate([
      ScoredCase(
        gold: gold([], determination: .ready, guideline: "1751"),
        report: report([], determination: .ready, guideline: "1750"))
    ])
    #expect(result.confusion["ready"]?[Evaluator.noDetermination] == 1)
  }

  @Test("gap precision and recall compare the families of each case")
  func gapScores() {
    let result = Evaluator.evaluate([
      ScoredCase(
        gold: gold([], gaps: [.conservativeCare, .provocationTests]),
        report: report([], gaps: [.conservativeCare, .imaging]))
    ])
    #expect(result.gaps.truePositives == 1)
    #expect(result.gaps.falsePositives == 1)
    #expect(result.gaps.falseNegatives == 1)
  }
}
