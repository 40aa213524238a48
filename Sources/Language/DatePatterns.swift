import Foundation
import Model

/// The regular expressions of `DateScanner` and `DurationScanner` and how each reads its
/// groups, compiled once per `Lexicons` (their number words and units come from there).
///
/// Known shortcoming: a year alone ("since 2024", "fusion in 2019") is no `DateMention`,
/// because `ClinicalDate` needs at least a month; past years still mark findings historical
/// (`PastYearTriggers`), and detectors that need a year read it from the text.
struct DatePatterns: Sendable {
  /// An absolute date format and how its capture groups become dates.
  struct Absolute: Sendable {
    let regex: ICURegularExpression
    /// Words one of which every match holds (see `DateScanner.mayHold(anyOf:)`); empty
    /// when the format needs none worth looking for first.
    var cues: [String] = []
    /// Where every match begins, when that is a few words or numbers: the pattern is tried
    /// there only.
    var start: MatchStart? = nil
    /// The readings of the groups; `nil` when they name no real date.
    let read: @Sendable ([String?]) -> (dates: [ClinicalDate], isAmbiguous: Bool)?
  }

  /// A relative or yearless expression, resolved against the date of service.
  struct Relative: Sendable {
    let regex: ICURegularExpression
    /// The capture group whose range is the mention (0: the whole match).
    let mentionGroup: Int
    /// Yearless dates are ambiguous: the date of service only suggests a candidate.
    let isYearless: Bool
    /// Words one of which every match holds: a note that holds none is not searched (see
    /// `DateScanner.mayHold(anyOf:)`).
    let cues: [String]
    /// Where every match begins: the pattern is tried there only.
    let start: MatchStart
    let resolve: @Sendable ([String?], ClinicalDate) -> ClinicalDate?
  }

