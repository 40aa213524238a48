import Model
import Testing

@Suite struct PainScoreTests {
  @Test(arguments: [
    ("Pain is 7/10.", ["7 unspecified"]),
    ("She rates her pain 7 out of 10.", ["7 unspecified"]),
    ("NRS 7 today.", ["7 current"]),
    ("Pain level: 6", ["6 unspecified"]),
    ("She rates her pain a seven.", ["7 unspecified"]),
    ("VAS 70 mm.", ["7 unspecified"]),
    ("VAS 7 cm at rest.", ["7 unspecified"]),
    ("Pain ranges 6-8/10.", ["8 low 6 unspecified"]),
    ("Pain is 8/10 at worst, 4/10 at best.", ["4 least", "8 worst"]),
    ("Worst pain 9/10, average 6/10, current 5/10.", ["5 current", "6 average", "9 worst"]),
    ("Currently her pain is 7/10.", ["7 current"]),
    ("Her pain is typically 5/10.", ["5 average"]),
    ("On average pain is 6 out of ten.", ["6 average"]),
    ("After the L4-5 MBB her pain went from 8/10 to 2/10.", ["2 postProcedure", "8 preProcedure"]),
    ("Pre-procedure pain 7/10; post-procedure pain 1/10.", ["1 postProcedure", "7 preProcedure"]),
    ("Today's pain score is 4/10 and her usual pain is 6/10.", ["4 current", "6 average"]),
    ("Pain intensity (NRS): 5.", ["5 unspecified"]),
    ("Pain averages 7/10 and reaches 9/10 after meals.", ["7 average", "9 worst"]),
    ("She rates it 9/10 at worst and 7/10 on a typical day.", ["7 average", "9 worst"]),
    ("Avg 8/10, 10/10 w/ extension.", ["10 worst", "8 average"]),
    (
      "Dx MBB 06/02/2026: pre 8/10 -> post 2/10 = 75% relief.",
      ["2 postProcedure", "8 preProcedure"]
    ),
    ("Average pain 9/10, never below 7/10.", ["7 least", "9 average"]),
  ])
  func readsScoresWithTheirContext(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.painScore, in: text) == expected)
  }

  @Test func vitalsPainScoreIsCurrent() {
    let note = "VITALS:\nBP 128/82  HR 76  Pain 6/10\nHPI:\nShe reports back pain."
    #expect(Fixtures.summaries(.painScore, in: note) == ["6 current"])
  }

  @Test(arguments: [
    "Strength 4/5 in the left hip flexors.",
    "Reflexes 2+ and symmetric.",
    "Seen on 7/10/26 for follow-up.",
    "BP 130/80, HR 72.",
    "She took meloxicam for 10/10 days.",
    "She attended 8 of 10 visits.",
    "The MBB on 3/10 helped.",
    "Goal is to reduce pain to 3/10.",
    "Pain for 5 months.",
  ])
  func ignoresLookAlikeNumbers(text: String) {
    #expect(Fixtures.summaries(.painScore, in: text).isEmpty)
  }

  @Test func sameScoreInHistoryAndAssessmentIsOneFactWithTwoEvidence() {
    let note = "HPI:\nPain is 7/10 today.\nASSESSMENT:\nLow back pain, currently 7/10."
    let scores = Fixtures.facts(in: note).filter { $0.type == .painScore }
    #expect(scores.count == 1)
    #expect(scores.first?.evidence.count == 2)
    #expect(scores.first?.derivation?.rule.hasPrefix("painScore") == true)
  }
}
