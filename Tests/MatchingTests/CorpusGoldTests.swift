import Foundation
import Guidelines
import Matching
import Model
import Testing

/// The engine alone on the corpus: each case's gold facts and request, evaluated against the
/// standard guidelines, should give the gold determination. Detector errors play no part.
struct CorpusGoldTests {
  /// The package's `Corpus` folder, found from this file's place in `Tests/MatchingTests`.
  static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Corpus")

  struct Outcome {
    let name: String
    let expected: ExpectedOutcome
    let determination: Determination?
  }

  static func outcomes() throws -> [Outcome] {
    var outcomes: [Outcome] = []
    for split in ["dev", "test"] {
      let folder = corpus.appendingPathComponent(split)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      for name in names.sorted() {
        let file = folder.appendingPathComponent(name).appendingPathComponent("gold.json")
        guard let data = try? Data(contentsOf: file) else { continue }
        let gold = try JSONDecoder().decode(GoldCase.self, from: data)
        // facts-v1 gold carries no planned guidance: whether the documents state it is what
        // gold's gaps say (an imagingGuidance gap where they do not).
        var request = gold.request ?? ServiceRequest()
        if !gold.expected.gaps.contains(.imagingGuidance) { request.guidance = .fluoroscopy }
        let facts = CaseFacts(facts: gold.facts, request: request, noteDate: gold.noteDate)
        let determinations = (try? GuidelineMatcher().evaluate(facts)) ?? []
        outcomes.append(
          Outcome(
            name: "\(split)/\(name)", expected: gold.expected,
            determination: determinations.first { $0.guideline == gold.expected.guideline }))
      }
    }
    return outcomes
  }

  @Test("Gold facts give the gold determination for at least 95% of corpus cases")
  func goldFactsGiveGoldDeterminations() throws {
    let outcomes = try Self.outcomes()
    try #require(!outcomes.isEmpty, "no gold files under \(Self.corpus.path)")
    let right = outcomes.filter { $0.determination?.determination == $0.expected.determination }
    let accuracy = Double(right.count) / Double(outcomes.count)
    let wrong = outcomes.filter { $0.determination?.determination != $0.expected.determination }
      .map { "\($0.name): \($0.determination?.determination.rawValue ?? "none")" }
    #expect(accuracy >= 0.95, "accuracy \(accuracy); wrong: \(wrong)")
  }
}
