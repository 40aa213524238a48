/// SHA-256 (FIPS 180-4), for recognising the same PDF dropped twice by its content.
///
/// Foundation on Linux has no digest API and no outside package can be used, so this small
/// implementation lives here; it is checked against the standard test vectors.
struct SHA256 {
  private var state: [UInt32] = [
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab,
    0x5be0_cd19,
  ]
  private var pending: [UInt8] = []
  /// The message schedule's room, reused by every block.
  private var schedule = [UInt32](repeating: 0, count: 64)
  private var length: UInt64 = 0

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
    let bytes = Array(bytes)
    length += UInt64(bytes.count)
    var offset = 0

    if !pending.isEmpty {
      offset = min(64 - pending.count, bytes.count)
      pending += bytes[0..<offset]
      guard pending.count == 64 else { return }
      compress(pending[...])
      pending.removeAll(keepingCapacity: true)
    }

    while bytes.count - offset >= 64 {
      compress(bytes[offset..<offset + 64])
      offset += 64
    }
    pending += bytes[offset...]
  }

  /// The digest as 64 lower-case hexadecimal digits.
  mutating func finalizeHex() -> String {
    let bitLength = length * 8
    update([0x80])
    while pending.count != 56 { update([0]) }
    update((0..<8).reversed().map { UInt8(truncatingIfNeeded: bitLength >> ($0 * 8)) })
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

  private mutating func compress(_ block: ArraySlice<UInt8>) {
    block.withUnsafeBufferPointer { block in
      schedule.withUnsafeMutableBufferPointer { words in
        state.withUnsafeMutableBufferPointer { state in
          Self.compress(block, into: state, using: words)
        }
      }
    }
  }

  /// One round of the compression function on a 64-byte block; `words` is room for the
  /// message schedule, kept between blocks so that no block allocates.
  private static func compress(
    _ block: UnsafeBufferPointer<UInt8>, into state: UnsafeMutableBufferPointer<UInt32>,
    using words: UnsafeMutableBufferPointer<UInt32>
  ) {
    for index in 0..<16 {
      let start = index * 4
      words[index] =
        UInt32(block[start]) << 24 | UInt32(block[start + 1]) << 16
        | UInt32(block[start + 2]) << 8 | UInt32(block[start + 3])
    }
    for index in 16..<64 {
      let s0 =
        rotate(words[index - 15], 7) ^ rotate(words[index - 15], 18) ^ (words[index - 15] >> 3)
      let s1 =
        rotate(words[index - 2], 17) ^ rotate(words[index - 2], 19) ^ (words[index - 2] >> 10)
      words[index] = words[index - 16] &+ s0 &+ words[index - 7] &+ s1
    }

    var (a, b, c, d, e, f, g, h) = (
      state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7]
    )
    for index in 0..<64 {
      let s1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
      let choice = (e & f) ^ (~e & g)
      let temp1 = h &+ s1 &+ choice &+ constants[index] &+ words[index]
      let s0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
      let majority = (a & b) ^ (a & c) ^ (b & c)
      let temp2 = s0 &+ majority
      (h, g, f, e, d, c, b, a) = (g, f, e, d &+ temp1, c, b, a, temp1 &+ temp2)
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

  private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
    (value >> count) | (value << (32 - count))
  }
}
