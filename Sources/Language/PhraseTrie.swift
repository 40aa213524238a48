/// A trie over the normalized tokens of every lexicon phrase, so that finding all phrases in
/// a text costs one walk per token, bounded by the longest phrase, whatever the lexicon size.
///
/// Phrases and text are compared token by token in `Normalization`'s form, with hyphens and
/// dashes skipped on both sides: "straight-leg raise" matches "straight leg raise" and "L4-5"
/// matches "L4 - 5" and "L4–5".
struct PhraseTrie: Sendable {
  /// The entries (indices into `entries`) whose phrase ends at each node, node after node
  /// and in entry order within a node; node 0 is the root.
  private var entriesEnding: [Int] = []
  /// Where each node's entries begin in `entriesEnding`, and after the last node's, where
  /// they end: node `n`'s are `entriesEnding[endingStarts[n]..<endingStarts[n + 1]]`. One
  /// array for all nodes is made without an array for each node that ends a phrase.
  private var endingStarts: [Int] = [0, 0]
  /// Every edge of the trie. One table for all nodes is built without a table per node, and
  /// a walk looks an edge up once either way.
  private var edges = TrieEdges()
  /// A number for every token key of every phrase: a text's token is looked up by its key
  /// once, and the trie is walked by numbers.
  private var vocabulary: [String: Int] = [:]
  /// The numbers of `vocabulary`'s ASCII keys, looked up by their bytes.
  private var asciiNumbers = ASCIIKeyNumbers([:])
  /// The entries the trie was built from; terminal nodes refer to them by index.
  let entries: [LexiconEntry]
  /// The names of the entries' lexicons, in the order of their first entries.
  private var lexiconNames: [String] = []
  /// The index in `lexiconNames` of each entry's lexicon.
  private var lexiconOfEntry: [Int] = []

  /// Builds the trie, tokenizing every phrase as the document tokenizer does: a plain one
  /// by its bytes (`PlainPhraseKeys`), the others with ICU.
  init(entries: [LexiconEntry]) throws(ICUFailure) {
    self.entries = entries
    let (phrases, owners) = Self.phrases(of: entries)
    let keys = try PhraseKeys(of: phrases)

    edges = TrieEdges(capacity: keys.tokenCount)
    vocabulary.reserveCapacity(phrases.count)
    var builder = Builder(keyCapacity: phrases.count)
    insert(keys, owners: owners, builder: &builder)
    (entriesEnding, endingStarts) = builder.entriesEndingByNode()
    asciiNumbers = ASCIIKeyNumbers(vocabulary)
    numberLexicons()
  }

  /// Every entry's phrases (`LexiconEntry.phrases`: the concept, then its variants), and
  /// the entry each is of.
  private static func phrases(of entries: [LexiconEntry]) -> (phrases: [String], owners: [Int]) {
    var phrases: [String] = []
    var owners: [Int] = []
    let phraseCount = entries.reduce(0) { $0 + 1 + $1.variants.count }
    phrases.reserveCapacity(phraseCount)
    owners.reserveCapacity(phraseCount)
    for (index, entry) in entries.enumerated() {
      phrases.append(entry.concept)
      phrases += entry.variants
      owners += repeatElement(index, count: 1 + entry.variants.count)
    }
    return (phrases, owners)
  }

  /// The token keys of every phrase: the plain phrases' in one buffer, with how many each
  /// has (`nil`: not plain), and those ICU's tokens give the others, in phrase order.
  private struct PhraseKeys {
    var plain: PlainPhraseKeys.Keys
    var plainCounts: [Int?] = []
    var others: [[String]] = []

    init(of phrases: [String]) throws(ICUFailure) {
      plain = PlainPhraseKeys.Keys(capacity: phrases.reduce(0) { $0 + $1.utf8.count })
      plainCounts.reserveCapacity(phrases.count)
      var otherPhrases: [String] = []
      for phrase in phrases {
        let before = plain.count
        let isPlain = plain.append(keysOf: phrase)
        plainCounts.append(isPlain ? plain.count - before : nil)
        if !isPlain { otherPhrases.append(phrase) }
      }
      if !otherPhrases.isEmpty { others = try PhraseTrie.tokenizedKeys(ofPhrases: otherPhrases) }
    }

    /// The number of keys of all phrases.
    var tokenCount: Int { others.reduce(plain.count) { $0 + $1.count } }
  }

