import Testing

@testable import Language

/// A plain phrase's keys are read from its bytes; they must be the keys its tokens from ICU
/// give, and a phrase that is not plain must be left to ICU.
@Suite struct PlainPhraseKeysTests {
  /// Every byte a plain phrase may hold: letters and digits stand for their classes.
  static let plainBytes = ["a", "Z", "0", "9", " ", "-"] + PlainPhraseKeys.marks.map(String.init)

  @Test("every phrase of up to three plain bytes has the keys ICU's tokens give")
  func shortPlainPhrasesHaveICUsKeys() throws {
    let singles = Self.plainBytes
    let pairs = singles.flatMap { first in singles.map { first + $0 } }
    let triples = pairs.flatMap { pair in singles.map { pair + $0 } }
    let phrases = singles + pairs + triples

    let read = phrases.map(PlainPhraseKeys.keys(of:))
    let tokenized = try PhraseTrie.tokenizedKeys(ofPhrases: phrases)

    let differing = phrases.indices.filter { read[$0] != tokenized[$0] }
    #expect(
      differing.isEmpty, "\(differing.prefix(10).map { (phrases[$0], read[$0], tokenized[$0]) })")
  }

  @Test("a byte is plain when it is a letter, a digit, the space, the hyphen or a mark")
  func plainBytesAreTheseAlone() {
    for byte in UInt8(0)..<0x80 {
      let isExpected =
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
        || (0x61...0x7A).contains(byte) || byte == 0x20 || byte == 0x2D
        || PlainPhraseKeys.marks.utf8.contains(byte)
      let phrase = "a" + String(UnicodeScalar(byte)) + "b"

      #expect((PlainPhraseKeys.keys(of: phrase) != nil) == isExpected, "byte \(byte)")
    }
  }

  @Test("every plain lexicon phrase has the keys ICU's tokens give")
  func plainLexiconPhrasesHaveICUsKeys() throws {
    let lexicons = Fixtures.lexicons
    let phrases = lexicons.names.flatMap { lexicons.entries(in: $0) }.flatMap(\.phrases)
    let plain = phrases.filter { PlainPhraseKeys.keys(of: $0) != nil }

    #expect(plain.count > phrases.count * 9 / 10)
    #expect(
      plain.map { PlainPhraseKeys.keys(of: $0) ?? [] }
        == (try PhraseTrie.tokenizedKeys(ofPhrases: plain)))
  }

  @Test(
    "a plain phrase's keys are its words lower-cased and its marks, without dashes",
    arguments: [
      ("L4-5", ["l4", "5"]), ("straight-leg raise", ["straight", "leg", "raise"]),
      ("C5/C6 (x6) 2+", ["c5", "/", "c6", "(", "x6", ")", "2", "+"]), ("-", ["-"]),
      ("- -", ["-", "-"]), ("", []), ("   ", []),
      ("MRI  of the L-spine", ["mri", "of", "the", "l", "spine"]),
    ] as [(String, [String])])
  func plainPhraseKeys(phrase: String, keys: [String]) {
    #expect(PlainPhraseKeys.keys(of: phrase) == keys)
  }

  @Test(
    "a phrase with a byte whose word breaks depend on its neighbours is left to ICU",
    arguments: [
      "b.i.d", "Gaenslen's test", "1,000", "a:b", "x_y", "\"quoted\"", "tab\tbed", "a;b",
      "café", "line\nbreak", "ＳＬＲ", "—",
    ])
  func otherPhrasesAreNotPlain(phrase: String) {
    #expect(PlainPhraseKeys.keys(of: phrase) == nil)
  }
}
