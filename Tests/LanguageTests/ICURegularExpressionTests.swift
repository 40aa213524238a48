import Foundation
import Synchronization
import Testing

@testable import Language

/// `ICURegularExpression` runs ICU directly: it must find what `NSRegularExpression` finds,
/// and rewriting a pattern's sets to compile for less (caseless sets marked, `\d` taken out
/// of its classes) must change no match.
@Suite struct ICURegularExpressionTests {
  @Test(
    "a set that names no letter is marked caseless; one that may is left as written",
    arguments: [
      (#"\bincisions?\b[^.;]{0,40}?\bintact\b"#, #"\bincisions?\b(?-i:[^.;]){0,40}?\bintact\b"#),
      (#"x(?<![\d.])(\d{1,2})"#, #"x(?<!(?:\d|(?-i:[.])))(\d{1,2})"#),
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
    #expect(ICURegularExpression.setsRewritten(pattern) == marked)
  }

  @Test("a set of word characters holds every case form of each of its letters")
  func wordCharacterSetIsItsOwnCaseClosure() throws {
    let marked = try ICURegularExpression(#"^[\w-]$"#)
    let closed = try ICURegularExpression(
      #"^[\w-]$"#, caseInsensitive: true, rewritingSets: false)
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
    "a class of digits and marks is written with the digits tested apart",
    arguments: [
      (#"[\d/.]"#, #"(?:\d|(?-i:[/.]))"#),
      (#"x[/\d-]{1,3}"#, #"x(?:\d|(?-i:[/-])){1,3}"#),
      (#"[-\d]"#, #"(?:\d|(?-i:[-]))"#),
      (#"[\d\-%]"#, #"(?:\d|(?-i:[\-%]))"#),
      (#"[^.;\d]+"#, #"(?:(?!\d)(?-i:[^.;]))+"#),
      (#"[^\d\n.;]"#, #"(?:(?!\d)(?-i:[^\n.;]))"#),
      (#"[\d]"#, #"(?:\d)"#),
      (#"[^\d]"#, #"\D"#),
      (#"[a\d]"#, #"[a\d]"#),
      (#"[\s\d]"#, #"(?-i:[\s\d])"#),
      (#"[\d٫]"#, #"[\d٫]"#),
      (#"[[\d]/]"#, #"[[\d]/]"#),
      (#"[^\n.;]"#, #"(?-i:[^\n.;])"#),
    ])
  func takesDigitsOutOfClasses(pattern: String, rewritten: String) {
    #expect(ICURegularExpression.setsRewritten(pattern) == rewritten)
  }

  @Test(
    "a \\d that may begin a match is written as the class of its digits, another as it is",
    arguments: [
      (#"\d+x"#, "(?-i:D)+x"), (#"x\d"#, #"x\d"#), (#"\b(\d{1,2})/"#, "\\b((?-i:D){1,2})/"),
      (#"^\s*\d"#, #"^\s*\d"#), (#"(?:a|\d)"#, "(?:a|(?-i:D))"), (#"a(?:b|\d)"#, #"a(?:b|\d)"#),
      (#"(?=\d)\d"#, "(?=\\d)(?-i:D)"), (#"(?<!x)\d|y\d"#, "(?<!x)(?-i:D)|y\\d"),
      (#"(?<![\d.])\d"#, "(?<!(?:\\d|(?-i:[.])))(?-i:D)"), (#"(?i)\d"#, #"(?i)\d"#),
      (#"(?<n>\d)"#, #"(?<n>\d)"#), (#"(?>\d)"#, "(?>(?-i:D))"), (#"(a)?\d"#, #"(a)?\d"#),
    ])
  func writesLeadingDigitsAsAClass(pattern: String, rewritten: String) throws {
    let digits = String(decoding: try #require(ICURegularExpression.decimalDigits), as: UTF16.self)

    #expect(
      ICURegularExpression.setsRewritten(pattern)
        == rewritten.replacingOccurrences(of: "D", with: digits))
  }

  @Test("the class of digits is ranges of Unicode's decimal digits, hundreds of them")
  func decimalDigitsAreRangesOfDigits() throws {
    let digits = try #require(ICURegularExpression.decimalDigits)
    let members = Array(
      String(decoding: digits.dropFirst().dropLast(), as: UTF16.self).unicodeScalars)

    var ranges: [ClosedRange<UInt32>] = []
    var index = 0
    while index < members.count {
      let isRange = index + 2 < members.count && members[index + 1] == "-"
      let last = members[isRange ? index + 2 : index]
      ranges.append(members[index].value...last.value)
      index += isRange ? 3 : 1
    }

    #expect(ranges.reduce(0) { $0 + $1.count } >= 600)
    #expect(
      ranges.allSatisfy { range in
        [range.lowerBound, range.upperBound].allSatisfy {
          Unicode.Scalar($0)?.properties.numericType == .decimal
        }
      })
  }

  @Test("a case-sensitive pattern's digits are taken out of their class, no set is marked")
  func rewritesCaseSensitivePatterns() {
    #expect(
      ICURegularExpression.setsRewritten(#"[\d/.]\S[^.]"#, caseInsensitive: false)
        == #"(?:\d|[/.])\S[^.]"#)
  }

  @Test(
    "a class with its digits tested apart matches every character the class matches",
    arguments: [
      #"[\d/.]"#, #"[/\d-]"#, #"[^.;\d]"#, #"[^\d\n.;]"#, #"[\d]"#, #"[^\d]"#, #"\d"#,
    ])
  func digitsApartMatchTheClass(set: String) throws {
    let pattern = "^" + set + "$"
    let rewritten = try ICURegularExpression(pattern)
    let written = try ICURegularExpression(pattern, caseInsensitive: true, rewritingSets: false)
    // Every decimal digit of Unicode, ASCII and its neighbours, and every cased character.
    let characters = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter {
      $0.value < 0x800 || $0.properties.numericType == .decimal
        || $0.properties.changesWhenCaseMapped
    }

    let differing = characters.filter { scalar in
      Array(String(scalar).utf16).withUnsafeBufferPointer {
        rewritten.matches(in: $0).isEmpty != written.matches(in: $0).isEmpty
      }
    }

    #expect(characters.filter { $0.properties.numericType == .decimal }.count > 600)
    #expect(differing.isEmpty, "\(set): \(differing.prefix(5))")
  }

  @Test(
    "a pattern with its digits tested apart finds what it finds as written",
    arguments: [
      #"(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])"#,
      #"(?<![\d.])(\d{1,3})(?:\s*(?:-|–|to)\s*\d{1,3})?\s*(?:%|percent)"#,
      #"\bfrom\b[^\d\n.;]{3,30}?\b(to|until)\b"#,
      #"([/\d-]+)\s*(x|times)"#,
      #"[^.;\d]*pain"#,
    ])
  func digitsApartFindWhatTheWrittenPatternFinds(pattern: String) throws {
    let texts = [
      "Seen 03/14/2026, 3/14/26 and ٠٣/١٤/٢٠٢٦; pain 40-50 % better, ٥٠ percent.",
      "From June to July; from ３ weeks to 2; 1.5% and 12/3/2024/5.",
      "12-3-4 x injections, 𝟙/𝟚 times; Pain, pain7 and 9pain. BACK PAIN",
      "",
    ]
    let rewritten = try ICURegularExpression(pattern)
    let written = try ICURegularExpression(pattern, caseInsensitive: true, rewritingSets: false)
    for text in texts {
      let units = Array(text.utf16)
      let found = units.withUnsafeBufferPointer { rewritten.matches(in: $0) }.map(\.ranges)
      let expected = units.withUnsafeBufferPointer { written.matches(in: $0) }.map(\.ranges)
      #expect(found == expected, "\(pattern) on \(text)")
    }
    #expect(ICURegularExpression.setsRewritten(pattern) != pattern)
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

  @Test("a search asked for no match finds none, wherever it is tried")
  func searchForNoMatch() throws {
    let expression = try ICURegularExpression(#"\bpain\b"#)
    let units = Array("Back pain, leg pain.".utf16)

    units.withUnsafeBufferPointer { text in
      #expect(expression.matches(in: text, limit: 0).isEmpty)
      #expect(expression.matches(in: text, startingAtAnyOf: [5, 15], limit: 0).isEmpty)
    }
  }

  @Test("more matches than the first buffer holds are all found, with their groups")
  func manyMatches() throws {
    let expression = try ICURegularExpression(#"(\d)/(\d+)"#)
    let text = (1...20).map { "\($0 % 10)/\($0)" }.joined(separator: " ")
    let units = Array(text.utf16)
    let starts = (0..<Int32(units.count)).filter { units[Int($0)] != 0x20 }

    let found = units.withUnsafeBufferPointer { expression.matches(in: $0) }
    let tried = units.withUnsafeBufferPointer {
      expression.matches(in: $0, startingAtAnyOf: starts)
    }

    #expect(found.count == 20)
    #expect(
      found.last?.ranges.map { $0.map { String(decoding: units[$0], as: UTF16.self) } } == [
        "0/20", "0", "20",
      ])
    #expect(tried.map(\.ranges) == found.map(\.ranges))
  }

  @Test(
    "one expression searches each text afresh after another, however long the last",
    arguments: [
      ["Pain 7/10 in the low back, pain 3/10 at rest.", "pain", "No complaint.", "pain 2/10"],
      ["", "pain 1/10", "", "x pain 9/10 pain 8/10"],
    ])
  func searchesTextAfterText(texts: [String]) throws {
    let expression = try ICURegularExpression(#"\bpain\s+(\d+)/10"#)
    let reference = try NSRegularExpression(
      pattern: #"\bpain\s+(\d+)/10"#, options: [.caseInsensitive])

    for text in texts + texts.reversed() {
      let units = Array(text.utf16)
      let everywhere = (0..<Int32(units.count)).map { $0 }
      let expected = reference.matches(in: text, range: NSRange(location: 0, length: units.count))
        .map { $0.range.location..<($0.range.location + $0.range.length) }

      let found = units.withUnsafeBufferPointer { expression.matches(in: $0) }
      let tried = units.withUnsafeBufferPointer {
        expression.matches(in: $0, startingAtAnyOf: everywhere)
      }

      #expect(found.map(\.range) == expected, "\(text)")
      #expect(tried.map(\.range) == expected, "\(text)")
    }
  }

  @Test("searches on many threads at once find what one search alone finds")
  func searchesOnManyThreads() throws {
    let expression = try ICURegularExpression(#"\bpain\s+(\d+)/10"#)
    let texts = (0..<64).map { "Pain \($0 % 10)/10 at rest, pain \(($0 + 3) % 10)/10 walking." }
    let expected = texts.map { text in
      Array(text.utf16).withUnsafeBufferPointer { expression.matches(in: $0).map(\.ranges) }
    }

    let disagreeing = Mutex(0)
    DispatchQueue.concurrentPerform(iterations: texts.count * 8) { iteration in
      let index = iteration % texts.count
      let units = Array(texts[index].utf16)
      let starts = (0..<Int32(units.count)).map { $0 }
      let ranges = units.withUnsafeBufferPointer { text in
        iteration.isMultiple(of: 2)
          ? expression.matches(in: text).map(\.ranges)
          : expression.matches(in: text, startingAtAnyOf: starts).map(\.ranges)
      }
      if ranges != expected[index] { disagreeing.withLock { $0 += 1 } }
    }

    #expect(expected.allSatisfy { $0.count == 2 })
    #expect(disagreeing.withLock { $0 } == 0)
  }
}
