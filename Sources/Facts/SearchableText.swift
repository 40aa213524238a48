import Foundation

/// A text prepared once for every pattern run over it: its UTF-16 units for the regular
/// expression engine, and for `RequiredLiterals` its bytes with ASCII letters lower-cased
/// and the set of adjacent byte pairs it holds.
///
/// The detectors run a few hundred patterns over each sentence, and some detectors read
/// every sentence of a case again; `SearchableText.of(_:)` keeps the texts searched on each
/// thread (up to a budget of memory), so a sentence is converted and indexed once rather
/// than once per pattern, whichever detector asks.
final class SearchableText {
  let text: String
  /// Made on the first search that passes the literal filter: most searches never get there.
  /// An ASCII text's units are its bytes widened, without the general transcoding.
  private(set) lazy var utf16: [UInt16] = isASCII ? Self.widened(text) : Array(text.utf16)
  /// Whether every byte of the text is ASCII.
  private let isASCII: Bool
  /// Whether a character outside ASCII changes under Unicode case folding ("É", "ﬁ", the
  /// Kelvin sign): a case-insensitive match may then hold a literal these bytes do not.
  let hasFoldingNonASCII: Bool
  /// Whether the text holds a decimal digit outside ASCII ("٣", "４"), which `\d` matches.
  let hasNonASCIIDigit: Bool
  /// The pair set, then the UTF-8 bytes with ASCII capitals lower-cased, eight to a word:
  /// one allocation per text rather than two (see `withIndex(_:)`).
  private let index: [UInt64]
  /// The words of the pair set at the start of `index`: `pairWords`, or none for a text so
  /// short that searching its bytes costs less than indexing them. Bit `pairIndex(a, b)` is
  /// set when bytes `a` and `b` stand next to each other.
  private let pairWordCount: Int
  /// The number of bytes after the pair set.
  private let byteCount: Int
  /// Bit `byte & 0x7F` is set when the byte occurs (the low bits, then the high ones).
  private let singles: (low: UInt64, high: UInt64)

  fileprivate init(_ text: String) {
    self.text = text
    let byteCount = text.utf8.count
    let pairWordCount = byteCount > Self.longestUnindexed ? Self.pairWords : 0
    let wordCount = pairWordCount + (byteCount + 7) / 8
    var singles: (low: UInt64, high: UInt64) = (0, 0)
    var hasNonASCII = false
    // The bytes are folded as they are copied out of the string, in one pass.
    let index = [UInt64](unsafeUninitializedCapacity: wordCount) { words, count in
      words.initialize(repeating: 0)
      let pairBits = UnsafeMutableBufferPointer(rebasing: words[..<pairWordCount])
      let raw = UnsafeMutableRawBufferPointer(
        UnsafeMutableBufferPointer(rebasing: words[pairWordCount...]))
      UnsafeMutableRawBufferPointer(rebasing: raw[..<byteCount]).withMemoryRebound(
        to: UInt8.self
      ) { bytes in
        let copied = text.utf8.withContiguousStorageIfAvailable { source in
          Self.fold(source, into: bytes, pairs: pairBits, singles: &singles)
        }
        hasNonASCII =
          copied
          ?? Array(text.utf8).withUnsafeBufferPointer { source in
            Self.fold(source, into: bytes, pairs: pairBits, singles: &singles)
          }
      }
      count = wordCount
    }
    self.index = index
    self.pairWordCount = pairWordCount
    self.byteCount = byteCount
    self.singles = singles
    isASCII = !hasNonASCII

    var hasFoldingNonASCII = false
    var hasNonASCIIDigit = false
    if hasNonASCII {
      for scalar in text.unicodeScalars where !scalar.isASCII {
        let properties = scalar.properties
        hasFoldingNonASCII = hasFoldingNonASCII || properties.changesWhenCaseFolded
        hasNonASCIIDigit = hasNonASCIIDigit || properties.numericType == .decimal
      }
    }
    self.hasFoldingNonASCII = hasFoldingNonASCII
    self.hasNonASCIIDigit = hasNonASCIIDigit
  }

