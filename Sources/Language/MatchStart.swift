/// Where every match of a date or duration pattern begins: at the start of a word, with one
/// of a few words or characters ("jan" … "dec" for the month formats, the number words and
/// digits for "3 weeks ago"), or at the start of a number followed by a separator (the
/// "03" of "03/14/2026").
///
/// ICU tries a pattern at every offset whose character may begin a match: for a pattern that
/// begins with a month or a number word, that is most letters of a note, and each try runs
/// look-behind and case folding; for a numeric date, every digit. `DateScanner` finds the few
/// offsets where such a word or number begins and has the pattern tried there only
/// (`ICURegularExpression.matches(in: startingAtAnyOf:)`), which finds the same matches when
/// this description is right; debug builds check that it is.
struct MatchStart: Sendable {
  private enum Shape: Sendable {
    /// The prefixes as lower-cased UTF-16 by their first unit: ASCII ones by its value,
    /// others in `other`.
    case words(ascii: [[[UInt16]]], other: [UInt16: [[UInt16]]])
    /// The units one of which follows the number.
    case number(followedBy: [UInt16])
  }

  private let shape: Shape

  /// Matches begin where a word (the character before is none of ASCII's letters, digits
  /// and `_`, which `\b` and `(?<!\w)` rule out) begins with one of `prefixes`, compared
  /// without ASCII letter case.
  init(wordsBeginningWith prefixes: [String]) {
    var ascii = [[[UInt16]]](repeating: [], count: 128)
    var other: [UInt16: [[UInt16]]] = [:]
    for prefix in Set(prefixes.map { $0.lowercased() }).sorted() {
      let units = Array(prefix.utf16)
      guard let first = units.first else { continue }
      if first < 128 {
        ascii[Int(first)].append(units)
      } else {
        other[first, default: []].append(units)
      }
    }
    shape = .words(ascii: ascii, other: other)
  }

  /// Matches begin where a run of ASCII digits begins (the character before is no digit,
  /// which `(?<![\d…])` rules out) and the character after the run is one of `separators`,
  /// as in `(?<![\d/.])(\d{1,2})/…`.
  init(numbersFollowedBy separators: String) {
    shape = .number(followedBy: Array(separators.utf16))
  }

  /// The offsets of `text`, whose starts are `starts`, where a match may begin, ascending.
  ///
  /// Exact only for text in which letter case and digits are ASCII's: the caller searches
  /// the whole of a text holding a character that case folding turns into ASCII ("K" the
  /// Kelvin sign), or a decimal digit outside ASCII, which `\d` matches.
  func candidates(in text: UnsafeBufferPointer<UInt16>, starts: TextStarts) -> [Int32] {
    switch shape {
    case .words(let ascii, let other):
      return Self.wordCandidates(in: text, starts: starts, ascii: ascii, other: other)
    case .number(let separators):
      return starts.numbers.filter { number in
        number.next.map { separators.contains($0) } ?? false
      }.map(\.start)
    }
  }

  /// The word starts holding one of the prefixes: each first unit's starts are looked at
  /// only by the prefixes beginning with it.
  private static func wordCandidates(
    in text: UnsafeBufferPointer<UInt16>, starts: TextStarts, ascii: [[[UInt16]]],
    other: [UInt16: [[UInt16]]]
  ) -> [Int32] {
    var found: [Int32] = []
    var firstUnits = 0
    for (first, prefixes) in ascii.enumerated() where !prefixes.isEmpty {
      let words = starts.asciiWords[first]
      guard !words.isEmpty else { continue }
      firstUnits += 1
      found += words.filter { start in
        prefixes.contains { Self.text(text, holds: $0, at: Int(start)) }
      }
    }
    if !other.isEmpty {
      firstUnits += 1
      found += starts.otherWords.filter { start in
        let prefixes = other[text[Int(start)]] ?? []
        return prefixes.contains { Self.text(text, holds: $0, at: Int(start)) }
      }
    }
    return firstUnits > 1 ? found.sorted() : found
  }

  /// Where the words and the numbers of one text begin, found once for every pattern asked
  /// about it.
  struct TextStarts {
    /// The offsets where a word begins (those whose character is not ASCII punctuation or
    /// space and the character before is no ASCII letter, digit or `_`), ascending, by
    /// their lower-cased unit when it is ASCII.
    let asciiWords: [[Int32]]
    /// The word starts whose unit is not ASCII, ascending.
    let otherWords: [Int32]
    /// Every run of ASCII digits not preceded by one: its offset and the unit after it.
    let numbers: [(start: Int32, next: UInt16?)]

    init(_ text: UnsafeBufferPointer<UInt16>) {
      var asciiWords = [[Int32]](repeating: [], count: 128)
      var otherWords: [Int32] = []
      for start in MatchStart.wordStarts(in: text) {
        let unit = MatchStart.lowercased(text[Int(start)])
        if unit < 128 {
          asciiWords[Int(unit)].append(start)
        } else {
          otherWords.append(start)
        }
      }
      self.asciiWords = asciiWords
      self.otherWords = otherWords
      numbers = Self.numbers(in: text)
    }

    private static func numbers(
      in text: UnsafeBufferPointer<UInt16>
    ) -> [(start: Int32, next: UInt16?)] {
      var found: [(start: Int32, next: UInt16?)] = []
      var offset = 0
      while offset < text.count {
        guard MatchStart.isASCIIDigit(text[offset]) else {
          offset += 1
          continue
        }
        let start = offset
        while offset < text.count && MatchStart.isASCIIDigit(text[offset]) { offset += 1 }
        found.append((Int32(start), offset < text.count ? text[offset] : nil))
      }
      return found
    }
  }

  /// The offsets of `text` where a word may begin: those whose character is not ASCII
  /// punctuation or space and the character before is no ASCII letter, digit or `_`.
  static func wordStarts(in text: UnsafeBufferPointer<UInt16>) -> [Int32] {
    var found: [Int32] = []
    var previousIsWordCharacter = false
    for (offset, unit) in text.enumerated() {
      let isWordCharacter = isASCIIWordCharacter(unit)
      if !previousIsWordCharacter && (isWordCharacter || unit >= 0x80) {
        found.append(Int32(offset))
      }
      previousIsWordCharacter = isWordCharacter
    }
    return found
  }

  private static func text(
    _ text: UnsafeBufferPointer<UInt16>, holds prefix: [UInt16], at offset: Int
  ) -> Bool {
    guard offset + prefix.count <= text.count else { return false }
    for (index, unit) in prefix.enumerated() where lowercased(text[offset + index]) != unit {
      return false
    }
    return true
  }

  private static func lowercased(_ unit: UInt16) -> UInt16 {
    unit >= 0x41 && unit <= 0x5A ? unit + 0x20 : unit
  }

  private static func isASCIIDigit(_ unit: UInt16) -> Bool { unit >= 0x30 && unit <= 0x39 }

  private static func isASCIIWordCharacter(_ unit: UInt16) -> Bool {
    switch unit {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: return true
    default: return false
    }
  }
}
