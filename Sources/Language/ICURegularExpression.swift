import Foundation
import ICUShim
import Synchronization

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
/// matcher is busy, and returns it afterwards. One idle matcher is kept apart from the pool,
/// taken and given back without the lock: most searches find it there.
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
  /// The idle matcher kept apart from `idle` (its address, 0 for none), taken and given
  /// back by atomic exchanges: the lock and the pool's array cost more than most searches
  /// of a short text.
  private let spare = Atomic<Int>(0)

  /// Compiles `pattern`, ignoring letter case when `caseInsensitive` is true.
  public convenience init(_ pattern: String, caseInsensitive: Bool = true) throws(ICUFailure) {
    try self.init(pattern, caseInsensitive: caseInsensitive, rewritingSets: true)
  }

  /// Compiles `pattern`; `rewritingSets: false` compiles it as written, every set left to
  /// ICU's case closure and each `\d` in the class that holds it, for the tests to compare
  /// with.
  init(
    _ pattern: String, caseInsensitive: Bool, rewritingSets: Bool
  ) throws(ICUFailure) {
    let written = Self.utf16(of: pattern)
    let units =
      rewritingSets ? Self.setsRewritten(written, caseInsensitive: caseInsensitive) : written
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

  /// The UTF-16 units of `pattern`; an ASCII one's are its bytes, widened.
  private static func utf16(of pattern: String) -> [UInt16] {
    var pattern = pattern
    let ascii = pattern.withUTF8 { bytes in
      bytes.allSatisfy { $0 < 0x80 } ? bytes.map(UInt16.init) : nil
    }
    return ascii ?? Array(pattern.utf16)
  }

  deinit {
    idle.forEach { pc_regex_close($0) }
    if let kept = OpaquePointer(bitPattern: spare.load(ordering: .acquiring)) {
      pc_regex_close(kept)
    }
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
    starts.withUnsafeBufferPointer { matches(in: text, startingAtAnyOf: $0, limit: limit) }
  }

  /// The matches `matches(in:startingAtAnyOf:limit:)` above finds, with the offsets in a
  /// buffer of the caller's.
  public func matches(
    in text: UnsafeBufferPointer<UInt16>, startingAtAnyOf starts: UnsafeBufferPointer<Int32>,
    limit: Int = .max
  ) -> [ICUMatch] {
    collect(limit: limit) { matcher, offsets, capacity in
      pc_regex_find_at(
        matcher, text.baseAddress, Int32(text.count), starts.baseAddress, Int32(starts.count),
        Int32(clamping: limit), offsets, capacity)
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
      // The offsets go to a buffer of the call's own (on the stack when small), not to an
      // array allocated per search. It holds one offset more than is asked for, so that it
      // has an address even when no match is (`limit` 0).
      let matches = withUnsafeTemporaryAllocation(of: Int32.self, capacity: capacity + 1) {
        offsets -> [ICUMatch]? in
        offsets.initialize(repeating: -1)
        // The allocation holds at least one offset, so it has an address.
        let found = Int(search(matcher, offsets.baseAddress!, Int32(capacity)))
        guard found * stride <= capacity else {
          capacity = found * stride
          return nil
        }
        return (0..<max(0, found)).map { index in
          let match = offsets[(index * stride)..<((index + 1) * stride)]
          return ICUMatch(offsets: UnsafeBufferPointer(rebasing: match))
        }
      }
      if let matches { return matches }
    }
  }

  /// `pattern` with its character classes written as ICU compiles them for less, matching
  /// what they match: each class that is its own case closure (`[^.;]`, `[\w-]`, and `\S`)
  /// wrapped in `(?-i:…)` when letter case is ignored, a class of marks and `\d` written
  /// with `\d` outside it (`[\d/.]` is `(?:\d|(?-i:[/.]))`), and a `\d` that may begin a
  /// match written as the class of the digits it matches (`decimalDigits`).
  ///
  /// A set that is its own case closure matches the same characters either way; but the
  /// system's ICU computes the closure of every set of a case-insensitive pattern code point
  /// by code point, which for a negated class is most of Unicode: it was two thirds of the
  /// cost of compiling the detectors' patterns. For `\d` in a class, and for one that may
  /// begin a match (to know where matches may begin), ICU builds the set of Unicode's
  /// decimal digits from its properties each time, a quarter of a million instructions,
  /// while a `\d` elsewhere is a test it compiles for almost nothing, and a class of ranges
  /// less than half as much. Every wrapper is a group that captures nothing, so group
  /// numbers stay as written.
  static func setsRewritten(_ pattern: String, caseInsensitive: Bool = true) -> String {
    let units = setsRewritten(Array(pattern.utf16), caseInsensitive: caseInsensitive)
    return String(decoding: units, as: UTF16.self)
  }

  /// `setsRewritten(_:caseInsensitive:)` of a pattern's UTF-16 units. The syntax it reads is
  /// ASCII, so it reads units: a character outside ASCII, a unit or a surrogate pair, is
  /// copied as is.
  static func setsRewritten(_ units: [UInt16], caseInsensitive: Bool) -> [UInt16] {
    // Quoting (`\Q…\E`) would need reading apart; such a pattern is left as written.
    guard !zip(units, units.dropFirst()).contains(where: { $0 == backslash && $1 == 0x51 })
    else { return units }
    var result: [UInt16] = []
    result.reserveCapacity(units.count + 16)
    var beginning = MatchBeginning()
    var index = 0
    while index < units.count {
      let unit = units[index]
      if unit == backslash, index + 1 < units.count {
        let escaped = units[index + 1]
        if escaped == Self.unit("d"), beginning.isHere, let digits = Self.decimalDigits {
          if caseInsensitive { result += caseless }
          result += digits
          if caseInsensitive { result.append(closing) }
        } else if escaped == Self.unit("S") && caseInsensitive {
          result += caseless
          result += units[index...index + 1]
          result.append(closing)
        } else {
          result += units[index...index + 1]
        }
        if escaped != Self.unit("b") && escaped != Self.unit("B") { beginning.pass() }
        index += 2
      } else if unit == opening, let end = Self.classEnd(units, from: index) {
        let set = units[index...end]
        if let apart = Self.digitsApart(set, caseInsensitive: caseInsensitive) {
          result += apart
        } else {
          result += Self.markedIfCaseless(set, caseInsensitive: caseInsensitive)
        }
        beginning.pass()
        index = end + 1
      } else if unit == Self.unit("(") {
        let read = beginning.open(units, at: index)
        result += units[index..<index + read]
        index += read
      } else {
        beginning.read(unit)
        result.append(unit)
        index += 1
      }
    }
    return result
  }

  /// A class of the characters `\d` matches, Unicode's decimal digits, written as the
  /// ranges of ICU's own set of them (so it matches what `\d` does); `nil` should ICU not
  /// give them.
  static let decimalDigits: [UInt16]? = {
    var bounds = [Int32](repeating: 0, count: 256)
    var count = Int(pc_decimal_digit_ranges(&bounds, Int32(bounds.count)))
    if count * 2 > bounds.count {
      bounds = [Int32](repeating: 0, count: count * 2)
      count = Int(pc_decimal_digit_ranges(&bounds, Int32(bounds.count)))
    }
    guard count > 0 else { return nil }

    let (opening, dash, closing) = (unit("["), unit("-"), unit("]"))
    var units = [opening]
    for range in 0..<count {
      let (first, last) = (bounds[2 * range], bounds[2 * range + 1])
      guard let lower = Unicode.Scalar(UInt32(first)), let upper = Unicode.Scalar(UInt32(last))
      else { return nil }
      units += String(lower).utf16
      if last > first { units += [dash] + String(upper).utf16 }
    }
    return units + [closing]
  }()

  private static let backslash = unit("\\")
  private static let opening = unit("[")
  private static let closing = unit(")")
  /// The group that turns case-insensitivity off, opened.
  private static let caseless = Array("(?-i:".utf16)

  /// `set` wrapped in `(?-i:…)` when letter case is ignored and it is its own case closure.
  private static func markedIfCaseless(
    _ set: ArraySlice<UInt16>, caseInsensitive: Bool
  ) -> [UInt16] {
    guard caseInsensitive, isCaseless(set) else { return Array(set) }
    return caseless + set + [closing]
  }

  /// A class of `\d` and ASCII marks written with its digits tested apart: `[\d/.]` as
  /// `(?:\d|(?-i:[/.]))` and `[^.;\d]` as `(?:(?!\d)(?-i:[^.;]))`; `nil` for any other
  /// class.
  ///
  /// Either form matches one character, one of the digits or one of the marks (for a
  /// negated class, one that is neither), so what a pattern matches is unchanged, its
  /// quantifiers included: the group takes the class's place. The marks are their own case
  /// closure. A `-` is read only where it stands for itself, first or last; a class with
  /// any other member (a letter, a range, a nested set, `\s`) is left as it is.
  private static func digitsApart(
    _ set: ArraySlice<UInt16>, caseInsensitive: Bool
  ) -> [UInt16]? {
    var members = set.dropFirst().dropLast()
    let isNegated = members.first == unit("^")
    if isNegated { members = members.dropFirst() }

    var marks: [UInt16] = []
    var hasDigits = false
    var index = members.startIndex
    while index < members.endIndex {
      let member = members[index]
      let isEnd = index == members.startIndex || index == members.endIndex - 1
      if member == backslash {
        guard index + 1 < members.endIndex else { return nil }
        let escaped = members[index + 1]
        if escaped == unit("d") {
          hasDigits = true
        } else if isMark(escaped) || isControl(escaped) {
          marks += [member, escaped]
        } else {
          return nil
        }
        index += 2
        continue
      }
      guard isMark(member), member != unit("-") || isEnd else { return nil }
      guard member != opening, member != unit("&"), member != unit("^") else { return nil }
      marks.append(member)
      index += 1
    }
    guard hasDigits else { return nil }

    let digits = Array(#"\d"#.utf16)
    let rest = markedIfCaseless(
      [opening] + (isNegated ? [unit("^")] : []) + marks + [unit("]")],
      caseInsensitive: caseInsensitive)
    switch (isNegated, marks.isEmpty) {
    case (false, true): return Array("(?:".utf16) + digits + [closing]
    case (true, true): return Array(#"\D"#.utf16)
    case (false, false): return Array("(?:".utf16) + digits + [unit("|")] + rest + [closing]
    case (true, false): return Array("(?:(?!".utf16) + digits + [closing] + rest + [closing]
    }
  }

  /// Whether `escaped`, after a backslash, names a control character (`\n`, `\r`, `\t`),
  /// which has no letter case.
  private static func isControl(_ escaped: UInt16) -> Bool { "nrt".utf16.contains(escaped) }

  /// Whether `unit` is an ASCII mark: printable, neither a letter, a digit nor a space.
  private static func isMark(_ unit: UInt16) -> Bool {
    unit > 0x20 && unit < 0x7F && !isLetter(unit) && !isDigit(unit)
  }

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
  /// ASCII marks, digits and spaces, ranges between them, the escapes `\d`, `\s`, `\n`,
  /// `\r`, `\t` and escaped marks, and `\w`, which holds every case form of each letter it
  /// holds (the tests check every character that has one).
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
        guard "dsw".utf16.contains(escaped) || isControl(escaped) || isMark else { return false }
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
    let kept = spare.exchange(0, ordering: .acquiringAndReleasing)
    if let matcher = OpaquePointer(bitPattern: kept) { return matcher }
    if let matcher = lock.withLock({ idle.popLast() }) { return matcher }
    var error: Int32 = 0
    // Cloning fails only when memory is exhausted: there is nothing sensible to go on with.
    guard let clone = pc_regex_clone(template, &error) else {
      preconditionFailure("\(ICUFailure(operation: "regular expression clone", code: error))")
    }
    return clone
  }

  private func checkIn(_ matcher: OpaquePointer) {
    let isKept = spare.compareExchange(
      expected: 0, desired: Int(bitPattern: matcher), ordering: .acquiringAndReleasing
    ).exchanged
    if !isKept { lock.withLock { idle.append(matcher) } }
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

  /// The match of `offsets`: the start and end of the whole match, then of each group.
  init(offsets: UnsafeBufferPointer<Int32>) {
    ranges = (0..<offsets.count / 2).map { group in
      let start = Int(offsets[2 * group])
      let end = Int(offsets[2 * group + 1])
      return start >= 0 && end >= start ? start..<end : nil
    }
  }
}