  /// The UTF-16 units of an ASCII text: its bytes, widened.
  private static func widened(_ text: String) -> [UInt16] {
    var text = text
    return text.withUTF8 { bytes in
      [UInt16](unsafeUninitializedCapacity: bytes.count) { units, count in
        for index in bytes.indices { units[index] = UInt16(bytes[index]) }
        count = bytes.count
      }
    }
  }

  /// Writes `source` to `bytes` with its ASCII capitals lower-cased and notes every byte in
  /// `singles` and, when `pairs` is not empty, every pair of adjacent bytes; returns whether
  /// a byte is outside ASCII. `bytes` holds as many bytes as `source`.
  private static func fold(
    _ source: UnsafeBufferPointer<UInt8>, into bytes: UnsafeMutableBufferPointer<UInt8>,
    pairs: UnsafeMutableBufferPointer<UInt64>, singles: inout (low: UInt64, high: UInt64)
  ) -> Bool {
    var high: UInt8 = 0
    var low: UInt64 = 0
    var upper: UInt64 = 0
    for index in source.indices {
      var byte = source[index]
      if byte &- 0x41 < 26 { byte &+= 0x20 }
      high |= byte
      bytes[index] = byte
      let bit: UInt64 = 1 << UInt64(byte & 63)
      if byte & 0x40 == 0 { low |= bit } else { upper |= bit }
    }
    singles = (low, upper)
    if !pairs.isEmpty {
      for index in source.indices.dropFirst() {
        let pair = pairIndex(bytes[index &- 1], bytes[index])
        pairs[pair &>> 6] |= 1 << UInt64(pair & 63)
      }
    }
    return high >= 0x80
  }

  /// The prepared form of `text`: the one this thread prepared before when `text` is a text
  /// it prepared (the same string storage), else a new one.
  static func of(_ text: String) -> SearchableText {
    guard let identity = TextIdentity(text) else {
      return text.utf8.count <= TextIdentity.longestInline
        ? RecentTexts.onThisThread.pointee.searchable(short: text) : SearchableText(text)
    }
    return RecentTexts.onThisThread.pointee.searchable(text, identity: identity)
  }

  /// The branches of a pattern whose literals this text may hold: the first such branch, and
  /// whether it is the only one (see `RequiredLiterals`).
  ///
  /// Asked for nearly every pattern on every sentence, so it walks the program's one buffer
  /// and this text's bytes by pointer: a literal is searched for only when the text holds
  /// every pair of its bytes, and a branch is left at the first choice the text fails.
  func candidateBranches(_ program: LiteralProgram) -> (first: Int?, isOnly: Bool) {
    if hasFoldingNonASCII || hasNonASCIIDigit {
      return (program.branchCount > 0 ? 0 : nil, program.branchCount <= 1)
    }
    return withIndex { pairBits, text in
      if !pairBits.isEmpty, !program.screen.isEmpty,
        !program.screen.contains(where: { pairBits[$0.word] & $0.bits != 0 })
      {
        return (nil, true)
      }
      return program.words.withUnsafeBufferPointer { words in
        let reader = LiteralReader(words: words, text: text, pairBits: pairBits, singles: singles)
        return reader.candidateBranches()
      }
    }
  }

  /// Calls `body` with the pair set (empty for a short text) and the folded bytes.
  private func withIndex<Result>(
    _ body: (_ pairs: UnsafeBufferPointer<UInt64>, _ bytes: UnsafeBufferPointer<UInt8>) ->
      Result
  ) -> Result {
    index.withUnsafeBufferPointer { words in
      let pairs = UnsafeBufferPointer(rebasing: words[..<pairWordCount])
      let raw = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: words[pairWordCount...]))
      return UnsafeRawBufferPointer(rebasing: raw[..<byteCount]).withMemoryRebound(
        to: UInt8.self
      ) { body(pairs, $0) }
    }
  }

  /// The UTF-8 bytes, ASCII capitals lower-cased, for the tests to read.
  var folded: [UInt8] { withIndex { Array($1) } }

  /// About the bytes this text holds in memory, for the budget of `RecentTexts`, its UTF-16
  /// units counted whether made yet or not (there are never more of them than bytes).
  var footprint: Int { byteCount * 3 + pairWordCount * 8 + 64 }

  /// The longest text, in bytes, left without a pair index.
  private static let longestUnindexed = 8

  /// The number of 64-bit words of the pair set: 4,096 bits, six bits of each byte.
  fileprivate static let pairWords = 64

  /// The bit of a pair of bytes; bytes that share their low six bits share bits (a digit
  /// and a letter from "p" to "y"), which only makes `holds` search the bytes more often.
  static func pairIndex(_ first: UInt8, _ second: UInt8) -> Int {
    Int(first & 63) << 6 | Int(second & 63)
  }
}

