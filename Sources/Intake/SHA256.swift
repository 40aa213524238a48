import CDigest

/// SHA-256 (FIPS 180-4), for recognising the same PDF dropped twice by its content.
///
/// Foundation on Linux has no digest API and no outside package can be used, so this small
/// implementation lives here; it is checked against the standard test vectors. Where the
/// processor has SHA extensions, blocks are compressed by them (`CDigest`): the portable
/// rounds below took 59 instructions a byte, a third of the watcher's.
struct SHA256 {
  private var state: [UInt32] = [
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab,
    0x5be0_cd19,
  ]
  private var pending: [UInt8] = []
  /// The message schedule's room, reused by every block.
  private var schedule = [UInt32](repeating: 0, count: 64)
  private var length: UInt64 = 0
  private let isAccelerated: Bool

  /// Whether this processor compresses blocks with its SHA extensions.
  static let canAccelerate = pc_sha256_is_accelerated() != 0

  /// A hasher with nothing added; `accelerated: false` keeps to the portable rounds.
  init(accelerated: Bool = SHA256.canAccelerate) {
    isAccelerated = accelerated && Self.canAccelerate
  }

  /// The round constants, from `CDigest`, which the SHA extensions use too.
  private static let constants = Array(
    UnsafeBufferPointer(start: pc_sha256_round_constants(), count: 64))

  /// Adds bytes to the message: whole 64-byte blocks are compressed where they stand, and
  /// only a partial block is kept for later.
  mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
    let wasContiguous = bytes.withContiguousStorageIfAvailable { update(buffer: $0) } != nil
    if !wasContiguous { Array(bytes).withUnsafeBufferPointer { update(buffer: $0) } }
  }

  private mutating func update(buffer bytes: UnsafeBufferPointer<UInt8>) {
    length += UInt64(bytes.count)
    var rest = bytes[...]

    if !pending.isEmpty {
      let taken = rest.prefix(64 - pending.count)
      pending += taken
      rest = rest.dropFirst(taken.count)
      guard pending.count == 64 else { return }
      let block = pending
      block.withUnsafeBufferPointer { compress(blocksIn: $0) }
      pending.removeAll(keepingCapacity: true)
    }

    let whole = rest.count / 64 * 64
    compress(blocksIn: UnsafeBufferPointer(rebasing: rest.prefix(whole)))
    pending += rest.dropFirst(whole)
  }

  /// The digest as 64 lower-case hexadecimal digits.
  mutating func finalizeHex() -> String {
    let bitLength = length * 8
    // A one bit, zeros up to 56 bytes into a block, then the message's length in bits.
    let zeros = (55 - pending.count + 64) % 64
    let padding =
      [0x80] + [UInt8](repeating: 0, count: zeros)
      + (0..<8).reversed().map { UInt8(truncatingIfNeeded: bitLength >> ($0 * 8)) }
    update(padding)
    var hex: [UInt8] = []
    hex.reserveCapacity(state.count * 8)
    for word in state {
      for shift in stride(from: 28, through: 0, by: -4) {
        hex.append(Self.hexDigits[Int(word >> UInt32(shift) & 0xF)])
      }
    }
    return String(decoding: hex, as: UTF8.self)
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// Compresses every 64-byte block of `blocks` (a whole number of them) into the state.
  private mutating func compress(blocksIn blocks: UnsafeBufferPointer<UInt8>) {
    guard let base = blocks.baseAddress, !blocks.isEmpty else { return }
    if isAccelerated {
      state.withUnsafeMutableBufferPointer {
        pc_sha256_compress($0.baseAddress, base, blocks.count / 64)
      }
      return
    }
    schedule.withUnsafeMutableBufferPointer { words in
      state.withUnsafeMutableBufferPointer { state in
        Self.constants.withUnsafeBufferPointer { constants in
          for start in stride(from: 0, to: blocks.count, by: 64) {
            let block = UnsafeBufferPointer(rebasing: blocks[start..<start + 64])
            Self.compress(block, into: state, using: words, constants: constants)
          }
        }
      }
    }
  }

  /// One round of the compression function on a 64-byte block; `words` is room for the
  /// message schedule, kept between blocks so that no block allocates.
  private static func compress(
    _ block: UnsafeBufferPointer<UInt8>, into state: UnsafeMutableBufferPointer<UInt32>,
    using words: UnsafeMutableBufferPointer<UInt32>, constants: UnsafeBufferPointer<UInt32>
  ) {
    for index in 0..<16 {
      let start = index * 4
      words[index] =
        UInt32(block[start]) << 24 | UInt32(block[start + 1]) << 16
        | UInt32(block[start + 2]) << 8 | UInt32(block[start + 3])
    }
    for index in 16..<64 {
      let s0 =
        rotate(words[index - 15], 7) ^ rotate(words[index - 15], 18) ^ (words[index - 15] &>> 3)
      let s1 =
        rotate(words[index - 2], 17) ^ rotate(words[index - 2], 19) ^ (words[index - 2] &>> 10)
      words[index] = words[index - 16] &+ s0 &+ words[index - 7] &+ s1
    }

    var (a, b, c, d, e, f, g, h) = (
      state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7]
    )
    // Eight rounds at a time, each naming the working variables one place further on, so
    // that no round moves all eight of them along.
    for index in stride(from: 0, to: 64, by: 8) {
      round(a, b, c, &d, e, f, g, &h, constants[index] &+ words[index])
      round(h, a, b, &c, d, e, f, &g, constants[index + 1] &+ words[index + 1])
      round(g, h, a, &b, c, d, e, &f, constants[index + 2] &+ words[index + 2])
      round(f, g, h, &a, b, c, d, &e, constants[index + 3] &+ words[index + 3])
      round(e, f, g, &h, a, b, c, &d, constants[index + 4] &+ words[index + 4])
      round(d, e, f, &g, h, a, b, &c, constants[index + 5] &+ words[index + 5])
      round(c, d, e, &f, g, h, a, &b, constants[index + 6] &+ words[index + 6])
      round(b, c, d, &e, f, g, h, &a, constants[index + 7] &+ words[index + 7])
    }

    state[0] &+= a
    state[1] &+= b
    state[2] &+= c
    state[3] &+= d
    state[4] &+= e
    state[5] &+= f
    state[6] &+= g
    state[7] &+= h
  }

  /// One round: `h` becomes the round's new `a` and `d` its new `e`; `input` is the round's
  /// constant plus its schedule word.
  @inline(__always)
  private static func round(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32,
    _ g: UInt32, _ h: inout UInt32, _ input: UInt32
  ) {
    let s1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
    let choice = (e & f) ^ (~e & g)
    let temp1 = h &+ s1 &+ choice &+ input
    let s0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
    let majority = (a & b) ^ (a & c) ^ (b & c)
    d = d &+ temp1
    h = temp1 &+ s0 &+ majority
  }

  /// Rotates right by `count` (1 to 31). Masking shifts (`&>>`), unlike `>>`, need no check
  /// of the count, which made the rounds several times slower.
  @inline(__always)
  private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
    (value &>> count) | (value &<< (32 &- count))
  }
}
