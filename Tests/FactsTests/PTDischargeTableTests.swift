import Model
import Testing

/// A therapist's discharge summary that gives the episode as a table of columns.
@Suite struct PTDischargeTableTests {
  @Test(arguments: [
    "Start of care  Discharge  Visits  Frequency\n02/23/2026  04/20/2026  14  2x/week x 8 weeks",
    "Start of care  Discharge  Visits\n02/23/2026  04/20/2026  14",
  ])
  func readsTheEpisodeColumnByColumn(table: String) throws {
    let note = """
      Riverbend Physical Therapy - Discharge Summary
      EPISODE
      \(table)
      Goals not met. Progress plateaued.
      """
    let therapies = Fixtures.facts(.therapy, in: note).compactMap { detail -> Therapy? in
      guard case .therapy(let therapy) = detail, therapy.modality == .physicalTherapy else {
        return nil
      }
      return therapy
    }
    let therapy = try #require(therapies.first)
    #expect(therapy.start == ClinicalDate(year: 2026, month: 2, day: 23))
    #expect(therapy.end == ClinicalDate(year: 2026, month: 4, day: 20))
    #expect(therapy.sessions == 14)
    #expect(therapy.weeks == 8)
  }

  @Test func readsAbbreviatedEpisodeLines() throws {
    let note = """
      LAKEVIEW NEURO REHAB - PT PROGRESS / DISCHARGE SUMMARY
      EPISODE:
      SOC 11/03/2025. D/C 02/23/2026. 2x/wk, 31 visits attended (of 32).
      """
    let therapy = try #require(physicalTherapy(in: note))
    #expect(therapy.start == ClinicalDate(year: 2025, month: 11, day: 3))
    #expect(therapy.end == ClinicalDate(year: 2026, month: 2, day: 23))
    #expect(therapy.sessions == 31)
    #expect(therapy.status == .completed)
  }

  @Test func aProgressNoteIsACourseUnderWayAtItsVisitNumber() throws {
    let note = """
      Westfield Physical Therapy - Progress Note
      HADDAD, Karim  DOB 10/05/1988  Visit 32  Date 03/24/2026
      ASSESS: Attending 2x/wk since 11/04/2025, participating fully.
      """
    let therapy = try #require(physicalTherapy(in: note))
    #expect(therapy.sessions == 32)
    #expect(therapy.status == .ongoing)
  }

  private func physicalTherapy(in note: String) -> Therapy? {
    Fixtures.facts(.therapy, in: note).compactMap { detail -> Therapy? in
      guard case .therapy(let therapy) = detail, therapy.modality == .physicalTherapy else {
        return nil
      }
      return therapy
    }.first
  }
}
