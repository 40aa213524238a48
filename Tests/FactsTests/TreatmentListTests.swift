import Model
import Testing

/// A sentence listing several treatments gives each its own status and outcome, and
/// shares the words the list shares.
@Suite struct TreatmentListTests {
  @Test(arguments: [
    (
      "She completed physical therapy from May 4 to June 29, 2026 and takes celecoxib 200 mg daily.",
      ["physicalTherapy completed", "medication celecoxib ongoing"]
    ),
    (
      "Tried: PT 03/2026 - 05/2026 (12 visits, no lasting change), gabapentin stopped for dizziness.",
      ["physicalTherapy completed failed", "medication gabapentin discontinued"]
    ),
    (
      "He completed 8 weeks of physical therapy without meaningful improvement and continues the home exercise program.",
      ["physicalTherapy completed failed", "homeExercise ongoing"]
    ),
    (
      "Gabapentin titrated to 900 mg TID (no benefit, stopped 12/2025), amitriptyline 25 mg qhs (ongoing, minimal help).",
      ["medication gabapentin discontinued failed", "medication amitriptyline ongoing failed"]
    ),
    (
      "Pregabalin 150 mg BID, duloxetine 60 mg daily - none lasting.",
      ["medication pregabalin ongoing failed", "medication duloxetine ongoing failed"]
    ),
    (
      "Medications since 01/2026: gabapentin 300 mg TID (dizzy), meloxicam 15 mg daily; no clear benefit.",
      ["medication gabapentin ongoing failed", "medication meloxicam ongoing failed"]
    ),
    (
      "Physical therapy and chiropractic care both failed.",
      ["physicalTherapy completed failed", "chiropractic completed failed"]
    ),
    (
      "She tried meloxicam and gabapentin without benefit.",
      ["medication meloxicam discontinued failed", "medication gabapentin discontinued failed"]
    ),
    (
      "His pain remains 8/10 on oxycodone 15 mg four times daily plus gabapentin 800 mg TID.",
      ["medication oxycodone ongoing failed", "medication gabapentin ongoing failed"]
    ),
  ])
  func eachTreatmentOfAListKeepsItsOwnCourse(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.therapy, in: text).sorted() == expected.sorted())
  }

  @Test(arguments: [
    ("Failed nortriptyline.", "discontinued"),
    ("He tried nortriptyline in the past without benefit.", "discontinued"),
    ("Duloxetine 60 mg 2024 - 2025, nausea.", "discontinued"),
    ("She takes duloxetine 60 mg daily.", "ongoing"),
    ("Duloxetine 60 mg 2024 - present, no benefit.", "ongoing"),
    ("She completed a prednisone taper.", "completed"),
  ])
  func aMedicationTriedInThePastIsNoLongerTaken(text: String, status: String) {
    let statuses = Fixtures.facts(.therapy, in: text).compactMap { detail -> String? in
      guard case .therapy(let therapy) = detail else { return nil }
      return therapy.status?.rawValue
    }
    #expect(statuses == [status])
  }

  @Test(arguments: [
    (
      "Home exercise program (from PT) daily, still doing it, no help.",
      "homeExercise ongoing failed"
    ),
    (
      "HEP given by PT, patient reports doing it 4x/week, unhelpful.", "homeExercise ongoing failed"
    ),
    ("PT HEP ongoing, doing it daily.", "homeExercise ongoing"),
  ])
  func aTherapistWhoGaveTheHomeProgramIsNotATherapyOfItsOwn(text: String, expected: String) {
    #expect(Fixtures.summaries(.therapy, in: text) == [expected])
  }

  @Test(arguments: [
    ("Prednisone taper 04/2026, brief improvement only.", "failed"),
    ("She has seen a chiropractor weekly, which helped briefly after each visit.", "failed"),
    ("Meloxicam 15 mg daily, mild help at most.", "failed"),
    ("Tramadol 50 mg BID since 02/2026, minimal", "failed"),
    ("PT at Harbor Rehab (13 weeks), no functional gain.", "failed"),
    ("Naproxen since September with partial help.", "improved"),
    ("Chiropractic care for 8 weeks helped somewhat.", "improved"),
  ])
  func aBriefOrLimitedEffectIsAFailedTreatment(text: String, outcome: String) {
    let outcomes = Fixtures.facts(.therapy, in: text).compactMap { detail -> String? in
      guard case .therapy(let therapy) = detail else { return nil }
      return therapy.outcome?.rawValue
    }
    #expect(outcomes == [outcome])
  }

  @Test(arguments: [
    (
      "Chiropractic care 2x/week from 06/01/2026 to 07/27/2026 (16 visits).",
      "chiropractic completed"
    ),
    (
      "She was referred to physical therapy twice and did not go either time.",
      "physicalTherapy discontinued"
    ),
    ("He stopped the home exercises when therapy ended.", "homeExercise discontinued"),
    ("She has had five sessions of physical therapy since 08/26/2026.", "physicalTherapy ongoing"),
    ("Celecoxib 200 mg daily.", "medication celecoxib ongoing"),
    ("Lumbar brace.", "device ongoing"),
    ("Medications: none regular; occasional ibuprofen.", "medication ibuprofen"),
    ("She sees her chiropractor every other week.", "chiropractic ongoing"),
    ("PT home program continued, reviewed at her 04/2026 visit.", "homeExercise ongoing"),
    (
      "He last saw outpatient PT in autumn 2024; no therapy since then.",
      "physicalTherapy completed"
    ),
    (
      "Botulinum toxin to bilateral adductors 09/2025, transient benefit.",
      "injection completed failed"
    ),
    (
      "Typical 7/10, currently 7/10, failed PT in 2025.",
      "physicalTherapy completed failed"
    ),
  ])
  func aTreatmentsOwnWordsDecideWhereItStands(text: String, expected: String) {
    #expect(Fixtures.summaries(.therapy, in: text) == [expected])
  }

  @Test(arguments: [
    "He has not used any pain medication, brace, TENS or other treatment.",
    "She has not had physical therapy, chiropractic care or a home exercise program.",
  ])
  func aDenialLeadingAListDeniesEveryTreatmentOfIt(text: String) {
    #expect(Fixtures.summaries(.therapy, in: text).isEmpty)
  }

  @Test func aReasonAfterTheListExplainsEachTherapyItCouldNotDo() {
    let text =
      "She cannot tolerate a physical therapy or exercise program because of exertional desaturation."
    #expect(
      Fixtures.summaries(.therapy, in: text).sorted() == [
        "homeExercise unable", "physicalTherapy unable",
      ])
  }

  @Test(arguments: [
    ("She finished formal PT in 2025.", "physicalTherapy completed"),
    (
      "Outpatient PT weekly 01/2026 - 06/2026, no change in tone.",
      "physicalTherapy completed failed"
    ),
    ("Does the walking and stretching routine her therapist gave her.", "homeExercise ongoing"),
    ("Continue celecoxib and her home stretches.", "homeExercise ongoing"),
    ("She does the pool exercises on her own on the other days.", "homeExercise ongoing"),
  ])
  func readsTherapiesAsNotesNameThem(text: String, expected: String) {
    #expect(
      Fixtures.summaries(.therapy, in: text).filter { !$0.hasPrefix("medication") } == [expected])
  }

  @Test func thePatientsBannerIsNotPhysicalTherapy() {
    #expect(
      Fixtures.summaries(.therapy, in: "PT: BRANDT, WALTER J  DOB 07/22/1957  MRN 55-0912-7")
        .isEmpty)
  }

  @Test(arguments: [
    ("She has had five sessions of physical therapy since 08/26/2026.", 5),
    ("One chiropractic visit in April; did not return.", 1),
    ("PT eval 04/09, 6 visits so far.", 6),
    ("Physical therapy: visits attended: 12.", 12),
  ])
  func readsVisitCountsInWordsAndDigits(text: String, sessions: Int) {
    let counts = Fixtures.facts(.therapy, in: text).compactMap { detail -> Int? in
      guard case .therapy(let therapy) = detail else { return nil }
      return therapy.sessions
    }
    #expect(counts == [sessions])
  }

  @Test(arguments: [
    (
      "She completed physical therapy in June and takes celecoxib 200 mg daily. Neither has changed things much.",
      ["medication celecoxib ongoing failed", "physicalTherapy completed failed"]
    ),
    (
      "She takes acetaminophen 1000 mg three times a day. It takes the edge off but no more.",
      ["medication acetaminophen ongoing failed"]
    ),
    (
      "She takes acetaminophen 1000 mg up to three times a day\n(breastfeeding), which takes the edge off but no more.",
      ["medication acetaminophen ongoing failed"]
    ),
    (
      "She takes acetaminophen and naproxen daily. It helps a lot.",
      ["medication acetaminophen ongoing", "medication naproxen ongoing"]
    ),
    (
      "His pain remains at an average of 8/10 on oxycodone 15 mg four times daily.",
      ["medication oxycodone ongoing failed"]
    ),
  ])
  func anOutcomeStatedAfterTheListReachesIt(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.therapy, in: text).sorted() == expected.sorted())
  }

  @Test(arguments: [
    (
      "Other treatment in the last year: physical therapy from 10/06/2025 to 01/12/2026 (14 weeks).",
      "2025-10-06", "2026-01-12"
    ),
    (
      "Background documented at his consult on 08/18/2026: 8 weeks of PT from 05/2026 to 07/2026.",
      "2026-05", "2026-07"
    ),
    ("Chiropractic care 12/2025-02/2026 x 8 wks, no lasting change.", "2025-12", "2026-02"),
  ])
  func aCourseTakesTheSpanOfDatesWrittenForIt(text: String, start: String, end: String) {
    let spans = Fixtures.facts(.therapy, in: text).compactMap { detail -> String? in
      guard case .therapy(let therapy) = detail else { return nil }
      return "\(therapy.start?.iso ?? "-") \(therapy.end?.iso ?? "-")"
    }
    #expect(spans == ["\(start) \(end)"])
  }

  @Test(arguments: [
    (
      "PT started 07/07/2026, still going. Plan: continue PT 2x/wk for 4 more weeks.",
      "physicalTherapy ongoing"
    ),
    ("She completed PT in May. Refer back to PT 2x/week.", "physicalTherapy completed"),
    ("Plan: start PT 2x/week for 6 weeks. Referral placed today.", "physicalTherapy planned"),
  ])
  func aPlanBesideACourseUnderWayIsThatCourse(text: String, expected: String) {
    #expect(
      Fixtures.summaries(.therapy, in: text).map {
        $0.replacingOccurrences(of: " failed", with: "")
      } == [expected])
  }

  @Test(arguments: [
    "If no relief after the injection, will refer to spine surgery; would also start PT at that point.",
    "Should the pain persist, we will refer her; start PT then.",
  ])
  func aConditionOpeningTheSentenceGovernsItsPlans(text: String) {
    #expect(Fixtures.summaries(.therapy, in: text).isEmpty)
  }

  @Test func aConditionLaterInTheSentenceLeavesWhatCameBefore() {
    let text = "She takes ibuprofen 600 mg TID; if no better in two weeks, consider PT."
    #expect(Fixtures.summaries(.therapy, in: text) == ["medication ibuprofen ongoing"])
  }
}
