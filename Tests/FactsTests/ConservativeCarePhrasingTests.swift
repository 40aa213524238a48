import Model
import Testing

/// How a treatment turned out when the improvement word is negated, what "PT" is when it
/// is a laboratory value, which heart and vessel drugs are treatments, and where a home
/// program or a referral stands.
@Suite struct ConservativeCarePhrasingTests {
  @Test(arguments: [
    (
      "Naproxen 500 mg BID since 02/2025 and tramadol as needed have not helped.",
      ["medication naproxen ongoing failed", "medication tramadol ongoing failed"]
    ),
    (
      "She finished PT in January without much effect on her sitting.",
      ["physicalTherapy completed failed"]
    ),
    ("Chiropractic care never really helped.", ["chiropractic completed failed"]),
    ("He tried acupuncture; it did nothing for the leg pain.", ["acupuncture completed failed"]),
    ("Gabapentin 300 mg TID: the pain is the same.", ["medication gabapentin ongoing failed"]),
    ("She uses a TENS unit but it no longer changes the pain.", ["device ongoing failed"]),
    ("Duloxetine 30 mg daily, not much better.", ["medication duloxetine ongoing failed"]),
    (
      "She completed physical therapy, which hasn't made any difference.",
      ["physicalTherapy completed failed"]
    ),
    (
      "Cyclobenzaprine at night has not really worked.",
      ["medication cyclobenzaprine ongoing failed"]
    ),
    ("Her pain is no better after 6 weeks of PT.", ["physicalTherapy completed failed"]),
    ("Tramadol does not touch the pain.", ["medication tramadol ongoing failed"]),
    (
      "Meloxicam 15 mg daily gave good relief for a month but no longer works.",
      ["medication meloxicam ongoing failed"]
    ),
    ("PT helped at first but the benefit did not last.", ["physicalTherapy completed failed"]),
  ])
  func anImprovementWordUnderANegationIsAFailure(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.therapy, in: text) == expected.sorted())
  }

  @Test(arguments: [
    ("She completed physical therapy with good improvement in walking.", "improved"),
    ("Meloxicam 15 mg daily has helped her sleep.", "improved"),
    ("Chiropractic care for 8 weeks helped somewhat.", "improved"),
  ])
  func anImprovementWordStandingAloneIsAnImprovement(text: String, outcome: String) {
    let outcomes = Fixtures.facts(.therapy, in: text).compactMap { detail -> String? in
      guard case .therapy(let therapy) = detail else { return nil }
      return therapy.outcome?.rawValue
    }
    #expect(outcomes == [outcome])
  }

  @Test(arguments: [
    "Labs: PT/INR 1.1, platelets 240.",
    "PT 12.1 sec, INR 1.0.",
    "INR 1.0, PT 13.2, PTT 31.",
    "Coags: PT and PTT within normal limits.",
  ])
  func aProthrombinTimeIsNoTherapy(text: String) {
    #expect(Fixtures.summaries(.therapy, in: text).isEmpty)
  }

  @Test(arguments: [
    ("She attended PT 12 visits from 01/05/2026 to 02/16/2026.", ["physicalTherapy completed"]),
    ("PT 2x/week for 6 weeks was ordered.", ["physicalTherapy planned"]),
  ])
  func physicalTherapyWithVisitsOrAScheduleIsStillTherapy(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.therapy, in: text) == expected)
  }

  @Test(arguments: [
    (
      "Refractory angina despite metoprolol 50 mg BID, Imdur 60 mg daily and ranolazine 500 mg BID.",
      [
        "medication isosorbide mononitrate ongoing failed", "medication metoprolol ongoing failed",
        "medication ranolazine ongoing failed",
      ]
    ),
    (
      "Claudication at 50 yards on cilostazol 100 mg BID and atorvastatin 40 mg.",
      ["medication atorvastatin ongoing", "medication cilostazol ongoing"]
    ),
  ])
  func heartAndVesselDrugsAreTreatmentsOfAnginaAndLimbIschemia(
    text: String, expected: [String]
  ) {
    #expect(Fixtures.summaries(.therapy, in: text) == expected)
  }

  @Test(arguments: [
    "Back pain for a year. Meds: amlodipine 5 mg, atorvastatin 20 mg.",
    "Limb ischemia work-up. He stopped clopidogrel after a GI bleed.",
    "Angina is stable. Aspirin to be held 5 days before the procedure.",
    "Lumbar radiculopathy. Alendronate weekly for osteoporosis.",
  ])
  func heartVesselAndBoneDrugsForOtherConditionsAreNotTreatments(text: String) {
    #expect(Fixtures.summaries(.therapy, in: text).isEmpty)
  }

  @Test(arguments: [
    (
      "Meds: Nucynta ER 100 mg BID, Butrans 10 mcg patch, Lidoderm patches, Voltaren 1% gel.",
      ["buprenorphine", "diclofenac", "lidocaine", "tapentadol"]
    ),
    (
      "Tried Robaxin, Zanaflex, Tegretol, Trileptal, Elavil, Pamelor, Effexor XR and Savella.",
      [
        "amitriptyline", "carbamazepine", "methocarbamol", "milnacipran", "nortriptyline",
        "oxcarbazepine", "tizanidine", "venlafaxine",
      ]
    ),
    ("Medrol Dosepak in 05/2026 and a prednisone taper.", ["methylprednisolone", "prednisone"]),
    (
      "Chronic stable angina. Meds: ASA 81, Plavix 75, Toprol XL 50, Imdur 30, NTG SL prn.",
      ["aspirin", "clopidogrel", "isosorbide mononitrate", "metoprolol", "nitroglycerin"]
    ),
  ])
  func brandNamesGiveTheGenericName(text: String, names: [String]) {
    let found = Fixtures.facts(.therapy, in: text).compactMap { detail -> String? in
      guard case .therapy(let therapy) = detail else { return nil }
      return therapy.name
    }
    #expect(found.sorted() == names)
  }

  @Test func aBisphosphonateIsATreatmentOfCRPS() {
    let text = "CRPS of the right foot. She completed a course of pamidronate infusions."
    #expect(Fixtures.summaries(.therapy, in: text) == ["medication pamidronate completed"])
  }

  @Test(arguments: [
    ("She continues the home exercise program.", ["homeExercise ongoing"]),
    (
      "Home stretching program issued 11/10/2025 and reviewed at every visit.",
      ["homeExercise ongoing"]
    ),
    ("Goals not met. Discharged to independent HEP.", ["homeExercise ongoing"]),
    (
      "Discharged from PT to a home exercise program in May.",
      ["homeExercise ongoing", "physicalTherapy completed"]
    ),
    ("HEP: does her exercises daily.", ["homeExercise ongoing"]),
    ("She does her exercises daily.", ["homeExercise ongoing"]),
    ("He is doing his exercises at home most days.", ["homeExercise ongoing"]),
    (
      "Her pulmonologist advised against exercise because she desaturates; no HEP.",
      ["homeExercise unable"]
    ),
    ("She stopped the HEP in August because she got busy.", ["homeExercise discontinued"]),
    ("Stopped the home exercise program in Aug - just got busy.", ["homeExercise discontinued"]),
    (
      "No home exercise program: her pulmonologist advised against exercise because she desaturates.",
      ["homeExercise unable"]
    ),
    (
      "She was told not to do PT because of an unstable ankle fracture.",
      ["physicalTherapy unable"]
    ),
  ])
  func aHomeProgramKeepsWhereItStands(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.therapy, in: text) == expected)
  }

  @Test func aProgramAMedicalConditionPreventsKeepsItsReason() throws {
    let text = "HEP: her pulmonologist advised against exercise because she desaturates."
    guard case .therapy(let detail) = try #require(Fixtures.facts(.therapy, in: text).first)
    else { return }
    #expect(detail.status == .unable)
    #expect(detail.unableReason == "she desaturates")
  }

  @Test(arguments: [
    "The PT referral was never scheduled.",
    "No PT yet.",
    "Physical therapy has not started yet.",
    "Chiropractic care was never arranged.",
  ])
  func aTherapyThatNeverBeganIsNoTherapy(text: String) {
    #expect(Fixtures.summaries(.therapy, in: text).isEmpty)
  }

  @Test func aTherapyAMedicalReasonKeptFromStartingIsUnable() {
    let text = "Physical therapy was not started due to an unhealed incision."
    #expect(Fixtures.summaries(.therapy, in: text) == ["physicalTherapy unable"])
  }
}

