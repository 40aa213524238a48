/// Where a match of a pattern may begin, read from the pattern itself: at one of a few
/// prefixes ("pain", "nrs"), at a character of a few classes (`\d`, `[CTLS]`), at the start
/// of a word when the pattern begins with `\b`, or at the text's start for `^`.
///
/// ICU tries a case-insensitive pattern at nearly every offset of a text, running its
/// look-behinds and `\b` each time; for most of the detectors' patterns the literal filter
/// lets the expression run only on sentences that may match, where it then costs more than
/// anything else in a search. `TextPattern` asks for the offsets where a match may begin
/// and has the expression tried there alone (`ICURegularExpression.matches(in:
/// startingAtAnyOf:)`), which finds the same matches when these offsets include every
/// match's start; debug builds check that they do.
///
/// A match that may open with spaces (`\s*`, `\s+`) begins at a space only where the run of
/// spaces there is followed by what may come after them: `\s*(\d+)` is tried at a space
/// before a digit, not at every space.
///
/// What it does not narrow: a pattern that may open with any letter (`\w`, `[a-z]`) is
/// searched at every offset; after spaces, only the first unit of what follows is asked, and
/// a part that may match nothing there (`\s*(?:of\s+)?\d`) leaves every space a start.
///
/// The offsets are exact for non-empty text in which letter case is ASCII's: the caller
/// searches the whole of a text holding a character that case folding changes ("É", "K" the
/// Kelvin sign) or a decimal digit outside ASCII, as it does for the literal filter.
///
/// A class, immutable: a pattern's start is read once and handed to every search of it, and
/// handing out one reference costs less than copying the references to its four tables.
final class PatternStart: Sendable {
  /// Per ASCII unit, how a match may begin with it (`UnitRole` bits), a capital's the same
  /// as its lower-case letter's: the scan looks up each unit as it stands.
  private let asciiRoles: [UInt8]
  /// The prefixes of each lower-cased ASCII first unit, one after another in `prefixWords`:
  /// where its run of them begins and ends.
  private let asciiPrefixRuns: [(start: Int32, end: Int32)]
  /// Each prefix as its length in units after the first, whether it must begin a word
  /// (0 or 1), then those units, ASCII lower-cased: read by pointer, with no array per
  /// prefix to count references to.
  private let prefixWords: [UInt16]
  /// The prefixes whose first unit is outside ASCII, by that unit: their runs in
  /// `prefixWords`.
  private let otherPrefixRuns: [UInt16: (start: Int32, end: Int32)]
  /// Whether a match may begin at any unit outside ASCII (`\s`, `\w`).
  private let beginsAtAnyOtherUnit: Bool
  /// Whether a match may begin at the text's start whatever it holds (`^`).
  private let beginsAtTextStart: Bool
  /// What may follow a run of spaces that opens a match (`UnitRole.leadsSpaces`).
  private let afterSpaces: FollowingUnits

  /// The start of `pattern`'s matches; `nil` when a match may begin at any letter (it may
  /// be empty, or begin with `.` or `[a-z]`) or the pattern uses syntax the reader does not
  /// know.
  init?(pattern: String) {
    var reader = StartReader(Self.scalars(of: pattern))
    guard let openings = try? reader.readPattern(), !openings.isNullable,
      !openings.anyUnits.holdsEveryLetter
    else { return nil }

    let runs = Self.prefixRuns(of: openings.prefixes)
    var roles = Self.roles(of: openings)
    for (unit, run) in runs.ascii.enumerated() where run.end > run.start {
      roles[unit] |= UnitRole.beginsPrefix
    }
    for capital in 0x41...0x5A { roles[capital] = roles[capital + 0x20] }
    asciiRoles = roles
    asciiPrefixRuns = runs.ascii
    prefixWords = runs.words
    otherPrefixRuns = runs.other
    beginsAtAnyOtherUnit = openings.beginsAtAnyOtherUnit
    beginsAtTextStart = openings.beginsAtTextStart
    afterSpaces = openings.afterSpaces
  }

