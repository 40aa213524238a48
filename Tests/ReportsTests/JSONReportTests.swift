import Foundation
import Model
import Testing

@testable import Reports

@Suite struct JSONReportTests {
  func object(_ report: CaseReport) throws -> [String: Any] {
    let json = try JSONSerialization.jsonObject(with: try JSONReport.encode(report))
    return try #require(json as? [String: Any])
  }

  @Test(arguments: DeterminationStatus.allCases)
  func theReportHasTheContractLayoutAndASchemaVersion(_ status: DeterminationStatus) throws {
    let json = try object(ReportFixtures.report(status))

    #expect(json["schemaVersion"] as? String == CaseReport.currentSchemaVersion)
    #expect(json["case"] is String)
    #expect(json["request"] is [String: Any])
    let facts = try #require(json["facts"] as? [[String: Any]])
    let determinations = try #require(json["determinations"] as? [[String: Any]])
    for fact in facts {
      #expect(fact["type"] is String)
      let evidence = try #require(fact["evidence"] as? [[String: Any]])
      #expect(!evidence.isEmpty)
      for quote in evidence {
        #expect(quote["document"] is String && quote["page"] is Int && quote["text"] is String)
      }
    }
    for determination in determinations {
      for key in ["guideline", "indication", "determination", "gaps", "criteria"] {
        #expect(determination[key] != nil, "determination lacks \(key)")
      }
      #expect(determination["determination"] as? String == status.rawValue)
    }
  }

  @Test func keysAreSortedSoTheOutputIsStable() throws {
    let text = String(decoding: try JSONReport.encode(ReportFixtures.pend), as: UTF8.self)
    let topLevel = HTMLInspection.captures(#"\n  "([A-Za-z]+)" :"#, in: text)

    #expect(topLevel == topLevel.sorted())
    #expect(topLevel.contains("schemaVersion"))
    #expect(try JSONReport.encode(ReportFixtures.pend) == JSONReport.encode(ReportFixtures.pend))
  }

  @Test func contractValuesAreSpelledAsTheContractSpellsThem() throws {
    let text = String(decoding: try JSONReport.encode(ReportFixtures.pend), as: UTF8.self)

    #expect(text.contains(#""noteDate" : "2026-03-14""#))
    #expect(text.contains(#""value" : 7"#))
    #expect(
      text.contains(#""gaps" : [\#n        "provocationTests",\#n        "conservativeCare""#))
    #expect(text.contains(#""document" : "pt-discharge.pdf""#))
  }

  @Test func theReportReadsBackAsTheSameReport() throws {
    let data = try JSONReport.encode(ReportFixtures.pend)
    let decoded = try JSONDecoder().decode(CaseReport.self, from: data)

    #expect(try JSONReport.encode(decoded) == data)
  }

  @Test func theReadmeDocumentsEveryFieldTheReportCanHold() throws {
    let readme = try String(contentsOf: ReportPaths.readme, encoding: .utf8)
    let keys = Self.keys(
      in: try JSONSerialization.jsonObject(with: JSONReport.encode(EveryField.report)))

    let undocumented = keys.filter { !readme.contains("`\($0)`") }.sorted()
    #expect(undocumented.isEmpty, "README.md does not document \(undocumented)")
  }

  @Test func theEveryFieldFixtureHasEveryFactType() {
    let types = Set(EveryField.report.facts.map(\.type))

    #expect(types == Set(FactType.allCases))
  }

  /// The facts-v1 key and detail fields of each fact type, as the contract's table lists them.
  static let contractFields: [(FactType, [String])] = [
    (.painScore, ["value", "context", "low"]),
    (.functionalDisability, ["present", "instrument", "score"]),
    (.painDuration, ["months", "onset"]),
    (.painPattern, ["pattern", "site"]),
    (.provocationTest, ["test", "result", "side"]),
    (.budapestFinding, ["category", "kind", "present"]),
    (.crpsDiagnosis, ["crpsType", "budapestStated"]),
    (.relief, ["percent", "procedure", "durationDays", "procedureDate", "functionalImprovement"]),
    (
      .therapy,
      [
        "modality", "name", "start", "end", "weeks", "sessions", "status", "outcome",
        "prescribedBy", "followUpDocumented",
      ]
    ),
    (.staphScreen, ["organism", "result", "date"]),
    (.decolonization, ["planned", "start", "agents"]),
    (.psychEvaluation, ["completed", "date", "cleared"]),
    (.opioidUse, ["status", "weeks"]),
    (.priorProcedure, ["procedure", "date", "region", "side", "levels"]),
    (.imagingFinding, ["finding", "modality", "date"]),
    (.riskFactor, ["condition", "present"]),
    (.diagnosis, ["condition", "icd10"]),
    (.surgicalPlan, ["kind", "date"]),
    (.deviceTrial, ["device", "percent", "days", "functionalImprovement"]),
  ]

  @Test(arguments: contractFields)
  func everyContractFieldOfAFactIsWrittenUnderItsContractName(
    type: FactType, fields: [String]
  ) throws {
    let json = try object(EveryField.report)
    let facts = try #require(json["facts"] as? [[String: Any]])
    let fact = try #require(facts.first { $0["type"] as? String == type.rawValue })

    for field in fields { #expect(fact[field] != nil, "\(type.rawValue) lacks \(field)") }
    #expect(fact["evidence"] is [[String: Any]])
  }

  static func keys(in json: Any) -> Set<String> {
    if let object = json as? [String: Any] {
      return Set(object.keys).union(object.values.flatMap { keys(in: $0) })
    }
    if let array = json as? [Any] { return Set(array.flatMap { keys(in: $0) }) }
    return []
  }
}

/// Where the tests find the repository's own files.
enum ReportPaths {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let readme = repository.appending(path: "README.md")
  static let renderCheck = repository.appending(path: "scripts/render-html-check")
}
