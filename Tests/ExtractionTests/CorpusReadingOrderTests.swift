import Extraction
import Foundation
import Model
import Testing

/// Every PDF of the evaluation corpus is rendered from a `<doc>.src.txt` beside it (see
/// `Corpus/README.md`); the extracted text must hold each source line (a heading, a
/// paragraph, a table row) whole and in source order. Words are compared, so line breaks,
/// letter case, punctuation and the two spaces between table cells do not count.
@Suite("Reading order on the evaluation corpus")
struct CorpusReadingOrderTests {
  static let corpus = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Corpus")

  @Test("at least 99% of source lines are read whole and in order")
  func sourceLinesInOrder() async throws {
    let documents = try Self.renderedDocuments()
    #expect(!documents.isEmpty)

    let results = try await withThrowingTaskGroup(of: (String, Int, Int).self) { group in
      for (pdf, source) in documents {
        group.addTask {
          let document = try PDFExtractor().extract(fileAt: pdf)
          let result = Self.compare(Self.sourceLines(of: source), with: document.text)
          return (pdf.lastPathComponent, result.total, result.inOrder)
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }

    let total = results.reduce(0) { $0 + $1.1 }
    let inOrder = results.reduce(0) { $0 + $1.2 }
    let misread = results.filter { $0.2 < $0.1 }.map(\.0)
    #expect(Double(inOrder) >= Double(total) * 0.99, "misread: \(misread)")
  }

  /// Each corpus PDF with the source text it was rendered from.
  static func renderedDocuments() throws -> [(URL, String)] {
    let files = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil)
    return try (files?.allObjects as? [URL] ?? [])
      .filter { $0.pathExtension == "pdf" }
      .sorted { $0.path < $1.path }
      .compactMap { pdf in
        let source = pdf.deletingPathExtension().appendingPathExtension("src.txt")
        guard FileManager.default.fileExists(atPath: source.path) else { return nil }
        return (pdf, try String(contentsOf: source, encoding: .utf8))
      }
  }

  /// The lines a source renders as text: the title, headings, table rows with their cells,
  /// and text lines; not comments, directives, banners and footers, or layout breaks.
  static func sourceLines(of source: String) -> [String] {
    source.split(separator: "\n").compactMap { raw in
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("@title ") { return String(line.dropFirst(7)) }
      if line.hasPrefix("%%") || line.hasPrefix("@") || line == "---page---"
        || line == "~~column~~"
      {
        return nil
      }
      return line.replacingOccurrences(of: "|", with: " ").replacingOccurrences(of: "==", with: " ")
    }
  }

  /// How many of `lines` appear, as word sequences, in `text` one after another.
  static func compare(_ lines: [String], with text: String) -> (total: Int, inOrder: Int) {
    let words = " " + Self.words(of: text).joined(separator: " ") + " "
    var position = words.startIndex
    var result = (total: 0, inOrder: 0)
    for line in lines {
      let needle = Self.words(of: line)
      guard !needle.isEmpty else { continue }
      result.total += 1
      let phrase = " " + needle.joined(separator: " ") + " "
      if let found = words.range(of: phrase, range: position..<words.endIndex) {
        result.inOrder += 1
        position = found.lowerBound
      }
    }
    return result
  }

  /// Lower-cased runs of letters and digits, after NFKC (sources may hold ligatures).
  static func words(of text: String) -> [String] {
    text.precomposedStringWithCompatibilityMapping.lowercased()
      .split { !$0.isLetter && !$0.isNumber }
      .map(String.init)
  }
}
