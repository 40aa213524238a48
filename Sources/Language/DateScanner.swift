import Foundation
import Model

/// Finds the dates of a note in the formats US notes write them, then resolves relative
/// expressions ("3 weeks ago", "since January") against the date of service.
///
/// A yearless "3/14" counts as a date only after a cue word ("on 3/14", "since 3/14"), so
/// that scores (7/10), strengths (4/5) and ratios are never read as dates; a three-part
/// "7/10/26" is always a date.
struct DateScanner {
  let utf16: [UInt16]
  let language: LanguageData
  let patterns: DatePatterns

  init(text: String, language: LanguageData, patterns: DatePatterns) {
    self.text = text
    self.utf16 = Array(text.utf16)
    self.language = language
    self.patterns = patterns
  }

  private let text: String

  /// A date found in the text.
  struct Found {
    let range: Range<Int>
    let date: ClinicalDate?
    let candidates: [ClinicalDate]
    let isAmbiguous: Bool
    let isRelative: Bool
  }

  /// Every absolute date, leftmost first, overlapping readings removed.
  func absoluteDates() -> [Found] {
    var found: [Found] = []
    for pattern in DatePatterns.absolute {
      for (range, groups) in matches(of: pattern.regex, group: 0) {
        guard !found.contains(where: { $0.range.overlaps(range) }),
          let reading = pattern.read(groups)
        else { continue }
        found.append(
          Found(
            range: range, date: reading.isAmbiguous ? nil : reading.dates.first,
            candidates: reading.isAmbiguous ? reading.dates : [],
            isAmbiguous: reading.isAmbiguous, isRelative: false))
      }
    }
    return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
  }

  /// Relative and yearless dates, resolved against the date of service when it is known.
  func relativeDates(dateOfService: ClinicalDate?, excluding taken: [Range<Int>]) -> [Found] {
    var found: [Found] = []
    for pattern in patterns.relative {
      for (range, groups) in matches(of: pattern.regex, group: pattern.mentionGroup) {
        guard !taken.contains(where: { $0.overlaps(range) }),
          !found.contains(where: { $0.range.overlaps(range) })
        else { continue }
        let date = dateOfService.flatMap { pattern.resolve(groups, $0) }
        found.append(
          Found(
            range: range, date: pattern.isYearless ? nil : date,
            candidates: pattern.isYearless ? date.map { [$0] } ?? [] : [],
            isAmbiguous: pattern.isYearless, isRelative: !pattern.isYearless))
      }
    }
    return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
  }

  /// Matches of `regex` with the range of capture group `group` and every group's text.
  func matches(
    of regex: ICURegularExpression, group: Int
  ) -> [(range: Range<Int>, groups: [String?])] {
    utf16.withUnsafeBufferPointer { regex.matches(in: $0) }.map { match in
      let groups = match.ranges.map { range in range.map { String(utf16Units: utf16[$0]) } }
      return (match.ranges[group] ?? 0..<0, groups)
    }
  }
}
