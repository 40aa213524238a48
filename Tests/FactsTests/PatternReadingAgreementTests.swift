import Foundation
import Language
import Model
import Testing

@testable import Facts

/// `RequiredLiterals` reads a pattern by byte into shared buffers; the reading it replaced
/// (`ReferenceRequiredLiterals`, kept here as the oracle) built arrays per part. The two
/// must read every pattern alike: the same branches, groups, literals and program. These
/// tests make the detectors build their patterns by reading the corpus's notes (a debug
/// build records each in `PatternRegistry`), and compare shapes of syntax no detector
/// writes. A deliberate change to what is read must be made to the oracle as well.
@Suite struct PatternReadingAgreementTests {
  /// The repository's corpus, found from this file's path.
  static let corpus = Fixtures.lexiconDirectory.deletingLastPathComponent()
    .appendingPathComponent("Corpus")

  @Test("every pattern the detectors build over the corpus's notes is read as before")
  func detectorPatternsAgree() throws {
    let requests = RequestDetector(lexicons: Fixtures.lexicons)
    for notes in try Self.corpusCases() {
      _ = Fixtures.detector.detect(in: notes, noteDate: nil)
      _ = requests.detect(in: notes)
    }

    let patterns = PatternRegistry.patterns
    // The detectors build some four hundred patterns; far fewer means they were not run.
    #expect(patterns.count > 300)
    for pattern in patterns {
      #expect(RequiredLiterals.agreesWithReference(pattern), "\(pattern)")
    }
  }

  /// The notes of each dev and test case, from the text each PDF was made of, annotated.
  static func corpusCases() throws -> [[AnnotatedDocument]] {
    var cases: [[AnnotatedDocument]] = []
    for split in ["dev", "test"] {
      let directory = corpus.appendingPathComponent(split)
      for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() {
        let folder = directory.appendingPathComponent(name)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var notes: [AnnotatedDocument] = []
        for file in files.sorted() where file.hasSuffix(".src.txt") {
          let source = try String(
            contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
          // Lines the generator reads as directives (`%%`, `@title`) are no note text.
          let text = source.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("%%") && !$0.hasPrefix("@") }.joined(separator: "\n")
          let name = file.replacingOccurrences(of: ".src.txt", with: ".pdf")
          notes.append(Fixtures.annotate(text, name: name))
        }
        cases.append(notes)
      }
    }
    return cases
  }

