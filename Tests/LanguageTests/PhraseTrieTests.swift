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

  @Test("every lexicon phrase tokenized among the others has the keys it has tokenized alone")
  func lexiconPhrasesTokenizedTogetherKeepTheirKeys() throws {
    let lexicons = Fixtures.lexicons
    let phrases = lexicons.names.flatMap { lexicons.entries(in: $0) }.flatMap(\.phrases)

    #expect(try PhraseTrie.tokenizedKeys(ofPhrases: phrases) == phrases.map(keysAlone))
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
    #expect(try PhraseTrie.tokenizedKeys(ofPhrases: phrases) == phrases.map(keysAlone))
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

  static let notes = [
    "Denies numbness. No history of fusion; straight-leg raise negative on the left.",
    "PLAN:\nRight L4-5 medial branch block. Patient reports no relief after PT x6 wks.",
    "Mother has lupus. Gaenslen's test positive, FABER (-), pain 7/10 since March 2025.",
    "HPI: low back pain x 3 years, worse with standing; meloxicam 15 mg daily, no change in pain.",
    "",
  ]

  @Test(
    "each lexicon's leftmost-longest matches are those of all matches grouped by lexicon",
    arguments: notes)
  func leftmostLongestByLexiconAgreesWithGrouping(text: String) throws {
    let trie = Fixtures.lexicons.trie
    let tokens = try Tokenizer.tokens(of: text)
    let words = trie.words(of: tokens)
    let segments = tokens.map(\.line)

    let all = trie.matches(in: tokens, words: words, segments: segments)
    let grouped = Dictionary(grouping: all, by: \.entry.lexicon).mapValues {
      $0.leftmostLongest()
    }

    #expect(!text.isEmpty || grouped.isEmpty)
    #expect(
      trie.leftmostLongestMatchesByLexicon(in: tokens, words: words, segments: segments)
        == grouped)
  }

  @Test("matches asked of one lexicon are that lexicon's among all matches", arguments: notes)
  func oneLexiconsMatchesAreAFilter(text: String) throws {
    let trie = Fixtures.lexicons.trie
    let tokens = try Tokenizer.tokens(of: text)
    let words = trie.words(of: tokens)
    let startsLine = { (token: Int) in tokens[token].isLineStart }

    let all = trie.matches(in: tokens, words: words, startingAt: startsLine)
    for lexicon in Fixtures.lexicons.names + ["no-such-lexicon"] {
      let one = trie.matches(in: tokens, words: words, startingAt: startsLine, lexicon: lexicon)
      #expect(one == all.filter { $0.entry.lexicon == lexicon })
    }
  }

  @Test(
    "tokens outside ASCII and long ones match as ASCII ones do",
    arguments: [
      ("ＳＬＲ positive", [0..<1]),
      ("straightlegraisetest and SLR", [0..<1, 2..<3]),
      ("Straightlegraisetest", [0..<1]),
      ("café au lait", [0..<3]),
    ] as [(String, [Range<Int>])])
  func keysOfAnyFormMatch(text: String, tokenRanges: [Range<Int>]) throws {
    let entries = [
      LexiconEntry(lexicon: "test", concept: "SLR"),
      LexiconEntry(lexicon: "test", concept: "straightlegraisetest"),
      LexiconEntry(lexicon: "test", concept: "café au lait"),
    ]
    let trie = try PhraseTrie(entries: entries)
    let tokens = try Tokenizer.tokens(of: text)

    #expect(trie.matches(in: tokens).leftmostLongest().map(\.tokenRange) == tokenRanges)
  }

  private func keysAlone(_ phrase: String) throws -> [String] {
    PhraseTrie.keys(of: try Tokenizer.tokens(of: phrase))
  }
}
