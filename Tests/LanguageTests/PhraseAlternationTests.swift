import Foundation
import Testing

@testable import Language

/// `DatePatterns.alternation(of:)` shares the branches of phrases that begin alike; it must
/// match exactly where the flat, longest-first alternation matches.
@Suite struct PhraseAlternationTests {
  static let phrases = [
    "one", "one and a half", "one and one-half", "a", "an", "a couple", "a couple of", "two",
    "twelve", "twenty", "three", "three times", "a half", "half", "weeks", "week", "wk", "wks",
    "months", "month", "mo", "mos", "year", "yr", "c++",
  ]

  @Test("shared beginnings become one branch")
  func sharesBeginnings() {
    #expect(DatePatterns.alternation(of: ["two", "three", "one"]) == "t(?:hree|wo)|one")
    #expect(DatePatterns.alternation(of: ["a", "an", "a couple"]) == "a(?: couple|n|)")
    #expect(DatePatterns.alternation(of: ["Week", "weeks", "wk"]) == "w(?:eek(?:s|)|k)")
  }

  @Test(
    "phrases of ASCII alternate as they do character by character",
    arguments: [
      ["two", "three", "one"], ["a", "an", "a couple", "A Couple", "a couple of"],
      ["c++", "c+", "1.5", "(s)", "a|b", "x*", "?"], ["week", "weeks", "wk", "wks", "w"],
      ["", "a"], ["same", "Same", "same"], ["d^2", "$5", "[x]", #"\d"#, "{2}"],
    ])
  func asciiPhrasesAlternateAsCharacters(_ phrases: [String]) {
    let lowered = Set(phrases.map { $0.lowercased() })
    #expect(
      DatePatterns.alternation(of: phrases) == DatePatterns.characterAlternation(of: lowered))
  }

  @Test("the lexicons' number words and units alternate as they do character by character")
  func lexiconPhrasesAlternateAsCharacters() {
    let language = Fixtures.lexicons.language
    let phraseLists = [
      DatePatterns.numberWords(language),
      DatePatterns.numberWords(language, includingArticles: false),
      language.units.map(\.phrase),
    ]
    for phrases in phraseLists {
      let lowered = Set(phrases.map { $0.lowercased() })
      #expect(lowered.count > 5)
      #expect(
        DatePatterns.alternation(of: phrases) == DatePatterns.characterAlternation(of: lowered))
    }
  }

  @Test("phrases outside ASCII are split by character")
  func splitsOtherPhrasesByCharacter() {
    #expect(DatePatterns.alternation(of: ["x", "\u{D7}", "XA"]) == "x(?:a|)|\u{D7}")
    #expect(DatePatterns.alternation(of: ["e\u{301}t\u{E9}", "e"]) == "e\u{301}t\u{E9}|e")
  }

  @Test(
    "the factored alternation finds what the flat one finds",
    arguments: [
      "for one and a half years", "about a couple of months", "twelve weeks, two wks",
      "an hour, a month", "One And One-Half yrs", "three times a week", "half a year",
      "c++ and c+", "mos mo months",
    ])
  func matchesLikeTheFlatAlternation(_ text: String) throws {
    let flat = Self.phrases.sorted { $0.count > $1.count }
      .map(NSRegularExpression.escapedPattern).joined(separator: "|")
    let factored = DatePatterns.alternation(of: Self.phrases)
    #expect(
      try Self.matches(#"\b(?:"# + flat + #")\b"#, text)
        == Self.matches(#"\b(?:"# + factored + #")\b"#, text))
    #expect(
      try Self.matches("(?:" + flat + ")", text) == Self.matches("(?:" + factored + ")", text))
  }

  private static func matches(_ pattern: String, _ text: String) throws -> [String] {
    let expression = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    let whole = NSRange(location: 0, length: text.utf16.count)
    return expression.matches(in: text, range: whole).map {
      (text as NSString).substring(with: $0.range)
    }
  }
}
