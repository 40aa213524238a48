import Language
import Testing

@Suite struct DurationTests {
  @Test(
    arguments: [
      ("PT for 6 weeks.", 42.0),
      ("Meloxicam x 3 mos.", 3 * 30.44),
      ("PT x6 wks.", 42.0),
      ("Home exercise for 8 wks.", 56.0),
      ("Pain for seven days.", 7.0),
      ("Pain for two years.", 2 * 365.25),
      ("Relief for 30 minutes.", 30 * 0.000694444),
      ("Relief lasted 6 hours.", 6 * 0.0416667),
      ("A six-week course of PT.", 42.0),
      ("PT for 6 to 8 weeks.", 56.0),
    ] as [(String, Double)])
  func durationsAreReadInDays(text: String, days: Double) {
    let durations = Fixtures.annotate(text).durations
    #expect(durations.count == 1)
    #expect(abs((durations.first?.days ?? 0) - days) < 0.01)
  }

  @Test func coupleOfWeeksIsTwoWeeks() {
    #expect(Fixtures.annotate("Pain for a couple of weeks.").durations.first?.days == 14)
  }

  @Test(arguments: ["PT for 8 weeks, 14 visits.", "PT for 8 weeks (14 sessions)."])
  func sessionsAfterTheDurationAreCounted(text: String) {
    #expect(Fixtures.annotate(text).durations.first?.sessionCount == 14)
  }

  @Test(arguments: ["3 weeks ago", "6 weeks prior", "two months earlier"])
  func relativeDateIsMarkedOnItsDuration(text: String) {
    #expect(Fixtures.annotate("Injection \(text).").durations.first?.isPartOfRelativeDate == true)
  }

  @Test(arguments: ["56-year-old man.", "A 44 year old.", "60 yo F."])
  func agesAreNotDurations(text: String) {
    #expect(Fixtures.annotate(text).durations.isEmpty)
  }

  @Test(
    "a session count is read near its duration in any case, and only with a session word",
    arguments: [
      ("PT for 8 weeks, 14 VISITS.", 14),
      ("PT for 8 weeks; 6 Treatments.", 6),
      ("PT for 8 weeks (10 appointments).", 10),
      ("Completed 12 Sessions over the past 6 weeks.", 12),
      ("PT for 8 weeks, 14 visitors.", nil),
      ("PT for 8 weeks, 14 days off.", nil),
      ("Seen 12 times over 6 weeks.", nil),
      ("PT for 8 weeks, 14 ſessions.", 14),
      ("PT for 8 weeks, 14 visits (café).", 14),
      ("PT for 8 weeks, 14 visit", nil),
      ("PT for 8 weeks, 2 sessiontreatments", nil),
    ] as [(String, Int?)])
  func sessionCountsNeedASessionWord(text: String, count: Int?) {
    #expect(Fixtures.annotate(text).durations.first?.sessionCount == count)
  }

  @Test(
    "what follows a duration says whether it is an age or part of a relative date",
    arguments: [
      ("A 56 year  OLD man.", true, false),
      ("A 60 YR-OLD female.", true, false),
      ("Injection 3 weeks   AGO.", false, true),
      ("Fusion 2 years before, then PT.", false, true),
      ("Fusion 2 years earlier.", false, true),
      ("Pain for 3 weeks, worse today.", false, false),
      ("Pain for 3 weeks\u{A0}ago.", false, true),
      ("Pain for 3 weeks é ago.", false, false),
    ] as [(String, Bool, Bool)])
  func agesAndRelativeDatesAreReadFromWhatFollows(
    text: String, isAge: Bool, isRelative: Bool
  ) {
    let durations = Fixtures.annotate(text).durations
    #expect(durations.isEmpty == isAge)
    #expect((durations.first?.isPartOfRelativeDate ?? false) == isRelative)
  }

  @Test func sessionsOverWeeksGiveBothCounts() {
    let duration = Fixtures.annotate("Completed 12 visits over 6 weeks.").durations.first
    #expect(duration?.sessionCount == 12)
    #expect(duration?.days == 42)
  }

  @Test(arguments: ["PT 2x/week.", "Pain 10/10 days.", "Twice a day."])
  func frequenciesAndScoresAreNotDurations(text: String) {
    #expect(Fixtures.annotate(text).durations.isEmpty)
  }
}