  /// Inserts every phrase, in order, for the entry `owners` gives it.
  private mutating func insert(_ keys: PhraseKeys, owners: [Int], builder: inout Builder) {
    var (plainKey, other) = (0, 0)
    for (owner, count) in zip(owners, keys.plainCounts) {
      if let count {
        insert(keys.plain, plainKey..<(plainKey + count), entry: owner, builder: &builder)
        plainKey += count
      } else {
        insert(keys.others[other], entry: owner, builder: &builder)
        other += 1
      }
    }
  }

  /// Gives each entry the number of its lexicon, the lexicons numbered as they first come.
  private mutating func numberLexicons() {
    var numbers: [String: Int] = [:]
    lexiconOfEntry = entries.map { entry in
      // Entries come lexicon by lexicon.
      if entry.lexicon == lexiconNames.last { return lexiconNames.count - 1 }
      if let known = numbers[entry.lexicon] { return known }
      numbers[entry.lexicon] = lexiconNames.count
      lexiconNames.append(entry.lexicon)
      return lexiconNames.count - 1
    }
  }

  /// The comparison keys of each phrase's tokens, as `keys(of:)` gives them for the
  /// phrase tokenized alone: a plain phrase's read from its bytes (`PlainPhraseKeys`), the
  /// others' from the tokens ICU gives them (`tokenizedKeys(ofPhrases:)`).
  static func keys(ofPhrases phrases: [String]) throws(ICUFailure) -> [[String]] {
    var keysByPhrase: [[String]] = []
    keysByPhrase.reserveCapacity(phrases.count)
    var tokenized: [Int] = []
    for (index, phrase) in phrases.enumerated() {
      guard let keys = PlainPhraseKeys.keys(of: phrase) else {
        tokenized.append(index)
        keysByPhrase.append([])
        continue
      }
      keysByPhrase.append(keys)
    }

    guard !tokenized.isEmpty else { return keysByPhrase }
    let keys = try tokenizedKeys(ofPhrases: tokenized.map { phrases[$0] })
    for (index, keys) in zip(tokenized, keys) { keysByPhrase[index] = keys }
    return keysByPhrase
  }

  /// The comparison keys of each phrase's tokens from the document tokenizer, as
  /// `keys(of:)` gives them for the phrase tokenized alone.
  ///
  /// The phrases are tokenized as one text, a line each, and each line's tokens are its
  /// phrase's: a word break falls on both sides of every line break, whatever stands around
  /// it, so a phrase's tokens are those it has alone (the tests check every lexicon's). One
  /// text costs one break iterator run rather than one per phrase. A phrase holding a line
  /// break of its own is tokenized alone.
  static func tokenizedKeys(ofPhrases phrases: [String]) throws(ICUFailure) -> [[String]] {
    guard let text = lines(of: phrases) else {
      return try phrases.map { phrase throws(ICUFailure) in
        keys(of: try Tokenizer.tokens(of: phrase))
      }
    }
    let tokens = try Tokenizer.tokens(of: text)

    var keysByPhrase: [[String]] = []
    keysByPhrase.reserveCapacity(phrases.count)
    var start = 0
    for line in phrases.indices {
      var end = start
      while end < tokens.count && tokens[end].line == line { end += 1 }
      keysByPhrase.append(keys(of: tokens[start..<end]))
      start = end
    }
    return keysByPhrase
  }

  /// The UTF-16 units of the phrases, each followed by a line feed; `nil` when a phrase holds
  /// a line break of its own.
  ///
  /// The units are written in place into an array made with room for them all (a phrase has
  /// no more UTF-16 units than UTF-8 bytes): appended one at a time, they cost as much as
  /// the rest of building the trie's text.
  private static func lines(of phrases: [String]) -> [UInt16]? {
    let capacity = phrases.reduce(phrases.count) { $0 + $1.utf8.count }
    var holdsLineBreak = false
    let units = [UInt16](unsafeUninitializedCapacity: capacity) { buffer, count in
      count = 0
      for phrase in phrases {
        guard write(phrase, into: buffer, at: &count) else {
          holdsLineBreak = true
          count = 0
          return
        }
        buffer[count] = 0x0A
        count += 1
      }
    }
    return holdsLineBreak ? nil : units
  }

