import Foundation
import Testing

@testable import Language

@Suite struct NormalizationTests {
  @Test(arguments: [
    ("PAIN", "pain"),
    ("Gaenslen's", "gaenslen"),
    ("Patrick’s", "patrick"),
    ("ﬁbromyalgia", "fibromyalgia"),
    ("Ｌ４", "l4"),
    ("–", "-"),
    ("—", "-"),
    ("−", "-"),
    ("Straße", "strasse"),
    ("it's", "it"),
    ("'s", "'s"),
    ("x's", "x"),
    ("PT's", "pt"),
    ("L4-5", "l4-5"),
    ("Dr.", "dr."),
  ])
  func tokensNormalizeByNFKCCaseFoldDashesAndPossessive(text: String, expected: String) {
    #expect(Normalization.normalize(text) == expected)
  }

  @Test(arguments: [
    ("seven", 7.0), ("Seven", 7), ("twenty-one", 21), ("one hundred", 100), ("7", 7),
    ("7.5", 7.5), ("1,000", 1000), ("zero", 0), ("hundred", 100), ("THOUSAND", 1000),
    ("ninety", 90),
  ])
  func numberWordsAndNumeralsHaveValues(word: String, value: Double) {
    #expect(Numbers.value(of: word) == value)
  }

  @Test(arguments: ["pain", "", "seventh", "L4", "sevens", "6mg", "x6"])
  func otherWordsHaveNoValue(word: String) {
    #expect(Numbers.value(of: word) == nil)
  }

