/// The edges of a `PhraseTrie`: the node each leads to, by the node it leaves and the number
/// of the token key it follows.
///
/// An open-addressing table of integers, looked up for nearly every token of every note:
/// a `Dictionary` hashes each key with SipHash, which cost more than the rest of a walk.
struct TrieEdges: Sendable {
  private struct Slot: Sendable {
    /// `from << 32 | word`, or `empty`.
    var key: UInt64
    var node: Int
  }

  private static let empty = UInt64.max
  private var slots: [Slot]
  /// How far a key's product is shifted right to give its home slot: 64 less the log of
  /// the slot count, a power of two.
  private var shift: UInt64
  private(set) var count = 0

  /// An empty table with room for `capacity` edges before it grows.
  init(capacity: Int = 0) {
    var slotCount = 8
    while slotCount < 2 * capacity { slotCount *= 2 }
    slots = Array(repeating: Slot(key: Self.empty, node: 0), count: slotCount)
    shift = UInt64(64 - slotCount.trailingZeroBitCount)
  }

  /// The node the edge from `node` following key number `word` leads to, if there is one.
  func node(from node: Int, following word: Int) -> Int? {
    let key = Self.key(node, word)
    let mask = slots.count - 1
    var index = home(of: key)
    while true {
      let slot = slots[index]
      if slot.key == key { return slot.node }
      if slot.key == Self.empty { return nil }
      index = (index + 1) & mask
    }
  }

  /// The node the edge from `node` following `word` leads to; `new` when there was no such
  /// edge, which is then added.
  mutating func node(from node: Int, following word: Int, orAdding new: Int) -> Int {
    if let found = self.node(from: node, following: word) { return found }

    if 2 * (count + 1) > slots.count { grow() }
    insert(Slot(key: Self.key(node, word), node: new))
    count += 1
    return new
  }

  /// Node and key numbers are below 2³², as there are fewer phrase tokens.
  private static func key(_ node: Int, _ word: Int) -> UInt64 {
    UInt64(truncatingIfNeeded: node) << 32 | UInt64(truncatingIfNeeded: word)
  }

  /// The slot a key is looked for from: the top bits of its Fibonacci product.
  private func home(of key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  private mutating func insert(_ slot: Slot) {
    let mask = slots.count - 1
    var index = home(of: slot.key)
    while slots[index].key != Self.empty { index = (index + 1) & mask }
    slots[index] = slot
  }

  private mutating func grow() {
    let old = slots
    slots = Array(repeating: Slot(key: Self.empty, node: 0), count: 2 * old.count)
    shift -= 1
    for slot in old where slot.key != Self.empty { insert(slot) }
  }
}

/// The numbers of a `PhraseTrie`'s token keys of up to 16 ASCII bytes, looked up by those
/// bytes, as nearly every token of a note is: a `Dictionary` of strings hashes each with
/// SipHash, which cost more than the rest of reading a token's words.
///
/// Byte equality is string equality for ASCII strings; Swift compares strings by canonical
/// equivalence, under which a key outside ASCII could still equal an ASCII text ("K", the
/// Kelvin sign, is "K"). `isExact` says when none can (see `init`).
struct ASCIIKeyNumbers: Sendable {
  /// A key's bytes packed into two words, the first byte lowest, with its length.
  private struct Packed: Equatable, Sendable {
    var low: UInt64 = 0
    var high: UInt64 = 0
    var count = 0
  }

  private struct Slot: Sendable {
    var key = Packed()
    /// The key's number, or -1 for an empty slot.
    var number = -1
  }

  /// The longest key the table holds, in bytes: two words.
  static let longestKey = 16
  private var slots: [Slot]
  /// The number of each one-byte key, by its byte: a third of a note's tokens are marks.
  private var oneByteNumbers = [Int?](repeating: nil, count: 128)
  private let shift: UInt64
  /// Whether no key outside ASCII equals an ASCII string: then an ASCII text of up to
  /// `longestKey` bytes has the number this table gives it, or none.
  private(set) var isExact = true

  /// The ASCII keys of `vocabulary` up to `longestKey` bytes. It is exact when every key
  /// outside ASCII has an NFKC form that holds a character outside ASCII: canonical
  /// equivalents share their NFKC form, and an ASCII string is its own. Keys normalized by
  /// `Normalization` are their NFKC forms already.
  init(_ vocabulary: [String: Int]) {
    // Room for every key, those outside ASCII and the long ones too: a few more slots.
    var slotCount = 8
    while slotCount < 2 * vocabulary.count { slotCount *= 2 }
    slots = Array(repeating: Slot(), count: slotCount)
    shift = UInt64(64 - slotCount.trailingZeroBitCount)

    for (key, number) in vocabulary {
      var written = key
      written.withUTF8 { utf8 in
        if !utf8.allSatisfy({ $0 < 0x80 }) {
          isExact = isExact && !Self.mayEqualASCII(key)
        } else if utf8.count <= Self.longestKey {
          add(Self.packed(utf8), number: number)
        }
      }
    }
  }

