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

  /// A bare number on the scale the sentence, or the one before, has just used.
  @Test(arguments: [
    (
      "On an average day she rates it a 7/10; after walking it climbs to a 9.",
      ["7 average", "9 worst"]
    ),
    (
      "Pain: on an average day she rates it a 7/10. Sitting here this morning she calls it a 5.",
      ["5 current", "7 average"]
    ),
    ("It is 7 out of 10 on a typical day; bad days reach 9.", ["7 average", "9 worst"]),
    (
      "She puts her pain at 7/10 on an average day now, 6/10 as she sat in the exam room this"
        + " afternoon.", ["6 current", "7 average"]
    ),
    ("Pain 6/10 today. She fell 2 weeks ago and it dropped to 2 visits a week.", ["6 current"]),
    ("Pain 6/10 today. Her A1c climbs to 9 when she skips metformin.", ["6 current"]),
    ("NRS today 7. Avg 7, worst 9 w/ standing >15 min.", ["7 average", "7 current", "9 worst"]),
  ])
  func readsBareScoresOnTheScaleJustUsed(text: String, expected: [String]) {
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
