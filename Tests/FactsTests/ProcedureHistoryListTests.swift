import Model
import Testing

/// A history listing procedures in semicolon-separated clauses: each clause's relief, span
/// and side belong to the procedure it names, not to its neighbour's.
@Suite struct ProcedureHistoryListTests {
  private static let history =
    "DOS 03/14/2026\nHISTORY\nHx: R L5-S1 TFESI 2/2025 (50% x 3 wk); R SIJI 6/2025 (80% x 2 mo);"
    + " B/L L4-S1 MBNB 9/2025 and 10/2025 (>80% each); R L4-S1 RFN 11/2025."

  @Test func eachClausesReliefIsItsOwnProcedures() {
    #expect(
      Fixtures.summaries(.relief, in: Self.history) == [
        "50 epiduralInjection days 21 2025-02", "80 medialBranchBlock 2025-10",
        "80 sacroiliacInjection days 60 2025-06",
      ])
  }

  @Test func eachClausesSideIsItsOwnProcedures() {
    #expect(
      Fixtures.summaries(.priorProcedure, in: Self.history) == [
        "epiduralInjection 2025-02 right L5-S1", "medialBranchBlock 2025-09 bilateral L4-S1",
        "medialBranchBlock 2025-10 bilateral L4-S1", "radiofrequencyAblation 2025-11 right L4-S1",
        "sacroiliacInjection 2025-06 right",
      ])
  }

  @Test(arguments: [
    ("DOS 03/14/2026\nRight L5 TFESI 01/10/2026 gave 70% relief for 3 months.", "days 90"),
    ("DOS 03/14/2026\nFor 3 months after her L5 TFESI 01/10/2026 she had 70% relief.", "days 90"),
  ])
  func aLoneReliefTakesTheSentencesSpan(text: String, span: String) {
    #expect(Fixtures.summaries(.relief, in: text).first?.contains(span) == true)
  }
}

/// A trial's length from the two dates its name is followed by.
@Suite struct TrialSpanTests {
  @Test(arguments: [
    ("DOS 03/14/2026\ns/p SCS trial 02/02/26-02/09/26 with 70% relief.", "days 7"),
    ("DOS 03/14/2026\nSCS trial (02/02/2026 - 02/07/2026): 60% relief.", "days 5"),
    ("DOS 03/14/2026\nSCS trial from 02/02/2026 to 02/09/2026, 70% relief.", "days 7"),
  ])
  func readsTheSpanAfterTheTrial(text: String, days: String) {
    #expect(Fixtures.summaries(.deviceTrial, in: text).first?.contains(days) == true)
  }

  @Test func datesOfAnotherStudyAreNoTrialSpan() {
    let text = "DOS 03/14/2026\nSCS trial gave 70% relief; MRI 02/02/2026 - 02/09/2026 CT."
    #expect(Fixtures.summaries(.deviceTrial, in: text).first?.contains("days") == false)
  }
}
