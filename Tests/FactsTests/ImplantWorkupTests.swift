import Model
import Testing

@Suite struct StaphScreenTests {
  @Test(arguments: [
    ("MRSA screen negative on 03/01/2026.", ["mrsa negative 2026-03-01"]),
    ("Nasal swab PCR: MRSA not detected, MSSA detected.", ["mrsa negative", "mssa positive"]),
    ("Nares culture positive for Staphylococcus aureus.", ["staphAureus positive"]),
    ("Pre-op nasal screen was negative for MRSA and MSSA.", ["mrsa negative", "mssa negative"]),
  ])
  func readsOrganismResultAndDate(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.staphScreen, in: text) == expected)
  }

  @Test(arguments: [
    "Her husband had MRSA last year.",
    "Family history: mother with MRSA infection.",
  ])
  func anotherPersonsMRSAIsNotThePatients(text: String) {
    #expect(Fixtures.summaries(.staphScreen, in: text).isEmpty)
  }

  @Test(arguments: [
    (
      "Decolonization with mupirocin nasal ointment and chlorhexidine washes starting 03/20/2026.",
      ["planned 2026-03-20 mupirocin+chlorhexidine"]
    ),
    (
      "Plan: Bactroban to nares BID x 5 days and Hibiclens showers.",
      ["planned mupirocin+chlorhexidine"]
    ),
    ("Decolonization is not needed.", ["not planned"]),
  ])
  func readsDecolonizationPlans(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.decolonization, in: text) == expected)
  }
}

@Suite struct PsychEvaluationTests {
  @Test(arguments: [
    (
      "Psychological evaluation completed on 02/10/2026; she was cleared for SCS.",
      ["completed 2026-02-10 cleared true"]
    ),
    ("Psych evaluation is pending.", ["not completed"]),
    ("She has not yet had a psychological evaluation.", ["not completed"]),
    (
      "Psychological evaluation completed 01/27/2026; not psychologically cleared at this time.",
      ["completed 2026-01-27 cleared false"]
    ),
    (
      "Pre-SCS psych evaluation done 03/02/2026; clearance deferred until sobriety is shown.",
      ["completed 2026-03-02 cleared false"]
    ),
    (
      "Psychology evaluation completed 04/01/2026: cleared to proceed with the trial.",
      ["completed 2026-04-01 cleared true"]
    ),
  ])
  func readsCompletionDateAndClearance(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.psychEvaluation, in: text) == expected)
  }

  @Test func psychologistsReportIsACompletedEvaluation() {
    let note = """
      PRE-IMPLANT PSYCHOLOGICAL EVALUATION
      Date of Service: 02/12/2026
      RECOMMENDATIONS:
      No psychological contraindications to spinal cord stimulator trial.
      """
    #expect(
      Fixtures.summaries(.psychEvaluation, in: note) == ["completed 2026-02-12 cleared true"])
  }
}

@Suite struct SurgicalPlanTests {
  @Test(arguments: [
    ("She is not a surgical candidate per neurosurgery.", ["notSurgicalCandidate"]),
    ("Surgery is not recommended.", ["notSurgicalCandidate"]),
    (
      "Long-standing pain after a fusion, no further surgical option per Dr. Ames.",
      ["notSurgicalCandidate"]
    ),
    ("Neurosurgery has nothing further to offer surgically.", ["notSurgicalCandidate"]),
    ("She is scheduled for L4-5 fusion on 04/02/2026.", ["surgeryPlanned"]),
    (
      "She was evaluated by neurosurgery, who is considering decompression.",
      ["preoperativeEvaluation"]
    ),
    ("Diagnostic block requested for surgical planning.", ["preoperativeEvaluation"]),
  ])
  func readsWhereSurgeryStands(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.surgicalPlan, in: text) == expected)
  }

  @Test func conditionalSurgeryIsNotAPlan() {
    #expect(
      Fixtures.summaries(.surgicalPlan, in: "If this fails, she may consider fusion.").isEmpty)
  }
}
