import Model
import Testing

/// Screens and evaluations before an implant, as notes and lab reports write them.
@Suite struct ImplantScreeningTests {
  @Test(arguments: [
    ("Nasal MRSA/MSSA screen, PCR\n| MSSA | NOT DETECTED |", ["mssa negative"]),
    ("Nares PCR screen\nS. aureus (methicillin-susceptible): DETECTED", ["mssa positive"]),
    ("MRSA nares screen: not detected.", ["mrsa negative"]),
  ])
  func readsLabReportRows(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.staphScreen, in: text) == expected)
  }

  @Test(arguments: [
    (
      "Decolonization has not yet been ordered; we will address it closer to surgery.",
      ["not planned"]
    ),
    (
      "Mupirocin to the nares and chlorhexidine washes start 05/01/2026.",
      ["planned 2026-05-01 mupirocin+chlorhexidine"]
    ),
  ])
  func readsWhetherDecolonizationIsPlanned(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.decolonization, in: text) == expected)
  }

  @Test(arguments: [
    ("Psychology referral for pre-implant evaluation placed.", [String]()),
    ("Psych eval: not done / not referred yet.", ["not completed"]),
    (
      "PSYCHOLOGY:\nShe has been referred to Dr. Ruth Abernathy for the presurgical psychological evaluation. No report yet.",
      ["not completed"]
    ),
  ])
  func aReferralAloneSaysNothingOfTheEvaluation(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.psychEvaluation, in: text) == expected)
  }
}
