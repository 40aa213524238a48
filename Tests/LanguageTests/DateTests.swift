import Language
import Model
import Testing

@Suite struct DateTests {
  @Test(arguments: [
    ("03/14/2026", "2026-03-14"),
    ("3/14/26", "2026-03-14"),
    ("2026-03-14", "2026-03-14"),
    ("March 14, 2026", "2026-03-14"),
    ("14-Mar-2026", "2026-03-14"),
    ("Mar 2026", "2026-03"),
    ("03/2026", "2026-03"),
    ("7/10/26", "2026-07-10"),
  ])
  func absoluteFormatsAreRead(text: String, iso: String) {
    let dates = Fixtures.annotate("MRI on \(text) showed a disc bulge.").dates
    #expect(dates.map(\.date?.iso) == [iso])
  }

  @Test(arguments: ["Pain 7/10 today.", "Strength 4/5 in the left EHL.", "BP 130/80."])
  func scoresAreNotDates(text: String) {
    #expect(Fixtures.annotate(text).dates.filter { $0.date != nil || $0.isAmbiguous }.isEmpty)
  }

  @Test func dayFirstDateIsAmbiguousNotGuessed() {
    let date = Fixtures.annotate("Seen on 14/03/2026.").dates.first
    #expect(date?.isAmbiguous == true)
    #expect(date?.date == nil)
    #expect(date?.candidates.map(\.iso) == ["2026-03-14"])
  }

  @Test(arguments: [
    ("DOS: 03/14/2026", "2026-03-14"),
    ("Date of Service: 2026-03-14", "2026-03-14"),
    ("Visit Date: March 14, 2026", "2026-03-14"),
    ("Encounter Date: 3/14/26", "2026-03-14"),
  ])
  func dateOfServiceIsFoundFromItsCue(header: String, iso: String) {
    let doc = Fixtures.annotate("MRI 01/02/2025 showed stenosis.\n\(header)\nHPI: pain.")
    #expect(doc.dateOfService?.iso == iso)
    #expect(doc.dates.first { $0.role == .dateOfService }?.date?.iso == iso)
  }

  @Test func dateOfBirthIsNeverTheDateOfService() {
    let doc = Fixtures.annotate("Patient: Doe, Jane  DOB: 01/02/1960\nHPI: pain since 2024.")
    #expect(doc.dates.first?.role == .dateOfBirth)
    #expect(doc.dateOfService == nil)
  }

  @Test func cueDatesOnlyTheFirstDateAfterIt() {
    let doc = Fixtures.annotate("DOS: 03/14/2026 referral 03/01/2026\nHPI: pain.")
    #expect(doc.dates.map(\.role) == [.dateOfService, .other])
  }

  @Test func bareDateWordDatesNothingWithoutAColon() {
    let doc = Fixtures.annotate(
      "HPI: pain.\nPLAN: pump, surgery date 06/16/2026.\nSigned 05/12/2026")
    #expect(doc.dateOfService?.iso == "2026-05-12")
  }

  @Test func unlabelledBannerDateIsTheFallback() {
    let doc = Fixtures.annotate(
      "NGUYEN, DUC | 10/02/1972 | GSP-118843 | 05/13/2026\nS: pain since 03/28/26.")
    #expect(doc.dateOfService?.iso == "2026-05-13")
  }

  @Test func signatureDateIsTheFallback() {
    let doc = Fixtures.annotate(
      "MRI 01/02/2025 showed stenosis.\nElectronically signed by J. Doe, MD on 03/20/2026")
    #expect(doc.dateOfService?.iso == "2026-03-20")
  }

  @Test(arguments: [
    ("3 weeks ago", "2026-02-21"),
    ("last month", "2026-02"),
    ("since January", "2026-01"),
    ("in the past 6 months", "2025-09"),
    ("6 weeks prior", "2026-01-31"),
    ("two years ago", "2024-03"),
    ("yesterday", "2026-03-13"),
  ])
  func relativeDatesResolveAgainstTheDateOfService(phrase: String, iso: String) {
    let doc = Fixtures.annotate("DOS: 03/14/2026\nPain began \(phrase).")
    let relative = doc.dates.first { $0.isRelative }
    #expect(relative?.date?.iso == iso)
  }
}
