import Model
import Testing

/// A risk factor as it stands now: values with a history, drugs already stopped, infections
/// healed, words that name a service rather than a disease, and explicit denials.
@Suite struct RiskFactorCourseTests {
  @Test(arguments: [
    ("T2DM - A1c 9.2% in 2024, now 7.4%, controlled on insulin.", ["uncontrolledDiabetes false"]),
    ("Diabetes well controlled, last A1c 6.9%.", ["uncontrolledDiabetes false"]),
    ("No diabetes.", ["uncontrolledDiabetes false"]),
    ("A1c 6.8% in 2024, currently 9.1%.", ["uncontrolledDiabetes true"]),
    ("Type 2 diabetes, A1c 8.7%.", ["uncontrolledDiabetes true"]),
    ("Type 2 diabetes on metformin.", []),
    ("Oral steroids are not safe: type 2 diabetes, A1c 9.6%.", ["uncontrolledDiabetes true"]),
    ("Painful diabetic neuropathy of both feet.", []),
  ])
  func diabetesIsJudgedByItsCurrentControl(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.riskFactor, in: text).sorted() == expected.sorted())
  }

  @Test(arguments: [
    (
      "Enoxaparin was stopped in 01/2026 after her post-op course; no anticoagulants now.",
      ["anticoagulation false"]
    ),
    ("She is no longer on warfarin.", ["anticoagulation false"]),
    ("Xarelto discontinued in 2025.", []),
    ("Holding Eliquis 3 days prior to the procedure.", ["anticoagulation true"]),
    ("Clopidogrel 75 mg daily for a coronary stent.", ["anticoagulation true"]),
  ])
  func aBloodThinnerAlreadyStoppedIsNotTakenNow(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.riskFactor, in: text).sorted() == expected.sorted())
  }

  @Test(arguments: [
    "Remote sacral pressure ulcer with cellulitis in 2021, healed.",
    "Notify infection prevention for pre-surgical decolonization.",
    "INFECTION SCREENING",
    "Risks including bleeding, infection and nerve injury were discussed.",
    "Her first pump was removed in 03/2025 because of a pocket infection.",
    "UTI treated last month, resolved.",
  ])
  func aPastInfectionOrTheWordAsAServiceIsNoInfection(text: String) {
    #expect(Fixtures.summaries(.riskFactor, in: text).isEmpty)
  }

  @Test(arguments: [
    ("Urine hCG negative today.", ["pregnancy false"]),
    ("Negative urine hCG.", ["pregnancy false"]),
    ("Pregnancy test negative.", ["pregnancy false"]),
    ("Not pregnant.", ["pregnancy false"]),
    ("Home pregnancy test was positive last week.", ["pregnancy true"]),
    ("Urine hCG to be checked on the day of the procedure.", []),
    ("No MI.", ["recentMyocardialInfarction false"]),
    ("No cardiac events in the past year.", ["recentMyocardialInfarction false"]),
    ("CAD with MI in 2019, stented.", []),
    ("Abdominal wall is suitable for a pump.", ["insufficientBodyHabitus false"]),
    ("Her body habitus is adequate for the device.", ["insufficientBodyHabitus false"]),
  ])
  func explicitDenialsAreListedAbsent(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.riskFactor, in: text).sorted() == expected.sorted())
  }

  @Test(arguments: [
    ("After a time-out the skin was prepped with chlorhexidine and draped.", []),
    ("Notify infection prevention for pre-surgical decolonization.", []),
    (
      "Plan: mupirocin to both nares BID and chlorhexidine washes for 5 days before surgery.",
      ["planned mupirocin+chlorhexidine"]
    ),
  ])
  func decolonizationIsACourseBeforeSurgeryNotSkinPrep(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.decolonization, in: text) == expected)
  }
}