/// The literals each branch of a pattern requires, laid out in one buffer of 16-bit words
/// for `SearchableText.candidateBranches(_:)`, so that a search reads one array:
///
///     branch count
///     per branch:  its length in words, then its choices
///     per choice:  its length in words, then its literals
///     per literal: its length in words, its byte count n, the n - 1 pair bits of its
///                  adjacent bytes (see `SearchableText.pairIndex`), the one least likely
///                  in English first, then its n bytes
///
/// A branch may match where the text holds, for every one of its choices, one of the
/// choice's literals. Bytes are ASCII capitals lower-cased, as the text's are. Most literals
/// a text is asked about are turned away by their first pair, so that pair is the rarest,
/// and a literal's length leads so that the next is reached without reading the rest.
///
/// Most texts hold no branch's literals, and its `screen` turns most of those away before the
/// program is walked: one pair of bytes of every literal of one choice of each branch. A text
/// holding none of them holds no literal of those choices, so no branch.
struct LiteralProgram: Sendable {
  let words: [UInt16]
  /// The pair set's words and bits (see `SearchableText.pairIndex`) of the screen; empty
  /// when a branch has no choice whose literals all have two bytes or more.
  let screen: [(word: Int, bits: UInt64)]

  /// The program of `branches`: each a list of choices, each a list of literals (bytes);
  /// `screened: false` leaves the screen out, for the tests to compare with. Written by
  /// `Writer`, as `RequiredLiterals` writes its programs.
  init(branches: [[[[UInt8]]]], screened: Bool = true) {
    let capacity = branches.joined().joined().reduce(1) { $0 + 2 * $1.count + 3 }
    var writer = Writer(branchCount: branches.count, capacity: capacity)
    for branch in branches {
      writer.beginBranch()
      for choice in branch {
        writer.beginChoice()
        for literal in choice { literal.withUnsafeBufferPointer { writer.append($0) } }
        writer.endChoice()
      }
      writer.endBranch()
    }
    let program = writer.program
    self.init(words: program.words, screen: screened ? program.screen : [])
  }

  /// Each byte's rarity: 0 for a space, 1 to 26 for the letters from the most frequent in
  /// English ("e") to the least ("z"), 27 for anything else.
  fileprivate static let rarityByByte: [UInt8] = {
    var rarity = [UInt8](repeating: 27, count: 256)
    rarity[0x20] = 0
    for (rank, letter) in "etaoinshrdlcumwfgypbvkjxqz".utf8.enumerated() {
      rarity[Int(letter)] = UInt8(rank + 1)
    }
    return rarity
  }()

  var branchCount: Int { Int(words[0]) }

  private init(words: [UInt16], screen: [(word: Int, bits: UInt64)]) {
    self.words = words
    self.screen = screen
  }
}

extension LiteralProgram {
  /// Writes a program one branch, choice and literal at a time, straight into its words,
  /// with no array made per branch, choice or literal. Its screen is read from the words
  /// written (each literal's rarest pair is its third word): of each branch, the first choice
  /// whose shortest literal is longest, if that is two bytes or more, and of each of its
  /// literals the pair of bytes least likely in English text.
  struct Writer {
    private var words: [UInt16]
    private var branchStart = 0
    private var choiceStart = 0
    /// The bytes of the shortest literal of the choice being written.
    private var choiceShortest = Int.max
    /// Where the branch's most selective choice so far lies in `words`, and the bytes of its
    /// shortest literal.
    private var chosen: Range<Int>?
    private var chosenShortest = 1
    /// The screen's bits; `nil` once a branch has no choice to screen by.
    private var screenBits: [UInt64]?