  /// Writes the UTF-16 units of `phrase` into `buffer` from `count` on, moving `count` past
  /// them, or returns `false` when it holds a line break. An ASCII phrase is copied by its
  /// bytes, each of which is its own unit.
  private static func write(
    _ phrase: String, into buffer: UnsafeMutableBufferPointer<UInt16>, at count: inout Int
  ) -> Bool {
    let start = count
    var text = phrase
    let isASCII = text.withUTF8 { bytes in
      for byte in bytes {
        guard byte < 0x80 else { return false }
        buffer[count] = UInt16(byte)
        count += 1
      }
      return true
    }
    if !isASCII {
      count = start
      for unit in phrase.utf16 {
        buffer[count] = unit
        count += 1
      }
    }
    return !buffer[start..<count].contains(where: isLineBreak)
  }

  /// Whether `unit` breaks a line, for ICU's word breaks (a mandatory break on both sides)
  /// or for a token's line.
  private static func isLineBreak(_ unit: UInt16) -> Bool {
    (0x0A...0x0D).contains(unit) || unit == 0x85 || unit == 0x2028 || unit == 0x2029
  }

  /// The number of trie nodes, for the benchmark.
  var nodeCount: Int { endingStarts.count - 1 }

  /// Every match in `tokens`, overlapping ones included, ordered by start then length
  /// (longest first). A match never spans two tokens with different `segments` values, and
  /// starts only at tokens `startingAt` accepts.
  ///
  /// - Complexity: O(n × k) for n tokens and the longest phrase of k tokens.
  func matches(
    in tokens: [Token], segments: [Int]? = nil, startingAt: (Int) -> Bool = { _ in true }
  ) -> [PhraseMatch] {
    matches(in: tokens, words: words(of: tokens), segments: segments, startingAt: startingAt)
  }

  /// The tokens a phrase may be made of, each with its key's number: look them up once for
  /// several walks over the same tokens.
  struct Words {
    /// The indices of the tokens that are not dashes, in order.
    fileprivate let stream: [Int]
    /// The number of each of those tokens' key; `nil` for a key no phrase holds.
    fileprivate let numbers: [Int?]
  }

  func words(of tokens: [Token]) -> Words {
    var stream: [Int] = []
    var numbers: [Int?] = []
    stream.reserveCapacity(tokens.count)
    numbers.reserveCapacity(tokens.count)
    let isExact = asciiNumbers.isExact
    for index in tokens.indices {
      let key = tokens[index].normalized
      let word = key.utf8.withContiguousStorageIfAvailable { bytes -> ASCIIWord? in
        // A string of one byte is that byte's one character, which is "-" or is not.
        if bytes.count == 1 && bytes[0] == 0x2D { return .dash }
        guard isExact, bytes.count <= ASCIIKeyNumbers.longestKey,
          bytes.allSatisfy({ $0 < 0x80 })
        else { return nil }
        return .known(asciiNumbers.number(of: bytes))
      }
      switch word ?? nil {
      case .dash: continue
      case .known(let number): numbers.append(number)
      case nil:
        if Normalization.isDash(key) { continue }
        numbers.append(vocabulary[key])
      }
      stream.append(index)
    }
    return Words(stream: stream, numbers: numbers)
  }

  /// What a token key of ASCII is: a dash (`Normalization.isDash`), or a word with its
  /// number (`nil` when no phrase holds it).
  private enum ASCIIWord {
    case dash
    case known(Int?)
  }

  /// `matches(in:segments:startingAt:)` with the words of `tokens` already looked up; when
  /// `lexicon` is given, the matches of its entries alone.
  func matches(
    in tokens: [Token], words lookedUp: Words, segments: [Int]? = nil,
    startingAt: (Int) -> Bool = { _ in true }, lexicon: String? = nil
  ) -> [PhraseMatch] {
    let wanted = lexicon.map { lexiconNames.firstIndex(of: $0) ?? -1 }
    var found: [PhraseMatch] = []
    forEachMatch(in: tokens, words: lookedUp, segments: segments, startingAt: startingAt) {
      entry, tokenRange, range in
      if let wanted, lexiconOfEntry[entry] != wanted { return }
      found.append(PhraseMatch(entry: entries[entry], tokenRange: tokenRange, range: range))
    }
    return found
  }

