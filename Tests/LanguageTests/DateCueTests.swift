import Model
import Testing

@testable import Language

/// A date pattern is searched only in a note that holds one of its cue words; the cue is
/// looked for without letter case, and a note that case folding could change is searched
/// whatever it holds.
@Suite struct DateCueTests {
  @Test(
    "a note is searched for a pattern when it may hold one of its cues",
    arguments: [
      ("Pain began 3 weeks AGO.", ["ago", "prior"], true),
      ("Pain began 3 weeks prior to the fall.", ["ago", "prior"], true),
      ("Pain began after the fall.", ["ago", "prior"], false),
      ("Seen on 3/14.", ["/"], true),
      ("Seen on March 14.", ["/"], false),
      ("Any note at all.", [], true),
      ("ſince January", ["since"], true),
      ("Pain for weeks, no better.", ["since"], false),
      ("ago", ["ago"], true),
      ("Seen in Chicago", ["ago"], true),
      ("a g o, aglow, gone, saga", ["ago"], false),
      ("earlie earlier", ["earlier"], true),
      ("Earl, early, earlie", ["earlier"], false),
      ("the 3rd/4th", ["/"], true),
      ("Yesterday", ["yesterday"], true),
      ("yesterda", ["yesterday"], false),
    ] as [(String, [String], Bool)])
  func searchesWhereACueMayBe(text: String, cues: [String], searched: Bool) {
    let lexicons = Fixtures.lexicons
    let scanner = DateScanner(text: text, language: lexicons.language, patterns: lexicons.patterns)
    #expect(scanner.mayHold(anyOf: cues) == searched)
  }

  @Test(
    "relative dates are read as before in notes that hold their cues",
    arguments: [
      ("Pain began 3 weeks ago.", "2026-02-21"),
      ("Worse since January.", "2026-01"),
      ("Fell yesterday.", "2026-03-13"),
    ])
  func relativeDatesAreRead(text: String, iso: String) {
    let lexicons = Fixtures.lexicons
    let scanner = DateScanner(text: text, language: lexicons.language, patterns: lexicons.patterns)
    let service = ClinicalDate(year: 2026, month: 3, day: 14)
    #expect(scanner.relativeDates(dateOfService: service, excluding: []).map(\.date?.iso) == [iso])
  }
}