  @Test(
    "ASCII text normalizes byte by byte as ICU's NFKC and case folding normalize it",
    arguments: [
      "PAIN", "Gaenslen's", "GAENSLEN'S", "it'S", "'s", "x's", "a's", "'S's", "PT's", "L4-5",
      "Dr.", "b.i.d.", "", "7/10", "\r\n's", "a\r\n's", "\r\n\r\n's", "@[`{_~", "x6",
      "Mc'Donald", "s's's",
    ])
  func asciiNormalizesAsUnicodeDoes(text: String) {
    #expect(Normalization.normalize(text) == Normalization.normalizeUnicode(text))
    #expect(
      Normalization.normalize(asciiUnits: ArraySlice(Array(text.utf16)))
        == Normalization.normalizeUnicode(text))
  }

  @Test(
    "text outside ASCII is not normalized from its units",
    arguments: ["café", "Patrick’s", "–", "ﬁ", "😀", "Ｌ４"])
  func unitsOutsideASCIIAreLeftToICU(text: String) {
    #expect(Normalization.normalize(asciiUnits: ArraySlice(Array(text.utf16))) == nil)
    #expect(Normalization.normalize(text) == Normalization.normalizeUnicode(text))
  }

  @Test("a token from the middle of a text normalizes as the token alone does")
  func sliceNormalizesAsItsText() {
    let units = Array("Seen by PT's office".utf16)
    #expect(Normalization.normalize(asciiUnits: units[8..<12]) == "pt")
  }

  /// Tokens, ICU rule statuses (none, number, letter) and the kind each has.
  static let tokenKindCases: [String] =
    (0..<128).map { String(UnicodeScalar(UInt8($0))) } + [
      "...", "\r\n", "--", "+/-", "x6", "7.5", "1,000", "L4", "<=", "(%)", "a_b", "\t ",
      "é", "é6", "٣", "—", "°", "€", "…", "µg", "\u{85}", "\u{A0}", "¿?", "7\u{301}",
    ]

  @Test(
    "a token's kind read from its ASCII units is the kind its characters' properties give",
    arguments: tokenKindCases, [Int32(0), 100, 150, 200])
  func asciiTokenKindsAgreeWithCharacters(text: String, status: Int32) {
    let units = ArraySlice(Array(text.utf16))
    #expect(
      Tokenizer.kind(of: text, units: units, status: status)
        == Tokenizer.kind(ofCharacters: text, status: status))
  }

  @Test(
    "a single word's value is what the compound reading of that word gives",
    arguments: Numbers.words + [
      "and", "a", "an", "of", "pain", "seventeens", "tens", "hundreds", "z", "zeroes", "once",
      "nineteen", "twentyone", "elevenses", "thousands", "abcdefghijk",
    ])
  func singleWordValuesAgreeWithCompounds(word: String) {
    #expect(Numbers.value(ofWord: word) == Numbers.compound([word]))
    #expect(Numbers.value(ofNormalized: word) == Numbers.compound([word]))
    for spelling in [word, word.uppercased(), word.capitalized] {
      let units = ArraySlice(Array(spelling.utf16))
      #expect(Numbers.value(ofASCIILetters: units) == Numbers.compound([word]), "\(spelling)")
    }
  }

  @Test("an ASCII mark is punctuation or a symbol as Unicode says")
  func asciiMarksHaveTheirUnicodeKind() throws {
    var misread: [String] = []
    for byte in UInt8(0x21)...0x7E {
      let mark = Character(Unicode.Scalar(byte))
      // ICU's word rules give "_" (it joins words) and "@" (e-mail addresses) word status.
      guard !mark.isLetter, !mark.isNumber, mark != "_", mark != "@" else { continue }
      let expected: TokenKind = mark.isPunctuation ? .punctuation : .symbol
      if try Tokenizer.tokens(of: String(mark)).map(\.kind) != [expected] {
        misread.append(String(mark))
      }
    }
    #expect(misread == [])
  }

  @Test func tokensCarryKindOffsetsLinesAndValues() {
    let doc = Fixtures.annotate("Pain: seven/10\nSLR (+) x6 wks")
    let tokens = doc.tokens
    #expect(
      tokens.map(\.text) == ["Pain", ":", "seven", "/", "10", "SLR", "(", "+", ")", "x6", "wks"])
    #expect(
      tokens.map(\.kind) == [
        .word, .punctuation, .word, .punctuation, .number, .word, .punctuation, .symbol,
        .punctuation, .word, .word,
      ])
    #expect(tokens[2].numericValue == 7)
    #expect(tokens[4].numericValue == 10)
    #expect(tokens[5].line == 1 && tokens[5].isLineStart)
    #expect(!tokens[6].isLineStart)
    #expect(doc.document.substring(tokens[9].range) == "x6")
  }

  @Test(
    "each token stands on the line of its first character, blank lines counted",
    arguments: [
      ("a\n\n\nb c\nd", [0, 3, 3, 4]),
      ("\n\nx", [2]),
      ("one two\r\nthree\n", [0, 0, 1]),
      ("é\n😀 x\n\n", [0, 1, 1]),
    ] as [(String, [Int])])
  func tokensStandOnTheirLines(text: String, lines: [Int]) throws {
    let tokens = try Tokenizer.tokens(of: text)
    #expect(tokens.map(\.line) == lines)
    #expect(
      tokens.map(\.isLineStart) == lines.indices.map { $0 == 0 || lines[$0] != lines[$0 - 1] })
  }

  @Test(
    "a numeral's value is read with its thousands separators taken out",
    arguments: [("1,000", 1000.0), ("7.5", 7.5), ("12", 12), ("2,500,000", 2_500_000)])
  func numeralsHaveTheirValues(text: String, value: Double) throws {
    let tokens = try Tokenizer.tokens(of: text)
    #expect(tokens.map(\.kind) == [.number])
    #expect(tokens.map(\.numericValue) == [value])
  }

  @Test(
    "a number word has its value in any letter case, and a look-alike word has none",
    arguments: [
      ("seven", 7.0), ("Seven", 7), ("TWELVE", 12), ("hundred", 100), ("thousand", 1000),
      ("sevens", nil), ("tone", nil), ("x6", nil), ("wks", nil), ("often", nil),
    ] as [(String, Double?)])
  func numberWordsHaveTheirValues(text: String, value: Double?) throws {
    let tokens = try Tokenizer.tokens(of: text)
    #expect(tokens.map(\.kind) == [.word])
    #expect(tokens.map(\.numericValue) == [value])
  }

  @Test func offsetsStayRightAfterNonBMPCharacters() {
    let doc = Fixtures.annotate("😀 denies fever")
    let fever = doc.tokens.last!
    #expect(fever.text == "fever")
    #expect(doc.document.substring(fever.range) == "fever")
  }

  /// Foundation's ICU and the system ICU share five C++ case-mapping symbols on Linux; both
  /// must still map case correctly in one process.
  @Test func foundationAndSystemICUCaseMappingBothStayCorrect() {
    #expect("ΣΊΣΥΦΟΣ".lowercased(with: Locale(identifier: "el")) == "σίσυφος")
    #expect("TITLE".lowercased(with: Locale(identifier: "tr")) == "tıtle")
    #expect(Normalization.normalize("ΣΊΣΥΦΟΣ") == "σίσυφοσ")
    #expect(Normalization.normalize("TİTLE") == "ti̇tle")
  }
}
