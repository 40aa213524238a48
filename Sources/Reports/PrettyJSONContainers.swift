/// The keyed container of `PrettyJSONEncoder`: writes the members of one object.
struct PrettyJSONObjectContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let object: JSONContainerReference
  let encoder: PrettyJSONEncoder
  var codingPath: [any CodingKey] { [] }

  init(object: JSONContainerReference, encoder: PrettyJSONEncoder) {
    self.object = object
    self.encoder = encoder
  }

  private func member(_ key: Key) -> JSONSlot {
    encoder.withWriter { $0.beginMember(of: object, key: key.stringValue) }
  }

  /// Starts the member `key` and writes its value with `write`, in one access to the writer.
  private func write<Result>(
    _ key: Key, _ write: (inout PrettyJSONWriter, JSONSlot) throws -> Result
  ) rethrows -> Result {
    try encoder.withWriter { writer in
      let slot = writer.beginMember(of: object, key: key.stringValue)
      return try write(&writer, slot)
    }
  }

  mutating func encodeNil(forKey key: Key) throws { write(key) { $0.writeLiteral("null", in: $1) } }
  mutating func encode(_ value: Bool, forKey key: Key) throws {
    write(key) { $0.writeLiteral(value ? "true" : "false", in: $1) }
  }
  mutating func encode(_ value: String, forKey key: Key) throws {
    write(key) { $0.writeString(value, in: $1) }
  }
  mutating func encode(_ value: Double, forKey key: Key) throws {
    try write(key) { try $0.writeNumber(value, in: $1) }
  }
  mutating func encode(_ value: Float, forKey key: Key) throws {
    try write(key) { try $0.writeNumber(value, in: $1) }
  }
  mutating func encode(_ value: Int, forKey key: Key) throws {
    write(key) { $0.writeInteger(value, in: $1) }
  }
  mutating func encode(_ value: Int8, forKey key: Key) throws {
    write(key) { $0.writeInteger(value, in: $1) }
  }
  mutating func encode(_ value: Int16, forKey key: Key) throws {
    write(key) { $0.writeInteger(value, in: $1) }
  }
  mutating func encode(_ value: Int32, forKey key: Key) throws {
    write(key) { $0.writeInteger(value, in: $1) }
  }
  mutating func encode(_ value: Int64, forKey key: Key) throws {
    write(key) { $0.writeInteger(value, in: $1) }
  }
  mutating func encode(_ value: UInt, forKey key: Key) throws {
    write(key) { $0.writeInteger(value, in: $1) }
  }
  mutating func encode(_ value: UInt8, forKey key: Key) throws {
    write(key) { $0.writeInteger(value, in: $1) }
  }
  mutating func encode(_ value: UInt16, forKey key: Key) throws {
    write(key) { $0.writeInteger(value, in: $1) }
  }
  mutating func encode(_ value: UInt32, forKey key: Key) throws {
    write(key) { $0.writeInteger(value, in: $1) }
  }
  mutating func encode(_ value: UInt64, forKey key: Key) throws {
    write(key) { $0.writeInteger(value, in: $1) }
  }
  mutating func encode(_ value: some Encodable, forKey key: Key) throws {
    try encoder.encode(value, in: member(key))
  }

  // The optionals a report holds, written here rather than through the protocol's default,
  // which reaches `encode` through one more generic call per member.
  mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) }
  }
  mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) }
  }
  mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) }
  }
  mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) }
  }
  mutating func encodeIfPresent(_ value: (some Encodable)?, forKey key: Key) throws {
    if let value { try encode(value, forKey: key) }
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    let nested = write(key) { $0.openContainer(.object, in: $1) }
    return KeyedEncodingContainer(
      PrettyJSONObjectContainer<NestedKey>(object: nested, encoder: encoder))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    PrettyJSONArrayContainer(
      array: write(key) { $0.openContainer(.array, in: $1) }, encoder: encoder)
  }

  mutating func superEncoder() -> any Encoder {
    let slot = encoder.withWriter { $0.beginMember(of: object, key: "super") }
    return PrettyJSONEncoder(output: encoder.output, slot: slot)
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    PrettyJSONEncoder(output: encoder.output, slot: member(key))
  }
}

/// The unkeyed container of `PrettyJSONEncoder`: writes the elements of one array.
struct PrettyJSONArrayContainer: UnkeyedEncodingContainer {
  let array: JSONContainerReference
  let encoder: PrettyJSONEncoder
  var codingPath: [any CodingKey] { [] }
  private(set) var count = 0

  init(array: JSONContainerReference, encoder: PrettyJSONEncoder) {
    self.array = array
    self.encoder = encoder
  }

  private mutating func element() -> JSONSlot {
    count += 1
    return encoder.withWriter { $0.beginMember(of: array, key: nil) }
  }

  /// Starts the next element and writes it with `write`, in one access to the writer.
  private mutating func writeElement<Result>(
    _ write: (inout PrettyJSONWriter, JSONSlot) throws -> Result
  ) rethrows -> Result {
    count += 1
    return try encoder.withWriter { writer in
      let slot = writer.beginMember(of: array, key: nil)
      return try write(&writer, slot)
    }
  }

