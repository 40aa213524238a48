/// The empty vertical strip between the two columns of a two-column page.
///
/// A gutter is a narrow x-range in the middle of the page that no word of several
/// consecutive rows touches, with text on both sides of it. Tables have such strips too
/// (between their cells), so a stretch of rows is read as two columns only when both sides
/// look like prose: lines of several words, without cell gaps, reaching most of the way
/// across their column.
///
/// Known shortcomings: only one gutter is looked for, so a three-column page is read as two
/// columns, one of them holding two; a table inside one column is read across the page,
/// row by row, together with the other column's lines beside it; and a narrow sidebar of
/// short lines (contact details, labels) beside a main column fails the prose test and is
/// read across, row by row, like a label-and-value table.
struct ColumnGutter: Equatable {
  var minX: Double
  var maxX: Double

  var middle: Double { (minX + maxX) / 2 }

  /// Consecutive rows of one kind, read together.
  struct Stretch {
    var rows: [Row]
    var isTwoColumnProse: Bool
  }

  /// Consecutive rows with text on both sides of a strip needed to call it a gutter.
  static let minimumRows = 4

  /// The page's gutter, or nil when its text is not laid out in two columns.
  static func find(in rows: [Row], of layer: TextLayer) -> ColumnGutter? {
    // A page wider than any paper (glyphs placed far off the page) is not searched: its
    // strips would cost memory for nothing.
    guard rows.count >= minimumRows, let extent = Extent(rows), extent.width > 100,
      extent.width < 5000
    else { return nil }

    let occupancy = Occupancy(rows: rows, layer: layer, extent: extent)
    for candidate in occupancy.candidateGutters(windowRows: minimumRows).prefix(3) {
      let stretches = candidate.stretches(of: rows, in: layer)
      if stretches.contains(where: \.isTwoColumnProse) { return candidate }
    }
    return nil
  }

  /// The rows cut into stretches that cross the gutter or stand beside it, split again at
  /// wide vertical gaps so that a banner above the columns is not read as part of them.
  func stretches(of rows: [Row], in layer: TextLayer) -> [Stretch] {
    let lineHeight = Self.median(rows.map(\.anchor.height))
    var stretches: [Stretch] = []
    var current: [Row] = []
    var currentCrosses = false
    for row in rows {
      let crosses = self.crosses(row, in: layer)
      let gap = current.last.map { row.box.minY - $0.box.maxY } ?? 0
      if !current.isEmpty, crosses != currentCrosses || gap > lineHeight * 2 {
        stretches +=
          currentCrosses
          ? [Stretch(rows: current, isTwoColumnProse: false)]
          : self.stretches(beside: current, in: layer)
        current = []
      }
      current.append(row)
      currentCrosses = crosses
    }
    if !current.isEmpty {
      stretches +=
        currentCrosses
        ? [Stretch(rows: current, isTwoColumnProse: false)]
        : self.stretches(beside: current, in: layer)
    }
    return stretches
  }

  /// Rows beside the gutter as stretches: the columns, if they read as prose, with any
  /// table rows just above or below them (a full-width table whose cell gap falls on the
  /// gutter) and any heading below them set apart, to be read across.
  private func stretches(beside rows: [Row], in layer: TextLayer) -> [Stretch] {
    var first = rows.startIndex
    var last = rows.endIndex
    while first < last, isTableRowAcross(rows[first], in: layer) { first += 1 }
    while last > first, isTableRowAcross(rows[last - 1], in: layer) { last -= 1 }
    let core = Array(rows[first..<last])
    guard isProse(beside: core, in: layer) else {
      return [Stretch(rows: rows, isTwoColumnProse: false)]
    }

    let end = columnsEnd(in: core, in: layer)
    let pieces = [
      Stretch(rows: Array(rows[..<first]), isTwoColumnProse: false),
      Stretch(rows: Array(core[..<end]), isTwoColumnProse: true),
      Stretch(rows: Array(core[end...]) + Array(rows[last...]), isTwoColumnProse: false),
    ]
    return pieces.filter { !$0.rows.isEmpty }
  }

