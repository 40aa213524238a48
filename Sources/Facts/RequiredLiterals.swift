import Foundation

/// The literal strings a match of a pattern cannot do without, read from the pattern itself:
/// `\b(?:unable to|cannot)\s+(?:sit|stand)\b` cannot match a sentence that holds neither
/// "unable to" nor "cannot", nor one that holds neither "sit" nor "stand".
///
/// `TextPattern` asks it before running its expression, since most patterns match few of the
/// sentences they are run on and ICU tries every alternative at nearly every position. Each
/// branch of a pattern's outermost alternation (`a|b|c`) has its own requirements, and the
/// text may match when it meets those of one branch: a pattern whose branches each name a
/// rare word is not run on every sentence that holds a word common to all of them. The
/// answer is exact, compared without letter case as the patterns are, except for text with a
/// character outside ASCII that Unicode case folding changes ("É", "ﬁ" is "fi", "K" is
/// "k"), or with a decimal digit outside ASCII ("٣", which `\d` matches), which is always
/// handed to the expression.
///
/// The pattern is read once, by byte, into buffers shared by all its parts (`PatternReader`):
/// nothing is allocated per part, choice or literal, and the choices are written straight
/// into the `LiteralProgram` a search walks.
struct RequiredLiterals: Sendable {
  /// One branch of the outermost alternation.
  struct Branch: Sendable {
    /// The branch as the pattern writes it.
    let source: String
    /// The number of capture groups it holds.
    let groups: Int
    /// The program that holds the branch's choices, and the branch's place in it.
    fileprivate let program: LiteralProgram
    fileprivate let index: Int

    /// The literals of each choice a match by this branch meets every one of, lower-cased,
    /// fewest literals first, for the tests to read.
    var literals: [[String]] { program.literals(ofBranch: index) }
  }

  /// The outermost branches, in order; one when the pattern is no alternation.
  let branches: [Branch]
  /// Every branch's choices, for the text to be asked in one pass.
  let program: LiteralProgram
  /// Whether the pattern refers back to a group by number (`\1`), which ties its branches
  /// together.
  let hasBackreference: Bool

  /// The capture groups of the whole pattern, counted as ICU numbers them: its branches'.
  var groupCount: Int { branches.reduce(0) { $0 + $1.groups } }

  /// Reads the literals a pattern requires, or returns `nil` when the pattern can match
  /// without any (an optional first word, a bare `\d+`) or uses syntax this reader does not
  /// know, in which case the expression is always run.
  init?(pattern: String) {
    var pattern = pattern
    let read = pattern.withUTF8 { bytes -> (LiteralProgram, [(String, Int)], Bool)? in
      var reader = PatternReader(bytes)
      guard let branches = try? reader.readBranches(), let program = reader.program(of: branches)
      else { return nil }
      let sources = branches.map { branch in
        (
          String(decoding: UnsafeBufferPointer(rebasing: bytes[branch.source]), as: UTF8.self),
          branch.groups
        )
      }
      return (program, sources, reader.hasBackreference)
    }
    guard let (program, sources, hasBackreference) = read else { return nil }

    self.program = program
    self.hasBackreference = hasBackreference
    branches = sources.enumerated().map { index, branch in
      Branch(source: branch.0, groups: branch.1, program: program, index: index)
    }
  }

  /// The branches by which `text` may hold a match: the first, and whether it is the only
  /// one. A branch is ruled out only when the text lacks every literal of one of its
  /// choices.
  func candidateBranches(in text: SearchableText) -> (first: Int?, isOnly: Bool) {
    text.candidateBranches(program)
  }

  /// Whether `text` may hold a match: `false` only when, for every branch, it lacks every
  /// literal of one of the branch's choices.
  func mayMatch(_ text: SearchableText) -> Bool { candidateBranches(in: text).first != nil }

  /// Whether `text` may hold a match (see `mayMatch(_:)` above).
  func mayMatch(_ text: String) -> Bool { mayMatch(SearchableText.of(text)) }
}

/// A syntax `PatternReader` does not read; the pattern is then always run.
private struct UnreadableSyntax: Error {}

/// Literals of which a match holds at least one: where their numbers (in a `LiteralTable`)
/// lie in `PatternReader.numbers`, ascending and each once, so that two choices of the same
/// literals hold equal numbers.
private struct Choice {
  var start: Int32
  var count: Int32