  mutating func encodeNil() throws { writeElement { $0.writeLiteral("null", in: $1) } }
  mutating func encode(_ value: Bool) throws {
    writeElement { $0.writeLiteral(value ? "true" : "false", in: $1) }
  }
  mutating func encode(_ value: String) throws { writeElement { $0.writeString(value, in: $1) } }
  mutating func encode(_ value: Double) throws {
    try writeElement { try $0.writeNumber(value, in: $1) }
  }
  mutating func encode(_ value: Float) throws {
    try writeElement { try $0.writeNumber(value, in: $1) }
  }
  mutating func encode(_ value: Int) throws { writeElement { $0.writeInteger(value, in: $1) } }
  mutating func encode(_ value: Int8) throws { writeElement { $0.writeInteger(value, in: $1) } }
  mutating func encode(_ value: Int16) throws { writeElement { $0.writeInteger(value, in: $1) } }
  mutating func encode(_ value: Int32) throws { writeElement { $0.writeInteger(value, in: $1) } }
  mutating func encode(_ value: Int64) throws { writeElement { $0.writeInteger(value, in: $1) } }
  mutating func encode(_ value: UInt) throws { writeElement { $0.writeInteger(value, in: $1) } }
  mutating func encode(_ value: UInt8) throws { writeElement { $0.writeInteger(value, in: $1) } }
  mutating func encode(_ value: UInt16) throws { writeElement { $0.writeInteger(value, in: $1) } }
  mutating func encode(_ value: UInt32) throws { writeElement { $0.writeInteger(value, in: $1) } }
  mutating func encode(_ value: UInt64) throws { writeElement { $0.writeInteger(value, in: $1) } }
  mutating func encode(_ value: some Encodable) throws {
    try encoder.encode(value, in: element())
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    let nested = writeElement { $0.openContainer(.object, in: $1) }
    return KeyedEncodingContainer(
      PrettyJSONObjectContainer<NestedKey>(object: nested, encoder: encoder))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    PrettyJSONArrayContainer(
      array: writeElement { $0.openContainer(.array, in: $1) }, encoder: encoder)
  }

  mutating func superEncoder() -> any Encoder {
    PrettyJSONEncoder(output: encoder.output, slot: element())
  }
}

/// The single-value container of `PrettyJSONEncoder`: writes the one value of the encoder's
/// place.
///
/// It holds nothing but the encoder, so that it fits in an existential without a heap
/// allocation; it is used before the encoder moves on, as `JSONEncoder`'s is.
struct PrettyJSONSingleValueContainer: SingleValueEncodingContainer {
  let encoder: PrettyJSONEncoder
  var codingPath: [any CodingKey] { [] }
  private var slot: JSONSlot { encoder.slot }

  init(encoder: PrettyJSONEncoder) { self.encoder = encoder }

  mutating func encodeNil() throws { encoder.withWriter { $0.writeLiteral("null", in: slot) } }
  mutating func encode(_ value: Bool) throws {
    encoder.withWriter { $0.writeLiteral(value ? "true" : "false", in: slot) }
  }
  mutating func encode(_ value: String) throws {
    encoder.withWriter { $0.writeString(value, in: slot) }
  }
  mutating func encode(_ value: Double) throws {
    try encoder.withWriter { try $0.writeNumber(value, in: slot) }
  }
  mutating func encode(_ value: Float) throws {
    try encoder.withWriter { try $0.writeNumber(value, in: slot) }
  }
  mutating func encode(_ value: Int) throws {
    encoder.withWriter { $0.writeInteger(value, in: slot) }
  }
  mutating func encode(_ value: Int8) throws {
    encoder.withWriter { $0.writeInteger(value, in: slot) }
  }
  mutating func encode(_ value: Int16) throws {
    encoder.withWriter { $0.writeInteger(value, in: slot) }
  }
  mutating func encode(_ value: Int32) throws {
    encoder.withWriter { $0.writeInteger(value, in: slot) }
  }
  mutating func encode(_ value: Int64) throws {
    encoder.withWriter { $0.writeInteger(value, in: slot) }
  }
  mutating func encode(_ value: UInt) throws {
    encoder.withWriter { $0.writeInteger(value, in: slot) }
  }
  mutating func encode(_ value: UInt8) throws {
    encoder.withWriter { $0.writeInteger(value, in: slot) }
  }
  mutating func encode(_ value: UInt16) throws {
    encoder.withWriter { $0.writeInteger(value, in: slot) }
  }
  mutating func encode(_ value: UInt32) throws {
    encoder.withWriter { $0.writeInteger(value, in: slot) }
  }
  mutating func encode(_ value: UInt64) throws {
    encoder.withWriter { $0.writeInteger(value, in: slot) }
  }
  mutating func encode(_ value: some Encodable) throws { try encoder.encode(value, in: slot) }
}
