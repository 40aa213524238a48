import Model

/// Finds the words an `Evidence` quotes in its document's text.
///
/// The evidence's own UTF-16 offsets are trusted when they hold the quoted words. Otherwise
/// (no offsets, or offsets from another version of the text) the quote is searched for with
/// whitespace folded, first case-sensitively, then ignoring ASCII case, preferring a match on
/// the page the evidence names.
struct QuoteLocator {
  let document: Document
  /// The folded text to search, made on the first search: evidence whose offsets hold its
  /// words, as the tool's own evidence does, needs none.
  private let folding: LazyFoldedText

  init(document: Document) {
    self.document = document
    folding = LazyFoldedText(document.utf16)
  }

  /// The UTF-16 range of the quoted words in `document.text`, or `nil` when they are not there.
  func range(of evidence: Evidence) -> Range<Int>? {
    let offsets = validOffsets(of: evidence)
    if let offsets, quotes(evidence.text, at: offsets) { return offsets }

    return search(for: evidence.text, preferringPage: evidence.page) ?? offsets
  }

  private func validOffsets(of evidence: Evidence) -> Range<Int>? {
    guard let start = evidence.start, let end = evidence.end,
      start >= 0, start < end, end <= document.utf16.count
    else { return nil }
    return start..<end
  }

  private func quotes(_ quote: String, at range: Range<Int>) -> Bool {
    // Words quoted exactly are quoted whatever their whitespace, and most are.
    if isQuotedExactly(quote, at: range) { return true }
    if let isQuoted = asciiQuotes(quote, at: range) { return isQuoted }

    // Words quoted exactly need no folding to compare.
    if document.utf16[range].elementsEqual(quote.utf16) { return true }
    return document.substring(range).collapsingWhitespace == quote.collapsingWhitespace
  }

  /// Whether the text at `range` is the quote's ASCII words exactly, unit for byte.
  private func isQuotedExactly(_ quote: String, at range: Range<Int>) -> Bool {
    var quote = quote
    return quote.withUTF8 { words in
      guard words.count == range.count else { return false }
      return document.utf16.withUnsafeBufferPointer { text in
        var offset = 0
        while offset < words.count, words[offset] < 0x80,
          text[range.lowerBound + offset] == UInt16(words[offset])
        {
          offset += 1
        }
        return offset == words.count
      }
    }
  }

  /// `quotes(_:at:)` of ASCII words, as nearly all are, compared unit by unit with
  /// whitespace collapsed as they are read, without making a string (words quoted exactly
  /// are equal collapsed too); `nil` when the quote or the text is not all ASCII.
  private func asciiQuotes(_ quote: String, at range: Range<Int>) -> Bool? {
    var quote = quote
    return quote.withUTF8 { words in
      document.utf16.withUnsafeBufferPointer { text in
        let quoted = UnsafeBufferPointer(rebasing: text[range])
        guard !words.contains(where: { $0 >= 0x80 }), !quoted.contains(where: { $0 >= 0x80 })
        else { return nil }

        var wordsRead = CollapsedASCII(words)
        var quotedRead = CollapsedASCII(quoted)
        while true {
          let byte = wordsRead.next()
          guard byte == quotedRead.next() else { return false }
          if byte == nil { return true }
        }
      }
    }
  }

  private func search(for quote: String, preferringPage page: Int) -> Range<Int>? {
    let needle = Array(quote.collapsingWhitespace.utf16)
    guard !needle.isEmpty else { return nil }

    let folded = folding.text
    for caseFolding in [false, true] {
      let starts = matchStarts(of: needle, in: folded.units, caseFolding: caseFolding)
      let ranges = starts.map { folded.origin[$0]..<(folded.origin[$0 + needle.count - 1] + 1) }
      if let onPage = ranges.first(where: { document.pageNumber(at: $0.lowerBound) == page }) {
        return onPage
      }
      if let first = ranges.first { return first }
    }
    return nil
  }

  /// Where `needle` starts in the folded text: a plain scan, which is fast enough for
  /// clinical notes of a few pages (tens of thousands of units) and a few hundred quotes.
  private func matchStarts(of needle: [UInt16], in folded: [UInt16], caseFolding: Bool)
    -> [Int]
  {
    guard needle.count <= folded.count else { return [] }

    let pattern = caseFolding ? needle.map(Self.asciiLowercased) : needle
    var starts: [Int] = []
    for start in 0...(folded.count - pattern.count) {
      var offset = 0
      while offset < pattern.count {
        let unit = folded[start + offset]
        guard (caseFolding ? Self.asciiLowercased(unit) : unit) == pattern[offset] else { break }
        offset += 1
      }
      if offset == pattern.count { starts.append(start) }
    }
    return starts
  }

  private static func asciiLowercased(_ unit: UInt16) -> UInt16 {
    (0x41...0x5A).contains(unit) ? unit + 0x20 : unit
  }
}

/// ASCII code units read as `collapsingWhitespace` collapses ASCII text: each run of tab to
/// carriage return and space one space, none at either end.
private struct CollapsedASCII<Unit: FixedWidthInteger> {
  private let units: UnsafeBufferPointer<Unit>
  private var offset = 0
  private var isStarted = false

  init(_ units: UnsafeBufferPointer<Unit>) { self.units = units }

  /// The next byte of the collapsed text, `nil` at its end.
  mutating func next() -> UInt8? {
    var isAfterSpace = false
    while offset < units.count {
      let byte = UInt8(truncatingIfNeeded: units[offset])
      if byte == 0x20 || (0x09...0x0D).contains(byte) {
        isAfterSpace = true
        offset += 1
        continue
      }
      // The space between two words; the word's byte is read next time.
      if isAfterSpace && isStarted { return 0x20 }

      isStarted = true
      offset += 1
      return byte
    }
    return nil
  }
}

/// A document's UTF-16 text with every whitespace run folded to one space.
private struct FoldedText {
  private(set) var units: [UInt16] = []
  /// For each unit of `units`, its offset in the document's `utf16`.
  private(set) var origin: [Int] = []

  init(_ utf16: [UInt16]) {
    units.reserveCapacity(utf16.count)
    origin.reserveCapacity(utf16.count)
    for (offset, unit) in utf16.enumerated() {
      if Self.isWhitespace(unit) {
        if units.last == Self.space { continue }
        units.append(Self.space)
      } else {
        units.append(unit)
      }
      origin.append(offset)
    }
  }

  private static let space = UInt16(0x20)

  private static func isWhitespace(_ unit: UInt16) -> Bool {
    unit == 0x20 || (0x09...0x0D).contains(unit) || unit == 0xA0 || unit == 0x2028
  }
}

/// A `FoldedText` made when first asked for, shared by the copies of a `QuoteLocator`.
private final class LazyFoldedText {
  private let utf16: [UInt16]
  private(set) lazy var text = FoldedText(utf16)

  init(_ utf16: [UInt16]) { self.utf16 = utf16 }
}
