import Foundation
import Testing

@testable import Reports

/// `PrettyJSONEncoder` writes each value as it is encoded, so what it must get right beyond
/// `JSONReportEncoderTests` is where members end up: moved into key order at every level,
/// indented at any depth, and never written after their container has moved on.
@Suite struct PrettyJSONEncoderTests {
  static func expectSameBytes(
    _ value: some Encodable, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    try JSONReportEncoderTests.expectSameBytes(value, sourceLocation: sourceLocation)
  }

  @Test func membersOutOfKeyOrderAreMovedAtEveryLevelWithTheirValues() throws {
    try Self.expectSameBytes(Unsorted())
    try Self.expectSameBytes([Unsorted(), Unsorted(inner: [])])
    try Self.expectSameBytes(["z": [Unsorted()], "a": []])
  }

  @Test func keysAreOrderedByTheirBytesPastTheirFirstEightAndWhenEscaped() throws {
    let keys = [
      "abcdefghX", "abcdefgh", "abcdefghA", "abcdefgh\u{0}", "a\u{1}", "a", "\"q", "\\", "a\"",
      "a\tb", "ab", "a\u{1F}", "é",
    ]
    try Self.expectSameBytes(Dictionary(uniqueKeysWithValues: keys.map { ($0, $0.utf8.count) }))
    try Self.expectSameBytes(["outer": Dictionary(uniqueKeysWithValues: keys.map { ($0, [$0]) })])
  }

  @Test func membersAlreadyInKeyOrderAreWrittenAsTheyCame() throws {
    try Self.expectSameBytes(Sorted())
    try Self.expectSameBytes([Sorted(), Sorted()])
  }

  @Test(arguments: [1, 15, 16, 17, 40])
  func valuesAreIndentedAsJSONEncoderIndentsThemAtAnyDepth(_ depth: Int) throws {
    try Self.expectSameBytes(Nested(depth: depth))
  }

  @Test func anUnusedSuperEncoderStandsAsAnEmptyObject() throws {
    try Self.expectSameBytes(UnusedSuperEncoders())
  }

  @Test func aContainerWrittenToAfterItsObjectMovedOnIsRefused() {
    #expect(throws: EncodingError.self) { try JSONReport.encode(value: OutOfOrder()) }
  }

  @Test func aSecondValueInOneSingleValueContainerIsRefused() {
    #expect(throws: EncodingError.self) { try JSONReport.encode(value: TwoSingleValues()) }
  }
}

extension PrettyJSONEncoderTests {
  /// Keys declared against their byte order, holding objects whose keys are too.
  struct Unsorted: Encodable {
    struct Inner: Encodable {
      var zeta = "last key, first written"
      var beta: [String: Int] = ["b": 2, "a": 1]
      var alpha: Int? = nil
      var Alpha = [[Int]()]
    }

    var z = 1
    var inner = [Inner(), Inner(alpha: 3)]
    var a = "first key, written after the others"
    var m: Inner? = Inner()
  }

  struct Sorted: Encodable {
    var a = 1
    var b = ["x", "y"]
    var c = Unsorted.Inner()
  }

  /// Objects inside arrays inside objects, `depth` times.
  struct Nested: Encodable {
    let depth: Int

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: JSONReportEncoderTests.NestedContainers.Key.self)
      try container.encode(depth, forKey: .unkeyed)
      if depth > 0 { try container.encode([Nested(depth: depth - 1)], forKey: .keyed) }
    }
  }

  struct UnusedSuperEncoders: Encodable {
    enum Key: String, CodingKey { case after, before, list }

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: Key.self)
      _ = container.superEncoder(forKey: .before)
      try container.encode(1, forKey: .after)
      var array = container.nestedUnkeyedContainer(forKey: .list)
      _ = array.superEncoder()
      _ = container.superEncoder()
    }
  }

  /// Writes to a nested object after its parent has begun the next member.
  struct OutOfOrder: Encodable {
    enum Key: String, CodingKey { case first, second }

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: Key.self)
      var first = container.nestedContainer(keyedBy: Key.self, forKey: .first)
      try container.encode(2, forKey: .second)
      try first.encode(1, forKey: .first)
    }
  }

  struct TwoSingleValues: Encodable {
    func encode(to encoder: Encoder) throws {
      var container = encoder.singleValueContainer()
      try container.encode(1)
      try container.encode(2)
    }
  }
}