  /// The scalars of `pattern`: when it is ASCII, as nearly every pattern is, one per byte,
  /// made with no decoding and no count of them first.
  private static func scalars(of pattern: String) -> [Unicode.Scalar] {
    let ascii = pattern.utf8.withContiguousStorageIfAvailable { bytes -> [Unicode.Scalar]? in
      for byte in bytes where byte >= 0x80 { return nil }
      return [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { scalars, count in
        for (index, byte) in bytes.enumerated() {
          (scalars.baseAddress! + index).initialize(to: Unicode.Scalar(byte))
        }
        count = bytes.count
      }
    }
    return (ascii ?? nil) ?? Array(pattern.unicodeScalars)
  }

  /// Each ASCII unit's role as a match's first unit, prefixes left out.
  private static func roles(of openings: Openings) -> [UInt8] {
    // A set holds no capital (it lower-cases what it is given), and the capitals' roles
    // are their letters', copied when the prefixes are in.
    var roles = [UInt8](repeating: 0, count: 128)
    openings.anyUnits.forEachUnit { roles[$0] |= UnitRole.anywhere }
    openings.wordStartUnits.forEachUnit { roles[$0] |= UnitRole.atWordStart }
    if openings.opensWithSpaces {
      for unit in StartReader.asciiSpaces { roles[Int(unit)] |= UnitRole.leadsSpaces }
    }
    return roles
  }

  /// The prefixes laid out one after another by their first unit (see `prefixWords`), each
  /// once, and where each first unit's run of them lies.
  ///
  /// Sorted, the prefixes that share a first unit are neighbours, their first units
  /// ascending, and a repeated prefix is next to its twin: one pass lays out the runs.
  private static func prefixRuns(of prefixes: [Prefix]) -> (
    words: [UInt16], ascii: [(start: Int32, end: Int32)],
    other: [UInt16: (start: Int32, end: Int32)]
  ) {
    var words: [UInt16] = []
    var ascii = [(start: Int32, end: Int32)](repeating: (0, 0), count: 128)
    var other: [UInt16: (start: Int32, end: Int32)] = [:]
    func endRun(of first: UInt16, from runStart: Int) {
      let run = (start: Int32(runStart), end: Int32(words.count))
      if first < 128 { ascii[Int(first)] = run } else { other[first] = run }
    }

    var previous: Prefix? = nil
    var runStart = 0
    for prefix in Prefix.sorted(prefixes) where prefix != previous {
      if let previous, previous.first != prefix.first {
        endRun(of: previous.first, from: runStart)
        runStart = words.count
      }
      words.append(UInt16(prefix.count - 1))
      words.append(prefix.atWordStart ? 1 : 0)
      for index in 1..<prefix.count { words.append(prefix[index]) }
      previous = prefix
    }
    if let previous { endRun(of: previous.first, from: runStart) }
    return (words, ascii, other)
  }

  /// The offsets of `text` where a match may begin, ascending.
  func candidates(in text: UnsafeBufferPointer<UInt16>) -> [Int32] {
    [Int32](unsafeUninitializedCapacity: text.count) { found, count in
      count = candidates(in: text, into: found)
    }
  }

  /// Writes the offsets of `text` where a match may begin, ascending, to the start of
  /// `found`, which has room for one per unit of `text`; returns how many it wrote. A search
  /// hands a buffer of its own, so that no array is grown for them.
  func candidates(
    in text: UnsafeBufferPointer<UInt16>, into found: UnsafeMutableBufferPointer<Int32>
  ) -> Int {
    precondition(found.count >= text.count, "no room for an offset per unit")
    var count = 0
    guard !text.isEmpty else { return count }
    if beginsAtTextStart {
      found[0] = 0
      count = 1
    }

    asciiRoles.withUnsafeBufferPointer { roles in
      prefixWords.withUnsafeBufferPointer { words in
        asciiPrefixRuns.withUnsafeBufferPointer { runs in
          let reader = PrefixReader(text: text, words: words)
          for offset in (beginsAtTextStart ? 1 : 0)..<text.count {
            let unit = text[offset]
            // Most units have no role: passed over with one lookup.
            if unit < 128 && roles[Int(unit)] == 0 { continue }
            if mayBegin(at: offset, reader: reader, roles: roles, runs: runs) {
              found[count] = Int32(truncatingIfNeeded: offset)
              count &+= 1
            }
          }
        }
      }
    }
    return count
  }

  /// Whether a match may begin at `offset` of the reader's text.
  @inline(__always)
  private func mayBegin(
    at offset: Int, reader: PrefixReader, roles: UnsafeBufferPointer<UInt8>,
    runs: UnsafeBufferPointer<(start: Int32, end: Int32)>
  ) -> Bool {
    let unit = reader.text[offset]
    guard unit < 128 else {
      return beginsAtAnyOtherUnit
        || otherPrefixRuns[unit].map { reader.holdsAny(of: $0, after: offset) } ?? false
    }

    let role = roles[Int(unit)]
    guard role != 0 else { return false }
    let lowered = Int(Self.lowercased(unit))
    return role & UnitRole.anywhere != 0
      || (role & UnitRole.atWordStart != 0 && reader.startsWord(at: offset))
      || (role & UnitRole.beginsPrefix != 0 && reader.holdsAny(of: runs[lowered], after: offset))
      || (role & UnitRole.leadsSpaces != 0
        && reader.spaces(from: offset, areFollowedBy: afterSpaces))
  }

  static func lowercased(_ unit: UInt16) -> UInt16 {
    unit >= 0x41 && unit <= 0x5A ? unit + 0x20 : unit
  }
}

/// A text and `PatternStart`'s prefix words, read by pointer.
private struct PrefixReader {
  let text: UnsafeBufferPointer<UInt16>
  let words: UnsafeBufferPointer<UInt16>

