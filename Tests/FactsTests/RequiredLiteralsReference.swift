// The reading of a pattern's required literals that `RequiredLiterals` replaced, kept by
// the tests as the oracle the new reading must agree with on every pattern the detectors
// make (`RequiredLiterals.agreesWithReference(_:)`). It builds arrays per part and per
// choice, which cost about twice the instructions of the new reading.

import Foundation

@testable import Facts

/// The literals a pattern requires, read as `RequiredLiterals` read them before it was
/// made to read by byte into shared buffers.
struct ReferenceRequiredLiterals: Sendable {
  /// One branch of the outermost alternation.
  struct Branch: Sendable {
    /// The branch as the pattern writes it.
    let source: String
    /// The number of capture groups it holds.
    let groups: Int
    /// The choices a match by this branch meets every one of, fewest literals first.
    fileprivate let choices: [LiteralChoice]

    /// The literals of each choice, lower-cased, for the tests to read.
    var literals: [[String]] {
      choices.map { $0.literals.map { String(decoding: $0, as: UTF8.self) } }
    }
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
    let read = pattern.withUTF8 { bytes in
      var reader = PatternReader(bytes)
      return (try? reader.readBranches()).map { ($0, reader.literals, reader.hasBackreference) }
    }
    guard case let (read, literals, hasBackreference)? = read else { return nil }
    branches = read.map { branch in
      Branch(
        source: branch.source, groups: branch.groups,
        choices: branch.choices.compactMap { LiteralChoice($0, in: literals) }
          .sorted { $0.count < $1.count })
    }
    self.hasBackreference = hasBackreference
    guard branches.allSatisfy({ !$0.choices.isEmpty }) else { return nil }
    program = LiteralProgram(branches: branches.map { $0.choices.map(\.literals) })
  }
}

/// Literals of which a match holds at least one, as lower-cased bytes.
private struct LiteralChoice: Sendable {
  /// The literals, as lower-cased bytes, in a fixed order.
  let literals: [[UInt8]]
  /// How many literals it holds: a choice of few is cheap to ask about first.
  let count: Int

  /// The choice of the literals `choice` numbers in `table`; `nil` when one holds a
  /// character outside ASCII that case folding changes, which text may hold in another form.
  init?(_ choice: Choice, in table: LiteralTable) {
    var found: [[UInt8]] = []
    found.reserveCapacity(choice.count)
    for number in choice {
      guard let literal = table.lowercased(number) else { return nil }
      found.append(literal)
    }
    // In a fixed order, so that every run does the same whatever the literals' numbers.
    self.literals = found.sorted { $0.lexicographicallyPrecedes($1) }
    count = found.count
  }
}

/// A syntax `PatternReader` does not read; the pattern is then always run.
private struct UnreadableSyntax: Error {}

/// Literals of which a match holds at least one: their numbers in a `LiteralTable`, ascending
/// and each once, so that two choices of the same literals are equal arrays.
private typealias Choice = [Int]

/// The literals of one pattern, each numbered once: a choice names them by number, which is
/// cheaper to merge and compare than the literals themselves. An ASCII character alone is its
/// own number; a longer literal, or one character outside ASCII, is numbered from 128 up.
///
/// Each literal is kept in the form a `LiteralChoice` compares, made when it is numbered:
/// a literal is named by many choices of a pattern, and by many more while they are merged.
private struct LiteralTable {
  /// The literals numbered from 128 up, as the pattern writes them (UTF-8).
  private var written: [[UInt8]] = []
  /// The same literals, ASCII capitals lower-cased; `nil` for one with a character outside
  /// ASCII that case folding changes.
  private var lowercasedLiterals: [[UInt8]?] = []
  /// The characters (Unicode scalars) each of `written` holds.
  private var lengths: [Int] = []
  /// An open-addressing hash table of `written`: a slot holds 0 or the index of a literal
  /// plus one, at the slot the literal's hash picks or the first free one after it. A
  /// literal is looked up as the bytes of the pattern it stands on, without copying them:
  /// most are looked up many times and added once.
  private var slots: [Int32]

