import Foundation
import Model

/// A regular expression over clinical text, answering in UTF-16 offsets.
///
/// Offsets are UTF-16 code units, the unit `Document` and ICU use, so a match inside a
/// sentence converts to a document offset by adding the sentence's start.
struct TextPattern: Sendable {
  private let expression: NSRegularExpression
  /// The literals every match holds one of; text without any is not searched.
  private let required: RequiredLiterals?

  /// Compiles a case-insensitive pattern.
  ///
  /// Every pattern in this module is a literal exercised by the unit tests, so a pattern
  /// that fails to compile is a programming error found by the first test run.
  init(_ pattern: String) {
    // The force-try is safe: see the doc comment above.
    expression = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    required = RequiredLiterals(pattern: pattern)
  }

  /// Every non-overlapping match in `text`, in order.
  func matches(in text: String) -> [TextMatch] {
    guard mayMatch(text) else { return [] }

    let whole = NSRange(location: 0, length: text.utf16.count)
    let results = expression.matches(in: text, range: whole)
    guard !results.isEmpty else { return [] }
    let utf16 = Array(text.utf16)
    return results.map { TextMatch(result: $0, utf16: utf16) }
  }

  /// The first match in `text`, if any.
  func firstMatch(in text: String) -> TextMatch? {
    guard mayMatch(text) else { return nil }

    let whole = NSRange(location: 0, length: text.utf16.count)
    return expression.firstMatch(in: text, range: whole).map {
      TextMatch(result: $0, utf16: Array(text.utf16))
    }
  }

  private func mayMatch(_ text: String) -> Bool {
    guard let required, !required.mayMatch(text) else { return true }
    assert(
      expression.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count))
        == nil, "a match without the literals its pattern requires: \(expression.pattern)")
    return false
  }

  /// Whether the pattern occurs anywhere in `text`.
  func occurs(in text: String) -> Bool { firstMatch(in: text) != nil }
}

/// The alternation of several patterns, `a|b|c`, searched one pattern at a time.
///
/// An alternation's literals are those of all its branches, so a long one is run on nearly
/// every sentence; searched apart, each branch runs only where its own literals are. The
/// first match is the one the whole expression finds: a backtracking matcher takes the
/// earliest offset where any branch matches, and there the first branch in order that does.
/// Capture groups are numbered within each pattern.
struct TextPatternAlternation: Sendable {
  private let branches: [TextPattern]

  init(_ branches: [String]) { self.branches = branches.map(TextPattern.init) }

  /// The first match in `text`, if any.
  func firstMatch(in text: String) -> TextMatch? {
    var first: TextMatch?
    for branch in branches {
      guard let match = branch.firstMatch(in: text) else { continue }
      if match.range.lowerBound < first?.range.lowerBound ?? Int.max { first = match }
    }
    return first
  }
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

  fileprivate init(result: NSTextCheckingResult, utf16: [UInt16]) {
    func convert(_ range: NSRange) -> Range<Int>? {
      guard range.location != NSNotFound else { return nil }
      return range.location..<(range.location + range.length)
    }
    range = convert(result.range) ?? 0..<0
    groups = (0..<result.numberOfRanges).dropFirst().map { convert(result.range(at: $0)) }
    value = String(utf16Units: utf16[range])
    groupTexts = groups.map { group in group.map { String(utf16Units: utf16[$0]) } }
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
    return String(utf16Units: units[lower..<upper])
  }
}
