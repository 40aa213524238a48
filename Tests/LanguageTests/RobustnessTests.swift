import Language
import Testing

@Suite struct RobustnessTests {
  @Test(arguments: [
    "", " ", "\n\n\n", "...", "(-)", "😀😀", "\u{0C}", "a", "::::", "1.", "Dr.", "- \n- \n",
    "DOS:", "If", "no", "?",
  ])
  func degenerateTextIsReadWithoutFailing(text: String) {
    let doc = Fixtures.annotate(text)
    for sentence in doc.sentences {
      #expect(!sentence.tokenRange.isEmpty)
      #expect(sentence.range.upperBound <= doc.document.utf16.count)
    }
    #expect(doc.sentences.map(\.tokenRange.count).reduce(0, +) == doc.tokens.count)
    _ = doc.assertion(for: 0..<doc.document.utf16.count)
    _ = AnnotationDump.render(doc)
  }

  @Test func everyTokenBelongsToExactlyOneSentenceInOrder() {
    let doc = Fixtures.annotate(
      """
      HPI: Dr. Lee saw the pt. today. Pain: 7/10
      - no fever
      1. Lumbar stenosis. 2. Obesity.
      PLAN
      Return if fever.
      """)
    let covered = doc.sentences.flatMap { Array($0.tokenRange) }
    #expect(covered == Array(doc.tokens.indices))
  }

  @Test func longLineWithoutBreaksIsOneSentenceOfAllItsTokens() {
    let text = String(repeating: "pain and numbness ", count: 2_000)
    let doc = Fixtures.annotate(text)
    #expect(doc.sentences.count == 1)
    #expect(doc.tokens.count == 6_000)
  }
}
