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

  private static let constants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
    0xab1c_5ed5, 0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe,
    0x9bdc_06a7, 0xc19b_f174, 0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f,
    0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da, 0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
    0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967, 0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc,
    0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85, 0xa2bf_e8a1, 0xa81a_664b,
    0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070, 0x19a4_c116,
    0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
    0xc671_78f2,
  ]

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
