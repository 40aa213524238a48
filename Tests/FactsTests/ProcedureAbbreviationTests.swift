import Model
import Testing

/// Procedures written in the abbreviations clinicians use, with the region an
/// abbreviation implies, and histories that point back to them ("last inj").
@Suite struct ProcedureAbbreviationTests {
  @Test(arguments: [
    ("s/p C7-T1 CILESI on 01/14/2026.", "epiduralInjection cervical"),
    // CESI is written for both a cervical and a caudal ESI: no region from the name.
    ("Had a CESI 01/14/2026 with good relief.", "epiduralInjection"),
    ("Prior L4-5 LESI 01/14/2026.", "epiduralInjection lumbar"),
    ("Prior TLESI at T10-11 on 01/14/2026.", "epiduralInjection thoracic"),
    ("Prior IL ESI at L5-S1 on 01/14/2026.", "epiduralInjection lumbar"),
    ("Prior R L5 TF epidural on 01/14/2026.", "epiduralInjection lumbar"),
    ("Bilateral L4-5 MBNB on 01/14/2026.", "medialBranchBlock lumbar"),
    ("Right L3-5 RFN done 01/14/2026.", "radiofrequencyAblation lumbar"),
    ("Right SIJI on 01/14/2026.", "sacroiliacInjection sacroiliac"),
    ("Bilateral L4-5 IA facet 01/14/2026.", "facetInjection lumbar"),
    ("Bilateral L4-5 FJI 01/14/2026.", "facetInjection lumbar"),
    ("Underwent CPB 01/14/2026.", "celiacPlexusBlock abdomen"),
  ])
  func readsTheAbbreviation(text: String, expected: String) {
    let found = Fixtures.facts(.priorProcedure, in: "DOS 03/14/2026\nHISTORY\n" + text).compactMap {
      detail -> String? in
      guard case .priorProcedure(let procedure) = detail else { return nil }
      return [procedure.procedure.rawValue, procedure.region?.rawValue].compactMap { $0 }
        .joined(separator: " ")
    }
    #expect(found == [expected])
  }

  @Test(arguments: [
    "Tight ITB on the right; RF negative.",
    "Iliotibial band (ITB) stretching daily.",
    "Rheumatoid factor (RF) was negative on 01/14/2026.",
    "Spine surgery consult 02/10/2026 recommended a C5-6 ACDF.",
    "Seen in the pain pump clinic on 02/10/2026.",
  ])
  func doesNotReadALookAlikeAsAProcedure(text: String) {
    #expect(Fixtures.summaries(.priorProcedure, in: text).isEmpty)
  }

  @Test func datesInAParenthesisedListAreEachOneProcedure() {
    let text = "Initial series C7-T1 CILESI x3 (1/14/26, 2/11/26, 3/10/26)."
    #expect(
      Fixtures.summaries(.priorProcedure, in: text) == [
        "epiduralInjection 2026-01-14 C7-T1", "epiduralInjection 2026-02-11 C7-T1",
        "epiduralInjection 2026-03-10 C7-T1",
      ])
  }

  @Test(arguments: [
    "Last inj 2/8/26 (C7-T1, R paramedian) -> ~75% better x ~4 wk.",
    "The most recent inj was 2/8/26, about 75% better for 4 weeks.",
  ])
  func injPointsBackToTheProcedureNamedBefore(text: String) {
    let note = "Prior C7-T1 CILESI with good relief. " + text
    let dated = Fixtures.summaries(.priorProcedure, in: note).filter { $0.contains("2026-02-08") }
    #expect(dated.count == 1)
    #expect(dated.first?.hasPrefix("epiduralInjection 2026-02-08") == true)
    #expect(
      Fixtures.summaries(.relief, in: note).contains("75 epiduralInjection days 28 2026-02-08"))
  }
}
