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
  public init(_ pattern: String, caseInsensitive: Bool = true) throws(ICUFailure) {
    let units = Array(pattern.utf16)
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
    let matcher = checkOut()
    defer { checkIn(matcher) }

    let stride = 2 * (groupCount + 1)
    var capacity = stride * min(limit, 8)
    while true {
      var offsets = [Int32](repeating: -1, count: capacity)
      let found = Int(
        pc_regex_find(
          matcher, text.baseAddress, Int32(text.count), Int32(clamping: limit), &offsets,
          Int32(capacity)))
      if found * stride > capacity {
        capacity = found * stride
        continue
      }
      return (0..<max(0, found)).map { index in
        ICUMatch(offsets: offsets[(index * stride)..<((index + 1) * stride)])
      }
    }
  }

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
