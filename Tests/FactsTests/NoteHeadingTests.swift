import Testing

@testable import Facts

/// A heading line is judged by its characters and words, counted in its bytes when it is
/// ASCII: the counts must be those its characters give.
@Suite struct NoteHeadingTests {
  @Test(arguments: [
    "PHYSICAL THERAPY DISCHARGE SUMMARY", "Interventional Pain Clinic, office note", "x",
    "Date of service: 03/14/2026", "one two three four five six seven eight nine",
    "Café Médical – Note", "e\u{301} suite", "a \u{301}b c", "患者 記録",
  ])
  func aLinesCountsAreThoseOfItsCharacters(line: String) {
    let counted = Note.characterAndWordCounts(line)

    #expect(counted.0 == line.count)
    #expect(counted.1 == line.split(separator: " ").count)
  }

  @Test("a short title line is taken as the heading, a sentence of the note is not")
  func shortTitleLinesMakeTheHeading() {
    let text = """
      PHYSICAL THERAPY DISCHARGE SUMMARY
      Patient seen for eight visits over six weeks with steady gains in walking tolerance.
      Plan of care
      """
    let note = Note(Fixtures.annotate(text))

    #expect(note.heading == "PHYSICAL THERAPY DISCHARGE SUMMARY\nPlan of care")
  }
}
