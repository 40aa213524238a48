import Model
import Testing

@Suite struct ProvocationTestTests {
  @Test(arguments: [
    ("FABER positive on the left.", ["faber positive left"]),
    ("Positive Patrick's test on the right.", ["faber positive right"]),
    ("Gaenslen's (+) R, Yeoman (-).", ["gaenslen positive right", "yeoman negative"]),
    (
      "FABER positive on the left, Gaenslen negative.",
      ["faber positive left", "gaenslen negative"]
    ),
    (
      "Positive FABER, Gaenslen and thigh thrust on the right.",
      ["faber positive right", "gaenslen positive right", "thighThrust positive right"]
    ),
    (
      "Distraction, compression and sacral thrust were negative.",
      ["compression negative", "distraction negative", "sacralThrust negative"]
    ),
    (
      "3/5 SI provocation tests positive (distraction, thigh thrust, compression).",
      ["compression positive", "distraction positive", "thighThrust positive"]
    ),
    ("SLR negative bilaterally.", ["straightLegRaise negative bilateral"]),
    ("Straight-leg raise positive on the left at 40 degrees.", ["straightLegRaise positive left"]),
    ("Negative slump test.", ["slump negative"]),
    ("Spurling's maneuver reproduces her arm pain on the right.", ["spurling positive right"]),
    (
      "Spurling's manoeuvre to the left reproduces the triceps and middle finger pain; on the"
        + " right, negative.",
      ["spurling negative right", "spurling positive left"]
    ),
    ("Facet loading positive bilaterally.", ["facetLoading positive bilateral"]),
    ("Posterior shear / thigh thrust positive on the left.", ["posteriorShear positive left"]),
    ("P4 test: positive", ["thighThrust positive"]),
    ("No pain with FABER.", ["faber negative"]),
    (
      "FABER and Gaenslen positive but thigh thrust negative.",
      ["faber positive", "gaenslen positive", "thighThrust negative"]
    ),
  ])
  func readsTestsWithResultAndSide(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.provocationTest, in: text) == expected)
  }

  @Test(arguments: [
    "We will check FABER at the next visit.",
    "MRI shows nerve root compression at L5.",
    "Compression fracture of L1 was ruled out.",
  ])
  func ignoresTestsWithoutAnExaminationResult(text: String) {
    #expect(Fixtures.summaries(.provocationTest, in: text).isEmpty)
  }
}

@Suite struct BudapestTests {
  private let crpsNote = "ASSESSMENT:\nCRPS type I of the left foot.\n"

  @Test(arguments: [
    (
      "HPI:\nShe reports allodynia and temperature asymmetry.",
      ["sensory symptom true", "vasomotor symptom true"]
    ),
    (
      "PHYSICAL EXAM:\nAllodynia to light touch. Edema of the left foot. Mottled skin.",
      ["sensory sign true", "sudomotorEdema sign true", "vasomotor sign true"]
    ),
    (
      "HPI:\nShe describes swelling and sweating changes, and hair growth changes.",
      ["motorTrophic symptom true", "sudomotorEdema symptom true"]
    ),
    (
      "PHYSICAL EXAM:\nNo edema. Decreased range of motion of the ankle.",
      ["motorTrophic sign true", "sudomotorEdema sign false"]
    ),
  ])
  func placesFindingsInCategoryAndKind(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.budapestFinding, in: crpsNote + text) == expected)
  }

  @Test func findingsOutsideACRPSCaseAreNotBudapestFindings() {
    let note = "PHYSICAL EXAM:\nWeakness of the left EHL. Mild swelling of the knee."
    #expect(Fixtures.summaries(.budapestFinding, in: note).isEmpty)
  }

  @Test(arguments: [
    ("She meets Budapest criteria for CRPS.", ["type - budapest true"]),
    ("Diagnosis: complex regional pain syndrome type II of the right hand.", ["type 2 budapest -"]),
    ("CRPS-1 of the left foot (G90.522).", ["type 1 budapest -"]),
    ("Causalgia of the right upper limb.", ["type 2 budapest -"]),
  ])
  func readsCRPSTypeAndBudapestStatement(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.crpsDiagnosis, in: text) == expected)
  }

  @Test func budapestStatementIsNotAFinding() {
    let note = "ASSESSMENT:\nShe meets Budapest criteria for CRPS."
    #expect(Fixtures.summaries(.budapestFinding, in: note).isEmpty)
  }
}