    init(branchCount: Int, capacity: Int) {
      words = [UInt16(branchCount)]
      words.reserveCapacity(capacity)
      screenBits = [UInt64](repeating: 0, count: SearchableText.pairWords)
    }

    mutating func beginBranch() {
      branchStart = words.count
      words.append(0)
      chosen = nil
      chosenShortest = 1
    }

    mutating func beginChoice() {
      choiceStart = words.count
      words.append(0)
      choiceShortest = Int.max
    }

    /// Writes a literal's words (its length, its byte count, the pair indexes of its
    /// adjacent bytes, the rarest first, then its bytes), made in a buffer on the stack and
    /// copied in at once.
    mutating func append(_ literal: UnsafeBufferPointer<UInt8>) {
      let count = literal.count
      let size = count > 1 ? 2 * count + 1 : 2 + count
      withUnsafeTemporaryAllocation(of: UInt16.self, capacity: size) { entry in
        entry[0] = UInt16(size)
        entry[1] = UInt16(count)
        var at = 2
        if count > 1 {
          let rarest = LiteralProgram.rarestPair(of: literal)
          entry[2] = UInt16(rarest)
          at = 3
          var isRarestWritten = false
          for index in 1..<count {
            let pair = SearchableText.pairIndex(literal[index - 1], literal[index])
            if pair == rarest && !isRarestWritten {
              isRarestWritten = true
            } else {
              entry[at] = UInt16(pair)
              at += 1
            }
          }
        }
        for byte in literal {
          entry[at] = UInt16(byte)
          at += 1
        }
        words.append(contentsOf: UnsafeBufferPointer(entry))
      }
      choiceShortest = min(choiceShortest, count)
    }

    mutating func endChoice() {
      words[choiceStart] = UInt16(words.count - choiceStart)
      if words.count - choiceStart > 1 && choiceShortest > chosenShortest {
        chosen = choiceStart..<words.count
        chosenShortest = choiceShortest
      }
    }

    mutating func endBranch() {
      words[branchStart] = UInt16(words.count - branchStart)
      guard let chosen else {
        screenBits = nil
        return
      }
      // The rarest pair of each literal of the chosen choice, all of two bytes or more.
      var at = chosen.lowerBound + 1
      while at < chosen.upperBound {
        let pair = Int(words[at + 2])
        screenBits?[pair >> 6] |= 1 << UInt64(pair & 63)
        at += Int(words[at])
      }
    }

    /// The program written.
    var program: LiteralProgram {
      var screen: [(word: Int, bits: UInt64)] = []
      for (word, wordBits) in (screenBits ?? []).enumerated() where wordBits != 0 {
        screen.append((word, wordBits))
      }
      return LiteralProgram(words: words, screen: screen)
    }
  }

  /// The pair index of a literal's adjacent bytes whose letters are rarest in English (a
  /// fixed order of letter frequency; a space counts as most common, anything else as rare),
  /// the first of equals: a text lacks a rare pair more often, and is turned away by it.
  fileprivate static func rarestPair(of literal: UnsafeBufferPointer<UInt8>) -> Int {
    rarityByByte.withUnsafeBufferPointer { rarity in
      var rarest = 0
      var rarestRarity = -1
      for index in 1..<literal.count {
        let first = literal[index - 1]
        let second = literal[index]
        let pairRarity = Int(rarity[Int(first)]) + Int(rarity[Int(second)])
        if pairRarity > rarestRarity {
          rarest = SearchableText.pairIndex(first, second)
          rarestRarity = pairRarity
        }
      }
      return rarest
    }
  }

  /// The literals of each choice of branch `index`, as the program holds them (lower-cased).
  func literals(ofBranch index: Int) -> [[String]] {
    var at = 1
    for _ in 0..<index { at += Int(words[at]) }
    let branchEnd = at + Int(words[at])
    var choices: [[String]] = []
    var choice = at + 1
    while choice < branchEnd {
      let choiceEnd = choice + Int(words[choice])
      var literals: [String] = []
      var literal = choice + 1
      while literal < choiceEnd {
        let end = literal + Int(words[literal])
        let bytes = words[(end - Int(words[literal + 1]))..<end].map { UInt8($0) }
        literals.append(String(decoding: bytes, as: UTF8.self))
        literal = end
      }
      choices.append(literals)
      choice = choiceEnd
    }
    return choices
  }

