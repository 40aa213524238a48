/// A rectangle on a page, in points from the top left corner.
struct Box: Equatable {
  var minX: Double
  var minY: Double
  var maxX: Double
  var maxY: Double

  var height: Double { maxY - minY }
  var centerX: Double { (minX + maxX) / 2 }
  var centerY: Double { (minY + maxY) / 2 }

  /// The smallest box holding both.
  func union(_ other: Box) -> Box {
    Box(
      minX: min(minX, other.minX), minY: min(minY, other.minY),
      maxX: max(maxX, other.maxX), maxY: max(maxY, other.maxY))
  }
}

/// One word of a page's text layer: its characters in `TextLayer.units` and where it stands.
struct Word {
  /// The word's UTF-16 code units are `units[start..<end]` of its layer.
  var start: Int
  var end: Int
  var box: Box
}

/// What a page's text layer holds: its words with their positions, before reading order.
///
/// Words are split at every kind of space poppler reports, and characters are normalised as
/// they are read: curly quotes become straight ones, Unicode hyphens and the minus sign become
/// `-`, and zero-width characters are dropped. Ligatures and other compatibility characters
/// are left for NFKC on the finished page (`PageText`).
struct TextLayer {
  var width: Double
  var height: Double
  /// The UTF-16 code units of all words, one after another.
  var units: [UInt16] = []
  var words: [Word] = []
  /// The fraction of the page covered by images; measured only when the page has almost no
  /// text, since poppler renders the page to find its images.
  var imageCoverage = 0.0
  /// How many characters have no readable meaning: the replacement character, private-use
  /// code points and control characters. A font without a Unicode map gives such codes.
  var unreadableCount = 0
  /// The way the page's text runs as displayed, before its boxes were turned upright.
  var direction = TextDirection.leftToRight

  init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  /// Whether most of the page's characters are unreadable codes rather than text.
  var isMostlyUnreadable: Bool {
    unreadableCount * 2 > units.count
  }

  /// Whether the page has so few characters that it is probably an image with a stamp on it.
  var isNearlyEmpty: Bool {
    units.count < Self.fewCharacters
  }

  /// Fewer characters than this on a page covered by an image mean a scan with, at most, a
  /// fax stamp or a page number drawn over it.
  static let fewCharacters = 40

  /// Reads poppler's page text (UTF-8) and its rectangles, one per Unicode scalar.
  ///
  /// When poppler gives no rectangles, or not one per scalar, each line of its text gets
  /// made-up positions in poppler's own order, so the page still reads as poppler read it.
  mutating func read(utf8: UnsafeBufferPointer<UInt8>, boxes: [Box]) {
    direction = TextDirection(of: boxes)
    let upright = direction.upright(boxes)
    let reader = WordReader.read(utf8: utf8, boxes: upright, into: &self)
    guard boxes.isEmpty || !reader.boxesMatch() else { return }

    units = []
    words = []
    WordReader.read(utf8: utf8, boxes: [], into: &self)
  }
}

extension TextLayer {
  /// Adds the values of filled-in form fields as words where their fields stand: a one-line
  /// value level with the middle of its field, so that it joins its label's line. On a
  /// rotated page, whose text boxes were turned but whose field boxes were not, the values
  /// go below all the text instead.
  mutating func add(_ fields: [FormFieldValue]) {
    var below = (words.map(\.box.maxY).max() ?? 0) + 20
    for field in fields {
      let lineCount = field.text.split(separator: "\n", omittingEmptySubsequences: false).count
      let origin: (x: Double, y: Double)
      if direction != .leftToRight {
        origin = (0, below)
        below += Double(lineCount) * 12 + 8
      } else if lineCount == 1 {
        origin = (field.box.minX + 2, field.box.centerY - 5)
      } else {
        origin = (field.box.minX + 2, field.box.minY + 2)
      }
      let boxes = Self.characterBoxes(of: field.text, from: origin)
      Array(field.text.utf8).withUnsafeBufferPointer { utf8 in
        _ = WordReader.read(utf8: utf8, boxes: boxes, into: &self)
      }
    }
  }

  /// Boxes for the characters of `text` set in a 5-point grid, lines 12 points apart.
  private static func characterBoxes(of text: String, from origin: (x: Double, y: Double))
    -> [Box]
  {
    var boxes: [Box] = []
    var line = 0.0
    var column = 0.0
    for scalar in text.unicodeScalars {
      let x = origin.x + column * 5
      let y = origin.y + line * 12
      boxes.append(Box(minX: x, minY: y, maxX: x + 5, maxY: y + 10))
      if scalar == "\n" { (line, column) = (line + 1, 0) } else { column += 1 }
    }
    return boxes
  }
}

/// The way most of a page's text runs on the page as displayed.
///
/// poppler gives rectangles on the page as displayed, so the text of a page with a
/// `/Rotate` entry (a landscape scan turned upright, a note rotated by a fax) runs down or up
/// the page. Turning the rectangles so that the text runs left to right lets reading order
/// treat every page alike.
enum TextDirection {
  case leftToRight, topToBottom, bottomToTop, rightToLeft

