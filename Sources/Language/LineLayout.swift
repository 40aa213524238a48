/// The lines of a document with the layout facts that sentence and section finding use:
/// which tokens stand on each line, whether it opens a list item or a "Label:" field.
struct LineLayout {
  struct Line {
    /// UTF-16 offsets of the line, newline excluded.
    let range: Range<Int>
    /// Indices of the line's tokens.
    let tokenRange: Range<Int>
    /// The number of characters from the first token to the last.
    let width: Int
  }

  let lines: [Line]
  private let tokens: [Token]

  init(utf16: [UInt16], tokens: [Token]) {
    self.init(utf16: utf16, tokens: tokens, lines: LineIndex(utf16))
  }

  /// The layout of `utf16`, whose lines `index` found.
  init(utf16: [UInt16], tokens: [Token], lines index: LineIndex) {
    var lines: [Line] = []
    var cursor = 0
    for (number, start) in index.starts.enumerated() {
      let end = number + 1 < index.starts.count ? index.starts[number + 1] - 1 : utf16.count
      let first = cursor
      while cursor < tokens.count && tokens[cursor].line == number { cursor += 1 }
      let width =
        first < cursor
        ? tokens[cursor - 1].range.upperBound
          - tokens[first].range.lowerBound : 0
      lines.append(Line(range: start..<max(start, end), tokenRange: first..<cursor, width: width))
    }
    self.lines = lines
    self.tokens = tokens
  }

  func isBlank(_ line: Int) -> Bool { lines[line].tokenRange.isEmpty }

  /// Whether the line opens a bulleted or numbered list item ("- ", "• ", "1.", "2)").
  func startsListItem(_ line: Int) -> Bool {
    let range = lines[line].tokenRange
    guard let first = range.first else { return false }

    if isBullet(tokens[first]) { return true }
    guard tokens[first].kind == .number, tokens[first].text.count <= 2, range.count > 2 else {
      return false
    }
    let mark = tokens[first + 1]
    // No character but "." and ")" themselves equals these one-byte texts.
    return (mark.oneByte == UInt8(ascii: ".") || mark.oneByte == UInt8(ascii: ")"))
      && mark.range.lowerBound == tokens[first].range.upperBound
      && tokens[first + 2].kind == .word
  }

  /// The index of the colon ending a "Label:" field at the line's start (up to five words,
  /// the first capitalised), or `nil`.
  func labelColon(_ line: Int) -> Int? {
    let range = lines[line].tokenRange
    guard let first = range.first, tokens[first].kind == .word, tokens[first].isCapitalized
    else { return nil }

    var words = 0
    for index in range {
      let token = tokens[index]
      // No character but ":", "." and "," themselves equals these one-byte texts.
      let mark = token.oneByte
      if mark == UInt8(ascii: ":") { return words > 0 ? index : nil }
      if token.kind == .word || token.kind == .number { words += 1 }
      if words > 5 || mark == UInt8(ascii: ".") || mark == UInt8(ascii: ",") { return nil }
    }
    return nil
  }

  /// Whether a token is one of `bullets`; of one byte, only "-" and "*" are.
  private func isBullet(_ token: Token) -> Bool {
    if let mark = token.oneByte { return mark == UInt8(ascii: "-") || mark == UInt8(ascii: "*") }
    return Self.bullets.contains(token.text)
  }

  /// Whether the line's last token asks for more: a comma, a conjunction, a preposition.
  func endsMidClause(_ line: Int) -> Bool {
    guard let last = lines[line].tokenRange.last else { return false }
    return Self.continuations.contains(tokens[last].normalized)
  }

  /// Whether the line's first word starts with a lower-case letter.
  func startsLowercase(_ line: Int) -> Bool {
    guard let first = lines[line].tokenRange.first else { return false }
    return tokens[first].startsLowercase
  }

  /// The width (in characters) at which the document's prose wraps.
  ///
  /// Where the text shows at least three lines that certainly wrapped (the next line goes
  /// on in lower case), their median width: that is how wide a column of this document is,
  /// narrow columns included. Otherwise the 90th-percentile line width, and at least 70
  /// characters, the narrowest a letter-size page wraps at.
  func wrapWidth() -> Int {
    let wrapped = lines.indices.dropLast().filter { line in
      !isBlank(line) && !isBlank(line + 1) && startsLowercase(line + 1)
    }.map { lines[$0].width }.sorted()
    if wrapped.count >= 3 { return wrapped[wrapped.count / 2] }

    let widths = lines.map(\.width).filter { $0 > 0 }.sorted()
    guard !widths.isEmpty else { return 70 }
    return max(70, widths[min(widths.count - 1, widths.count * 9 / 10)])
  }

  /// Whether the first word of `next` would have fitted at the end of `line`, so that the
  /// line ended by choice (a template line, a table row) and not because it was full.
  ///
  /// Widths are counted in characters while PDF fonts are proportional, so a line counts as
  /// full from 85% of `wrapWidth` on.
  ///
  /// Known shortcoming: a centred title that wraps ("… Pre-Implant Psychological" /
  /// "Evaluation") has short lines and becomes two sentences; the text layer keeps no
  /// alignment to tell it from two template lines.
  func lineEndsByChoice(_ line: Int, before next: Int, wrapWidth: Int) -> Bool {
    guard let first = lines[next].tokenRange.first else { return true }
    let nextWord = tokens[first].text.count
    return (lines[line].width + 1 + nextWord) * 100 < wrapWidth * 85
  }

  private static let bullets: Set<String> = ["-", "•", "*", "·", "▪", "◦", "‣", "○", "■", "□"]
  private static let continuations: Set<String> = [
    ",", "and", "or", "of", "the", "to", "with", "for", "in", "a", "an", "at", "on", "by",
    "from", "as", "that", "which", "but", "is", "was", "are", "were", "has", "had", "than",
    "into", "per", "her", "his", "their", "nor", "&", "-", "/",
  ]
}
