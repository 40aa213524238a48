import Language
import Testing

@Suite struct AssertionTests {
  /// The assertion of `target` in `text`.
  private func assertion(_ target: String, in text: String) -> Assertion {
    let doc = Fixtures.annotate(text)
    guard let range = doc.range(of: target) else {
      Issue.record("'\(target)' not in '\(text)'")
      return Assertion(triggers: [])
    }
    return doc.assertion(for: range)
  }

  @Test(arguments: [
    ("fever", "She denies fever."),
    ("fever", "No fever or chills."),
    ("chills", "Negative for fever, chills, or night sweats."),
    ("weakness", "Strength intact without weakness."),
    ("infection", "She is free of infection."),
    ("fracture", "Fracture was ruled out."),
    ("fracture", "X-rays ruled out fracture."),
    ("SLR", "SLR was negative bilaterally."),
    ("Fever", "Fever: none"),
    ("Numbness", "Numbness: denies"),
    ("Saddle anesthesia", "Saddle anesthesia: no"),
    ("FABER", "FABER (-) on the left."),
    ("anticoagulants", "Not on anticoagulants."),
    ("surgical candidate", "Failed PT, not a surgical candidate, psychology clearance."),
    ("chills", "He does not have fever, chills or night sweats."),
  ])
  func negationTriggersBeforeAndAfterNegate(target: String, text: String) {
    let result = assertion(target, in: text)
    #expect(result.isNegated)
    #expect(result.triggers.first { $0.kind == .negated } != nil)
  }

  @Test(arguments: [
    ("radicular pain", "No change in radicular pain."),
    ("axial pain", "Not only axial pain but also leg pain."),
    ("PT", "No improvement with PT."),
    ("pain", "No increase in pain since the injection."),
  ])
  func pseudoNegationsDoNotNegate(target: String, text: String) {
    #expect(!assertion(target, in: text).isNegated)
  }

  @Test(arguments: [
    ("leg pain", "Denies fever but reports leg pain."),
    ("numbness", "No fever; numbness in the left foot."),
    ("radiation", "No bowel changes, however radiation to the left leg."),
    ("SLR", "FABER (-), SLR positive."),
    ("SLR", "No fever, positive SLR on the left."),
    ("HEP", "PT 03/2026 - 05/2026 (12 visits, no lasting change), HEP ongoing."),
    ("HEP", "PT x 8 weeks (not helpful) and a HEP."),
    (
      "physical therapy",
      "If he is not better in a few weeks we would start him on physical therapy."
    ),
    ("meloxicam", "Physical therapy  no improvement  meloxicam"),
    ("MRI", "No disc herniation on MRI."),
    ("psychology clearance", "Failed PT, not a surgical candidate, psychology clearance."),
  ])
  func scopeEndsAtTerminatorsClausesParenthesesAndCells(target: String, text: String) {
    #expect(!assertion(target, in: text).isNegated)
  }

