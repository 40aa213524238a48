/// Puts a page's words in reading order and writes them out as lines of UTF-16 code units.
///
/// Words are grouped into lines by their vertical centre, and each line is read left to
/// right, so every row of a table (vitals, medication lists, exam grids) stays on one line
/// with its cells separated by two spaces. When the page has a column gutter (see
/// `ColumnGutter`), each stretch of two-column prose is read left column first, then right
/// column; lines that cross the gutter (titles, full-width paragraphs, tables) are read
/// across. A blank line marks a vertical gap of more than a line's height.
///
/// A table row whose cells wrap over several lines is put back together (`WrappedCells`).
/// Known shortcoming: that works only where the row's lines stand closer together than the
/// table's rows; poppler's text layer says nothing of the table's rules, so a table set
/// without padding between rows keeps its wrapped cells' lines as separate lines.
struct ReadingOrder {
  let layer: TextLayer

  /// The page's lines in reading order; an empty line stands for a vertical gap.
  func lines() -> [[UInt16]] {
    let rows = Self.rows(of: Array(layer.words.indices), in: layer)
    let gutter = ColumnGutter.find(in: rows, of: layer)

    var lines: [[UInt16]] = []
    var previous: Box?
    for block in Self.blocks(of: rows, around: gutter, in: layer) {
      for row in WrappedCells.merged(block, in: layer) {
        write(row, into: &lines, after: &previous)
      }
    }
    return lines
  }

  /// Groups words into rows: a word joins a row when its vertical centre lies within half a
  /// line height of the centre of the row's first word. Rows come top to bottom, each row's
  /// words left to right.
  static func rows(of words: [Int], in layer: TextLayer) -> [Row] {
    let byCentre = words.sorted { layer.words[$0].box.centerY < layer.words[$1].box.centerY }
    var rows: [Row] = []
    for index in byCentre {
      let box = layer.words[index].box
      if let last = rows.last,
        abs(box.centerY - last.anchor.centerY)
          <= max(box.height, last.anchor.height) / 2
      {
        rows[rows.count - 1].add(index, box)
      } else {
        rows.append(Row(first: index, box))
      }
    }

    for index in rows.indices {
      rows[index].words.sort { layer.words[$0].box.minX < layer.words[$1].box.minX }
    }
    return rows
  }

  /// The rows in reading order: stretches of two-column prose become the rows of their left
  /// column followed by those of their right column.
  static func blocks(of rows: [Row], around gutter: ColumnGutter?, in layer: TextLayer)
    -> [[Row]]
  {
    guard let gutter else { return [rows] }

    return gutter.stretches(of: rows, in: layer).map { stretch in
      guard stretch.isTwoColumnProse else { return stretch.rows }
      let words = stretch.rows.flatMap(\.words)
      let left = words.filter { layer.words[$0].box.centerX < gutter.middle }
      let right = words.filter { layer.words[$0].box.centerX >= gutter.middle }
      return Self.rows(of: left, in: layer) + Self.rows(of: right, in: layer)
    }
  }

  /// Appends the row as one line, after a blank line when it stands well below the previous.
  private func write(_ row: Row, into lines: inout [[UInt16]], after previous: inout Box?) {
    if let above = previous, row.box.minY - above.maxY > above.height * 0.9 {
      lines.append([])
    }
    previous = row.box

    let boxes = row.words.map { layer.words[$0].box }
    let justified = Self.isJustified(boxes)
    var line: [UInt16] = []
    for (position, index) in row.words.enumerated() {
      let word = layer.words[index]
      if position > 0 {
        let left = boxes[position - 1]
        let separator =
          row.columnStarts.map { $0.contains(position) ? .cellGap : .space }
          ?? Self.separator(from: left, to: word.box, justified: justified)
        switch separator {
        case .none: break
        case .space: line.append(0x20)
        case .cellGap: line.append(contentsOf: [0x20, 0x20])
        }
      }
      line.append(contentsOf: layer.units[word.start..<word.end])
    }
    lines.append(line)
  }

  private enum Separator { case none, space, cellGap }

  /// What stands between two neighbouring words of a row. A gap narrower than any word
  /// space joins them: poppler splits letter-spaced headings ("H I S T O R Y") into letters.
  /// On a justified line every gap is a word space, however wide.
  private static func separator(from left: Box, to right: Box, justified: Bool) -> Separator {
    let gap = right.minX - left.maxX
    let height = max(left.height, right.height)
    if gap < height * 0.15 { return .none }
    return !justified && isCellGap(from: left, to: right) ? .cellGap : .space
  }

  /// Whether a row's words are spread by justification: at least three gaps, all about
  /// equally wide and none as wide as a table's. Table rows have gaps of every width.
  static func isJustified(_ boxes: [Box]) -> Bool {
    let gaps = zip(boxes, boxes.dropFirst()).map { $1.minX - $0.maxX }
    guard gaps.count >= 3, let narrowest = gaps.min(), let widest = gaps.max() else {
      return false
    }
    let height = boxes.map(\.height).max() ?? 0
    return widest <= narrowest * 1.3 + 0.5 && widest < height * 2.5
  }

  /// Whether the horizontal gap between two words on a row is wider than any word space, so
  /// that the words stand in different table cells or columns.
  static func isCellGap(from left: Box, to right: Box) -> Bool {
    right.minX - left.maxX > max(left.height, right.height) * 0.75
  }
}

/// Words at about the same height on a page, left to right.
struct Row {
  /// Indices into the layer's words.
  var words: [Int]
  /// The box of the row's first word, against which others are measured.
  let anchor: Box
  /// The box of all the row's words.
  var box: Box
  /// For a table row put together from wrapped cells (`WrappedCells`), the positions in
  /// `words` where a new cell starts; nil for a row read as it stands.
  var columnStarts: Set<Int>?

  init(first index: Int, _ box: Box) {
    self.words = [index]
    self.anchor = box
    self.box = box
  }

  mutating func add(_ index: Int, _ box: Box) {
    words.append(index)
    self.box = self.box.union(box)
  }
}
