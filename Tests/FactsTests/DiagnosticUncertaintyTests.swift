import Facts
import Model
import Testing

/// Why the level of the pain is in question: a pain generator the note calls unknown, or
/// disease at several levels.
@Suite struct DiagnosticUncertaintyTests {
  @Test(arguments: [
    ("Uncertain whether L5 or S1 root is the main generator.", ["painGenerator"]),
    ("It is unclear which level is the pain generator.", ["painGenerator"]),
    ("The pain generator remains unclear after the first block.", ["painGenerator"]),
    ("Selective block to sort out the pain generator before surgery.", ["painGenerator"]),
    ("Unclear whether the L4-5 or L5-S1 facets are responsible.", ["painGenerator"]),
    ("MRI: multilevel facet arthropathy, worst at L4-5.", ["multilevelPathology"]),
    ("Multi-level degenerative disc disease from L2 to S1.", ["multilevelPathology"]),
    ("Degenerative changes at multiple levels.", ["multilevelPathology"]),
    ("Mild multilevel spondylosis.", ["multilevelPathology"]),
    (
      "The pain generator is uncertain after the negative L4-5 block.", ["painGenerator"]
    ),
  ])
  func readsWhyTheLevelIsInQuestion(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.diagnosticUncertainty, in: text) == expected)
  }

  @Test(arguments: [
    "The block confirmed the L4-5 facets as the pain generator.",
    "The pain generator is clear: the right SI joint.",
    "There is no question about the pain generator: the L5-S1 facet.",
    "No multilevel disease on MRI.",
    "Prior injections at multiple levels gave no relief.",
    "Planned medial branch blocks at L4-5 and L5-S1.",
    "Multilevel fusion in 2019.",
  ])
  func doesNotReadLookAlikes(text: String) {
    #expect(Fixtures.summaries(.diagnosticUncertainty, in: text) == [])
  }
}
