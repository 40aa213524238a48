import Model
import Testing

/// Budapest findings in the patient's own words and in terse exam shorthand.
@Suite struct BudapestPhrasingTests {
  private let crpsNote = "ASSESSMENT:\nCRPS type I of the left foot.\n"

  @Test(arguments: [
    ("HPI:\nHer toes feel stiff and weak.", ["motorTrophic symptom true"]),
    ("HPI:\nHe has noticed the toenails are brittle.", ["motorTrophic symptom true"]),
    ("HPI:\nPt states she can't stand anything touching it.", ["sensory symptom true"]),
    ("HPI:\nShe can't bear the bedsheet on her foot.", ["sensory symptom true"]),
    ("HPI:\nHe describes severe sensitivity to touch and cold water.", ["sensory symptom true"]),
    ("HPI:\nHe specifically denies any color or temperature change.", ["vasomotor symptom false"]),
    (
      "HPI:\nBudapest met - allodynia, temp asym.",
      ["sensory symptom true", "vasomotor symptom true"]
    ),
    (
      "PHYSICAL EXAM:\nMild edema and reduced toe flexion.",
      ["motorTrophic sign true", "sudomotorEdema sign true"]
    ),
    ("PHYSICAL EXAM:\nToenails dull, slowed growth R.", ["motorTrophic sign true"]),
  ])
  func readsFindingsAsPatientsAndExamsWriteThem(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.budapestFinding, in: crpsNote + text) == expected)
  }

  @Test func bearingWeightIsNotAllodynia() {
    let note = crpsNote + "HPI:\nShe can't bear weight on the foot."
    #expect(!Fixtures.summaries(.budapestFinding, in: note).contains("sensory symptom true"))
  }

  @Test func stiffnessOutsideACRPSCaseIsNotAFinding() {
    let note = "HPI:\nHer back feels stiff in the morning and her legs feel weak."
    #expect(Fixtures.summaries(.budapestFinding, in: note).isEmpty)
  }
}
