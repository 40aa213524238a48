/// Where every match of a date or duration pattern begins: at the start of a word, with one
/// of a few words or characters ("jan" … "dec" for the month formats, the number words and
/// digits for "3 weeks ago"), or at the start of a number followed by a separator (the
/// "03" of "03/14/2026"); and, where a pattern says so, followed by one of a few characters
/// (a unit's first letter after the "3" of "3 weeks ago", the "t" of "the" after "over").
///
/// ICU tries a pattern at every offset whose character may begin a match: for a pattern that
/// begins with a month or a number word, that is most letters of a note, and each try runs
/// look-behind and case folding; for a numeric date, every digit. `DateScanner` finds the few
/// offsets where such a word or number begins and has the pattern tried there only
/// (`ICURegularExpression.matches(in: startingAtAnyOf:)`), which finds the same matches when
/// this description is right; debug builds check that it is.
struct MatchStart: Sendable {
  private enum Shape: Sendable {
    /// The prefixes by the first unit they begin with (`TextStarts.bucket(of:)`), and what
    /// must come after the prefix, if anything.
    case words(byFirstUnit: [(bucket: Int, prefixes: [Prefix])], then: ASCIISet?)
    /// The units none of which may stand before the number, how many digits it may have,
    /// and what must come after it.
    case number(notAfter: ASCIISet, digits: ClosedRange<Int>, then: NumberEnd)
    /// The starts of any of several descriptions.
    case anyOf([MatchStart])
  }

  /// What must come after a run of digits.
  private enum NumberEnd: Sendable {
    /// One of these units, at once, then a run of as many digits as the range allows (none
    /// when it holds zero).
    case separator(ASCIISet, thenDigits: ClosedRange<Int>)
    /// One of these units after any white space (see `admits(_:_:)`).
    case pastSpace(ASCIISet)
  }

  private let shape: Shape

  /// Matches begin where a word (the character before is none of ASCII's letters, digits
  /// and `_`, which `\b` and `(?<!\w)` rule out) begins with one of `prefixes`, compared
  /// without ASCII letter case. With `following`, the prefix must also be followed, after
  /// any white space, by one of its characters (ASCII, compared without case) or by any
  /// character outside ASCII: `MatchStart(wordsBeginningWith: ["in"], thenAnyOf: "t")` for
  /// `\bin\s+the`.
  init(wordsBeginningWith prefixes: [String], thenAnyOf following: String? = nil) {
    var byFirstUnit: [Int: [Prefix]] = [:]
    for prefix in Set(prefixes.map { $0.lowercased() }).sorted() {
      let units = Array(prefix.utf16)
      guard let first = units.first else { continue }
      byFirstUnit[TextStarts.bucket(of: first), default: []].append(Prefix(units))
    }
    shape = .words(
      byFirstUnit: byFirstUnit.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
      then: following.map { ASCIISet($0.lowercased()) })
  }

  /// Matches begin where a run of ASCII digits begins (the character before is no digit,
  /// which `(?<![\d…])` rules out, nor one of `excluded`), with a number of `digits`, and
  /// the character after the run is one of `separators` (ASCII marks), followed by a run of
  /// a number of `thenDigits` (zero: no digit next), as in `(?<![\d/.])(\d{1,2})/(\d{4})`.
  init(
    numbersFollowedBy separators: String, notAfter excluded: String = "",
    digits: ClosedRange<Int> = 1...Int.max, thenDigits: ClosedRange<Int> = 0...Int.max
  ) {
    shape = .number(
      notAfter: ASCIISet(excluded), digits: digits,
      then: .separator(ASCIISet(separators), thenDigits: thenDigits))
  }

  /// Matches begin where a run of ASCII digits begins a word (the character before is none
  /// of ASCII's letters, digits and `_`, nor one of `excluded`) and is followed, after any
  /// white space, by one of `following` (ASCII, compared without case) or by a character
  /// outside ASCII, as in `\b\d+\s*(?:weeks|days)`; the run has a number of `digits`.
  init(
    wordNumbersThenAnyOf following: String, notAfter excluded: String = "",
    digits: ClosedRange<Int> = 1...Int.max
  ) {
    shape = .number(
      notAfter: ASCIISet.wordCharacters.union(ASCIISet(excluded)), digits: digits,
      then: .pastSpace(ASCIISet(following.lowercased())))
  }

