import Model
import Testing

/// Scores as the issue lists their phrasings, with their look-alikes.
@Suite struct PainScorePhrasingTests {
  @Test(arguments: [
    ("Vitals: BP 132/84, HR 78, Temp 98.6, Pain 7/10", ["7 current"]),
    ("VITALS\nBP 124/78 | HR 70 | SpO2 98% | Pain 6/10", ["6 current"]),
    ("He rates it a nine.", ["9 unspecified"]),
    ("Pain 7/10 worst, 3/10 best.", ["3 least", "7 worst"]),
    ("Pain 7/10 on most days.", ["7 average"]),
    ("Pain 8/10 on bad days and 4/10 on good days.", ["4 least", "8 worst"]),
    ("Pain before the block was 8/10 and after 2/10.", ["2 postProcedure", "8 preProcedure"]),
    ("Least pain 3/10, worst 9/10, average 6/10.", ["3 least", "6 average", "9 worst"]),
  ])
  func readsTheListedPhrasings(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.painScore, in: text) == expected)
  }

  @Test(arguments: [
    "She completed 10/10 PT visits.",
    "Motor 4/5 in the left EHL, reflexes 2+; follow-up 7/10/26.",
  ])
  func ignoresCountsAndExamNumbers(text: String) {
    #expect(Fixtures.summaries(.painScore, in: text).isEmpty)
  }

  @Test func readsAPROMISScoreAfterItsVersion() {
    #expect(
      Fixtures.summaries(.functionalDisability, in: "PROMIS-29 physical function 34")
        == ["present promis 34"])
  }

  @Test func sharedTestsWordGivesCompressionItsExamContext() {
    #expect(
      Fixtures.summaries(.provocationTest, in: "Positive distraction and compression tests.")
        == ["compression positive", "distraction positive"])
  }
}
