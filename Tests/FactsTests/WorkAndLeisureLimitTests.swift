import Facts
import Model
import Testing

/// Limits in words on work, leisure and sleep: leaving work early, a league or class given
/// up, being woken by the pain; activities merely mentioned are no limit.
@Suite struct WorkAndLeisureLimitTests {
  @Test(arguments: [
    "Average pain 7/10; she has had to leave work early twice a week.",
    "He leaves work early on most days because of his back.",
    "He has given up his weekend soccer league.",
    "She quit her choir because she cannot stand through rehearsals.",
    "She is woken most nights by the pain.",
    "He is woken by pain two or three times a night.",
  ])
  func readsALimitInWords(text: String) {
    #expect(Fixtures.summaries(.functionalDisability, in: text) == ["present narrative"])
  }

  @Test(arguments: [
    "She plays in a weekend soccer league.",
    "He left work at 5 pm and drove to the clinic.",
    "She has woken up feeling rested since the injection; no functional limitations.",
  ])
  func doesNotReadActivitiesAsLimits(text: String) {
    #expect(!Fixtures.summaries(.functionalDisability, in: text).contains("present narrative"))
  }
}
