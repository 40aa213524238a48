/// An `Encoder` that turns an `Encodable` value into a `JSONValue`, the first half of
/// `JSONReport`'s encoding.
///
/// One encoder encodes a whole report: encoding a nested value sets the value in progress
/// aside and takes it back afterwards, which the containers allow because they add to the
/// array or object they were made for, not to the encoder. Asking twice for a keyed
/// container gives two views of one object, as `Fact` does to encode its payload beside its
/// own keys. `codingPath` is always empty: nothing PendCheck encodes reads it.
final class JSONValueEncoder: Encoder {
  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }
  /// What has been encoded so far; `nil` before anything has been.
  private var value: JSONValue?

  /// What was encoded; an `Encodable` that encodes nothing stands as an empty object, as it
  /// does in `JSONEncoder`'s output.
  var encodedValue: JSONValue { value ?? .object(JSONObject()) }

  /// The value `value` encodes as.
  ///
  /// - Throws: `EncodingError.invalidValue` for a value that encodes nothing at all, or for a
  ///   number that is not finite.
  func encodeTopLevel(_ value: some Encodable) throws -> JSONValue {
    let encoded = try encode(value)
    guard let encoded else {
      let context = EncodingError.Context(
        codingPath: [], debugDescription: "Top-level \(type(of: value)) did not encode any values.")
      throw EncodingError.invalidValue(value, context)
    }
    return encoded
  }

  /// The value a nested `Encodable` encodes as.
  func encodeNested(_ value: some Encodable) throws -> JSONValue {
    try encode(value) ?? .object(JSONObject())
  }

  private func encode(_ value: some Encodable) throws -> JSONValue? {
    let inProgress = self.value
    defer { self.value = inProgress }

    self.value = nil
    try value.encode(to: self)
    return self.value
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if case .object(let object) = value {
      return KeyedEncodingContainer(JSONObjectContainer(object: object, encoder: self))
    }
    let object = JSONObject()
    value = .object(object)
    return KeyedEncodingContainer(JSONObjectContainer(object: object, encoder: self))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    if case .array(let array) = value { return JSONArrayContainer(array: array, encoder: self) }
    let array = JSONArray()
    value = .array(array)
    return JSONArrayContainer(array: array, encoder: self)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    JSONSingleValueContainer(encoder: self)
  }

  /// Sets the value of a single-value container.
  func set(_ value: JSONValue) { self.value = value }
}