  /// Whether the units after `offset` continue one of the prefixes of `run`, ASCII letters
  /// compared without case.
  func holdsAny(of run: (start: Int32, end: Int32), after offset: Int) -> Bool {
    var at = Int(run.start)
    while at < Int(run.end) {
      let count = Int(words[at])
      let atWordStart = words[at + 1] != 0
      let units = at + 2
      at = units + count
      guard offset + count < text.count else { continue }
      var index = 0
      while index < count
        && PatternStart.lowercased(text[offset + 1 + index]) == words[units + index]
      {
        index += 1
      }
      // Whether a word begins is asked last: most prefixes differ in their first unit.
      if index == count && (!atWordStart || startsWord(at: offset)) { return true }
    }
    return false
  }

  /// Whether the run of spaces from `offset` ends at a unit `following` allows. A unit outside
  /// ASCII ends the run as a possible start: it may be a space itself ("\u{A0}") or a letter.
  func spaces(from offset: Int, areFollowedBy following: FollowingUnits) -> Bool {
    var at = offset + 1
    while at < text.count, text[at] < 128, StartReader.isASCIISpace(text[at]) { at += 1 }
    guard at < text.count else { return false }
    return text[at] >= 128 ? true : following.units.contains(text[at])
  }

  /// Whether `\b` may hold before `offset`, whose unit is a word character: the unit before
  /// is none of ASCII's letters, digits and `_` (one outside ASCII may be a letter or not).
  func startsWord(at offset: Int) -> Bool {
    guard offset > 0 else { return true }
    switch text[offset - 1] {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: return false
    default: return true
    }
  }
}

/// The bits of `PatternStart`'s roles of an ASCII unit.
private enum UnitRole {
  static let anywhere: UInt8 = 1
  static let atWordStart: UInt8 = 2
  static let beginsPrefix: UInt8 = 4
  /// A space a match may begin with, where the run of spaces is followed by what the
  /// pattern lets follow it (`PatternStart.afterSpaces`).
  static let leadsSpaces: UInt8 = 8
}

/// The units that may come right after a run of spaces opening a match: ASCII ones
/// lower-cased (any unit outside ASCII is let through).
private struct FollowingUnits {
  var units = UnitSet()

  /// What the part `openings` begins with, as a unit after spaces; `nil` when it may itself
  /// begin with a space, or at the text's start, so that the run's end tells nothing.
  init?(_ openings: Openings) {
    units.formUnion(openings.anyUnits)
    units.formUnion(openings.wordStartUnits)
    for prefix in openings.prefixes where prefix.first < 128 { units.insert(prefix.first) }
    let spaces = UnitSet(StartReader.asciiSpaces)
    guard !openings.beginsAtTextStart, units.intersection(spaces).isEmpty else { return nil }
  }

  init() {}

  mutating func formUnion(_ other: FollowingUnits) { units.formUnion(other.units) }
}

/// Units a match begins with, and whether they must begin a word (the pattern puts `\b`
/// before them).
///
/// The units (at most `capacity`) are held in the value itself, four to a word, so that
/// copying a part's openings, as reading a pattern does at every step, allocates nothing and
/// counts no references.
private struct Prefix: Equatable {
  /// Units 0 to 3, then 4 to 7, 16 bits each, the first in the lowest bits; zero past
  /// `count`, so that equal prefixes are equal values.
  private var low: UInt64 = 0
  private var high: UInt64 = 0
  private(set) var count = 0
  var atWordStart = false

