import Foundation
import Testing

@testable import Language

/// The phrase trie tokenizes every phrase of the lexicons as one text, a line each: each
/// phrase must get the tokens it has alone.
@Suite struct PhraseTrieTests {
  @Test("every lexicon phrase has the keys it has tokenized alone")
  func lexiconPhrasesKeepTheirKeys() throws {
    let lexicons = Fixtures.lexicons
    let phrases = lexicons.names.flatMap { lexicons.entries(in: $0) }.flatMap(\.phrases)

    #expect(phrases.count > 1_000)
    #expect(try PhraseTrie.keys(ofPhrases: phrases) == phrases.map(keysAlone))
  }

  @Test(
    "phrases next to each other neither join nor split across their lines",
    arguments: [
      ["1,", "000 mg", "3.", "5", "L4-", "5", "L4–5", "b.i.d.", "e.g.", "Dr."],
      ["don't", "'s", "Gaenslen's test", "5'10\"", "'quoted'", "x6", "6x"],
      ["", " ", "  two  spaces ", "—", "-", "straight-leg raise", "¼"],
      ["café", "\u{301}accent", "a\u{200D}", "😀", "👍🏽 ok", "ＡＢＣ"],
      ["a\nb", "c", "d\re"], ["line\u{2028}break", "tab\tbed"],
      ["plain", "café au lait", "x-ray"], ["v\u{0B}tab", "x"], ["f\u{0C}eed"], ["nel\u{85}line"],
    ])
  func neighboursDoNotChangeTokens(phrases: [String]) throws {
    #expect(try PhraseTrie.keys(ofPhrases: phrases) == phrases.map(keysAlone))
  }

  @Test(
    "phrases of one-byte tokens match at every place they stand, as longer ones do",
    arguments: [
      ("L4-5 and L4-5, 5/5 and 5/5", ["L4-5", "5/5"], [0..<3, 4..<7, 8..<11, 12..<15]),
      ("+ + a + b", ["+", "a +"], [0..<1, 1..<2, 2..<4]),
      ("x 6 / x6", ["x", "6", "x6"], [0..<1, 1..<2, 3..<4]),
    ] as [(String, [String], [Range<Int>])])
  func oneByteTokensMatchEverywhere(
    text: String, phrases: [String], tokenRanges: [Range<Int>]
  ) throws {
    let entries = phrases.map { LexiconEntry(lexicon: "test", concept: $0) }
    let trie = try PhraseTrie(entries: entries)
    let tokens = try Tokenizer.tokens(of: text)

    let found = trie.matches(in: tokens).leftmostLongest().map(\.tokenRange)

    #expect(found == tokenRanges)
  }

  private func keysAlone(_ phrase: String) throws -> [String] {
    PhraseTrie.keys(of: try Tokenizer.tokens(of: phrase))
  }
}
