import Foundation
import Model
import Testing

@testable import Reports

/// `JSONReport` writes exactly the bytes of Foundation's `JSONEncoder` with the report's
/// options, which is its specification: for whole reports, for awkward strings and numbers,
/// and for every container an `Encodable` can ask for.
@Suite struct JSONReportEncoderTests {
  static func foundationBytes(_ value: some Encodable) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(value) + Data("\n".utf8)
  }

  static func expectSameBytes(
    _ value: some Encodable, sourceLocation: SourceLocation = #_sourceLocation
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

  static let awkwardStrings = [
    "", "plain", "quote \" and backslash \\", "a/b and </script>", "tab\tnewline\ncr\r",
    "\u{0}\u{1}\u{7}\u{8}\u{B}\u{C}\u{E}\u{1B}\u{1F}", "DEL \u{7F}", "é, ü, 中文, 😀",
    "e\u{301} combining", "\u{2028}\u{2029}\u{FEFF}\u{FFFD}", "\\u0041 looks escaped",
  ]

  @Test(arguments: awkwardStrings)
  func stringsEscapeAsJSONEncoderEscapesThem(_ string: String) throws {
    try Self.expectSameBytes(string)
    try Self.expectSameBytes([string: [string]])
  }

  static let awkwardDoubles: [Double] = [
    0, -0.0, 0.1, 0.30000000000000004, 1e-7, 2.5e-5, 0.0001, 7, 100, -1.5, 83.25,
    12345678.9, 1e15, 1e16, 123456789012345680000, 1e21, 1e100, 5e-324,
    .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNormalMagnitude,
  ]

  @Test(arguments: awkwardDoubles)
  func doublesAreSpelledAsJSONEncoderSpellsThem(_ number: Double) throws {
    try Self.expectSameBytes(number)
    try Self.expectSameBytes([number])
    try Self.expectSameBytes(["value": number])
    if Float(number).isFinite { try Self.expectSameBytes([Float(number)]) }
  }

  @Test func integersAndBooleansAreSpelledAsJSONEncoderSpellsThem() throws {
    try Self.expectSameBytes([Int.min, -1, 0, 1, Int.max])
    try Self.expectSameBytes(Scalars())
    try Self.expectSameBytes([true, false])
  }

  @Test func numbersThatAreNotFiniteAreRefusedAsJSONEncoderRefusesThem() {
    for number in [Double.nan, .infinity, -.infinity] {
      #expect(throws: EncodingError.self) { try JSONReport.encode(value: ["value": number]) }
      #expect(throws: EncodingError.self) { try Self.foundationBytes(["value": number]) }
    }
  }

  @Test func emptyAndMissingValuesAreWrittenAsJSONEncoderWritesThem() throws {
    try Self.expectSameBytes([Int]())
    try Self.expectSameBytes([[String]](repeating: [], count: 2))
    try Self.expectSameBytes([String: Int]())
    try Self.expectSameBytes(["outer": ["inner": [String: Int]()]])
    try Self.expectSameBytes([1, nil, 3] as [Int?])
    try Self.expectSameBytes(Int?.none)
    try Self.expectSameBytes(Optionals(present: "here"))
    try Self.expectSameBytes([Optionals(), Optionals()])
    try Self.expectSameBytes(["nothing": [EncodesNothing()]])
  }

  @Test func keysAreOrderedByTheirBytes() throws {
    let keys = ["a", "B", "_x", "a1", "a10", "a2", "é", "Z", "", "aa", "a b", "~", "ab"]
    try Self.expectSameBytes(Dictionary(uniqueKeysWithValues: keys.map { ($0, $0.count) }))
  }

  @Test func everyKindOfContainerNestsAsInJSONEncoder() throws {
    try Self.expectSameBytes(SharedKeyedContainers())
    try Self.expectSameBytes(NestedContainers())
    try Self.expectSameBytes([NestedContainers()])
  }

  @Test func aValueThatEncodesNothingIsRefusedAtTheTopAsJSONEncoderRefusesIt() {
    #expect(throws: EncodingError.self) { try JSONReport.encode(value: EncodesNothing()) }
    #expect(throws: EncodingError.self) { try Self.foundationBytes(EncodesNothing()) }
  }
}

extension JSONReportEncoderTests {
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

  /// Every fixed-size integer type, and both truth values.
  struct Scalars: Encodable {
    var int8 = Int8.min
    var int16 = Int16.min
    var int32 = Int32.min
    var int64 = Int64.min
    var uint = UInt.max
    var uint8 = UInt8.max
    var uint16 = UInt16.max
    var uint32 = UInt32.max
    var uint64 = UInt64.max
    var yes = true
    var no = false
    var float = Float(0.1)
  }

  /// Optionals left out (`encodeIfPresent`, as synthesized) and written as null (`encodeNil`).
  struct Optionals: Encodable {
    enum Key: String, CodingKey { case present, absent, null }
    var present: String?

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: Key.self)
      try container.encodeIfPresent(present, forKey: .present)
      try container.encodeIfPresent(String?.none, forKey: .absent)
      if present != nil { try container.encodeNil(forKey: .null) }
    }
  }

  struct EncodesNothing: Encodable {
    func encode(to encoder: Encoder) throws {}
  }

  /// Three keyed containers on one encoder, as `Fact` asks for one and its payload another;
  /// a key encoded twice keeps its later value.
  struct SharedKeyedContainers: Encodable {
    enum First: String, CodingKey { case type, x }
    enum Second: String, CodingKey { case type, y }

    func encode(to encoder: Encoder) throws {
      var first = encoder.container(keyedBy: First.self)
      try first.encode("first", forKey: .type)
      try first.encode(1, forKey: .x)
      var second = encoder.container(keyedBy: Second.self)
      try second.encode("second", forKey: .type)
      try second.encode(2.5, forKey: .y)
      var third = encoder.container(keyedBy: First.self)
      try third.encodeNil(forKey: .x)
    }
  }

  /// Nested keyed and unkeyed containers, and super encoders with and without a key.
  struct NestedContainers: Encodable {
    enum Key: String, CodingKey { case keyed, unkeyed, inherited }

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: Key.self)
      var keyed = container.nestedContainer(keyedBy: Key.self, forKey: .keyed)
      try keyed.encode(1.5, forKey: .inherited)
      _ = keyed.nestedUnkeyedContainer(forKey: .unkeyed)

      var unkeyed = container.nestedUnkeyedContainer(forKey: .unkeyed)
      try unkeyed.encode(true)
      try unkeyed.encodeNil()
      var inner = unkeyed.nestedUnkeyedContainer()
      try inner.encode("x")
      _ = unkeyed.nestedContainer(keyedBy: Key.self)
      var element = unkeyed.superEncoder().singleValueContainer()
      try element.encode(UInt8(7))

      var inherited = container.superEncoder(forKey: .inherited).singleValueContainer()
      try inherited.encode("from the superclass")
      var unnamed = container.superEncoder().unkeyedContainer()
      try unnamed.encode(Int16(-2))
    }
  }
}
