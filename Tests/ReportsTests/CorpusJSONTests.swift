import Foundation
import Model
import Testing

@testable import Reports

/// The JSON report of every corpus case, built from its gold file, keeps each contract field
/// under its contract name with its value, and holds only fields the README documents.
@Suite struct CorpusJSONTests {
  static let goldFiles: [URL] = {
    let corpus = ReportPaths.repository.appending(path: "Corpus")
    let cases = ["dev", "test"].flatMap { split in
      let folder = corpus.appending(path: split)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      return names.sorted().map { folder.appending(path: $0).appending(path: "gold.json") }
    }
    return cases.filter { FileManager.default.fileExists(atPath: $0.path) }
  }()

  /// The report the tool would write for a case whose outcome is exactly the gold one.
  static func report(from gold: GoldCase) -> CaseReport {
    let expected = gold.expected
    let determination = Determination(
      guideline: expected.guideline, indication: expected.indication ?? "unspecified",
      determination: expected.determination, gaps: expected.gaps, criteria: [])
    return CaseReport(
      case: gold.case, noteDate: gold.noteDate, request: gold.request ?? ServiceRequest(),
      documents: [], facts: gold.facts, determinations: [determination])
  }

  static func jsonObject(_ data: Data) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test func theCorpusHasCasesOfEveryDetermination() throws {
    let statuses = try Self.goldFiles.map {
      try JSONDecoder().decode(GoldCase.self, from: Data(contentsOf: $0)).expected.determination
    }

    #expect(Set(statuses) == Set(DeterminationStatus.allCases))
  }

  @Test func everyGoldFactKeepsItsFieldsAndValuesInTheReport() throws {
    let readme = try String(contentsOf: ReportPaths.readme, encoding: .utf8)
    for file in Self.goldFiles {
      let data = try Data(contentsOf: file)
      let gold = try JSONDecoder().decode(GoldCase.self, from: data)
      let written = try Self.jsonObject(JSONReport.encode(Self.report(from: gold)))
      let goldFacts = try #require(try Self.jsonObject(data)["facts"] as? [[String: Any]])
      let writtenFacts = try #require(written["facts"] as? [[String: Any]])

      #expect(written["schemaVersion"] as? String == CaseReport.currentSchemaVersion)
      #expect(goldFacts.count == writtenFacts.count)
      for (goldFact, writtenFact) in zip(goldFacts, writtenFacts) {
        for (key, value) in goldFact where key != "evidence" {
          let same = (writtenFact[key] as? NSObject)?.isEqual(value) ?? false
          #expect(same, "\(gold.case): \(goldFact["type"] ?? "?").\(key) changed")
        }
      }
      let undocumented = JSONReportTests.keys(in: written).filter { !readme.contains("`\($0)`") }
      #expect(undocumented.isEmpty, "\(gold.case): undocumented \(undocumented.sorted())")
    }
  }
}
