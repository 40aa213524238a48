extension TextLayer {
  /// Whether the text layer is mostly stray symbols over an image: a scan carrying what a
  /// broken OCR program left behind, which must be read again by OCR.
  ///
  /// A page of real text that is mostly numbers (a table of dates and doses) keeps its
  /// layer: it has no image under it. A layer of codes no font maps to text is caught
  /// without an image by `isMostlyUnreadable`.
  var isGarbageOverImage: Bool {
    imageCoverage >= 0.5 && isMostlyNonLetters
  }

  /// Whether fewer than half the page's characters are letters.
  var isMostlyNonLetters: Bool {
    guard !units.isEmpty else { return false }
    let scalars = String(decoding: units, as: UTF16.self).unicodeScalars
    let letters = scalars.filter(\.properties.isAlphabetic).count
    return letters * 2 < scalars.count
  }
}
