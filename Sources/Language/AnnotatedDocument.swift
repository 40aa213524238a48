import Model

/// A document as the Language stage reads it: tokens, sentences, sections, lexicon matches,
/// dates and durations, and the assertion context of any span. One per `Model.Document`.
public final class AnnotatedDocument: Sendable {
  public let document: Document
  public let tokens: [Token]
  public let sentences: [Sentence]
  public let sections: [Section]
  public let dates: [DateMention]
  public let durations: [DurationMention]
  /// The visit's date: the date of service, else the signature date, else a "Date:" label.
  public let dateOfService: ClinicalDate?

  private let matchesByLexicon: [String: [PhraseMatch]]
  private let sentenceOfToken: [Int]
  private let context: ContextAnalyzer

  /// Reads `document` with `lexicons`.
  ///
  /// - Complexity: O(n × k) for n tokens and the longest lexicon phrase of k tokens.
  public init(document: Document, lexicons: Lexicons) {
    self.document = document
    let lines = LineIndex(document.utf16)
    let tokens = Self.tokenize(document.utf16, lines: lines)
    self.tokens = tokens

    let layout = LineLayout(utf16: document.utf16, tokens: tokens, lines: lines)
    let words = lexicons.trie.words(of: tokens)
    let sectionFinder = SectionFinder(
      tokens: tokens, layout: layout,
      headingMatches: lexicons.trie.matches(
        in: tokens, words: words, segments: tokens.map(\.line),
        startingAt: { tokens[$0].isLineStart }, lexicon: StructuralLexicon.sections.rawValue))
    let headings = sectionFinder.headings()
    let sections = sectionFinder.sections(headings, textLength: document.utf16.count)
    self.sections = sections

    let sentenceRanges = SentenceSplitter(
      utf16: document.utf16, tokens: tokens, layout: layout,
      headingLines: Set(headings.map(\.line)),
      headingAloneLines: Set(headings.filter(\.isAlone).map(\.line)),
      abbreviations: lexicons.language.abbreviations
    ).sentenceTokenRanges()
    self.sentences = Self.sentences(sentenceRanges, tokens: tokens, sections: sections)
    let sentenceOfToken = Self.sentenceIndices(sentenceRanges, tokenCount: tokens.count)
    self.sentenceOfToken = sentenceOfToken

    let matches = lexicons.trie.leftmostLongestMatchesByLexicon(
      in: tokens, words: words, segments: sentenceOfToken)
    self.matchesByLexicon = matches

    let scanner = DateScanner(
      text: document.text, utf16: document.utf16, language: lexicons.language,
      patterns: lexicons.patterns)
    let dating = Dating(
      scanner: scanner, cues: matches[StructuralLexicon.dateCues.rawValue] ?? [],
      headerEnd: sections.first { $0.kind != .identification }?.range.lowerBound)
    self.dates = dating.dates
    self.dateOfService = dating.dateOfService
    self.durations = DurationScanner(scanner: scanner).durations()

    self.context = ContextAnalyzer(
      tokens: tokens, sentenceOfToken: sentenceOfToken,
      lexiconMatches: { matches[$0.rawValue] ?? [] },
      yearTriggers: PastYearTriggers(tokens: tokens, dateOfService: dating.dateOfService)
        .triggers())
  }

  /// The leftmost-longest, non-overlapping matches of one lexicon (its file stem), in text
  /// order. Matches never cross a sentence boundary.
  public func matches(in lexicon: String) -> [PhraseMatch] { matchesByLexicon[lexicon] ?? [] }

  /// Every lexicon's matches, by lexicon name.
  public var matchesByLexiconName: [String: [PhraseMatch]] { matchesByLexicon }

  /// The assertion context of the text at `range`: which triggers of its sentence reach it,
  /// and whether its section is Family History.
  public func assertion(for range: Range<Int>) -> Assertion {
    guard let target = tokenRange(overlapping: range) else { return Assertion(triggers: []) }

    let sentence = sentenceOfToken[target.lowerBound]
    var triggers = context.triggers(covering: target, inSentence: sentence)
    if let section = Self.section(at: range.lowerBound, in: sections),
      section.kind == .familyHistory
    {
      triggers.append(
        AssertionTrigger(
          kind: .otherPerson, text: section.heading, range: section.headingRange,
          direction: .forward, source: "section familyHistory"))
    }
    return Assertion(triggers: triggers)
  }

  /// The kind of the section holding `offset`, or `nil` before the first heading.
  public func section(at offset: Int) -> SectionKind? {
    Self.section(at: offset, in: sections)?.kind
  }

  /// The sentence holding `offset` (or the next one, when `offset` falls between two).
  public func sentence(containing offset: Int) -> Sentence? {
    let token = firstToken(endingAfter: offset)
    return token < tokens.count ? sentences[sentenceOfToken[token]] : nil
  }

  /// The indices of the tokens overlapping `range`.
  public func tokenRange(overlapping range: Range<Int>) -> Range<Int>? {
    let first = firstToken(endingAfter: range.lowerBound)
    guard first < tokens.count,
      tokens[first].range.lowerBound < max(range.upperBound, range.lowerBound + 1)
    else { return nil }
    var last = first
    while last + 1 < tokens.count && tokens[last + 1].range.lowerBound < range.upperBound {
      last += 1
    }
    return first..<(last + 1)
  }

  /// The index of the first token ending after `offset` (binary search).
  private func firstToken(endingAfter offset: Int) -> Int {
    var low = 0
    var high = tokens.count
    while low < high {
      let middle = (low + high) / 2
      if tokens[middle].range.upperBound > offset { high = middle } else { low = middle + 1 }
    }
    return low
  }

  private static func sentences(
    _ ranges: [Range<Int>], tokens: [Token], sections: [Section]
  ) -> [Sentence] {
    ranges.map { range in
      let start = tokens[range.lowerBound].range.lowerBound
      let end = tokens[range.upperBound - 1].range.upperBound
      return Sentence(
        range: start..<end, tokenRange: range,
        section: Self.section(at: start, in: sections)?.kind)
    }
  }

  /// The index of the sentence each token stands in.
  private static func sentenceIndices(_ ranges: [Range<Int>], tokenCount: Int) -> [Int] {
    var indices = [Int](repeating: 0, count: tokenCount)
    for (index, range) in ranges.enumerated() {
      for token in range { indices[token] = index }
    }
    return indices
  }

  private static func section(at offset: Int, in sections: [Section]) -> Section? {
    sections.last { $0.range.lowerBound <= offset && offset < $0.range.upperBound }
  }

  private static func tokenize(_ utf16: [UInt16], lines: LineIndex) -> [Token] {
    do {
      return try Tokenizer.tokens(of: utf16, lines: lines)
    } catch {
      // `Lexicons.load` has already run ICU's word break iterator over every lexicon phrase,
      // so the iterator opened there and cannot fail here short of memory exhaustion.
      preconditionFailure(error.description)
    }
  }
}