  static let capacity = 8

  init() {}

  init(_ unit: UInt16) { append(unit) }

  var isEmpty: Bool { count == 0 }

  var first: UInt16 { self[0] }

  subscript(index: Int) -> UInt16 {
    let word = index < 4 ? low : high
    return UInt16(truncatingIfNeeded: word >> UInt64(16 * (index % 4)))
  }

  /// Adds `unit` at the end; the caller keeps to `capacity`.
  mutating func append(_ unit: UInt16) {
    precondition(count < Self.capacity, "a prefix holds at most \(Self.capacity) units")
    let bits = UInt64(unit) << UInt64(16 * (count % 4))
    if count < 4 { low |= bits } else { high |= bits }
    count += 1
  }

  /// `prefixes` in the order of `precedes(_:_:)`, compared by keys made once: their units in
  /// order, the first in the highest bits, with zeros past the end (which only ties a
  /// prefix with another that continues it with zeros, as the count then tells them apart).
  static func sorted(_ prefixes: [Prefix]) -> [Prefix] {
    var keyed = prefixes.map { prefix in
      (high: prefix.orderKey(0), low: prefix.orderKey(4), prefix: prefix)
    }
    keyed.sort { first, second in
      if first.high != second.high { return first.high < second.high }
      if first.low != second.low { return first.low < second.low }
      return precedes(first.prefix, second.prefix)
    }
    return keyed.map(\.prefix)
  }

  /// Units `start` to `start + 3`, the first in the highest bits.
  private func orderKey(_ start: Int) -> UInt64 {
    var key: UInt64 = 0
    for index in start..<start + 4 { key = key << 16 | UInt64(self[index]) }
    return key
  }

  /// Units compared in order, a prefix of another before it, and a prefix that need not
  /// begin a word before the same units that must.
  static func precedes(_ first: Prefix, _ second: Prefix) -> Bool {
    for index in 0..<min(first.count, second.count) where first[index] != second[index] {
      return first[index] < second[index]
    }
    guard first.count == second.count else { return first.count < second.count }
    return !first.atWordStart && second.atWordStart
  }
}

/// A set of ASCII units, lower-cased.
private struct UnitSet {
  private var low: UInt64 = 0
  private var high: UInt64 = 0

  init() {}

  init(_ units: some Sequence<UInt16>) {
    for unit in units { insert(unit) }
  }

  /// ASCII's letters, digits and `_`, which `\w` and `\b` count as word characters.
  static let asciiWord = UnitSet(Array(0x30...0x39) + Array(0x61...0x7A) + [0x5F])

  mutating func insert(_ unit: UInt16) {
    let lowered = PatternStart.lowercased(unit)
    guard lowered < 128 else { return }
    if lowered < 64 { low |= 1 << UInt64(lowered) } else { high |= 1 << UInt64(lowered - 64) }
  }

  /// Whether the set holds `unit`, compared without ASCII letter case.
  func contains(_ unit: UInt16) -> Bool {
    let lowered = PatternStart.lowercased(unit)
    guard lowered < 128 else { return false }
    return (lowered < 64 ? low >> UInt64(lowered) : high >> UInt64(lowered - 64)) & 1 != 0
  }

  var isEmpty: Bool { low == 0 && high == 0 }

  /// Calls `body` with each unit of the set, ascending.
  func forEachUnit(_ body: (Int) -> Void) {
    var bits = low
    while bits != 0 {
      body(bits.trailingZeroBitCount)
      bits &= bits - 1
    }
    bits = high
    while bits != 0 {
      body(64 + bits.trailingZeroBitCount)
      bits &= bits - 1
    }
  }

  var holdsEveryLetter: Bool {
    let letters: UInt64 = ((1 << 26) - 1) << (0x61 - 64)
    return high & letters == letters
  }

  mutating func formUnion(_ other: UnitSet) {
    low |= other.low
    high |= other.high
  }

  func subtracting(_ other: UnitSet) -> UnitSet {
    var result = self
    result.low &= ~other.low
    result.high &= ~other.high
    return result
  }