/// Opioid use is the patient's own taking of an opioid: someone else's overdose, an
/// aversion or a refusal is none, and "never taken opioids" is naive.
@Suite struct OpioidStancePhrasingTests {
  @Test(arguments: [
    (
      "His brother died of an overdose, which explains his strong aversion to opioid medicines.",
      [String]()
    ),
    ("She refused every opioid offered after surgery.", []),
    ("He is afraid of narcotics and wants to avoid them.", []),
    ("Opioid-naive.", ["naive"]),
    ("She has never taken opioids.", ["naive"]),
    ("He has not taken any narcotics.", ["naive"]),
    ("She takes oxycodone 5 mg twice daily.", ["current"]),
    ("He previously took hydrocodone for two months after surgery.", ["past"]),
  ])
  func opioidUseIsThePatientsOwnTaking(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.opioidUse, in: text) == expected)
  }
}

/// Where a treatment stands and how it turned out, read from the words of a list around it.
@Suite struct TreatmentCourseWordingTests {
  @Test(arguments: [
    ("An SI belt and a TENS unit, neither very helpful.", ["device ongoing failed"]),
    (
      "Baclofen 10 mg TID since 2024, limited by drowsiness.",
      ["medication baclofen ongoing failed"]
    ),
    ("She began PT on 02/02/2026, 4 visits so far.", ["physicalTherapy ongoing"]),
    ("He has been in physical therapy since November 2025.", ["physicalTherapy ongoing"]),
    ("Pain psychology program 2024.", ["painPsychology completed"]),
    (
      "Gait training with PT twice weekly since 08/2025, ongoing, but the phantom pain limits progress.",
      ["physicalTherapy ongoing failed"]
    ),
    (
      "Treatment so far: physical therapy from 11/10/2025 through 01/09/2026, no change.",
      ["physicalTherapy completed failed"]
    ),
    (
      "Botulinum toxin to the calves every 3 months (last 01/2026).",
      ["injection ongoing"]
    ),
    (
      "Home program prescribed by Dr. Ames; at follow-up in 09/2025 she had stopped because of increased pain.",
      ["homeExercise unable worsened"]
    ),
    (
      "Tizanidine 4 mg (limited by sedation), acupuncture every two weeks since May.",
      ["acupuncture ongoing", "medication tizanidine ongoing failed"]
    ),
  ])
  func aTreatmentsCourseIsReadInItsOwnWords(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.therapy, in: text) == expected.sorted())
  }
}

