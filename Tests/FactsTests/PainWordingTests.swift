import Model
import Testing

/// Score contexts decided by the measure's own word: "average" wins over "today", and a
/// return to the usual pain after a block is the usual pain, not the block's result.
@Suite struct PainScoreMeasureWordTests {
  @Test(arguments: [
    ("Average pain today is 8/10.", ["8 average"]),
    ("Worst pain today 9/10.", ["9 worst"]),
    ("Usual pain now 6/10.", ["6 average"]),
    ("On average 5/10, but today it is 7/10.", ["5 average", "7 current"]),
    ("Average pain was high last month, and today she rates it 4/10.", ["4 current"]),
  ])
  func measureWordBesideTodayNamesTheMeasure(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.painScore, in: text) == expected)
  }

  @Test(arguments: [
    (
      "After the block her pain went from 8/10 to 1/10 for about 6 hours; by evening the pain"
        + " was back at her usual 7/10.",
      ["1 postProcedure", "7 average", "8 preProcedure"]
    ),
    (
      "After the MBB pain fell from 7/10 to 2/10; by the next day it was back to her typical"
        + " 6/10.",
      ["2 postProcedure", "6 average", "7 preProcedure"]
    ),
    (
      "After the injection pain went from 8/10 to 3/10; at 2 hours 2/10.",
      ["2 postProcedure", "3 postProcedure", "8 preProcedure"]
    ),
  ])
  func usualPainAfterABlockIsTheAverage(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.painScore, in: text) == expected)
  }

  @Test(arguments: [
    ("Pain scores: now 5, avg 7, worst 9.", ["5 current", "7 average", "9 worst"]),
    ("NRS: current 4, best 2, worst 8.", ["2 least", "4 current", "8 worst"]),
    ("Pain now 6 / avg 7 / worst 10.", ["10 worst", "6 current", "7 average"]),
  ])
  func readsALabelledListOfBareScores(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.painScore, in: text) == expected)
  }

  @Test(arguments: [
    "Pain worse now; sleeps 5 hours at best, walks 10 minutes at most.",
    "Average 5 visits, worst 9 days off work.",
    "Pain is worse now 2 weeks after the fall.",
    "Now 5 weeks post-op, best 3 days ago.",
  ])
  func bareNumbersThatAreNoScoresStayUnread(text: String) {
    #expect(Fixtures.summaries(.painScore, in: text).isEmpty)
  }

  @Test func prePostTableRowReadsTheScoreNotTheVitals() {
    let text = "PROCEDURE NOTE\n Pain | BP | SpO2\nPre-procedure | 8/10 | 138/80 | 97%\n"
    #expect(Fixtures.summaries(.painScore, in: text) == ["8 preProcedure"])
  }
}

/// Durations counted from an onset written with a hedge or as a dated injury (note date
/// 2026-03-14), and a year and a half read as 18 months.
@Suite struct PainDurationWordingTests {
  @Test(arguments: [
    ("Burning pain in both feet since about March 2023.", "36.4"),
    ("Neck + R arm pain since Oct 2025.", "5.4"),
    ("Low back pain since approximately 10/2024.", "17.4"),
    ("On 01/30/2026 she bent to lift a bucket and felt a sharp pain in the low back.", "1.4"),
    ("At work on 02/14/2026 he injured his back lifting a box.", "0.9"),
    ("On 12/01/2025 she slipped and fell on ice; since then, right hip pain.", "3.4"),
    ("Low back pain, onset: 02/2020.", "73.4"),
    ("The pain began in February 2020.", "73.4"),
    ("Zoster; the rash began 10/06/2025.", "5.2"),
    ("Low back pain for about a year and a half.", "18"),
    ("Chronic LBP (10+ yrs).", "120"),
    ("Right buttock pain (~8 months), worse sitting.", "8"),
  ])
  func readsTheDurationFromTheOnset(text: String, expected: String) {
    #expect(Fixtures.summaries(.painDuration, in: text) == [expected])
  }

  @Test(arguments: [
    ("The leg pain started around the end of the summer.", "6.4"),
    ("Her back pain began last spring.", "11.4"),
    ("Leg pain since late summer.", "7.4"),
    ("Burning pain in the hand since early fall.", "6.4"),
    ("Neck pain since the winter.", "2.4"),
  ])
  func readsASeasonWithoutItsYearAsTheLatestBeforeTheVisit(text: String, expected: String) {
    #expect(Fixtures.summaries(.painDuration, in: text) == [expected])
  }

  @Test(arguments: [
    ("Low back pain and aching in both legs. Started around the end of the summer.", ["6.4"]),
    ("Chief complaint: neck pain.\nOnset: 02/2020.", ["73.4"]),
    ("Leg pain is better on gabapentin. Started in June 2025.", []),
    ("Neck pain, better with PT. Began 02/2020.", []),
  ])
  func onsetOpeningASentenceDatesTheComplaintBefore(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.painDuration, in: text) == expected)
  }

  @Test(arguments: [
    (
      "The nerve was cut in August 2025 (surgically repaired). Since then burning foot pain.", "7.4"
    ),
    ("She had an MBB on 01/30/2026. Since then her pain has been better.", nil),
    ("She had an L5-S1 ESI in August 2025. Since then burning foot pain.", nil),
  ])
  func sinceThenCountsFromAnInjuryNotFromAnInjection(text: String, expected: String?) {
    #expect(Fixtures.summaries(.painDuration, in: text) == (expected.map { [$0] } ?? []))
  }

  @Test(arguments: [
    "On 01/30/2026 she had an L5-S1 ESI and felt a sharp pain during the needle placement.",
    "On 01/30/2026 she started gabapentin.",
    "Low back pain; PT (6 wks) and gabapentin (2 yrs) without help.",
    "On 01/30/2026 she was seen by her PCP for a cough.",
  ])
  func doesNotReadAProcedureOrAVisitAsTheOnset(text: String) {
    #expect(Fixtures.summaries(.painDuration, in: text).isEmpty)
  }
}

/// Limb pain in the shape of a polyneuropathy is neither radicular nor axial; pain that
/// starts in the back and then runs down a leg is mixed.
@Suite struct PainPatternDistributionTests {
  @Test(arguments: [
    "Burning, electric pain in both feet rising to mid-shin.",
    "Numb, burning pain in a stocking distribution to the ankles.",
    "Burning pain in both hands and feet.",
    "Tingling pain in the feet, creeping up to the knees.",
  ])
  func polyneuropathyIsNoPattern(text: String) {
    #expect(Fixtures.summaries(.painPattern, in: text).isEmpty)
  }

  @Test(arguments: [
    ("Burning pain radiating down the right leg to the foot.", "radicular"),
    ("Right leg pain below the knee.", "radicular"),
    ("Pain radiates from the left neck to the dorsal forearm and middle finger.", "mixed"),
    ("Pain shoots from her low back down the right leg.", "mixed"),
    ("Pain radiates from the buttock down the back of the thigh to the calf.", "radicular"),
    (
      "New problem: sharp pain in the low back; within a day the pain ran down the front of"
        + " the RIGHT shin.", "mixed"
    ),
  ])
  func limbPainOfOtherShapesKeepsItsPattern(text: String, expected: String) {
    #expect(Fixtures.summaries(.painPattern, in: text) == [expected])
  }
}
