import Testing

/// Spans written in more than one shape at once, which the duration rule reads as the
/// alternation of its shapes does: the earliest, and the first shape there.
@Suite struct PainDurationOverlappingSpanTests {
  @Test(arguments: [
    // "for 2 years" and "2 years of … pain" overlap: the one that starts first is read.
    ("Back pain for 2 years of constant aching pain.", ["24"]),
    // A lead span, then a history later in the sentence.
    ("Pain x 6 months; a 2-year history of back pain.", ["6"]),
    ("A 9-month history of buttock pain, worse for the last 2 weeks.", ["9"]),
  ])
  func readsTheFirstSpanOfOverlappingShapes(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.painDuration, in: text) == expected)
  }
}