  var range: Range<Int> { Int(start)..<Int(start + count) }
}

/// The literals of one pattern, each numbered once: a choice names them by number, which is
/// cheaper to merge and compare than the literals themselves. An ASCII character alone is its
/// own number; a longer literal, or one character outside ASCII, is numbered from 128 up.
///
/// The literals are kept one after another in two buffers, as written and lower-cased:
/// a literal is named by many choices of a pattern, and looked up many more times than it is
/// added.
private struct LiteralTable {
  /// The bytes of the literals numbered from 128 up, as the pattern writes them (UTF-8).
  private var written: [UInt8] = []
  /// The same bytes, ASCII capitals lower-cased.
  private var lowered: [UInt8] = []
  /// Where each literal's bytes lie in `written` and `lowered`, its length in characters
  /// (Unicode scalars), and whether a character outside ASCII of it is changed by case
  /// folding.
  private var entries: [(start: Int32, count: Int32, length: Int32, isFolded: Bool)] = []
  /// Each literal's first eight lower-cased bytes, the first in the highest bits and zeros
  /// after its end: literals whose keys differ are in the order of their keys.
  private var keys: [UInt64] = []
  /// An open-addressing hash table of the literals: a slot holds 0 or the index of a literal
  /// plus one, at the slot the literal's hash picks or the first free one after it.
  private var slots: [Int32]

  /// A table for a pattern of `size` bytes, with room for the literals it may hold.
  init(patternSize size: Int) {
    var count = 16
    while count < size / 4 { count *= 2 }
    slots = Array(repeating: 0, count: count)
    written.reserveCapacity(size)
    lowered.reserveCapacity(size)
    entries.reserveCapacity(size / 8)
    keys.reserveCapacity(size / 8)
  }

  /// The number of `literal` (UTF-8) of `length` characters, numbered anew if it is new.
  mutating func number(of literal: UnsafeBufferPointer<UInt8>, length: Int) -> Int32 {
    if literal.count == 1 { return Int32(literal[0]) }
    let mask = slots.count - 1
    var slot = Self.hash(of: literal) & mask
    while slots[slot] != 0 {
      let index = Int(slots[slot]) - 1
      if isWritten(literal, at: index) { return 128 + Int32(index) }
      slot = (slot + 1) & mask
    }

    add(literal, length: length)
    slots[slot] = Int32(entries.count)
    if entries.count * 2 > slots.count { doubleSlots() }
    return 128 + Int32(entries.count - 1)
  }

  private func isWritten(_ literal: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    let entry = entries[index]
    guard Int(entry.count) == literal.count else { return false }
    return written.withUnsafeBufferPointer { written in
      memcmp(written.baseAddress! + Int(entry.start), literal.baseAddress!, literal.count) == 0
    }
  }

  private mutating func add(_ literal: UnsafeBufferPointer<UInt8>, length: Int) {
    let start = written.count
    written.append(contentsOf: literal)
    lowered.append(contentsOf: literal)
    var hasNonASCII = false
    var key: UInt64 = 0
    lowered.withUnsafeMutableBufferPointer { lowered in
      for offset in 0..<literal.count {
        let byte = Self.lowercased(literal[offset])
        lowered[start + offset] = byte
        if byte >= 0x80 { hasNonASCII = true }
        if offset < 8 { key |= UInt64(byte) << UInt64(56 - 8 * offset) }
      }
    }
    let isFolded = hasNonASCII && Self.changesWhenCaseFolded(literal)
    entries.append((Int32(start), Int32(literal.count), Int32(length), isFolded))
    keys.append(key)
  }

  /// Doubles the slots, which keeps at least half of them free.
  private mutating func doubleSlots() {
    var doubled = [Int32](repeating: 0, count: slots.count * 2)
    let mask = doubled.count - 1
    written.withUnsafeBufferPointer { written in
      for (index, entry) in entries.enumerated() {
        let literal = UnsafeBufferPointer(
          rebasing: written[Int(entry.start)..<Int(entry.start + entry.count)])
        var slot = Self.hash(of: literal) & mask
        while doubled[slot] != 0 { slot = (slot + 1) & mask }
        doubled[slot] = Int32(index + 1)
      }
    }
    slots = doubled
  }

