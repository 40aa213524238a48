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
    ] as [(String, Character)])
  func bytesCutAsCharactersDo(text: String, separator: Character) {
    let byCharacters = text.split(separator: separator, omittingEmptySubsequences: false)
      .map(\.trimmingWhitespace)

    #expect(LexiconParser.pieces(of: text, separatedBy: separator) == byCharacters)
  }
}
