import Model
import Testing

/// Which condition a diagnosis list names when its items carry ICD-10 codes, and which
/// mentions of a condition are history or a study's finding rather than a diagnosis.
@Suite struct DiagnosisCodingTests {
  @Test(arguments: [
    (
      "A: 1. R C6 radiculopathy (M54.12) 2. Cervical spondylosis w/ foraminal stenosis C5-6 (M48.02)",
      ["radiculopathy M54.12", "spinalStenosis M48.02"]
    ),
    (
      "Assessment: lumbar spondylosis with radiculopathy (M47.26).",
      ["radiculopathy M47.26"]
    ),
    ("Assessment: lumbar facet arthropathy (M47.816).", ["facetJointPain M47.816"]),
    (
      "Assessment: chronic pelvic visceral pain due to endometriosis (N80.3).",
      ["other N80.3", "pelvicVisceralPain"]
    ),
    ("Assessment: 2. Active community-acquired pneumonia on antibiotics (J18.9).", []),
    (
      "Assessment: intractable spasticity from hereditary spastic paraplegia (G11.4).",
      ["intractableSpasticity", "other G11.4"]
    ),
    (
      "Stiff person syndrome with intractable spasms.",
      ["intractableSpasticity", "stiffPersonSyndrome"]
    ),
  ])
  func theCodeOfAnItemSaysWhichConditionItIs(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.diagnosis, in: text).sorted() == expected.sorted())
  }

  @Test(arguments: [
    ("Status post L4-S1 instrumented fusion in 2023 for spondylolisthesis.", []),
    ("59-year-old mechanic, L4-S1 fusion 01/23/2024 for spondylolisthesis.", []),
    ("Past: h/o L5-S1 ESI in 2019 for right sciatica, which resolved.", []),
    (
      "She returns after her second stellate ganglion block (03/10/2026) for CRPS type I.",
      ["crps"]
    ),
    ("Facet joint injections to test the pars/facet pain source.", []),
    ("Given his age, the facet arthropathy seen on his 2019 film, I suspect a cyst.", []),
    ("Request L4-5 ESI for lumbar radiculopathy.", ["radiculopathy"]),
    ("PMH: lumbar fusion in 2019 for stenosis; HTN.", []),
    (
      "He had a laminectomy in 2020 for spinal stenosis; now L5 radiculopathy.",
      ["radiculopathy"]
    ),
    ("CT L-spine 09/16/2026: mild L3-4 facet arthropathy (adjacent level).", []),
  ])
  func historyAndStudiesAreNotTheDiagnosisUnderReview(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.diagnosis, in: text).sorted() == expected.sorted())
  }

  @Test func anImagingReportsImpressionListsFindingsNotDiagnoses() {
    let report = Fixtures.annotate(
      "Harborview Diagnostic Imaging - Magnetic Resonance Report\n"
        + "IMPRESSION: 3. Grade 1 anterolisthesis L3-4.",
      name: "mri-report.pdf")
    let facts = Fixtures.detector.detect(in: [report], noteDate: nil)
    #expect(!facts.contains { $0.type == .diagnosis })
    #expect(facts.contains { $0.type == .imagingFinding })
  }
}