  /// Each ASCII character as a literal of its own, capitals lower-cased.
  private static let characters: [[UInt8]] = (0..<128).map { [lowercased(UInt8($0))] }

  /// A table for a pattern of `size` bytes, with room for the literals it may hold.
  init(patternSize size: Int) {
    var count = 16
    while count < size / 4 { count *= 2 }
    slots = Array(repeating: 0, count: count)
    // About one literal in eight bytes of a pattern: the lists grow seldom, if at all.
    let expected = size / 8
    written.reserveCapacity(expected)
    lowercasedLiterals.reserveCapacity(expected)
    lengths.reserveCapacity(expected)
  }

  /// The number of `literal` (UTF-8) of `length` characters, numbered anew if it is new.
  mutating func number(of literal: UnsafeBufferPointer<UInt8>, length: Int) -> Int {
    if literal.count == 1 { return Int(literal[0]) }
    let mask = slots.count - 1
    var slot = Self.hash(of: literal) & mask
    while slots[slot] != 0 {
      let index = Int(slots[slot]) - 1
      if written[index].elementsEqual(literal) { return 128 + index }
      slot = (slot + 1) & mask
    }

    add(Array(literal), length: length)
    slots[slot] = Int32(written.count)
    if written.count * 2 > slots.count { doubleSlots() }
    return 128 + written.count - 1
  }

  private mutating func add(_ literal: [UInt8], length: Int) {
    let isFolded = literal.contains { $0 >= 0x80 } && Self.changesWhenCaseFolded(literal)
    written.append(literal)
    // Most literals are written in lower case already, and share their bytes.
    let hasCapital = literal.contains { $0 >= 0x41 && $0 <= 0x5A }
    lowercasedLiterals.append(
      isFolded ? nil : hasCapital ? literal.map(Self.lowercased) : literal)
    lengths.append(length)
  }

