import Foundation
import Testing

@testable import Language

/// A lexicon line is cut into fields and variants by bytes where it is ASCII without
/// carriage returns, with the pieces, entries and errors that cutting it by characters gives.
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

  @Test("every checked-in lexicon reads by bytes as it reads as text")
  func checkedInLexiconsReadAlike() throws {
    let files = try FileManager.default.contentsOfDirectory(
      at: Fixtures.lexiconDirectory, includingPropertiesForKeys: nil
    ).filter { $0.pathExtension == "txt" }
    for file in files {
      let text = try String(contentsOf: file, encoding: .utf8)
      let parser = LexiconParser(fileName: file.lastPathComponent, lexicon: "test")

      let entries = try parser.entries(in: text)

      #expect(entries == (try parser.entriesReadAsText(in: text)), "\(file.lastPathComponent)")
      #expect(!entries.isEmpty, "\(file.lastPathComponent)")
    }
    #expect(files.count > 10)
  }

  @Test(
    "a line read by bytes gives the entry or the error it gives read as text",
    arguments: [
      "a", " a |  b ;c\t| k=v  k2=w ", "a | | k=v", "a |", "a | b |", "a|b|c|d", " | b",
      "a | b;; c", "a | b; ", "a | b | class", "a | b | k=v k=w", "a | b | 1k=v",
      "a | b | k==v", "a | b | k=v=", "a | b | =v", "a | b | k=", "\u{0B}a\u{0C}|b",
      "@defaults k=v\nx\ny | | k=w", "@defaults k\nx", "@nothing", "# x\n\n  # y\na",
      "a | é; b | k=ü", "é | b", "a | b | clé=v", "\u{00A0}a\u{00A0} | b",
      "a | b | k=v\nc | | k=v\nd | e | k=w\nf | g |  k=v", "a | b | k=v\nc | d | k=v k=v",
      "@defaults k=v\nx | | j=1\n@defaults k=w\ny | | j=1\nz | | j=1", "a | b | k=v\nc | d | k=v;",
      "a | b |\nc | d |\ne | f | k=v",
    ])
  func linesReadAlike(line: String) {
    let text = "@version 1\n" + line + "\n"
    let parser = LexiconParser(fileName: "test.txt", lexicon: "test")

    let byBytes = Result { () throws(LexiconError) in try parser.entries(in: text) }
    let asText = Result { () throws(LexiconError) in try parser.entriesReadAsText(in: text) }

    #expect(byBytes == asText)
  }
}
