import Model
import Testing

@testable import Language

/// A date or duration pattern is tried only where a word of its `MatchStart` begins, and
/// finds there exactly what a search of every offset finds.
@Suite struct MatchStartTests {
  @Test(
    "a match may begin only where a word begins with one of the prefixes, in any case",
    arguments: [
      ("Seen March 3 and mar 9", ["mar"], [5, 17]),
      ("primary summary", ["mar"], []),
      ("x6 weeks, ×3 days", ["x", "×", "6", "3"], [0, 10, 11]),
      ("_mar 9mar", ["mar"], []),
      ("émar", ["mar"], [1]),
      ("", ["mar"], []),
      ("Seen Mar 3, ×2 on March 9 since", ["since", "×", "mar", "on"], [5, 12, 15, 18, 26]),
      ("×3 ÷4 ×", ["×"], [0, 6]),
      ("yesterday yesterda Yesterdays", ["yesterday"], [0, 19]),
      ("past pas", ["past"], [0]),
      ("in i", ["in"], [0]),
      ("Previously PREVIOUS prev", ["previous"], [0, 11]),
    ] as [(String, [String], [Int32])])
  func candidatesAreWordStartsWithAPrefix(text: String, prefixes: [String], starts: [Int32]) {
    let start = MatchStart(wordsBeginningWith: prefixes)
    let found = Self.candidates(of: start, in: text)

    #expect(found == starts)
  }

  @Test(
    "a search at the starts finds what a search of every offset finds",
    arguments: [
      (
        "Seen March 14, 2026, and again Mar 2026; marked relief.", MatchStartTests.monthDayYear,
        ["mar"]
      ),
      (
        "Pain x6 wks, then 2-3 months, six weeks ago, 10/10 days.", MatchStartTests.duration,
        MatchStartTests.durationWords
      ),
      (
        "3 weeks ago and a month ago, 2 weeks prior to the fall", MatchStartTests.agoPattern,
        MatchStartTests.durationWords
      ),
      ("on 3/14 since 4/2 of 5/6 mon 7/8", MatchStartTests.leadPattern, ["on", "since", "of"]),
      ("MARCH 14 2026 and march 15, 2026", MatchStartTests.monthDayYear, ["mar"]),
    ] as [(String, String, [String])])
  func anchoredSearchFindsTheSameMatches(text: String, pattern: String, prefixes: [String]) {
    let regex = DatePatterns.regex(pattern)
    let start = MatchStart(wordsBeginningWith: prefixes)
    let units = Array(text.utf16)

    let (everywhere, anchored) = units.withUnsafeBufferPointer { text in
      let starts = start.candidates(in: text, starts: MatchStart.TextStarts(text))
      return (regex.matches(in: text), regex.matches(in: text, startingAtAnyOf: starts))
    }

    #expect(!everywhere.isEmpty)
    #expect(anchored.map(\.ranges) == everywhere.map(\.ranges))
  }

  @Test(
    "the word starts found by packed prefixes are those whose text begins with a prefix",
    arguments: [
      "Seen March 3, mar 9, Mar. 2026; primary summary; MARCH; ma",
      "Pain x6 wks, then two-three months, six weeks ago, twenty one days, ×4, tw",
      "On 3/14 since 4/2 of 5/6 mon 7/8 from 1/1 until today, yesterday",
      "émar Ømar ×× ×3 _mar 9mar a\u{0}mar thirteen thirty thousand th",
      "",
    ])
  func packedPrefixesAgreeWithPlainPrefixes(text: String) {
    let prefixSets = [
      DatePatterns.monthCues, MatchStartTests.durationWords,
      DatePatterns.yearlessDateLeads + ["today", "yesterday"],
      ["x", "×", "thirteen", "thirty", "thousand", "th", "t", "mar"],
    ]
    let units = Array(text.utf16)
    let starts = units.withUnsafeBufferPointer { MatchStart.TextStarts($0) }
    #expect(
      starts.words.map(\.offset) == units.withUnsafeBufferPointer { MatchStart.wordStarts(in: $0) })

