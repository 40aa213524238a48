import Model
import Testing

@Suite struct TherapyTests {
  @Test(arguments: [
    (
      "She completed 12 sessions of physical therapy from 11/01/2025 to 12/15/2025 without improvement.",
      ["physicalTherapy completed failed"]
    ),
    ("She is currently in PT twice a week.", ["physicalTherapy ongoing"]),
    ("Plan: start PT 2x/week for 6 weeks.", ["physicalTherapy planned"]),
    ("She was unable to tolerate physical therapy due to severe pain.", ["physicalTherapy unable"]),
    ("She did not attend PT.", ["physicalTherapy discontinued"]),
    (
      "She could not attend physical therapy because of transportation.",
      ["physicalTherapy discontinued"]
    ),
    ("Chiropractic care for 8 weeks helped somewhat.", ["chiropractic completed improved"]),
    ("She tried acupuncture last year with no benefit.", ["acupuncture completed failed"]),
    ("She uses a TENS unit daily.", ["device ongoing"]),
    ("Pain worsened with chiropractic manipulation.", ["chiropractic worsened"]),
    ("She completed physical therapy from May 4 to June 29, 2026.", ["physicalTherapy completed"]),
    (
      "She completed 6 weeks of PT and declined further sessions.",
      ["physicalTherapy completed"]
    ),

  ])
  func readsModalityStatusAndOutcome(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.therapy, in: text) == expected)
  }

  @Test(
    arguments: [
      ("She was referred to PT in 03/2025 but never attended (copay).", false),
      ("She did not attend PT.", false),
      ("She could not attend physical therapy because of transportation.", false),
      ("Referred to physical therapy last fall; she never went.", false),
      ("Physical therapy: no-showed for the evaluation.", false),
      ("She did not attend the last two physical therapy visits.", nil),
      ("PT did not go well; she stopped after a few visits.", nil),
      ("She attended 8 sessions of PT and then never went back.", nil),
      ("She stopped PT in March.", nil),
      ("Tried a chiropractor once in 2024, did not go back.", nil),
      ("She was referred to physical therapy twice and did not go either time.", false),
      ("She did not attend PT after the first two visits.", nil),
    ] as [(String, Bool?)])
  func marksATherapyReferredButNeverAttended(text: String, attended: Bool?) throws {
    let found = try #require(Fixtures.facts(.therapy, in: text).first)
    guard case .therapy(let therapy) = found else {
      Issue.record("not a therapy: \(found)")
      return
    }
    #expect(therapy.status == .discontinued)
    #expect(therapy.attended == attended)
  }

  /// Exercise a patient does on their own, however it is named, is a home program.
  @Test(arguments: [
    "- stretching + core routine from YouTube, daily since Dec",
    "She follows core exercises from online exercise videos every morning.",
    "He does stretching exercises at home most days.",
  ])
  func readsSelfDirectedExerciseAsAHomeProgram(text: String) {
    #expect(Fixtures.summaries(.therapy, in: text).contains { $0.hasPrefix("homeExercise") })
  }

  @Test func aHomeProgramALineOpensWithDoingIsUnderWay() {
    let text = "Doing HEP (issued 08/03) about 5 days a week: pelvic tilts, supine marching."
    #expect(Fixtures.summaries(.therapy, in: text) == ["homeExercise ongoing"])
  }

  @Test func aTherapyDeniedBesideAHomeProgramDidNotPrescribeIt() throws {
    let text = "- stretching + core routine from YouTube, daily since Dec; no PT, no chiro"
    let program = try #require(
      Fixtures.facts(.therapy, in: text).first {
        if case .therapy(let therapy) = $0 { return therapy.modality == .homeExercise }
        return false
      })
    guard case .therapy(let therapy) = program else { return }
    #expect(therapy.prescribedBy == nil)
  }

  @Test(arguments: [
    "CLINICAL NOTES ATTACHED consult 09/21/2026, PT progress note 09/17/2026",
    "Chiropractic records from 2025 are attached.",
    "Physical therapy evaluation report enclosed.",
  ])
  func readsNoCourseFromTheNameOfADocument(text: String) {
    #expect(Fixtures.summaries(.therapy, in: text).isEmpty)
  }

  @Test(arguments: [
    "If pain persists we will start PT.",
    "Pt reports her pain is worse.",
    "Her mother did physical therapy.",
    "He was referred to physical therapy in May but declined because of the copay.",
    "PT was offered and she refused.",
  ])
  func listsNoTherapyForConditionalPlansOrOthers(text: String) {
    #expect(Fixtures.summaries(.therapy, in: text).isEmpty)
  }

  @Test func readsDatesWeeksAndSessions() throws {
    let text = "She completed 12 visits of physical therapy from 11/03/2025 to 12/15/2025."
    let therapy = try #require(Fixtures.facts(.therapy, in: text).first)
    guard case .therapy(let detail) = therapy else { return }
    #expect(detail.start == ClinicalDate(year: 2025, month: 11, day: 3))
    #expect(detail.end == ClinicalDate(year: 2025, month: 12, day: 15))
    #expect(detail.weeks == 6)
    #expect(detail.sessions == 12)
  }

  /// The guideline counts only a medical reason as an inability to do a treatment: lifts,
  /// money, work and closed offices make a stopped course, not an impossible one.
  @Test(arguments: [
    (
      "Four sessions of aquatic therapy, then stopped because his daughter could no longer"
        + " drive him and the bus trip was too long.", TherapyStatus.discontinued
    ),
    ("She had to stop PT because the clinic closed.", .discontinued),
    ("He stopped physical therapy after 3 visits due to the commute.", .discontinued),
    ("Could not continue chiropractic care because she could not pay for it.", .discontinued),
    ("She quit PT after two weeks because of her work shifts.", .discontinued),
    ("Unable to continue physical therapy because of a new lumbar fracture.", .unable),
    ("She had to stop PT due to uncontrolled angina.", .unable),
  ])
  func readsOnlyAMedicalReasonAsAnInability(text: String, status: TherapyStatus) throws {
    let found = try #require(Fixtures.facts(.therapy, in: text).first)
    guard case .therapy(let therapy) = found else {
      Issue.record("not a therapy: \(found)")
      return
    }
    #expect(therapy.status == status)
  }

  @Test func unableKeepsItsMedicalReason() throws {
    let text = "She was unable to tolerate physical therapy due to severe pain."
    guard case .therapy(let detail) = try #require(Fixtures.facts(.therapy, in: text).first)
    else { return }
    #expect(detail.unableReason == "severe pain")
  }

  @Test(arguments: [
    (
      "She performs the home exercise program prescribed by her physical therapist daily.",
      Prescriber.physicalTherapist, true
    ),
    (
      "She was instructed in a home exercise program by Dr. Lee and reports doing it daily.",
      .physician, true
    ),
  ])
  func homeExerciseRecordsPrescriberAndFollowUp(
    text: String, prescriber: Prescriber, followUp: Bool
  ) throws {
    guard case .therapy(let detail) = try #require(Fixtures.facts(.therapy, in: text).first)
    else { return }
    #expect(detail.modality == .homeExercise)
    #expect(detail.prescribedBy == prescriber)
    #expect(detail.followUpDocumented == followUp)
  }

  @Test func dischargeSummaryGivesTheCourse() throws {
    let note = """
      PHYSICAL THERAPY DISCHARGE SUMMARY
      Start of care: 01/05/2026
      Discharge date: 02/16/2026
      Total visits: 12
      Assessment: Patient has plateaued; goals not met.
      """
    let therapy = Fixtures.facts(.therapy, in: note)
    guard case .therapy(let detail) = try #require(therapy.first) else { return }
    #expect(therapy.count == 1)
    #expect(detail.modality == .physicalTherapy)
    #expect(detail.start == ClinicalDate(year: 2026, month: 1, day: 5))
    #expect(detail.end == ClinicalDate(year: 2026, month: 2, day: 16))
    #expect(detail.sessions == 12)
    #expect(detail.weeks == 6)
    #expect(detail.status == .completed)
    #expect(detail.outcome == .failed)
  }
}