  func intersection(_ other: UnitSet) -> UnitSet {
    var result = self
    result.low &= other.low
    result.high &= other.high
    return result
  }
}

/// What a part of a pattern may begin with, and whether it may match nothing at all.
private struct Openings {
  /// Prefixes, ASCII lower-cased, other units as they are; may repeat.
  var prefixes: [Prefix] = []
  /// ASCII units a match may begin with wherever they are.
  var anyUnits = UnitSet()
  /// ASCII word characters a match may begin with where they begin a word.
  var wordStartUnits = UnitSet()
  var beginsAtAnyOtherUnit = false
  var beginsAtTextStart = false
  /// Whether a match may open with a run of spaces, followed by one of `afterSpaces`.
  var opensWithSpaces = false
  var afterSpaces = FollowingUnits()
  /// Whether the part may match the empty string, letting what follows begin the match.
  var isNullable: Bool
  /// Whether these are the openings of `\s` itself, whose run `StartReader` reads with what
  /// follows it.
  var isSpaceClass = false

  static let nothing = Openings(isNullable: true)
  static let anything = Openings(units: 0..<128, orOther: true)
  static let textStart: Openings = {
    var start = Openings(isNullable: false)
    start.beginsAtTextStart = true
    return start
  }()

  /// Openings that begin with one of `units` (ASCII ones compared without case, others as
  /// they are), or with any unit outside ASCII when `orOther` is true.
  init(units: some Sequence<UInt16>, orOther: Bool) {
    isNullable = false
    beginsAtAnyOtherUnit = orOther
    for unit in units {
      if unit < 128 {
        anyUnits.insert(unit)
      } else {
        prefixes.append(Prefix(unit))
      }
    }
  }

  init(prefix: Prefix) {
    isNullable = false
    prefixes = [prefix]
  }

  private init(isNullable: Bool) { self.isNullable = isNullable }

  /// These openings where `\b` comes before them: those beginning with an ASCII word
  /// character must begin a word.
  var afterWordBoundary: Openings {
    var bounded = self
    bounded.wordStartUnits.formUnion(anyUnits.intersection(.asciiWord))
    bounded.anyUnits = anyUnits.subtracting(.asciiWord)
    bounded.prefixes = prefixes.map { prefix in
      var bounded = prefix
      if UnitSet.asciiWord.contains(prefix.first) { bounded.atWordStart = true }
      return bounded
    }
    return bounded
  }

  /// The openings of either part.
  mutating func formUnion(_ other: Openings) {
    // Most parts hold a prefix or two, and many a sequence none yet: taking the other's
    // array then copies nothing.
    if prefixes.isEmpty { prefixes = other.prefixes } else { prefixes += other.prefixes }
    anyUnits.formUnion(other.anyUnits)
    wordStartUnits.formUnion(other.wordStartUnits)
    beginsAtAnyOtherUnit = beginsAtAnyOtherUnit || other.beginsAtAnyOtherUnit
    beginsAtTextStart = beginsAtTextStart || other.beginsAtTextStart
    opensWithSpaces = opensWithSpaces || other.opensWithSpaces
    afterSpaces.formUnion(other.afterSpaces)
    isNullable = isNullable || other.isNullable
  }

  /// A run of spaces (`\s*`, `\s+`) followed by a part beginning with `following`; the
  /// run's spaces outside ASCII may begin a match wherever they are.
  static func spaces(followedBy following: FollowingUnits, isNullable: Bool) -> Openings {
    var run = Openings(isNullable: isNullable)
    run.opensWithSpaces = true
    run.afterSpaces = following
    run.beginsAtAnyOtherUnit = true
    return run
  }
}

/// A syntax `StartReader` does not read; the pattern is then searched at every offset.
private struct UnreadableStart: Error {}

/// Reads an ICU regular expression far enough to know what its matches begin with.
///
/// A sequence begins with its first part, and with the next one too while the parts before
/// may match nothing (`?`, `*`, `{0,n}`, a lookaround, `\b`, `^`); a run of literals is one
/// prefix (at most `longestPrefix` units); an alternation begins with any of its branches;
/// a class or an escape such as `\d` begins with one of its characters. Letter case is
/// ignored as in the patterns, which only widens the offsets.
private struct StartReader {
  private let scalars: [Unicode.Scalar]
  private var position = 0

  init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

  /// The longest prefix kept: longer ones cost more to compare and rule out little more.
  private static let longestPrefix = Prefix.capacity

