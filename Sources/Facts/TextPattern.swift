import Foundation
import Language
import Model

/// A regular expression over clinical text, answering in UTF-16 offsets.
///
/// Offsets are UTF-16 code units, the unit `Document` and ICU use, so a match inside a
/// sentence converts to a document offset by adding the sentence's start.
///
/// Searching is made cheap for the many patterns run over each sentence: the text is
/// prepared once per thread (`SearchableText`: its UTF-16 units and a byte index), a text
/// that lacks the literals a pattern requires (`RequiredLiterals`) is not searched, ICU runs
/// on the UTF-16 units directly (`ICURegularExpression`), and of an alternation `a|b|c` only
/// the branch whose literals the text holds is run, when it is the only one.
///
/// A class, not a structure: detectors pass patterns around in lists and tuples, and a copy
/// is then one reference counted rather than one per array and object the pattern holds.
final class TextPattern: Sendable {
  /// The whole expression, compiled the first time it is run: a pattern whose literals few
  /// texts hold, or whose texts hold those of one branch only, may never need it.
  private let expression: LazyExpression
  /// The literals every match holds one of; text without any is not searched.
  private let required: RequiredLiterals?
  /// Each outermost branch to be searched on its own, with its number of capture groups and
  /// that of the branches before it; empty when the pattern is not split.
  private let branches: [(expression: LazyExpression, groups: Int, groupsBefore: Int)]

  /// Reads a case-insensitive pattern, to be compiled when it is first run.
  ///
  /// Every pattern in this module is a literal exercised by the unit tests, so a pattern
  /// that fails to compile is a programming error: a debug build (the tests) compiles it
  /// here, and checks that its capture groups are those its branches were read to hold.
  init(_ pattern: String) {
    expression = LazyExpression(pattern)
    required = RequiredLiterals(pattern: pattern)
    branches = Self.split(required)
    #if DEBUG
      PatternRegistry.record(pattern)
    #endif
    assert(
      Self.groupsAgree(expression.compiled, required),
      "capture groups counted otherwise than ICU counts them: \(pattern)")
  }

  /// Whether ICU numbers as many capture groups in `expression` as `required` read in it.
  private static func groupsAgree(
    _ expression: ICURegularExpression, _ required: RequiredLiterals?
  ) -> Bool {
    required.map { $0.groupCount == expression.groupCount } ?? true
  }

  /// The branches of an alternation, to be searched apart. ICU tries every branch at nearly
  /// every offset, so a pattern of many branches costs as many searches; where the text
  /// holds the literals of only one branch, no other can match, and the matches of the
  /// whole pattern are those of that branch alone (with its groups numbered as in the
  /// whole). A branch is compiled the first time it is searched alone.
  private static func split(_ required: RequiredLiterals?) -> [(
    expression: LazyExpression, groups: Int, groupsBefore: Int
  )] {
    guard let required, required.branches.count > 1, !required.hasBackreference else {
      return []
    }
    var branches: [(expression: LazyExpression, groups: Int, groupsBefore: Int)] = []
    var groups = 0
    for branch in required.branches {
      branches.append((LazyExpression(branch.source), branch.groups, groups))
      groups += branch.groups
    }
    return branches
  }

  /// Every non-overlapping match in `text`, in order.
  func matches(in text: String) -> [TextMatch] { search(text, limit: .max) }

  /// The first match in `text`, if any.
  func firstMatch(in text: String) -> TextMatch? { firstMatch(in: SearchableText.of(text)) }

  /// Whether the pattern occurs anywhere in `text`.
  func occurs(in text: String) -> Bool { firstMatch(in: text) != nil }

  /// Whether `searchable` holds the literals the pattern requires, the expression not run:
  /// `false` means no match is possible; `true`, only that one may be.
  func mayOccur(in searchable: SearchableText) -> Bool {
    required?.mayMatch(searchable) ?? true
  }

  /// Whether the pattern occurs in a stretch of `text` (UTF-16 offsets). The stretch is cut
  /// out only when `text` holds the pattern's literals, which most sentences do not: a new
  /// string is a new text to prepare for the search, and a stretch cannot hold a literal
  /// its text lacks.
  func occurs(in text: String, within range: Range<Int>) -> Bool {
    mayOccur(in: SearchableText.of(text)) && occurs(in: text.utf16Slice(range))
  }

