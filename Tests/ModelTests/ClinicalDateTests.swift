import Foundation
import Model
import Testing

@Suite("Clinical dates")
struct ClinicalDateTests {
  @Test(
    "ISO spellings round-trip",
    arguments: ["2026-03-14", "2026-03", "2024-02-29"])
  func isoRoundTrips(_ text: String) throws {
    let date = try #require(ClinicalDate(iso: text))
    #expect(date.iso == text)
  }

  @Test("impossible dates are rejected", arguments: ["2026-02-30", "2026-13", "26-03-01", "x"])
  func impossibleDatesAreRejected(_ text: String) {
    #expect(ClinicalDate(iso: text) == nil)
  }

  @Test("day arithmetic crosses months and leap years")
  func dayArithmetic() throws {
    let start = try #require(ClinicalDate(iso: "2024-02-20"))
    #expect(start.adding(days: 10).iso == "2024-03-01")
    #expect(start.days(until: try #require(ClinicalDate(iso: "2025-02-20"))) == 366)
    #expect(ClinicalDate(dayNumber: 0).iso == "1970-01-01")
  }

  @Test("a month-only date matches any day of its month")
  func monthOnlyMatching() throws {
    let month = try #require(ClinicalDate(iso: "2026-03"))
    #expect(month.matches(try #require(ClinicalDate(iso: "2026-03-31"))))
    #expect(!month.matches(try #require(ClinicalDate(iso: "2026-04-01"))))
  }

  @Test("adding months keeps the day where the month has it")
  func addingMonths() throws {
    let date = try #require(ClinicalDate(iso: "2026-08-31"))
    #expect(date.adding(months: -6).iso == "2026-02-28")
    #expect(date.adding(months: 5).iso == "2027-01-31")
  }
}

@Suite("Facts in the facts-v1 layout")
struct FactCodingTests {
  @Test("a gold fact without evidence decodes flat")
  func goldFactDecodes() throws {
    let json = #"{"type": "painScore", "value": 8, "low": 6, "context": "average"}"#
    let fact = try JSONDecoder().decode(Fact.self, from: Data(json.utf8))
    #expect(fact.detail == .painScore(PainScore(value: 8, low: 6, context: .average)))
    #expect(fact.evidence.isEmpty)
  }

  @Test("a reported fact encodes its type, fields and evidence at one level")
  func reportedFactEncodesFlat() throws {
    let fact = Fact(
      .provocationTest(ProvocationTest(test: .faber, result: .positive, side: .left)),
      evidence: [Evidence(document: "note.pdf", page: 2, text: "FABER positive on the left")])
    let data = try JSONEncoder().encode(fact)
    let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["type"] as? String == "provocationTest")
    #expect(object["test"] as? String == "faber")
    #expect(object["side"] as? String == "left")
    #expect((object["evidence"] as? [[String: Any]])?.first?["page"] as? Int == 2)
  }

  @Test("an unknown enumerated value is a decoding error, not a default")
  func unknownValueIsRejected() {
    let json = #"{"type": "provocationTest", "test": "fabere", "result": "positive"}"#
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(Fact.self, from: Data(json.utf8))
    }
  }
}
