import Foundation
import Language
import Testing

@testable import Facts

/// `PatternStart` lets a pattern be tried only at some offsets of a text, so those offsets
/// must hold every offset where a match begins: these tables name, for each shape of
/// pattern, where its matches may begin, and check on many texts that trying the pattern
/// there alone finds what a search of every offset finds.
@Suite struct PatternStartTests {
  @Test(
    "a match begins at a prefix or at a character the pattern's first parts allow",
    arguments: [
      (#"\b(?:pain|ache)\b"#, "Back pain, an ACHE.", [5, 14]),
      (#"(?<![\d/.])(\d{1,2})/(\d{1,2})"#, "On 3/14, then 12/1.", [3, 5, 6, 14, 15, 17]),
      // An optional first word lets what follows it begin a match.
      (#"\b(?:for|over)?\s*(\d+)\s*weeks"#, "For 6 weeks", [0, 3, 4]),
      // A space begins a match only where its run of spaces ends at what may follow them.
      (#"\s*(\d+)"#, "a  1 b 2c", [1, 2, 3, 6, 7]),
      (#"\s+(?<!x )(?:mg|mcg)\b"#, "5 mg x mcg  mgs", [1, 6, 10, 11]),
      (#"\s\d"#, "a 1  2", [1, 3, 4]),
      (#"(?:pre|post)-?op"#, "Post-op; preop.", [0, 9]),
      // Letters of a class are found in either case.
      (#"\b([CTLS])(\d{1,2})\b"#, "l4 and S1", [0, 7]),
      (#"×\s*(\d+)"#, "PT ×6", [3]),
      // The patterns are not multi-line: `^` is the text's start alone.
      (#"^\s*(?:S:|Pt:)"#, "pt: S:", [0]),
      // After `\b`, a word character begins a match only where it begins a word.
      (#"\bpain"#, "Spain, pain", [7]),
      (#"\b\d+\s*%"#, "a12 3%", [4]),
      (#"\b(?:x\s*)?\d+"#, "x3 4x5", [0, 3]),
      // What follows a branch's start is skipped, with its classes, escapes and groups.
      (#"(?:pain[)|(]\)(?:a|b)|ache)s"#, "pain() aches", [0, 7]),
      (#"abc+d|x{2,}"#, "abcd xx", [0, 5, 6]),
      // A bound of at least one keeps its part as the start, however large it is written.
      (#"a{01}b"#, "b ab", [2]),
      (#"a{99999999999999999999}b"#, "b ab", [2]),
      (#"a{0,2}b"#, "b ab", [0, 2, 3]),
    ])
  func beginsWhereThePatternMay(pattern: String, text: String, expected: [Int32]) throws {
    let start = try #require(PatternStart(pattern: pattern))
    let units = Array(text.utf16)
    #expect(units.withUnsafeBufferPointer { start.candidates(in: $0) } == expected)
  }

  @Test(
    "a pattern whose match may begin anywhere, or whose syntax is unknown, is not narrowed",
    arguments: [
      #"\d*"#, #"(?:pain)?"#, #".pain"#, #"\w+ing"#, #"[^x]y"#, #"(a)?\1b"#, #"\p{L}x"#,
      #"(?x) a b"#, #"(?:ſ|x)y"#, #"[a-z]+"#, #"(?m:^x)"#, #"pain(?x) a"#,
      #"pain\s(?#a)"#, #"pain\Q(\E"#,
    ])
  func leavesAnywhereAlone(pattern: String) {
    #expect(PatternStart(pattern: pattern) == nil)
  }

  static let patterns = [
    #"\b(?:NRS|pain(?: level| score)?|rated?)\s*(?:of\s+)?(\d{1,2})\s*(?:/\s*10)?"#,
    #"\b(?:for|x|×|over|of|about|total of)?\s*(?<!\(last )(?<!in the last )(\d+)\s*weeks?\b"#,
    #"(?<![\d/.])(?!0\d)(\d{1,2}(?:\.\d)?|zero|one|two|three|ten)\s*(?:/|out of)\s*(?:10|ten)"#,
    #"(?:\b(?:for|past|last)|×|>)\s*(?:the\s+)?(?:past\s+|last\s+)?(\d+)\s*(?:months?|years?)"#,
    #"(?<![\w.])L(?![\w-])|(?<![\w.])R(?![\w-])"#,
    #"^\s*((?:pre|post|baseline|\d+\s*min))\s*[:=-]"#,
    #"\b[A-TV-Z]\d{2}\.[0-9A-Z]{1,4}\b(?![-/]\d)"#,
    #"(\d+)\s+(?:\w+\s+)?(?:visits|sessions)\s+(?:over|in)\s+(?:the\s+)?(?:past\s+)?$"#,
    #"\b(?:unable to|cannot|can't)\s+(?:sit|stand|walk)\w*"#,
    #"(?<![\d.])(\d{1,3})(?:\s*(?:-|–|to)\s*\d{1,3})?\s*(?:%|percent)"#,
    #"\b(?:two|three|several|\d+)\s+(?:\S+\s+){0,2}$"#,
    #"(?:\s|^)(?-i:[MF])\b"#,
    #"\b(?:attended|had)?\s*(\d{1,3}|one|two)\s*(?:PT\s+)?(?:sessions?|visits?)\b"#,
    #"\s+(?<!x )(?:mg|mcg|\d)"#,
    #"\s*(?=\d)\d+\s*(?:\s|%)"#,
  ]

  static let texts = [
    "Pain score 7/10 today; NRS of 6.", "For 6 weeks of PT, then 3 weeks more.",
    "x 12 weeks", "Seven out of ten, 8/10, 0/10, 10/10.", "over the past 2 years; ×3 months",
    "L L4 R-sided; (L) and R.", "Pre: 8\nPost: 2\n30 min - 1", "M54.16 and G89.29-1 noted",
    "12 PT visits over the past ", "He cannot stand; unable to walking", "50-60% and 70 percent",
    "three of the ", "58 M", "Rated 5 in the last 3 weeks", "PAIN LEVEL 9", "",
    "É pain 4", "٣ weeks", "no match here at all", "–5% ×2 weeks",
    "had 12 PT sessions; two  visits", "5 mg x mcg\u{A0}7 %", "\u{A0}\u{2003}3 visits",
  ]

  @Test("trying a pattern only where its matches may begin finds every match")
  func findsEveryMatch() throws {
    for pattern in Self.patterns {
      let expression = try ICURegularExpression(pattern, caseInsensitive: true)
      let start = try #require(PatternStart(pattern: pattern), "\(pattern)")
      for text in Self.texts {
        let units = Array(text.utf16)
        units.withUnsafeBufferPointer { buffer in
          let everywhere = expression.matches(in: buffer).map(\.ranges)
          let narrowed = expression.matches(
            in: buffer, startingAtAnyOf: start.candidates(in: buffer)
          ).map(\.ranges)
          let isASCIICase = !text.unicodeScalars.contains {
            !$0.isASCII
              && ($0.properties.changesWhenCaseFolded || $0.properties.numericType == .decimal)
          }
          if isASCIICase {
            #expect(narrowed == everywhere, "\(pattern) on \(text)")
          }
        }
      }
    }
  }

  @Test(
    "the offsets written to a search's buffer are those listed, from its start",
    arguments: [
      (#"\b(?:pain|ache)\b"#, "Back pain, an ACHE."),
      (#"^\s*(?:S:|Pt:)"#, "pt: S:"),
      (#"\s*(\d+)"#, "a  1 b 2c"),
      (#"\bpain"#, "x"),
    ])
  func writesOffsetsToABuffer(pattern: String, text: String) throws {
    let start = try #require(PatternStart(pattern: pattern))
    let units = Array(text.utf16)

    let (listed, written) = units.withUnsafeBufferPointer { text in
      let buffer = UnsafeMutableBufferPointer<Int32>.allocate(capacity: text.count)
      defer { buffer.deallocate() }
      let count = start.candidates(in: text, into: buffer)
      return (start.candidates(in: text), Array(buffer[..<count]))
    }

    #expect(written == listed)
  }
}
