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
}
