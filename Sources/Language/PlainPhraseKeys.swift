/// The comparison keys of a plain phrase's tokens, read from its bytes without ICU: what
/// `PhraseTrie.keys(of:)` gives for the phrase tokenized by the document tokenizer.
///
/// A phrase is plain when every byte is an ASCII letter or digit, a space, or a mark that
/// ICU's word rules (UAX #29) class as "Other": `-`, `/`, `(`, `+`, `&`, `%` and the like.
/// Among these bytes only four word rules apply, each to a pair of neighbours: letters and
/// digits in any order stay together (WB5, WB8 to WB10), spaces stay together (WB3d), and
/// everything else breaks on both sides (WB999). So a phrase's tokens are its runs of
/// letters and digits, its runs of spaces and each mark alone; the tests check every phrase
/// of up to three of these bytes against ICU. Periods, apostrophes, commas, colons, quotes,
/// `_` and control characters join or split words by their neighbours, and text outside
/// ASCII has rules of its own: a phrase holding any is not plain, and ICU tokenizes it.
///
/// Tokenizing the lexicons' phrases with ICU was most of the cost of building the trie.
enum PlainPhraseKeys {
  /// The keys of phrases, written one after another into one buffer: no array or string
  /// is made for a phrase or a key.
  struct Keys {
    /// The bytes of every key, one after another, then room for more.
    private var bytes: [UInt8]
    /// Where each key ends in `bytes` (the next begins there), then room for more; 32 bits
    /// each, half the room to clear that a whole word takes.
    private var ends: [Int32]
    private var byteCount = 0
    /// The number of keys written.
    private(set) var count = 0

    /// Room for the keys of phrases of `capacity` bytes in all: a phrase has no more key
    /// bytes, nor keys, than bytes.
    init(capacity: Int = 0) {
      bytes = [UInt8](repeating: 0, count: capacity)
      ends = [Int32](repeating: 0, count: capacity)
    }

    /// Calls `body` with the bytes of each key of `range`, in order.
    func forEachKey(in range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
      bytes.withUnsafeBufferPointer { bytes in
        for index in range {
          let start = index == 0 ? 0 : Int(ends[index - 1])
          body(UnsafeBufferPointer(rebasing: bytes[start..<Int(ends[index])]))
        }
      }
    }

    /// Writes the keys of `phrase` after those written, and says whether it is plain; for
    /// a phrase that is not, nothing is written.
    mutating func append(keysOf phrase: String) -> Bool {
      var phrase = phrase
      return phrase.withUTF8 { phrase in
        makeRoom(for: phrase.count)
        let (byteCount, count) = (self.byteCount, self.count)
        let written = bytes.withUnsafeMutableBufferPointer { bytes in
          ends.withUnsafeMutableBufferPointer { ends in
            Self.write(phrase, into: bytes, from: byteCount, ends: ends, from: count)
          }
        }
        guard let written else { return false }
        (self.byteCount, self.count) = written
        return true
      }
    }

    /// Room after what is written for the keys of a phrase of `length` bytes.
    private mutating func makeRoom(for length: Int) {
      if bytes.count < byteCount + length {
        bytes += repeatElement(0, count: max(length, bytes.count))
      }
      if ends.count < count + length { ends += repeatElement(0, count: max(length, ends.count)) }
    }

    /// Writes the keys of `phrase` into `bytes` from `byteCount` on, and where each ends
    /// into `ends` from `count` on, and returns both counts after them, or `nil` when the
    /// phrase is not plain (what was written past the counts is then no key): each run of
    /// letters and digits lower-cased (`Normalization`'s form of ASCII without an
    /// apostrophe), each mark itself; spaces are no tokens and dashes no keys, unless the
    /// phrase is nothing but dashes. Written in place, as one buffer each has room for
    /// them: appended one byte at a time, they cost most of reading the keys.
    private static func write(
      _ phrase: UnsafeBufferPointer<UInt8>, into bytes: UnsafeMutableBufferPointer<UInt8>,
      from byteCount: Int, ends: UnsafeMutableBufferPointer<Int32>, from count: Int
    ) -> (byteCount: Int, count: Int)? {
      var (byteCount, count) = (byteCount, count)
      let first = count
      var dashes = 0
      var isInWord = false
      for byte in phrase {
        let role = PlainPhraseKeys.role(of: byte)
        if role == .wordPart {
          bytes[byteCount] = byte &- 0x41 < 26 ? byte | 0x20 : byte
          byteCount += 1
          isInWord = true
          continue
        }

        if isInWord {
          ends[count] = Int32(byteCount)
          count += 1
        }
        isInWord = false
        if role == .mark {
          bytes[byteCount] = byte
          byteCount += 1
          ends[count] = Int32(byteCount)
          count += 1
        }
        if role == .dash { dashes += 1 }
        if role == .notPlain { return nil }
      }
      if isInWord {
        ends[count] = Int32(byteCount)
        count += 1
      }
      if count == first {
        for _ in 0..<dashes {
          bytes[byteCount] = UInt8(ascii: "-")
          byteCount += 1
          ends[count] = Int32(byteCount)
          count += 1
        }
      }
      return (byteCount, count)
    }
  }

  /// What a byte of a plain phrase is to the word rules; `notPlain` for any other byte.
  private enum Role {
    case notPlain
    case wordPart
    case space
    case dash
    case mark
  }

  /// The ASCII marks of Word_Break "Other" but the hyphen, each a token of its own. Not
  /// `@`: the tokenizer keeps it inside a word ("a@b" is one token), as in an address.
  static let marks = "!#$%&()*+/<=>?[\\]^`{|}~"

  /// The role of `byte`: a letter or digit, the space, the hyphen, one of `marks`.
  @inline(__always)
  private static func role(of byte: UInt8) -> Role {
    if holds(wordParts, byte) { return .wordPart }
    if byte == 0x20 { return .space }
    if byte == 0x2D { return .dash }
    return holds(markBytes, byte) ? .mark : .notPlain
  }

  /// A set of ASCII bytes as two words of bits: bytes 0 to 63, then 64 to 127. Asking one
  /// costs a shift, where a `switch` over ranges asks a dozen comparisons for every byte
  /// of every phrase.
  private typealias ByteSet = (low: UInt64, high: UInt64)

  /// `0`-`9`, `A`-`Z` and `a`-`z`; constants, folded into the code that asks.
  private static var wordParts: ByteSet { (0x03FF_0000_0000_0000, 0x07FF_FFFE_07FF_FFFE) }
  /// The bytes of `marks` (the tests check the two agree).
  private static var markBytes: ByteSet { (0xF000_8F7A_0000_0000, 0x7800_0001_7800_0000) }

  @inline(__always)
  private static func holds(_ set: ByteSet, _ byte: UInt8) -> Bool {
    // The shifts are below 64, where a masking shift is the shift.
    if byte < 64 { return set.low &>> byte & 1 != 0 }
    return byte < 128 && set.high &>> (byte &- 64) & 1 != 0
  }

  /// The keys of `phrase`'s tokens when it is plain; `nil` when ICU must tokenize it.
  static func keys(of phrase: String) -> [String]? {
    var keys = Keys()
    guard keys.append(keysOf: phrase) else { return nil }
    var strings: [String] = []
    keys.forEachKey(in: 0..<keys.count) { strings.append(String(decoding: $0, as: UTF8.self)) }
    return strings
  }
}