  /// Matches begin where any of `starts` says one may.
  init(anyOf starts: [MatchStart]) {
    shape = .anyOf(starts)
  }

  /// The offsets of `text`, whose starts are `starts`, where a match may begin, ascending.
  ///
  /// Exact only for text in which letter case and digits are ASCII's: the caller searches
  /// the whole of a text holding a character that case folding turns into ASCII ("K" the
  /// Kelvin sign), or a decimal digit outside ASCII, which `\d` matches.
  func candidates(in text: UnsafeBufferPointer<UInt16>, starts: TextStarts) -> [Int32] {
    switch shape {
    case .words(let byFirstUnit, let following):
      return Self.words(in: text, starts: starts, byFirstUnit: byFirstUnit, following: following)
    case .number(let excluded, let digits, .separator(let separators, let thenDigits)):
      return starts.numbers.filter { number in
        number.stands(notAfter: excluded, digits: digits)
          && (number.next.map(separators.contains) ?? false)
          && thenDigits.contains(number.digitsAfterNext)
      }.map(\.start)
    case .number(let excluded, let digits, .pastSpace(let following)):
      return starts.numbers.filter { number in
        number.stands(notAfter: excluded, digits: digits)
          && Self.admits(number.nextPastSpace, following)
      }.map(\.start)
    case .anyOf(let parts):
      // Each part's starts ascend; the regex needs them ascending and each once.
      var found = parts.flatMap { $0.candidates(in: text, starts: starts) }
      found.sort()
      return found.enumerated().compactMap { index, offset in
        index > 0 && found[index - 1] == offset ? nil : offset
      }
    }
  }

  /// The word starts at which one of the prefixes stands, followed by one of `following`
  /// when it is given.
  private static func words(
    in text: UnsafeBufferPointer<UInt16>, starts: TextStarts,
    byFirstUnit: [(bucket: Int, prefixes: [Prefix])], following: ASCIISet?
  ) -> [Int32] {
    var found: [Int32] = []
    // Only the words that begin as a prefix does are read; most begin otherwise.
    for (bucket, prefixes) in byFirstUnit {
      for word in starts.words(inBucket: bucket) {
        let isCandidate = prefixes.contains { prefix in
          guard prefix.isHeld(by: word, in: text) else { return false }
          guard let following else { return true }
          let end = Int(word.offset) + prefix.units.count
          return admits(unit(pastSpaceFrom: end, in: text), following)
        }
        if isCandidate { found.append(word.offset) }
      }
    }
    // Each bucket's words ascend; the buckets' are merged here.
    if byFirstUnit.count > 1 { found.sort() }
    return found
  }

  /// Whether `unit` may go on with a match that needs one of `following` next: it is one of
  /// them, without ASCII letter case, or it is outside ASCII, where it may be white space
  /// (`\s` holds more than ASCII's) or a letter whose case folds into ASCII. The text's end
  /// (`nil`) goes on with nothing.
  private static func admits(_ unit: UInt16?, _ following: ASCIISet) -> Bool {
    guard let unit else { return false }
    return unit >= 0x80 || following.contains(lowercased(unit))
  }

  /// The first unit of `text` from `offset` on that is no ASCII white space; `nil` at the
  /// text's end. Each such unit is one `\s` matches, so a match with white space then one
  /// of a few characters has one of them here, or a unit outside ASCII.
  private static func unit(pastSpaceFrom offset: Int, in text: UnsafeBufferPointer<UInt16>)
    -> UInt16?
  {
    var offset = offset
    while offset < text.count && isASCIISpace(text[offset]) { offset += 1 }
    return offset < text.count ? text[offset] : nil
  }

  private static func isASCIISpace(_ unit: UInt16) -> Bool {
    unit == 0x20 || unit &- 0x09 < 5
  }

  /// A prefix, lower-cased, with its first four units packed as `TextStarts.Word` packs a
  /// word's: most prefixes are compared in one step.
  private struct Prefix: Sendable {
    let units: [UInt16]
    let head: UInt64
    let mask: UInt64

