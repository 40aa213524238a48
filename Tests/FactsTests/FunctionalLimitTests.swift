import Model
import Testing

/// Limits in words, as histories write them: tolerances, distances, aids, work, sleep and
/// activities given up; and the improvements that look like them.
@Suite struct FunctionalLimitTests {
  @Test(arguments: [
    "73M neurogenic claudication, standing tol ~5 min.",
    "He is back to walking 30 feet.",
    "He walks only inside the house.",
    "His walking did not change (still about half a block).",
    "Off intrathecal therapy she is using a walker.",
    "She walks with crutches.",
    "Uses donut cushion.",
    "She has cut her work hours in half and avoids driving.",
    "She has dropped to three working days a week.",
    "Average pain 8/10; he has not worked since the fall.",
    "He is missing work at the distribution center several days a month.",
    "He has missed much of the last two months of work.",
    "He cannot complete his route and is on temporary disability.",
    "She no longer drives on the highway.",
    "She cannot use a mouse.",
    "She is sleeping in two-hour stretches.",
    "Rest pain that wakes him every night.",
    "She has stopped her water aerobics because of it.",
    "He gave up his volunteer driving.",
    "She is limited to sitting 20 minutes at a time.",
    "He wakes 3-4 times a night from pain.",
    "He has difficulty getting out of a chair.",
    "She is on FMLA leave because of the pain.",
    "She still cannot get through more than about an hour of spreadsheet work.",
    "She has to lie down with ice after an hour at the desk.",
    "She has stopped her Saturday swim.",
    "She cannot button a blouse.",
    "She has not been able to teach since November.",
  ])
  func readsALimitWrittenInWords(text: String) {
    #expect(Fixtures.summaries(.functionalDisability, in: text) == ["present narrative"])
  }

  @Test(arguments: [
    "She stopped using her cane at home.",
    "He no longer uses a walker.",
    "She does not use a cane.",
    "He walks 3 miles a day.",
    "She works full-time.",
    "She stopped the gabapentin and her walks are longer now.",
  ])
  func doesNotReadAnImprovementOrNormalFunctionAsALimit(text: String) {
    #expect(
      Fixtures.summaries(.functionalDisability, in: text).allSatisfy { $0 != "present narrative" })
  }
}

/// Treatments that did not work or were stopped are not limits of function.
@Suite struct FunctionalLimitLookAlikeTests {
  @Test(arguments: [
    "Gabapentin has not worked.",
    "PT has not worked so far.",
    "She stopped meloxicam because of it.",
    "Missing work-up results were requested.",
  ])
  func readsNoLimitFromATreatmentStatement(text: String) {
    #expect(
      Fixtures.summaries(.functionalDisability, in: text).allSatisfy { $0 != "present narrative" })
  }
}
