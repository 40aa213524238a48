import Foundation
import Testing

@testable import Extraction

@Suite("De-hyphenation rules")
struct DehyphenationTests {
  @Test(
    "a hyphen at a line end is joined only where a word was broken",
    arguments: [
      ("the pa-\ntient reports", "the patient\nreports"),
      ("current medi-\ncation.\nNext", "current medication.\nNext"),
      ("Medi-\ncation list", "Medication\nlist"),
      ("return for follow-\nup visit", "return for follow-up\nvisit"),
      ("now pain-\nfree since May", "now pain-free\nsince May"),
      ("an in-\ndependent gait", "an independent\ngait"),
      ("lumbar x-\nray", "lumbar x-ray"),
      ("anti-\ninflammatory use", "anti-inflammatory\nuse"),
      ("no anti-\ncoagulant use", "no anticoagulant\nuse"),
      ("an intra-\narticular injection", "an intra-articular\ninjection"),
      ("the re-\nport", "the report"),
      ("for 5-\n7 days", "for 5-\n7 days"),
      ("at L4-\n5 level", "at L4-\n5 level"),
      ("Dr. Smith-\nJones", "Dr. Smith-\nJones"),
      ("MEDI-\nCATION", "MEDI-\nCATION"),
      ("the re-\n\nport", "the re-\n\nport"),
      ("medi\u{AD}\ncation given", "medication\ngiven"),
    ])
  func joins(_ input: String, _ expected: String) {
    let output = Dehyphenation.apply(to: Array(input.utf16))
    #expect(String(decoding: output, as: UTF16.self) == expected)
  }
}

@Suite("Running header and footer keys")
struct RunningBoilerplateKeyTests {
  @Test(
    "lines differing only in numbers, spaces or case compare equal",
    arguments: [
      ("Page 9 of 12", "Page 10 of 12"),
      ("3/2/26, 2:14 PM", "3/2/26, 12:04 PM"),
      ("Rivera, Ana   MRN 5521907", "RIVERA, ANA MRN 5521907"),
    ])
  func equalKeys(_ first: String, _ second: String) {
    #expect(
      RunningBoilerplate.key(of: Array(first.utf16))
        == RunningBoilerplate.key(of: Array(second.utf16)))
  }

  @Test("a line repeated in the middle of pages, not at their edges, is kept")
  func middleLinesAreKept() {
    let repeated = Array("Pain: 7/10".utf16)
    let page = { (body: String) -> [[UInt16]] in
      ["one", "two", "three", "four"].map { Array($0.utf16) } + [repeated, Array(body.utf16)]
        + ["five", "six", "seven"].map { Array("\($0) \(body)".utf16) }
    }
    let result = RunningBoilerplate.remove(from: [page("a"), page("b"), page("c")])
    #expect(result.lines[2].contains(repeated))
  }

  @Test("diary rows differing only in their numbers are findings, page footers are not")
  func numberedLines() {
    let pages: [[[UInt16]]] = [
      ["Day 1  7/10  walked 20 min", "body a", "Page 1 of 3"],
      ["Day 15  6/10  walked 20 min", "body b", "Page 2 of 3"],
      ["Day 29  5/10  walked 20 min", "body c", "Page 3 of 3"],
    ].map { $0.map { Array($0.utf16) } }
    let result = RunningBoilerplate.remove(from: pages)
    #expect(result.removed == [[], ["Page 2 of 3"], ["Page 3 of 3"]])
    #expect(
      result.lines[2].first.map { String(decoding: $0, as: UTF16.self) }
        == "Day 29  5/10  walked 20 min")
  }

  @Test("a line at the edge of only one page in three is kept")
  func rareLinesAreKept() {
    let pages: [[[UInt16]]] = [
      ["Banner", "Addendum", "body a"], ["Banner", "body b"], ["Banner", "body c"],
    ].map { $0.map { Array($0.utf16) } }
    let result = RunningBoilerplate.remove(from: pages)
    #expect(result.removed == [[], ["Banner"], ["Banner"]])
    #expect(result.lines[0].count == 3)
  }
}

@Suite("PDF header check")
struct PDFHeaderTests {
  @Test(
    "the header may follow some junk within the first kilobyte",
    arguments: [
      ("%PDF-1.7\n", true), ("\u{FEFF}junk%PDF-1.4", true), ("PDF-1.4", false), ("", false),
    ])
  func header(_ text: String, _ isPDF: Bool) {
    #expect(PDFExtractor.hasPDFHeader(Data(text.utf8)) == isPDF)
  }
}