    init(_ units: [UInt16]) {
      self.units = units
      head = MatchStart.packed(units.prefix(4))
      mask = units.count >= 4 ? ~0 : (1 << (16 * UInt64(units.count))) - 1
    }

    /// Whether the text holds this prefix at `word`.
    func isHeld(by word: TextStarts.Word, in text: UnsafeBufferPointer<UInt16>) -> Bool {
      guard word.head & mask == head else { return false }
      guard units.count > 4 else { return units.count <= word.available }
      let offset = Int(word.offset)
      guard offset + units.count <= text.count else { return false }
      for index in 4..<units.count where MatchStart.lowercased(text[offset + index]) != units[index]
      {
        return false
      }
      return true
    }
  }

  /// Where the words and the numbers of one text begin, found once for every pattern asked
  /// about it.
  struct TextStarts {
    /// Where a word may begin: at a character that is not ASCII punctuation or space, after
    /// one that is no ASCII letter, digit or `_`.
    struct Word {
      let offset: Int32
      /// How many of the text's units from `offset` on `head` holds: four, or fewer at its
      /// end.
      let available: Int
      /// The units from `offset` on, lower-cased, 16 bits each, the first in the lowest.
      let head: UInt64
    }

    /// The word starts, ascending.
    let words: [Word]
    /// The word starts by `bucket(of:)` their first unit, lower-cased, bucket after bucket,
    /// ascending within each; `bucketStarts[b]` is where bucket `b` begins.
    private let wordsByBucket: [Word]
    private let bucketStarts: [Int]
    /// A run of ASCII digits not preceded by one.
    struct Number {
      let start: Int32
      /// How many digits the run has.
      let digitCount: Int
      /// The unit before the run; `nil` at the text's start.
      let before: UInt16?
      /// The unit after the run; `nil` at the text's end.
      let next: UInt16?
      /// How many digits the run just after `next` has; zero when a digit does not follow it.
      let digitsAfterNext: Int
      /// The first unit after the run that is no ASCII white space; `nil` when none is.
      let nextPastSpace: UInt16?

      /// Whether the run has a number of `digits` and the unit before it is none of
      /// `excluded`.
      func stands(notAfter excluded: ASCIISet, digits: ClosedRange<Int>) -> Bool {
        digits.contains(digitCount) && !(before.map(excluded.contains) ?? false)
      }
    }

    /// Every run of ASCII digits not preceded by one, ascending.
    let numbers: [Number]

    init(_ text: UnsafeBufferPointer<UInt16>) {
      words = Self.words(in: text)
      (wordsByBucket, bucketStarts) = Self.bucketed(words)
      numbers = Self.numbers(in: text)
    }

    /// The words whose first unit, lower-cased, falls in `bucket`, ascending.
    func words(inBucket bucket: Int) -> ArraySlice<Word> {
      wordsByBucket[bucketStarts[bucket]..<bucketStarts[bucket + 1]]
    }

    /// `words` ordered by bucket (a counting sort, which keeps each bucket's order), and
    /// where each bucket begins, the end of the last one after them.
    private static func bucketed(_ words: [Word]) -> (words: [Word], starts: [Int]) {
      var starts = [Int](repeating: 0, count: bucketCount + 1)
      for word in words { starts[bucket(of: word) + 1] += 1 }
      for index in 0..<bucketCount { starts[index + 1] += starts[index] }

      var next = starts
      var ordered = [Word](repeating: Word(offset: 0, available: 0, head: 0), count: words.count)
      for word in words {
        let index = bucket(of: word)
        ordered[next[index]] = word
        next[index] += 1
      }
      return (ordered, starts)
    }

    private static let bucketCount = 129

    private static func bucket(of word: Word) -> Int { bucket(of: UInt16(word.head & 0xFFFF)) }

    /// The bucket of words beginning with `unit` (lower-cased): one for each ASCII unit, and
    /// one, the last, for all others.
    static func bucket(of unit: UInt16) -> Int { unit < 128 ? Int(unit) : 128 }