  mutating func readPattern() throws(UnreadableStart) -> Openings {
    let openings = try readAlternation()
    guard position == scalars.count else { throw UnreadableStart() }
    return openings
  }

  private var next: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

  private mutating func take(_ scalar: Unicode.Scalar) -> Bool {
    guard next == scalar else { return false }
    position += 1
    return true
  }

  private mutating func readAlternation() throws(UnreadableStart) -> Openings {
    var openings = try readSequence()
    while take("|") { openings.formUnion(try readSequence()) }
    return openings
  }

  private mutating func readSequence() throws(UnreadableStart) -> Openings {
    var openings = Openings.nothing
    var run = Prefix()
    // Whether `\b` stands at the match's start: nothing before it consumes a character.
    var isAfterBoundary = false
    func add(_ part: Openings) {
      openings.formUnion(isAfterBoundary ? part.afterWordBoundary : part)
    }
    func endRun() {
      guard !run.isEmpty else { return }
      add(Openings(prefix: run))
      openings.isNullable = false
      run = Prefix()
    }

    while let scalar = next, scalar != "|", scalar != ")" {
      guard openings.isNullable else {
        try skipSequence()
        break
      }
      let part = try readPart()
      let repetition = try readQuantifier()
      guard openings.isNullable else { continue }
      switch (part, repetition) {
      case (.literal(let unit), .once):
        if run.count < Self.longestPrefix { run.append(unit) } else { endRun() }
      case (.literal(let unit), .atLeastOnce):
        if run.count < Self.longestPrefix { run.append(unit) }
        endRun()
      case (.literal(let unit), .maybeNever):
        if run.isEmpty { add(Openings(prefix: Prefix(unit))) } else { endRun() }
      case (.wordBoundary, _):
        endRun()
        isAfterBoundary = true
      case (.textStart, .once), (.textStart, .atLeastOnce):
        endRun()
        guard openings.isNullable else { continue }
        openings.formUnion(.textStart)
        openings.isNullable = false
      case (.zeroWidth, _), (.textStart, .maybeNever):
        endRun()
      case (.openings(var part), _):
        if !run.isEmpty {
          endRun()
          continue
        }
        if part.isSpaceClass, let following = followingSpaces() {
          add(.spaces(followedBy: following, isNullable: repetition == .maybeNever))
          openings.isNullable = repetition == .maybeNever
          continue
        }
        if repetition == .maybeNever { part.isNullable = true }
        add(part)
        openings.isNullable = part.isNullable
      }
    }
    endRun()
    return openings
  }

  /// What the part after a run of spaces begins with, when it must match at least one
  /// unit; lookarounds and `\b` before it are passed over. `nil` when it may match nothing,
  /// begins with a space, or is not read. The position is left where it was.
  private mutating func followingSpaces() -> FollowingUnits? {
    let start = position
    defer { position = start }
    while let scalar = next, scalar != "|", scalar != ")" {
      guard let part = try? readPart(), let repetition = try? readQuantifier(),
        repetition != .maybeNever
      else { return nil }
      switch part {
      case .zeroWidth, .wordBoundary: continue
      case .textStart: return nil
      case .literal(let unit): return FollowingUnits(Openings(units: [unit], orOther: false))
      case .openings(let openings):
        return openings.isNullable || openings.opensWithSpaces ? nil : FollowingUnits(openings)
      }
    }
    return nil
  }

  /// Skips the rest of a sequence whose start is known, up to its `|` or closing `)`,
  /// following only what changes where it ends: escapes, classes and groups. Quoting
  /// (`\Q…\E`), comments and free spacing, which could hide a parenthesis, are refused.
  private mutating func skipSequence() throws(UnreadableStart) {
    var depth = 0
    while let scalar = next {
      if depth == 0 && (scalar == "|" || scalar == ")") { return }
      position += 1
      switch scalar {
      case "\\":
        guard let escaped = next, escaped != "Q" else { throw UnreadableStart() }
        position += 1
      case "[":
        try skipClass()
      case "(":
        depth += 1
        try refuseHiddenParentheses()
      case ")":
        depth -= 1
      default:
        break
      }
    }
  }

