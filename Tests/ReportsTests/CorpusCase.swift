import Extraction
import Foundation
import Model

@testable import Reports

/// A corpus case made into a report as the pipeline would shape it: its PDFs read by the
/// extraction stage, its gold facts, and its gold outcome, with one criterion per gold gap.
///
/// The criteria's words are test data, not the matcher's; each gap criterion cites the first
/// words of every document, once by offsets and once by the words alone, so highlighting is
/// tried on real extracted text both ways.
struct CorpusCase {
  let report: CaseReport
  let documents: [Document]
  let quotes: [Evidence]

  /// The dev case of a determination with the most PDFs (the first by name among equals).
  static func richest(_ status: DeterminationStatus) throws -> CorpusCase? {
    let candidates = try CorpusJSONTests.goldFiles.filter { $0.path.contains("/dev/") }.compactMap {
      file -> (URL, GoldCase, [URL])? in
      let gold = try JSONDecoder().decode(GoldCase.self, from: Data(contentsOf: file))
      guard gold.expected.determination == status else { return nil }
      let folder = file.deletingLastPathComponent()
      let pdfs = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        .filter { $0.hasSuffix(".pdf") }.sorted().map { folder.appending(path: $0) }
      return (folder, gold, pdfs)
    }
    guard let best = candidates.max(by: { $0.2.count < $1.2.count }) else { return nil }
    return try CorpusCase(gold: best.1, pdfs: best.2)
  }

  init(gold: GoldCase, pdfs: [URL]) throws {
    let extractor = PDFExtractor()
    let documents = try pdfs.map { try extractor.extract(fileAt: $0) }
    let quotes = documents.flatMap(Self.openingQuotes)
    self.documents = documents
    self.quotes = quotes

    let expected = gold.expected
    let criteria = expected.gaps.map { family in
      CriterionResult(
        id: "\(expected.guideline).corpus.\(family.rawValue)", guideline: expected.guideline,
        section: "test", description: "The gold file lists \(family.rawValue) as a gap",
        family: family,
        status: expected.determination == .clinicalReview ? .notMet : .notDocumented,
        reason: "The corpus gold file names this gap.",
        providerRequest: "Send what documents \(ReportWording.label(family).lowercased()).",
        evidence: quotes)
    }
    let determination = Determination(
      guideline: expected.guideline, indication: expected.indication ?? "unspecified",
      determination: expected.determination, gaps: expected.gaps, criteria: criteria)
    let summaries = zip(pdfs, documents).map {
      DocumentSummary(name: $0.lastPathComponent, pageCount: $1.pages.count)
    }
    report = CaseReport(
      case: gold.case, noteDate: gold.noteDate, request: gold.request ?? ServiceRequest(),
      documents: summaries, facts: gold.facts.map { Fact($0.detail, evidence: quotes) },
      determinations: [determination])
  }

  /// The first five words of a document, cited with offsets and cited by words alone.
  static func openingQuotes(_ document: Document) -> [Evidence] {
    let words = document.text.split(whereSeparator: \.isWhitespace).prefix(5)
    guard let first = words.first, let last = words.last else { return [] }

    let start = first.startIndex.utf16Offset(in: document.text)
    let end = last.endIndex.utf16Offset(in: document.text)
    let withOffsets = document.evidence(start..<end)
    var wordsOnly = withOffsets
    (wordsOnly.start, wordsOnly.end) = (nil, nil)
    wordsOnly.text += " "
    return [withOffsets, wordsOnly]
  }
}
