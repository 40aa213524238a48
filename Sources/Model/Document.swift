/// The text of one PDF as the extraction stage read it: pages in order, with every character
/// offset traceable back to its page.
///
/// Offsets everywhere in PendCheck are UTF-16 code units into `text`, the unit ICU works in.
public struct Document: Sendable {
  /// The file name the document arrived under (`office-note.pdf`), used in every citation.
  public let name: String
  /// The pages, in order; `pages[i].number == i + 1`.
  public let pages: [Page]
  /// All pages' text joined, each page ending with a newline.
  public let text: String
  /// The same text as UTF-16 code units, for offset arithmetic.
  public let utf16: [UInt16]

  public init(name: String, pages: [Page]) {
    self.name = name
    self.pages = pages

    var joined = ""
    var starts: [Int] = []
    var offset = 0
    for page in pages {
      starts.append(offset)
      let pageText = page.text.hasSuffix("\n") ? page.text : page.text + "\n"
      joined += pageText
      offset += pageText.utf16.count
    }
    self.text = joined
    self.utf16 = Array(joined.utf16)
    self.pageStarts = starts
  }

  /// The UTF-16 offset at which each page's text starts in `text`.
  public let pageStarts: [Int]

  /// The 1-based number of the page holding the character at `offset`.
  public func pageNumber(at offset: Int) -> Int {
    var low = 0
    var high = pageStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if pageStarts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    return pages.isEmpty ? 1 : pages[low].number
  }

  /// The text between two UTF-16 offsets, clamped to the document.
  public func substring(_ range: Range<Int>) -> String {
    let lower = max(0, min(range.lowerBound, utf16.count))
    let upper = max(lower, min(range.upperBound, utf16.count))
    return String(utf16Units: utf16[lower..<upper])
  }

  /// Evidence citing the text between two offsets, with its page.
  public func evidence(_ range: Range<Int>, section: String? = nil) -> Evidence {
    let page = pageNumber(at: range.lowerBound)
    let ocr = pages.first { $0.number == page }?.ocrConfidence
    return Evidence(
      document: name, page: page, text: substring(range).collapsingWhitespace,
      start: range.lowerBound, end: range.upperBound, section: section,
      ocrConfidence: ocr)
  }
}

/// One page of a document.
public struct Page: Sendable, Codable {
  /// 1-based page number.
  public let number: Int
  /// The page's text in reading order, repeated headers and footers removed.
  public let text: String
  /// How the page's text was obtained.
  public let source: PageSource
  /// Mean OCR word confidence (0-100) when the page was read by OCR.
  public let ocrConfidence: Double?
  /// Lines recognised as a running header or footer and left out of `text`.
  public let removedBoilerplate: [String]

  public init(
    number: Int, text: String, source: PageSource, ocrConfidence: Double? = nil,
    removedBoilerplate: [String] = []
  ) {
    self.number = number
    self.text = text
    self.source = source
    self.ocrConfidence = ocrConfidence
    self.removedBoilerplate = removedBoilerplate
  }
}

/// Where a page's text came from.
public enum PageSource: String, Sendable, Codable {
  /// The PDF's own text layer.
  case textLayer
  /// No usable text layer: the page is an image and needs OCR, which was not run.
  case needsOCR
  /// Recognised by OCR.
  case ocr
}

extension String {
  /// The string with every run of whitespace (newlines included) folded to one space.
  public var collapsingWhitespace: String {
    if let ascii = asciiCollapsingWhitespace { return ascii }
    var result = ""
    result.reserveCapacity(utf8.count)
    var pendingSpace = false
    for character in self {
      if character.isWhitespace {
        pendingSpace = !result.isEmpty
        continue
      }
      if pendingSpace { result.append(" ") }
      pendingSpace = false
      result.append(character)
    }
    return result
  }

  /// `collapsingWhitespace` of ASCII text, byte by byte (the whitespace characters of ASCII
  /// are tab to carriage return and space); `nil` when the text is not ASCII.
  private var asciiCollapsingWhitespace: String? {
    var isASCII = true
    let result = String(unsafeUninitializedCapacity: utf8.count) { buffer in
      var written = 0
      var pendingSpace = false
      for byte in utf8 {
        guard byte < 0x80 else {
          isASCII = false
          return 0
        }
        if byte == 0x20 || (0x09...0x0D).contains(byte) {
          pendingSpace = written > 0
          continue
        }
        if pendingSpace {
          buffer[written] = 0x20
          written += 1
        }
        pendingSpace = false
        buffer[written] = byte
        written += 1
      }
      return written
    }
    return isASCII ? result : nil
  }
}
