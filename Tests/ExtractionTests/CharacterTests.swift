import Extraction
import Foundation
import Model
import Testing

@Suite("Hyphenation, ligatures, spaces and quotes")
struct CharacterTests {
  struct Join: Sendable, CustomTestStringConvertible {
    let expected: String
    var testDescription: String { expected.replacingOccurrences(of: "\n", with: "⏎") }
  }

  static let joins: [Join] = [
    Join(expected: "Current medication\nincludes meloxicam daily."),
    Join(expected: "Return for follow-up\nin four weeks."),
    Join(expected: "Lumbar x-ray\nshows mild spondylosis."),
    Join(expected: "Encouraged self-care\nand daily walking."),
    Join(expected: "Tried non-steroidal\nagents first."),
    Join(expected: "Completed physical therapy\nin March."),
    Join(expected: "A fluoroscopy-guided\napproach is planned."),
    // Never across digits: a range broken after its dash stays a range.
    Join(expected: "Relief lasted 5-\n7 days after the injection."),
    Join(expected: "Pain rated 6-\n8 out of 10 at night."),
    // A capital after the break is a double name, not a broken word.
    Join(expected: "Seen by Dr. Lopez-\nMarin for a second opinion."),
  ]

  @Test("words hyphenated across a line break are joined only when plausible", arguments: joins)
  func hyphenation(_ join: Join) throws {
    let document = try PDFExtractor().extract(fileAt: Fixtures.url("hyphenation.pdf"))
    #expect(document.text.contains(join.expected))
  }

  @Test(
    "ligatures, odd spaces and curly quotes come out plain",
    arguments: [
      "Her first visit was in March.",
      "Lumbar flexion is limited.",
      "Take 5 mg twice daily and 20 mg at night.",
      "She calls the pain \"sharp\" and 'deep'.",
    ])
  func compatibilityCharacters(_ line: String) throws {
    let document = try PDFExtractor().extract(fileAt: Fixtures.url("characters.pdf"))
    let lines = document.text.split(separator: "\n").map(String.init)
    #expect(lines.contains(line))
  }

  @Test("no ligature or non-breaking space survives")
  func nothingOddSurvives() throws {
    let document = try PDFExtractor().extract(fileAt: Fixtures.url("characters.pdf"))
    let odd: Set<Unicode.Scalar> = [
      "\u{FB01}", "\u{FB02}", "\u{A0}", "\u{2009}", "\u{201C}", "\u{2019}",
    ]
    #expect(!document.text.unicodeScalars.contains { odd.contains($0) })
  }
}
