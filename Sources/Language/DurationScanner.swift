import Foundation
import Model

/// Finds lengths of time: a number (digits or words, or a range "6-8") and a unit from
/// `units.txt`, optionally after "x" ("x6 wks", "x 3 mos"). A number after a slash (the
/// "10" of "10/10 days") starts no duration, and "2x/week" is a frequency, not a length.
struct DurationScanner {
  /// The scanner of the text, which its dates may share: what it reads off the text for
  /// match starts is read once.
  let scanner: DateScanner

  init(scanner: DateScanner) { self.scanner = scanner }

  init(text: String, language: LanguageData, patterns: DatePatterns) {
    self.init(scanner: DateScanner(text: text, language: language, patterns: patterns))
  }

  private var language: LanguageData { scanner.language }
  private var patterns: DatePatterns { scanner.patterns }

  func durations() -> [DurationMention] {
    let utf16 = scanner.utf16

    let found = scanner.matches(
      of: patterns.duration, group: 0, startingAt: patterns.durationStart)
    return found.compactMap { match in
      let groups = match.groups
      guard let first = DatePatterns.quantity(groups[1], language),
        let unit = groups[3].flatMap({ language.unit(named: $0) }),
        !isAge(after: match.range.upperBound, in: utf16)
      else { return nil }

      let second = DatePatterns.quantity(groups[2], language)
      let value = second ?? first
      return DurationMention(
        range: match.range, text: groups[0] ?? "", value: value,
        lowValue: second == nil ? nil : first, unit: unit.concept, days: value * unit.days,
        sessionCount: sessionCount(before: match.range.lowerBound, in: utf16)
          ?? sessionCount(after: match.range.upperBound, in: utf16),
        isPartOfRelativeDate: isFollowedByAgo(match.range.upperBound, in: utf16))
    }
  }

  private static let sessionsAfter = DatePatterns.regex(
    #"^\s*[,(;]?\s*(\d+)\s+(?:\w+\s+)?(?:visits|sessions|treatments|appointments)\b"#)

  /// "8 weeks, 14 visits" and "6 weeks (12 sessions)" → 14 and 12.
  private func sessionCount(after offset: Int, in utf16: [UInt16]) -> Int? {
    let end = min(utf16.count, offset + 40)
    return Self.firstNumber(of: Self.sessionsAfter, in: utf16[offset..<end])
  }

  private static let sessions = DatePatterns.regex(
    #"(\d+)\s+(?:\w+\s+)?(?:visits|sessions|treatments|appointments)\s+"#
      + #"(?:over|in|across|during)\s+(?:the\s+)?(?:past\s+|last\s+|about\s+)?$"#)

  /// "12 visits over 6 weeks" → 12, read from the words just before the duration.
  private func sessionCount(before offset: Int, in utf16: [UInt16]) -> Int? {
    let start = max(0, offset - 60)
    return Self.firstNumber(of: Self.sessions, in: utf16[start..<offset])
  }

  /// What every session count holds, lower-cased.
  private static let sessionWords = ["visits", "sessions", "treatments", "appointments"].map {
    Array($0.utf16)
  }

  /// The number in group 1 of the first match of `regex` in `window`, searched on its own.
  private static func firstNumber(
    of regex: ICURegularExpression, in window: ArraySlice<UInt16>
  ) -> Int? {
    guard mayHoldSessionWord(window) else { return nil }
    let units = Array(window)
    guard let match = units.withUnsafeBufferPointer({ regex.matches(in: $0, limit: 1) }).first,
      let group = match.ranges[1]
    else { return nil }
    return Int(String(utf16Units: units[group]))
  }

  /// Whether `window` may hold one of `sessionWords`, as every session count does: `false`
  /// only for ASCII text without any of them, compared without ASCII case. Text outside
  /// ASCII is left to the expression: a letter there may fold into an ASCII one ("ſ" is
  /// "s"). Most durations have no session count near them.
  private static func mayHoldSessionWord(_ window: ArraySlice<UInt16>) -> Bool {
    guard window.allSatisfy({ $0 < 0x80 }) else { return true }
    let lowered = window.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
    return lowered.withUnsafeBufferPointer { text in
      sessionWords.contains { word in word.withUnsafeBufferPointer { holds($0, in: text) } }
    }
  }

  /// Whether `text` holds `word`, compared unit by unit from each place its first unit
  /// stands.
  private static func holds(
    _ word: UnsafeBufferPointer<UInt16>, in text: UnsafeBufferPointer<UInt16>
  ) -> Bool {
    guard let first = word.first, text.count >= word.count else { return false }
    for start in 0...(text.count - word.count) where text[start] == first {
      var length = 1
      while length < word.count && text[start + length] == word[length] { length += 1 }
      if length == word.count { return true }
    }
    return false
  }

  /// Whether "ago", "prior", "earlier" or "before" follows the duration.
  ///
  /// Known shortcoming: the exceptions "prior to" and "before the" are read from the same
  /// eight units, so after the usual space before them they never fit ("weeks prior to the
  /// fall" leaves " prior t"): such a duration is marked part of a relative date although
  /// the relative pattern itself refuses it. Widening the window would change what is found.
  private func isFollowedByAgo(_ offset: Int, in utf16: [UInt16]) -> Bool {
    startsWith(
      ["ago", "prior", "earlier", "before"], butNot: ["prior to", "before the"], after: offset,
      in: utf16)
  }

  /// Whether the duration is an age ("56-year-old", "44 year old", "60 yo").
  private func isAge(after offset: Int, in utf16: [UInt16]) -> Bool {
    startsWith(["old", "-old", "yo", "y/o", "y.o"], butNot: [], after: offset, in: utf16)
  }

  /// Whether the eight units after `offset`, lower-cased and white space trimmed, begin with
  /// one of `prefixes` and with none of `exceptions`.
  private func startsWith(
    _ prefixes: [String], butNot exceptions: [String], after offset: Int, in utf16: [UInt16]
  ) -> Bool {
    let window = utf16[offset..<min(utf16.count, offset + 8)]
    guard window.allSatisfy({ $0 < 0x80 }) else {
      let after = String(utf16Units: window).lowercased().trimmingWhitespace
      return prefixes.contains { after.hasPrefix($0) }
        && !exceptions.contains { after.hasPrefix($0) }
    }

    // In ASCII, lower case and white space are a unit's own, and trimming the end of the
    // window changes no prefix: none ends in white space.
    let after = window.drop { $0 == 0x20 || $0 &- 0x09 < 5 }.map {
      $0 &- 0x41 < 26 ? $0 | 0x20 : $0
    }
    let holds = { (prefix: String) in after.starts(with: prefix.utf16) }
    return prefixes.contains(where: holds) && !exceptions.contains(where: holds)
  }
}