  private func search(_ text: String, limit: Int) -> [TextMatch] {
    search(SearchableText.of(text), limit: limit)
  }

  private func search(_ searchable: SearchableText, limit: Int) -> [TextMatch] {
    guard let found = find(in: searchable, limit: limit) else { return [] }
    return found.map { TextMatch($0, in: searchable.utf16) }
  }

  /// The first match in `searchable`, if any: most texts lack the pattern's literals, and
  /// are answered with no array made or released.
  fileprivate func firstMatch(in searchable: SearchableText) -> TextMatch? {
    guard let found = find(in: searchable, limit: 1)?.first else { return nil }
    return TextMatch(found, in: searchable.utf16)
  }

  /// The matches in `searchable`; `nil`, not an empty list, when the text lacks the literals
  /// the pattern requires, which most texts do.
  private func find(in searchable: SearchableText, limit: Int) -> [ICUMatch]? {
    guard let required else {
      return run(expression.compiled, from: expression, on: searchable, limit: limit)
    }

    // The branches that may match: none, one (its index), or several.
    let (candidate, isOnlyCandidate) = required.candidateBranches(in: searchable)
    guard let candidate else {
      assert(
        run(expression.compiled, on: searchable.utf16, limit: 1).isEmpty,
        "a match without the literals its pattern requires: \(expression.pattern)")
      return nil
    }
    let utf16 = searchable.utf16
    guard isOnlyCandidate, !branches.isEmpty else {
      return run(expression.compiled, from: expression, on: searchable, limit: limit)
    }

    let (lazy, groups, groupsBefore) = branches[candidate]
    let branch = lazy.compiled
    let groupCount = required.groupCount
    let after = groupCount - groupsBefore - branch.groupCount
    // The groups were counted from the pattern's text; should ICU count otherwise, the
    // numbering cannot be kept.
    guard after >= 0, branch.groupCount == groups else {
      return run(expression.compiled, on: utf16, limit: limit)
    }
    let found = run(branch, from: lazy, on: searchable, limit: limit).map { match in
      var ranges: [Range<Int>?] = []
      ranges.reserveCapacity(1 + groupCount)
      ranges.append(match.ranges[0])
      ranges.append(contentsOf: repeatElement(nil, count: groupsBefore))
      ranges.append(contentsOf: match.ranges.dropFirst())
      ranges.append(contentsOf: repeatElement(nil, count: after))
      return ICUMatch(ranges: ranges)
    }
    assert(
      found.map(\.ranges) == run(expression.compiled, on: utf16, limit: limit).map(\.ranges),
      "a branch alone matches otherwise than the whole: \(expression.pattern)")
    return found
  }

  /// The matches of `expression` (compiled from `lazy`), tried only where the pattern's
  /// start says a match may begin when the text is not empty and its letter case is
  /// ASCII's (see `PatternStart`).
  private func run(
    _ expression: ICURegularExpression, from lazy: LazyExpression,
    on searchable: SearchableText, limit: Int
  ) -> [ICUMatch] {
    let utf16 = searchable.utf16
    guard !utf16.isEmpty, !searchable.hasFoldingNonASCII, !searchable.hasNonASCIIDigit,
      let start = lazy.start
    else { return run(expression, on: utf16, limit: limit) }

    let found = utf16.withUnsafeBufferPointer { text in
      withUnsafeTemporaryAllocation(of: Int32.self, capacity: text.count) { buffer in
        let count = start.candidates(in: text, into: buffer)
        let offsets = UnsafeBufferPointer(rebasing: buffer[..<count])
        return offsets.isEmpty
          ? [] : expression.matches(in: text, startingAtAnyOf: offsets, limit: limit)
      }
    }
    assert(
      found.map(\.ranges) == run(expression, on: utf16, limit: limit).map(\.ranges),
      "a match begins where its pattern's start says none can: \(expression.pattern)")
    return found
  }

  private func run(
    _ expression: ICURegularExpression, on utf16: [UInt16], limit: Int
  ) -> [ICUMatch] {
    utf16.withUnsafeBufferPointer { expression.matches(in: $0, limit: limit) }
  }
}

