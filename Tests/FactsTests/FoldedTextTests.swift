import Testing

@testable import Facts

/// A sentence's text as the detectors read it: each run of whitespace one space, curly
/// apostrophes straight, and every unit's document offset kept for citing it.
@Suite struct FoldedTextTests {
  @Test(
    "whitespace folds to one space and every unit keeps its document offset",
    arguments: [
      ("Pain  7/10.", 0..<11, "Pain 7/10.", [0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11]),
      ("can\u{2019}t\n\tgo", 0..<9, "can't go", [0, 1, 2, 3, 4, 5, 7, 8, 9]),
      ("\u{2018}no\u{2019}", 0..<4, "'no'", [0, 1, 2, 3, 4]),
      ("café\u{A0} 4", 0..<7, "café 4", [0, 1, 2, 3, 4, 6, 7]),
      ("a 😀  b", 0..<7, "a 😀 b", [0, 1, 2, 3, 4, 6, 7]),
      ("x  ab  cd", 3..<7, "ab ", [3, 4, 5, 7]),
      ("\r\n  lead", 0..<8, " lead", [0, 4, 5, 6, 7, 8]),
      ("abc", 2..<2, "", [2]),
    ] as [(String, Range<Int>, String, [Int])])
  func foldsWhitespace(document: String, range: Range<Int>, text: String, offsets: [Int]) {
    let folded = FoldedText(Array(document.utf16), range: range)

    #expect(folded.text == text)
    #expect(folded.offsets == offsets)
  }
}
