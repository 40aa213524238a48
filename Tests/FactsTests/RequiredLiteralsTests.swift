import Foundation
import Language
import Testing

@testable import Facts

/// `RequiredLiterals` lets a pattern skip text without running it, so it must never skip text
/// the pattern matches: these tables name, for each shape of pattern, text it may skip (it
/// lacks a literal of every branch, or of one of the parts a sequence requires) and text it
/// must search.
@Suite struct RequiredLiteralsTests {
  @Test(
    "text without any required literal is skipped",
    arguments: [
      (#"\b(?:unable to|cannot)\s+(?:sit|stand)\b"#, "She walks two miles a day."),
      (#"\b(?:unable to|cannot)\s+(?:sit|stand)\b"#, "He can sit for an hour."),
      (#"\b(?:unable to|cannot)\s+(?:sit|stand)\b"#, "He cannot walk far."),
      (#"\b(?:pain\s+for|duration:)\s*\d+\s*weeks\b"#, "Pain for 6 months."),
      (#"(?:walks\s+with|uses)\s+a\s+cane"#, "She walks to the cane field."),
      (#"(?<![\d/.])(\d{1,2})\s*(?:/|out of)\s*(?:10|ten)"#, "Pain is severe today."),
      (#"\b(\d+)\s*(weeks?|months?)\s+ago\b"#, "Seen 3 days before surgery."),
      (#"\bso\s+(?:now )?(\d+)\s*(?:months?)\b"#, "Also noted."),
      (#"\bVAS\s*(?:of)?\s*(\d+)"#, "The visual analogue scale was not used."),
      (#"\btrial\b[^.]*\bleads?\b"#, "Plan a stimulator."),
      (#"x\s*(\d+)\s*(?:weeks|×)"#, "two weeks"),
      (
        #"\bmonths\s+ago\b|\bweeks\s+ago\b|\byears\s+ago\b|\bdays\s+ago\b"#,
        "Pain for months, worse over weeks, off work for days."
      ),
      (#"\bfor\s+(\d+)\s*weeks\b|\b(\d+)\s*months\s+ago\b"#, "for 3 months"),
      (#"\b(?:unable to|cannot)\b"#, "She can’t sit."),
    ])
  func skipsTextWithoutTheLiterals(pattern: String, text: String) throws {
    let literals = try #require(RequiredLiterals(pattern: pattern))
    #expect(!literals.mayMatch(text))
  }

  @Test(
    "text holding a required literal is searched, in any letter case",
    arguments: [
      (#"\b(?:unable to|cannot)\s+(?:sit|stand)\b"#, "She CANNOT SIT."),
      (#"\b(?:unable to|cannot)\s+(?:sit|stand)\b"#, "unable to stand"),
      (#"(?<![\d/.])(\d{1,2})\s*(?:/|out of)\s*(?:10|ten)"#, "7/10"),
      (#"(?<![\d/.])(\d{1,2})\s*(?:/|out of)\s*(?:10|ten)"#, "7 Out Of ten"),
      (#"\b(\d+)\s*(weeks?|months?)\s+ago\b"#, "3 weeks ago"),
      (#"\bVAS\s*(?:of)?\s*(\d+)"#, "vas 70"),
      (#"xa+b"#, "xaab"),
      (#"\b(?-i:may)\b"#, "MAY"),
      (#"(?:walks\s+with|uses)\s+a\s+cane"#, "She uses a cane."),
      (#"\b(?:pain\s+for|duration:)\s*\d+\s*weeks\b"#, "Duration: 6 weeks"),
    ])
  func searchesTextWithALiteral(pattern: String, text: String) throws {
    let literals = try #require(RequiredLiterals(pattern: pattern))
    #expect(literals.mayMatch(text))
  }

  @Test(
    "text with a character that case folding changes outside ASCII is always searched",
    arguments: [
      (#"\bsignificant\b"#, "no signiﬁcant relief"),
      (#"\bkg\b"#, "70 Kg"),
      (#"\bstrasse\b"#, "Hauptstraße"),
    ])
  func searchesTextThatIsNotASCII(pattern: String, text: String) throws {
    let literals = try #require(RequiredLiterals(pattern: pattern))
    #expect(literals.mayMatch(text))
  }

  @Test(
    "a pattern that can match without a literal, or is not understood, has no requirement",
    arguments: [
      #"\w+"#, #"(?:pain )?\d*"#, #"\b(?:pain|)\s*\s"#, #"[^a-z]+"#, #"[\w.]+"#,
      #"[a-z\s]"#, #"[[a-z]&&[^q]]"#, #"[a-zA-Z0-9_.,;:!?-]"#, #"(?=pain)\w+"#,
      #"\p{L}+ pain"#, #"(?x) pain"#, #"stra(?<name>ße)"#, #"straße|strasse"#,
      #"a\012b"#,
    ])
  func patternsWithoutARequirement(pattern: String) {
    #expect(RequiredLiterals(pattern: pattern) == nil)
  }

  @Test(
    "a digit or a class listing a few characters is required like a literal",
    arguments: [
      (#"\d+"#, "7", "No pain today."),
      (#"(?:pain )?\d+"#, "pain 7", "pain seven"),
      (#"\b[CTLS]\d{1,2}\b"#, "at l4", "at the level"),
      (#"\b[CTLS]\d{1,2}\b"#, "at L4", "on 45"),
      (#"[\d.]+\s*mg"#, ".5 mg", "a few mg"),
      (#"\bx[0-9]"#, "PT x6", "PT x six"),
      (#"[/-]\s*10"#, "7/10", "7 of 10"),
    ])
  func classesAreRequired(pattern: String, searched: String, skipped: String) throws {
    let literals = try #require(RequiredLiterals(pattern: pattern))
    #expect(literals.mayMatch(searched))
    #expect(!literals.mayMatch(skipped))
  }

  @Test(
    "a text with a digit outside ASCII is always searched by a pattern needing a digit",
    arguments: ["pain ٣/١٠", "pain ４/10", "pain ৭ out of 10"])
  func searchesNonASCIIDigits(text: String) throws {
    let literals = try #require(RequiredLiterals(pattern: #"\bpain\s+\d+"#))
    #expect(literals.mayMatch(text))
  }

  @Test("a caseless character outside ASCII is a literal like any other")
  func caselessNonASCIILiteral() throws {
    let literals = try #require(RequiredLiterals(pattern: #"\d\s*×\s*\d"#))
    #expect(!literals.mayMatch("3 x 4"))
    #expect(!literals.mayMatch("3 – 4"))
    #expect(literals.mayMatch("3 × 4"))
  }

  @Test("each branch of the outermost alternation is met on its own")
  func branchesAreMetApart() throws {
    let literals = try #require(
      RequiredLiterals(pattern: #"\bfor\s+(\d+)\s*weeks\b|\b(\d+)\s*months\s+ago\b"#))
    #expect(literals.mayMatch("Pain for 3 weeks."))
    #expect(literals.mayMatch("It began 3 months ago."))
    #expect(!literals.mayMatch("Seen weeks ago."))
  }

  @Test("the filter never skips a sentence the expression matches")
  func neverSkipsAMatch() throws {
    for pattern in Self.filteredPatterns {
      let expression = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
      let literals = try #require(RequiredLiterals(pattern: pattern), "\(pattern)")
      for sentence in Self.sentences {
        let whole = NSRange(location: 0, length: sentence.utf16.count)
        if expression.firstMatch(in: sentence, range: whole) != nil {
          #expect(literals.mayMatch(sentence), "\(pattern) on \(sentence)")
        }
      }
    }
  }

  static let filteredPatterns = [
    #"\b(?:for|x|over|of|past)\s*(?:the\s+)?(\d+|one|two|six)\+?\s*"#
      + #"(weeks?|wks?|months?|mos?)\b(?!\s+ago)"#,
    #"(?<![\d/.])(?!0\d)(\d{1,2}(?:\.\d)?|one|two|seven)\s*(?:/|out of)\s*(?:10|ten)"#,
    #"\b(?:sitting|standing) tolerance|(?:sits|stands) (?:for )?(?:only|about)\s+(?:\d|a )"#,
    #"\b(?:s/p|status post|underwent)\s+(?:\S+\s+){0,3}?(?:MBB|RFA|ESI)\b"#,
    #"\b(?:NRS|pain(?: level| score)?)\s*(?:is|was|:|-)?\s*(\d+)\b"#,
    #"\bHb\s?A1c\s*(?:of|is|=|:)?\s*(\d{1,2}(?:\.\d)?)\s*%?"#,
    #"\b([CTLS])(\d{1,2})(?:\s*(?:-|–|/|to)\s*([CTLS]?)(\d{1,2}))?\b"#,
    #"\b[A-TV-Z]\d{2}\.[0-9A-Z]{1,4}\b"#,
    #"\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b"#,
    #"(?<![\d.])(\d{1,3})\s*(?:%|percent)"#,
    #"[,;]|\.(?!\d)"#,
  ]

  static let sentences = [
    "Low back pain for 6 months, worse with standing.", "Pain 7/10 today.",
    "She rates it seven out of ten.", "Sitting tolerance 20 minutes.",
    "He sits for only 10 minutes.", "S/P L4-5 MBB with 80% relief.",
    "Status post right L5 ESI.", "NRS: 6", "pain score 4", "HbA1c 7.2%", "Hb A1c of 6.1",
    "Follow up in x 2 wks.", "BP 130/80.", "No pain.", "Strength 4/5.",
    "Over the past two months it has worsened.", "PT x 6 weeks.",
    "Disc bulge at L4-5 and l5/s1.", "Dx: M54.5, G89.29.", "Seen 01/12/2026 and 3/4/25.",
    "Relief was 80 percent.", "No relief; none.", "C5 to C6", "t12 compression",
  ]

  @Test("the screen turns away only texts that hold no branch's literals")
  func screenKeepsEveryCandidate() throws {
    let patterns =
      Self.filteredPatterns + [
        #"\b(?:xylophone|jazz)\b|\bquiz\s+(\d+)"#, #"\bp(?:ain|ains)\b|\bache\b"#,
      ]
    let texts =
      Self.sentences + [
        "a quiz of 3", "the jazz band", "ache and pain", "no rare pairs at all here",
      ]
    for pattern in patterns {
      let literals = try #require(RequiredLiterals(pattern: pattern), "\(pattern)")
      let branches = literals.branches.map { $0.literals.map { $0.map { Array($0.utf8) } } }
      let screened = LiteralProgram(branches: branches)
      let unscreened = LiteralProgram(branches: branches, screened: false)
      for text in texts {
        let searchable = SearchableText.of(text)
        let (first, isOnly) = searchable.candidateBranches(screened)
        let expected = searchable.candidateBranches(unscreened)
        #expect(first == expected.first && isOnly == expected.isOnly, "\(pattern) on \(text)")
      }
    }
  }

  @Test(
    "each branch requires its words, classes and digits; of many, the three most selective",
    arguments: [
      (
        #"\b(?:unable to|cannot)\s+(?:sit|stand)\b"#,
        [[["cannot", "unable to"], ["sit", "stand"]]]
      ),
      (
        #"(?<![\d/.])(\d{1,2})\s*(?:/|out of)\s*(?:10|ten)"#,
        [[["/", "out of"], ["10", "ten"], digits]]
      ),
      (#"\b[CTLS]\d{1,2}\b"#, [[["c", "l", "s", "t"], digits]]),
      (#"xa+b"#, [[["xa"], ["b"]]]), (#"x{2,3}?yz"#, [[["x"], ["yz"]]]),
      (#"((a)|b)c|d"#, [[["c"], ["a", "b"]], [["d"]]]),
      (#"(?<=pre)fix|(?<!no)fix"#, [[["fix"]], [["fix"]]]),
      (#"[\]x]y"#, [[["y"], ["]", "x"]]]), (#"[a\-z]q"#, [[["q"], ["-", "a", "z"]]]),
      (#"\d\s*×\s*\d"#, [[["×"], digits, digits]]), (#"é?x"#, [[["x"]]]),
      (#"café|naïve"#, [[["café"]], [["naïve"]]]),
      (#"\bmg/(?:kg|m²)\b"#, [[["mg/"], ["kg", "m²"]]]),
      (#"😀 pain|pain 😀"#, [[["😀 pain"]], [["pain 😀"]]]), (#"\éx"#, [[["x"]]]),
      (#"\bMRI\b|\bCT\b"#, [[["mri"]], [["ct"]]]),
      (
        #"\b(?:one|two|three|four)\s+(?:weeks?|months?)\s+(?:of|with)\s+(?:PT|physical therapy)"#,
        [[["month", "week"], ["of", "with"], ["four", "one", "three", "two"]]]
      ),
    ] as [(String, [[[String]]])])
  func readsTheLiterals(pattern: String, branches: [[[String]]]) throws {
    let literals = try #require(RequiredLiterals(pattern: pattern))
    #expect(literals.branches.map(\.literals) == branches)
  }

  @Test(
    "a branch of plain words requires the word it is, as read character by character",
    arguments: [
      (#"fusion|laminectomy"#, [[["fusion"]], [["laminectomy"]]]),
      (
        #"\b(?:fusion|laminectomy|disc replacement)\b"#,
        [[["disc replacement", "fusion", "laminectomy"]]]
      ),
      (#"(?:fusions?|fusion)"#, [[["fusion"]]]), (#"(?:x|y\.z)"#, [[["x", "y.z"]]]),
      (#"(?:cat|dog)s"#, [[["s"], ["cat", "dog"]]]),
      (#"(?:one|two)+ days"#, [[[" days"], ["one", "two"]]]),
      (#"(?:cafe|café|naïve)"#, [[["cafe", "café", "naïve"]]]), (#"(?:on|)x"#, [[["x"]]]),
      (#"#x|y"#, [[["#x"]], [["y"]]]), (#"(?:ab|cd){2}"#, [[["ab", "cd"]]]),
    ] as [(String, [[[String]]])])
  func readsPlainWordsWhole(pattern: String, branches: [[[String]]]) throws {
    let literals = try #require(RequiredLiterals(pattern: pattern))
    #expect(literals.branches.map(\.literals) == branches)
  }

  @Test(
    "a word named again is the same literal, however many words the pattern names",
    arguments: [3, 40, 300])
  func wordsNamedAgainAreOneLiteral(count: Int) throws {
    // Two letters each, so that the words outnumber the room first made for them.
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    let words = (0..<count).map { String([letters[$0 / 26], letters[$0 % 26]]) }
    let pattern = "(?:" + (words + words.reversed()).joined(separator: "|") + ")"

    let literals = try #require(RequiredLiterals(pattern: pattern))
    #expect(literals.branches.map(\.literals) == [[words.sorted()]])
  }

  @Test(
    "capture groups are counted as ICU numbers them",
    arguments: [
      #"\b(?:unable to|cannot)\s+(?:sit|stand)\b"#,
      #"(?<![\d/.])(\d{1,2})\s*(?:/|out of)\s*(10|ten)"#,
      #"((a)|b)c|(d(e(f)))"#, #"(?<=(x))y|(?=(z))w"#, #"\(x\)(y)"#, #"[()](z)"#, #"[^(](z)"#,
      #"(?i-:(a))|(?-i:(B))"#, #"(?>(a)+)s"#, #"(a)(?:b)(c)?(d)*"#, #"[[(]x](y)"#,
      #"\b(\d+)\s*(weeks?|months?)\s+ago\b"#, #"\bfor\s+(\d+)\s*weeks\b|\b(\d+)\s*months\s+ago\b"#,
    ])
  func countsGroupsAsICU(pattern: String) throws {
    let literals = try #require(RequiredLiterals(pattern: pattern), "\(pattern)")
    let expression = try ICURegularExpression(pattern)
    #expect(literals.groupCount == expression.groupCount, "\(pattern)")
  }

  @Test("the octal escape \\0 is one character, not the digits that follow it")
  func octalEscapeIsNotLiteralDigits() throws {
    let pattern = TextPattern(#"a\012b"#)
    #expect(pattern.occurs(in: "a\nb"))
    #expect(!pattern.occurs(in: "a12b"))
  }
}

private let digits = (0...9).map(String.init)
