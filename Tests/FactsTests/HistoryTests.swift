import Model
import Testing

@Suite struct PriorProcedureTests {
  @Test(arguments: [
    (
      "She is s/p left L4-5 and L5-S1 MBB on 02/20/2026.",
      ["medialBranchBlock 2026-02-20 left L4-5,L5-S1"]
    ),
    (
      "She underwent a right SI joint injection on 01/15/2026.",
      ["sacroiliacInjection 2026-01-15 right"]
    ),
    ("History of L5-S1 laminectomy.", ["spineSurgery L5-S1"]),
    ("She had two epidurals last year.", ["epiduralInjection"]),
  ])
  func readsProceduresAlreadyDone(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.priorProcedure, in: text) == expected)
  }

  @Test(arguments: [
    "PLAN:\nProceed with right L4-5 and L5-S1 MBB.",
    "We will schedule a right SI joint injection.",
    "She has had no prior injections.",
    "Epidural fibrosis at L5.",
    "He asks about a spinal cord stimulator after reading about it online.",
    "The CT of 04/14/2026 shows solid fusion L4-S1 with well-positioned hardware.",
  ])
  func plannedOrDeniedProceduresAreNotPrior(text: String) {
    #expect(Fixtures.summaries(.priorProcedure, in: text).isEmpty)
  }

  @Test func sameProcedureWithAndWithoutDateIsOne() {
    let note = "She had an L4-5 MBB on 02/20/2026. After the MBB she had 80% relief."
    let procedures = Fixtures.summaries(.priorProcedure, in: note)
    #expect(procedures == ["medialBranchBlock 2026-02-20 L4-5"])
  }
}

@Suite struct ImagingFindingTests {
  @Test(arguments: [
    ("MRI lumbar spine 01/10/2026 showed L4-5 facet arthropathy.", ["facetArthropathy mri"]),
    ("CT demonstrates bilateral L5 pars defects.", ["parsDefect ct"]),
    (
      "MRI: L4-5 synovial cyst and grade 1 spondylolisthesis.",
      ["spondylolisthesis mri", "synovialCyst mri"]
    ),
    ("MRI showed severe central canal stenosis at L3-4.", ["spinalStenosis mri"]),
    ("X-rays showed no spondylolisthesis.", []),
    ("MRI of the SI joints shows sacroiliitis.", ["sacroiliitis mri"]),
  ])
  func readsFindingsOfStudies(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.imagingFinding, in: text) == expected)
  }
}

@Suite struct RiskFactorTests {
  @Test(arguments: [
    ("She takes Eliquis for atrial fibrillation.", ["anticoagulation true"]),
    ("She will hold Plavix for 7 days prior.", ["anticoagulation true"]),
    ("Not on anticoagulants.", ["anticoagulation false"]),
    ("No active infection.", ["systemicInfection false"]),
    ("She is pregnant.", ["pregnancy true"]),
    ("Hemoglobin A1c 9.1%.", ["uncontrolledDiabetes true"]),
    ("Poorly controlled diabetes.", ["uncontrolledDiabetes true"]),
    ("ALLERGIES:\nIodinated contrast (hives)", ["contrastAllergy true"]),
    ("She is allergic to lidocaine.", ["anestheticAllergy true"]),
    ("Cellulitis at the injection site.", ["skinInfectionAtSite true"]),
    ("Thrombocytopenia with platelets of 60.", ["coagulopathy true"]),
    ("No blood thinners. No bleeding problems.", ["anticoagulation false", "coagulopathy false"]),
  ])
  func readsRiskFactorsAndTheirDenials(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.riskFactor, in: text) == expected)
  }

  @Test(arguments: [
    "Her mother has a fever.",
    "History of myocardial infarction in 2015.",
    "Her mother takes warfarin.",
    "A1c 6.4%.",
  ])
  func routineDenialsHistoryAndOthersAreNotListed(text: String) {
    #expect(Fixtures.summaries(.riskFactor, in: text).isEmpty)
  }
}

@Suite struct DiagnosisTests {
  @Test(arguments: [
    ("ASSESSMENT:\n1. Lumbar radiculopathy (M54.16)", ["radiculopathy M54.16"]),
    ("ASSESSMENT:\nSacroiliac joint dysfunction, left.", ["sacroiliacJointPain"]),
    ("ASSESSMENT:\n1. M47.816", ["facetJointPain M47.816"]),
    (
      "ASSESSMENT:\nPost-laminectomy syndrome (M96.1). Rule out radiculopathy.",
      ["failedBackSurgerySyndrome M96.1"]
    ),
    ("ASSESSMENT:\nPostherpetic neuralgia of the right T6 dermatome.", ["postherpeticNeuralgia"]),
  ])
  func readsDiagnosesWithCodes(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.diagnosis, in: text) == expected)
  }

  @Test func familyHistoryIsNotTheirDiagnosis() {
    let note = "FAMILY HISTORY:\nMother has ankylosing spondylitis.\nASSESSMENT:\nLow back pain."
    #expect(!Fixtures.summaries(.diagnosis, in: note).contains("spondyloarthritis"))
  }
}