  /// Each lexicon's leftmost-longest matches, by lexicon name, for the lexicons that match:
  /// what grouping `matches(in:words:segments:)` by the entries' lexicon and taking each
  /// group's `leftmostLongest()` gives, without making the matches that lose.
  func leftmostLongestMatchesByLexicon(
    in tokens: [Token], words lookedUp: Words, segments: [Int]? = nil
  ) -> [String: [PhraseMatch]] {
    var kept = [[PhraseMatch]](repeating: [], count: lexiconNames.count)
    var lastKept = [Range<Int>?](repeating: nil, count: lexiconNames.count)
    var keptEnd = [Int](repeating: .min, count: lexiconNames.count)
    forEachMatch(in: tokens, words: lookedUp, segments: segments, startingAt: { _ in true }) {
      entry, tokenRange, range in
      // `leftmostLongest()`, one match at a time, each lexicon on its own.
      let lexicon = lexiconOfEntry[entry]
      if lastKept[lexicon] != tokenRange {
        guard tokenRange.lowerBound >= keptEnd[lexicon] else { return }
        keptEnd[lexicon] = tokenRange.upperBound
        lastKept[lexicon] = tokenRange
      }
      kept[lexicon].append(PhraseMatch(entry: entries[entry], tokenRange: tokenRange, range: range))
    }
    return Dictionary(
      uniqueKeysWithValues: kept.indices.filter { !kept[$0].isEmpty }.map {
        (lexiconNames[$0], kept[$0])
      })
  }

  /// Calls `body` with the entry, token range and text range of every match, in the order
  /// `matches(in:segments:startingAt:)` gives them.
  private func forEachMatch(
    in tokens: [Token], words lookedUp: Words, segments: [Int]?, startingAt: (Int) -> Bool,
    _ body: (_ entry: Int, _ tokenRange: Range<Int>, _ range: Range<Int>) -> Void
  ) {
    let stream = lookedUp.stream
    let words = lookedUp.numbers
    var ends: [(last: Int, node: Int)] = []

    for start in stream.indices where words[start] != nil && startingAt(stream[start]) {
      var node = 0
      var position = start
      if !ends.isEmpty { ends.removeAll(keepingCapacity: true) }
      while position < stream.count, let word = words[position],
        let next = edges.node(from: node, following: word)
      {
        if let segments, segments[stream[position]] != segments[stream[start]] { break }
        node = next
        if endingStarts[node] != endingStarts[node + 1] { ends.append((stream[position], node)) }
        position += 1
      }
      for end in ends.reversed() {
        let first = stream[start]
        let range = tokens[first].range.lowerBound..<tokens[end.last].range.upperBound
        for index in endingStarts[end.node]..<endingStarts[end.node + 1] {
          body(entriesEnding[index], first..<(end.last + 1), range)
        }
      }
    }
  }

  /// How many trie edges matching `tokens` follows in all, for the benchmark: the work per
  /// token is this count over the token count, bounded by the longest phrase.
  func edgesFollowed(in tokens: [Token]) -> Int {
    let keys = tokens.map(\.normalized).filter { !Normalization.isDash($0) }
      .map { vocabulary[$0] }
    var followed = 0
    for start in keys.indices {
      var node = 0
      var position = start
      while position < keys.count, let key = keys[position],
        let next = edges.node(from: node, following: key)
      {
        followed += 1
        node = next
        position += 1
      }
    }
    return followed
  }

  /// The comparison keys of a phrase's tokens: normalized, dashes dropped (unless the phrase
  /// is nothing but dashes).
  static func keys(of tokens: some Collection<Token>) -> [String] {
    var keys: [String] = []
    keys.reserveCapacity(tokens.count)
    for token in tokens where !Normalization.isDash(token.normalized) {
      keys.append(token.normalized)
    }
    return keys.isEmpty ? tokens.map(\.normalized) : keys
  }

  /// What building the trie keeps beside it: the nodes, the entries each ends, and the
  /// numbers of the ASCII keys by their bytes.
  private struct Builder {
    private(set) var nodeCount = 1
    /// Each entry with the node its phrase ends at, in the order the phrases are inserted.
    private var ends: [(node: Int, entry: Int)] = []
    /// The numbers `vocabulary` gave the ASCII keys met so far.
    var asciiNumbers: KeyNumbersByBytes

    init(keyCapacity: Int) {
      ends.reserveCapacity(keyCapacity)
      asciiNumbers = KeyNumbersByBytes(capacity: keyCapacity)
    }

    /// Counts a new node, numbered `nodeCount` before.
    mutating func addNode() { nodeCount += 1 }

