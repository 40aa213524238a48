import Language
import Model
import Testing

/// The date of service when a note's title, its banner and its history all carry dates: a
/// date labelled as the visit's outranks the date that happens to follow the title.
@Suite struct VisitDateTests {
  @Test(arguments: [
    ("OFFICE VISIT\nHPI: L4-5 fusion 01/23/2024, now worse.\nDate 03/17/2026", "2026-03-17"),
    ("Office Visit\nPatient: Doe, Jane | Date 03/17/2026\nHPI: fusion 01/23/2024.", "2026-03-17"),
    ("Clinic Visit\nS/p ACDF 05/02/2023.\nDOS 11/24/2026", "2026-11-24"),
    ("Follow-up Visit\nShe had an SI injection 02/10/2026.\nDate: 03/17/2026", "2026-03-17"),
    ("Office Visit 03/17/2026\nHPI: low back pain.", "2026-03-17"),
    ("Office Visit\nMRN: 4471  Date 03/17/2026\nHPI: fusion 01/23/2024.", "2026-03-17"),
    ("Office Visit\nPatient: Jane Doe    Date 03/17/2026\nHPI: fusion 01/23/2024.", "2026-03-17"),
  ])
  func labelledVisitDateOutranksTheTitlesDate(text: String, iso: String) {
    #expect(Fixtures.annotate(text).dateOfService?.iso == iso)
  }

  @Test(arguments: [
    "HPI: pain.\nDate of surgery 06/16/2025, fusion.\nSigned 05/12/2026",
    "HPI: pain.\nPLAN: fusion, surgery date 06/16/2026.\nSigned 05/12/2026",
    "HPI: pain; the date 06/16/2025 was her fall.\nSigned 05/12/2026",
    "HPI: pain.\nPLAN:  pump,  surgery  date  06/16/2026.\nSigned 05/12/2026",
    "HPI: pain.\nPLAN: Request a pump, surgery\ndate 06/16/2026.\nSigned 05/12/2026",
  ])
  func dateWordInProseIsNoLabel(text: String) {
    #expect(Fixtures.annotate(text).dateOfService?.iso == "2026-05-12")
  }

  @Test func wrappedDateWordLeavesTheBannersDate() {
    let text =
      "Doe, Jane | MRN 4471 | DOB 03/03/1994 | 05/12/2026\nHISTORY\nPLAN\n"
      + "Request a pump, surgery\ndate 06/16/2026. Continue baclofen."
    #expect(Fixtures.annotate(text).dateOfService?.iso == "2026-05-12")
  }

  @Test(arguments: [
    (
      "Doe, Jane | DOB 03/21/1949 | 05/12/2026\nINTERVAL HISTORY\n77-year-old seen\n"
        + "03/10/2026 for leg pain; now walks two blocks.", "2026-05-12"
    ),
    ("Doe, Jane | DOB 03/21/1949\nHPI\nSeen 03/10/2026 for leg pain.", "2026-03-10"),
    ("Doe, Jane | 05/12/2026\nDOS: 05/13/2026\nHPI\nSeen 03/10/2026 for pain.", "2026-05-13"),
  ])
  func earlierVisitInTheHistoryLeavesTheBannersDate(text: String, iso: String) {
    #expect(Fixtures.annotate(text).dateOfService?.iso == iso)
  }

  @Test(arguments: [
    (
      "Doe, Jane | DOB 08/28/1964 | 03/24/2026\nHPI\nA home program she reported doing at"
        + " her 03/2026 PT check.", "2026-03-24"
    ),
    ("LUMBAR MRI\nHISTORY\nBack pain.\nResulted 03/24/2026 by Dr. Lee", "2026-03-24"),
    ("LUMBAR MRI\nHISTORY\nBack pain.\nReported: 03/24/2026", "2026-03-24"),
  ])
  func reportingVerbInProseLabelsNothing(text: String, iso: String) {
    #expect(Fixtures.annotate(text).dateOfService?.iso == iso)
  }
}