  /// Whether a row beside the gutter is a row of a table spanning it rather than a line of
  /// each column: it has a cell gap, and its right side is a cell too (a cell gap, or fewer
  /// than three words). A table inside the left column has a prose line beside its rows.
  private func isTableRowAcross(_ row: Row, in layer: TextLayer) -> Bool {
    let (left, right) = sides(of: row, in: layer)
    let rightIsCell = right.count < 3 || Self.hasCellGap(right, in: layer)
    return rightIsCell && (Self.hasCellGap(left, in: layer) || Self.hasCellGap(right, in: layer))
  }

  /// Where the columns of a stretch end. Balanced columns (as a browser lays them out) end
  /// together, and what stands below both on the left (a heading, a narrow table or
  /// paragraph), set off by a paragraph's gap within two lines of the right column's end,
  /// is not part of the left column. When the left column runs on below a shorter right
  /// column, its lines still wrap at the column's measure, and it is kept whole.
  private func columnsEnd(in rows: [Row], in layer: TextLayer) -> Int {
    let hasRight = rows.map { !sides(of: $0, in: layer).right.isEmpty }
    guard let lastRight = hasRight.lastIndex(of: true) else { return rows.count }

    let lineHeight = Self.median(rows.map(\.anchor.height))
    let candidates = (lastRight + 1)..<min(rows.count, lastRight + 3)
    let gapped = candidates.first { rows[$0].box.minY - rows[$0 - 1].box.maxY > lineHeight * 0.8 }
    guard let start = gapped, let extent = Extent(rows) else { return rows.count }

    let proseEnds = { (rows: ArraySlice<Row>) in
      rows.compactMap { row -> Double? in
        let left = self.sides(of: row, in: layer).left
        guard !Self.hasCellGap(left, in: layer) else { return nil }
        return left.last.map { layer.words[$0].box.maxX }
      }
    }
    let measure = Self.percentile90(proseEnds(rows[..<start]))
    let slack = (measure - extent.minX) * 0.1
    let wrapsAtMeasure = proseEnds(rows[start...]).contains { $0 >= measure - slack }
    return wrapsAtMeasure ? rows.count : start
  }

  /// Whether a word of the row touches the gutter.
  private func crosses(_ row: Row, in layer: TextLayer) -> Bool {
    row.words.contains { index in
      let box = layer.words[index].box
      return box.maxX > minX && box.minX < maxX
    }
  }

  /// The row's words left and right of the gutter.
  func sides(of row: Row, in layer: TextLayer) -> (left: [Int], right: [Int]) {
    let left = row.words.filter { layer.words[$0].box.centerX < middle }
    let right = row.words.filter { layer.words[$0].box.centerX >= middle }
    return (left, right)
  }

  /// Whether the lines beside the gutter read as prose, not as table cells: on the median,
  /// left lines hold at least four words and reach at least 40% of the way to the gutter
  /// (reports have many headings and short lines), and right lines hold at least three
  /// words (a right column has more headings and short last lines than a left one, so only
  /// their words are counted). Rows with a cell gap (a small table inside a column) are
  /// left out of the medians but may be at most half the rows. Label and value tables fail
  /// on their short labels, tables with long first cells on their short last ones.
  private func isProse(beside rows: [Row], in layer: TextLayer) -> Bool {
    guard rows.count >= Self.minimumRows - 1, let extent = Extent(rows) else { return false }

    var leftFill: [Double] = []
    var leftWords: [Double] = []
    var rightWords: [Double] = []
    var rowsWithCells = 0
    for row in rows {
      let (left, right) = sides(of: row, in: layer)
      if Self.hasCellGap(left, in: layer) || Self.hasCellGap(right, in: layer) {
        rowsWithCells += 1
        continue
      }
      if let end = left.last.map({ layer.words[$0].box.maxX }) {
        leftFill.append((end - extent.minX) / max(1, minX - extent.minX))
        leftWords.append(Double(left.count))
      }
      if !right.isEmpty { rightWords.append(Double(right.count)) }
    }

    guard leftFill.count >= 2, !rightWords.isEmpty, rowsWithCells * 2 <= rows.count else {
      return false
    }
    let leftIsProse = Self.median(leftFill) >= 0.4 && Self.median(leftWords) >= 4
    return leftIsProse && (rightWords.count < 2 || Self.median(rightWords) >= 3)
  }

