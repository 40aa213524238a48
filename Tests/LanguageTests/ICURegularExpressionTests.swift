import Foundation
import Testing

@testable import Language

/// `ICURegularExpression` runs ICU directly: it must find what `NSRegularExpression` finds,
/// and marking the caseless sets of a case-insensitive pattern must change no match.
@Suite struct ICURegularExpressionTests {
  @Test(
    "a set that names no letter is marked caseless; one that may is left as written",
    arguments: [
      (#"\bincisions?\b[^.;]{0,40}?\bintact\b"#, #"\bincisions?\b(?-i:[^.;]){0,40}?\bintact\b"#),
      (#"(?<![\d/.])(\d{1,2})"#, #"(?<!(?-i:[\d/.]))(\d{1,2})"#),
      (#"\S+ pain"#, #"(?-i:\S)+ pain"#),
      (#"[^a-z]x"#, #"[^a-z]x"#),
      (#"[!-~]"#, #"[!-~]"#),
      (#"[\w.]"#, #"(?-i:[\w.])"#),
      (#"[^\w-]"#, #"(?-i:[^\w-])"#),
      (#"[\S\d]"#, #"[\S\d]"#),
      (#"[[0-9]&&[^5]]"#, #"[[0-9]&&[^5]]"#),
      (#"\[x\]"#, #"\[x\]"#),
      (#"[]a]"#, #"[]a]"#),
      (#"\Q[^.]\E"#, #"\Q[^.]\E"#),
      (#"😀[.,]x"#, #"😀(?-i:[.,])x"#),
      (#"\😀[.]"#, #"\😀(?-i:[.])"#),
      (#"[^é]\S"#, #"[^é](?-i:\S)"#),
      (#"[😀-😃]"#, #"[😀-😃]"#),
      (#"[.-😀]"#, #"[.-😀]"#),
    ])
  func marksCaselessSets(pattern: String, marked: String) {
    #expect(ICURegularExpression.caselessSetsMarked(pattern) == marked)
  }

  @Test("a set of word characters holds every case form of each of its letters")
  func wordCharacterSetIsItsOwnCaseClosure() throws {
    let marked = try ICURegularExpression(#"^[\w-]$"#)
    let closed = try ICURegularExpression(
      #"^[\w-]$"#, caseInsensitive: true, markingCaselessSets: false)
    let cased = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter {
      $0.properties.changesWhenCaseMapped || $0.properties.changesWhenCaseFolded
    }

    let differing = cased.filter { scalar in
      Array(String(scalar).utf16).withUnsafeBufferPointer {
        marked.matches(in: $0).isEmpty != closed.matches(in: $0).isEmpty
      }
    }

    #expect(cased.count > 2_000)
    #expect(differing.isEmpty)
  }

  @Test(
    "matches are those NSRegularExpression finds, groups included",
    arguments: [
      #"\bincisions?\b[^.;]{0,40}?\b(intact|clean)\b"#,
      #"(?<![\d/.])(\d{1,2})\s*(?:/|out of)\s*(10|ten)"#,
      #"\b(?:pain|ache)\b\S*"#,
      #"(\d+)\s*(weeks?|months?)|\b(?:since)\s+(\w+)"#,
      #"x?"#,
    ])
  func findsWhatFoundationFinds(pattern: String) throws {
    let texts = [
      "Incision intact; no drainage.", "INCISIONS CLEAN and dry", "Pain 7/10, was 9 out of ten.",
      "Ache-free since June; pain for 3 Weeks.", "ÉCOLE 5/10 ﬁnally", "",
    ]
    let expression = try ICURegularExpression(pattern)
    let foundation = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    for text in texts {
      let units = Array(text.utf16)
      let found = units.withUnsafeBufferPointer { expression.matches(in: $0) }.map(\.ranges)
      let expected = foundation.matches(in: text, range: NSRange(location: 0, length: units.count))
        .map { match in
          (0..<match.numberOfRanges).map { index -> Range<Int>? in
            let range = match.range(at: index)
            return range.location == NSNotFound ? nil : range.location..<NSMaxRange(range)
          }
        }
      #expect(found == expected, "\(pattern) on \(text)")
      let first = units.withUnsafeBufferPointer { expression.matches(in: $0, limit: 1) }
      #expect(first.map(\.ranges) == Array(expected.prefix(1)), "\(pattern) on \(text)")
    }
  }
}