  /// Whether `other` has the same words and screen.
  func isIdentical(to other: LiteralProgram) -> Bool {
    words == other.words && screen.count == other.screen.count
      && zip(screen, other.screen).allSatisfy { $0.word == $1.word && $0.bits == $1.bits }
  }
}

/// One run of a `LiteralProgram` over one text, by pointer. Its offsets are indices into
/// the program's words and the text's bytes, neither longer than `Int` can count, so they
/// are added without overflow checks.
private struct LiteralReader {
  let words: UnsafeBufferPointer<UInt16>
  let text: UnsafeBufferPointer<UInt8>
  /// The text's pair set; empty for a short text, which is searched byte by byte.
  let pairBits: UnsafeBufferPointer<UInt64>
  let singles: (low: UInt64, high: UInt64)

  func candidateBranches() -> (first: Int?, isOnly: Bool) {
    var first: Int?
    var at = 1
    for branch in 0..<Int(words[0]) {
      let end = at &+ Int(words[at])
      if holdsEveryChoice(from: at &+ 1, to: end) {
        if first != nil { return (first, false) }
        first = branch
      }
      at = end
    }
    return (first, true)
  }

  private func holdsEveryChoice(from start: Int, to end: Int) -> Bool {
    var at = start
    while at < end {
      let choiceEnd = at &+ Int(words[at])
      guard holdsAnyLiteral(from: at &+ 1, to: choiceEnd) else { return false }
      at = choiceEnd
    }
    return true
  }

  private func holdsAnyLiteral(from start: Int, to end: Int) -> Bool {
    var at = start
    while at < end {
      let next = at &+ Int(words[at])
      let count = Int(words[at &+ 1])
      let bytes = next &- count
      if count == 1 {
        if hasSingle(UInt8(truncatingIfNeeded: words[bytes])) { return true }
      } else if count > 1, holdsPairs(from: at &+ 2, to: bytes), find(bytes, count) {
        return true
      }
      at = next
    }
    return false
  }

  private func holdsPairs(from start: Int, to end: Int) -> Bool {
    guard !pairBits.isEmpty else { return true }
    var at = start
    while at < end {
      let pair = Int(words[at])
      if pairBits[pair &>> 6] & (1 << UInt64(pair & 63)) == 0 { return false }
      at &+= 1
    }
    return true
  }

  private func hasSingle(_ byte: UInt8) -> Bool {
    let bit = UInt64(byte & 63)
    return (byte & 0x40 == 0 ? singles.low : singles.high) & (1 << bit) != 0
  }

  /// Whether the text holds the `count` bytes stored from word `start`. The literal's first
  /// byte is looked for with `memchr`, which skips through a long text (a whole note) many
  /// bytes at a time.
  private func find(_ start: Int, _ count: Int) -> Bool {
    guard count > 0, text.count >= count, let base = text.baseAddress else { return false }
    let first = Int32(words[start])
    let last = text.count &- count
    var offset = 0
    while offset <= last {
      guard let found = memchr(base + offset, first, last &- offset &+ 1) else { return false }
      let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      var matched = 1
      while matched < count
        && text[at &+ matched] == UInt8(truncatingIfNeeded: words[start &+ matched])
      {
        matched &+= 1
      }
      if matched == count { return true }
      offset = at &+ 1
    }
    return false
  }
}

/// Where a string's bytes are stored: two strings with the same storage and length are the
/// same text. Strings of up to 15 bytes are stored inline, not in storage of their own, and
/// have no identity (they are cheap to prepare anew).
struct TextIdentity: Hashable {
  /// The two words a `String` is made of: its length and flags, and its storage (a native
  /// string's buffer, or where a literal's bytes are).
  let countAndFlags: UInt
  let storage: UInt

  /// The longest string, in bytes, stored inline.
  static let longestInline = 15

