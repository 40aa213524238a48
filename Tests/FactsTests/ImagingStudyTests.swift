import Model
import Testing

/// What a study shows about hardware and devices, and sentences that only look like a
/// study's reading.
@Suite struct ImagingStudyTests {
  @Test(arguments: [
    ("CT L-spine 09/16/2026: solid fusion L4-S1, screws intact.", ["other ct"]),
    ("Thoracic x-rays: the left lead has migrated caudally by two levels.", ["other xray"]),
    ("Contrast study showed leakage at the catheter; see the X-ray report.", ["other xray"]),
    ("MR lumbar spine: L4-5 facet arthropathy.", ["facetArthropathy mri"]),
  ])
  func aStudyOfHardwareIsAFinding(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.imagingFinding, in: text) == expected)
  }

  @Test(arguments: [
    "Mr. Obradovic, 54, with bilateral neck pain from C5-6/C6-7 facet arthropathy for 3 years.",
    "Severe scoliosis - LP access now only by CT-guided transforaminal route.",
    "MRI 2025 reviewed. Neck pain from C4-5 and C5-6 facet arthropathy for about 5 years.",
  ])
  func aPatientsNameGuidanceOrAStatedCauseIsNoStudy(text: String) {
    #expect(Fixtures.summaries(.imagingFinding, in: text).isEmpty)
  }
}