  @Test func notReachesOnlyAFewWords() {
    #expect(assertion("tender", in: "The SI joint is not tender.").isNegated)
    #expect(
      !assertion(
        "physical therapy",
        in: "She could not sit through the drive to her first session of physical therapy."
      ).isNegated)
  }

  @Test func negationInsideATableCellStaysInItsCell() {
    let row = "Gabapentin 300 mg  2023 - 2025  stopped, no benefit"
    #expect(!assertion("Gabapentin", in: row).isNegated)
  }

  @Test func templateAnswerNegatesOnlyItsLabel() {
    #expect(!assertion("leg pain", in: "She has leg pain and denies fever.").isNegated)
  }

  @Test func scopeEndsAtTheSentence() {
    #expect(!assertion("radicular", in: "She denies fever. Pain is radicular.").isNegated)
  }

  @Test(arguments: [
    ("radiculopathy", "Possible radiculopathy."),
    ("facet arthropathy", "Cannot rule out facet arthropathy."),
    ("radiculopathy", "L5 radiculopathy?"),
  ])
  func uncertaintyTriggersMarkUncertain(target: String, text: String) {
    #expect(assertion(target, in: text).isUncertain)
  }

  @Test(arguments: [
    ("PT", "If pain persists we will start PT."),
    ("RFA", "Will consider RFA."),
    ("weakness", "Should she develop weakness, call the office."),
    ("fever", "Return if fever develops."),
    (
      "surgical opinion",
      "Should the pain keep returning this quickly, a surgical opinion will be the next step."
    ),
    ("RFA", "Should it recur after the block, RFA would follow."),
  ])
  func hypotheticalTriggersMarkHypothetical(target: String, text: String) {
    #expect(assertion(target, in: text).isHypothetical)
  }

  @Test(arguments: [
    ("lumbar fusion", "History of lumbar fusion."),
    ("MRSA", "H/o MRSA."),
    ("ESI", "She previously had an ESI."),
    ("epidural injection", "DOS: 03/14/2026\nShe had an epidural injection in 2019."),
  ])
  func historicalTriggersMarkHistorical(target: String, text: String) {
    #expect(assertion(target, in: text).isHistorical)
  }

  @Test(arguments: [
    ("pain", "Pain was 8/10 prior to the injection."),
    ("low back pain", "History of Present Illness: low back pain for 6 months."),
    ("SI joint injection", "Prior authorization request for SI joint injection."),
  ])
  func historyWordsInsideIdiomsAreNotHistorical(target: String, text: String) {
    #expect(!assertion(target, in: text).isHistorical)
  }

  @Test func yearOfTheVisitIsNotHistorical() {
    let result = assertion("injection", in: "DOS: 03/14/2026\nShe had an injection in 2026.")
    #expect(!result.isHistorical)
  }

  @Test(arguments: [
    ("ankylosing spondylitis", "Mother has ankylosing spondylitis."),
    ("MRSA", "Her wife had MRSA."),
    ("rheumatoid arthritis", "Family history of rheumatoid arthritis."),
    ("lumbar fusion", "Sister had \"a pinched nerve\" and eventually a lumbar fusion."),
    (
      "spinal cord stimulator",
      "Her brother, after years of back pain, got a spinal cord stimulator."
    ),
  ])
  func experiencerTriggersMarkSomeoneElse(target: String, text: String) {
    #expect(assertion(target, in: text).isOtherPerson)
  }

  @Test(arguments: [
    ("lift", "Unable to lift her granddaughter, stopped volunteering."),
    ("back pain", "She lives alone; her husband died. She has back pain."),
    ("lumbar fusion", "Husband drives her to every visit and she had a lumbar fusion in 2019."),
    ("psoriasis", "Mother has lupus, and he himself has had plaque psoriasis for years."),
  ])
  func relativesAsObjectsDoNotMakeTheFindingTheirs(target: String, text: String) {
    #expect(!assertion(target, in: text).isOtherPerson)
  }

  @Test func findingInARelativeIsTheirs() {
    #expect(assertion("lupus", in: "Lupus in her mother.").isOtherPerson)
  }

  @Test func familyHistorySectionMarksSomeoneElse() {
    let result = assertion(
      "back pain", in: "HPI: low back pain.\nFamily History:\nLupus and diabetes.\nPlan: PT")
    #expect(!result.isOtherPerson)
    let inSection = assertion(
      "Lupus", in: "HPI: low back pain.\nFamily History:\nLupus and diabetes.\nPlan: PT")
    #expect(inSection.isOtherPerson)
    #expect(inSection.triggers.contains { $0.source == "section familyHistory" })
  }

  @Test func plainStatementIsAffirmed() {
    #expect(assertion("allodynia", in: "Allodynia over the left foot.").isAffirmed)
  }

  @Test func decisionRecordsItsTrigger() {
    let result = assertion("fever", in: "She denies fever.")
    let trigger = result.triggers.first
    #expect(trigger?.text == "denies")
    #expect(trigger?.direction == .forward)
    #expect(trigger?.source.hasPrefix("negation.txt:") == true)
  }
}
