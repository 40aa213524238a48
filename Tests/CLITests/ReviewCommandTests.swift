import Foundation
import Testing

@Suite("pendcheck review on the sample case")
struct ReviewCommandTests {
  static let sample = PendcheckBinary.packageRoot.appendingPathComponent("Samples/sample-case").path

  @Test("the JSON report follows facts-v1 with evidence on every fact")
  func jsonReport() throws {
    let run = try PendcheckBinary.run(["review", Self.sample, "--format", "json"])
    #expect(run.status == 0, "\(run.errors)")
    let object = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
    let report = try #require(object)
    #expect(report["schemaVersion"] as? String != nil)
    #expect(report["case"] as? String == "sample-case")
    let facts = try #require(report["facts"] as? [[String: Any]])
    #expect(!facts.isEmpty)
    for fact in facts {
      let evidence = try #require(fact["evidence"] as? [[String: Any]])
      #expect(!evidence.isEmpty)
      #expect(evidence.allSatisfy { ($0["page"] as? Int ?? 0) >= 1 && $0["document"] != nil })
    }
    let determinations = try #require(report["determinations"] as? [[String: Any]])
    #expect(!determinations.isEmpty)
  }

  @Test("piped terminal output has no colour codes")
  func pipedTextHasNoColour() throws {
    let run = try PendcheckBinary.run(["review", Self.sample])
    #expect(run.status == 0, "\(run.errors)")
    #expect(!run.output.contains("\u{1B}["))
    #expect(run.output.split(separator: "\n").allSatisfy { $0.count <= 80 })
  }

  @Test("--out writes the report to a file and nothing to standard output")
  func outWritesFile() throws {
    let folder = try temporaryFolder()
    let out = folder.appendingPathComponent("report.html")
    let run = try PendcheckBinary.run([
      "review", Self.sample, "--format", "html", "--out", out.path,
    ])
    #expect(run.status == 0, "\(run.errors)")
    #expect(run.output.isEmpty)
    let html = try String(contentsOf: out, encoding: .utf8)
    #expect(html.contains("<html"))
    let permissions = try FileManager.default.attributesOfItem(atPath: out.path)[.posixPermissions]
    #expect((permissions as? Int) == 0o600)
  }
}
