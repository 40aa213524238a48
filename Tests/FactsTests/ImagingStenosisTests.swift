import Model
import Testing

/// Stenosis graded severe is stenosis; an obstructed canal (CSF blocked, thecal sac
/// effaced) is `severeStenosisObstruction`.
@Suite struct ImagingStenosisTests {
  @Test(arguments: [
    (
      "MRI 01/28/2026: severe central stenosis at L4-5 and moderate at L3-4.",
      ["spinalStenosis mri"]
    ),
    ("MRI shows severe right foraminal stenosis at L4-5.", ["spinalStenosis mri"]),
    (
      "MRI: L3-4 severe stenosis with complete CSF block.",
      ["spinalStenosis mri", "severeStenosisObstruction mri"]
    ),
    ("MRI shows obliteration of the thecal sac at L4-5.", ["severeStenosisObstruction mri"]),
    ("MRI: CSF is still seen around the cauda equina; no complete block.", []),
  ])
  func gradesStenosisAndObstructionApart(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.imagingFinding, in: text).sorted() == expected.sorted())
  }

  @Test(arguments: [
    ("MRI C-spine 12/2025: mild C5-6 disc bulge w/o herniation.", [String]()),
    (
      "Cervical radiographs dated 03/31/2026 show multilevel degenerative disc narrowing.",
      ["other xray"]
    ),
    (
      "MRI 06/22/2026: enhancing epidural fibrosis surrounding the right S1 nerve root.",
      ["other mri"]
    ),
    (
      "CT of the cervical spine 11/2025 shows right C1-2 lateral atlantoaxial joint arthropathy.",
      ["facetArthropathy ct"]
    ),
  ])
  func readsFindingsAsReportsWordThem(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.imagingFinding, in: text) == expected)
  }

  @Test(arguments: [
    "Chronic bilateral L5 spondylolysis on clinical grounds; imaging confirmation still outstanding.",
    "Facet injections requested for the spondylolysis-related pain, pending her CT.",
  ])
  func aDiagnosisAwaitingItsStudyIsNotAFinding(text: String) {
    #expect(Fixtures.summaries(.imagingFinding, in: text).isEmpty)
  }

  @Test func anMRIReportsFindingsTakeItsModality() {
    let report = Fixtures.annotate(
      "Northfield Imaging Associates - MRI Report\nL5-S1: mild facet arthropathy.",
      name: "mri-report.pdf")
    let findings = Fixtures.detector.detect(in: [report], noteDate: nil)
      .filter { $0.type == .imagingFinding }.map { Fixtures.summary($0.detail) }
    #expect(findings == ["facetArthropathy mri"])
  }
}