    for prefixes in prefixSets {
      let found = units.withUnsafeBufferPointer {
        MatchStart(wordsBeginningWith: prefixes).candidates(
          in: $0, starts: MatchStart.TextStarts($0))
      }
      let lowered = units.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
      let plain = units.withUnsafeBufferPointer { MatchStart.wordStarts(in: $0) }.filter {
        start in
        prefixes.contains { lowered[Int(start)...].starts(with: $0.lowercased().utf16) }
      }
      #expect(found == plain, "\(prefixes)")
    }
  }

  @Test("the word characters that `\\b` sees are ASCII's letters, digits and `_`, no others")
  func wordCharactersAreASCIILettersDigitsAndUnderscore() {
    let misread = (0...UInt16.max).filter { unit in
      let isWordCharacter =
        (0x30...0x39).contains(unit) || (0x41...0x5A).contains(unit)
        || (0x61...0x7A).contains(unit) || unit == 0x5F
      return MatchStart.isASCIIWordCharacter(unit) != isWordCharacter
    }
    #expect(misread.isEmpty)
  }

  @Test(
    "a number may begin a match only where its digits begin and a separator follows them",
    arguments: [
      ("03/14/2026, 7/10 and 12-3", "/", [0, 3, 12]),
      ("03/14/2026, 7/10 and 12-3", "-", [21]),
      ("x12/5 a3/4 2026/", "/", [1, 7, 11]),
      ("7.5/10 and 10", "/", [2]),
      ("no numbers", "/", []),
      ("١٢/٣ 4", "/", []),
    ] as [(String, String, [Int32])])
  func numberCandidatesAreDigitRunsBeforeASeparator(
    text: String, separators: String, starts: [Int32]
  ) {
    let start = MatchStart(numbersFollowedBy: separators)
    let found = Self.candidates(of: start, in: text)

    #expect(found == starts)
  }

  @Test(
    "a prefix begins a match only when one of the characters that may follow comes next",
    arguments: [
      ("in the past, inflamed, in  the, into", ["in"], "t", [0, 23, 32]),
      ("over 3 weeks, Over The, over", ["over"], "t", [14]),
      ("last week, last visit, LAST Month, past\tyear", ["last", "past"], "wmy", [0, 23, 35]),
      ("since March, since then, since\nJan", ["since"], "jfmasond", [0, 25]),
      ("on 3/14, of 5/6, on the 3rd, of", ["on", "of"], "0123456789", [0, 9]),
      ("in é, in", ["in"], "t", [0]),
    ] as [(String, [String], String, [Int32])])
  func prefixCandidatesNeedAFollowingCharacter(
    text: String, prefixes: [String], following: String, starts: [Int32]
  ) {
    let start = MatchStart(wordsBeginningWith: prefixes, thenAnyOf: following)
    let found = Self.candidates(of: start, in: text)

    #expect(found == starts)
  }

  @Test(
    "a number begins a match only at a word start, after no excluded unit, before a following one",
    arguments: [
      ("3 weeks, 10/6 weeks, 6wks, 7.5 days, a3 weeks, 4 of 5", "", "wd", [0, 12, 21, 29]),
      ("3 weeks, 10/6 weeks, 1.5 days, (4 weeks)", "/.", "wd", [0, 32]),
      ("2 to 3 weeks, 4-6 months, 8 x 9", "/.", "m-tw", [0, 5, 14, 16]),
      ("14 March, 3-Jan, 12 noon, 5 ", "", "-jfmasond", [0, 10, 17]),
      ("4 é, 5", "", "w", [0]),
    ] as [(String, String, String, [Int32])])
  func numberCandidatesNeedAWordStartAndAFollowingCharacter(
    text: String, excluded: String, following: String, starts: [Int32]
  ) {
    let start = MatchStart(wordNumbersThenAnyOf: following, notAfter: excluded)
    let found = Self.candidates(of: start, in: text)

    #expect(found == starts)
  }

  @Test(
    "a number before a separator begins no match after an excluded character",
    arguments: [
      ("03/14/2026, 7/10 and 1.5/2", "/", "/.", [0, 12]),
      ("2026-03-14 and 3-4-5", "-", "-", [0, 15]),
    ] as [(String, String, String, [Int32])])
  func numberCandidatesAfterAnExcludedCharacterAreLeftOut(
    text: String, separators: String, excluded: String, starts: [Int32]
  ) {
    let start = MatchStart(numbersFollowedBy: separators, notAfter: excluded)
    let found = Self.candidates(of: start, in: text)

    #expect(found == starts)
  }

  @Test(
    "a number begins a match only with as many digits as the pattern's first number has",
    arguments: [
      ("2026-03-14, 12-3-2026, 123-4", 4...4, [0]),
      ("2026-03-14, 12-3-2026, 123-4", 1...2, [12]),
      ("1-2 and 20260-1", 1...5, [0, 8]),
    ] as [(String, ClosedRange<Int>, [Int32])])
  func numberCandidatesHaveTheirDigitCount(
    text: String, digits: ClosedRange<Int>, starts: [Int32]
  ) {
    let start = MatchStart(numbersFollowedBy: "-", notAfter: "-", digits: digits)
    let found = Self.candidates(of: start, in: text)

    #expect(found == starts)
  }

  @Test(
    "a number before a separator begins a match only when the digits after it may follow",
    arguments: [
      ("03/14/2026, 7/10, 11/2025, 3/ 4", 1...2, [0, 12]),
      ("03/14/2026, 7/10, 11/2025, 3/ 4", 4...4, [18]),
      ("03/14/2026, 7/10, 11/2025, 3/ 4", 0...0, [27]),
      ("5/123456", 1...Int.max, [0]),
    ] as [(String, ClosedRange<Int>, [Int32])])
  func numberCandidatesNeedTheDigitsAfterTheirSeparator(
    text: String, thenDigits: ClosedRange<Int>, starts: [Int32]
  ) {
    let start = MatchStart(numbersFollowedBy: "/", notAfter: "/.", thenDigits: thenDigits)
    let found = Self.candidates(of: start, in: text)

    #expect(found == starts)
  }

  @Test("the starts of several descriptions are merged in order, each once")
  func startsOfSeveralDescriptionsAreMergedInOrder() {
    let start = MatchStart(anyOf: [
      MatchStart(wordsBeginningWith: ["x", "six"]),
      MatchStart(wordNumbersThenAnyOf: "w"),
      MatchStart(wordsBeginningWith: ["6"]),
    ])
    let units = Array("six weeks x6 wks 6 weeks 7 days".utf16)

    let found = units.withUnsafeBufferPointer {
      start.candidates(in: $0, starts: MatchStart.TextStarts($0))
    }

    #expect(found == [0, 10, 17])
  }

  /// Notes in which the durations and each relative date pattern must be found at their
  /// starts as a search of every offset finds them.
  static let relativeDateNotes = [
    "Pain x6 wks, then 2-3 months, six weeks ago, 10/10 days, 7.5 days, two to three weeks.",
    "Seen 3 weeks ago, a month ago, an hour before, 2 weeks prior to the fall, 4wks earlier.",
    "In the past 6 months, over the last 2 weeks, during the previous year, into the night.",
    "Worse last week, past month, previous year; since March, since then, since\tJan.",
    "Today and yesterday; on 3/14, since 4/2, of 5/6, dated 7/8, from  9/10, 5 x 3.",
    "Seen March 14 and Sept 3rd; 6-week course; one-half day; 3 - 4 weeks; 2 –3 days.",
    "ONE WEEK AGO, Twelve Months Prior, X 3 MOS, x\n2 yrs, a couple of weeks ago.",
    "Seen ſept 3 and 5 weeks ago; café 3 weeks ago, é3 days, 4 days",
    "",
  ]

  @Test(
    "durations and relative dates are found at their starts as at every offset",
    arguments: relativeDateNotes)
  func relativeDatesAndDurationsAtTheirStarts(text: String) {
    let lexicons = Fixtures.lexicons
    let patterns = lexicons.patterns
    let scanner = DateScanner(text: text, language: lexicons.language, patterns: patterns)
    let searches =
      patterns.relative.map { ($0.regex, $0.start) } + [(patterns.duration, patterns.durationStart)]

    for (regex, start) in searches {
      let anchored = scanner.matches(of: regex, group: 0, startingAt: start)
      let everywhere = scanner.matches(of: regex, group: 0)
      #expect(anchored.map(\.range) == everywhere.map(\.range), "\(regex.pattern)")
    }
  }

  /// Notes in which each absolute date format's search at its starts must find what the
  /// search of every offset finds: ASCII ones, and ones with letters and digits outside
  /// ASCII, which are searched at every offset.
  static let absoluteDateNotes = [
    "DOS 03/14/2026; pain 7/10 since 3/2/26. Seen 2026-03-14 and 03-14-2026, 11/2025.",
    "DOB: 1/2/1950 | x03/14/2026 | 3.14/2026 | 12/31/99/1 | 2026-3-4-5 | 1-2-2026",
    "Seen March 14, 2026; 14-Mar-2026; 14 March 2026; Sept 2025, mar. 3 2024",
    "Seen ٠٣/١٤/٢٠٢٦ and 03/14/2026; café 3-14-2026",
    "Seen ſept 3, 2026 and 5/2026; K 2026-01-02",
    "",
  ]

  @Test(
    "each absolute date format finds at its starts what a search of every offset finds",
    arguments: absoluteDateNotes)
  func absoluteDatesAtTheirStarts(text: String) {
    let lexicons = Fixtures.lexicons
    let scanner = DateScanner(
      text: text, language: lexicons.language, patterns: lexicons.patterns)

    for pattern in DatePatterns.absolute {
      let anchored = scanner.matches(of: pattern.regex, group: 0, startingAt: pattern.start)
      let everywhere = scanner.matches(of: pattern.regex, group: 0)
      #expect(anchored.map(\.range) == everywhere.map(\.range), "\(pattern.regex.pattern)")
    }
  }

  @Test("a look-behind still sees the text before a start")
  func lookBehindSeesBeforeTheStart() {
    let regex = DatePatterns.regex(#"(?<![\w/.])\d+\s*weeks"#)
    let units = Array("10/6 weeks, 6 weeks".utf16)

    let found = units.withUnsafeBufferPointer {
      regex.matches(in: $0, startingAtAnyOf: [3, 12])
    }

    #expect(found.map(\.range) == [12..<19])
  }

  @Test("a note whose letters may fold into ASCII is searched at every offset")
  func foldingLettersNeedAWholeSearch() {
    let lexicons = Fixtures.lexicons
    let scanner = DateScanner(
      text: "Seen ſept 3 for knee pain.", language: lexicons.language,
      patterns: lexicons.patterns)
    let service = ClinicalDate(year: 2026, month: 3, day: 14)

    let dates = scanner.relativeDates(dateOfService: service, excluding: [])

    #expect(dates.map(\.range) == [5..<11])
  }

  static let monthDayYear =
    #"\b"# + DatePatterns.month + #"\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"#
  static let duration =
    #"(?<![\w/.])(?:(?:x|×)\s*)?(\d+|six)(?:\s*(?:-|–|to)\s*(\d+))?\s*(weeks?|wks|months?|days)"#
    + #"(?![\w/])"#
  static let agoPattern = #"\b(\d+|a)\s*(weeks?|months?)\s+(?:ago|prior|earlier|before)\b"#
  static let leadPattern = #"\b(?:on|since|of)\s+((\d{1,2})/(\d{1,2}))(?![\d/.])"#
  static let durationWords = ["x", "×", "a", "six"] + DatePatterns.digits

  /// Where `start` lets a match begin in `text`.
  static func candidates(of start: MatchStart, in text: String) -> [Int32] {
    let units = Array(text.utf16)
    return units.withUnsafeBufferPointer {
      start.candidates(in: $0, starts: MatchStart.TextStarts($0))
    }
  }
}
