import Foundation
import Language
import Model
import Reports
import Review
import Testing

@testable import Evaluation

/// The tool's JSON for every corpus case, read back as plain JSON and checked against the
/// facts-v1 field list: the contract's keys, PendCheck's documented additions, nothing else.
@Suite("Every corpus report follows facts-v1")
struct CorpusReportContractTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The contract's fields of each fact type, then PendCheck's additions (README, "JSON").
  static let factFields: [String: Set<String>] = [
    "painScore": ["value", "low", "context", "region"],
    "functionalDisability": ["present", "instrument", "score", "activity"],
    "painDuration": ["months", "onset"],
    "painPattern": ["pattern", "site"],
    "provocationTest": ["test", "result", "side"],
    "budapestFinding": ["category", "kind", "present", "finding"],
    "crpsDiagnosis": ["crpsType", "budapestStated"],
    "relief": [
      "percent", "procedure", "durationDays", "procedureDate", "functionalImprovement",
      "levels", "side",
    ],
    "therapy": [
      "modality", "name", "start", "end", "weeks", "sessions", "status", "outcome",
      "prescribedBy", "followUpDocumented", "drugClass", "unableReason", "attended",
    ],
    "staphScreen": ["organism", "result", "date"],
    "decolonization": ["planned", "start", "agents"],
    "psychEvaluation": ["completed", "date", "cleared"],
    "opioidUse": ["status", "weeks"],
    "priorProcedure": ["procedure", "date", "region", "side", "levels"],
    "imagingFinding": ["finding", "modality", "date", "levels"],
    "riskFactor": ["condition", "present", "detail"],
    "diagnosis": ["condition", "icd10"],
    "surgicalPlan": ["kind", "date"],
    "deviceTrial": [
      "device", "percent", "days", "functionalImprovement", "intolerableSideEffects",
    ],
    "implantProblem": ["problem", "device"],
    "consultation": ["specialty", "date"],
    "anginaClass": ["system", "class"],
    "patientAge": ["years", "context"],
    "spondyloarthritisFeature": ["feature", "present"],
    "diagnosticUncertainty": ["kind"],
    "deviceInterrogation": ["device", "date"],
  ]
  static let common: Set<String> = ["type", "evidence", "derivation"]
  static let determinationKeys: Set<String> = [
    "guideline", "indication", "phase", "determination", "gaps", "criteria", "exclusionReason",
  ]

  @Test("the JSON of each corpus case has the contract's keys and values, with evidence")
  func everyCorpusReport() throws {
    let directory = try #require(Lexicons.defaultDirectory())
    let reviewer = CaseReviewer(lexicons: try Lexicons.load(from: directory))
    // The text-PDF cases: Corpus/scanned holds image-only copies of some of them, which this
    // reviewer, without OCR, leaves unread (the OCR tests and `evaluate` cover those).
    let folders = ["dev", "test"].flatMap {
      CorpusRun.caseFolders(under: Self.root.appendingPathComponent("Corpus/\($0)"))
    }
    #expect(folders.count >= 160)

    for folder in folders {
      let reviewed = try reviewer.review(try CaseInput.at(folder))
      let json = try JSONSerialization.jsonObject(with: JSONReport.encode(reviewed.report))
      let report = try #require(json as? [String: Any], "\(folder.lastPathComponent)")
      check(report, case: folder.lastPathComponent)
    }
  }

  private func check(_ report: [String: Any], case name: String) {
    #expect(report["schemaVersion"] is String, "\(name)")
    #expect(report["case"] as? String == name)
    #expect(report["request"] is [String: Any], "\(name)")

    for fact in report["facts"] as? [[String: Any]] ?? [] {
      let type = fact["type"] as? String ?? "?"
      let allowed = (Self.factFields[type] ?? []).union(Self.common)
      let unknown = Set(fact.keys).subtracting(allowed)
      #expect(Self.factFields[type] != nil, "\(name): unknown fact type \(type)")
      #expect(unknown.isEmpty, "\(name): \(type) has undocumented keys \(unknown)")
      let evidence = fact["evidence"] as? [[String: Any]] ?? []
      #expect(!evidence.isEmpty, "\(name): a \(type) fact without evidence")
      for quote in evidence {
        #expect((quote["page"] as? Int ?? 0) >= 1 && quote["document"] is String)
        #expect(!(quote["text"] as? String ?? "").isEmpty, "\(name): empty quote")
      }
    }

    let determinations = report["determinations"] as? [[String: Any]] ?? []
    #expect(!determinations.isEmpty, "\(name): no determination")
    for determination in determinations {
      #expect(Set(determination.keys).isSubset(of: Self.determinationKeys), "\(name)")
      let status = determination["determination"] as? String ?? ""
      #expect(DeterminationStatus(rawValue: status) != nil, "\(name): '\(status)'")
      for gap in determination["gaps"] as? [String] ?? [] {
        #expect(GapFamily(rawValue: gap) != nil, "\(name): unknown gap \(gap)")
      }
    }
  }
}