  /// The FNV-1a hash of `bytes`.
  private static func hash(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let digest = bytes.reduce(0xcbf2_9ce4_8422_2325 as UInt64) {
      ($0 ^ UInt64($1)) &* 0x100_0000_01b3
    }
    return Int(truncatingIfNeeded: digest)
  }

  /// Whether the literal numbered `number` holds a character outside ASCII that case
  /// folding changes, which text may hold in another form.
  func isFolded(_ number: Int32) -> Bool { number >= 128 && entries[Int(number - 128)].isFolded }

  /// How many characters the literal numbered `number` holds.
  func length(of number: Int32) -> Int {
    number < 128 ? 1 : Int(entries[Int(number - 128)].length)
  }

  /// Writes the literal numbered `number`, ASCII capitals lower-cased, to `writer`.
  func write(_ number: Int32, to writer: inout LiteralProgram.Writer) {
    if number < 128 {
      var byte = Self.lowercased(UInt8(number))
      withUnsafePointer(to: &byte) { writer.append(UnsafeBufferPointer(start: $0, count: 1)) }
      return
    }
    let entry = entries[Int(number - 128)]
    lowered.withUnsafeBufferPointer {
      writer.append(
        UnsafeBufferPointer(rebasing: $0[Int(entry.start)..<Int(entry.start + entry.count)]))
    }
  }

  /// Whether the literal numbered `first` comes before that numbered `second`, their
  /// lower-cased bytes compared in order.
  func precedes(_ first: Int32, _ second: Int32) -> Bool {
    let (firstKey, secondKey) = (key(of: first), key(of: second))
    guard firstKey == secondKey else { return firstKey < secondKey }
    return bytes(of: first).lexicographicallyPrecedes(bytes(of: second))
  }

  private func key(of number: Int32) -> UInt64 {
    number < 128 ? UInt64(Self.lowercased(UInt8(number))) << 56 : keys[Int(number - 128)]
  }

  /// The lower-cased bytes of the literal numbered `number`, for the few literals whose
  /// first eight bytes are alike.
  private func bytes(of number: Int32) -> [UInt8] {
    guard number >= 128 else { return [Self.lowercased(UInt8(number))] }
    let entry = entries[Int(number - 128)]
    return Array(lowered[Int(entry.start)..<Int(entry.start + entry.count)])
  }

  /// Whether a character outside ASCII of `literal` (UTF-8) is changed by case folding.
  private static func changesWhenCaseFolded(_ literal: UnsafeBufferPointer<UInt8>) -> Bool {
    String(decoding: literal, as: UTF8.self).unicodeScalars.contains {
      !$0.isASCII && $0.properties.changesWhenCaseFolded
    }
  }

  private static func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
  }
}

/// A set of ASCII characters, by bit.
private struct ASCIISet {
  private var bits: (low: UInt64, high: UInt64) = (0, 0)

  var isEmpty: Bool { bits.low == 0 && bits.high == 0 }
  var count: Int { bits.low.nonzeroBitCount + bits.high.nonzeroBitCount }

  mutating func insert(_ byte: UInt8) {
    if byte < 64 { bits.low |= 1 << UInt64(byte) } else { bits.high |= 1 << UInt64(byte - 64) }
  }

  func contains(_ byte: Int) -> Bool {
    byte < 64 ? bits.low & (1 << UInt64(byte)) != 0 : bits.high & (1 << UInt64(byte - 64)) != 0
  }
}

