import Model
import Testing

/// Relief, trial lengths and surgical plans in the looser shapes notes write them.
@Suite struct ReliefPhrasingTests {
  @Test(arguments: [
    ("The MBB on 02/10/2026 gave complete relief for 8 hours.", ["100 medialBranchBlock"]),
    ("After the SI joint injection she was completely pain-free.", ["100 sacroiliacInjection"]),
    (
      "She completed a 24-hour continuous intrathecal infusion trial (fentanyl) on 02/02/2026 with roughly 65% relief.",
      ["65 intrathecalTrial"]
    ),
    ("He reports the right L5 TFESI gave 60% relief, 6 weeks.", ["60 epiduralInjection"]),
  ])
  func readsCompleteReliefAndTheDrugOfATrial(text: String, expected: [String]) {
    let found = Fixtures.summaries(.relief, in: text).map(Self.percentAndKind)
    #expect(found == expected)
  }

  @Test(arguments: [
    ("A T5-6 interlaminar epidural on 11/12/2025 with under 20% relief.", ["20 epiduralInjection"]),
    (
      "A spinal cord stimulator trial in 03/2025 gave less than 20% relief.",
      [
        "20 spinalCordStimulatorTrial"
      ]
    ),
    ("Right L5 TFESI 06/02/2026 -> ~50% x 10 days.", ["50 epiduralInjection"]),
    (
      "Bilateral SI joint injections 2025-2026, each gives ~60% x 6 weeks.",
      [
        "60 sacroiliacInjection"
      ]
    ),
  ])
  func readsBoundsArrowsAndPlainVerbsOfRelief(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.relief, in: text).map(Self.percentAndKind) == expected)
  }

  @Test func aBoundYieldsToTheStatedResultOfTheSameProcedure() {
    let note =
      "After the intrathecal trial on 02/14/2026 he had roughly 25 percent relief. Assessment: intrathecal morphine trial with less than 50% relief."
    #expect(
      Fixtures.summaries(.relief, in: note).map(Self.percentAndKind) == [
        "25 intrathecalTrial"
      ])
    #expect(Fixtures.summaries(.deviceTrial, in: note) == ["intrathecalPump 25"])
  }

  @Test func aProcedureReportsResultIsItsProcedures() {
    let note = """
      PROCEDURE NOTE
      Procedure: right L4-5 and L5-S1 medial branch block.
      Fluoroscopy was used. The patient tolerated it well.
      Post-procedure pain diary reviewed at discharge.
      Pain 8/10 before; 1/10 at 30 minutes.
      88% relief, sustained to about 6 hours.
      """
    #expect(
      Fixtures.summaries(.relief, in: note).map(Self.percentAndKind) == [
        "88 medialBranchBlock"
      ])
  }

  @Test func aScreeningSeriesGivesEachBolusItsOwnResult() {
    let note = """
      Date of service: 03/14/2026
      SCREENING TRIALS
      02/02/2026: intrathecal baclofen 50 mcg bolus at L3-4.
      No change in Modified Ashworth at 2, 4 and 6 hours.
      02/16/2026: repeat bolus, 75 mcg.
      Ashworth at the knees 3 to 2+ at 4 hours only.
      Team estimate of spasm relief about 20%.
      """
    #expect(
      Fixtures.summaries(.relief, in: note).map(Self.percentAndKind).sorted() == [
        "0 intrathecalTrial", "20 intrathecalTrial",
      ])
    #expect(
      Fixtures.summaries(.deviceTrial, in: note).sorted() == [
        "intrathecalPump 0", "intrathecalPump 20",
      ])
  }

  @Test func aDorsalRootGanglionTrialIsNamedByItsDevice() {
    let note =
      "She completed a 5-day dorsal root ganglion stimulation trial with left L5 leads. Pain went from 8/10 before the trial to 2/10 during it, about 80% relief by her estimate."
    #expect(Fixtures.summaries(.deviceTrial, in: note) == ["dorsalRootGanglion 80 days 5"])
  }

  @Test func noChangeInWalkingIsNotNoRelief() {
    let note = "After the MBB she had no change in her walking distance."
    #expect(!Fixtures.summaries(.relief, in: note).contains { $0.hasPrefix("0 ") })
  }

  @Test func aTableTitledByItsProcedureGivesEachRowsRelief() {
    let note = """
      Date of service: 03/14/2026
      She has had left SI joint injections every three months, each giving good relief.
      INJECTION LOG (LEFT SIJ)
      Date Relief Duration
      07/20/2025 70% about 3 months
      10/13/2025 65% about 11 weeks
      """
    #expect(
      Fixtures.summaries(.relief, in: note) == [
        "65 sacroiliacInjection days 77 2025-10-13", "70 sacroiliacInjection days 90 2025-07-20",
      ])
    let procedures = Fixtures.facts(in: note).compactMap { fact -> PriorProcedure? in
      guard case .priorProcedure(let procedure) = fact.detail else { return nil }
      return procedure
    }
    #expect(
      procedures.map(\.date?.iso).sorted { ($0 ?? "") < ($1 ?? "") } == [
        "2025-07-20", "2025-10-13",
      ])
    #expect(procedures.allSatisfy { $0.region == .sacroiliac && $0.side == .left })
  }

  @Test func rowsUnderATitleNamingNoProcedureAreNotRelief() {
    let note = """
      LABS
      Date Result
      02/10/2026 A1c 7.5%
      02/24/2026 eGFR 60%
      """
    #expect(Fixtures.summaries(.relief, in: note).isEmpty)
  }

  @Test func almostCompleteReliefGivesNoNumber() {
    let note = "After the MBB she had almost complete relief for about six hours."
    #expect(!Fixtures.summaries(.relief, in: note).contains { $0.hasPrefix("100") })
  }

  @Test(arguments: [
    (
      "Her pain was reduced by two-thirds for three days after the SGB.", "67 stellateGanglionBlock"
    ),
    ("After the MBB the pain improved by a third.", "33 medialBranchBlock"),
    ("The ESI left her about three quarters better.", "75 epiduralInjection"),
  ])
  func readsReliefWrittenAsAFraction(text: String, expected: String) {
    #expect(Fixtures.summaries(.relief, in: text).map(Self.percentAndKind) == [expected])
  }

  @Test func anInjectionAfterATrialSentenceIsNotTheTrials() {
    let note = """
      Date of service: 03/14/2026
      Prior: a right L5-S1 TFESI (9/2025) with 50% improvement.
      S/p SCS trial 2/2-2/9/2026 with 60% relief.
      The last injection helped by about 40% for roughly a month.
      """
    #expect(Fixtures.summaries(.deviceTrial, in: note) == ["spinalCordStimulator 60 days 7"])
    #expect(Fixtures.summaries(.relief, in: note).contains { $0.hasPrefix("40 epiduralInjection") })
    #expect(
      Fixtures.summaries(.priorProcedure, in: note).contains {
        $0.hasPrefix("spinalCordStimulatorTrial 2026-02-02")
      })
  }

  @Test func reliefComputedFromScoresStandsForAnotherDatedProcedure() {
    let note =
      "The MBB on 01/09/2026 gave 80% relief. After the MBB on 02/20/2026 his pain went from 8/10 to 2/10."
    #expect(
      Fixtures.summaries(.relief, in: note).map(Self.percentAndKind).sorted() == [
        "75 medialBranchBlock", "80 medialBranchBlock",
      ])
  }

  @Test(arguments: [
    ("The SI joint injections each gave about 80% relief, but only for 5-6 weeks.", "days 38.5"),
    ("The RFA gave about 60% relief, which lasted around two months.", "days 60"),
    ("The RFA gave 75% relief that held for close to three months.", "days 90"),
  ])
  func readsHowLongReliefLasted(text: String, expected: String) {
    #expect(Fixtures.summaries(.relief, in: text).allSatisfy { $0.contains(expected) })
    #expect(!Fixtures.summaries(.relief, in: text).isEmpty)
  }

  @Test func givesEachReliefItsOwnSpanFromAList() {
    let note =
      "Bilateral L4-5 MBBs on 02/03/2026 and 02/17/2026 gave 90% and 85% relief for about 6 and 2 hours."
    #expect(
      Fixtures.summaries(.relief, in: note).sorted() == [
        "85 medialBranchBlock days 0.1 2026-02-17", "90 medialBranchBlock days 0.2 2026-02-03",
      ])
  }

  @Test(arguments: [
    "Right SI joint injections on 06/17/2025 and 09/30/2025 each gave about 80% relief.",
    "09/30/2025 Right SI joint injection 80% relief. 06/17/2025 Right SI joint injection 80% relief.",
  ])
  func onePercentAfterTwoProceduresIsTheLatestsRelief(text: String) {
    #expect(
      Fixtures.summaries(.relief, in: text).map { $0.split(separator: " ").suffix(1).joined() }
        == ["2025-09-30"])
  }

  @Test func anInjectionIsNotTheOperationOfTheSentenceBefore() {
    let note =
      "PAST SURGICAL HISTORY: L4-5 laminectomy 06/2019. He reports the injection gave him about 60% relief for two weeks."
    #expect(!Fixtures.summaries(.relief, in: note).contains { $0.contains("spineSurgery") })
  }

  @Test(arguments: [
    "The L4-5 MBB gave 80% relief and she was able to garden for the first time in a year.",
    "After the RFA he had 70% relief and could sleep through the night.",
    "The TFESI gave 60% relief; she walked 2 miles with her sister.",
    "The SI injection gave 80% relief and she played golf again.",
    "The RFA gave 80% relief, back to cross-country skiing.",
    "The ESI gave 70% relief, with walking and sleeping back to normal.",
    "After the MBB she had 90% relief for 8 hours, during which she vacuumed the whole house.",
    "The MBB gave 80% relief and she walked the hallway without her cane.",
    "The LSB gave 70% relief x ~3 days, walked w/o crutch.",
    "The RFA gave 75% relief for six months; he drew at his table for hours and drove to see his son.",
    "The SCS trial gave 65% relief. She gardened for an hour on three days and stopped using her walker.",
    "The SCS trial gave 80% relief. She walked her usual 1-mile loop and returned to half days at work.",
  ])
  func readsFunctionRegainedInWords(text: String) {
    #expect(Fixtures.summaries(.relief, in: text).allSatisfy { $0.hasSuffix("function true") })
    #expect(!Fixtures.summaries(.relief, in: text).isEmpty)
  }

  @Test(arguments: [
    "The RFA gave 60% relief. She did not notice any change in what she could do.",
    "The MBB gave 80% relief for 6 hours, but she was unable to walk farther.",
    "The ESI gave 50% relief for 3 weeks; the relief lasted 3 weeks.",
    "The SI injection gave 60% relief, which lasted 2 months; she was back to where she started.",
    "Team estimate of spasm relief after the intrathecal bolus about 20%. Marked drowsiness for 6 hours.",
    "She completed a 24-hour intrathecal infusion trial with roughly 65% relief and mild itching.",
    "The SI injection gave 80% relief for 2 hours. Since then pain has returned to baseline, averaging 7/10.",
    "The bolus gave 20% relief of spasm; carers saw no difference in positioning.",
  ])
  func reliefWithoutFunctionRegainedIsNotFunctionalImprovement(text: String) {
    #expect(!Fixtures.summaries(.relief, in: text).contains { $0.hasSuffix("function true") })
  }

  @Test(arguments: [
    (
      "She returns after a 7-day percutaneous SCS trial. She reports 70% relief.",
      "spinalCordStimulator 70 days 7"
    ),
    (
      "He had an SCS trial from 02/01/2026 to 02/08/2026. He reports 60% relief with the trial.",
      "spinalCordStimulator 60 days 7"
    ),
    (
      "Intrathecal morphine trial, single bolus, on 02/03/2026 with 50% relief.",
      "intrathecalPump 50 days 1"
    ),
    (
      "Continuous intrathecal infusion of hydromorphone at T10 for 3 days. Pain fell from 7/10 to 2/10 (about 70% relief) during the trial.",
      "intrathecalPump 70 days 3"
    ),
    (
      "08/18/2025: continuous intrathecal infusion of hydromorphone at T10 for 3 days. Average pain fell from 7/10 to 2/10 (about 70% relief).",
      "intrathecalPump 70 days 3"
    ),
  ])
  func readsTheLengthOfATrial(text: String, expected: String) {
    #expect(Fixtures.summaries(.deviceTrial, in: text) == [expected])
  }

  @Test(arguments: [
    ("Spine surgery has been ruled out by two surgeons.", ["notSurgicalCandidate"]),
    ("Revision surgery was declined by two surgeons.", ["notSurgicalCandidate"]),
    ("I plan a right posterior foraminotomy at C5-6.", ["surgeryPlanned"]),
    ("Tentative surgery date 04/2026.", ["surgeryPlanned"]),
    ("He is a candidate for L4-5 fusion.", ["surgeryPlanned"]),
    ("We are planning decompression at L4-5.", ["surgeryPlanned"]),
    (
      "The surgeon is planning a minimally invasive right SI joint fusion if diagnostic blocks confirm the joint.",
      ["surgeryPlanned"]
    ),
    ("Referred for surgical consultation.", ["preoperativeEvaluation"]),
    ("Surgeon's evaluation 10/06/2026 (attached): stenosis at L4-5.", ["preoperativeEvaluation"]),
    (
      "Neurosurgery has documented that she is not an operative candidate.",
      [
        "notSurgicalCandidate"
      ]
    ),
    (
      "The heart team agreed he is not a candidate for further revascularization.",
      [
        "notSurgicalCandidate"
      ]
    ),
    ("Elderly patient with severe stenosis who cannot have surgery.", ["notSurgicalCandidate"]),
  ])
  func readsWhereSurgeryStands(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.surgicalPlan, in: text) == expected)
  }

  @Test func aSurgeonsJudgementIsDatedByTheMonthNamedOrTheSurgeonsNote() {
    let named = Fixtures.facts(
      in:
        "Date of service: 06/14/2026\nHer spine surgeon saw her in May and judged her not a surgical candidate."
    )
    let surgeons = Fixtures.facts(
      in:
        "Heartland Vascular Surgery - Clinic Note\nDate of service: 07/08/2026\nHe is not a candidate for further revascularization."
    )
    let dates = (named + surgeons).compactMap { fact -> String? in
      guard case .surgicalPlan(let plan) = fact.detail else { return nil }
      return plan.date?.iso
    }
    #expect(dates == ["2026-05", "2026-07-08"])
  }

  @Test func aPlannedOperationIsDatedByTheOperationNotTheVisit() {
    let note = """
      Dr. Patel (neurosurgery) saw her on 02/20/2026 and recommended L4-5 decompression.
      She is scheduled for an L4-5 TLIF on 04/15/2026.
      """
    let dates = Fixtures.facts(in: note).compactMap { fact -> String? in
      guard case .surgicalPlan(let plan) = fact.detail else { return nil }
      return plan.date?.iso
    }
    #expect(dates == ["2026-04-15"])
  }

  @Test(arguments: [
    "Refer to neurosurgery for placement of an intrathecal reservoir.",
    "She is not interested in surgery at this time; if pain persists we may consider a surgical consult.",
    "She declined surgery.",
    "Neurosurg referral offered again.",
    "Surgical referral if no better.",
    "Presurgical evaluation by Dr. Elena Voss, PhD on 03/02/2026 (report enclosed): cleared.",
    "Request permanent ITB pump (62362 + 62350), surgery date 04/16/2026.",
  ])
  func implantsChoicesAndConditionsAreNotSurgicalPlans(text: String) {
    #expect(Fixtures.summaries(.surgicalPlan, in: text).isEmpty)
  }

  private static func percentAndKind(_ summary: String) -> String {
    summary.split(separator: " ").prefix(2).joined(separator: " ")
  }
}
