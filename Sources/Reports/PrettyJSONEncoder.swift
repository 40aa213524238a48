/// An `Encoder` that writes an `Encodable` value straight out as pretty JSON with a
/// `PrettyJSONWriter`, the way `JSONReport` encodes a report.
///
/// One encoder encodes a whole report: encoding a nested value points the encoder at that
/// value's place and back again afterwards; the containers write into the places they were
/// made for. Asking twice for a keyed container gives two views of one object, as `Fact` does
/// to encode its payload beside its own keys. A super encoder is an encoder of its own that
/// writes into its member's place.
///
/// Values must come in the order they nest, as every synthesized `encode(to:)` gives them:
/// once a container has started its next member, or has been closed because its own
/// container did, what was handed out for the earlier one can no longer be written to, and
/// `finish` throws an `EncodingError` for it rather than writing it out of place.
/// `codingPath` is always empty: nothing PendCheck encodes reads it.
final class PrettyJSONEncoder: Encoder {
  /// The writer that the encoders of one value share, super encoders included.
  ///
  /// The writer is a value with mutating methods, reached through this one reference, so
  /// that the runtime checks exclusive access once per call rather than once for every
  /// property the writer touches.
  final class Output {
    // One encoding runs on one thread, and every access to the writer is a single call that
    // returns before the next begins, so the runtime's exclusivity check would never fire.
    @exclusivity(unchecked) var writer: PrettyJSONWriter

    init(capacity: Int) { writer = PrettyJSONWriter(capacity: capacity) }
  }

  let output: Output
  /// Where what this encoder is given is written.
  // Unchecked for the reason the writer is: one thread, one short access at a time.
  @exclusivity(unchecked) private(set) var slot: JSONSlot
  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  init(output: Output, slot: JSONSlot) {
    self.output = output
    self.slot = slot
  }

  /// Runs `body` with the shared writer.
  func withWriter<Result>(_ body: (inout PrettyJSONWriter) throws -> Result) rethrows -> Result {
    try body(&output.writer)
  }

  /// The UTF-8 JSON of `value`, with no newline after it.
  ///
  /// - Throws: `EncodingError.invalidValue` for a value that encodes nothing at all, for a
  ///   number that is not finite, or for a value given out of nesting order.
  static func bytes(of value: some Encodable, capacity: Int) throws -> [UInt8] {
    let output = Output(capacity: capacity)
    try value.encode(to: PrettyJSONEncoder(output: output, slot: output.writer.topLevelSlot))
    guard output.writer.hasTopLevelValue else {
      let context = EncodingError.Context(
        codingPath: [], debugDescription: "Top-level \(type(of: value)) did not encode any values.")
      throw EncodingError.invalidValue(value, context)
    }
    return try output.writer.finish()
  }

  /// Encodes a nested value into `slot`; one that encodes nothing stands as an empty object,
  /// as it does in `JSONEncoder`'s output.
  func encode(_ value: some Encodable, in slot: JSONSlot) throws {
    let enclosing = self.slot
    defer { self.slot = enclosing }

    self.slot = slot
    try value.encode(to: self)
    output.writer.writeEmptyObjectIfNothing(in: slot)
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    let object = output.writer.openContainer(.object, in: slot)
    return KeyedEncodingContainer(PrettyJSONObjectContainer(object: object, encoder: self))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    PrettyJSONArrayContainer(array: output.writer.openContainer(.array, in: slot), encoder: self)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    PrettyJSONSingleValueContainer(encoder: self)
  }
}
