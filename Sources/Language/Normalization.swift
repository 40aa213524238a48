import Model

/// The normal form lexicons and text are compared in: NFKC, case-folded, every hyphen and
/// dash spelled `-`, curly apostrophes straightened, a possessive `'s` removed.
///
/// "Gaenslen’s" and "GAENSLEN'S" both normalize to "gaenslen"; "L4–5" and "L4-5" agree.
public enum Normalization {
  /// The normal form of one token's text.
  public static func normalize(_ text: String) -> String {
    normalizeASCII(text) ?? normalizeUnicode(text)
  }

  /// `normalize(_:)` for any text, by ICU's NFKC and case folding.
  static func normalizeUnicode(_ text: String) -> String {
    let units = Array(text.utf16)
    let folded = (try? ICU.foldCase(ICU.nfkc(units))) ?? units
    return strippingPossessive(String(utf16Units: folded.map(unifyingDash)))
  }

  /// `normalize(_:)` for ASCII text, byte by byte, the form nearly every token has; `nil`
  /// for other text. ASCII is its own NFKC form, and no ASCII character is a dash to unify.
  private static func normalizeASCII(_ text: String) -> String? {
    var text = text
    return text.withUTF8 { foldedASCII($0) }
  }

  /// `normalize(_:)` of the text spelled by UTF-16 `units` when they are all ASCII, read
  /// from the units without a string first; `nil` for other text.
  static func normalize(asciiUnits units: ArraySlice<UInt16>) -> String? {
    units.withUnsafeBufferPointer { foldedASCII($0) }
  }

  /// `normalize(asciiUnits:)` of ASCII `units`, which spell `text`: `text` itself, not a
  /// copy, when it has no capital letter and no possessive to drop, as most words have.
  static func normalize(ascii text: String, units: ArraySlice<UInt16>) -> String {
    units.withUnsafeBufferPointer { units in
      let isFolded = !units.contains { $0 &- 0x41 < 26 } && !hasPossessive(units)
      return isFolded ? text : foldedASCII(units) ?? normalizeUnicode(text)
    }
  }

  /// The normal form of ASCII `units` (UTF-8 bytes or UTF-16 code units), or `nil` when one
  /// is not ASCII.
  private static func foldedASCII<Unit: FixedWidthInteger & UnsignedInteger>(
    _ units: UnsafeBufferPointer<Unit>
  ) -> String? {
    guard units.allSatisfy({ $0 < 0x80 }) else { return nil }
    let kept = hasPossessive(units) ? units.count - 2 : units.count
    return String(unsafeUninitializedCapacity: kept) { folded in
      for index in 0..<kept {
        let byte = UInt8(truncatingIfNeeded: units[index])
        folded[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
      }
      return kept
    }
  }

  /// Whether ASCII `units` end in `'s` or `'S` after more than two characters; "\r\n" is
  /// one character, not two.
  private static func hasPossessive<Unit: FixedWidthInteger & UnsignedInteger>(
    _ units: UnsafeBufferPointer<Unit>
  ) -> Bool {
    let count = units.count
    guard count > 2, units[count - 2] == 0x27, units[count - 1] | 0x20 == 0x73 else {
      return false
    }
    let lineBreaks = zip(units, units.dropFirst()).count { $0 == 0x0D && $1 == 0x0A }
    return count - lineBreaks > 2
  }

  /// Whether a normalized token is a hyphen or dash, which phrase matching skips.
  public static func isDash(_ normalized: String) -> Bool {
    // Every token is asked: its length, known at once, spares nearly all the comparison.
    normalized.utf8.count == 1 && normalized == "-"
  }

  private static func unifyingDash(_ unit: UInt16) -> UInt16 {
    switch unit {
    case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D, 0x00AD: return 0x2D
    case 0x2018, 0x2019, 0x02BC, 0xFF07: return 0x27
    default: return unit
    }
  }

  private static func strippingPossessive(_ text: String) -> String {
    guard text.count > 2, text.hasSuffix("'s") else { return text }
    return String(text.dropLast(2))
  }
}