/// Reads an ICU regular expression far enough to know the literals each part requires, as
/// choices that must all be met.
///
/// A sequence requires what each of its parts requires; an alternation requires, for a
/// choice of each branch, one of the literals of either; `\d` requires one of the ten digits
/// and a class listing a few ASCII characters one of them; a part that may be absent (`?`,
/// `*`, `{0,n}`), a lookaround, a negated or larger class or an escape like `\s` requires
/// nothing. Only the few most selective choices are kept: leaving a choice out only means
/// running the expression on more text.
///
/// It reads the pattern's UTF-8 bytes: its syntax is ASCII, and a character outside ASCII is
/// a literal, read whole (all its bytes) wherever one is read. What a part requires is left
/// on the top of one stack of choices (`choices`), whose literals' numbers lie in one buffer
/// (`numbers`): the part that holds it reads it there, and nothing is allocated per part.
private struct PatternReader {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var position = 0
  /// Whether an escape read so far refers back to a group by number.
  private(set) var hasBackreference = false
  /// The capture groups read so far.
  private var captureGroups = 0
  /// The literals the choices read so far name.
  private var literals: LiteralTable
  /// The numbers of the literals of every choice made so far, each choice's in a row.
  private var numbers: [Int32] = []
  /// The choices the parts read so far require, each part's after those of the parts
  /// before it.
  private var choices: [Choice] = []
  /// The literal characters each sequence being read holds in a row: an inner sequence's
  /// after its outer one's, taken away when it ends.
  private var runs: [UInt8] = []
  /// The ten digits, the choice `\d` requires; never changed in place.
  private let digits = Choice(start: 0, count: 10)

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    literals = LiteralTable(patternSize: bytes.count)
    numbers.reserveCapacity(64 + bytes.count)
    numbers.append(contentsOf: 0x30...0x39)
    choices.reserveCapacity(32)
    runs.reserveCapacity(64)
  }

  /// The branches of the outermost alternation, in order, each with its source, its groups
  /// and where its choices lie in `choices`; a branch with none can match without a
  /// literal.
  mutating func readBranches() throws(UnreadableSyntax) -> [(
    source: Range<Int>, groups: Int, choices: Range<Int>
  )] {
    var branches: [(source: Range<Int>, groups: Int, choices: Range<Int>)] = []
    repeat {
      let start = position
      let groupsBefore = captureGroups
      let base = choices.count
      try readSequence()
      branches.append((start..<position, captureGroups - groupsBefore, base..<choices.count))
    } while take("|")
    guard position == bytes.count else { throw UnreadableSyntax() }
    return branches
  }

  /// The program of `branches`' choices, each choice's literals in the order of their
  /// lower-cased bytes and each branch's choices fewest literals first; `nil` when a branch
  /// has no choice whose literals text must hold as written (one with a character outside
  /// ASCII that case folding changes may be written otherwise).
  func program(
    of branches: [(source: Range<Int>, groups: Int, choices: Range<Int>)]
  ) -> LiteralProgram? {
    var writer = LiteralProgram.Writer(branchCount: branches.count, capacity: 4 * numbers.count)
    var kept: [Choice] = []
    kept.reserveCapacity(8)
    var ordered: [Int32] = []
    ordered.reserveCapacity(64)
    for branch in branches {
      kept.removeAll(keepingCapacity: true)
      for index in branch.choices where !hasFoldedLiteral(choices[index]) {
        // Fewest literals first, choices of as many in the order read.
        let choice = choices[index]
        var at = kept.count
        while at > 0 && kept[at - 1].count > choice.count { at -= 1 }
        if at == kept.count { kept.append(choice) } else { kept.insert(choice, at: at) }
      }
      guard !kept.isEmpty else { return nil }

      writer.beginBranch()
      for choice in kept {
        literalsInOrder(of: choice, into: &ordered)
        writer.beginChoice()
        for number in ordered { literals.write(number, to: &writer) }
        writer.endChoice()
      }
      writer.endBranch()
    }
    return writer.program
  }

  private func hasFoldedLiteral(_ choice: Choice) -> Bool {
    for at in choice.range where literals.isFolded(numbers[at]) { return true }
    return false
  }

  /// The numbers of `choice`'s literals in the order of their lower-cased bytes, in
  /// `ordered`: sorted by insertion, as most choices hold a few.
  private func literalsInOrder(of choice: Choice, into ordered: inout [Int32]) {
    ordered.removeAll(keepingCapacity: true)
    for at in choice.range {
      let number = numbers[at]
      var place = ordered.count
      while place > 0 && literals.precedes(number, ordered[place - 1]) { place -= 1 }
      if place == ordered.count {
        ordered.append(number)
      } else {
        ordered.insert(number, at: place)
      }
    }
  }

  private var next: UInt8? { position < bytes.count ? bytes[position] : nil }

  /// Takes `text` (one or two ASCII marks) when the pattern continues with it.
  private mutating func take(_ text: StaticString) -> Bool {
    let count = text.utf8CodeUnitCount
    guard bytes.count - position >= count else { return false }
    for offset in 0..<count where bytes[position + offset] != text.utf8Start[offset] {
      return false
    }
    position += count
    return true
  }

  /// Reads an alternation, leaving what it requires on `choices`.
  private mutating func readAlternation() throws(UnreadableSyntax) {
    let base = choices.count
    try readSequence()
    while take("|") {
      // A list of words (`one|two|three`): the one choice grows in place.
      if choices.count - base == 1, let word = readWord() {
        insert(word, into: base)
        continue
      }
      let branch = choices.count
      try readSequence()
      if branch - base == 1 && choices.count - branch == 1 {
        add(choices[branch], into: base)
        choices.removeLast()
        continue
      }
      either(base: base, branch: branch)
      keepMostSelective(from: base)
    }
  }

  /// Replaces the choices from `base` to `branch` and those from `branch` on, what two
  /// branches require, by what either requires: for each choice of the one and each of the
  /// other, one of the literals of both.
  private mutating func either(base: Int, branch: Int) {
    let end = choices.count
    for first in base..<branch {
      for second in branch..<end { choices.append(union(choices[first], choices[second])) }
    }
    choices.removeSubrange(base..<end)
  }

  /// A new choice of the literals both `first` and `second` name, ascending and each once.
  private mutating func union(_ first: Choice, _ second: Choice) -> Choice {
    let start = numbers.count
    let most = Int(first.count + second.count)
    // Room is made for the most there may be, the two merged by pointer, and the rest given
    // back: no append checks for room or a shared buffer each time.
    numbers.append(contentsOf: repeatElement(0, count: most))
    let count = numbers.withUnsafeMutableBufferPointer { numbers in
      var (left, right) = (Int(first.start), Int(second.start))
      let (leftEnd, rightEnd) = (left + Int(first.count), right + Int(second.count))
      var end = start
      while left < leftEnd && right < rightEnd {
        let (a, b) = (numbers[left], numbers[right])
        numbers[end] = min(a, b)
        end += 1
        if a <= b { left += 1 }
        if b <= a { right += 1 }
      }
      for at in left..<leftEnd {
        numbers[end] = numbers[at]
        end += 1
      }
      for at in right..<rightEnd {
        numbers[end] = numbers[at]
        end += 1
      }
      return end - start
    }
    if count < most { numbers.removeLast(most - count) }
    return Choice(start: Int32(start), count: Int32(count))
  }

  /// Adds the literals of `other` to the choice at `index` of `choices`, keeping it
  /// ascending and each literal once.
  private mutating func add(_ other: Choice, into index: Int) {
    for at in other.range { insert(numbers[at], into: index) }
  }

  /// Adds the literal numbered `number` to the choice at `index` of `choices`. The choice is
  /// first moved to the end of `numbers`, unless it is there, so that it grows in place
  /// without moving another.
  private mutating func insert(_ number: Int32, into index: Int) {
    var choice = choices[index]
    let range = choice.range
    var low = range.lowerBound
    var high = range.upperBound
    while low < high {
      let middle = (low + high) / 2
      if numbers[middle] < number { low = middle + 1 } else { high = middle }
    }
    guard low == range.upperBound || numbers[low] != number else { return }

    if range.upperBound != numbers.count || choice.start == digits.start {
      let start = numbers.count
      for at in range { numbers.append(numbers[at]) }
      low += start - range.lowerBound
      choice.start = Int32(start)
    }
    numbers.insert(number, at: low)
    choice.count += 1
    choices[index] = choice
  }

  /// Reads a sequence, leaving what it requires on `choices`: the choices of its parts, the
  /// few most selective.
  private mutating func readSequence() throws(UnreadableSyntax) {
    let base = choices.count
    if let word = readWord() {
      choices.append(single(word))
      return
    }
    // The literal characters read in a row are `runs[runStart...]`; how many characters.
    let runStart = runs.count
    var runLength = 0

    while let byte = next, byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") {
      let mark = choices.count
      let part = try readPart()
      let repetition = try readQuantifier()
      switch (part, repetition) {
      case (.literal(let literal), .once):
        appendToRun(literal)
        runLength += 1
      case (.literal(let literal), .atLeastOnce):
        // "xa+b" matches "xaab", which holds "xa" but not "xab".
        appendToRun(literal)
        runLength += 1
        endRun(from: runStart, length: &runLength, at: mark)
      case (.literal, .maybeNever):
        endRun(from: runStart, length: &runLength, at: mark)
      case (.other, _):
        if repetition == .maybeNever { choices.removeLast(choices.count - mark) }
        // The run before the part comes before the part's choices.
        endRun(from: runStart, length: &runLength, at: mark)
      }
    }
    endRun(from: runStart, length: &runLength, at: choices.count)
    keepMostSelective(from: base)
  }

  /// Ends the run of literal characters `runs[start...]`, if any, inserting the choice of
  /// its literal at `index` of `choices`.
  private mutating func endRun(from start: Int, length: inout Int, at index: Int) {
    guard runs.count > start else { return }
    let number = runs.withUnsafeBufferPointer { runs in
      literals.number(of: UnsafeBufferPointer(rebasing: runs[start...]), length: length)
    }
    let choice = single(number)
    if index == choices.count { choices.append(choice) } else { choices.insert(choice, at: index) }
    runs.removeLast(runs.count - start)
    length = 0
  }

  /// Appends the bytes of the character at `literal` to the run; most are one byte.
  private mutating func appendToRun(_ literal: Range<Int>) {
    for at in literal { runs.append(bytes[at]) }
  }

  /// A new choice of the one literal numbered `number`.
  private mutating func single(_ number: Int32) -> Choice {
    numbers.append(number)
    return Choice(start: Int32(numbers.count - 1), count: 1)
  }

  /// Reads a sequence of nothing but ordinary ASCII characters, up to the `|` or `)` that
  /// ends it or the pattern's end, and returns the number of the literal it is: what
  /// `readSequence()` reads it to require, without reading it character by character. Most
  /// branches of a list of words are such (`fusion|laminectomy`). `nil`, with the position
  /// left, for any other sequence.
  private mutating func readWord() -> Int32? {
    var end = position
    while end < bytes.count && Self.isOrdinary(bytes[end]) { end += 1 }
    guard end > position,
      end == bytes.count || bytes[end] == UInt8(ascii: "|") || bytes[end] == UInt8(ascii: ")")
    else { return nil }

    let word = UnsafeBufferPointer(rebasing: bytes[position..<end])
    position = end
    return literals.number(of: word, length: word.count)
  }

  /// Whether `byte` is an ASCII character that stands for itself, never syntax: not one of
  /// the marks `readPart()` and `readQuantifier()` read otherwise, nor `|` or `)`.
  private static func isOrdinary(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "\\"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["),
      UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "?"),
      UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "^"),
      UInt8(ascii: "$"), UInt8(ascii: "|"):
      return false
    default: return byte < 0x80
    }
  }

  /// How often a part may occur, as its quantifier says.
  private enum Repetition {
    case once, atLeastOnce, maybeNever
  }

  private mutating func readQuantifier() throws(UnreadableSyntax) -> Repetition {
    let minimum: Int
    switch next {
    case UInt8(ascii: "?"), UInt8(ascii: "*"):
      position += 1
      minimum = 0
    case UInt8(ascii: "+"):
      position += 1
      minimum = 1
    case UInt8(ascii: "{"):
      position += 1
      minimum = try readBounds()
    default:
      return .once
    }
    // A lazy or possessive quantifier requires what the greedy one does.
    if next == UInt8(ascii: "?") || next == UInt8(ascii: "+") { position += 1 }
    return minimum > 0 ? .atLeastOnce : .maybeNever
  }

  /// Reads `m}`, `m,}` or `m,n}` after a `{` and returns `m`.
  private mutating func readBounds() throws(UnreadableSyntax) -> Int {
    var minimum = 0
    var minimumDigits = 0
    var isMinimum = true
    while let byte = next, byte != UInt8(ascii: "}") {
      if byte == UInt8(ascii: ",") {
        isMinimum = false
      } else if Self.isDigit(byte) {
        if isMinimum {
          // A number `Int` cannot hold is refused, as a reading of it into `Int` would be.
          let (tens, isTooLarge) = minimum.multipliedReportingOverflow(by: 10)
          let (sum, isTooLargeToo) = tens.addingReportingOverflow(Int(byte - 0x30))
          guard !isTooLarge && !isTooLargeToo else { throw UnreadableSyntax() }
          minimum = sum
          minimumDigits += 1
        }
      } else {
        throw UnreadableSyntax()
      }
      position += 1
    }
    guard take("}"), minimumDigits > 0 else { throw UnreadableSyntax() }
    return minimum
  }

  private enum Part {
    /// One literal character: where its bytes are in the pattern.
    case literal(Range<Int>)
    /// Anything else: what it requires is on the top of `choices`.
    case other
  }

  private mutating func readPart() throws(UnreadableSyntax) -> Part {
    guard let byte = next else { throw UnreadableSyntax() }
    position += 1
    switch byte {
    case UInt8(ascii: "("):
      try readGroup()
      return .other
    case UInt8(ascii: "["):
      try readClass()
      return .other
    case UInt8(ascii: "\\"): return try readEscape()
    case UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "$"): return .other
    case UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "{"),
      UInt8(ascii: "}"), UInt8(ascii: "]"):
      throw UnreadableSyntax()
    default: return .literal(readCharacter(from: position - 1))
    }
  }

  /// The bytes of the character that begins at `start`, the position moved past them.
  private mutating func readCharacter(from start: Int) -> Range<Int> {
    let lead = bytes[start]
    let count = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    position = min(start + count, bytes.count)
    return start..<position
  }

  /// Reads a group after its `(`: captures, `(?:…)`, `(?>…)` and flag groups such as
  /// `(?-i:…)` require what their content does; lookarounds require nothing.
  private mutating func readGroup() throws(UnreadableSyntax) {
    var isLookaround = false
    if next != UInt8(ascii: "?") { captureGroups += 1 }
    if take("?") {
      if take("<=") || take("<!") || take("=") || take("!") {
        isLookaround = true
      } else if take(":") || take(">") {
      } else {
        try skipFlags()
      }
    }
    let base = choices.count
    try readAlternation()
    guard take(")") else { throw UnreadableSyntax() }
    if isLookaround { choices.removeLast(choices.count - base) }
  }

  /// Skips `i-` in `(?i-:`; free spacing (`x`) and anything but a group with flags is refused.
  private mutating func skipFlags() throws(UnreadableSyntax) {
    while let byte = next, byte != UInt8(ascii: ":") {
      guard "is-m".utf8.contains(byte) else { throw UnreadableSyntax() }
      position += 1
    }
    guard take(":") else { throw UnreadableSyntax() }
  }

  /// A character class after its `[`: a choice of its characters when it lists a few ASCII
  /// characters, ranges or digits (`[CTLS]`, `[0-9A-Z]`, `[\d.]`), else no requirement.
  private mutating func readClass() throws(UnreadableSyntax) {
    let start = position
    if let listed = readListedClass(), listed.count <= Self.largestClassChoice {
      let first = numbers.count
      for byte in 0..<128 where listed.contains(byte) { numbers.append(Int32(byte)) }
      choices.append(Choice(start: Int32(first), count: Int32(numbers.count - first)))
      return
    }
    position = start
    try skipClass()
  }

  /// The characters of a class that lists only ASCII characters, ranges of them and `\d`,
  /// with the position after its `]`; `nil` for a negated class or any other syntax.
  private mutating func readListedClass() -> ASCIISet? {
    guard next != UInt8(ascii: "^") else { return nil }
    var listed = ASCIISet()
    while let byte = next, byte != UInt8(ascii: "]") {
      position += 1
      switch byte {
      case UInt8(ascii: "\\"):
        guard let escaped = next else { return nil }
        position += 1
        if escaped == UInt8(ascii: "d") {
          for digit in UInt8(0x30)...0x39 { listed.insert(digit) }
        } else if escaped < 0x80 && !Self.isLetter(escaped) && !Self.isDigit(escaped) {
          listed.insert(escaped)
        } else {
          return nil
        }
      case UInt8(ascii: "["), UInt8(ascii: "&"): return nil
      case _ where byte >= 0x80: return nil
      case _
      where next == UInt8(ascii: "-") && position + 1 < bytes.count
        && bytes[position + 1] != UInt8(ascii: "]"):
        let last = bytes[position + 1]
        guard last < 0x80, last != UInt8(ascii: "\\"), last != UInt8(ascii: "["), byte <= last
        else { return nil }
        position += 2
        for member in byte...last { listed.insert(member) }
      default: listed.insert(byte)
      }
    }
    guard take("]"), !listed.isEmpty else { return nil }
    return listed
  }

  /// The most characters a class may list to be a choice: more say too little to be worth
  /// looking for.
  private static let largestClassChoice = 36

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  /// Whether `byte` is an ASCII letter, the only alphabetic characters of ASCII.
  private static func isLetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte | 0x20) }

  /// Skips a character class after its `[`, nested classes and escapes included.
  private mutating func skipClass() throws(UnreadableSyntax) {
    var depth = 1
    if next == UInt8(ascii: "^") { position += 1 }
    if next == UInt8(ascii: "]") { position += 1 }
    while depth > 0 {
      guard let byte = next else { throw UnreadableSyntax() }
      position += 1
      switch byte {
      case UInt8(ascii: "\\"): position = min(position + 1, bytes.count)
      case UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "]"): depth -= 1
      default: break
      }
    }
  }

  /// An escaped punctuation mark is a literal; `\b`, `\s`, `\d`, `\1` and the like match
  /// classes or positions; escapes that read further (`\x{…}`, `\p{…}`, `\Q…\E`, the octal
  /// `\012`) are refused.
  private mutating func readEscape() throws(UnreadableSyntax) -> Part {
    guard let byte = next else { throw UnreadableSyntax() }
    if "xuUNpPQEkc0".utf8.contains(byte) { throw UnreadableSyntax() }
    if byte >= 0x31 && byte <= 0x39 { hasBackreference = true }
    if byte == UInt8(ascii: "d") {
      position += 1
      choices.append(digits)
      return .other
    }
    let escaped = readCharacter(from: position)
    if Self.isLetter(byte) || Self.isDigit(byte) || isAlphabetic(escaped) { return .other }
    return .literal(escaped)
  }

  /// Whether the character at `range`, outside ASCII, is alphabetic.
  private func isAlphabetic(_ range: Range<Int>) -> Bool {
    guard bytes[range.lowerBound] >= 0x80 else { return false }
    let character = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    return character.unicodeScalars.first?.properties.isAlphabetic ?? false
  }

  /// Keeps, of the choices from `base` on, those that rule out the most text, at most three:
  /// those whose shortest literal is longest, then those with fewer literals, then the first
  /// read; a choice of the same literals as one kept is not kept again. Three or fewer are
  /// kept as they are.
  ///
  /// Read in order, a choice is kept when fewer than three kept choices rank before it: one
  /// of the same literals as a choice read before ranks after it, so the three first in rank
  /// are kept whatever their order.
  private mutating func keepMostSelective(from base: Int) {
    let end = choices.count
    guard end - base > 3 else { return }
    var kept = 0
    var shortest = (0, 0, 0)
    for index in base..<end {
      let candidate = choices[index]
      guard !(0..<kept).contains(where: { holdSameLiterals(choices[base + $0], candidate) })
      else { continue }
      let length = shortestLiteral(of: candidate)
      var at = kept
      while at > 0
        && ranksBefore(
          (length, candidate.count),
          (Self.element(at - 1, of: shortest), choices[base + at - 1].count))
      {
        at -= 1
      }
      guard at < 3 else { continue }
      // Moved up one place; the third falls out.
      for moved in stride(from: min(kept, 2), to: at, by: -1) {
        choices[base + moved] = choices[base + moved - 1]
        Self.set(moved, of: &shortest, to: Self.element(moved - 1, of: shortest))
      }
      choices[base + at] = candidate
      Self.set(at, of: &shortest, to: length)
      kept = min(kept + 1, 3)
    }
    choices.removeLast(end - base - kept)
  }

  /// Whether a choice whose shortest literal and count are `first` ranks before one of
  /// `second`, read before it.
  private func ranksBefore(_ first: (Int, Int32), _ second: (Int, Int32)) -> Bool {
    first.0 > second.0 || (first.0 == second.0 && first.1 < second.1)
  }

  private static func element(_ index: Int, of triple: (Int, Int, Int)) -> Int {
    index == 0 ? triple.0 : index == 1 ? triple.1 : triple.2
  }

  private static func set(_ index: Int, of triple: inout (Int, Int, Int), to value: Int) {
    switch index {
    case 0: triple.0 = value
    case 1: triple.1 = value
    default: triple.2 = value
    }
  }

  /// Whether two choices name the same literals.
  private func holdSameLiterals(_ first: Choice, _ second: Choice) -> Bool {
    first.count == second.count && numbers[first.range].elementsEqual(numbers[second.range])
  }

  /// The characters the shortest literal of `choice` holds; 0 for no literal.
  private func shortestLiteral(of choice: Choice) -> Int {
    var shortest = Int.max
    for number in numbers[choice.range] { shortest = min(shortest, literals.length(of: number)) }
    return shortest == Int.max ? 0 : shortest
  }
}
