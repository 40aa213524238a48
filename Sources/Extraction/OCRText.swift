/// The lines of an OCR page in the form `PageText` finishes: characters normalised as for
/// a text layer (curly quotes straightened, Unicode dashes made `-`), runs of spaces folded,
/// and Tesseract's vertical bars resolved.
enum OCRText {
  /// The page's lines as UTF-16 code units; an empty line marks a gap between blocks.
  static func lines(of page: RecognisedPage) -> [[UInt16]] {
    page.lines.map(line)
  }

  static func line(_ text: String) -> [UInt16] {
    let words = normalized(text).split(separator: " ")
    return Array(resolvingBars(words).joined(separator: " ").utf16)
  }

  /// The text with each character normalised as a text layer's are; spaces kept as spaces.
  private static func normalized(_ text: String) -> String {
    var kept = ""
    for scalar in text.unicodeScalars {
      if let normalized = WordReader.normalized(scalar) { kept.unicodeScalars.append(normalized) }
    }
    return kept
  }

  /// The words with every lone `|` resolved: Tesseract reads the ruled lines of a table as
  /// `|`, and now and then a capital I as well. A bar before a lower-case word ("| saw her")
  /// or followed by punctuation ("CRPS type |,") is the pronoun or the numeral I; any other
  /// lone bar is a ruled line, and goes.
  static func resolvingBars(_ words: [Substring]) -> [Substring] {
    words.indices.compactMap { index in
      let word = words[index]
      guard word.first == "|" else { return word }

      let punctuation = word.dropFirst()
      if !punctuation.isEmpty {
        return punctuation.allSatisfy(Self.punctuation.contains) ? "I" + punctuation : word
      }
      let next = index + 1 < words.endIndex ? words[index + 1].first : nil
      return next.map { $0.isLowercase || Self.punctuation.contains($0) } == true ? "I" : nil
    }
  }

  private static let punctuation: Set<Character> = [",", ".", ";", ":", ")"]
}
