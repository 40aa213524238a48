import Model

extension HTMLReport {
  var readingNotesSection: HTMLMarkup {
    let notes = report.documents.flatMap(readingNotes)
    let list: HTMLMarkup =
      notes.isEmpty
      ? "<p>No documents were read.</p>"
      : "<ul class=\"notes\">\n\(notes.map(listItem).joined(separator: "\n"))\n</ul>"
    return """
      <section id="reading-notes">
      <h2>How the documents were read</h2>
      \(list)
      </section>
      """
  }

  func listItem(_ contents: HTMLMarkup) -> HTMLMarkup { "<li>\(contents)</li>" }

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

  var appendixSection: HTMLMarkup {
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

  func documentAppendix(_ document: Document, position: Int) -> HTMLMarkup {
    let highlights = anchors.highlights[position]
    let pages = document.pages.indices.map { index in
      pageAppendix(document, pageIndex: index, position: position, highlights: highlights)
    }
    return """
      <section class="document" id="\(markup: QuoteAnchors.documentAnchor(position))">
      <h3>\(text: document.name) <a class="back" href="#gaps">back to the gaps</a></h3>
      \(pages.joined(separator: "\n"))
      </section>
      """
  }

  func pageAppendix(
    _ document: Document, pageIndex: Int, position: Int, highlights: [HighlightedQuote]
  ) -> HTMLMarkup {
    let page = document.pages[pageIndex]
    let start = document.pageStarts[pageIndex]
    let end =
      pageIndex + 1 < document.pageStarts.count
      ? document.pageStarts[pageIndex + 1] : document.utf16.count
    let anchor = QuoteAnchors.pageAnchor(document: position, page: page.number)
    let text = highlightedText(document, range: start..<end, highlights: highlights)
    return """
      <p class="page-heading" id="\(markup: anchor)">\(text: document.name), page \(page.number)\
      \(markup: pageSourceNote(page))</p>
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
  ) -> HTMLMarkup {
    var html: HTMLMarkup = ""
    var cursor = range.lowerBound
    for highlight in highlights where highlight.range.overlaps(range) {
      let lower = max(highlight.range.lowerBound, range.lowerBound)
      let upper = min(highlight.range.upperBound, range.upperBound)
      let id: HTMLMarkup =
        highlight.range.lowerBound >= range.lowerBound ? " id=\"\(markup: highlight.anchor)\"" : ""

      html.append(text: document.substring(cursor..<lower))
      html += "<mark\(id)>\(text: document.substring(lower..<upper))</mark>"
      cursor = upper
    }
    html.append(text: document.substring(cursor..<range.upperBound))
    return html
  }
}
