import Foundation

/// A regular expression over clinical text, answering in UTF-16 offsets.
///
/// Offsets are UTF-16 code units, the unit `Document` and ICU use, so a match inside a
/// sentence converts to a document offset by adding the sentence's start.
struct TextPattern: Sendable {
  private let expression: NSRegularExpression

  /// Compiles a case-insensitive pattern.
  ///
  /// Every pattern in this module is a literal exercised by the unit tests, so a pattern
  /// that fails to compile is a programming error found by the first test run.
  init(_ pattern: String) {
    // The force-try is safe: see the doc comment above.
    expression = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
  }

  /// Every non-overlapping match in `text`, in order.
  func matches(in text: String) -> [TextMatch] {
    let whole = NSRange(location: 0, length: text.utf16.count)
    return expression.matches(in: text, range: whole).map { TextMatch(result: $0, text: text) }
  }

  /// The first match in `text`, if any.
  func firstMatch(in text: String) -> TextMatch? {
    let whole = NSRange(location: 0, length: text.utf16.count)
    return expression.firstMatch(in: text, range: whole).map { TextMatch(result: $0, text: text) }
  }

  /// Whether the pattern occurs anywhere in `text`.
  func occurs(in text: String) -> Bool { firstMatch(in: text) != nil }
}

/// One match of a `TextPattern`: its range and its capture groups, in UTF-16 offsets.
struct TextMatch: Sendable {
  /// The whole match.
  let range: Range<Int>
  /// Each capture group's range, `nil` where the group did not take part.
  let groups: [Range<Int>?]
  /// The whole match's text.
  let value: String
  private let groupTexts: [String?]

  fileprivate init(result: NSTextCheckingResult, text: String) {
    let utf16 = Array(text.utf16)
    func convert(_ range: NSRange) -> Range<Int>? {
      guard range.location != NSNotFound else { return nil }
      return range.location..<(range.location + range.length)
    }
    range = convert(result.range) ?? 0..<0
    groups = (0..<result.numberOfRanges).dropFirst().map { convert(result.range(at: $0)) }
    value = String(decoding: utf16[range], as: UTF16.self)
    groupTexts = groups.map { group in group.map { String(decoding: utf16[$0], as: UTF16.self) } }
  }

  /// The text of capture group `index` (1-based), or `nil` when it did not take part.
  func group(_ index: Int) -> String? {
    guard index >= 1, index <= groupTexts.count else { return nil }
    return groupTexts[index - 1]
  }
}

extension String {
  /// The text between two UTF-16 offsets of this string, clamped to it.
  func utf16Slice(_ range: Range<Int>) -> String {
    let units = Array(utf16)
    let lower = max(0, min(range.lowerBound, units.count))
    let upper = max(lower, min(range.upperBound, units.count))
    return String(decoding: units[lower..<upper], as: UTF16.self)
  }
}