  /// Doubles the slots, which keeps at least half of them free.
  private mutating func doubleSlots() {
    var doubled = [Int32](repeating: 0, count: slots.count * 2)
    let mask = doubled.count - 1
    for (index, literal) in written.enumerated() {
      var slot = literal.withUnsafeBufferPointer { Self.hash(of: $0) } & mask
      while doubled[slot] != 0 { slot = (slot + 1) & mask }
      doubled[slot] = Int32(index + 1)
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

  /// The literal numbered `number`, ASCII capitals lower-cased; `nil` when it holds a
  /// character outside ASCII that case folding changes.
  func lowercased(_ number: Int) -> [UInt8]? {
    number < 128 ? Self.characters[number] : lowercasedLiterals[number - 128]
  }

  /// How many characters the literal numbered `number` holds.
  func length(of number: Int) -> Int { number < 128 ? 1 : lengths[number - 128] }

  /// Whether a character outside ASCII of `literal` (UTF-8) is changed by case folding.
  private static func changesWhenCaseFolded(_ literal: [UInt8]) -> Bool {
    String(decoding: literal, as: UTF8.self).unicodeScalars.contains {
      !$0.isASCII && $0.properties.changesWhenCaseFolded
    }
  }

  private static func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
  }
}

/// The literals both `first` and `second` name, ascending and each once.
private func union(_ first: Choice, _ second: Choice) -> Choice {
  var merged: Choice = []
  merged.reserveCapacity(first.count + second.count)
  var (left, right) = (0, 0)
  while left < first.count && right < second.count {
    let (a, b) = (first[left], second[right])
    merged.append(min(a, b))
    if a <= b { left += 1 }
    if b <= a { right += 1 }
  }
  merged += first[left...]
  merged += second[right...]
  return merged
}

/// Adds the literals of `other` to `choice`, keeping it ascending and each literal once: the
/// `union` of the two, made in place.
private func add(_ other: Choice, to choice: inout Choice) {
  for number in other {
    var low = 0
    var high = choice.count
    while low < high {
      let middle = (low + high) / 2
      if choice[middle] < number { low = middle + 1 } else { high = middle }
    }
    if low == choice.count || choice[low] != number { choice.insert(number, at: low) }
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

  /// The characters as a choice: ascending.
  var choice: Choice {
    (0..<128).filter { byte in
      byte < 64 ? bits.low & (1 << UInt64(byte)) != 0 : bits.high & (1 << UInt64(byte - 64)) != 0
    }
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
/// a literal, read whole (all its bytes) wherever one is read.
private struct PatternReader {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var position = 0
  /// Whether an escape read so far refers back to a group by number.
  private(set) var hasBackreference = false
  /// The capture groups read so far.
  private var captureGroups = 0
  /// The literals the choices read so far name.
  private(set) var literals: LiteralTable

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    literals = LiteralTable(patternSize: bytes.count)
  }

  /// The branches of the outermost alternation, in order, each with its source and the
  /// choices it requires; a branch with none can match without a literal.
  mutating func readBranches() throws(UnreadableSyntax) -> [(
    source: String, choices: [Choice], groups: Int
  )] {
    var branches: [(source: String, choices: [Choice], groups: Int)] = []
    repeat {
      let start = position
      let groupsBefore = captureGroups
      let choices = try readSequence()
      let source = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
      branches.append((source, choices, captureGroups - groupsBefore))
    } while take("|")
    guard position == bytes.count else { throw UnreadableSyntax() }
    return branches
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

  private mutating func readAlternation() throws(UnreadableSyntax) -> [Choice] {
    var required = try readSequence()
    while take("|") {
      // A list of words (`one|two|three`): the one choice grows in place.
      if required.count == 1, let word = readWord() {
        add([word], to: &required[0])
        continue
      }
      let branch = try readSequence()
      if required.count == 1 && branch.count == 1 {
        add(branch[0], to: &required[0])
        continue
      }
      required = mostSelective(either(required, branch))
    }
    return required
  }

  /// What either of two branches requires: for each choice of the one and each of the
  /// other, one of the literals of both.
  private func either(_ first: [Choice], _ second: [Choice]) -> [Choice] {
    var either: [Choice] = []
    either.reserveCapacity(first.count * second.count)
    for choice in first {
      for other in second { either.append(union(choice, other)) }
    }
    return either
  }

  private mutating func readSequence() throws(UnreadableSyntax) -> [Choice] {
    if let word = readWord() { return [[word]] }
    var required: [Choice] = []
    required.reserveCapacity(4)
    // The literal characters read in a row, and how many characters they are.
    var run: [UInt8] = []
    var runLength = 0
    func endRun() {
      if !run.isEmpty {
        let number = run.withUnsafeBufferPointer { literals.number(of: $0, length: runLength) }
        required.append([number])
      }
      run.removeAll(keepingCapacity: true)
      runLength = 0
    }

    while let byte = next, byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") {
      let part = try readPart()
      let repetition = try readQuantifier()
      switch (part, repetition) {
      case (.literal(let literal), .once):
        append(literal, to: &run)
        runLength += 1
      case (.literal(let literal), .atLeastOnce):
        // "xa+b" matches "xaab", which holds "xa" but not "xab".
        append(literal, to: &run)
        runLength += 1
        endRun()
      case (.literal, .maybeNever):
        endRun()
      case (.other(let choices), _):
        endRun()
        if repetition != .maybeNever { required += choices }
      }
    }
    endRun()
    return mostSelective(required)
  }

  /// Reads a sequence of nothing but ordinary ASCII characters, up to the `|` or `)` that
  /// ends it or the pattern's end, and returns the number of the literal it is: what
  /// `readSequence()` reads it to require, without reading it character by character. Most
  /// branches of a list of words are such (`fusion|laminectomy`). `nil`, with the position
  /// left, for any other sequence.
  private mutating func readWord() -> Int? {
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

  /// Appends the bytes of the character at `literal` to `run`; most are one byte.
  private func append(_ literal: Range<Int>, to run: inout [UInt8]) {
    if literal.count == 1 {
      run.append(bytes[literal.lowerBound])
    } else {
      run += bytes[literal]
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
    let start = position
    while let byte = next, byte != UInt8(ascii: "}") {
      guard byte == UInt8(ascii: ",") || Self.isDigit(byte) else { throw UnreadableSyntax() }
      position += 1
    }
    guard take("}") else { throw UnreadableSyntax() }
    let bounds = String(
      decoding: UnsafeBufferPointer(rebasing: bytes[start..<position - 1]), as: UTF8.self)
    guard let minimum = Int(bounds.split(separator: ",", omittingEmptySubsequences: false)[0])
    else { throw UnreadableSyntax() }
    return minimum
  }

  private enum Part {
    /// One literal character: where its bytes are in the pattern.
    case literal(Range<Int>)
    case other([Choice])
  }

  private mutating func readPart() throws(UnreadableSyntax) -> Part {
    guard let byte = next else { throw UnreadableSyntax() }
    position += 1
    switch byte {
    case UInt8(ascii: "("): return .other(try readGroup())
    case UInt8(ascii: "["): return .other(try readClass())
    case UInt8(ascii: "\\"): return try readEscape()
    case UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "$"): return .other([])
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
  private mutating func readGroup() throws(UnreadableSyntax) -> [Choice] {
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
    let required = try readAlternation()
    guard take(")") else { throw UnreadableSyntax() }
    return isLookaround ? [] : required
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
  private mutating func readClass() throws(UnreadableSyntax) -> [Choice] {
    let start = position
    if let listed = readListedClass(), listed.count <= Self.largestClassChoice {
      return [listed.choice]
    }
    position = start
    try skipClass()
    return []
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
          for digit in Self.digits { listed.insert(UInt8(digit)) }
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

  /// The ten digits, a choice.
  private static let digits: Choice = Array(0x30...0x39)

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
      return .other([Self.digits])
    }
    let escaped = readCharacter(from: position)
    if Self.isLetter(byte) || Self.isDigit(byte) || isAlphabetic(escaped) { return .other([]) }
    return .literal(escaped)
  }

  /// Whether the character at `range`, outside ASCII, is alphabetic.
  private func isAlphabetic(_ range: Range<Int>) -> Bool {
    guard bytes[range.lowerBound] >= 0x80 else { return false }
    let character = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    return character.unicodeScalars.first?.properties.isAlphabetic ?? false
  }

  /// The choices that rule out the most text, at most three: those whose shortest literal
  /// is longest, then those with fewer literals.
  private func mostSelective(_ choices: [Choice]) -> [Choice] {
    guard choices.count > 3 else { return choices }
    // The position breaks ties, so that the same choices are kept on every run.
    let ranked = choices.enumerated().map { position, choice in
      (choice: choice, shortest: shortestLiteral(of: choice), position: position)
    }.sorted { first, second in
      if first.shortest != second.shortest { return first.shortest > second.shortest }
      if first.choice.count != second.choice.count {
        return first.choice.count < second.choice.count
      }
      return first.position < second.position
    }
    var kept: [Choice] = []
    for candidate in ranked where kept.count < 3 && !kept.contains(candidate.choice) {
      kept.append(candidate.choice)
    }
    return kept
  }

  /// The characters the shortest literal of `choice` holds; 0 for no literal.
  private func shortestLiteral(of choice: Choice) -> Int {
    guard let first = choice.first else { return 0 }
    var shortest = literals.length(of: first)
    for number in choice.dropFirst() { shortest = min(shortest, literals.length(of: number)) }
    return shortest
  }
}
