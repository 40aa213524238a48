import Testing

@testable import Reports

/// An object's members are listed in any order and written in key order, with their keys
/// escaped, at any depth, as `JSONEncoder` writes the same type's `Encodable` conformance.
@Suite struct JSONMembersTests {
  static func expectSameBytes(
    _ value: some Encodable & JSONReportValue, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    try JSONReportEncoderTests.expectSameBytes(value, sourceLocation: sourceLocation)
  }

  @Test func membersListedOutOfKeyOrderAreWrittenInTheOrderOfTheirKeysBytes() throws {
    try Self.expectSameBytes(Unsorted())
    try Self.expectSameBytes([Unsorted(), Unsorted()])
  }

  @Test func keysAreEscapedAsJSONEncoderEscapesThem() throws {
    try Self.expectSameBytes(AwkwardKeys())
  }

  @Test func membersOfTwoListsAreMergedInKeyOrderAsOneObject() throws {
    try Self.expectSameBytes(Merged())
    try Self.expectSameBytes([Merged(), Merged()])
  }

  @Test(arguments: [0, 1, 15, 31, 32, 33, 40])
  func valuesAreIndentedAsJSONEncoderIndentsThemAtAnyDepth(_ depth: Int) throws {
    try Self.expectSameBytes(Nested(depth: depth))
  }
}

extension JSONMembersTests {
  /// Keys whose byte order differs from the order of the list and from alphabetical order.
  struct Unsorted: Encodable, JSONReportObject {
    enum CodingKeys: String, CodingKey, CaseIterable {
      case zeta, alpha = "a", upper = "B", underscore = "_x", a10, a2, a1, aa, ab
      case spaced = "a b", accented = "é", tilde = "~", empty = ""
    }

    var zeta = 1
    var alpha = "a"
    var upper = 2.5
    var underscore = true
    var a10 = [1, 2]
    var a2: Int? = 2
    var a1: Int? = nil
    var aa = [String]()
    var ab = "ab"
    var spaced = "a b"
    var accented = "é"
    var tilde = -1
    var empty = ""

    static let jsonMembers: JSONMembers<Self> = [
      .member("zeta", \.zeta), .member("a", \.alpha), .member("B", \.upper),
      .member("_x", \.underscore), .member("a10", \.a10), .member("a2", \.a2),
      .member("a1", \.a1), .member("aa", \.aa), .member("ab", \.ab), .member("a b", \.spaced),
      .member("é", \.accented), .member("~", \.tilde), .member("", \.empty),
    ]
  }

  /// Keys that need escaping, and keys that sort by their bytes after it.
  struct AwkwardKeys: Encodable, JSONReportObject {
    static let keys = ["q\"uote", "back\\slash", "tab\tbed", "\u{1}", "slash/"]
    var values = keys

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: AnyKey.self)
      for (key, value) in zip(Self.keys, values) {
        try container.encode(value, forKey: AnyKey(stringValue: key))
      }
    }

    static let jsonMembers = JSONMembers<Self>(
      keys.indices.map { index in .member(keys[index]) { $0.values[index] } })
  }

  /// The members of both in one object, as a fact holds its own and its payload's.
  struct Merged: Encodable, JSONReportValue {
    var unsorted = Unsorted()
    var awkward = AwkwardKeys()

    func encode(to encoder: Encoder) throws {
      try unsorted.encode(to: encoder)
      try awkward.encode(to: encoder)
    }

    func write(to json: inout PrettyJSONWriter) {
      json.writeObject { json in
        Unsorted.jsonMembers.write(
          unsorted, merging: AwkwardKeys.jsonMembers, of: awkward, to: &json)
      }
    }
  }

  struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  /// Objects inside arrays inside objects, `depth` times.
  struct Nested: Encodable, JSONReportObject {
    var depth: Int
    var inner: [Nested]

    init(depth: Int) {
      self.depth = depth
      inner = depth > 0 ? [Nested(depth: depth - 1)] : []
    }

    static let jsonMembers: JSONMembers<Self> = [
      .member("inner", \.inner), .member("depth", \.depth),
    ]
  }
}