@Suite struct PainPatternTests {
  @Test(arguments: [
    ("Low back pain radiates down the left leg to the calf.", ["mixed"]),
    ("Right leg pain radiates to the calf.", ["radicular"]),
    ("Pain radiates to the L calf.", ["radicular"]),
    ("She has sciatica on the right.", ["radicular"]),
    ("Burning pain in an L5 dermatomal distribution.", ["radicular"]),
    ("Axial low back pain without radiation.", ["axial"]),
    ("Low back pain, no radiation.", ["axial"]),
    ("She denies radicular symptoms.", ["axial"]),
    ("Mixed axial and radicular pain.", ["mixed"]),
    ("Predominantly axial low back pain. It also radiates into the right leg.", ["mixed"]),
  ])
  func readsOnePatternPerCase(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.painPattern, in: text) == expected)
  }

  @Test(arguments: [
    ("HPI:\nWithout the stimulator her back and leg pain has returned.", ["mixed"]),
    ("HPI:\nL-sided neck pain x 14 mo, no arm sx.", ["axial"]),
    ("HPI:\nBilat axial LBP x 3 yrs.", ["axial"]),
    ("HPI:\nChronic low back pain from facet arthropathy.", []),
    (
      "HPI:\nHer current episode started in October, without a clear injury, with neck aching and"
        + " then pain running from the back of the left shoulder over the triceps and into the"
        + " middle finger.", ["mixed"]
    ),
    (
      "HPI:\nThe fusion is solid on imaging, but the low back pain and the pain that shoots down"
        + " the outside of his left leg into the top of the foot never settled after the"
        + " operation.", ["mixed"]
    ),
  ])
  func readsPatternsAsNotesWriteThem(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.painPattern, in: text) == expected)
  }

  @Test func axialImagingPlaneIsNotAPattern() {
    #expect(Fixtures.summaries(.painPattern, in: "Axial T2 images were reviewed.").isEmpty)
  }
}

@Suite struct PainDurationTests {
  @Test(arguments: [
    ("Low back pain for 5 months.", ["5"]),
    ("Neck pain x 1 yr.", ["12"]),
    ("Back pain for 6 weeks.", ["1.4"]),
    ("She has had pain for the past 2 years.", ["24"]),
    ("A 9-month history of buttock pain.", ["9"]),
    ("Her symptoms began 3 months ago.", ["3"]),
    ("Low back pain since March 2025.", ["12.4"]),
    ("Low back pain for 8 months despite PT for 6 weeks.", ["8"]),
  ])
  func readsTheComplaintsDurationInMonths(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.painDuration, in: text) == expected)
  }

  @Test(arguments: [
    ("It began after a fall on ice in July 2025, so roughly 8 months now.", ["8"]),
    ("60 yo F with 14 months of right buttock and leg pain.", ["14"]),
    ("Chronic low back pain since a work injury in 2021.", ["56.4"]),
    ("Duration of symptoms: 6 months.", ["6"]),
  ])
  func readsDurationsAsNotesSummariseThem(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.painDuration, in: text) == expected)
  }

  @Test func reportingWindowIsNotPainDuration() {
    #expect(
      Fixtures.summaries(.painDuration, in: "Average pain over the past two weeks is 7/10.").isEmpty
    )
  }

  @Test func therapyDurationIsNotPainDuration() {
    #expect(Fixtures.summaries(.painDuration, in: "She did PT for 6 weeks.").isEmpty)
  }
}

@Suite struct FunctionalDisabilityTests {
  @Test(arguments: [
    ("ODI 42%.", ["present odi 42"]),
    ("Oswestry Disability Index: 38 percent.", ["present odi 38"]),
    ("NDI 24/50.", ["present ndi 24"]),
    ("PROMIS physical function T-score 36.", ["present promis 36"]),
    ("She cannot sit for more than 20 minutes.", ["present narrative"]),
    ("Unable to work since the injury.", ["present narrative"]),
    ("Difficulty with ADLs and sleep disturbed by pain.", ["present narrative"]),
    ("She denies functional limitations.", ["absent narrative"]),
  ])
  func readsInstrumentsAndNarrativeLimits(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.functionalDisability, in: text) == expected)
  }

  @Test func severalNarrativeLimitsAreOneFact() {
    let note = "She cannot stand more than 10 minutes. She is unable to work. Sleep is disturbed."
    #expect(Fixtures.summaries(.functionalDisability, in: note) == ["present narrative"])
  }
}

@Suite struct ExaminationTableTests {
  @Test func sideColumnsGiveOneResultPerSide() {
    let note = """
      PHYSICAL EXAM:
      | Test | Right | Left |
      | FABER | + | - |
      | Thigh thrust | Positive | Negative |
      """
    #expect(
      Fixtures.summaries(.provocationTest, in: note) == [
        "faber negative left", "faber positive right", "thighThrust negative left",
        "thighThrust positive right",
      ])
  }

  @Test func aNoteInBracketsBesideAResultKeepsTheRow() {
    let note = """
      | SIJ provocation | Left | Right |
      | FABER | positive (posterior pelvic pain) | negative |
      """
    #expect(
      Fixtures.summaries(.provocationTest, in: note) == [
        "faber negative right", "faber positive left",
      ])
  }

  @Test(arguments: [
    ("Distraction positive.", ["distraction positive"]),
    ("FABER: R +, L -.", ["faber negative left", "faber positive right"]),
    (
      "Gaenslen right positive, left negative.",
      ["gaenslen negative left", "gaenslen positive right"]
    ),
    (
      "SLR positive on the right at 50 degrees; negative left.",
      ["straightLegRaise negative left", "straightLegRaise positive right"]
    ),
    (
      "Pain with extension-rotation (facet loading) on both sides.",
      ["facetLoading positive bilateral"]
    ),
    ("SLR positive on the right with crossed SLR negative.", ["straightLegRaise positive right"]),
  ])
  func readsTerseAndContinuedResults(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.provocationTest, in: text) == expected)
  }
}
