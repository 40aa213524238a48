import Testing

@testable import Language

/// A lexicon line is cut into fields and variants by bytes where it is ASCII without
/// carriage returns, with the pieces that cutting it by characters gives.
@Suite struct LexiconPiecesTests {
  @Test(
    "pieces cut by bytes are the pieces cut by characters",
    arguments: [
      ("lumbar | low back; LBP ; lumbago | side=none", "|"),
      ("  x ;; y\t; ", ";"),
      ("", ";"),
      ("|", "|"),
      ("a\tb\u{0B}|\u{0C}c ", "|"),
      ("# comment\n\n@version 1\nconcept | a; b\n", "\n"),
      ("é | ü ; ß", "|"),
      ("a\r\nb | c\r\n", "\n"),
      ("é\n ü \n\u{00A0}x\u{00A0}\n\u{2003}", "\n"),
      ("a\u{301}\n\u{301}b\n \u{301}c\n", "\n"),
      ("ü | é\r\nx\n", "\n"),
      ("a | \u{301}b |\u{301} c", "|"),
    ] as [(String, Character)])
  func bytesCutAsCharactersDo(text: String, separator: Character) {
    let byCharacters = text.split(separator: separator, omittingEmptySubsequences: false)
      .map(\.trimmingWhitespace)

    #expect(LexiconParser.pieces(of: text, separatedBy: separator) == byCharacters)
  }
}
