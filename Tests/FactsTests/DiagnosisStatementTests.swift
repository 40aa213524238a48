import Model
import Testing

/// Which conditions a note states as diagnoses, and which code belongs to which.
@Suite struct DiagnosisStatementTests {
  @Test(arguments: [
    (
      "Assessment: intractable spasticity (G80.1), s/p explant of infected ITB pump.",
      ["intractableSpasticity", "other G80.1"]
    ),
    ("Assessment: lumbar radiculopathy (M54.16).", ["radiculopathy M54.16"]),
    ("Assessment: acute herpes zoster, left T6 (B02.29).", ["acuteHerpesZoster B02.29"]),
    (
      "Diagnosis: lumbar foraminal stenosis with right radiculopathy (M48.061, M54.16).",
      ["radiculopathy M54.16", "spinalStenosis M48.061"]
    ),
    (
      "Impression: chronic intractable axial low back pain from degenerative scoliosis (M41.26).",
      ["chronicIntractablePain", "other M41.26"]
    ),
  ])
  func aCodeBelongsToTheDiagnosisItNames(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.diagnosis, in: text).sorted() == expected.sorted())
  }

  @Test(arguments: [
    (
      "She returns for her chronic left L5 radicular pain from L5-S1 disc degeneration.",
      [String]()
    ),
    ("67-year-old with chronic neck and arm pain from cervical spondylosis.", []),
    ("MRI 2025 showed bilateral L4-5 and L5-S1 facet arthropathy.", []),
    (
      "60-year-old woman with chronic intractable pain from lumbosacral radiculopathy.",
      ["chronicIntractablePain", "radiculopathy"]
    ),
    ("A sympathetic block is requested for PHN prevention.", []),
  ])
  func findingsNamedInPassingAreNotDiagnoses(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.diagnosis, in: text).sorted() == expected.sorted())
  }

  @Test(arguments: [
    ("Impression: right C5 versus C6 radiculopathy; two candidate levels.", ["radiculopathy"]),
    ("Impression: radiculopathy versus peripheral neuropathy.", []),
    (
      "Assessment: malignancy-related pelvic and rectal visceral pain (C53.9).",
      ["pelvicVisceralPain C53.9"]
    ),
    (
      "Assessment: multilevel osteoporotic compression fx and L2-5 stenosis.",
      ["other", "spinalStenosis"]
    ),
  ])
  func readsAssessmentsAsCliniciansWriteThem(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.diagnosis, in: text).sorted() == expected.sorted())
  }
}
