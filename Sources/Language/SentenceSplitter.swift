import ICUShim

/// Finds sentences: ICU's sentence iterator over the text with wrapped lines joined, less
/// the breaks it makes after abbreviations, plus the breaks the layout makes (headings,
/// list items, "Label:" fields, short template lines).
struct SentenceSplitter {
  let utf16: [UInt16]
  let tokens: [Token]
  let layout: LineLayout
  /// Lines holding a section heading: a sentence starts with each.
  let headingLines: Set<Int>
  /// Lines holding nothing but a section heading: a sentence ends with each.
  let headingAloneLines: Set<Int>
  let abbreviations: [String: Bool]

  /// The sentences as token index ranges, in order.
  func sentenceTokenRanges() -> [Range<Int>] {
    guard !tokens.isEmpty else { return [] }

    var starts = [0]
    starts += icuSentenceStarts().filter { !followsAbbreviation($0) }
    starts += layoutSentenceStarts()
    starts.sort()

    // Each start once: the two kinds of break often agree.
    var ordered: [Int] = []
    ordered.reserveCapacity(starts.count)
    for start in starts where start != ordered.last { ordered.append(start) }
    return zip(ordered, ordered.dropFirst() + [tokens.count]).map { $0..<$1 }
  }

  /// Token indices where ICU starts a sentence, with single line breaks read as spaces
  /// (a PDF's lines wrap mid-sentence); blank lines stay paragraph breaks.
  private func icuSentenceStarts() -> [Int] {
    var joined = utf16
    joined.withUnsafeMutableBufferPointer { joined in
      utf16.withUnsafeBufferPointer { utf16 in
        for offset in utf16.indices where utf16[offset] == 0x0A || utf16[offset] == 0x0D {
          let next = offset + 1 < utf16.count ? utf16[offset + 1] : 0x0A
          let previous = offset > 0 ? utf16[offset - 1] : 0x0A
          if next != 0x0A && previous != 0x0A { joined[offset] = 0x20 }
        }
      }
    }
    guard let boundaries = try? ICU.boundaries(PCBreakSentence, in: joined) else { return [] }

    var starts: [Int] = []
    var cursor = 0
    for boundary in boundaries.dropFirst().dropLast() {
      while cursor < tokens.count && tokens[cursor].range.lowerBound < boundary.offset {
        cursor += 1
      }
      if cursor < tokens.count { starts.append(cursor) }
    }
    return starts
  }

  /// Whether the token before `start` is the period of an abbreviation that never ends a
  /// sentence ("Dr.", "vs.", "e.g."), of an initial ("J. Doe") or of a list number opening
  /// its line ("1. Lumbar stenosis"), written without a space before it.
  private func followsAbbreviation(_ start: Int) -> Bool {
    // No character but "." itself equals this one-byte text.
    guard start >= 2, tokens[start - 1].oneByte == UInt8(ascii: ".") else { return false }
    let word = tokens[start - 2]
    guard word.range.upperBound == tokens[start - 1].range.lowerBound else { return false }
    let isInitial = word.isOneCharacter && word.isCapitalized
    let isListNumber = word.isLineStart && word.kind == .number && word.text.count <= 2
    return isInitial || isListNumber || abbreviations[word.normalized] == false
  }

  /// Token indices where the layout starts a sentence at a line start.
  private func layoutSentenceStarts() -> [Int] {
    let wrapWidth = layout.wrapWidth()
    var starts: [Int] = []
    var previous: Int?
    for line in layout.lines.indices where !layout.isBlank(line) {
      if let previous, layoutBreaks(after: previous, before: line, wrapWidth: wrapWidth) {
        starts.append(layout.lines[line].tokenRange.lowerBound)
      }
      previous = line
    }
    return starts
  }

  private func layoutBreaks(after line: Int, before next: Int, wrapWidth: Int) -> Bool {
    if next > line + 1 { return true }
    if headingAloneLines.contains(line) || headingLines.contains(next) { return true }
    if layout.startsListItem(next) || layout.labelColon(next) != nil { return true }
    if layout.endsMidClause(line) || layout.startsLowercase(next) { return false }
    return layout.lineEndsByChoice(line, before: next, wrapWidth: wrapWidth)
  }
}
