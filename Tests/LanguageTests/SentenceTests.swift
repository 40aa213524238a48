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

  @Test func proseInANarrowColumnWrapsAtTheColumnWidth() {
    let doc = Fixtures.annotate(
      """
      The patient reports low back pain radiating to
      the left calf for five months. Average pain is
      seven out of ten and worst pain is nine out of
      ten. Plan: left L4-5 transforaminal epidural
      steroid injection at the left L4-5 level, CPT
      64483.
      """)
    #expect(
      doc.sentenceTexts == [
        "The patient reports low back pain radiating to the left calf for five months.",
        "Average pain is seven out of ten and worst pain is nine out of ten.",
        "Plan: left L4-5 transforaminal epidural steroid injection at the left L4-5 level, "
          + "CPT 64483.",
      ])
  }

  @Test func inlineHeadingLineWrapsLikeProse() {
    let doc = Fixtures.annotate(
      """
      PAST MEDICAL HISTORY: Hypertension. Lumbar microdiscectomy at L5-S1 in June 2015 with a
      good result. No cervical surgery.
      HISTORY: Mr. Okonkwo is a 56-year-old right-handed electrician referred by urgent care. About three
      weeks ago he woke with a stiff neck.
      """)
    #expect(
      doc.sentenceTexts == [
        "PAST MEDICAL HISTORY: Hypertension.",
        "Lumbar microdiscectomy at L5-S1 in June 2015 with a good result.",
        "No cervical surgery.",
        "HISTORY: Mr. Okonkwo is a 56-year-old right-handed electrician referred by urgent care.",
        "About three weeks ago he woke with a stiff neck.",
      ])
  }

  @Test func numberedListItemKeepsItsNumber() {
    let doc = Fixtures.annotate("ASSESSMENT\n1. Lumbar stenosis (M48.062)\n2. Obesity")
    #expect(doc.sentenceTexts == ["ASSESSMENT", "1. Lumbar stenosis (M48.062)", "2. Obesity"])
  }

  @Test func initialsDoNotEndSentences() {
    let doc = Fixtures.annotate("Referred by A. Lindqvist, DO. She has pain.")
    #expect(doc.sentenceTexts == ["Referred by A. Lindqvist, DO.", "She has pain."])
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
