import Model
import Testing

@testable import Facts

/// When two mentions of one fact merge, the detail that fills more fields is kept:
/// `FilledFields` counts them, every set property once, an empty optional not at all.
@Suite struct FilledFieldsTests {
  @Test(
    "a detail counts its set fields, empty optionals left out",
    arguments: [
      (PainScore(value: 7, context: .current), 2),
      (PainScore(value: 7, low: 6, context: .current), 3),
      (PainScore(value: 7, low: 6, context: .worst, region: "low back"), 4),
    ])
  func painScoreFields(score: PainScore, filled: Int) {
    #expect(FilledFields.count(of: score) == filled)
  }

  @Test("a nested value or a list is one field, whatever it holds")
  func nestedValuesCountOnce() {
    let bare = Relief(percent: 80, procedure: .medialBranchBlock)
    let full = Relief(
      percent: 80, procedure: .medialBranchBlock, durationDays: 1,
      functionalImprovement: true, levels: ["L4-5", "L5-S1"], side: .left)
    #expect(FilledFields.count(of: bare) == 2)
    #expect(FilledFields.count(of: full) == 6)
  }

  @Test("the merger keeps the more specific of two mentions")
  func mergerKeepsTheMoreSpecific() {
    let vague = Fact(.painScore(PainScore(value: 7, context: .current)))
    let exact = Fact(.painScore(PainScore(value: 7, low: 6, context: .current)))
    #expect(FactMerger.specificity(exact) > FactMerger.specificity(vague))
  }
}
