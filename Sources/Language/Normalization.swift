import Model

/// The normal form lexicons and text are compared in: NFKC, case-folded, every hyphen and
/// dash spelled `-`, curly apostrophes straightened, a possessive `'s` removed.
///
/// "Gaenslen’s" and "GAENSLEN'S" both normalize to "gaenslen"; "L4–5" and "L4-5" agree.
public enum Normalization {
  /// The normal form of one token's text.
  public static func normalize(_ text: String) -> String {
    if let ascii = normalizeASCII(text) { return ascii }
    let units = Array(text.utf16)
    let folded: [UInt16]
    if units.allSatisfy({ $0 < 0x80 }) {
      // ASCII is its own NFKC form and folds to lower case: skip two ICU round trips.
      folded = units.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
    } else {
      folded = (try? ICU.foldCase(ICU.nfkc(units))) ?? units
    }
    return strippingPossessive(String(utf16Units: folded.map(unifyingDash)))
  }

  /// `normalize(_:)` for ASCII text, byte by byte, the form nearly every token has; `nil`
  /// for other text. ASCII is its own NFKC form, and no ASCII character is a dash to unify.
  private static func normalizeASCII(_ text: String) -> String? {
    var bytes = Array(text.utf8)
    for index in bytes.indices {
      let byte = bytes[index]
      if byte >= 0x80 { return nil }
      if byte >= 0x41 && byte <= 0x5A { bytes[index] = byte | 0x20 }
    }
    // A possessive needs more than two characters; "\r\n" is one character, not two.
    let characters = bytes.count - zip(bytes, bytes.dropFirst()).count { $0 == (0x0D, 0x0A) }
    if characters > 2, bytes.suffix(2).elementsEqual([0x27, 0x73]) { bytes.removeLast(2) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Whether a normalized token is a hyphen or dash, which phrase matching skips.
  public static func isDash(_ normalized: String) -> Bool { normalized == "-" }

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
