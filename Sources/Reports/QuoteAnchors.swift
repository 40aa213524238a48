import Model

/// A highlighted stretch of a document's text in the appendix, which evidence links point to.
struct HighlightedQuote: Equatable {
  /// The element id the evidence links use.
  var anchor: String
  /// UTF-16 offsets into the document's text.
  var range: Range<Int>
}

/// Where an evidence quote links to in the appendix.
enum QuoteTarget: Equatable {
  /// The quoted words, highlighted.
  case quote(anchor: String)
  /// The page the evidence names; its words were not found in the extracted text.
  case page(anchor: String)
  /// Nothing: the document's text is not part of the report.
  case unavailable
}

/// Resolves every evidence of a report to a place in the appendix and collects the quotes to
/// highlight there.
///
/// Quotes that overlap in one document are merged into one highlight, because `<mark>`
/// elements cannot overlap; every evidence inside the merged stretch links to it.
struct QuoteAnchors {
  private(set) var highlights: [[HighlightedQuote]]
  /// Where each evidence links to, filed by its place: finding one then hashes three
  /// numbers, where hashing an `Evidence` reads every byte of its quote and of its document's
  /// name.
  private var targets: [EvidencePlace: [(evidence: Evidence, target: QuoteTarget)]] = [:]

  /// The fields of an evidence that tell most evidence apart and are quick to hash: two
  /// quotes at one place of one page are rare, and the evidence filed there is compared whole.
  private struct EvidencePlace: Hashable {
    var page: Int
    var start: Int?
    var end: Int?

    init(_ evidence: Evidence) {
      (page, start, end) = (evidence.page, evidence.start, evidence.end)
    }
  }

  init(evidence: [Evidence], documents: [Document]) {
    // Evidence names its document by file name; the first document of a name is the one cited.
    var index: [String: Int] = [:]
    for (position, document) in documents.enumerated() where index[document.name] == nil {
      index[document.name] = position
    }
    highlights = Array(repeating: [], count: documents.count)
    targets.reserveCapacity(evidence.count)

    let locators = documents.map(QuoteLocator.init)
    var located: [Int: [(Evidence, Range<Int>)]] = [:]
    for item in Self.distinct(evidence) {
      guard let position = index[item.document] else {
        setTarget(.unavailable, for: item)
        continue
      }
      if let range = locators[position].range(of: item) {
        located[position, default: []].append((item, range))
      } else {
        setTarget(Self.pageTarget(item, in: documents[position], position: position), for: item)
      }
    }
    for (position, items) in located { merge(items, inDocument: position) }
  }

  /// `evidence` with each evidence once, the first of equals kept.
  private static func distinct(_ evidence: [Evidence]) -> [Evidence] {
    guard evidence.count > linearSearchLimit else { return linearlyDistinct(evidence) }

    // Filed by place, so that finding the evidence seen at a place hashes three numbers,
    // not every byte of a quote.
    var seen: [EvidencePlace: [Evidence]] = [:]
    seen.reserveCapacity(evidence.count)
    return evidence.filter { item in
      // The evidence of a place is found once, whether this one is new there or not.
      file(item, ifNewIn: &seen[EvidencePlace(item), default: []])
    }
  }

  /// The most evidence `distinct(_:)` compares with those kept rather than files by place: a
  /// report cites a few dozen, most of them repeats of a dozen or so, and comparing places
  /// costs less than hashing them.
  private static var linearSearchLimit: Int { 96 }

  private static func linearlyDistinct(_ evidence: [Evidence]) -> [Evidence] {
    var kept: [Evidence] = []
    for item in evidence
    where !kept.contains(where: {
      $0.page == item.page && $0.start == item.start && $0.end == item.end && $0 == item
    }) {
      kept.append(item)
    }
    return kept
  }

  /// Appends `item` to `filed` and returns `true`, unless `filed` holds an equal evidence.
  private static func file(_ item: Evidence, ifNewIn filed: inout [Evidence]) -> Bool {
    guard !filed.contains(item) else { return false }

    filed.append(item)
    return true
  }

  /// Where an evidence links to.
  func target(for evidence: Evidence) -> QuoteTarget {
    targets[EvidencePlace(evidence)]?.first { $0.evidence == evidence }?.target ?? .unavailable
  }

  private mutating func setTarget(_ target: QuoteTarget, for evidence: Evidence) {
    // Changed where it is filed, found once and not copied.
    Self.file(target, for: evidence, in: &targets[EvidencePlace(evidence), default: []])
  }

  private static func file(
    _ target: QuoteTarget, for evidence: Evidence,
    in filed: inout [(evidence: Evidence, target: QuoteTarget)]
  ) {
    filed.removeAll { $0.evidence == evidence }
    filed.append((evidence, target))
  }

  /// The element id of a document's section in the appendix.
  static func documentAnchor(_ position: Int) -> String { "doc-\(position + 1)" }

  /// The element id of a page in the appendix.
  static func pageAnchor(document position: Int, page: Int) -> String {
    "doc-\(position + 1)-page-\(page)"
  }

  /// The element id of a document's highlighted quote, both counted from zero:
  /// "doc-2-quote-3".
  static func quoteAnchor(document position: Int, _ quote: Int) -> String {
    "doc-\(position + 1)-quote-\(quote + 1)"
  }

  private static func pageTarget(_ evidence: Evidence, in document: Document, position: Int)
    -> QuoteTarget
  {
    guard document.pages.contains(where: { $0.number == evidence.page }) else {
      return .page(anchor: documentAnchor(position))
    }
    return .page(anchor: pageAnchor(document: position, page: evidence.page))
  }

  private mutating func merge(_ items: [(Evidence, Range<Int>)], inDocument position: Int) {
    let sorted = items.sorted {
      ($0.1.lowerBound, $0.1.upperBound) < ($1.1.lowerBound, $1.1.upperBound)
    }

    var merged: [HighlightedQuote] = []
    for (evidence, range) in sorted {
      if let last = merged.last, range.lowerBound < last.range.upperBound {
        let upper = max(last.range.upperBound, range.upperBound)
        merged[merged.count - 1].range = last.range.lowerBound..<upper
      } else {
        merged.append(
          HighlightedQuote(anchor: Self.quoteAnchor(document: position, merged.count), range: range)
        )
      }
      setTarget(.quote(anchor: merged[merged.count - 1].anchor), for: evidence)
    }
    highlights[position] = merged
  }
}
