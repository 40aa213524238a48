import Guidelines
import Matching
import Model
import Testing

/// What each criterion in a determination says: its numbers, its request, its evidence.
struct ExplanationTests {
  static let evidence = Evidence(document: "pt-discharge.pdf", page: 1, text: "PT 01/05-01/26/26")

  static func determination(_ facts: [Fact], _ request: ServiceRequest) throws -> Determination {
    let all = try GuidelineMatcher().evaluate(
      CaseFacts(facts: facts, request: request, noteDate: day("2026-03-14")))
    return try #require(all.first)
  }

  @Test("A short course gives its dates, its weeks and what is needed")
  func shortCourseReasonHasNumbers() throws {
    let therapy = Fact(
      .therapy(
        Therapy(
          modality: .physicalTherapy, start: day("2026-01-05"), end: day("2026-01-26"),
          status: .completed, outcome: .failed)), evidence: [Self.evidence])
    let result = try Self.determination(
      SacroiliacJointInjectionTests.ready.replacing(.therapy, with: therapy, Note.nsaid),
      request("27096", planned: "2026-03-14"))
    let criterion = try #require(result.criteria.first { $0.id == "1756.sij.conservative" })

    #expect(criterion.status == .notDocumented)
    #expect(criterion.reason.contains("01/05/2026-01/26/2026 is 3 weeks"))
    #expect(criterion.reason.contains("6 weeks within the 6 months before 03/14/2026"))
    #expect(criterion.providerRequest?.contains("at least 6 weeks") == true)
    #expect(criterion.providerRequest?.contains("since 09/14/2025") == true)
    #expect(criterion.evidence == [Self.evidence])
    #expect(criterion.guideline == "1756")
    #expect(criterion.section.contains("Sacroiliac Joint Pain"))
    #expect(criterion.family == .conservativeCare)
  }

  @Test("A referral never attended is named, with its quote, as not tried")
  func neverAttendedReferralIsNamedAsNotTried() throws {
    let referral = Fact(
      .therapy(Therapy(modality: .physicalTherapy, status: .discontinued, attended: false)),
      evidence: [Self.evidence])
    let result = try Self.determination(
      SacroiliacJointInjectionTests.ready.replacing(.therapy, with: referral),
      request("27096", planned: "2026-03-14"))
    let criterion = try #require(result.criteria.first { $0.id == "1756.sij.conservative" })

    #expect(criterion.status == .notDocumented)
    #expect(
      criterion.reason
        == "No conservative treatment is documented (PT referred but never attended).")
    #expect(criterion.evidence == [Self.evidence])
  }

  @Test("A criterion not in play names the one part of its condition the case lacks")
  func notApplicableNamesTheMissingPart() throws {
    let facts = [
      Note.prior(.other, on: "2019-06"), Note.problem(.batteryDepletion),
      RevisionAndAnginaTests.analysisReport,
    ]
    let result = try Self.determination(facts, request("62362", planned: "2026-04-10"))
    let interval = try #require(result.criteria.first { $0.id == "1752.revision.interval" })

    #expect(interval.status == .met)
    #expect(interval.reason == "Does not apply: the case has no device infection.")
  }

  @Test("A met criterion asks the provider for nothing")
  func metCriterionHasNoRequest() throws {
    let result = try Self.determination(SacroiliacJointInjectionTests.ready, request("27096"))
    #expect(result.determination == .ready)
    #expect(result.criteria.allSatisfy { $0.providerRequest == nil && !$0.reason.isEmpty })
  }

  @Test("The reference date is the planned date, else the note date")
  func referenceDateFallsBackToNoteDate() throws {
    let result = try Self.determination(
      SacroiliacJointInjectionTests.ready.replacing(
        .therapy, with: Note.therapy(.physicalTherapy, from: "2026-01-05", to: "2026-01-26"),
        Note.nsaid),
      request("27096", planned: nil))
    let criterion = try #require(result.criteria.first { $0.id == "1756.sij.conservative" })
    #expect(criterion.reason.contains("before 03/14/2026"))
  }

  @Test("A pending case lists each undocumented family once, in criterion order")
  func gapsAreDistinctAndOrdered() throws {
    let result = try Self.determination([Note.pain(7)], request("27096"))
    #expect(result.determination == .pend)
    #expect(
      result.gaps == [.painPattern, .provocationTests, .painDuration, .conservativeCare])
  }

  @Test("A case for clinical review lists the contradicted and the undocumented families")
  func clinicalReviewListsEveryShortfall() throws {
    let result = try Self.determination([Note.pain(3)], request("27096"))
    #expect(result.determination == .clinicalReview)
    #expect(
      result.gaps == [
        .painPattern, .painSeverity, .provocationTests, .painDuration, .conservativeCare,
      ])
    #expect(result.criteria.first { $0.family == .painSeverity }?.status == .notMet)
    #expect(result.criteria.contains { $0.status == .notDocumented && $0.providerRequest != nil })
  }

  @Test("The decolonization reason counts the days before the procedure")
  func decolonizationReasonCountsDays() throws {
    let result = try Self.determination(
      ImplantTests.pumpReady.replacing(.staphScreen, with: Note.screen(.mrsa, .positive)).adding(
        Note.decolonization(starting: "2026-03-27")), request("62362", planned: "2026-04-10"))
    let criterion = try #require(result.criteria.first { $0.id == "1752.decolonization" })
    #expect(criterion.status == .notMet)
    #expect(criterion.reason.contains("14 days before"))
    #expect(criterion.providerRequest?.contains("03/31/2026") == true)
  }

  @Test("A repeat reports its phase")
  func repeatReportsPhase() throws {
    let result = try Self.determination(
      SacroiliacJointInjectionTests.repeatReady, request("27096", region: .sacroiliac))
    #expect(result.indication == "therapeuticSacroiliac")
    #expect(result.phase == "therapeutic")
  }
}
