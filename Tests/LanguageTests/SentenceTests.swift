import Testing

@Suite struct SentenceTests {
  @Test(arguments: [
    ("Seen by Dr. Smith today. Pain is better.", ["Seen by Dr. Smith today.", "Pain is better."]),
    ("The pt. reports pain. She walks daily.", ["The pt. reports pain.", "She walks daily."]),
    (
      "Meloxicam 15 mg b.i.d. She reports relief.",
      ["Meloxicam 15 mg b.i.d.", "She reports relief."]
    ),
    (
      "Naproxen 500 mg q.d. with food. No GI upset.",
      ["Naproxen 500 mg q.d. with food.", "No GI upset."]
    ),
    ("Disc bulge at L4-5. No stenosis.", ["Disc bulge at L4-5.", "No stenosis."]),
    ("Facet vs. SI joint pain. Plan below.", ["Facet vs. SI joint pain.", "Plan below."]),
    (
      "Conservative care, e.g. PT and NSAIDs, failed. Next step.",
      ["Conservative care, e.g. PT and NSAIDs, failed.", "Next step."]
    ),
  ])
  func abbreviationPeriodsDoNotEndSentencesButRealEndsDo(text: String, expected: [String]) {
    #expect(Fixtures.annotate(text).sentenceTexts == expected)
  }

  @Test func templateLinesWithoutPeriodsAreSentences() {
    let doc = Fixtures.annotate(
      """
      Pain: 7/10
      Location: low back
      Radiation: left leg
      """)
    #expect(doc.sentenceTexts == ["Pain: 7/10", "Location: low back", "Radiation: left leg"])
  }

  @Test func bulletItemsAreSentences() {
    let doc = Fixtures.annotate(
      """
      Treatments tried:
      - physical therapy for 6 weeks
      - meloxicam
      • home exercise program
      1. lumbar ESI
      """)
    #expect(
      doc.sentenceTexts == [
        "Treatments tried:", "- physical therapy for 6 weeks", "- meloxicam",
        "• home exercise program", "1. lumbar ESI",
      ])
  }

  @Test func wrappedProseLinesJoinIntoOneSentence() {
    let doc = Fixtures.annotate(
      """
      The patient is a 54 year old woman who reports low back pain that radiates into the
      left buttock and posterior thigh, worse with prolonged sitting and standing for more
      than twenty minutes. She has tried physical therapy.
      """)
    #expect(doc.sentences.count == 2)
  }

  @Test func capitalisedHeadingIsItsOwnSentence() {
    let doc = Fixtures.annotate(
      """
      PHYSICAL EXAMINATION
      Gait is antalgic. Tenderness over the left SI joint
      ASSESSMENT
      Sacroiliitis
      """)
    #expect(
      doc.sentenceTexts == [
        "PHYSICAL EXAMINATION", "Gait is antalgic.", "Tenderness over the left SI joint",
        "ASSESSMENT", "Sacroiliitis",
      ])
  }
}