/// A therapy handed out or started at this visit is planned from the visit's date.
@Suite struct TherapyStartedTodayTests {
  @Test(arguments: [
    "Plan:\n- HEP handout given today (Williams flexion) - f/u 6 wk",
    "Plan:\n- Home exercise program issued today, review in 4 weeks.",
  ])
  func aProgramHandedOutTodayIsPlannedFromTheVisit(text: String) throws {
    let therapy = try #require(Fixtures.facts(.therapy, in: text).first)
    guard case .therapy(let detail) = therapy else { return }
    #expect(detail.modality == .homeExercise)
    #expect(detail.status == .planned)
    #expect(detail.start == ClinicalDate(year: 2026, month: 3, day: 14))
    #expect(detail.prescribedBy == .physician)
  }

  @Test func aProgramReviewedTodayIsNotNew() {
    let text = "Her home exercise program was reviewed today; she does it daily."
    #expect(Fixtures.summaries(.therapy, in: text) == ["homeExercise ongoing"])
  }
}

/// How long a course ran: its own span, not the window the history is told over.
@Suite struct CourseLengthTests {
  @Test(arguments: [
    ("Cons tx (last 6 mo): chiro 12/2025-02/2026 x 8 wks, no lasting change.", 8.0),
    ("Celecoxib 200 mg daily x 1 yr.", 52.1),
    ("Methadone 10 mg TID for 2 years.", 104.3),
    ("In the last 6 months she has had chiropractic care for 10 weeks.", 10),
    ("She has done PT for the past 6 weeks.", 6),
  ])
  func aCoursesWeeksAreItsOwnSpan(text: String, weeks: Double) throws {
    let therapy = try #require(Fixtures.facts(.therapy, in: text).first)
    guard case .therapy(let detail) = therapy else { return }
    #expect(detail.weeks == weeks)
  }
}

/// How long opioids were taken, in weeks: a year is 52 weeks, a month a twelfth of that.
@Suite struct OpioidWeeksTests {
  @Test(arguments: [
    ("Oxycodone 10 mg q6h x ~2 yrs, nausea.", 104.0),
    ("Tramadol 50 mg q6h prn x 18 mo.", 78),
    ("Medications: oxycodone 10 mg TID (3 years), gabapentin 800 mg TID.", 156),
    ("Six weeks ago her PCP started tapentadol 50 mg twice daily.", 6),
    ("She was given 2 weeks of tramadol, which she stopped because of nausea.", 2),
    ("Morphine ER 30 mg twice daily for the past two years.", 104),
  ])
  func opioidWeeksAreReadFromTheSpanNextToTheDrug(text: String, weeks: Double) throws {
    let use = try #require(Fixtures.facts(.opioidUse, in: text).first)
    guard case .opioidUse(let detail) = use else { return }
    #expect(detail.weeks == weeks)
  }
}
