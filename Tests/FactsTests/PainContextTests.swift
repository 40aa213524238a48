import Model
import Testing

/// The context a score takes from how the sentence around it is built: trailing before /
/// after, relief statements, peaks of attacks, activities, implied scores and labels.
@Suite struct PainContextTests {
  @Test(arguments: [
    (
      "Pain diary average 8/10 before and 7/10 the week after.",
      ["7 postProcedure", "8 preProcedure"]
    ),
    ("Pain 7/10 before the trial and 2/10 during.", ["2 postProcedure", "7 preProcedure"]),
    ("Intrathecal morphine: pain from 4/10 to 1/10 (75%).", ["1 postProcedure", "4 preProcedure"]),
    (
      "Average pain fell from 7/10 to 2/10 after the bolus.", ["2 postProcedure", "7 preProcedure"]
    ),
    (
      "Pain went from 8/10 before the injection to 6/10 at its best about six hours later.",
      ["6 postProcedure", "8 preProcedure"]
    ),
    ("30 minutes 1/10", ["1 postProcedure"]),
    ("Pain at arrival: 7/10.", ["7 preProcedure"]),
    (
      "Summary: ~70% overall reduction (8 -> 2-3/10) from day 3 onward.",
      ["3 low 2 postProcedure", "8 preProcedure"]
    ),
    ("In recovery her pain was 2/10.", ["2 postProcedure"]),
    ("| +4 h | pain 2/10; walked the hallway |", ["2 postProcedure"]),
  ])
  func readsBeforeAndAfterAProcedure(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.painScore, in: text) == expected)
  }

  /// A procedure note's score with no word of its own takes the part of the note it is in.
  @Test(arguments: [
    ("PRE-PROCEDURE\nPain 8/10. Skin intact.", ["8 preProcedure"]),
    ("Pre-op:\nPain 6/10.", ["6 preProcedure"]),
    ("POST-PROCEDURE\n30 minutes: pain 2/10.", ["2 postProcedure"]),
    ("RECOVERY\nPain 3/10, ambulating.", ["3 postProcedure"]),
    ("HISTORY\nPain 7/10.", ["7 unspecified"]),
  ])
  func readsABareScoreByTheProcedureNotesPart(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.painScore, in: text) == expected)
  }

  @Test(arguments: [
    ("Attacks 2-4 times daily, 10/10 at peak, lasting 45-90 minutes.", ["10 worst"]),
    (
      "Average pain 6/10 over the past month; 8/10 by the end of grocery shopping.",
      ["6 average", "8 worst"]
    ),
    ("The pain came back in April: average now 7/10.", ["7 average"]),
    ("Pain has climbed back to 8/10 and he has stopped going to work.", ["8 current"]),
    ("Her average pain is 8 out of 10, and on a good day 5.", ["5 least", "8 average"]),
    ("His usual pain is 7/10 and it never really drops below 5.", ["5 least", "7 average"]),
    ("Average pain on the visual analog scale is 70 mm out of 100.", ["7 average"]),
    (
      "Pain now averages 7/10; at its worst, after standing for 15 minutes, 8/10; 4/10 at best.",
      ["4 least", "7 average", "8 worst"]
    ),
  ])
  func readsTheContextTheSentenceGives(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.painScore, in: text) == expected)
  }

  @Test(arguments: [
    "Monofilament 4/10 sites felt on each foot.",
    "At best 5 sessions remain.",
    "He has been on a good day 5 times this month.",
    "She walks 2 blocks on a good day 3 times a week.",
  ])
  func ignoresNumbersThatAreNotScores(text: String) {
    #expect(Fixtures.summaries(.painScore, in: text).isEmpty)
  }
}

/// Scores in tables: columns under a header of contexts, rows under a label, goal columns.
@Suite struct PainScoreTableTests {
  @Test func aRowOfScoresTakesItsHeaderColumns() {
    let note = "PAIN ASSESSMENT\nCurrent  Average  Worst\n6/10  7/10  9/10\n"
    #expect(Fixtures.summaries(.painScore, in: note) == ["6 current", "7 average", "9 worst"])
  }

  @Test func aRowTakesItsLabelAndDropsTheGoalColumn() {
    let note =
      "OUTCOMES\nMeasure  Initial  Discharge  Goal\nPain at best (NPRS)  3/10  4/10  1/10\n"
    #expect(Fixtures.summaries(.painScore, in: note) == ["3 least", "4 least"])
  }

  @Test(arguments: ["Seen 7/10 for follow-up.", "Last seen 3/10 for a recheck."])
  func readsAYearlessVisitDateAsNoScore(text: String) {
    #expect(Fixtures.summaries(.painScore, in: text).isEmpty)
  }
}

/// Scores written without "/10": a pain diary's rows, and a change around a procedure.
@Suite struct PainDiaryTests {
  @Test func diaryRowsAreBeforeAndAfterTheBlock() {
    let note =
      "PAIN DIARY\nTime  Pain 0-10\nBefore block  7\n15 min  1\n2 hours  2\n4 hours  6\n"
    #expect(
      Fixtures.summaries(.painScore, in: note) == [
        "1 postProcedure", "2 postProcedure", "6 postProcedure", "7 preProcedure",
      ])
  }

  @Test func rowsOfAnotherTableAreNoScores() {
    let note = "VITALS\nTime  BP  HR\n15 min  7\n2 hours  6\n"
    #expect(Fixtures.summaries(.painScore, in: note).isEmpty)
  }

  @Test(arguments: [
    (
      "s/p TFESI, ~40% better per pt - R thigh/shin pain down from 9 to 5-6.",
      ["6 low 5 postProcedure", "9 preProcedure"]
    ),
    ("After the block her leg pain went from 8 to 3.", ["3 postProcedure", "8 preProcedure"]),
    ("Her pain medication went from 10 to 5 mg.", []),
    ("The pain moved from 3 to 4 days a week.", []),
  ])
  func readsABareChangeAroundAProcedure(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.painScore, in: text) == expected)
  }
}

@Suite struct PainScoreRowTests {
  @Test func aNamedScaleRowGivesOneScorePerColumn() {
    let note = "OUTCOME\nMeasure  Initial  Discharge\nPain (0-10)  7  6\n"
    #expect(Fixtures.summaries(.painScore, in: note) == ["6 unspecified", "7 unspecified"])
  }

  @Test func numbersAfterAScoreInProseAreNotColumns() {
    #expect(Fixtures.summaries(.painScore, in: "Pain level: 7 since 2 weeks.") == ["7 unspecified"])
  }
}