    mutating func add(_ entry: Int, endingAt node: Int) { ends.append((node, entry)) }

    /// The entries each node ends, node after node, each once, in the order added (which
    /// is entry order), and where each node's begin: `PhraseTrie.entriesEnding` and
    /// `PhraseTrie.endingStarts`.
    func entriesEndingByNode() -> (entries: [Int], starts: [Int]) {
      var starts = [Int](repeating: 0, count: nodeCount + 1)
      for end in ends { starts[end.node + 1] += 1 }
      for node in 0..<nodeCount { starts[node + 1] += starts[node] }

      var filled = Array(starts.dropLast())
      var entries = [Int](repeating: 0, count: ends.count)
      var hasDuplicates = false
      for end in ends {
        // An entry two of whose phrases have the same keys ends at the node once.
        let first = starts[end.node]
        if filled[end.node] > first && entries[filled[end.node] - 1] == end.entry {
          hasDuplicates = true
          continue
        }
        entries[filled[end.node]] = end.entry
        filled[end.node] += 1
      }
      if hasDuplicates {
        Self.closeGaps(in: &entries, starts: &starts, filled: filled)
      }
      return (entries, starts)
    }

    /// Moves each node's entries down over the slots the duplicates before left empty.
    private static func closeGaps(in entries: inout [Int], starts: inout [Int], filled: [Int]) {
      var kept = 0
      for node in filled.indices {
        let start = starts[node]
        starts[node] = kept
        for index in start..<filled[node] {
          entries[kept] = entries[index]
          kept += 1
        }
      }
      starts[filled.count] = kept
      entries.removeLast(entries.count - kept)
    }
  }

  /// Inserts the phrase of `entry` whose keys are those of `range` in `keys`.
  private mutating func insert(
    _ keys: PlainPhraseKeys.Keys, _ range: Range<Int>, entry: Int, builder: inout Builder
  ) {
    guard !range.isEmpty else { return }

    var node = 0
    keys.forEachKey(in: range) { key in
      let known = builder.asciiNumbers.number(of: key)
      let word = known ?? newASCIIKey(key, builder: &builder)
      node = edges.node(from: node, following: word, orAdding: builder.nodeCount)
      if node == builder.nodeCount { builder.addNode() }
    }
    builder.add(entry, endingAt: node)
  }

  /// The number of an ASCII key not met before in a plain phrase, from `vocabulary`, which
  /// may hold it from a phrase ICU tokenized.
  private mutating func newASCIIKey(
    _ key: UnsafeBufferPointer<UInt8>, builder: inout Builder
  ) -> Int {
    let word = number(of: String(asciiBytes: key))
    builder.asciiNumbers.add(key, number: word)
    return word
  }

  /// Inserts the phrase of `entry` whose keys are `keys`.
  private mutating func insert(_ keys: [String], entry: Int, builder: inout Builder) {
    guard !keys.isEmpty else { return }

    var node = 0
    for key in keys {
      let word = number(of: key)
      node = edges.node(from: node, following: word, orAdding: builder.nodeCount)
      if node == builder.nodeCount { builder.addNode() }
    }
    builder.add(entry, endingAt: node)
  }

  /// The number of `key` in `vocabulary`, the next one if it is new.
  private mutating func number(of key: String) -> Int {
    let newWord = vocabulary.count
    return Self.value(of: key, in: &vocabulary, orAdding: newWord)
  }

  /// The value of `key` in `numbers`, `new` added for it first when it has none: the key is
  /// looked up once either way (a dictionary's subscript with a default, used in place,
  /// adds the default).
  private static func value<Key: Hashable>(
    of key: Key, in numbers: inout [Key: Int], orAdding new: Int
  ) -> Int {
    func read(_ value: inout Int) -> Int { value }
    return read(&numbers[key, default: new])
  }
}

extension [PhraseMatch] {
  /// The leftmost-longest matches that do not overlap; entries matching the very same tokens
  /// are all kept. Expects the order `PhraseTrie.matches` returns.
  func leftmostLongest() -> [PhraseMatch] {
    var kept: [PhraseMatch] = []
    var end = Int.min
    for match in self {
      if let last = kept.last, last.tokenRange == match.tokenRange {
        kept.append(match)
      } else if match.tokenRange.lowerBound >= end {
        kept.append(match)
        end = match.tokenRange.upperBound
      }
    }
    return kept
  }
}
