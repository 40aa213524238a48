/// Puts back together a table row whose cells wrap over several lines.
///
/// A row like "Gabapentin | 300 mg | Take one capsule by mouth three times daily with
/// food" comes out of the text layer as several lines, each with the pieces of the cells
/// that reach it. Where such lines stand close together (at a cell's line spacing, not a
/// row's padding apart), their pieces line up in columns that none of them crosses, and at
/// most one line has a piece in every column, the lines are one table row: each column's
/// pieces are read top to bottom, and the columns left to right. Anything else (prose
/// beside a table, single-line rows set without padding) is left as it is.
enum WrappedCells {
  /// The rows, with those that make up one wrapped table row merged into one.
  static func merged(_ rows: [Row], in layer: TextLayer) -> [Row] {
    var result: [Row] = []
    var run: [Row] = []
    for row in rows {
      if let last = run.last, !isTight(last, row) {
        result += merge(run, in: layer).map { [$0] } ?? run
        run = []
      }
      run.append(row)
    }
    result += merge(run, in: layer).map { [$0] } ?? run
    return result
  }

  /// Whether the lower row follows the upper one at a cell's line spacing (not above it, as
  /// the top of a right column follows the bottom of a left one).
  private static func isTight(_ upper: Row, _ lower: Row) -> Bool {
    let gap = lower.box.minY - upper.box.maxY
    let height = max(upper.anchor.height, lower.anchor.height)
    return gap >= -height && gap <= height * 0.35
  }

  /// The run as one table row, or nil when it is not one.
  private static func merge(_ run: [Row], in layer: TextLayer) -> Row? {
    guard run.count >= 2 else { return nil }
    let cells = run.map { self.cells(of: $0, in: layer) }
    let height = run.map(\.anchor.height).max() ?? 0
    let starts = columnStarts(of: cells.joined().map(\.box.minX), within: height / 2)
    guard starts.count >= 2, cells.contains(where: { $0.count >= 2 }) else { return nil }

    var columns = [[Int]](repeating: [], count: starts.count)
    var completeLines = 0
    for line in cells {
      var filled = Set<Int>()
      for cell in line {
        guard let column = starts.lastIndex(where: { $0 <= cell.box.minX }) else { return nil }
        let end = column + 1 < starts.count ? starts[column + 1] : .infinity
        guard cell.box.maxX < end else { return nil }
        columns[column] += cell.words
        filled.insert(column)
      }
      if filled.count == starts.count { completeLines += 1 }
    }
    // Two lines with a piece in every column are two rows of a table set without padding.
    guard completeLines <= 1 else { return nil }
    return Row(cells: columns, in: layer)
  }

  /// Where the columns start: the left edges of the cells, those within `tolerance` of one
  /// another taken as one.
  private static func columnStarts(of edges: [Double], within tolerance: Double) -> [Double] {
    var starts: [Double] = []
    for edge in edges.sorted() where starts.last.map({ edge - $0 > tolerance }) ?? true {
      starts.append(edge)
    }
    return starts.map { $0 - tolerance / 2 }
  }

  /// A row's words cut at its cell gaps (none on a justified line).
  private static func cells(of row: Row, in layer: TextLayer) -> [(words: [Int], box: Box)] {
    let justified = ReadingOrder.isJustified(row.words.map { layer.words[$0].box })
    var cells: [(words: [Int], box: Box)] = []
    for index in row.words {
      let box = layer.words[index].box
      if let last = cells.last, justified || !ReadingOrder.isCellGap(from: last.box, to: box) {
        cells[cells.count - 1].words.append(index)
        cells[cells.count - 1].box = last.box.union(box)
      } else {
        cells.append(([index], box))
      }
    }
    return cells
  }
}

extension Row {
  /// A table row made of `cells`, each the indices of its words in reading order.
  init(cells: [[Int]], in layer: TextLayer) {
    // Every column holds the piece whose left edge started it, so `words` is not empty.
    let words = cells.flatMap { $0 }
    self.init(first: words[0], layer.words[words[0]].box)
    for index in words.dropFirst() { add(index, layer.words[index].box) }

    var start = 0
    columnStarts = []
    for cell in cells.dropLast() {
      start += cell.count
      columnStarts?.insert(start)
    }
  }
}