  static let month =
    "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
  /// What every spelling of `month` begins with.
  static let monthCues = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  ]
  static let monthStart = MatchStart(wordsBeginningWith: monthCues)
  /// The letters every spelling of `month` may begin with.
  static let monthInitials = String(Set(monthCues.compactMap(\.first)))
  static let digits = (0...9).map(String.init)

  static let absolute: [Absolute] = [
    // 03/14/2026, 3/14/26, 7/10/26
    Absolute(
      regex: regex(#"(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])"#),
      start: MatchStart(numbersFollowedBy: "/", notAfter: "/.", digits: 1...2, thenDigits: 1...2)
    ) {
      monthDayYear($0[1], $0[2], $0[3])
    },
    // 2026-03-14
    Absolute(
      regex: regex(#"(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])"#),
      start: MatchStart(numbersFollowedBy: "-", notAfter: "-", digits: 4...4, thenDigits: 1...2)
    ) {
      date(year: int($0[1]), month: int($0[2]), day: int($0[3]))
    },
    // 03-14-2026
    Absolute(
      regex: regex(#"(?<![\d-])(\d{1,2})-(\d{1,2})-(\d{4})(?![\d-])"#),
      start: MatchStart(numbersFollowedBy: "-", notAfter: "-", digits: 1...2, thenDigits: 1...2)
    ) {
      monthDayYear($0[1], $0[2], $0[3])
    },
    // March 14, 2026; Mar. 14 2026; March 14th, 2026
    Absolute(
      regex: regex(#"\b"# + month + #"\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"#),
      cues: monthCues, start: monthStart
    ) {
      date(year: int($0[3]), month: monthNumber($0[1]), day: int($0[2]))
    },
    // 14-Mar-2026, 14 March 2026
    Absolute(
      regex: regex(#"\b(\d{1,2})[-\s]"# + month + #"[a-z]*\.?[-\s,]+(\d{4})\b"#),
      cues: monthCues, start: MatchStart(wordNumbersThenAnyOf: "-" + monthInitials, digits: 1...2)
    ) {
      date(year: int($0[3]), month: monthNumber($0[2]), day: int($0[1]))
    },
    // Mar 2026, March, 2026
    Absolute(
      regex: regex(#"\b"# + month + #"\.?,?\s+(\d{4})\b"#), cues: monthCues, start: monthStart
    ) {
      date(year: int($0[2]), month: monthNumber($0[1]), day: nil)
    },
    // 03/2026
    Absolute(
      regex: regex(#"(?<![\d/.])(\d{1,2})/(\d{4})(?![\d/])"#),
      start: MatchStart(numbersFollowedBy: "/", notAfter: "/.", digits: 1...2, thenDigits: 4...4)
    ) {
      date(year: int($0[2]), month: int($0[1]), day: nil)
    },
  ]

  let relative: [Relative]
  /// A duration: a number or range, an optional "x" before it, a unit (`DurationScanner`).
  let duration: ICURegularExpression
  /// Where every duration begins: "x", "×", a digit or a number word.
  let durationStart: MatchStart

  init(language: LanguageData) {
    let number = Self.numberAlternation(language)
    let unitInitials = Self.unitInitials(language)
    let numberStart = Self.numberStart(words: Self.numberWords(language), then: unitInitials)
    let unit = Self.unitAlternation(language)
    let quantity = { @Sendable (groups: [String?], index: Int) in
      Self.quantity(groups[index], language)
    }
    let unitDays = { @Sendable (groups: [String?], index: Int) in
      groups[index].flatMap { language.unit(named: $0) }
    }

    // "a" and "an" are left out: "twice a day" is a frequency, not a duration.
    let count = Self.numberAlternation(language, includingArticles: false)
    // After a duration's number: its unit, a range's "-", "–" or "to", or the "-" of "6-week".
    durationStart = MatchStart(anyOf: [
      MatchStart(wordsBeginningWith: ["x", "×"]),
      Self.numberStart(
        words: Self.numberWords(language, includingArticles: false),
        then: unitInitials.map { $0 + "-t" }, notAfter: "/."),
    ])
    duration = Self.regex(
      #"(?<![\w/.])(?:(?:x|×)\s*)?"# + count + #"(?:\s*(?:-|–|to)\s*"# + count + ")?"
        + #"(?:\s*-\s*|\s*)"# + unit + #"(?![\w/])"#)

    relative = [
      // 3 weeks ago, a month ago, two years ago, 6 weeks prior, two months earlier
      Relative(
        regex: Self.regex(
          #"\b"# + number + #"\s*"# + unit
            + #"\s+(?:ago|prior|earlier|before)\b(?!\s+(?:to|the)\b)"#),
        mentionGroup: 0,
        isYearless: false, cues: ["ago", "prior", "earlier", "before"], start: numberStart
      ) { groups, service in
        guard let count = quantity(groups, 1), let unit = unitDays(groups, 2) else { return nil }
        return Self.moving(service, back: count, unit: unit)
      },
      // in the past 6 months, over the last 2 weeks
      Relative(
        regex: Self.regex(
          #"\b(?:in|over|during|for|within)\s+the\s+(?:past|last|previous)\s+"# + number
            + #"\s*"# + unit + #"\b"#),
        mentionGroup: 0, isYearless: false, cues: ["past", "last", "previous"],
        start: MatchStart(
          wordsBeginningWith: ["in", "over", "during", "for", "within"], thenAnyOf: "t")
      ) { groups, service in
        guard let count = quantity(groups, 1), let unit = unitDays(groups, 2) else { return nil }
        return Self.moving(service, back: count, unit: unit)
      },
      // last week, last month, last year
      Relative(
        regex: Self.regex(#"\b(?:last|past|previous)\s+(week|month|year)\b"#), mentionGroup: 0,
        isYearless: false, cues: ["last", "past", "previous"],
        start: MatchStart(wordsBeginningWith: ["last", "past", "previous"], thenAnyOf: "wmy")
      ) { groups, service in
        switch groups[1]?.lowercased() {
        case "week": return service.adding(days: -7)
        case "month": return Self.monthOnly(service.adding(months: -1))
        default: return Self.monthOnly(service.adding(months: -12))
        }
      },
      // since January (the most recent January before the visit)
      Relative(
        regex: Self.regex(#"\bsince\s+"# + Self.month + #"\b(?!\.?,?\s*\d)"#), mentionGroup: 0,
        isYearless: false, cues: ["since"],
        start: MatchStart(wordsBeginningWith: ["since"], thenAnyOf: Self.monthInitials)
      ) { groups, service in
        Self.mostRecent(month: Self.monthNumber(groups[1]), day: nil, before: service)
      },
      // today, yesterday
      Relative(
        regex: Self.regex(#"\b(today|yesterday)\b"#), mentionGroup: 0, isYearless: false,
        cues: ["today", "yesterday"], start: MatchStart(wordsBeginningWith: ["today", "yesterday"])
      ) { groups, service in
        groups[1]?.lowercased() == "today" ? service : service.adding(days: -1)
      },
      // on 3/14, since 3/14 (a yearless date only after a cue: scores look the same)
      Relative(
        regex: Self.regex(
          #"\b(?:"# + Self.yearlessDateLeads.joined(separator: "|") + #")\s+"#
            + #"((\d{1,2})/(\d{1,2}))(?![\d/.])"#),
        mentionGroup: 1, isYearless: true, cues: ["/"],
        start: MatchStart(wordsBeginningWith: Self.yearlessDateLeads, thenAnyOf: "0123456789")
      ) { groups, service in
        Self.mostRecent(month: Self.int(groups[2]), day: Self.int(groups[3]), before: service)
      },
      // March 14 with no year
      Relative(
        regex: Self.regex(
          #"\b("# + Self.month + #"\.?\s+(\d{1,2}))(?:st|nd|rd|th)?\b(?!,?\s*\d)"#),
        mentionGroup: 1, isYearless: true, cues: Self.monthCues, start: Self.monthStart
      ) { groups, service in
        Self.mostRecent(
          month: Self.monthNumber(groups[2]), day: Self.int(groups[3]), before: service)
      },
    ]
  }

  // MARK: Reading groups

  static func monthDayYear(
    _ first: String?, _ second: String?, _ year: String?
  ) -> (dates: [ClinicalDate], isAmbiguous: Bool)? {
    guard let first = int(first), let second = int(second), let year = fullYear(year) else {
      return nil
    }
    if let date = ClinicalDate(year: year, month: first, day: second) { return ([date], false) }
    // Not a US month/day; a day-first reading is possible but not what US notes write.
    if let dayFirst = ClinicalDate(year: year, month: second, day: first) {
      return ([dayFirst], true)
    }
    return nil
  }

  static func date(
    year: Int?, month: Int?, day: Int?
  ) -> (dates: [ClinicalDate], isAmbiguous: Bool)? {
    guard let year, let month, let date = ClinicalDate(year: year, month: month, day: day)
    else { return nil }
    return ([date], false)
  }

  /// The year of a two- or four-digit year; two digits below 50 are 20xx.
  ///
  /// Known shortcoming: a fixed pivot, so a date of birth written "3/14/45" reads as 2045.
  /// Notes give visit dates in this century and birth dates mostly with four digits; a pivot
  /// relative to the date of service would need the date of service first.
  static func fullYear(_ text: String?) -> Int? {
    guard let text, let value = Int(text) else { return nil }
    guard text.count == 2 else { return value }
    return value < 50 ? 2000 + value : 1900 + value
  }

  static func int(_ text: String?) -> Int? { text.flatMap { Int($0) } }

  static func monthNumber(_ name: String?) -> Int? {
    guard let prefix = name?.lowercased().prefix(3) else { return nil }
    let months = [
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    return months.firstIndex(of: String(prefix)).map { $0 + 1 }
  }

  /// The month a whole word names ("Mar", "march", "Sept"), or `nil` ("mark", "maybe").
  static func monthNumber(word: String) -> Int? {
    let spellings = [
      "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
      "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
      "november", "dec", "december",
    ]
    let word = word.lowercased()
    return spellings.contains(word) ? monthNumber(word) : nil
  }

  static func quantity(_ text: String?, _ language: LanguageData) -> Double? {
    guard let text else { return nil }
    let key = Normalization.normalize(text)
    if key == "a" || key == "an" { return 1 }
    return language.numberWords[key] ?? Numbers.value(of: key)
  }

  // MARK: Resolving against the date of service

  static func moving(
    _ service: ClinicalDate, back count: Double, unit: (concept: String, days: Double)
  ) -> ClinicalDate {
    if unit.days >= 28 {
      let months = Int((count * unit.days / 30.44).rounded())
      return monthOnly(service.adding(months: -months))
    }
    return service.adding(days: -Int((count * unit.days).rounded()))
  }

  static func monthOnly(_ date: ClinicalDate) -> ClinicalDate {
    ClinicalDate(year: date.year, month: date.month) ?? date
  }

  /// The latest date with this month (and day) on or before `service`.
  static func mostRecent(month: Int?, day: Int?, before service: ClinicalDate) -> ClinicalDate? {
    guard let month else { return nil }
    let sameYear = ClinicalDate(year: service.year, month: month, day: day)
    if let sameYear, sameYear <= service { return sameYear }
    return ClinicalDate(year: service.year - 1, month: month, day: day)
  }

  // MARK: Building the expressions

  /// The words after which "3/14" is read as a date ("on 3/14", "since 3/14").
  static let yearlessDateLeads = [
    "on", "dated", "since", "from", "until", "through", "thru", "starting", "started", "of",
  ]

  static func numberAlternation(
    _ language: LanguageData, includingArticles: Bool = true
  ) -> String {
    #"(\d+(?:\.\d+)?|"#
      + alternation(of: numberWords(language, includingArticles: includingArticles)) + ")"
  }

  /// The numbers written as words, "a" and "an" among them when `includingArticles`.
  static func numberWords(_ language: LanguageData, includingArticles: Bool = true) -> [String] {
    Array(language.numberWords.keys) + Numbers.words + (includingArticles ? ["a", "an"] : [])
  }

  /// Where a match that opens with a number, digits or one of `words`, begins, when
  /// `following` (lower-cased ASCII) holds what may come after the number, white space
  /// skipped; `nil`: anything may.
  static func numberStart(
    words: [String], then following: String?, notAfter excluded: String = ""
  ) -> MatchStart {
    guard let following else { return MatchStart(wordsBeginningWith: digits + words) }
    return MatchStart(anyOf: [
      MatchStart(wordsBeginningWith: words, thenAnyOf: following),
      // A decimal's point comes right after its first digits.
      MatchStart(wordNumbersThenAnyOf: following + ".", notAfter: excluded),
    ])
  }

  /// The letters the unit phrases begin with, lower-cased: what comes after the number of
  /// "3 weeks" and "6wks", white space skipped. `nil` unless every phrase begins with an
  /// ASCII letter, as those of `units.txt` do: a digit there could follow a number's first
  /// digits, and a letter outside ASCII may match an ASCII one without case.
  static func unitInitials(_ language: LanguageData) -> String? {
    let initials = language.units.map { $0.phrase.utf16.first.map { $0 | 0x20 } }
    guard initials.allSatisfy({ $0.map { (0x61...0x7A).contains($0) } ?? false }) else {
      return nil
    }
    return String(decoding: initials.compactMap { $0 }, as: UTF16.self)
  }

  static func unitAlternation(_ language: LanguageData) -> String {
    let phrases = language.units.map(\.phrase)
    guard !phrases.isEmpty else { return "(?!)" }
    return "(" + alternation(of: phrases) + ")"
  }

  /// An alternation of literal phrases, longest first, with the phrases that begin alike
  /// sharing one branch: `t(?:hree|wo)|o(?:ne)` rather than `three|two|one`.
  ///
  /// It matches what the flat alternation matches: phrases that differ in their first letter
  /// never both match at one place, and within a branch the longer phrase is still tried
  /// first. ICU tries every branch at every word, so one branch per letter instead of one per
  /// phrase is most of the cost of scanning a note for numbers.
  static func alternation(of phrases: [String]) -> String {
    let lowered = Set(phrases.map { $0.lowercased() })
    guard lowered.allSatisfy(isPrintableASCII) else { return characterAlternation(of: lowered) }

    // A printable ASCII unit is one character, and strings of them order as their units do:
    // the phrases are sorted and split as bytes, with no `Character` to hash or count.
    let longestFirst = lowered.map { Array($0.utf8)[...] }.sorted {
      $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1)
    }
    return LiteralAlternation(longestFirst).pattern
  }

  /// `alternation(of:)` built character by character, for phrases of any script.
  static func characterAlternation(of phrases: Set<String>) -> String {
    let longestFirst = phrases.sorted {
      $0.count != $1.count ? $0.count > $1.count : $0 < $1
    }
    return branches(of: longestFirst.map { Array($0) }).joined(separator: "|")
  }

  private static func isPrintableASCII(_ phrase: String) -> Bool {
    phrase.utf8.allSatisfy { (0x20..<0x7F).contains($0) }
  }

  /// The branches of an alternation of `phrases`, one per first character, in the order the
  /// phrases first use it; the end of a phrase is the empty branch.
  private static func branches(of phrases: [[Character]]) -> [String] {
    var firsts: [Character?] = []
    var rests: [Character?: [[Character]]] = [:]
    for phrase in phrases {
      let first = phrase.first
      if rests[first] == nil { firsts.append(first) }
      rests[first, default: []].append(Array(phrase.dropFirst()))
    }
    return firsts.map { first -> String in
      guard let first else { return "" }
      let head = NSRegularExpression.escapedPattern(for: String(first))
      let rest = branches(of: rests[first] ?? [])
      return rest.count == 1 ? head + rest[0] : head + "(?:" + rest.joined(separator: "|") + ")"
    }
  }

  static func regex(_ pattern: String) -> ICURegularExpression {
    // The patterns are constants of this file; one that does not compile is a bug here.
    try! ICURegularExpression(pattern, caseInsensitive: true)
  }
}
