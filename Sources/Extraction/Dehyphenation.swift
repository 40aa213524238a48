import Model

/// Rejoins words that a layout engine broke across a line with a hyphen.
///
/// "medi-" at the end of a line followed by "cation" becomes "medication", the rejoined word
/// moving up to the end of the first line. Only a plausible word break is joined: the part
/// before the hyphen must be letters in lower case (a capital first letter allowed), and the
/// next line must start with a lower-case letter. So "5-" / "7 days" (a range) and
/// "Lopez-" / "Marin" (a double name) are left as they are. Compounds that keep their
/// hyphen ("follow-up", "x-ray", "self-care", "non-steroidal", "fluoroscopy-guided",
/// "anti-inflammatory") are joined with the hyphen kept. A soft hyphen (U+00AD) at a line
/// end is always joined.
enum Dehyphenation {
  /// The text with words hyphenated across line breaks rejoined.
  static func apply(to units: [UInt16]) -> [UInt16] {
    var output: [UInt16] = []
    output.reserveCapacity(units.count)
    var index = 0
    while index < units.count {
      let unit = units[index]
      let isBreak =
        (unit == hyphen || unit == softHyphen) && index + 1 < units.count
        && units[index + 1] == newline
      guard isBreak, let join = join(at: index, in: units) else {
        output.append(unit)
        index += 1
        continue
      }

      if join.keepsHyphen { output.append(hyphen) }
      output.append(contentsOf: units[(index + 2)..<join.tokenEnd])
      index = join.tokenEnd
      // The moved word leaves its line; the line break now follows it instead.
      if index < units.count, units[index] == space {
        output.append(newline)
        index += 1
      }
    }
    return output
  }

  private struct Join {
    /// Where the token moved up from the next line ends.
    var tokenEnd: Int
    var keepsHyphen: Bool
  }

  /// How to join the hyphen at `index` (followed by a newline), or nil to leave it.
  private static func join(at index: Int, in units: [UInt16]) -> Join? {
    var start = index
    while start > 0, isLetter(units[start - 1]) { start -= 1 }
    let fragment = units[start..<index]
    let nextStart = index + 2
    var nextEnd = nextStart
    while nextEnd < units.count, isLetter(units[nextEnd]) { nextEnd += 1 }
    let next = units[nextStart..<nextEnd]
    guard let first = next.first, isLowercase(first), !fragment.isEmpty else { return nil }

    var tokenEnd = nextEnd
    while tokenEnd < units.count, units[tokenEnd] != space, units[tokenEnd] != newline {
      tokenEnd += 1
    }
    if units[index] == softHyphen { return Join(tokenEnd: tokenEnd, keepsHyphen: false) }
    guard fragment.dropFirst().allSatisfy(isLowercase) else { return nil }

    let before = lowercased(fragment)
    let after = lowercased(next)
    let keeps =
      HyphenatedCompounds.prefixes.contains(before)
      || (before.count >= 3 && HyphenatedCompounds.secondParts.contains(after))
      || (HyphenatedCompounds.vowelPrefixes.contains(before) && before.last == after.first)
    return Join(tokenEnd: tokenEnd, keepsHyphen: keeps)
  }

  private static let hyphen: UInt16 = 0x2D
  private static let softHyphen: UInt16 = 0xAD
  private static let newline: UInt16 = 0x0A
  private static let space: UInt16 = 0x20

  /// Letters of the Basic Latin and Latin-1 ranges and any other letter ICU-free Swift knows;
  /// surrogates (letters outside the BMP are rare in notes) count as non-letters.
  private static func isLetter(_ unit: UInt16) -> Bool {
    if unit < 0x80 { return (unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7A }
    guard let scalar = Unicode.Scalar(unit) else { return false }
    return scalar.properties.isAlphabetic
  }

  private static func isLowercase(_ unit: UInt16) -> Bool {
    if unit < 0x80 { return unit >= 0x61 && unit <= 0x7A }
    guard let scalar = Unicode.Scalar(unit) else { return false }
    return scalar.properties.isLowercase
  }

  private static func lowercased(_ units: ArraySlice<UInt16>) -> String {
    String(utf16Units: units).lowercased()
  }
}

/// Words whose hyphen belongs to the word, not to a line break.
///
/// Kept here rather than under `Lexicons/` because they are a rule of layout, not of the
/// clinical language: they only decide whether a hyphen at a line end is kept.
enum HyphenatedCompounds {
  /// First parts that keep their hyphen whatever follows ("self-care", "x-ray").
  static let prefixes: Set<String> = [
    "all", "ex", "follow", "high", "left", "long", "low", "non", "right", "self", "short",
    "well", "x",
  ]

  /// Prefixes that keep their hyphen before a word starting with the letter they end in
  /// ("anti-inflammatory", "intra-articular", "re-evaluate") and join otherwise
  /// ("anticoagulant", "report").
  static let vowelPrefixes: Set<String> = [
    "anti", "co", "de", "extra", "intra", "multi", "pre", "re", "semi", "ultra",
  ]

  /// Second parts that keep the hyphen after a first part of three letters or more
  /// ("fluoroscopy-guided", "pain-free", "age-related").
  static let secondParts: Set<String> = [
    "associated", "based", "bearing", "dependent", "dose", "free", "guided", "induced",
    "level", "mediated", "related", "sided", "specific", "term", "up",
  ]
}