/// A case-insensitive regular expression compiled, and its start read, on first use: most
/// branches of most patterns are never searched alone in a run, many whole patterns are
/// never run, and compiling costs more than searching.
private final class LazyExpression: @unchecked Sendable {
  /// The pattern as written.
  let pattern: String
  private let lock = NSLock()
  /// Guarded by `lock`.
  private var expression: ICURegularExpression?
  /// Guarded by `lock`: `nil` until read, then the start read (itself `nil` when a match
  /// may begin at any letter).
  private var readStart: PatternStart??

  init(_ pattern: String) { self.pattern = pattern }

  var compiled: ICURegularExpression {
    lock.withLock {
      if let expression { return expression }
      // The pattern is a literal the tests compile: see `TextPattern.init`.
      let made = try! ICURegularExpression(pattern, caseInsensitive: true)
      expression = made
      return made
    }
  }

  /// Where the expression's matches may begin, read from the pattern on the first search
  /// that asks.
  var start: PatternStart? {
    lock.withLock {
      if let readStart { return readStart }
      let made = PatternStart(pattern: pattern)
      readStart = .some(made)
      return made
    }
  }
}

/// Patterns asked together, by their literals alone, whether any of them may match a text.
///
/// A rule whose every reading needs one of its patterns to match turns a sentence away with
/// one question and no expression run. It is no union of the patterns (`a|b|c`): ICU runs a
/// union at every offset of every sentence that holds any literal of any branch, which cost
/// more than the searches it spared.
struct AnyOfPatterns: Sendable {
  private let patterns: [TextPattern]

  init(_ patterns: [TextPattern]) { self.patterns = patterns }

  /// `false` when none of the patterns can match `text`; `true` when one may.
  func mayOccur(in text: String) -> Bool {
    let searchable = SearchableText.of(text)
    return patterns.contains { $0.mayOccur(in: searchable) }
  }
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
    let searchable = SearchableText.of(text)
    var first: TextMatch?
    for branch in branches {
      guard let match = branch.firstMatch(in: searchable) else { continue }
      if match.range.lowerBound < first?.range.lowerBound ?? Int.max { first = match }
    }
    return first
  }
}

/// One match of a `TextPattern`: its range and its capture groups, in UTF-16 offsets.
///
/// The texts of the match and its groups are made when asked for, from the searched text's
/// UTF-16 units (shared, not copied): most matches are read for a group or two, or only
/// for where they are.
struct TextMatch: Sendable {
  /// The whole match.
  let range: Range<Int>
  /// Each capture group's range, `nil` where the group did not take part.
  let groups: [Range<Int>?]
  private let utf16: [UInt16]

  fileprivate init(_ match: ICUMatch, in utf16: [UInt16]) {
    range = match.range
    groups = Array(match.ranges.dropFirst())
    self.utf16 = utf16
  }

  /// The whole match's text.
  var value: String { String(utf16Units: utf16[range]) }

  /// The text of capture group `index` (1-based), or `nil` when it did not take part.
  func group(_ index: Int) -> String? {
    guard index >= 1, index <= groups.count, let range = groups[index - 1] else { return nil }
    return String(utf16Units: utf16[range])
  }
}

extension String {
  /// The text between two UTF-16 offsets of this string, clamped to it.
  func utf16Slice(_ range: Range<Int>) -> String {
    let units = SearchableText.of(self).utf16
    let lower = max(0, min(range.lowerBound, units.count))
    let upper = max(lower, min(range.upperBound, units.count))
    return String(utf16Units: units[lower..<upper])
  }
}

#if DEBUG
  /// Every pattern a `TextPattern` was made of in this process, in a debug build: the tests
  /// compare what is read from each with the reading it replaced.
  enum PatternRegistry {
    private static let lock = NSLock()
    /// Guarded by `lock`: each pattern once, in the order first made, and the set of them
    /// (a rule may make a pattern anew on every call).
    nonisolated(unsafe) private static var recorded: [String] = []
    nonisolated(unsafe) private static var seen: Set<String> = []

    static func record(_ pattern: String) {
      lock.withLock {
        if seen.insert(pattern).inserted { recorded.append(pattern) }
      }
    }

    /// The patterns recorded so far, each once, in the order first made.
    static var patterns: [String] { lock.withLock { recorded } }
  }
#endif