  /// The number of the key spelled by ASCII `key` of up to `longestKey` bytes, or `nil`
  /// when no key is spelled so.
  func number(of key: UnsafeBufferPointer<UInt8>) -> Int? {
    if key.count == 1 { return oneByteNumbers[Int(key[0])] }

    let packed = Self.packed(key)
    let mask = slots.count - 1
    var index = home(of: packed)
    while true {
      let slot = slots[index]
      if slot.number < 0 { return nil }
      if slot.key == packed { return slot.number }
      index = (index + 1) & mask
    }
  }

  private mutating func add(_ key: Packed, number: Int) {
    if key.count == 1 { oneByteNumbers[Int(key.low)] = number }

    let mask = slots.count - 1
    var index = home(of: key)
    while slots[index].number >= 0 { index = (index + 1) & mask }
    slots[index] = Slot(key: key, number: number)
  }

  private static func packed(_ bytes: UnsafeBufferPointer<UInt8>) -> Packed {
    var packed = Packed(count: bytes.count)
    for (index, byte) in bytes.enumerated() {
      if index < 8 {
        packed.low |= UInt64(byte) << UInt64(8 * index)
      } else {
        packed.high |= UInt64(byte) << UInt64(8 * (index - 8))
      }
    }
    return packed
  }

  /// The slot a key is looked for from: the top bits of a Fibonacci product of its words.
  private func home(of key: Packed) -> Int {
    let mixed = (key.low &* 0xFF51_AFD7_ED55_8CCD) ^ key.high ^ UInt64(key.count)
    return Int(truncatingIfNeeded: (mixed &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  /// Whether a key outside ASCII may equal an ASCII string: its NFKC form is all ASCII, or
  /// ICU could not tell.
  private static func mayEqualASCII(_ key: String) -> Bool {
    guard let normalized = try? ICU.nfkc(Array(key.utf16)) else { return true }
    return normalized.allSatisfy { $0 < 0x80 }
  }
}

/// The numbers given to ASCII token keys while a `PhraseTrie` is built, looked up by the
/// keys' bytes: a plain phrase's keys are read as bytes, and hashing a string for every
/// token of every phrase with SipHash cost more than the rest of inserting it. A key of any
/// length is held; its number is the one the trie's vocabulary gave it.
struct KeyNumbersByBytes {
  private struct Key {
    let start: Int
    let count: Int
    let number: Int
  }

  /// The bytes of every key, one after another.
  private var bytes: [UInt8] = []
  private var keys: [Key] = []
  /// The index in `keys` plus one of the key each slot holds; 0: an empty slot.
  private var slots: [Int]

  /// An empty table with room for `capacity` keys before it grows.
  init(capacity: Int) {
    var slotCount = 8
    while slotCount < 2 * capacity { slotCount *= 2 }
    slots = [Int](repeating: 0, count: slotCount)
  }

  /// The number of the key spelled by `key`, or `nil` when none was added.
  func number(of key: UnsafeBufferPointer<UInt8>) -> Int? {
    let mask = slots.count - 1
    var index = Self.home(of: key, mask: mask)
    return bytes.withUnsafeBufferPointer { bytes in
      while slots[index] != 0 {
        let known = keys[slots[index] - 1]
        if known.count == key.count && Self.areEqual(bytes, from: known.start, key) {
          return known.number
        }
        index = (index + 1) & mask
      }
      return nil
    }
  }

  /// Whether `bytes` from `start` on begin with `key`, compared byte by byte: keys are
  /// a few bytes long, shorter than a call to `memcmp` is worth.
  @inline(__always)
  private static func areEqual(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ key: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    for index in 0..<key.count where bytes[start + index] != key[index] { return false }
    return true
  }

  /// Adds `key`, which is not held yet, with its number.
  mutating func add(_ key: UnsafeBufferPointer<UInt8>, number: Int) {
    if 2 * (keys.count + 1) > slots.count {
      slots = [Int](repeating: 0, count: 2 * slots.count)
      for index in keys.indices { place(index) }
    }
    keys.append(Key(start: bytes.count, count: key.count, number: number))
    bytes.append(contentsOf: key)
    place(keys.count - 1)
  }

  /// Puts the key of index `index` in `keys` into the first free slot from its home.
  private mutating func place(_ index: Int) {
    let key = keys[index]
    let mask = slots.count - 1
    var slot = bytes.withUnsafeBufferPointer { bytes in
      Self.home(
        of: UnsafeBufferPointer(rebasing: bytes[key.start..<(key.start + key.count)]), mask: mask)
    }
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = index + 1
  }

  /// The slot a key is looked for from: its FNV-1a hash, mixed by a Fibonacci product.
  private static func home(of key: UnsafeBufferPointer<UInt8>, mask: Int) -> Int {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for index in 0..<key.count { hash = (hash ^ UInt64(key[index])) &* 0x0000_0100_0000_01B3 }
    return Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }
}
