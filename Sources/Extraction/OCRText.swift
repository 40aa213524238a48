/// The lines of an OCR page in the form `PageText` finishes: characters normalised as for
/// a text layer (curly quotes straightened, Unicode dashes made `-`), runs of spaces folded.
enum OCRText {
  /// The page's lines as UTF-16 code units; an empty line marks a gap between blocks.
  static func lines(of page: RecognisedPage) -> [[UInt16]] {
    page.lines.map(line)
  }

  static func line(_ text: String) -> [UInt16] {
    var kept = ""
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      guard let normalized = WordReader.normalized(scalar) else { continue }
      if normalized == " " {
        pendingSpace = !kept.isEmpty
        continue
      }
      if pendingSpace { kept.unicodeScalars.append(" ") }
      pendingSpace = false
      kept.unicodeScalars.append(normalized)
    }
    return Array(kept.utf16)
  }
}
