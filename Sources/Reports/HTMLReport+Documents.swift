import Model

extension HTMLReport {
  var readingNotesSection: String {
    let notes = report.documents.flatMap(readingNotes)
    let list = notes.map { "<li>\($0)</li>" }.joined(separator: "\n")
    return """
      <section id="reading-notes">
      <h2>How the documents were read</h2>
      \(notes.isEmpty ? "<p>No documents were read.</p>" : "<ul class=\"notes\">\n\(list)\n</ul>")
      </section>
      """
  }

  /// The notes on one document, as HTML list items' contents.
  func readingNotes(_ summary: DocumentSummary) -> [String] {
    let name = "<span class=\"label\">\(summary.name.htmlEscaped)</span>"
    if let failure = summary.failure {
      return ["\(name) could not be read: \(failure.htmlEscaped). Nothing in it was reviewed."]
    }

    var notes: [String] = []
    if !summary.pagesNeedingOCR.isEmpty {
      let single = summary.pagesNeedingOCR.count == 1
      notes.append(
        "\(name), \(pageList(summary.pagesNeedingOCR)): no text layer, and OCR did not read "
          + (single ? "it; whatever it holds" : "them; whatever they hold")
          + " is missing from this review.")
    }
    for page in summary.ocrPages.sorted(by: { $0.page < $1.page }) {
      let confidence = "\(ReportWording.number(page.meanConfidence.rounded()))%"
      notes.append(
        page.warning.map { "\(name): \($0.htmlEscaped)." }
          ?? "\(name), page \(page.page): read by OCR (\(confidence) mean confidence).")
    }
    if notes.isEmpty {
      notes.append("\(name): \(pageCount(summary.pageCount)), read from the PDF's text.")
    }
    return notes
  }

  func pageList(_ pages: [Int]) -> String {
    let sorted = pages.sorted().map(String.init)
    return sorted.count == 1 ? "page \(sorted[0])" : "pages \(sorted.joined(separator: ", "))"
  }

  func pageCount(_ count: Int) -> String { count == 1 ? "1 page" : "\(count) pages" }

  var appendixSection: String {
    let parts = documents.enumerated().map { documentAppendix($1, position: $0) }
    return """
      <section id="appendix">
      <h2>Appendix: extracted text</h2>
      <p class="muted">The text PendCheck read from each document. Highlighted words are the \
      quotes cited above.</p>
      \(parts.isEmpty ? "<p>No document text is included.</p>" : parts.joined(separator: "\n"))
      </section>
      """
  }

  func documentAppendix(_ document: Document, position: Int) -> String {
    let highlights = anchors.highlights[position]
    let pages = document.pages.indices.map { index in
      pageAppendix(document, pageIndex: index, position: position, highlights: highlights)
    }
    return """
      <section class="document" id="\(QuoteAnchors.documentAnchor(position))">
      <h3>\(document.name.htmlEscaped) <a class="back" href="#gaps">back to the gaps</a></h3>
      \(pages.joined(separator: "\n"))
      </section>
      """
  }

  func pageAppendix(
    _ document: Document, pageIndex: Int, position: Int, highlights: [HighlightedQuote]
  ) -> String {
    let page = document.pages[pageIndex]
    let start = document.pageStarts[pageIndex]
    let end =
      pageIndex + 1 < document.pageStarts.count
      ? document.pageStarts[pageIndex + 1] : document.utf16.count
    let anchor = QuoteAnchors.pageAnchor(document: position, page: page.number)
    let text = highlightedText(document, range: start..<end, highlights: highlights)
    return """
      <p class="page-heading" id="\(anchor)">\(document.name.htmlEscaped), page \(page.number)\
      \(pageSourceNote(page))</p>
      <pre class="page-text">\(text)</pre>
      """
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
  func highlightedText(
    _ document: Document, range: Range<Int>, highlights: [HighlightedQuote]
  ) -> String {
    var html = ""
    var cursor = range.lowerBound
    for highlight in highlights where highlight.range.overlaps(range) {
      let lower = max(highlight.range.lowerBound, range.lowerBound)
      let upper = min(highlight.range.upperBound, range.upperBound)
      let id = highlight.range.lowerBound >= range.lowerBound ? " id=\"\(highlight.anchor)\"" : ""

      html += document.substring(cursor..<lower).htmlEscaped
      html += "<mark\(id)>\(document.substring(lower..<upper).htmlEscaped)</mark>"
      cursor = upper
    }
    html += document.substring(cursor..<range.upperBound).htmlEscaped
    return html
  }
}