  /// The direction most pairs of neighbouring characters step in.
  init(of boxes: [Box]) {
    var votes = [0, 0, 0, 0]
    for (first, second) in zip(boxes, boxes.dropFirst()) {
      let dx = second.centerX - first.centerX
      let dy = second.centerY - first.centerY
      let size = max(first.maxX - first.minX, first.height, 1)
      guard abs(dx) + abs(dy) < size * 3 else { continue }
      if abs(dx) >= abs(dy) { votes[dx >= 0 ? 0 : 3] += 1 } else { votes[dy > 0 ? 1 : 2] += 1 }
    }
    let winner = votes.indices.max { votes[$0] < votes[$1] } ?? 0
    self = [.leftToRight, .topToBottom, .bottomToTop, .rightToLeft][winner]
  }

  /// The boxes turned so that text in this direction runs left to right, lines top to
  /// bottom. Only distances and order matter downstream, so coordinates may go negative.
  func upright(_ boxes: [Box]) -> [Box] {
    switch self {
    case .leftToRight:
      return boxes
    case .topToBottom:
      return boxes.map { Box(minX: $0.minY, minY: -$0.maxX, maxX: $0.maxY, maxY: -$0.minX) }
    case .bottomToTop:
      return boxes.map { Box(minX: -$0.maxY, minY: $0.minX, maxX: -$0.minY, maxY: $0.maxX) }
    case .rightToLeft:
      return boxes.map { Box(minX: -$0.maxX, minY: -$0.maxY, maxX: -$0.minX, maxY: -$0.minY) }
    }
  }
}

/// Splits a stream of scalars and their rectangles into words.
struct WordReader {
  let boxes: [Box]
  var index = 0
  var wordStart: Int?
  var wordBox = Box(minX: 0, minY: 0, maxX: 0, maxY: 0)
  /// The box of the word's last character.
  var lastBox = Box(minX: 0, minY: 0, maxX: 0, maxY: 0)
  var line = 0
  var column = 0
  let usesBoxes: Bool

  init(boxes: [Box]) {
    self.boxes = boxes
    self.usesBoxes = !boxes.isEmpty
  }

  /// Reads all of `utf8` into `layer`'s words; returns the reader to check its boxes.
  @discardableResult
  static func read(
    utf8: UnsafeBufferPointer<UInt8>, boxes: [Box], into layer: inout TextLayer
  ) -> WordReader {
    var reader = WordReader(boxes: boxes)
    var iterator = utf8.makeIterator()
    var decoder = UTF8()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): reader.add(scalar, to: &layer)
      case .error: reader.add("\u{FFFD}", to: &layer)
      case .emptyInput:
        reader.finishWord(in: &layer)
        return reader
      }
    }
  }

  /// Whether there was exactly one rectangle per scalar.
  func boxesMatch() -> Bool { index == boxes.count }

  mutating func add(_ scalar: Unicode.Scalar, to layer: inout TextLayer) {
    let box = nextBox(for: scalar)
    guard let normalized = Self.normalized(scalar) else { return }
    if normalized == " " {
      finishWord(in: &layer)
      return
    }

    if wordStart != nil, startsNewWord(at: box) {
      finishWord(in: &layer)
    }
    if wordStart == nil {
      wordStart = layer.units.count
      wordBox = box
    } else {
      wordBox = wordBox.union(box)
    }
    lastBox = box
    let value = normalized.value
    if Self.isUnreadable(value) { layer.unreadableCount += 1 }
    if value < 0x1_0000 {
      layer.units.append(UInt16(value))
    } else {
      layer.units.append(UInt16(0xD800 + ((value - 0x1_0000) >> 10)))
      layer.units.append(UInt16(0xDC00 + ((value - 0x1_0000) & 0x3FF)))
    }
  }

  mutating func finishWord(in layer: inout TextLayer) {
    guard let start = wordStart else { return }
    layer.words.append(Word(start: start, end: layer.units.count, box: wordBox))
    wordStart = nil
  }

  /// The rectangle of the next scalar, or a made-up one in reading order without layout.
  private mutating func nextBox(for scalar: Unicode.Scalar) -> Box {
    defer { index += 1 }
    if usesBoxes, index < boxes.count { return boxes[index] }
    if scalar == "\n" {
      line += 1
      column = 0
    } else {
      column += 1
    }
    let x = Double(column) * 6
    let y = Double(line) * 14
    return Box(minX: x, minY: y, maxX: x + 5, maxY: y + 10)
  }

  /// A character a space's width or more to the right of the one before it, behind it, or
  /// on another line, starts a new word. poppler's text leaves out some narrow spaces ("2 h"
  /// in a table cell comes as "2h") and, on rotated pages, can run two table cells together.
  private func startsNewWord(at box: Box) -> Bool {
    let height = max(lastBox.height, box.height, 1)
    let farAhead = box.minX - lastBox.maxX > height * 0.2
    let behind = box.minX < lastBox.minX - height / 2
    return farAhead || behind || abs(box.centerY - lastBox.centerY) > height / 2
  }

  private static func isUnreadable(_ value: UInt32) -> Bool {
    switch value {
    case 0x00...0x1F, 0x7F...0x9F, 0xE000...0xF8FF, 0xFFFD, 0xF_0000...0x10_FFFF: return true
    default: return false
    }
  }

  /// The scalar as it should stand in the page text: `" "` for any space or line break,
  /// nil for characters that are dropped.
  static func normalized(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F,
      0x205F, 0x3000:
      return " "
    case 0x200B...0x200D, 0x2060, 0xFEFF: return nil
    case 0x2018, 0x2019, 0x201A, 0x201B: return "'"
    case 0x201C, 0x201D, 0x201E, 0x201F: return "\""
    case 0x2010, 0x2011, 0x2212: return "-"
    default: return scalar
    }
  }
}
