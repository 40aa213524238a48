import Foundation
import Testing

@testable import Facts

/// A stretch of a sentence is its text between two UTF-16 offsets, clamped to it; an ASCII
/// text's is cut from its bytes, and must read as the one spelled from its UTF-16 units.
@Suite struct TextSliceTests {
  @Test(
    "a stretch reads the text between two offsets, clamped to the text",
    arguments: [
      ("PT 2x/week x 6 weeks", 0..<2, "PT"),
      ("PT 2x/week x 6 weeks", 13..<20, "6 weeks"),
      ("PT 2x/week x 6 weeks", 3..<3, ""),
      ("PT 2x/week x 6 weeks", 15..<99, "weeks"),
      ("PT 2x/week x 6 weeks", 30..<40, ""),
      ("no relief from the lumbar medial branch blocks in 2025", 3..<9, "relief"),
      ("café 4/10 – worse", 0..<4, "café"),
      ("café 4/10 – worse", 5..<9, "4/10"),
      ("café 4/10 – worse", 10..<11, "–"),
      ("a 😀 b", 2..<4, "😀"),
      ("", 0..<5, ""),
    ] as [(String, Range<Int>, String)])
  func stretchIsTheTextBetweenOffsets(text: String, range: Range<Int>, expected: String) {
    #expect(text.slice(range) == expected)
    #expect(text.slice(range) == text.utf16Slice(range))
  }

  @Test("every stretch of an ASCII sentence reads as the one spelled from its units")
  func everyASCIIStretchMatchesItsUnits() {
    let text = "Completed 8 sessions of PT (12/2025-02/2026); HEP ongoing."
    let count = text.utf16.count
    for lower in 0...count {
      for upper in lower...count + 2 {
        #expect(text.slice(lower..<upper) == text.utf16Slice(lower..<upper))
      }
    }
  }
}

/// A note's title lines are searched for a sentence, and a section's name for a word, as
/// Foundation's `contains` finds them: in the bytes when both are ASCII.
@Suite struct HeadingSearchTests {
  @Test(
    "a sentence occurs in a heading as Foundation finds it",
    arguments: [
      ("LUMBAR SPINE PAIN", "NEW PATIENT\nLUMBAR SPINE PAIN"),
      ("lumbar spine pain", "NEW PATIENT\nLUMBAR SPINE PAIN"),
      ("PAIN", "PAIN"),
      ("PAIN CLINIC NOTE", "PAIN"),
      ("", "PAIN CLINIC"),
      ("NOTE", ""),
      ("T\nL", "PAIN CLINIC\nLUMBAR"),
      ("CAFÉ", "RÉSUMÉ\nCAFÉ VISIT"),
      ("CAFE", "CAFÉ VISIT"),
    ] as [(String, String)])
  func sentenceOccursAsFoundationFindsIt(text: String, heading: String) {
    #expect(heading.includes(text) == heading.contains(text))
  }

  @Test("a title sentence is found in its heading, and another is not")
  func titleIsFoundInItsHeading() {
    #expect("NEW PATIENT\nLUMBAR SPINE PAIN".includes("LUMBAR SPINE PAIN"))
    #expect(!"NEW PATIENT".includes("Low back pain for years."))
    #expect("ortho spine procedure note".includes("procedure"))
  }
}
