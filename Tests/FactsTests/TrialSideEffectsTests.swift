import Facts
import Model
import Testing

/// A trial's side effects, read from its result and the sentence after it: those that could
/// not be tolerated allow a further trial and stand against a pump.
@Suite struct TrialSideEffectsTests {
  @Test(arguments: [
    (
      "Intrathecal morphine trial on 10/26/2026: pain dropped by about 60% for 18 hours, but"
        + " her respiratory rate fell to 7, requiring naloxone.",
      "intrathecalPump 60 days 1 intolerable true"
    ),
    (
      "The intrathecal trial gave 70% relief. It was stopped early because of severe nausea"
        + " and urinary retention.",
      "intrathecalPump 70 intolerable true"
    ),
    (
      "Intrathecal hydromorphone trial: 65% relief; she could not tolerate the sedation.",
      "intrathecalPump 65 intolerable true"
    ),
    (
      "Intrathecal trial gave 75% relief; side effects were well tolerated.",
      "intrathecalPump 75 intolerable false"
    ),
    (
      "Intrathecal trial gave 80% relief with mild pruritus only.",
      "intrathecalPump 80 intolerable false"
    ),
    ("Intrathecal trial gave 70% relief for 12 hours.", "intrathecalPump 70 days 1"),
  ])
  func readsWhetherSideEffectsWereTolerated(text: String, expected: String) {
    let trials = Fixtures.summaries(.deviceTrial, in: text)
    #expect(trials == [expected])
  }
}
