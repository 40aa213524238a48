import Model
import Testing

/// A procedure's own record is a prior procedure on the day it dates, with the region,
/// levels and side its procedure line gives; a request's planned day is not.
@Suite struct ProcedureRecordTests {
  @Test(arguments: [
    "Riverside Pain Center\nPatient: Doe, Jane   DOB: 01/02/1960   Date of procedure: 01/08/2026\n"
      + "PROCEDURE\nCervical interlaminar epidural steroid injection, C7-T1, right paramedian.",
    "INJECTION RECORD\nDate of procedure: 01/08/2026\n"
      + "Procedure: Cervical interlaminar epidural steroid injection, C7-T1, right paramedian.",
    "PROCEDURE RECORD\nProcedure date: 01/08/2026\n"
      + "Cervical interlaminar epidural steroid injection, C7-T1, right paramedian approach.",
  ])
  func recordIsAPriorProcedureOnItsDay(text: String) {
    #expect(
      Fixtures.summaries(.priorProcedure, in: text) == [
        "epiduralInjection 2026-01-08 right C7-T1"
      ])
  }

  @Test(arguments: [
    "PRIOR AUTHORIZATION REQUEST\nRequested procedure date: 04/01/2026\n"
      + "Procedure: Cervical interlaminar epidural steroid injection, C7-T1.",
    "OFFICE VISIT\nDate 03/14/2026\nPLAN\n"
      + "Procedure: cervical interlaminar epidural steroid injection, C7-T1, to be scheduled.",
  ])
  func requestOrPlanIsNoPriorProcedure(text: String) {
    #expect(Fixtures.summaries(.priorProcedure, in: text).isEmpty)
  }
}