  /// Refuses a group that opens a comment (`(?#`) or sets free spacing (`(?x)`).
  private func refuseHiddenParentheses() throws(UnreadableStart) {
    guard next == "?" else { return }
    var at = position + 1
    while at < scalars.count, scalars[at].properties.isAlphabetic || scalars[at] == "-" {
      if scalars[at] == "x" { throw UnreadableStart() }
      at += 1
    }
    if at < scalars.count && scalars[at] == "#" { throw UnreadableStart() }
  }

  private enum Part {
    /// A character of one UTF-16 unit (ASCII lower-cased).
    case literal(UInt16)
    /// `\b`.
    case wordBoundary
    /// `^` (the patterns are not multi-line, so only the text's start) and `\A`.
    case textStart
    /// Another position, not a character: `$`, `\B`, a lookaround.
    case zeroWidth
    case openings(Openings)
  }

  private enum Repetition {
    case once, atLeastOnce, maybeNever
  }

  private mutating func readQuantifier() throws(UnreadableStart) -> Repetition {
    let minimum: Int
    switch next {
    case "?", "*":
      position += 1
      minimum = 0
    case "+":
      position += 1
      minimum = 1
    case "{":
      position += 1
      minimum = try readBounds()
    default:
      return .once
    }
    // A lazy or possessive quantifier begins as the greedy one does.
    if next == "?" || next == "+" { position += 1 }
    return minimum > 0 ? .atLeastOnce : .maybeNever
  }

  /// Reads `m}`, `m,}` or `m,n}` after a `{` and returns 0 when `m` is 0 (or not written),
  /// else a positive number.
  private mutating func readBounds() throws(UnreadableStart) -> Int {
    var minimum = 0
    var isMinimum = true
    while let scalar = next, scalar != "}" {
      position += 1
      if scalar == "," {
        isMinimum = false
      } else if ("0"..."9").contains(scalar) {
        // Only whether `m` is 0 is asked: a larger `m` than `Int` holds is 1, not a trap.
        if isMinimum && minimum == 0 { minimum = Int(scalar.value - 0x30) }
      } else {
        throw UnreadableStart()
      }
    }
    guard take("}") else { throw UnreadableStart() }
    return minimum
  }

  private mutating func readPart() throws(UnreadableStart) -> Part {
    guard let scalar = next else { throw UnreadableStart() }
    position += 1
    switch scalar {
    case "(": return try readGroup()
    case "[": return .openings(try readClass())
    case "\\": return try readEscape()
    case "^": return .textStart
    case "$": return .zeroWidth
    case ".", "?", "*", "+", "{", "}", "]": throw UnreadableStart()
    default: return literal(scalar)
    }
  }

  /// A literal character. One outside ASCII that has other cases may be matched by them,
  /// some of which are ASCII ("ſ" matches "s"): a match may then begin with any unit.
  private func literal(_ scalar: Unicode.Scalar) -> Part {
    if scalar.isASCII { return .literal(PatternStart.lowercased(UInt16(scalar.value))) }
    guard scalar.value <= 0xFFFF, !scalar.properties.changesWhenCaseMapped else {
      return .openings(.anything)
    }
    return .literal(UInt16(scalar.value))
  }

  /// Reads a group after its `(`: captures, `(?:…)`, `(?>…)` and flag groups such as
  /// `(?-i:…)` begin as their content does; a lookaround is a position.
  private mutating func readGroup() throws(UnreadableStart) -> Part {
    var isLookaround = false
    if take("?") {
      if take("<") {
        guard take("=") || take("!") else { throw UnreadableStart() }
        isLookaround = true
      } else if take("=") || take("!") {
        isLookaround = true
      } else if !take(":") && !take(">") {
        try skipFlags()
      }
    }
    let openings = try readAlternation()
    guard take(")") else { throw UnreadableStart() }
    return isLookaround ? .zeroWidth : .openings(openings)
  }

  /// Skips `i-` in `(?i-:`; free spacing (`x`), multi-line (`m`, where `^` begins every
  /// line) and anything but a group with flags is refused.
  private mutating func skipFlags() throws(UnreadableStart) {
    while let scalar = next, scalar != ":" {
      guard scalar == "i" || scalar == "-" || scalar == "s" else {
        throw UnreadableStart()
      }
      position += 1
    }
    guard take(":") else { throw UnreadableStart() }
  }

