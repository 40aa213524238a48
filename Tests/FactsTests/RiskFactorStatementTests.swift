import Model
import Testing

/// How notes state a risk factor absent, present, or past.
@Suite struct RiskFactorStatementTests {
  @Test(arguments: [
    (
      "Thoracic spine without tenderness, skin intact over the planned site.",
      ["skinInfectionAtSite false"]
    ),
    ("Skin is intact over the planned injection site.", ["skinInfectionAtSite false"]),
    ("Anticoag: none.", ["anticoagulation false"]),
    (
      "He has no infection, and tolerated lidocaine for his nerve repair without problems.",
      ["anestheticAllergy false", "systemicInfection false"]
    ),
    ("She tolerated IV contrast for her CT last year.", ["contrastAllergy false"]),
    ("Crusting vesicles along T6, no secondary infection.", ["skinInfectionAtSite false"]),
    ("No history of surgical site infection.", []),
    ("Skin intact.", []),
    ("Leads removed; sites clean.", ["skinInfectionAtSite false"]),
    ("G-tube site clean.", []),
  ])
  func readsAbsencesAsNotesWriteThem(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.riskFactor, in: text).sorted() == expected.sorted())
  }

  @Test(arguments: [
    "Deep infection of the generator pocket in February; the entire system was explanted.",
    "Pump pocket infection 03/2026, explant of pump and catheter 04/02/2026.",
  ])
  func anInfectionTreatedAndGoneIsHistory(text: String) {
    #expect(Fixtures.summaries(.riskFactor, in: text).isEmpty)
  }

  @Test func anImagingReportsNegativeIsTheSpinesInfection() {
    let report = Fixtures.annotate(
      "Northfield Imaging Associates - MRI Report\nIMPRESSION: No evidence of infection.",
      name: "mri-report.pdf")
    let facts = Fixtures.detector.detect(in: [report], noteDate: nil)
      .filter { $0.type == .riskFactor }.map { Fixtures.summary($0.detail) }
    #expect(facts == ["spinalInfection false"])
  }
}
