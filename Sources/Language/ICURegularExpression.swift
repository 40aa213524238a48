import Foundation
import ICUShim

/// A compiled regular expression run by ICU directly on UTF-16 buffers, answering in UTF-16
/// offsets.
///
/// It is the engine `NSRegularExpression` runs (ICU's find-next over the whole text, with
/// the same flags), called through the shim: a search neither bridges its text to `NSString`
/// nor allocates a result object per match, which the detectors, running hundreds of
/// patterns over every sentence, paid for on every call.
///
/// Safe to share across threads: ICU's matcher holds the state of one search, so each
/// search takes an idle matcher from a pool, or clones the compiled pattern when every
/// matcher is busy, and returns it afterwards.
public final class ICURegularExpression: @unchecked Sendable {
  /// The pattern as written.
  public let pattern: String
  /// The number of capture groups.
  public let groupCount: Int
  /// The compiled pattern, never searched itself: only cloned into matchers.
  private let template: OpaquePointer
  private let lock = NSLock()
  /// Matchers not in use; guarded by `lock`.
  private var idle: [OpaquePointer] = []

  /// Compiles `pattern`, ignoring letter case when `caseInsensitive` is true.
  public convenience init(_ pattern: String, caseInsensitive: Bool = true) throws(ICUFailure) {
    try self.init(pattern, caseInsensitive: caseInsensitive, markingCaselessSets: true)
  }

  /// Compiles `pattern`; `markingCaselessSets: false` leaves every set to ICU's case closure,
  /// for the tests to compare with.
  init(
    _ pattern: String, caseInsensitive: Bool, markingCaselessSets: Bool
  ) throws(ICUFailure) {
    let written = Array(pattern.utf16)
    let marked = caseInsensitive && markingCaselessSets
    let units = marked ? Self.caselessSetsMarked(written) : written
    var error: Int32 = 0
    let compiled = units.withUnsafeBufferPointer {
      pc_regex_open($0.baseAddress, Int32($0.count), caseInsensitive ? 1 : 0, &error)
    }
    guard let compiled else {
      throw ICUFailure(operation: "regular expression compilation", code: error)
    }
    self.pattern = pattern
    self.groupCount = Int(pc_regex_group_count(compiled))
    self.template = compiled
  }

  deinit {
    idle.forEach { pc_regex_close($0) }
    pc_regex_close(template)
  }

  /// Up to `limit` successive non-overlapping matches in `text`, leftmost first, as
  /// `NSRegularExpression.matches(in:range:)` finds them over the whole text. A search
  /// that ICU stops with an error (its backtracking stack exhausted) keeps the matches
  /// found before it, as `NSRegularExpression` does.
  public func matches(in text: UnsafeBufferPointer<UInt16>, limit: Int = .max) -> [ICUMatch] {
    collect(limit: limit) { matcher, offsets, capacity in
      pc_regex_find(
        matcher, text.baseAddress, Int32(text.count), Int32(clamping: limit), offsets, capacity)
    }
  }

  /// The matches `matches(in:limit:)` finds, when each of them begins at one of `starts`
  /// (ascending UTF-16 offsets): the expression is tried at those offsets only. Look-behind
  /// and `\b` still see the text before an offset.
  public func matches(
    in text: UnsafeBufferPointer<UInt16>, startingAtAnyOf starts: [Int32], limit: Int = .max
  ) -> [ICUMatch] {
    starts.withUnsafeBufferPointer { starts in
      collect(limit: limit) { matcher, offsets, capacity in
        pc_regex_find_at(
          matcher, text.baseAddress, Int32(text.count), starts.baseAddress, Int32(starts.count),
          Int32(clamping: limit), offsets, capacity)
      }
    }
  }

  /// The matches a shim search writes as offsets, asked again with room enough when the
  /// first buffer was too small.
  private func collect(
    limit: Int,
    _ search: (OpaquePointer, UnsafeMutablePointer<Int32>, Int32) -> Int32
  ) -> [ICUMatch] {
    let matcher = checkOut()
    defer { checkIn(matcher) }

    let stride = 2 * (groupCount + 1)
    var capacity = stride * min(limit, 8)
    while true {
      var offsets = [Int32](repeating: -1, count: capacity)
      let found = Int(search(matcher, &offsets, Int32(capacity)))
      if found * stride > capacity {
        capacity = found * stride
        continue
      }
      return (0..<max(0, found)).map { index in
        ICUMatch(offsets: offsets[(index * stride)..<((index + 1) * stride)])
      }
    }
  }

  /// `pattern` with each character class that is its own case closure (`[^.;]`, `[\d/.]`,
  /// `[\w-]`, and `\S`) wrapped in `(?-i:…)`.
  ///
  /// Such a set is its own case closure, so it matches the same characters either way; but
  /// the system's ICU computes the closure of every set of a case-insensitive pattern code
  /// point by code point, which for a negated class is most of Unicode: it was two thirds
  /// of the cost of compiling the detectors' patterns. The wrapper is a group that captures
  /// nothing, so group numbers stay as written.
  static func caselessSetsMarked(_ pattern: String) -> String {
    String(decoding: caselessSetsMarked(Array(pattern.utf16)), as: UTF16.self)
  }