  /// Whether one side of a row has a table cell gap: a wide gap on a line that is not
  /// justified (a justified column's word spaces can be as wide).
  private static func hasCellGap(_ words: [Int], in layer: TextLayer) -> Bool {
    let boxes = words.map { layer.words[$0].box }
    guard !ReadingOrder.isJustified(boxes) else { return false }
    return zip(boxes, boxes.dropFirst()).contains { ReadingOrder.isCellGap(from: $0, to: $1) }
  }

  static func percentile90(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return 0 }
    return values.sorted()[values.count * 9 / 10]
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

  init?(_ rows: [Row]) {
    guard let first = rows.first else { return nil }
    var box = first.box
    for row in rows.dropFirst() { box = box.union(row.box) }
    (minX, maxX) = (box.minX, box.maxX)
  }

  var width: Double { maxX - minX }
}

/// Which 1-point-wide vertical strips of the page each row's words touch.
private struct Occupancy {
  let rows: [Row]
  let extent: Extent
  let binCount: Int
  /// `touched[row * binCount + bin]`; bin `b` is the strip `extent.minX + b ..< + 1`.
  var touched: [Bool]

  init(rows: [Row], layer: TextLayer, extent: Extent) {
    self.rows = rows
    self.extent = extent
    self.binCount = Int(extent.width.rounded(.up)) + 1
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

  /// Gutters narrower than this (points) are word spaces.
  static let minimumWidth = 8

  /// Gutters wider than this (points) are gaps between table cells: 48 points, or a tenth
  /// of the text's width on a wide page.
  var maximumWidth: Int { max(48, Int(extent.width / 10)) }

  /// Strips that several windows of `windowRows` consecutive rows leave empty, the strips
  /// most windows agree on first. Each candidate is the part of the strip common to all
  /// the windows that agree on it, which leaves out the ragged ends of short lines.
  func candidateGutters(windowRows: Int) -> [ColumnGutter] {
    var clusters: [(strip: Range<Int>, support: Int)] = []
    for start in 0...(rows.count - windowRows) {
      guard let strip = widestGutter(in: start..<(start + windowRows)) else { continue }
      if let index = clusters.firstIndex(where: { Self.overlap($0.strip, strip) }) {
        let common =
          max(
            clusters[index].strip.lowerBound, strip.lowerBound)..<min(
            clusters[index].strip.upperBound, strip.upperBound)
        clusters[index] = (common, clusters[index].support + 1)
      } else {
        clusters.append((strip, 1))
      }
    }

    return clusters.sorted { $0.support > $1.support }.map { cluster in
      ColumnGutter(
        minX: extent.minX + Double(cluster.strip.lowerBound),
        maxX: extent.minX + Double(cluster.strip.upperBound))
    }
  }

  private static func overlap(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
    min(a.upperBound, b.upperBound) - max(a.lowerBound, b.lowerBound) >= minimumWidth
  }

  /// The widest strip in the middle 60% of the text that no word of the window's rows
  /// touches, with text on its left in half the rows and on its right in half the rows (the
  /// columns' lines need not share baselines), and narrower than a column gap gets: wider
  /// strips are the gaps between the cells of a table.
  private func widestGutter(in window: Range<Int>) -> Range<Int>? {
    let firstBin = Int(extent.width * 0.2)
    let lastBin = Int(extent.width * 0.8)
    var best: Range<Int>?
    var runStart: Int?
    for bin in firstBin...(lastBin + 1) {
      let isEmpty = bin <= lastBin && !window.contains { touched[$0 * binCount + bin] }
      if isEmpty, runStart == nil { runStart = bin }
      guard !isEmpty, let start = runStart else { continue }
      runStart = nil

      let strip = start..<bin
      guard strip.count >= Self.minimumWidth, strip.count <= maximumWidth,
        strip.count > best?.count ?? 0
      else { continue }
      let left = extent.minX + Double(start)
      let right = extent.minX + Double(bin)
      let leftRows = window.filter { rows[$0].box.minX < left }.count
      let rightRows = window.filter { rows[$0].box.maxX > right }.count
      if leftRows * 2 >= window.count, rightRows * 2 >= window.count { best = strip }
    }
    return best
  }
}
