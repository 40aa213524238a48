/// Where every match of a date or duration pattern begins: at the start of a word, with one
/// of a few words or characters ("jan" … "dec" for the month formats, the number words and
/// digits for "3 weeks ago").
///
/// ICU tries a pattern at every offset whose character may begin a match: for a pattern that
/// begins with a month or a number word, that is most letters of a note, and each try runs
/// look-behind and case folding. `DateScanner` finds the few offsets where such a word
/// begins and has the pattern tried there only (`ICURegularExpression.matches(in:
/// startingAtAnyOf:)`), which finds the same matches when this description is right; debug
/// builds check that it is.
struct MatchStart: Sendable {
  /// The prefixes as lower-cased UTF-16 by their first unit: ASCII ones by its value,
  /// others in `otherPrefixes`.
  private let asciiPrefixes: [[[UInt16]]]
  private let otherPrefixes: [UInt16: [[UInt16]]]

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
    asciiPrefixes = ascii
    otherPrefixes = other
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

  /// The offsets among `wordStarts` (of `text`) where a match may begin, ascending.
  ///
  /// Exact only for text in which letter case is ASCII's: the caller searches the whole of
  /// a text holding a character that case folding turns into ASCII ("K" the Kelvin sign),
  /// or a decimal digit outside ASCII, which `\d` matches.
  func candidates(in text: UnsafeBufferPointer<UInt16>, wordStarts: [Int32]) -> [Int32] {
    wordStarts.filter { start in
      let unit = Self.lowercased(text[Int(start)])
      let choices = unit < 128 ? asciiPrefixes[Int(unit)] : otherPrefixes[unit] ?? []
      return choices.contains { Self.text(text, holds: $0, at: Int(start)) }
    }
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

  private static func isASCIIWordCharacter(_ unit: UInt16) -> Bool {
    switch unit {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: return true
    default: return false
    }
  }
}
