import Model
import Testing

/// A lab report's result table: every organism row takes the screen named above it.
@Suite struct StaphResultTableTests {
  @Test func everyRowOfAResultTableIsAScreenResult() {
    let report = """
      == TEST ==
      Nasal MRSA/MSSA screen, PCR

      == RESULT ==
      | Target | Result |
      | MRSA (mecA/SCCmec) | NOT DETECTED |
      | MSSA | NOT DETECTED |
      """
    #expect(
      Fixtures.summaries(.staphScreen, in: report).sorted() == ["mrsa negative", "mssa negative"])
  }

  @Test func anOrganismNamedFarFromAnyScreenIsNoScreen() {
    let note = """
      Nasal swab ordered.
      He is a retired teacher.
      He walks daily.
      He lives alone.
      He drives.
      He gardens.
      His wife had MSSA cellulitis, positive culture.
      """
    #expect(Fixtures.summaries(.staphScreen, in: note).isEmpty)
  }
}
