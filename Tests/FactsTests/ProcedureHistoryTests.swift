import Model
import Testing

/// Prior procedures as histories write them in prose: dates joined across a revision,
/// dates pointed back to, dates counted from the visit, and the look-alikes that are not
/// a procedure's date.
@Suite struct ProcedureHistoryTests {
  @Test(arguments: [
    (
      "Failed back surgery (L3-L5 fusion 06/2017, extension to S1 03/2020).",
      ["spineSurgery 2017-06", "spineSurgery 2020-03"]
    ),
    (
      "She had an L4-S1 posterior fusion in May 2019 and a revision in August 2021.",
      ["spineSurgery 2019-05", "spineSurgery 2021-08"]
    ),
    (
      "Two prior cervical fusions (C5-7 in 03/2017, C4-5 extension in 11/2020).",
      ["spineSurgery 2017-03", "spineSurgery 2020-11"]
    ),
    (
      "She had a right SI joint injection twice, on January 13, 2026 and again on May 20, 2026.",
      ["sacroiliacInjection 2026-01-13", "sacroiliacInjection 2026-05-20"]
    ),
  ])
  func readsEveryDateOfOneProcedure(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.priorProcedure, in: text).map(Self.kindAndDate) == expected)
  }

  @Test(arguments: [
    (
      "He had a right stellate ganglion block on 03/10/2026. The first block was 02/24/2026.",
      ["stellateGanglionBlock 2026-02-24", "stellateGanglionBlock 2026-03-10"]
    ),
    (
      "S: s/p SCS trial for lumbar radiculopathy. Trial start 03/06/26. Lead pull today.",
      ["spinalCordStimulatorTrial 2026-03-06"]
    ),
    (
      "She is seen back today, two weeks after her intrathecal morphine trial.",
      ["intrathecalTrial 2026-02-28"]
    ),
  ])
  func datesAProcedureFromLaterSentencesAndFromTheVisit(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.priorProcedure, in: text).map(Self.kindAndDate) == expected)
  }

  @Test(arguments: [
    (
      "Failed back surgery syndrome after an L3-S1 fusion (02/2021) and revision (08/2022).",
      ["spineSurgery 2021-02", "spineSurgery 2022-08"]
    ),
    (
      "L2-S1 instrumented fusion in 11/2020, revised for pseudarthrosis in 07/2022.",
      ["spineSurgery 2020-11", "spineSurgery 2022-07"]
    ),
    (
      "Her first ITB pump (implanted 02/2019) was removed on 03/10/2026 for infection.",
      ["deviceRemoval 2026-03-10", "other 2019-02"]
    ),
    (
      "She has had two pudendal nerve blocks (11/2025 and 02/2026) with a week of 50% relief.",
      ["other 2025-11", "other 2026-02"]
    ),
    (
      "Partial median nerve injury in December 2024, repaired the same day.",
      ["other 2024-12"]
    ),
  ])
  func readsRevisionsRemovalsAndOtherOperations(text: String, expected: [String]) {
    let note = "Date of service: 03/14/2026\n" + text
    #expect(
      Fixtures.summaries(.priorProcedure, in: note).map(Self.kindAndDate).sorted() == expected)
  }

  @Test(arguments: [
    (
      "He has had four cervical epidurals with us since December 2025, the latest a C7-T1 interlaminar on 02/28/2026.",
      ["epiduralInjection 2026-02-28"]
    ),
    (
      "He had a 5-day percutaneous spinal cord stimulator trial from February 4 to February 9, 2026.",
      ["spinalCordStimulatorTrial 2026-02-04"]
    ),
    (
      "Treatment: hand therapy March 2025 through January 2026, pregabalin, and four right stellate ganglion blocks on 02/02/2026.",
      ["stellateGanglionBlock 2026-02-02"]
    ),
  ])
  func aSeriesASpanAndATherapyKeepTheirOwnDates(text: String, expected: [String]) {
    let note = "Date of service: 03/14/2026\n" + text
    #expect(
      Fixtures.summaries(.priorProcedure, in: note).map(Self.kindAndDate).sorted() == expected)
  }

  /// A date that belongs to the pain, not to the operation it is told against.
  @Test(arguments: [
    "Date of service: 11/20/2026\nThe right leg pain came back in April 2025, a few weeks after"
      + " the fusion, and has not let up since; the low back ache has worsened over the past"
      + " year.",
    "Date of service: 11/20/2026\nHer neck pain returned in May 2026, two months following the"
      + " ACDF.",
  ])
  func aDateToldAgainstAnOperationIsNotItsDate(text: String) {
    let found = Fixtures.summaries(.priorProcedure, in: text)
    #expect(!found.contains { $0.hasPrefix("spineSurgery") && $0.contains("20") }, "\(found)")
  }

  @Test(arguments: [
    "He has had a programmable intrathecal pump since June 2019 for post-laminectomy pain.",
    "Before deciding between an L4-5 foraminotomy and a fusion, I would like right L5 blocks.",
    "Has had R and L IA SIJ injections 2025-2026, each gives ~60% x 6-8 wks only.",
  ])
  func conditionsOptionsAndYearRangesAreNoDatedHistory(text: String) {
    let found = Fixtures.summaries(.priorProcedure, in: text)
    #expect(
      !found.contains { $0.hasPrefix("spineSurgery") || $0.hasPrefix("sacroiliacInjection") },
      "\(found)")
  }

  @Test(arguments: [
    (
      "She had caudal epidural injections in February and July 2025 without lasting help.",
      ["epiduralInjection 2025-02", "epiduralInjection 2025-07"]
    ),
    (
      "I have injected her right SI joint twice, on January 13, 2026 and again on February 20, 2026.",
      ["sacroiliacInjection 2026-01-13", "sacroiliacInjection 2026-02-20"]
    ),
    (
      "Dr. Lee injected his L4-5 facet joints on 01/05/2026.",
      ["facetInjection 2026-01-05"]
    ),
  ])
  func readsMonthListsAndInjectionsToldAsVerbs(text: String, expected: [String]) {
    let note = "Date of service: 03/14/2026\n" + text
    #expect(
      Fixtures.summaries(.priorProcedure, in: note).map(Self.kindAndDate).sorted() == expected)
  }

  @Test(arguments: [
    ("The pocket broke down after a routine pump replacement in February.", "other 2026-02"),
    (
      "She had a right SI joint injection in November with good relief.",
      "sacroiliacInjection 2025-11"
    ),
    ("She had a right SI joint injection in November 2024.", "sacroiliacInjection 2024-11"),
  ])
  func datesAMonthWithoutItsYearBeforeTheVisit(text: String, expected: String) {
    let note = "Date of service: 03/14/2026\n" + text
    #expect(Fixtures.summaries(.priorProcedure, in: note).map(Self.kindAndDate) == [expected])
  }

  @Test(arguments: [
    (
      "Postlaminectomy pain after L5-S1 discectomy (04/2018) and L4-S1 fusion (10/2021).",
      ["spineSurgery 2018-04 L5-S1", "spineSurgery 2021-10 L4-S1"]
    ),
    (
      "She is s/p bilateral L4-5, L5-S1 MBB on 02/20/2026.",
      ["medialBranchBlock 2026-02-20 bilateral L4-5,L5-S1"]
    ),
    (
      "She returns after her single-shot intrathecal trial on 02/10/2026 (morphine 0.2 mg, L2-3).",
      ["intrathecalTrial 2026-02-10 L2-3"]
    ),
    (
      "Intrathecal trial on 12/16/2025 - single bolus of morphine 0.2 mg at L2-3.",
      ["intrathecalTrial 2025-12-16 L2-3"]
    ),
  ])
  func givesEachProcedureTheLevelsOfItsOwnClause(text: String, expected: [String]) {
    let note = "Date of service: 03/14/2026\n" + text
    #expect(Fixtures.summaries(.priorProcedure, in: note).sorted() == expected)
  }

  @Test func anS1EpiduralIsALumbarProcedure() {
    let note =
      "Date of service: 03/14/2026\nShe had a right S1 transforaminal injection in 04/2025."
    let regions = Fixtures.facts(in: note).compactMap { fact -> Region? in
      guard case .priorProcedure(let procedure) = fact.detail else { return nil }
      return procedure.region
    }
    #expect(regions == [.lumbar])
  }

  @Test func anOperationNamedAfterAStudyIsStillReported() {
    let note =
      "Arachnoiditis confirmed on MRI, which followed an L5-S1 microdiscectomy in October 2020."
    #expect(
      Fixtures.summaries(.priorProcedure, in: note).map(Self.kindAndDate) == [
        "spineSurgery 2020-10"
      ])
  }

  @Test(arguments: [
    "Tx: PT post-TKA 06/2025-12/2025 then desensitization PT 01/2026-04/2026.",
    "Selective right L4 and L5 transforaminal blocks may be done on the same day.",
    "I scheduled the second MBB for 03/20/2026 so that we can book radiofrequency ablation.",
    "Prior: lumbar ESI x2 (2023) minimal help.",
    "He has had a pump since June 2019 for post-laminectomy pain.",
    "His back pain began two years after his fusion.",
  ])
  func datesThatBelongToSomethingElseAreNotTheProcedures(text: String) {
    let dated = Fixtures.facts(.priorProcedure, in: text).filter {
      guard case .priorProcedure(let procedure) = $0 else { return false }
      return procedure.date != nil && procedure.procedure != .other
    }
    #expect(dated.isEmpty, "\(Fixtures.summaries(.priorProcedure, in: text))")
  }

  @Test(arguments: [
    ("TRIAL\n02/05/2026 intrathecal hydromorphone 0.1 mg bolus at L2-3.", "2026-02-05"),
    ("Single-shot intrathecal morphine 0.2 mg at L2-3 on 02/21/2026.", "2026-02-21"),
    ("On 01/22/2026 she received intrathecal baclofen 50 mcg bolus at L3-4.", "2026-01-22"),
    ("She had intrathecal morphine 0.2 mg on 02/05/2026 ahead of a permanent pump.", "2026-02-05"),
  ])
  func readsAnIntrathecalDoseAsATrial(text: String, date: String) {
    let note = "Date of service: 03/14/2026\n" + text
    #expect(
      Fixtures.summaries(.priorProcedure, in: note).map(Self.kindAndDate) == [
        "intrathecalTrial \(date)"
      ])
  }

  @Test(arguments: [
    "She has had an intrathecal morphine pump since 2019.",
    "Pump refilled on 02/10/2026; a repeat bolus of 50 mcg was given for breakthrough spasm.",
    "He is on intrathecal baclofen via pump at 400 mcg/day.",
    "We discussed intrathecal morphine as an option.",
  ])
  func aPumpsDrugIsNotATrial(text: String) {
    #expect(
      !Fixtures.summaries(.priorProcedure, in: text).contains { $0.hasPrefix("intrathecalTrial") })
  }

  @Test func aProceduresPaperworkIsNotTheProcedure() {
    let note = """
      Date of service: 03/14/2026
      PLAN: right L4-5 MBB.
      Consent for the procedure was signed 03/10/2026 after risks were explained.
      """
    #expect(Fixtures.summaries(.priorProcedure, in: note).isEmpty)
  }

  @Test func aRepeatProcedureWithAPastDateWasDone() {
    let note = "Procedure history:\n- 07/15/2025: repeat right L5-S1 TFESI, 40% x 3 weeks"
    #expect(
      Fixtures.summaries(.priorProcedure, in: note) == [
        "epiduralInjection 2025-07-15 right L5-S1"
      ])
  }

  /// A summary's procedure and date, without side and levels.
  private static func kindAndDate(_ summary: String) -> String {
    summary.split(separator: " ").prefix(2).joined(separator: " ")
  }
}
