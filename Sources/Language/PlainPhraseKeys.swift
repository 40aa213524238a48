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
    /// The bytes of every key, one after another.
    private var bytes: [UInt8] = []
    /// Where each key ends in `bytes`; the next begins there.
    private var ends: [Int] = []

    /// The number of keys written.
    var count: Int { ends.count }

    /// Calls `body` with the bytes of each key of `range`, in order.
    func forEachKey(in range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
      bytes.withUnsafeBufferPointer { bytes in
        for index in range {
          let start = index == 0 ? 0 : ends[index - 1]
          body(UnsafeBufferPointer(rebasing: bytes[start..<ends[index]]))
        }
      }
    }

    /// Writes the keys of `phrase` after those written, and says whether it is plain; for
    /// a phrase that is not, nothing is written.
    mutating func append(keysOf phrase: String) -> Bool {
      var phrase = phrase
      return phrase.withUTF8 { append(keysOfBytes: $0) }
    }

    /// `append(keysOf:)` of a phrase's UTF-8 bytes: each run of letters and digits
    /// lower-cased (`Normalization`'s form of ASCII without an apostrophe), each mark
    /// itself; spaces are no tokens and dashes no keys, unless the phrase is nothing but
    /// dashes.
    private mutating func append(keysOfBytes phrase: UnsafeBufferPointer<UInt8>) -> Bool {
      guard phrase.allSatisfy({ PlainPhraseKeys.role(of: $0) != .notPlain }) else { return false }

      let first = count
      var dashes = 0
      for (index, byte) in phrase.enumerated() {
        switch PlainPhraseKeys.role(of: byte) {
        case .wordPart:
          bytes.append(byte &- 0x41 < 26 ? byte | 0x20 : byte)
          let endsWord =
            index + 1 == phrase.count
            || PlainPhraseKeys.role(of: phrase[index + 1]) != .wordPart
          if endsWord { ends.append(bytes.count) }
        case .mark:
          bytes.append(byte)
          ends.append(bytes.count)
        case .dash: dashes += 1
        case .space, .notPlain: break
        }
      }
      if count == first {
        for _ in 0..<dashes {
          bytes.append(UInt8(ascii: "-"))
          ends.append(bytes.count)
        }
      }
      return true
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
    switch byte {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return .wordPart
    case 0x20: return .space
    case 0x2D: return .dash
    case 0x21, 0x23...0x26, 0x28...0x2B, 0x2F, 0x3C...0x3F, 0x5B...0x5E, 0x60, 0x7B...0x7E:
      return .mark
    default: return .notPlain
    }
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
