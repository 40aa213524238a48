import Testing

@testable import Matching

/// A contract value read aloud in a criterion's wording: each capital starts a new word,
/// lower-cased; values outside ASCII are read character by character the same way.
@Suite struct SpokenValueTests {
  @Test(
    "a camel-case value is spoken as lower-case words",
    arguments: [
      ("physicalTherapy", "physical therapy"), ("homeExerciseProgram", "home exercise program"),
      ("MRSA", "m r s a"), ("ct", "ct"), ("", ""), ("l4L5", "l4 l5"),
      ("régimeÉtendu", "régime étendu"),
      ("Über", "über"),
    ])
  func speaksAValue(rawValue: String, expected: String) {
    #expect(spoken(rawValue) == expected)
  }

  @Test(
    "a procedure code is compared without its add-on mark and letter case",
    arguments: [
      ("+64484", "64484"), ("0213t", "0213T"), ("++1", "+1"), ("64483", "64483"),
      ("G0260", "G0260"), ("+0213t", "0213T"), ("", ""), ("0213ｔ", "0213Ｔ"),
    ])
  func normalizesACode(text: String, expected: String) {
    #expect(ProcedureCode.normalized(text) == expected)
  }
}
