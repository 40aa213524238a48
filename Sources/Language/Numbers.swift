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
    if let word = singleLetterWord(normalized) { return value(ofWord: word) }
    if normalized.first?.isNumber == true, let number = Double(normalized.filter { $0 != "," }) {
      return number
    }
    return compound(normalized.split { $0 == "-" || $0 == " " }.map(String.init))
  }

  /// `normalized` when it is one word of ASCII letters, the form of nearly every token,
  /// which needs neither a numeral's parse nor splitting.
  private static func singleLetterWord(_ normalized: String) -> String? {
    var word = normalized
    let isLetters = word.withUTF8 { bytes in
      !bytes.isEmpty && bytes.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
    }
    return isLetters ? normalized : nil
  }

  /// `compound([word])` for one word of lower-case ASCII letters, without building the
  /// list; a word whose first letter or length no word `compound` reads has is looked up
  /// nowhere.
  static func value(ofWord word: String) -> Double? {
    guard let first = word.utf8.first, singleWords.lengths.contains(word.utf8.count),
      singleWords.firstLetters & 1 << (first & 0x1F) != 0
    else { return nil }
    switch word {
    case "and": return 0
    case "hundred": return 100
    case "thousand": return 1000
    default: return units[word]
    }
  }

  /// The number words `value(of:)` reads, for building expressions that contain them.
  static var words: [String] { Array(units.keys) + ["hundred", "thousand"] }

  /// The first letters (as bits 1 to 26) and the lengths of the words `compound` reads.
  private static let singleWords: (firstLetters: UInt32, lengths: ClosedRange<Int>) = {
    let read = Self.words + ["and"]
    let letters = read.reduce(UInt32(0)) { $0 | 1 << ($1.utf8.first! & 0x1F) }
    let lengths = read.map(\.utf8.count)
    return (letters, lengths.min()!...lengths.max()!)
  }()

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
