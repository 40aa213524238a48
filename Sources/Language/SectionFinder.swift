/// Finds section headings by layout and colon: a heading phrase from `sections.txt` that is
/// alone on its line (in any case, with or without a colon, perhaps with a parenthesis after
/// it) or that opens its line and is followed by a colon ("Exam: normal gait").
struct SectionFinder {
  let tokens: [Token]
  let layout: LineLayout
  /// Matches of the sections lexicon, not crossing lines.
  let headingMatches: [PhraseMatch]

  /// A heading found on a line.
  struct Heading {
    let line: Int
    let kind: SectionKind
    let tokenRange: Range<Int>
    /// Whether nothing but punctuation follows the heading on its line.
    let isAlone: Bool
  }

  func headings() -> [Heading] {
    let byStart = Dictionary(grouping: headingMatches, by: \.tokenRange.lowerBound)
    return layout.lines.indices.compactMap { line in
      heading(on: line, matchesByStart: byStart)
    }
  }

  /// Sections from the headings, each running to the next heading or the end of the text.
  func sections(_ headings: [Heading], textLength: Int) -> [Section] {
    headings.enumerated().map { index, heading in
      let start = layout.lines[heading.line].range.lowerBound
      let end =
        index + 1 < headings.count
        ? layout.lines[headings[index + 1].line].range.lowerBound : textLength
      let first = tokens[heading.tokenRange.lowerBound]
      let last = tokens[heading.tokenRange.upperBound - 1]
      let headingRange = first.range.lowerBound..<last.range.upperBound
      return Section(
        kind: heading.kind, heading: tokens[heading.tokenRange].writtenText, range: start..<end,
        headingRange: headingRange)
    }
  }

  private func heading(on line: Int, matchesByStart: [Int: [PhraseMatch]]) -> Heading? {
    let range = layout.lines[line].tokenRange
    guard let first = range.first, let candidates = matchesByStart[first] else { return nil }

    let colon = range.first { tokens[$0].text == ":" }
    let labelEnd = colon ?? trimmedEnd(of: range)
    let qualified = candidates.first { isQualified($0, lineEnd: colon ?? range.upperBound) }
    guard
      let match = candidates.first(where: { $0.tokenRange.upperBound == labelEnd }) ?? qualified,
      let kind = SectionKind(rawValue: match.entry.concept)
    else { return nil }
    let rest = match.tokenRange.upperBound..<range.upperBound
    return Heading(
      line: line, kind: kind, tokenRange: match.tokenRange,
      isAlone: rest.allSatisfy { tokens[$0].kind == .punctuation })
  }

  /// Whether a heading is followed only by a parenthesis closing at the label's end:
  /// "IMAGING (MRI 01/2026)", "EPIDURAL HISTORY (cervical region):".
  private func isQualified(_ match: PhraseMatch, lineEnd: Int) -> Bool {
    let next = match.tokenRange.upperBound
    return next < lineEnd && tokens[next].text == "(" && tokens[lineEnd - 1].text == ")"
  }

  /// The end of a line's tokens without trailing punctuation ("PLAN." → "PLAN").
  private func trimmedEnd(of range: Range<Int>) -> Int {
    var end = range.upperBound
    while end > range.lowerBound + 1 && tokens[end - 1].kind == .punctuation { end -= 1 }
    return end
  }
}

extension Collection<Token> {
  /// The tokens' texts joined with one space wherever the document had space between them.
  var writtenText: String {
    var result = ""
    var previousEnd: Int?
    for token in self {
      if let previousEnd, previousEnd < token.range.lowerBound { result += " " }
      result += token.text
      previousEnd = token.range.upperBound
    }
    return result
  }
}
