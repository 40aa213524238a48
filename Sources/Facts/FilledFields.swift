/// Counts the fields a fact's detail fills: its stored properties, less the optional ones
/// that are empty.
///
/// The count comes from the detail's synthesized `Encodable` conformance, which writes every
/// property and skips an empty optional (`encodeIfPresent`); nothing is encoded, the writes
/// are only counted, and a nested value counts as one field without being visited. Reading
/// the properties by reflection (`Mirror`) gives the same count at many times the cost.
enum FilledFields {
  static func count(of value: some Encodable) -> Int {
    let counter = FieldCounter()
    // The counter's containers never throw.
    try? value.encode(to: counter)
    return counter.count
  }
}

/// An encoder that counts the values written into its top-level keyed container.
private final class FieldCounter: Encoder {
  var count = 0
  let codingPath: [any CodingKey] = []
  let userInfo: [CodingUserInfoKey: Any] = [:]

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    KeyedEncodingContainer(CountingContainer(counter: self))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer { ValueCounter(counter: self) }

  func singleValueContainer() -> any SingleValueEncodingContainer { ValueCounter(counter: self) }
}

/// A keyed container that counts every value written into it, nil excepted.
private struct CountingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let counter: FieldCounter
  var codingPath: [any CodingKey] { [] }

  mutating func encodeNil(forKey key: Key) {}
  mutating func encode(_ value: Bool, forKey key: Key) { counter.count += 1 }
  mutating func encode(_ value: String, forKey key: Key) { counter.count += 1 }
  mutating func encode(_ value: Double, forKey key: Key) { counter.count += 1 }
  mutating func encode(_ value: Float, forKey key: Key) { counter.count += 1 }
  mutating func encode(_ value: Int, forKey key: Key) { counter.count += 1 }
  mutating func encode(_ value: Int8, forKey key: Key) { counter.count += 1 }
  mutating func encode(_ value: Int16, forKey key: Key) { counter.count += 1 }
  mutating func encode(_ value: Int32, forKey key: Key) { counter.count += 1 }
  mutating func encode(_ value: Int64, forKey key: Key) { counter.count += 1 }
  mutating func encode(_ value: UInt, forKey key: Key) { counter.count += 1 }
  mutating func encode(_ value: UInt8, forKey key: Key) { counter.count += 1 }
  mutating func encode(_ value: UInt16, forKey key: Key) { counter.count += 1 }
  mutating func encode(_ value: UInt32, forKey key: Key) { counter.count += 1 }
  mutating func encode(_ value: UInt64, forKey key: Key) { counter.count += 1 }
  mutating func encode(_ value: some Encodable, forKey key: Key) { counter.count += 1 }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    counter.count += 1
    return KeyedEncodingContainer(CountingContainer<NestedKey>(counter: FieldCounter()))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    counter.count += 1
    return ValueCounter(counter: FieldCounter())
  }

  mutating func superEncoder() -> any Encoder { FieldCounter() }
  mutating func superEncoder(forKey key: Key) -> any Encoder { FieldCounter() }
}

/// A single value, or a list, written at the top: one field however many elements it has.
private struct ValueCounter: UnkeyedEncodingContainer, SingleValueEncodingContainer {
  let counter: FieldCounter
  var codingPath: [any CodingKey] { [] }
  var count: Int { 0 }

  init(counter: FieldCounter) {
    self.counter = counter
    counter.count = 1
  }

  mutating func encodeNil() {}
  mutating func encode(_ value: some Encodable) {}

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    KeyedEncodingContainer(CountingContainer<NestedKey>(counter: FieldCounter()))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    ValueCounter(counter: FieldCounter())
  }

  mutating func superEncoder() -> any Encoder { FieldCounter() }
}