  /// Borrows `text`: taken as its own, as an initializer takes its arguments, the string
  /// was retained and released on every lookup.
  init?(_ text: borrowing String) {
    guard text.utf8.count > Self.longestInline else { return nil }

    // The words read as they are, where asking the string for its bytes' address retained
    // and released it, which cost more than the rest of a lookup. A `String` is these two
    // words on every 64-bit platform Swift's ABI is stable on (a test checks the size);
    // equal words are one storage and one length, and `RecentTexts` keeps each string it
    // files, so its storage is neither freed nor reused while the entry stands.
    (countAndFlags, storage) = unsafeBitCast(text, to: (UInt, UInt).self)
  }
}

/// The texts prepared on one thread, until their memory passes a budget; then they are all
/// let go and the thread starts again. Each entry keeps its string, so its storage is
/// neither freed nor reused while the entry stands: an equal identity is the same text.
///
/// A structure each thread keeps behind a pointer of its own (`onThisThread`): asked some
/// 200,000 times a batch, as a class its every use of a stored property paid the runtime's
/// check of exclusive access, which cost more than the lookup; no other thread reaches it.
private struct RecentTexts {
  private var entries: [TextIdentity: SearchableText] = [:]
  /// The texts asked for last, looked through before hashing: a detector asks about one
  /// sentence many times in a row, with its neighbours and its note's heading in between.
  private var latest: [(identity: TextIdentity, searchable: SearchableText)] = []
  /// Where in `latest` the next text asked for goes, once it is full.
  private var nextLatest = 0
  /// The short texts (stored inline, without an identity) asked for last: a detector asks
  /// several patterns about one phrase it cut out, and preparing it anew each time cost
  /// more than comparing it with these.
  private var latestShort: [(count: Int, searchable: SearchableText)] = []
  private var nextShort = 0
  private var footprint = 0
  /// Several cases' sentences: a detector that reads every sentence of a case again finds
  /// them prepared.
  private static let budget = 4 << 20
  private static let latestCount = 8

  mutating func searchable(_ text: String, identity: TextIdentity) -> SearchableText {
    for entry in latest where entry.identity == identity { return entry.searchable }
    if let found = entries[identity] {
      remember(found, as: identity)
      return found
    }

    let made = SearchableText(text)
    remember(made, as: identity)
    if footprint + made.footprint > Self.budget {
      entries.removeAll(keepingCapacity: true)
      footprint = 0
    }
    entries[identity] = made
    footprint += made.footprint
    return made
  }

  /// The prepared form of a short text: one of the last few asked for when it is equal to
  /// `text`, else a new one.
  mutating func searchable(short text: String) -> SearchableText {
    // Lengths first: comparing two short strings that differ costs several times more.
    let count = text.utf8.count
    for entry in latestShort where entry.count == count && entry.searchable.text == text {
      return entry.searchable
    }

    let made = SearchableText(text)
    if latestShort.count < Self.latestCount {
      latestShort.append((count, made))
    } else {
      latestShort[nextShort] = (count, made)
      nextShort = (nextShort + 1) % Self.latestCount
    }
    return made
  }

  private mutating func remember(_ searchable: SearchableText, as identity: TextIdentity) {
    if latest.count < Self.latestCount {
      latest.append((identity, searchable))
    } else {
      latest[nextLatest] = (identity, searchable)
      nextLatest = (nextLatest + 1) % Self.latestCount
    }
  }

  /// This thread's texts, made on the thread's first search and released when it ends.
  static var onThisThread: UnsafeMutablePointer<RecentTexts> {
    if let stored = pthread_getspecific(key) {
      return stored.assumingMemoryBound(to: RecentTexts.self)
    }
    let made = UnsafeMutablePointer<RecentTexts>.allocate(capacity: 1)
    made.initialize(to: RecentTexts())
    pthread_setspecific(key, made)
    return made
  }

  private static let key: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key) { stored in
      guard let stored else { return }
      let texts = stored.assumingMemoryBound(to: RecentTexts.self)
      texts.deinitialize(count: 1)
      texts.deallocate()
    }
    return key
  }()
}
