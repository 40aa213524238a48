import Model
import Testing

/// How notes write the facet-loading manoeuvre and per-side results, and what must not be
/// read as a result.
@Suite struct ProvocationPhrasingTests {
  @Test(arguments: [
    ("Ext/rot L reproduces pain.", ["facetLoading positive left"]),
    ("ext/rot + bilat.", ["facetLoading positive bilateral"]),
    ("Extension with right rotation reproduces his pain.", ["facetLoading positive right"]),
    ("ROM full but painful on extension/rotation R.", ["facetLoading positive right"]),
    ("Extension-rotation mildly uncomfortable bilaterally.", ["facetLoading positive bilateral"]),
    ("Compression +. Distraction +.", ["compression positive", "distraction positive"]),
    ("Facet loading: pain reproduced bilaterally.", ["facetLoading positive bilateral"]),
  ])
  func readsFacetLoadingAndTerseResults(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.provocationTest, in: text) == expected)
  }

  @Test(arguments: [
    (
      "SLR positive on the right at 50 degrees, negative left.",
      ["straightLegRaise negative left", "straightLegRaise positive right"]
    ),
    (
      "Spurling positive on the left, negative on the right.",
      ["spurling negative right", "spurling positive left"]
    ),
    (
      "SLR + right at 40 deg, - left.",
      ["straightLegRaise negative left", "straightLegRaise positive right"]
    ),
  ])
  func readsOneResultPerSideWhenTheResultComesFirst(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.provocationTest, in: text) == expected)
  }

  @Test func sideColumnsMayCarryTheAngle() {
    let note = "EXAM\nTest  Left  Right\nStraight leg raise  positive 40 deg  negative\n"
    #expect(
      Fixtures.summaries(.provocationTest, in: note) == [
        "straightLegRaise negative right", "straightLegRaise positive left",
      ])
  }

  @Test(arguments: [
    (
      "Straight leg raise is negative on both sides; femoral stretch is uncomfortable on the right.",
      ["straightLegRaise negative bilateral"]
    ),
    ("SLR positive on the right at 50 degrees.", ["straightLegRaise positive right"]),
    ("Lumbar extension is limited.", []),
  ])
  func doesNotCarryAResultIntoAnotherManoeuvre(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.provocationTest, in: text) == expected)
  }
}

/// The side a result belongs to, however the examination writes it.
@Suite struct ProvocationSideTests {
  @Test(arguments: [
    (
      "Left FABER positive, left Gaenslen positive, thigh thrust positive.",
      ["faber positive left", "gaenslen positive left", "thighThrust positive"]
    ),
    (
      "O: L FABER +, L thigh thrust +, L Gaenslen +.",
      ["faber positive left", "gaenslen positive left", "thighThrust positive left"]
    ),
    (
      "Right: thigh thrust positive, compression positive; Gaenslen negative.",
      ["compression positive right", "gaenslen negative", "thighThrust positive right"]
    ),
    (
      "SLR negative bilaterally, FABER positive.",
      ["faber positive", "straightLegRaise negative bilateral"]
    ),
  ])
  func givesEachTestItsOwnSide(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.provocationTest, in: text) == expected)
  }

  @Test func aRowWithTheSameResultOnBothSidesIsBilateral() {
    let note = "EXAM\nTest  Right  Left\nSLR  negative  negative\n"
    #expect(
      Fixtures.summaries(.provocationTest, in: note) == ["straightLegRaise negative bilateral"])
  }

  @Test(arguments: [
    "EXAM\nSI provocation, left side:\nTest  Result\nDistraction  Positive\nGaenslen  Negative\n",
    "EXAM\nTest  Left\nDistraction  (+)\nGaenslen  (-)\n",
  ])
  func aOneSideTableGivesItsRowsThatSide(note: String) {
    #expect(
      Fixtures.summaries(.provocationTest, in: note) == [
        "distraction positive left", "gaenslen negative left",
      ])
  }
}
