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

  /// Whether fewer than half the page's characters (Unicode scalars) are letters.
  var isMostlyNonLetters: Bool {
    guard !units.isEmpty else { return false }
    let count = Self.letterCount(ofScalarsIn: units)
    return count.letters * 2 < count.scalars
  }

  /// How many Unicode scalars `units` holds and how many of them are alphabetic, a lone
  /// surrogate read as one replacement character.
  ///
  /// ASCII units, nearly every unit of a page, are counted from their value; each run of
  /// other units is decoded on its own, which reads it as the whole text would, since no
  /// ASCII unit is part of a surrogate pair.
  static func letterCount(ofScalarsIn units: [UInt16]) -> (letters: Int, scalars: Int) {
    var letters = 0
    var scalars = 0
    var index = 0
    while index < units.count {
      let unit = units[index]
      guard unit >= 0x80 else {
        if (0x61...0x7A).contains(unit | 0x20) { letters += 1 }
        scalars += 1
        index += 1
        continue
      }

      var end = index + 1
      while end < units.count && units[end] >= 0x80 { end += 1 }
      let run = String(decoding: units[index..<end], as: UTF16.self).unicodeScalars
      letters += run.count { $0.properties.isAlphabetic }
      scalars += run.count
      index = end
    }
    return (letters, scalars)
  }
}
