import Model

extension HTMLReport {
  func writeReadingNotesSection(to page: inout HTMLPage) {
    let notes = report.documents.flatMap(readingNotes)
    page.append("<section id=\"reading-notes\">\n<h2>How the documents were read</h2>\n")
    if notes.isEmpty {
      page.append("<p>No documents were read.</p>")
    } else {
      page.append("<ul class=\"notes\">\n")
      page.append(notes, separator: "\n") { note, page in page.append("<li>\(note)</li>") }
      page.append("\n</ul>")
    }
    page.append("\n</section>")
  }

  /// The notes on one document, as HTML list items' contents.
  func readingNotes(_ summary: DocumentSummary) -> [HTMLMarkup] {
    let name: HTMLMarkup = "<span class=\"label\">\(text: summary.name)</span>"
    if let failure = summary.failure {
      return ["\(name) could not be read: \(text: failure). Nothing in it was reviewed."]
    }

    var notes: [HTMLMarkup] = []
    if !summary.pagesNeedingOCR.isEmpty {
      let pages = pageList(summary.pagesNeedingOCR)
      let held =
        summary.pagesNeedingOCR.count == 1 ? "it; whatever it holds" : "them; whatever they hold"
      notes.append(
        """
        \(name), \(markup: pages): no text layer, and OCR did not read \(markup: held) \
        is missing from this review.
        """)
    }
    for page in summary.ocrPages.sorted(by: { $0.page < $1.page }) {
      let confidence = ReportWording.number(page.meanConfidence.rounded())
      let note: HTMLMarkup =
        if let warning = page.warning { "\(name): \(text: warning)." } else {
          "\(name), page \(page.page): read by OCR (\(markup: confidence)% mean confidence)."
        }
      notes.append(note)
    }
    if notes.isEmpty {
      notes.append("\(name): \(markup: pageCount(summary.pageCount)), read from the PDF's text.")
    }
    return notes
  }

  func pageList(_ pages: [Int]) -> String {
    let sorted = pages.sorted().map(String.init)
    return sorted.count == 1 ? "page \(sorted[0])" : "pages \(sorted.joined(separator: ", "))"
  }

  func pageCount(_ count: Int) -> String { count == 1 ? "1 page" : "\(count) pages" }

  func writeAppendixSection(to page: inout HTMLPage) {
    page.append(
      """
      <section id="appendix">
      <h2>Appendix: extracted text</h2>
      <p class="muted">The text PendCheck read from each document. Highlighted words are the \
      quotes cited above.</p>

      """)
    if documents.isEmpty { page.append("<p>No document text is included.</p>") }
    page.append(documents.enumerated(), separator: "\n") { numbered, page in
      writeDocumentAppendix(numbered.element, position: numbered.offset, to: &page)
    }
    page.append("\n</section>")
  }

  func writeDocumentAppendix(_ document: Document, position: Int, to page: inout HTMLPage) {
    page.append(
      """
      <section class="document" id="\(markup: QuoteAnchors.documentAnchor(position))">
      <h3>\(text: document.name) <a class="back" href="#gaps">back to the gaps</a></h3>

      """)

    let highlights = anchors.highlights[position]
    page.append(document.pages.indices, separator: "\n") { index, page in
      writePageAppendix(
        document, pageIndex: index, position: position, highlights: highlights, to: &page)
    }
    page.append("\n</section>")
  }

  func writePageAppendix(
    _ document: Document, pageIndex: Int, position: Int, highlights: [HighlightedQuote],
    to page: inout HTMLPage
  ) {
    let documentPage = document.pages[pageIndex]
    let start = document.pageStarts[pageIndex]
    let end =
      pageIndex + 1 < document.pageStarts.count
      ? document.pageStarts[pageIndex + 1] : document.utf16.count
    let anchor = QuoteAnchors.pageAnchor(document: position, page: documentPage.number)
    page.append(
      """
      <p class="page-heading" id="\(markup: anchor)">\(text: document.name), \
      page \(documentPage.number)\(markup: pageSourceNote(documentPage))</p>
      <pre class="page-text">
      """)

    writeHighlightedText(document, range: start..<end, highlights: highlights, to: &page)
    page.append("</pre>")
  }

  func pageSourceNote(_ page: Page) -> String {
    switch page.source {
    case .textLayer: ""
    case .needsOCR: " (no text layer; not read)"
    case .ocr:
      page.ocrConfidence.map { " (read by OCR, \(ReportWording.number($0.rounded()))% confidence)" }
        ?? " (read by OCR)"
    }
  }

  /// The escaped text of a range with each highlight inside it wrapped in `<mark>`.
  ///
  /// A highlight that runs on from an earlier page is marked again here, without its id, which
  /// stays on the page where the quote starts.
  func writeHighlightedText(
    _ document: Document, range: Range<Int>, highlights: [HighlightedQuote],
    to page: inout HTMLPage
  ) {
    var cursor = range.lowerBound
    for highlight in highlights where highlight.range.overlaps(range) {
      let lower = max(highlight.range.lowerBound, range.lowerBound)
      let upper = min(highlight.range.upperBound, range.upperBound)

      writeText(of: document, cursor..<lower, to: &page)
      if highlight.range.lowerBound >= range.lowerBound {
        page.append("<mark id=\"")
        page.append(markup: highlight.anchor)
        page.append("\">")
      } else {
        page.append("<mark>")
      }
      writeText(of: document, lower..<upper, to: &page)
      page.append("</mark>")
      cursor = upper
    }
    writeText(of: document, cursor..<range.upperBound, to: &page)
  }

  /// The text between two offsets of a document, escaped: `Document.substring`'s text,
  /// which an ASCII stretch, as most are, is escaped without.
  func writeText(of document: Document, _ range: Range<Int>, to page: inout HTMLPage) {
    let lower = max(0, min(range.lowerBound, document.utf16.count))
    let upper = max(lower, min(range.upperBound, document.utf16.count))
    let isWritten = document.utf16.withUnsafeBufferPointer { units in
      page.append(asciiText: UnsafeBufferPointer(rebasing: units[lower..<upper]))
    }
    if !isWritten { page.append(text: document.substring(range)) }
  }
}
