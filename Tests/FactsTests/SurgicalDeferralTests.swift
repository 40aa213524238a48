import Facts
import Model
import Testing

/// Surgery the patient puts off or turns down is not planned surgery; a plan stands beside
/// other things the patient declines.
@Suite struct SurgicalDeferralTests {
  @Test(arguments: [
    (
      "She is a reasonable candidate for an L4-5 decompression, but she would rather keep"
        + " putting surgery off while the injections help.", [String]()
    ),
    ("He declined the recommended fusion.", []),
    ("Candidate for decompression, but he is not ready for surgery this year.", []),
    ("She was offered a laminectomy and prefers to wait.", []),
    (
      "She is scheduled for L4-5 fusion on 04/02/2026; she declined further injections.",
      ["surgeryPlanned"]
    ),
    ("He is a candidate for an L5-S1 fusion and wants to proceed.", ["surgeryPlanned"]),
  ])
  func readsSurgeryPutOffAsNotPlanned(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.surgicalPlan, in: text) == expected)
  }
}
