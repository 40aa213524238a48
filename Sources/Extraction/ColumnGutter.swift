/// The empty vertical strip between the two columns of a two-column page.
///
/// A gutter is an x-range in the middle of the page that no word of a long vertical run of
/// rows touches, with text on both sides of it in those rows. Tables have such strips too
/// (between their cells); a stretch is read as two columns only when both sides look like
/// prose: lines that reach most of the way across their column and have no cell gaps.
///
/// Known shortcoming: only one gutter is looked for, so a three-column page is read as two
/// columns, one of them holding two; and a full-width table whose cell gap happens to fall
/// on the gutter, right next to a column stretch, is read with that stretch.
struct ColumnGutter: Equatable {
  var minX: Double
  var maxX: Double

  var middle: Double { (minX + maxX) / 2 }

  /// A vertical run of rows that all cross the gutter, or none of which do.
  struct Stretch {
    var rows: [Row]
    var isTwoColumnProse: Bool
  }

  /// The page's gutter, or nil when its text is not laid out in two columns.
  static func find(in rows: [Row], of layer: TextLayer) -> ColumnGutter? {
    guard rows.count >= minimumRows, let extent = Extent(rows) else { return nil }

    let occupancy = Occupancy(rows: rows, layer: layer, extent: extent)
    for candidate in occupancy.candidateGutters(minimumRows: minimumRows) {
      let stretches = candidate.stretches(of: rows, in: layer)
      if stretches.contains(where: \.isTwoColumnProse) { return candidate }
    }
    return nil
  }

  /// Rows of text beside a gutter needed before a page counts as two columns.
  static let minimumRows = 4

  /// The rows cut into vertical runs that cross the gutter or stand beside it, split again
  /// at wide vertical gaps so that a banner above the columns is not read as part of them.
  func stretches(of rows: [Row], in layer: TextLayer) -> [Stretch] {
    let lineHeight = Self.medianHeight(of: rows)
    var stretches: [Stretch] = []
    var current: [Row] = []
    var currentCrosses = false
    for row in rows {
      let crosses = self.crosses(row, in: layer)
      let gap = current.last.map { row.box.minY - $0.box.maxY } ?? 0
      if !current.isEmpty, crosses != currentCrosses || gap > lineHeight * 2 {
        stretches.append(stretch(of: current, crossing: currentCrosses, in: layer))
        current = []
      }
      current.append(row)
      currentCrosses = crosses
    }
    if !current.isEmpty {
      stretches.append(stretch(of: current, crossing: currentCrosses, in: layer))
    }
    return stretches
  }

  private func stretch(of rows: [Row], crossing: Bool, in layer: TextLayer) -> Stretch {
    Stretch(rows: rows, isTwoColumnProse: !crossing && isProse(beside: rows, in: layer))
  }

  /// Whether a word of the row touches the gutter.
  func crosses(_ row: Row, in layer: TextLayer) -> Bool {
    row.words.contains { index in
      let box = layer.words[index].box
      return box.maxX > minX && box.minX < maxX
    }
  }

  /// Whether the text on each side of the gutter reads as prose: at least a few lines,
  /// reaching on the median most of the way to the gutter (left) or the right edge (right),
  /// and hardly any with a cell gap inside.
  private func isProse(beside rows: [Row], in layer: TextLayer) -> Bool {
    guard rows.count >= Self.minimumRows - 1, let extent = Extent(rows) else { return false }

    var leftFill: [Double] = []
    var rightFill: [Double] = []
    var linesWithCells = 0
    for row in rows {
      let left = row.words.filter { layer.words[$0].box.centerX < middle }
      let right = row.words.filter { layer.words[$0].box.centerX >= middle }
      if let end = left.last.map({ layer.words[$0].box.maxX }) {
        leftFill.append((end - extent.minX) / max(1, minX - extent.minX))
      }
      if let end = right.last.map({ layer.words[$0].box.maxX }) {
        rightFill.append((end - maxX) / max(1, extent.maxX - maxX))
      }
      if Self.hasCellGap(left, in: layer) || Self.hasCellGap(right, in: layer) {
        linesWithCells += 1
      }
    }

    guard leftFill.count >= 2, !rightFill.isEmpty else { return false }
    let fewCells = Double(linesWithCells) <= Double(rows.count) * 0.25
    return fewCells && Self.median(leftFill) >= 0.6
      && (rightFill.count < 2 || Self.median(rightFill) >= 0.6)
  }