@Suite struct MedicationTests {
  @Test(arguments: [
    (
      "MEDICATIONS:\nMobic 15 mg daily\nNeurontin 300 mg TID\nFlexeril 10 mg qhs\nNorco 5/325 prn",
      [
        "medication cyclobenzaprine ongoing", "medication gabapentin ongoing",
        "medication hydrocodone ongoing", "medication meloxicam ongoing",
      ]
    ),
    (
      "She tried ibuprofen and naproxen without relief.",
      ["medication ibuprofen discontinued failed", "medication naproxen discontinued failed"]
    ),
    ("Gabapentin was discontinued due to sedation.", ["medication gabapentin discontinued failed"]),
  ])
  func readsGenericNamesFromBrandsWithStatus(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.therapy, in: text) == expected)
  }

  @Test(arguments: [
    "80 mg of methylprednisolone and 2 mL of lidocaine were injected.",
    "ALLERGIES:\nIbuprofen (GI upset)",
    "Her husband takes gabapentin.",
  ])
  func injectatesAllergiesAndOthersAreNotTreatments(text: String) {
    #expect(Fixtures.summaries(.therapy, in: text).isEmpty)
  }

  @Test func drugClassAloneIsNotAMedicationFact() {
    #expect(Fixtures.summaries(.therapy, in: "She failed NSAIDs.").isEmpty)
    #expect(
      Fixtures.summaries(.therapy, in: "She failed NSAIDs including naproxen.")
        == ["medication naproxen discontinued failed"])
  }

  @Test func aDenialDoesNotReachPastANewClause() {
    let text = "He completed PT without improvement and continues the therapist's home program."
    let modalities = Fixtures.facts(.therapy, in: text).compactMap { detail -> TherapyModality? in
      if case .therapy(let therapy) = detail { return therapy.modality }
      return nil
    }
    #expect(Set(modalities) == [.physicalTherapy, .homeExercise])
  }

  @Test func denialReachesEveryTreatmentOfItsList() {
    let text = "He has not had physical therapy, chiropractic care or injections for this."
    #expect(Fixtures.summaries(.therapy, in: text).isEmpty)
  }

}

@Suite struct OpioidUseTests {
  @Test(arguments: [
    ("MEDICATIONS:\nOxycodone 5 mg q6h prn", ["current"]),
    ("She previously took tramadol but stopped.", ["past"]),
    ("She is opioid naive.", ["naive"]),
    ("She has never taken opioids.", ["naive"]),
    ("Not on opioids.", []),
  ])
  func readsOpioidStatus(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.opioidUse, in: text) == expected)
  }
}
