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
