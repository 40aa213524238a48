import Foundation
import Language
import Model
import Testing

@Suite struct PhraseMatcherTests {
  static let lexicons: Lexicons = {
    let entries = [
      LexiconEntry(
        lexicon: "tests", concept: "straightLegRaise", variants: ["straight-leg raise", "SLR"]),
      LexiconEntry(
        lexicon: "tests", concept: "gaenslen", variants: ["Gaenslen's test", "Gaenslen"]),
      LexiconEntry(lexicon: "tests", concept: "faber", variants: ["FABER", "Patrick's test"]),
      LexiconEntry(lexicon: "levels", concept: "L4-5", variants: ["L4-L5"]),
      LexiconEntry(lexicon: "tests", concept: "leg", variants: []),
    ]
    return try! Lexicons.make([
      "tests": entries.filter { $0.lexicon == "tests" },
      "levels": entries.filter { $0.lexicon == "levels" },
    ])
  }()

  @Test(
    arguments: [
      ("Straight leg raise positive on the left", "straightLegRaise"),
      ("straight-leg raise positive", "straightLegRaise"),
      ("STRAIGHT LEG RAISE positive", "straightLegRaise"),
      ("straight‐leg raise (unicode hyphen)", "straightLegRaise"),
      ("Gaenslen's test positive", "gaenslen"),
      ("GAENSLEN’S TEST positive", "gaenslen"),
      ("Patrick's test positive", "faber"),
      ("patricks test", nil),
    ] as [(String, String?)])
  func phraseMatchesDespiteCasePunctuationAndPossessive(text: String, concept: String?) {
    let matches = annotate(text).matches(in: "tests")
    #expect(matches.first?.entry.concept == concept)
  }

  @Test(arguments: ["L4-5", "L4 - 5", "L4–5", "L4—5", "L4-L5"])
  func levelMatchesWithAnySpacingAndDash(text: String) {
    #expect(annotate("Disc bulge at \(text).").matches(in: "levels").first?.entry.concept == "L4-5")
  }

  @Test func longestMatchWinsOverItsPrefixWord() {
    let matches = annotate("Straight leg raise positive").matches(in: "tests")
    #expect(matches.map(\.entry.concept) == ["straightLegRaise"])
  }

  @Test func matchRangeCoversTheWrittenPhrase() {
    let doc = annotate("Exam: straight-leg raise positive")
    let match = doc.matches(in: "tests")[0]
    #expect(doc.document.substring(match.range) == "straight-leg raise")
  }

  @Test func matchDoesNotCrossASentenceEnd() {
    let doc = annotate("Pain in the straight. Leg raise is fine.")
    #expect(doc.matches(in: "tests").map(\.entry.concept) == ["leg"])
  }

  private func annotate(_ text: String) -> AnnotatedDocument {
    AnnotatedDocument(
      document: Document(name: "n.pdf", pages: [Page(number: 1, text: text, source: .textLayer)]),
      lexicons: Self.lexicons)
  }
}
