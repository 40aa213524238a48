import Foundation
import Model
import Testing

@testable import Reports

/// `JSONReport` writes exactly the bytes of Foundation's `JSONEncoder` with the report's
/// options, which is its specification: for whole reports, and for awkward strings, numbers
/// and empty values.
@Suite struct JSONReportEncoderTests {
  static func foundationBytes(_ value: some Encodable) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(value) + Data("\n".utf8)
  }

  static func expectSameBytes(
    _ value: some Encodable & JSONReportValue, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let ours = try JSONReport.encode(value: value)
    let foundation = try foundationBytes(value)
    #expect(
      String(decoding: ours, as: UTF8.self) == String(decoding: foundation, as: UTF8.self),
      sourceLocation: sourceLocation)
    #expect(ours == foundation, sourceLocation: sourceLocation)
  }

  static let fixtureReports =
    DeterminationStatus.allCases.map(ReportFixtures.report)
    + [ReportFixtures.twoGuidelines, EveryField.report, awkwardReport]

  @Test(arguments: fixtureReports.indices)
  func aReportIsWrittenAsJSONEncoderWritesIt(_ index: Int) throws {
    try Self.expectSameBytes(Self.fixtureReports[index])
    #expect(
      try JSONReport.encode(Self.fixtureReports[index])
        == JSONReport.encode(value: Self.fixtureReports[index]))
  }

  @Test func everyCorpusGoldReportIsWrittenAsJSONEncoderWritesIt() throws {
    for file in CorpusJSONTests.goldFiles {
      let gold = try JSONDecoder().decode(GoldCase.self, from: Data(contentsOf: file))
      try Self.expectSameBytes(CorpusJSONTests.report(from: gold))
    }
  }

  /// Each fact type, with its evidence and derivation and with neither: its payload's members
  /// fall among the fact's own in key order either way.
  @Test(arguments: EveryField.details.indices)
  func eachFactTypeIsWrittenAsJSONEncoderWritesIt(_ index: Int) throws {
    let full = EveryField.report.facts[index]
    let bare = Fact(EveryField.details[index])

    try Self.expectSameBytes(full)
    try Self.expectSameBytes([bare, full])
  }

  /// The member lists repeat by hand the keys of synthesized `Codable` conformances, which are
  /// the stored properties' names: a property added to a report type must be listed too.
  @Test func everyStoredPropertyOfAReportTypeIsListedAsAMember() throws {
    let report = EveryField.report
    let determination = try #require(report.determinations.first)
    let payloads = EveryField.details.compactMap { Mirror(reflecting: $0).children.first?.value }
      .compactMap { $0 as? any JSONReportObject }
    let objects: [any JSONReportObject] =
      [report, report.request, determination, try #require(determination.criteria.first)]
      + report.documents + report.documents.flatMap(\.ocrPages)
      + report.facts.flatMap(\.evidence) + report.facts.compactMap(\.derivation) + payloads

    #expect(payloads.count == EveryField.details.count)
    for object in objects { Self.expectEveryPropertyListed(object) }
  }

  static func expectEveryPropertyListed<Object: JSONReportObject>(_ object: Object) {
    let properties = Set(Mirror(reflecting: object).children.compactMap(\.label))
    let keys = Set(Object.jsonMembers.members.map { String(decoding: $0.key, as: UTF8.self) })

    #expect(properties == keys, "\(Object.self)")
  }

  static let awkwardStrings = [
    "", "plain", "quote \" and backslash \\", "a/b and </script>", "tab\tnewline\ncr\r",
    "\u{0}\u{1}\u{7}\u{8}\u{B}\u{C}\u{E}\u{1B}\u{1F}", "DEL \u{7F}", "é, ü, 中文, 😀",
    "e\u{301} combining", "\u{2028}\u{2029}\u{FEFF}\u{FFFD}", "\\u0041 looks escaped",
    "exactly8", "sixteen letters!", "\u{1F} !#$%&'()*+,-./0123456789:;<=>?@[]^_`{|}~",
  ]

  @Test(arguments: awkwardStrings)
  func stringsEscapeAsJSONEncoderEscapesThem(_ string: String) throws {
    try Self.expectSameBytes(string)
    try Self.expectSameBytes(Sample(value: [string, string]))
  }

  /// Strings are looked at eight bytes at a time: a character to escape is found at every
  /// place in a word and in the bytes after the last whole word, beside non-ASCII bytes.
  @Test(arguments: ["\"", "\\", "\n", "\u{0}", "\u{1F}", "\u{7F}", "é", " ", "!", "]"])
  func aCharacterToEscapeIsFoundAtAnyPlace(_ character: String) throws {
    for place in 0..<20 {
      let string = String(repeating: "a", count: place) + character + "ü" + character
      try Self.expectSameBytes(string)
    }
  }

  static let awkwardDoubles: [Double] = [
    0, -0.0, 0.1, 0.30000000000000004, 1e-7, 2.5e-5, 0.0001, 7, 100, -1.5, 83.25,
    12345678.9, 1e15, 1e16, 123456789012345680000, 1e21, 1e100, 5e-324,
    .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNormalMagnitude,
    999_999_999_999_999, -999_999_999_999_999, 9_007_199_254_740_992, 1e15 - 0.5, -7, 10,
  ]

  @Test(arguments: awkwardDoubles)
  func doublesAreSpelledAsJSONEncoderSpellsThem(_ number: Double) throws {
    try Self.expectSameBytes(number)
    try Self.expectSameBytes([number])
    try Self.expectSameBytes(Sample(value: number))
  }

  @Test func integersAndBooleansAreSpelledAsJSONEncoderSpellsThem() throws {
    try Self.expectSameBytes([Int.min, -100, -10, -9, -1, 0, 1, 9, 10, 99, 100, 101, Int.max])
    try Self.expectSameBytes([true, false])
  }

  @Test func numbersThatAreNotFiniteAreRefusedAsJSONEncoderRefusesThem() {
    for number in [Double.nan, .infinity, -.infinity] {
      #expect(throws: EncodingError.self) { try JSONReport.encode(value: Sample(value: number)) }
      #expect(throws: EncodingError.self) { try Self.foundationBytes(Sample(value: number)) }
    }
  }

  @Test func emptyAndMissingValuesAreWrittenAsJSONEncoderWritesThem() throws {
    try Self.expectSameBytes([Int]())
    try Self.expectSameBytes([[String]](repeating: [], count: 2))
    try Self.expectSameBytes(Sample(value: [[Int]]()))
    try Self.expectSameBytes(Sample(value: "here", absent: "here too"))
    try Self.expectSameBytes([Sample(value: 1), Sample(value: 2)])
    try Self.expectSameBytes(ServiceRequest())
    try Self.expectSameBytes(DocumentSummary(name: "", pageCount: 0))
  }
}

