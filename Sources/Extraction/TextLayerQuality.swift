extension TextLayer {
  /// Whether the text layer is clearly not the page's text, so that OCR must read the page:
  /// mostly characters that are not letters, over an image (a scan carrying a broken OCR
  /// layer) or made largely of characters no font maps to text (private-use glyphs,
  /// replacement characters, control codes).
  ///
  /// A page of real text that is mostly numbers (a table of dates and doses) keeps its
  /// layer: it has no image under it and its characters are ordinary ones.
  var isGarbage: Bool {
    isMostlyNonLetters && (imageCoverage >= 0.5 || unreadableShare >= 0.25)
  }

  /// Whether fewer than half the page's characters are letters.
  var isMostlyNonLetters: Bool {
    guard !units.isEmpty else { return false }
    return Double(letterCount) / Double(scalars.count) < 0.5
  }

  /// The share of the page's characters that stand for no text.
  var unreadableShare: Double {
    let all = scalars
    guard !all.isEmpty else { return 0 }
    let unreadable = all.filter { scalar in
      (0xE000...0xF8FF).contains(scalar.value) || scalar.value == 0xFFFD
        || scalar.properties.generalCategory == .control
    }
    return Double(unreadable.count) / Double(all.count)
  }

  private var scalars: [Unicode.Scalar] {
    Array(String(decoding: units, as: UTF16.self).unicodeScalars)
  }

  private var letterCount: Int {
    scalars.filter(\.properties.isAlphabetic).count
  }
}
