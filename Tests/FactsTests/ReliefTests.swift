import Model
import Testing

@Suite struct ReliefTests {
  @Test(arguments: [
    (
      "She reported 80% relief for 6 hours after the L4-5 MBB on 03/02/2026.",
      ["80 medialBranchBlock days 0.2 2026-03-02"]
    ),
    (
      "After the right SI joint injection, relief lasted about 3 months at 70 percent.",
      ["70 sacroiliacInjection days 90"]
    ),
    (
      "Following the epidural steroid injection her pain improved by half.",
      ["50 epiduralInjection"]
    ),
    ("She had no relief from the prior facet injections.", ["0 facetInjection"]),
    ("After the MBB her pain went from 8/10 to 2/10.", ["75 medialBranchBlock"]),
    (
      "The left L3-5 medial branch blocks gave 90% relief for the duration of the anesthetic.",
      ["90 medialBranchBlock days 0.2"]
    ),
    (
      "Both medial branch blocks gave 90% relief for the expected duration.",
      ["90 medialBranchBlock days 0.2"]
    ),
    (
      "The stellate block helped 70% for the full duration of the block.",
      ["70 stellateGanglionBlock days 0.2"]
    ),
    (
      "The TFESI gave 60% relief and she was able to walk her dog again.",
      ["60 epiduralInjection function true"]
    ),
  ])
  func readsReliefTiedToItsProcedure(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.relief, in: text) == expected)
  }

  @Test(arguments: [
    (
      "The first L5-S1 interlaminar epidural on 09/16/2025 gave her about 40% relief; the second on 10/07/2025 gave about 60% relief.",
      ["40 epiduralInjection 2025-09-16", "60 epiduralInjection 2025-10-07"]
    ),
    (
      "Bilateral L4-5 MBBs on 03/03/2026 and 03/17/2026 gave 90% and 85% relief for about 6 and 2 hours.",
      ["85 medialBranchBlock days 0.1 2026-03-17", "90 medialBranchBlock days 0.2 2026-03-03"]
    ),
    (
      "The bilateral L4-5 MBB cut her pain in half for the duration of the anesthetic.",
      ["50 medialBranchBlock days 0.2"]
    ),
    ("The prior epidural did not help at all.", ["0 epiduralInjection"]),
    (
      "The C7-T1 interlaminar on 07/28/2026 took away about 60% of the arm pain.",
      ["60 epiduralInjection 2026-07-28"]
    ),
    ("Pain was reduced from 8 to 2 after the medial branch block.", ["75 medialBranchBlock"]),
    (
      "She had 80% relief after the MBB and walked the hallway without her cane.",
      ["80 medialBranchBlock function true"]
    ),
  ])
  func readsSeveralReliefsAndLooserPhrasings(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.relief, in: text) == expected)
  }

  @Test func reliefRefersToTheProcedureOfThePreviousSentence() {
    let note =
      "She underwent bilateral L4-5 MBB on 02/10/2026. She reported 80% relief for 5 hours."
    #expect(Fixtures.summaries(.relief, in: note) == ["80 medialBranchBlock days 0.2 2026-02-10"])
  }

  /// Relief that holds at the visit has lasted from the procedure to it; relief told of in
  /// the past has no length unless one is written.
  @Test(arguments: [
    (
      "Date of service: 02/11/2026. Second stellate block yesterday, 02/10/2026: this morning"
        + " she is about 70% better.", ["70 stellateGanglionBlock days 1 2026-02-10"]
    ),
    (
      "Date of service: 03/02/2026. After the MBB on 02/10/2026 she still has 80% relief.",
      ["80 medialBranchBlock days 20 2026-02-10"]
    ),
    (
      "Date of service: 03/02/2026. After the MBB on 02/10/2026 she had 80% relief.",
      ["80 medialBranchBlock 2026-02-10"]
    ),
    (
      "Date of service: 09/01/2026. Medial branch block today. In recovery she reported 80%"
        + " relief.", ["80 medialBranchBlock 2026-09-01"]
    ),
  ])
  func readsReliefHeldToTheVisitAsLastingSinceTheProcedure(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.relief, in: text) == expected)
  }

  @Test(arguments: [
    "ODI 40%.",
    "After the MBB her ODI improved from 44% to 32%.",
    "After the MBB: ODI 40% -> 30%.",
    "A1c 8.2% last month.",
    "Physical therapy gave her 30% relief.",
    "Our goal is at least 50% relief after the MBB.",
    "The intrathecal trial must give at least 50% relief.",
    "Relief below the customary 50% threshold after the MBB does not support RFA.",
    "She used a lidocaine 4% patch after the injection without benefit.",
  ])
  func ignoresPercentagesThatAreNotProcedureRelief(text: String) {
    #expect(Fixtures.summaries(.relief, in: text).isEmpty)
  }

  @Test func statedPercentWinsOverComputedFromScores() {
    let note = "She had 80% relief after the MBB. Her pain went from 8/10 to 2/10 after the block."
    #expect(Fixtures.summaries(.relief, in: note) == ["80 medialBranchBlock"])
  }
}

@Suite struct DeviceTrialTests {
  @Test(arguments: [
    (
      "SCS trial completed over 7 days with 70% pain relief and improved walking tolerance.",
      ["spinalCordStimulator 70 days 7"]
    ),
    ("DRG stimulator trial: 60% relief over a 5-day trial.", ["dorsalRootGanglion 60 days 5"]),
    ("Intrathecal morphine trial gave 50% relief.", ["intrathecalPump 50"]),
    (
      "Positive ITB screening bolus 10/06/2026 (about 70% reduction, tolerable drowsiness).",
      ["intrathecalPump 70"]
    ),
    (
      "Positive screening trial. Spasm frequency and tone fell by roughly 70% at peak.",
      ["intrathecalPump 70"]
    ),
  ])
  func readsTrialResults(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.deviceTrial, in: text) == expected)
  }

  @Test func trialReliefIsAlsoReliefAfterTheTrial() {
    let note = "SCS trial completed over 7 days with 70% pain relief."
    #expect(Fixtures.summaries(.relief, in: note) == ["70 spinalCordStimulatorTrial days 7"])
  }
}
