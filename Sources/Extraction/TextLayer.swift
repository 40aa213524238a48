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

  init(width: Double, height: Double) {
    self.width = width
    self.height = height
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
    let reader = WordReader.read(utf8: utf8, boxes: boxes, into: &self)
    guard boxes.isEmpty || !reader.boxesMatch() else { return }

    units = []
    words = []
    WordReader.read(utf8: utf8, boxes: [], into: &self)
  }
}

/// Splits a stream of scalars and their rectangles into words.
struct WordReader {
  let boxes: [Box]
  var index = 0
  var wordStart: Int?
  var wordBox = Box(minX: 0, minY: 0, maxX: 0, maxY: 0)
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
    let value = normalized.value
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

  /// A character far to the right of the word so far, or on another line, starts a new word:
  /// poppler sometimes runs table cells together.
  private func startsNewWord(at box: Box) -> Bool {
    let height = max(wordBox.height, box.height, 1)
    return box.minX - wordBox.maxX > height || abs(box.centerY - wordBox.centerY) > height / 2
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