  @Test(
    "shapes of syntax are read as before",
    arguments: [
      // Classes: listed, ranges, escapes, negated, nested, large, with marks and non-ASCII.
      #"[CTLS]\d"#, #"[0-9A-Z]{1,4}"#, #"[\d.]+\s*mg"#, #"[^a-z]+x"#, #"[[a-z]&&[^q]]y"#,
      #"[a-zA-Z0-9_.,;:!?-]z"#, #"[\]x]y"#, #"[a\-z]q"#, #"[-a]b"#, #"[a-]b"#, #"[]a]b"#,
      #"[^]a]b"#, #"[é]x"#, #"[\w.]+y"#, #"[\s\S]z"#, #"[z-a]b"#, #"[\\]x"#, #"[a-\d]x"#,
      #"[ab"#, #"[\p{L}]x"#, #"[(]x(y)"#,
      // Escapes: marks, classes, positions, back references, refused ones, non-ASCII.
      #"\.\-\/x"#, #"\bpain\b"#, #"\Bx\B"#, #"(a)\1b"#, #"\x{41}b"#, #"\p{L}+ pain"#,
      #"\Qa.b\E"#, #"a\012b"#, #"\éx"#, #"\×y"#, #"\ñx"#, #"x\"#, #"\d\D\w\W\s\S"#,
      #"\tq\nr"#, #"\k<n>"#, #"\cA"#,
      // Groups: captures, non-capturing, atomic, flags, lookarounds, unbalanced.
      #"((a)|b)c|d"#, #"(?:ab|cd){2}"#, #"(?>(a)+)s"#, #"(?i-:(a))|(?-i:(B))"#,
      #"(?<=pre)fix|(?<!no)fix"#, #"(?=pain)\w+"#, #"(?!x)yz"#, #"(?x) pain"#, #"(?s:a.b)"#,
      #"(?m:^a)"#, #"(?<name>x)"#, #"(?#c)x"#, #"(a"#, #"a)"#, #"()x"#, #"(|a)b"#,
      // Alternations: words, empty branches, nested, many, repeated words, cases.
      #"fusion|laminectomy"#, #"\b(?:fusion|laminectomy|disc replacement)\b"#,
      #"(?:fusions?|fusion)"#, #"(?:x|y\.z)"#, #"(?:cat|dog)s"#, #"(?:on|)x"#, #"#x|y"#,
      #"a||b"#, #"|a"#, #"a|"#, #"(?:MRI|mri|Mri)\b"#, #"\bMRI\b|\bCT\b"#,
      #"(?:a|b|c|d|e)(?:f|g)(?:h|i|j)(?:k|l)(?:m|n|o)"#,
      #"(?:ab|\d)(?:cd|ef|[gh])(?:ij|kl)|(?:mn|op)\s+(?:qr|st)(?:uv|wx|yz)"#,
      #"(?:one (?:two|three)|four five|six(?:seven|eight)?)\s+nine"#,
      // Quantifiers: optional, lazy, possessive, bounds, refused and odd bounds.
      #"xa+b"#, #"x{2,3}?yz"#, #"a{0}b"#, #"a{0,}bc"#, #"a{1,}+bc"#, #"a{,3}b"#, #"a{3"#,
      #"a{x}b"#, #"a{00}b"#, #"a{1,2,3}b"#, #"a{99999999999999999999}b"#, #"ab??c"#,
      #"(?:pain )?\d*"#, #"\w+"#, #"*a"#, #"a**"#, #"?a"#, #"a{2}{3}b"#,
      // Anchors, dots and non-ASCII literals of one to four bytes.
      #"^\s*pain:"#, #"pain$"#, #"a.b"#, #"café|naïve"#, #"(?:cafe|café|naïve)"#,
      #"straße|strasse"#, #"stra(?:ße)"#, #"\bmg/(?:kg|m²)\b"#, #"😀 pain|pain 😀"#,
      #"\d\s*×\s*\d"#, #"é?x"#, #"ﬁne"#, #"Kelvin|K"#, #"ſ"#, #"(?:–|-|to)\s*\d"#,
      "", "a",
    ])
  func syntaxAgrees(pattern: String) {
    #expect(RequiredLiterals.agreesWithReference(pattern), "\(pattern)")
  }

  @Test(
    "long alternations, with words named again, are read as before",
    arguments: [3, 40, 300])
  func longAlternationsAgree(count: Int) {
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    let words = (0..<count).map { String([letters[$0 / 26 % 26], letters[$0 % 26]]) }
    let list = (words + words.reversed()).joined(separator: "|")
    for pattern in ["(?:" + list + ")", list, "x(?:" + list + ")y(?:" + list + ")?z"] {
      #expect(RequiredLiterals.agreesWithReference(pattern), "\(pattern.prefix(40))")
    }
  }
}

extension RequiredLiterals {
  /// Whether `pattern` is read to require what `ReferenceRequiredLiterals`, the reading
  /// this one replaced, reads it to: the same branches, groups, literals and program.
  static func agreesWithReference(_ pattern: String) -> Bool {
    let read = RequiredLiterals(pattern: pattern)
    let reference = ReferenceRequiredLiterals(pattern: pattern)
    guard let read, let reference else { return read == nil && reference == nil }
    return read.hasBackreference == reference.hasBackreference
      && read.branches.map(\.source) == reference.branches.map(\.source)
      && read.branches.map(\.groups) == reference.branches.map(\.groups)
      && read.branches.map(\.literals) == reference.branches.map(\.literals)
      && read.program.isIdentical(to: reference.program)
  }
}
