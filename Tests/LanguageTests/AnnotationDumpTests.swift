import Language
import Testing

@Suite struct AnnotationDumpTests {
  @Test func dumpListsSectionsDatesSentencesAndAssertions() throws {
    let lexicons = try Lexicons.load(from: Fixtures.lexiconDirectory)
    let findings = LexiconEntry(lexicon: "findings", concept: "fever")
    let withFindings = try Lexicons.make(
      Dictionary(
        uniqueKeysWithValues: lexicons.names.map { ($0, lexicons.entries(in: $0)) }
          + [("findings", [findings])]))
    let document = Fixtures.document("DOS: 03/14/2026\nROS: denies fever.\nPain x 6 weeks.")
    let dump = AnnotationDump.render(AnnotatedDocument(document: document, lexicons: withFindings))

    #expect(dump.contains("date of service 2026-03-14"))
    #expect(dump.contains("SECTION p1 16-"))
    #expect(dump.contains("reviewOfSystems \"ROS\""))
    #expect(dump.contains("DATE p1 5-15 dateOfService 2026-03-14 \"03/14/2026\""))
    #expect(dump.contains("DURATION p1"))
    #expect(dump.contains("[reviewOfSystems] \"ROS: denies fever.\""))
    #expect(dump.contains("findings:fever \"fever\" → negated by \"denies\" (negation.txt:"))
  }
}