extension JSONReportEncoderTests {
  /// An object with one value always written and one left out when nil.
  struct Sample<Value: Encodable & JSONReportValue>: Encodable, JSONReportObject {
    var value: Value
    var absent: Value? = nil

    static var jsonMembers: JSONMembers<Self> {
      [.member("value", \.value), .member("absent", \.absent)]
    }
  }

  /// A report whose strings and numbers are the awkward ones above.
  static let awkwardReport: CaseReport = {
    let text = awkwardStrings.joined(separator: " | ")
    let evidence = awkwardDoubles.enumerated().map { index, number in
      Evidence(
        document: "a/b \"c\".pdf", page: index, text: text, start: index, end: nil,
        section: awkwardStrings[index % awkwardStrings.count], ocrConfidence: number)
    }
    let facts = awkwardDoubles.map { number in
      Fact(
        .painScore(PainScore(value: number, low: -number, context: .worst, region: text)),
        evidence: evidence)
    }
    // An OCR page's warning rounds its confidence to an integer, so the awkward numbers
    // are kept within 0-100 there.
    let documents = awkwardDoubles.map { number in
      DocumentSummary(
        name: text, pageCount: 3, pagesNeedingOCR: [],
        ocrPages: [
          OCRPage(page: 1, meanConfidence: min(abs(number), 100))
        ], failure: nil)
    }
    return CaseReport(
      case: text, noteDate: nil, request: ServiceRequest(), documents: documents, facts: facts,
      determinations: [])
  }()
}