  private static func hasCellGap(_ words: [Int], in layer: TextLayer) -> Bool {
    zip(words, words.dropFirst()).contains { left, right in
      ReadingOrder.isCellGap(from: layer.words[left].box, to: layer.words[right].box)
    }
  }

  static func medianHeight(of rows: [Row]) -> Double {
    median(rows.map(\.anchor.height))
  }

  static func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return 0 }
    return values.sorted()[values.count / 2]
  }
}

/// The horizontal and vertical reach of a set of rows.
private struct Extent {
  var minX: Double
  var maxX: Double
  var minY: Double
  var maxY: Double

  init?(_ rows: [Row]) {
    guard let first = rows.first else { return nil }
    var box = first.box
    for row in rows.dropFirst() { box = box.union(row.box) }
    (minX, maxX, minY, maxY) = (box.minX, box.maxX, box.minY, box.maxY)
  }

  var width: Double { maxX - minX }
  var height: Double { maxY - minY }
}

/// Which 1-point-wide vertical strips of the page each row's words touch.
private struct Occupancy {
  let rows: [Row]
  let extent: Extent
  let binCount: Int
  /// `touched[row * binCount + bin]`.
  var touched: [Bool]

  init(rows: [Row], layer: TextLayer, extent: Extent) {
    self.rows = rows
    self.extent = extent
    self.binCount = max(1, Int(extent.width.rounded(.up)) + 1)
    self.touched = Array(repeating: false, count: rows.count * binCount)
    for (rowIndex, row) in rows.enumerated() {
      for index in row.words {
        let box = layer.words[index].box
        let first = max(0, Int((box.minX - extent.minX).rounded(.down)))
        let last = min(binCount - 1, Int((box.maxX - extent.minX).rounded(.up)))
        guard first <= last else { continue }
        for bin in first...last { touched[rowIndex * binCount + bin] = true }
      }
    }
  }

  /// Runs of strips in the middle of the page beside which a long vertical run of rows has
  /// text on both sides, widest first.
  func candidateGutters(minimumRows: Int) -> [ColumnGutter] {
    guard extent.width > 100 else { return [] }

    let firstBin = Int(extent.width * 0.2)
    let lastBin = Int(extent.width * 0.8)
    var gutters: [ColumnGutter] = []
    var runStart: Int?
    for bin in firstBin...lastBin + 1 {
      let isCandidate = bin <= lastBin && isEmptyBesideText(bin, minimumRows: minimumRows)
      if isCandidate, runStart == nil { runStart = bin }
      if !isCandidate, let start = runStart {
        if bin - start >= Self.minimumWidth { gutters.append(core(of: start..<bin)) }
        runStart = nil
      }
    }
    return gutters.sorted { $0.maxX - $0.minX > $1.maxX - $1.minX }
  }

  /// The strips of `bins` that the fewest rows touch: a candidate run also takes in the
  /// ragged ends of the column's shorter lines, and a row reaching into those is no
  /// full-width row.
  private func core(of bins: Range<Int>) -> ColumnGutter {
    let counts = bins.map { bin in
      rows.indices.reduce(0) { $0 + (touched[$1 * binCount + bin] ? 1 : 0) }
    }
    let fewest = counts.min() ?? 0
    let first = bins.lowerBound + (counts.firstIndex(of: fewest) ?? 0)
    let last = bins.lowerBound + (counts.lastIndex(of: fewest) ?? 0)
    return ColumnGutter(minX: extent.minX + Double(first), maxX: extent.minX + Double(last))
  }

  /// Gutters narrower than this (points) are word spaces, not gutters.
  static let minimumWidth = 6

  /// Whether some run of consecutive rows leaves the strip empty, has text on both sides of
  /// it in at least three rows each, and spans at least 30% of the text's height.
  private func isEmptyBesideText(_ bin: Int, minimumRows: Int) -> Bool {
    let x = extent.minX + Double(bin)
    var runRows = 0
    var leftRows = 0
    var rightRows = 0
    var runTop = 0.0
    for (rowIndex, row) in rows.enumerated() {
      if touched[rowIndex * binCount + bin] {
        runRows = 0
        leftRows = 0
        rightRows = 0
        continue
      }
      if runRows == 0 { runTop = row.box.minY }
      runRows += 1
      if row.box.minX < x { leftRows += 1 }
      if row.box.maxX > x { rightRows += 1 }
      let tallEnough = row.box.maxY - runTop >= extent.height * 0.3
      if runRows >= minimumRows, leftRows >= 3, rightRows >= 3, tallEnough { return true }
    }
    return false
  }
}
