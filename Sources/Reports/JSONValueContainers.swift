/// The keyed container of `JSONValueEncoder`: adds members to one `JSONObject`.
struct JSONObjectContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let object: JSONObject
  let encoder: JSONValueEncoder
  var codingPath: [any CodingKey] { [] }

  private func put(_ value: JSONValue, forKey key: Key) {
    object.members.append((key.stringValue, value))
  }

  mutating func encodeNil(forKey key: Key) throws { put(.null, forKey: key) }
  mutating func encode(_ value: Bool, forKey key: Key) throws { put(.bool(value), forKey: key) }
  mutating func encode(_ value: String, forKey key: Key) throws {
    put(.string(value), forKey: key)
  }
  mutating func encode(_ value: Double, forKey key: Key) throws {
    put(try .number(value), forKey: key)
  }
  mutating func encode(_ value: Float, forKey key: Key) throws {
    put(try .number(value), forKey: key)
  }
  mutating func encode(_ value: Int, forKey key: Key) throws { put(.integer(value), forKey: key) }
  mutating func encode(_ value: Int8, forKey key: Key) throws { put(.integer(value), forKey: key) }
  mutating func encode(_ value: Int16, forKey key: Key) throws {
    put(.integer(value), forKey: key)
  }
  mutating func encode(_ value: Int32, forKey key: Key) throws {
    put(.integer(value), forKey: key)
  }
  mutating func encode(_ value: Int64, forKey key: Key) throws {
    put(.integer(value), forKey: key)
  }
  mutating func encode(_ value: UInt, forKey key: Key) throws { put(.integer(value), forKey: key) }
  mutating func encode(_ value: UInt8, forKey key: Key) throws {
    put(.integer(value), forKey: key)
  }
  mutating func encode(_ value: UInt16, forKey key: Key) throws {
    put(.integer(value), forKey: key)
  }
  mutating func encode(_ value: UInt32, forKey key: Key) throws {
    put(.integer(value), forKey: key)
  }
  mutating func encode(_ value: UInt64, forKey key: Key) throws {
    put(.integer(value), forKey: key)
  }
  mutating func encode(_ value: some Encodable, forKey key: Key) throws {
    put(try encoder.encodeNested(value), forKey: key)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    let nested = JSONObject()
    put(.object(nested), forKey: key)
    return KeyedEncodingContainer(JSONObjectContainer<NestedKey>(object: nested, encoder: encoder))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    let nested = JSONArray()
    put(.array(nested), forKey: key)
    return JSONArrayContainer(array: nested, encoder: encoder)
  }

  mutating func superEncoder() -> any Encoder {
    let superEncoder = JSONValueEncoder()
    object.members.append(("super", .pending(superEncoder)))
    return superEncoder
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    let superEncoder = JSONValueEncoder()
    put(.pending(superEncoder), forKey: key)
    return superEncoder
  }
}

/// The unkeyed container of `JSONValueEncoder`: appends elements to one `JSONArray`.
struct JSONArrayContainer: UnkeyedEncodingContainer {
  let array: JSONArray
  let encoder: JSONValueEncoder
  var codingPath: [any CodingKey] { [] }
  var count: Int { array.elements.count }

  private func append(_ value: JSONValue) { array.elements.append(value) }

  mutating func encodeNil() throws { append(.null) }
  mutating func encode(_ value: Bool) throws { append(.bool(value)) }
  mutating func encode(_ value: String) throws { append(.string(value)) }
  mutating func encode(_ value: Double) throws { append(try .number(value)) }
  mutating func encode(_ value: Float) throws { append(try .number(value)) }
  mutating func encode(_ value: Int) throws { append(.integer(value)) }
  mutating func encode(_ value: Int8) throws { append(.integer(value)) }
  mutating func encode(_ value: Int16) throws { append(.integer(value)) }
  mutating func encode(_ value: Int32) throws { append(.integer(value)) }
  mutating func encode(_ value: Int64) throws { append(.integer(value)) }
  mutating func encode(_ value: UInt) throws { append(.integer(value)) }
  mutating func encode(_ value: UInt8) throws { append(.integer(value)) }
  mutating func encode(_ value: UInt16) throws { append(.integer(value)) }
  mutating func encode(_ value: UInt32) throws { append(.integer(value)) }
  mutating func encode(_ value: UInt64) throws { append(.integer(value)) }
  mutating func encode(_ value: some Encodable) throws { append(try encoder.encodeNested(value)) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    let nested = JSONObject()
    append(.object(nested))
    return KeyedEncodingContainer(JSONObjectContainer<NestedKey>(object: nested, encoder: encoder))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let nested = JSONArray()
    append(.array(nested))
    return JSONArrayContainer(array: nested, encoder: encoder)
  }

  mutating func superEncoder() -> any Encoder {
    let superEncoder = JSONValueEncoder()
    append(.pending(superEncoder))
    return superEncoder
  }
}

/// The single-value container of `JSONValueEncoder`: sets the value the encoder holds.
struct JSONSingleValueContainer: SingleValueEncodingContainer {
  let encoder: JSONValueEncoder
  var codingPath: [any CodingKey] { [] }

  mutating func encodeNil() throws { encoder.set(.null) }
  mutating func encode(_ value: Bool) throws { encoder.set(.bool(value)) }
  mutating func encode(_ value: String) throws { encoder.set(.string(value)) }
  mutating func encode(_ value: Double) throws { encoder.set(try .number(value)) }
  mutating func encode(_ value: Float) throws { encoder.set(try .number(value)) }
  mutating func encode(_ value: Int) throws { encoder.set(.integer(value)) }
  mutating func encode(_ value: Int8) throws { encoder.set(.integer(value)) }
  mutating func encode(_ value: Int16) throws { encoder.set(.integer(value)) }
  mutating func encode(_ value: Int32) throws { encoder.set(.integer(value)) }
  mutating func encode(_ value: Int64) throws { encoder.set(.integer(value)) }
  mutating func encode(_ value: UInt) throws { encoder.set(.integer(value)) }
  mutating func encode(_ value: UInt8) throws { encoder.set(.integer(value)) }
  mutating func encode(_ value: UInt16) throws { encoder.set(.integer(value)) }
  mutating func encode(_ value: UInt32) throws { encoder.set(.integer(value)) }
  mutating func encode(_ value: UInt64) throws { encoder.set(.integer(value)) }
  mutating func encode(_ value: some Encodable) throws {
    encoder.set(try encoder.encodeNested(value))
  }
}
