/// A JSON value as `JSONReport` builds it from a report's `Encodable` conformances, before
/// `PrettyJSONWriter` writes it out.
///
/// Arrays and objects are references, so that an encoding container can keep adding to a
/// value it has already placed in its parent.
enum JSONValue {
  /// A number, `true`, `false` or `null`, spelled as it is written.
  case literal(String)
  case string(String)
  case array(JSONArray)
  case object(JSONObject)
  /// Whatever an encoder handed out by `superEncoder()` encodes, read when it is written.
  case pending(JSONValueEncoder)

  static var null: JSONValue { .literal("null") }

  static func bool(_ value: Bool) -> JSONValue { .literal(value ? "true" : "false") }

  static func integer(_ value: some BinaryInteger) -> JSONValue { .literal(String(value)) }

  /// A finite number as its shortest round-tripping spelling, without a trailing `.0`
  /// (`7`, `0.1`, `1e-07`, `-0`), as `JSONEncoder` spells it.
  ///
  /// - Throws: `EncodingError.invalidValue` for infinity and NaN, which JSON cannot hold.
  static func number<Number: BinaryFloatingPoint & LosslessStringConvertible>(
    _ value: Number
  ) throws -> JSONValue {
    guard value.isFinite else {
      let context = EncodingError.Context(
        codingPath: [], debugDescription: "Unable to encode \(value) directly in JSON.")
      throw EncodingError.invalidValue(value, context)
    }

    var spelling = value.description
    if spelling.hasSuffix(".0") { spelling.removeLast(2) }
    return .literal(spelling)
  }
}

/// The elements of a JSON array, in order.
final class JSONArray {
  var elements: [JSONValue] = []
}

/// The members of a JSON object in the order they were encoded; when a key is encoded
/// twice, the later value is the one written (as when `Fact` and its payload share a key).
final class JSONObject {
  var members: [(key: String, value: JSONValue)] = []

  /// The positions in `members` of the members to write: sorted by the UTF-8 bytes of their
  /// keys, and only the last member of each key.
  var writtenOrder: [Int] {
    let members = self.members
    let order = members.indices.sorted { first, second in
      let (a, b) = (members[first].key, members[second].key)
      return Self.bytesPrecede(a, b) || (first < second && a == b)
    }
    return order.indices.compactMap { position in
      let key = members[order[position]].key
      let isReplaced = position + 1 < order.count && members[order[position + 1]].key == key
      return isReplaced ? nil : order[position]
    }
  }

  /// Whether the UTF-8 bytes of `a` sort before those of `b`, compared as contiguous bytes
  /// (`utf8.lexicographicallyPrecedes` walks them one at a time).
  private static func bytesPrecede(_ a: String, _ b: String) -> Bool {
    var (a, b) = (a, b)
    return a.withUTF8 { a in b.withUTF8 { b in a.lexicographicallyPrecedes(b) } }
  }
}