    /// The word starts of `MatchStart.wordStarts(in:)`, each with its head.
    private static func words(in text: UnsafeBufferPointer<UInt16>) -> [Word] {
      var found: [Word] = []
      found.reserveCapacity(text.count / 4)
      var previousIsWordCharacter = false
      for offset in text.indices {
        let unit = text[offset]
        let isWordCharacter = MatchStart.isASCIIWordCharacter(unit)
        if !previousIsWordCharacter && (isWordCharacter || unit >= 0x80) {
          let end = min(text.count, offset + 4)
          var head: UInt64 = 0
          for index in (offset..<end).reversed() {
            head = head << 16 | UInt64(MatchStart.lowercased(text[index]))
          }
          found.append(Word(offset: Int32(offset), available: end - offset, head: head))
        }
        previousIsWordCharacter = isWordCharacter
      }
      return found
    }

    private static func numbers(in text: UnsafeBufferPointer<UInt16>) -> [Number] {
      var found: [Number] = []
      var offset = 0
      while offset < text.count {
        guard MatchStart.isASCIIDigit(text[offset]) else {
          offset += 1
          continue
        }
        let start = offset
        while offset < text.count && MatchStart.isASCIIDigit(text[offset]) { offset += 1 }
        var afterNext = offset + 1
        while afterNext < text.count && MatchStart.isASCIIDigit(text[afterNext]) { afterNext += 1 }
        found.append(
          Number(
            start: Int32(start), digitCount: offset - start,
            before: start > 0 ? text[start - 1] : nil,
            next: offset < text.count ? text[offset] : nil,
            digitsAfterNext: max(0, afterNext - offset - 1),
            nextPastSpace: MatchStart.unit(pastSpaceFrom: offset, in: text)))
      }
      return found
    }
  }

  /// The offsets of `text` where a word may begin: those whose character is not ASCII
  /// punctuation or space and the character before is no ASCII letter, digit or `_`.
  static func wordStarts(in text: UnsafeBufferPointer<UInt16>) -> [Int32] {
    var found: [Int32] = []
    var previousIsWordCharacter = false
    for (offset, unit) in text.enumerated() {
      let isWordCharacter = isASCIIWordCharacter(unit)
      if !previousIsWordCharacter && (isWordCharacter || unit >= 0x80) {
        found.append(Int32(offset))
      }
      previousIsWordCharacter = isWordCharacter
    }
    return found
  }

  /// Up to four units, 16 bits each, the first in the lowest bits.
  private static func packed<Units: Collection<UInt16>>(_ units: Units) -> UInt64 {
    var packed: UInt64 = 0
    for (index, unit) in units.prefix(4).enumerated() {
      packed |= UInt64(unit) << (16 * UInt64(index))
    }
    return packed
  }

  private static func lowercased(_ unit: UInt16) -> UInt16 {
    unit >= 0x41 && unit <= 0x5A ? unit + 0x20 : unit
  }

  private static func isASCIIDigit(_ unit: UInt16) -> Bool { unit >= 0x30 && unit <= 0x39 }

  /// Whether `unit` is an ASCII letter, digit or `_` (setting bit 5 turns only `A`-`Z` into
  /// `a`-`z`).
  static func isASCIIWordCharacter(_ unit: UInt16) -> Bool {
    unit &- 0x30 < 10 || (unit | 0x20) &- 0x61 < 26 || unit == 0x5F
  }
}

/// A set of ASCII units, one bit each.
struct ASCIISet: Sendable {
  private var bits: (UInt64, UInt64) = (0, 0)

  /// The ASCII units of `characters`; any others are left out.
  init(_ characters: String) {
    for unit in characters.utf16 where unit < 128 { insert(unit) }
  }

  /// ASCII's letters, digits and `_`, the word characters `\b` and `\w` see in ASCII.
  static let wordCharacters = ASCIISet(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")

  func contains(_ unit: UInt16) -> Bool {
    guard unit < 128 else { return false }
    return (unit < 64 ? bits.0 >> unit : bits.1 >> (unit - 64)) & 1 != 0
  }

  func union(_ other: ASCIISet) -> ASCIISet {
    var union = self
    union.bits = (bits.0 | other.bits.0, bits.1 | other.bits.1)
    return union
  }

  private mutating func insert(_ unit: UInt16) {
    if unit < 64 { bits.0 |= 1 << unit } else { bits.1 |= 1 << (unit - 64) }
  }
}
