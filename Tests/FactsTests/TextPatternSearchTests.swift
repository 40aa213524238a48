import Foundation
import Testing

@testable import Facts

/// `TextPattern` searches cheaply (prepared texts, a literal filter, one branch of an
/// alternation alone); none of it may change what a pattern finds.
@Suite struct TextPatternSearchTests {
  @Test(
    "a branch searched alone numbers its groups as in the whole pattern",
    arguments: [
      ("Pain for 6 weeks.", ["6", "weeks", nil, nil]),
      ("It began 3 months ago.", [nil, nil, "3", "months"]),
      ("Pain for 6 weeks; it began 3 months ago.", ["6", "weeks", nil, nil]),
    ] as [(String, [String?])])
  func loneBranchKeepsGroupNumbers(text: String, groups: [String?]) throws {
    let pattern = TextPattern(#"\bfor\s+(\d+)\s*(weeks)\b|\bbegan\s+(\d+)\s*(months)\s+ago\b"#)
    let match = try #require(pattern.firstMatch(in: text))
    #expect((1...4).map { match.group($0) } == groups)
  }

  @Test("every match of a branch searched alone is found, in order")
  func loneBranchFindsEveryMatch() {
    let pattern = TextPattern(#"\b(\d+)\s*weeks\b|\bmonths?\s+of\s+(PT)\b"#)
    let text = "PT for 6 weeks, then 4 weeks of HEP, then 2 WEEKS off."
    #expect(pattern.matches(in: text).map(\.value) == ["6 weeks", "4 weeks", "2 WEEKS"])
    #expect(pattern.matches(in: text).map { $0.group(1) } == ["6", "4", "2"])
  }

  @Test(
    "a prepared text's UTF-16 units are the string's, ASCII or not",
    arguments: [
      "", "PT x6 WEEKS", "She completed six weeks of physical therapy.", "café – 7/10",
      "pain 😀 after the block", "Tab\tand\r\nnewline",
    ])
  func unitsAreTheString(text: String) {
    #expect(SearchableText.of(text).utf16 == Array(text.utf16))
  }

  @Test("the same text asked for again is the prepared one; another text is prepared anew")
  func preparesEachTextOnce() {
    let sentence = "She completed six weeks of physical therapy without relief."
    let copy = String(decoding: Array(sentence.utf8), as: UTF8.self)
    #expect(SearchableText.of(sentence) === SearchableText.of(sentence))
    #expect(SearchableText.of(copy).text == sentence)
    let other = "He completed eight weeks of physical therapy with relief."
    #expect(SearchableText.of(other).text == other)
  }

  @Test("a short text asked for again is the one prepared last; one of its length is not")
  func preparesAShortTextOnce() {
    let short = "PT x6 WEEKS"
    let copy = String(decoding: Array(short.utf8), as: UTF8.self)
    #expect(SearchableText.of(short) === SearchableText.of(copy))
    let sameLength = "PT x8 WEEKS"
    #expect(SearchableText.of(sameLength).text == sameLength)
    #expect(SearchableText.of(short).text == short)
  }

  @Test(
    "a text holds a literal whatever the letter case, and not one it lacks",
    arguments: [
      ("Failed PT x6 WEEKS", "weeks", true), ("Failed PT x6 WEEKS", "pt x6", true),
      ("Failed PT x6 WEEKS", "months", false), ("no relief", "f", true),
      ("no relief", "z", false), ("3 × 4", "×", true),
      ("Completed six weeks of physical therapy without RELIEF.", "relief", true),
      ("Completed six weeks of physical therapy without relief.", "reflief", false),
      ("Completed six weeks of physical therapy without relief.", "f", true),
    ])
  func holdsLiterals(text: String, literal: String, holds: Bool) {
    let searchable = SearchableText.of(text)
    let program = LiteralProgram(branches: [[[Array(literal.utf8)]]])
    #expect((searchable.candidateBranches(program).first != nil) == holds)
  }

  @Test(
    "of several branches, those whose every choice the text meets are the candidates",
    arguments: [
      ("pain for 6 weeks", 0, true), ("began 3 months ago", 1, true),
      ("for 6 weeks, began 3 months ago", 0, false), ("six weeks", nil, true),
    ] as [(String, Int?, Bool)])
  func findsCandidateBranches(text: String, first: Int?, isOnly: Bool) {
    let branches: [[[[UInt8]]]] = [
      [[Array("for".utf8)], [Array("week".utf8), Array("wk".utf8)], (0...9).map { [48 + $0] }],
      [[Array("began".utf8), Array("started".utf8)], [Array("month".utf8)]],
    ]
    let found = SearchableText.of(text).candidateBranches(LiteralProgram(branches: branches))
    #expect(found.first == first)
    #expect(found.isOnly == isOnly)
  }

  @Test(
    "a pattern, compiled when first run, finds what Foundation finds, split or whole",
    arguments: [
      #"\p{L}+ pain"#, #"\w+ (\d+)"#, #"\b(\d+)\s*weeks\b|\bmonths?\s+of\s+(PT)\b"#,
      #"\bfor\s+(\d+)\s*(weeks)\b|\bbegan\s+(\d+)\s*(months)\s+ago\b"#, #"(a)\1|b"#,
      #"\b(?:unable to|cannot)\s+(?:sit|stand)\b"#, #"[^.;]{0,20}\bintact\b"#,
    ])
  func findsWhatFoundationFinds(pattern: String) throws {
    let texts = [
      "Back pain for 6 weeks; it began 3 months ago.", "aa b", "PT 12, then 2 months of PT.",
      "Unable to sit; cannot STAND.", "Incision intact.", "", "É pain 4",
    ]
    let expression = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    let textPattern = TextPattern(pattern)
    for text in texts {
      let whole = NSRange(location: 0, length: text.utf16.count)
      let expected = expression.matches(in: text, range: whole).map { match in
        (0..<match.numberOfRanges).map { index -> Range<Int>? in
          let range = match.range(at: index)
          return range.location == NSNotFound ? nil : range.location..<NSMaxRange(range)
        }
      }
      let found = textPattern.matches(in: text).map { [$0.range] + $0.groups }
      #expect(found == expected, "\(pattern) on \(text)")
    }
  }
}