  /// `caselessSetsMarked(_:)` of a pattern's UTF-16 units. The syntax it reads is ASCII, so
  /// it reads units: a character outside ASCII, a unit or a surrogate pair, is copied as is.
  static func caselessSetsMarked(_ units: [UInt16]) -> [UInt16] {
    // Quoting (`\Q…\E`) would need reading apart; such a pattern is left as written.
    guard !zip(units, units.dropFirst()).contains(where: { $0 == backslash && $1 == 0x51 })
    else { return units }
    var result: [UInt16] = []
    result.reserveCapacity(units.count + 16)
    var index = 0
    while index < units.count {
      let unit = units[index]
      if unit == backslash, index + 1 < units.count {
        let escaped = units[index + 1]
        if escaped == 0x53 {  // `\S`
          result += caseless
          result += units[index...index + 1]
          result.append(closing)
        } else {
          result += units[index...index + 1]
        }
        index += 2
      } else if unit == opening, let end = Self.classEnd(units, from: index) {
        let isCaseless = Self.isCaseless(units[index...end])
        if isCaseless { result += caseless }
        result += units[index...end]
        if isCaseless { result.append(closing) }
        index = end + 1
      } else {
        result.append(unit)
        index += 1
      }
    }
    return result
  }

  private static let backslash = unit("\\")
  private static let opening = unit("[")
  private static let closing = unit(")")
  /// The group that turns case-insensitivity off, opened.
  private static let caseless = Array("(?-i:".utf16)

  /// The index of the `]` closing the class opened at `start`, nested classes and escapes
  /// read past; `nil` when it is not closed.
  private static func classEnd(_ units: [UInt16], from start: Int) -> Int? {
    var depth = 0
    var index = start
    while index < units.count {
      switch units[index] {
      case backslash:
        index += 1
      case opening:
        depth += 1
        // A `]` first in a class (after an optional `^`) is a member, not its end.
        if index + 1 < units.count, units[index + 1] == unit("^") { index += 1 }
        if index + 1 < units.count, units[index + 1] == unit("]") { index += 1 }
      case unit("]"):
        depth -= 1
        if depth == 0 { return index }
      default:
        break
      }
      index += 1
    }
    return nil
  }

  /// Whether a simple class (no nested set, no property) is its own case closure: only
  /// ASCII marks, digits and spaces, ranges between them, the escapes `\d`, `\s` and
  /// escaped marks, and `\w`, which holds every case form of each letter it holds (the
  /// tests check every character that has one).
  private static func isCaseless(_ set: ArraySlice<UInt16>) -> Bool {
    let members = set.dropFirst().dropLast()
    var index = members.startIndex
    if members.first == unit("^") { index += 1 }
    while index < members.endIndex {
      let member = members[index]
      guard member < 0x80, !isLetter(member), member != opening else { return false }
      if member == backslash {
        guard index + 1 < members.endIndex else { return false }
        let escaped = members[index + 1]
        let isMark = escaped < 0x80 && !isLetter(escaped) && !isDigit(escaped)
        guard "dsw".utf16.contains(escaped) || isMark else { return false }
        index += 2
        continue
      }
      // A range between two marks may span the letters ("[!-~]").
      if member == unit("-"), index > members.startIndex, index + 1 < members.endIndex {
        let (lower, upper) = (members[index - 1], members[index + 1])
        if lower <= 0x7A && upper >= 0x41 { return false }
      }
      index += 1
    }
    return true
  }

  /// The UTF-16 unit of an ASCII mark.
  private static func unit(_ mark: Unicode.Scalar) -> UInt16 { UInt16(mark.value) }

  /// Whether `unit` is an ASCII letter, the only alphabetic characters of ASCII.
  private static func isLetter(_ unit: UInt16) -> Bool { (0x61...0x7A).contains(unit | 0x20) }

  private static func isDigit(_ unit: UInt16) -> Bool { (0x30...0x39).contains(unit) }

  private func checkOut() -> OpaquePointer {
    if let matcher = lock.withLock({ idle.popLast() }) { return matcher }
    var error: Int32 = 0
    // Cloning fails only when memory is exhausted: there is nothing sensible to go on with.
    guard let clone = pc_regex_clone(template, &error) else {
      preconditionFailure("\(ICUFailure(operation: "regular expression clone", code: error))")
    }
    return clone
  }

  private func checkIn(_ matcher: OpaquePointer) {
    lock.withLock { idle.append(matcher) }
  }
}

/// One match of an `ICURegularExpression`: the range of the whole match and of each
/// capture group, in UTF-16 offsets.
public struct ICUMatch: Sendable {
  /// `ranges[0]` is the whole match, `ranges[i]` group `i`; `nil` where a group did not
  /// take part.
  public let ranges: [Range<Int>?]

  /// The whole match.
  public var range: Range<Int> { ranges[0] ?? 0..<0 }

  /// A match with these ranges: the whole match first, then each group's.
  public init(ranges: [Range<Int>?]) { self.ranges = ranges }

  init(offsets: ArraySlice<Int32>) {
    var ranges: [Range<Int>?] = []
    ranges.reserveCapacity(offsets.count / 2)
    var index = offsets.startIndex
    while index < offsets.endIndex {
      let start = Int(offsets[index])
      let end = Int(offsets[index + 1])
      ranges.append(start >= 0 && end >= start ? start..<end : nil)
      index += 2
    }
    self.ranges = ranges
  }
}
