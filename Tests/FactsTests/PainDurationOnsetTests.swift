import Model
import Testing

/// Durations written from the onset, as histories give them (note date 2026-03-14).
@Suite struct PainDurationOnsetTests {
  @Test(arguments: [
    ("Right neck pain since a fall on ice in January 2025.", "14.4"),
    ("Mid-back pain since she lifted a heavy planter in October 2025.", "5.4"),
    ("Right neck pain since a fall on ice in January 2025 (14 months).", "14"),
    ("Neurogenic claudication and low back pain since about 2019 (7 years).", "84"),
    ("Right buttock pain since about 2019.", "80.4"),
    ("Right foot pain since a 2025 bunionectomy.", "8.4"),
    ("DOS 03/14/2026\nHISTORY\nSince October he has had burning pain in the hand.", "5.4"),
    ("The same low back pain came back in October 2025, five months ago.", "5"),
    ("The pain has been present for at least four years.", "48"),
    ("Chronic cluster headache, right orbital, for 6 years.", "72"),
    ("60M bilat SIJ pain, L>R, >3 yrs.", "36"),
    ("Since injuring his back at work in November 2025, he has had constant pain.", "4.4"),
    (
      "The right leg pain came back in April 2025 and has not let up since; the back ache has"
        + " worsened over the past year.", "11.4"
    ),
    ("She dates the trouble to around Labor Day last year (September 2025).", "6.4"),
    ("The pain began last year (July 2025) after a long drive.", "8.4"),
    ("He traces his leg symptoms back to a move in May 2025.", "10.4"),
  ])
  func readsTheDurationFromTheOnset(text: String, expected: String) {
    #expect(Fixtures.summaries(.painDuration, in: text) == [expected])
  }

  @Test func sinceThenTakesTheDateOfTheSentenceBefore() {
    let note = "He injured the nerve in August 2025. Since then he has burning pain in the foot."
    #expect(Fixtures.summaries(.painDuration, in: note) == ["7.4"])
  }

  @Test(arguments: [
    "Naproxen 220 mg twice daily since 01/29/2026 (about six weeks) with partial help.",
    "PT started 01/07/26 - 7 wks, 2x/wk, still going.",
    "Since January, the spasms in both legs have increased sharply.",
    "Since then the burning pain down the left leg has returned.",
    "Attendance 100% since 08/2025.",
  ])
  func doesNotReadATreatmentOrAChangeAsTheDuration(text: String) {
    #expect(Fixtures.summaries(.painDuration, in: text).isEmpty)
  }
}

/// Spans written with halves, split by a line break, or counted from a rash.
@Suite struct PainDurationSpanTests {
  @Test(arguments: [
    ("Right-sided axial neck pain for about two and a half years.", "30"),
    ("Low back pain for the past year and a half.", "18"),
    ("Neck pain x one and a half yrs.", "18"),
    ("Zoster, rash onset 03/05/2026 (9 days).", "0.3"),
  ])
  func readsTheSpan(text: String, expected: String) {
    #expect(Fixtures.summaries(.painDuration, in: text) == [expected])
  }

  @Test func aSpanBrokenOntoTheNextLineStillCounts() {
    let note =
      "HPI:\nLow back pain, which has been going on since the summer\n- about eight months."
    #expect(Fixtures.summaries(.painDuration, in: note) == ["8"])
  }

  @Test(arguments: [
    "The pump has controlled his pain well for seven years.",
    "She walked for one and a half hours after PT for a year and a half.",
  ])
  func readsNoDurationFromATreatmentsEffect(text: String) {
    #expect(Fixtures.summaries(.painDuration, in: text).isEmpty)
  }
}

/// The onset date a duration carries, as the annotation fills it.
@Suite struct PainDurationOnsetDateTests {
  @Test(arguments: [
    ("Low back pain for about 7 months, since August 2025.", "2025-08"),
    ("The pain began about five months ago, in October 2025.", "2025-10"),
    ("Neck pain for 18 months after a rear-end collision in 09/2024.", "2024-09"),
    ("Four weeks of right leg pain (onset 02/14/2026 after shovelling snow).", "2026-02-14"),
  ])
  func carriesTheOnsetWrittenWithTheSpan(text: String, onset: String) {
    #expect(onsets(in: text) == [onset])
  }

  @Test func aYearAloneGivesNoOnsetDate() {
    #expect(onsets(in: "Right-sided low back pain since 2022.") == ["none"])
  }

  private func onsets(in text: String) -> [String] {
    Fixtures.facts(.painDuration, in: text).compactMap { detail in
      guard case .painDuration(let duration) = detail else { return nil }
      return duration.onset?.iso ?? "none"
    }
  }
}

/// Dates of treatments and reliefs are not the onset.
@Suite struct PainDurationTreatmentDateTests {
  @Test(arguments: [
    "Her pain has been better since she started gabapentin in January 2026.",
    "She had a right L4-5 MBB on 02/01/2026. Since then her pain has been much better.",
  ])
  func readsNoOnsetFromATreatment(text: String) {
    #expect(Fixtures.summaries(.painDuration, in: text).isEmpty)
  }
}