  /// A character class after its `[`: the ASCII characters, ranges and `\d` it lists; a
  /// negated class, or one holding anything else, may begin with any unit.
  private mutating func readClass() throws(UnreadableStart) -> Openings {
    guard next != "^" else {
      try skipClass()
      return .anything
    }
    var openings = Openings(units: [], orOther: false)
    while let scalar = next, scalar != "]" {
      position += 1
      switch scalar {
      case "\\":
        guard let escaped = next else { throw UnreadableStart() }
        position += 1
        switch try escape(escaped) {
        case .literal(let unit): openings.formUnion(Openings(units: [unit], orOther: false))
        case .openings(let escapedOpenings): openings.formUnion(escapedOpenings)
        case .wordBoundary, .textStart, .zeroWidth: throw UnreadableStart()
        }
      case "[", "&": throw UnreadableStart()
      case _ where !scalar.isASCII:
        if case .literal(let unit) = literal(scalar) {
          openings.formUnion(Openings(units: [unit], orOther: false))
        } else {
          openings.formUnion(.anything)
        }
      case _ where next == "-" && position + 1 < scalars.count && scalars[position + 1] != "]":
        let last = scalars[position + 1]
        guard last.isASCII, last != "\\", last != "[", scalar.value <= last.value else {
          throw UnreadableStart()
        }
        position += 2
        openings.anyUnits.formUnion(UnitSet((scalar.value...last.value).map { UInt16($0) }))
      default:
        openings.anyUnits.insert(UInt16(scalar.value))
      }
    }
    guard take("]") else { throw UnreadableStart() }
    return openings
  }

  /// Skips a character class after its `[`, nested classes and escapes included.
  private mutating func skipClass() throws(UnreadableStart) {
    var depth = 1
    if next == "^" { position += 1 }
    if next == "]" { position += 1 }
    while depth > 0 {
      guard let scalar = next else { throw UnreadableStart() }
      position += 1
      switch scalar {
      case "\\": position += 1
      case "[": depth += 1
      case "]": depth -= 1
      default: break
      }
    }
  }

  private mutating func readEscape() throws(UnreadableStart) -> Part {
    guard let scalar = next else { throw UnreadableStart() }
    position += 1
    return try escape(scalar)
  }

  /// An escaped punctuation mark is a literal; `\b`, `\B` and the anchors are positions;
  /// `\d`, `\s` and `\w` classes, and `\S` and the like classes of nearly anything;
  /// escapes that read further (`\x{…}`, `\p{…}`, `\Q…\E`), back references and the rest
  /// are refused.
  private func escape(_ scalar: Unicode.Scalar) throws(UnreadableStart) -> Part {
    switch scalar {
    case "b": return .wordBoundary
    case "A": return .textStart
    case "B", "z", "Z", "G": return .zeroWidth
    case "d": return .openings(Self.digits)
    case "s": return .openings(Self.spaces)
    case "w": return .openings(Self.wordCharacters)
    case "D", "S", "W", "h", "H", "v", "V", "R", "X": return .openings(.anything)
    case "t": return .literal(0x09)
    case "n": return .literal(0x0A)
    case "r": return .literal(0x0D)
    case "f": return .literal(0x0C)
    case _
    where scalar.isASCII && !scalar.properties.isAlphabetic
      && !("0"..."9").contains(scalar):
      return .literal(PatternStart.lowercased(UInt16(scalar.value)))
    default: throw UnreadableStart()
    }
  }

  private static let digits = Openings(units: 0x30...0x39, orOther: false)
  private static let spaces: Openings = {
    var spaces = Openings(units: asciiSpaces, orOther: true)
    spaces.isSpaceClass = true
    return spaces
  }()
  private static let wordCharacters = Openings(units: asciiWordUnits, orOther: true)

  /// ICU's `\s` in ASCII: tab, line feed, vertical tab, form feed, carriage return, space
  /// (and the field separators 0x1C–0x1F, which Unicode counts as white space).
  static let asciiSpaces: [UInt16] = [
    0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20,
  ]

  /// Whether an ASCII unit is one of `asciiSpaces`.
  @inline(__always)
  static func isASCIISpace(_ unit: UInt16) -> Bool {
    unit == 0x20 || (unit >= 0x09 && unit <= 0x0D) || (unit >= 0x1C && unit <= 0x1F)
  }

  /// ICU's `\w` in ASCII: letters, digits and `_`.
  private static let asciiWordUnits: [UInt16] =
    Array(0x30...0x39) + Array(0x41...0x5A)
    + Array(0x61...0x7A) + [0x5F]
}
