/// Reads the English number words clinical notes spell out ("seven", "twenty-one",
/// "one hundred") and digits, the grammar every note shares.
///
/// Quantity idioms ("a couple", "twice", "half") are data, in `Lexicons/number-words.txt`.
public enum Numbers {
  /// The value of a number word or a numeral: "seven" → 7, "Twenty-One" → 21, "7.5" → 7.5.
  public static func value(of word: String) -> Double? {
    value(ofNormalized: Normalization.normalize(word))
  }

  /// `value(of:)` for a word already in `Normalization`'s form.
  static func value(ofNormalized normalized: String) -> Double? {
    if let value = valueIfLetters(normalized) { return value }
    if normalized.first?.isNumber == true, let number = Double(normalized.filter { $0 != "," }) {
      return number
    }
    return compound(normalized.split { $0 == "-" || $0 == " " }.map(String.init))
  }

  /// `value(ofWord:)` of `normalized` when it is one word of lower-case ASCII letters, the
  /// form of nearly every token, which needs neither a numeral's parse nor splitting; `nil`
  /// (no answer) for any other text. Both are read off one pass over its bytes.
  private static func valueIfLetters(_ normalized: String) -> Double?? {
    var word = normalized
    return word.withUTF8 { bytes in
      guard !bytes.isEmpty, bytes.allSatisfy({ $0 &- 0x61 < 26 }) else { return nil }
      return .some(value(ofWordBytes: bytes))
    }
  }

  /// `compound([word])` for one word of lower-case ASCII letters, without building the
  /// list: the word is looked for among the few of its length.
  static func value(ofWord word: String) -> Double? {
    var word = word
    return word.withUTF8 { value(ofWordBytes: $0) }
  }

  /// `value(ofWord:)` of the word's UTF-8 bytes.
  private static func value(ofWordBytes bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    guard bytes.count < singleWordsByLength.count else { return nil }
    return singleWordsByLength[bytes.count].first { $0.spelling.elementsEqual(bytes) }?.value
  }

  /// `value(ofWord:)` of the lower case of a word of ASCII letters given as UTF-16 units, the
  /// form of nearly every token: its bytes are packed and compared with the few words of its
  /// length, and no string is made.
  static func value(ofASCIILetters units: ArraySlice<UInt16>) -> Double? {
    guard units.count < packedWordsByLength.count else { return nil }
    let key = packed(units.lazy.map { UInt8(truncatingIfNeeded: $0 | 0x20) })
    return packedWordsByLength[units.count].first { $0.key == key }?.value
  }

  /// The value of a numeral of at most 15 ASCII digits, read digit by digit: such an integer
  /// is exactly a `Double`, which is what `Double(_:)` parses it to. `nil` for any other text.
  static func value(ofDigits numeral: String) -> Double? {
    var numeral = numeral
    return numeral.withUTF8 { bytes in
      guard !bytes.isEmpty, bytes.count <= 15 else { return nil }
      var value = 0
      for byte in bytes {
        guard byte &- 0x30 < 10 else { return nil }
        value = value * 10 + Int(byte &- 0x30)
      }
      return Double(value)
    }
  }

  /// The number words `value(of:)` reads, for building expressions that contain them.
  static var words: [String] { Array(units.keys) + ["hundred", "thousand"] }

  /// Each word `compound` reads on its own, with its value, by its length in bytes.
  private static let singleWordsByLength: [[(spelling: [UInt8], value: Double)]] = {
    let read =
      units.map { ($0.key, $0.value) } + [("and", 0), ("hundred", 100), ("thousand", 1000)]
    let longest = read.map(\.0.utf8.count).max() ?? 0
    var byLength = [[(spelling: [UInt8], value: Double)]](repeating: [], count: longest + 1)
    for (word, value) in read { byLength[word.utf8.count].append((Array(word.utf8), value)) }
    return byLength
  }()

  /// `singleWordsByLength` with each spelling packed as `packed(_:)` packs it; no word is
  /// longer than the sixteen bytes a key holds.
  private static let packedWordsByLength = singleWordsByLength.map { words in
    words.map { word in
      assert(word.spelling.count <= 16, "a number word longer than a packed key")
      return (key: packed(word.spelling), value: word.value)
    }
  }

  /// Up to sixteen bytes, eight to a word, the first in the lowest bits of the first word.
  private static func packed(_ bytes: some Sequence<UInt8>) -> (UInt64, UInt64) {
    var key: (UInt64, UInt64) = (0, 0)
    for (index, byte) in bytes.enumerated() {
      if index < 8 {
        key.0 |= UInt64(byte) << (8 * UInt64(index))
      } else {
        key.1 |= UInt64(byte) << (8 * UInt64(index - 8))
      }
    }
    return key
  }

  static func compound(_ words: [String]) -> Double? {
    guard !words.isEmpty else { return nil }

    var total = 0.0
    var current = 0.0
    for word in words where word != "and" {
      if let unit = units[word] {
        current += unit
      } else if word == "hundred" {
        current = max(current, 1) * 100
      } else if word == "thousand" {
        total += max(current, 1) * 1000
        current = 0
      } else {
        return nil
      }
    }
    return total + current
  }

  private static let units: [String: Double] = [
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
  ]
}
