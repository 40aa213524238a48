/// Writes JSON as UTF-8 in the layout of Foundation's `JSONEncoder` with the `.prettyPrinted`,
/// `.sortedKeys` and `.withoutEscapingSlashes` options, value by value as `PrettyJSONEncoder`
/// is given them.
///
/// That layout: two spaces of indent per level; `"key" : value`; one element or member a
/// line, with `,` ending all but the last; an empty array or object as its brackets with an
/// empty line between (`[`, ``, `]`); keys sorted by their UTF-8 bytes. Strings escape `"`
/// and `\`, write backspace, form feed, newline, carriage return and tab as `\b`, `\f`,
/// `\n`, `\r` and `\t` and every other control character below U+0020 as `\u00XX` (lower-case
/// hex), and leave everything else as it is: `/`, DEL, U+2028 and all non-ASCII characters.
///
/// Each value is written where it is encoded, so no value is held apart from its bytes. An
/// array or object stays open while values are added to it (`PrettyJSONWriter+Containers`);
/// an object's members are written in the order they come and moved into key order when it
/// closes, if they were not in it already.
struct PrettyJSONWriter {
  var bytes: [UInt8] = []
  /// The arrays and objects still open, outermost first, below them the value at the top.
  var open: [OpenContainer] = []
  /// The members of the open objects, those of each object together, in encoding order.
  var members: [ObjectMember] = []
  /// The keys that escaping changed, which `ObjectMember.escapedKey` points into.
  var escapedKeys: [String] = []
  /// Room to put an object's members in key order, reused from one object to the next.
  var reordered: [UInt8] = []
  var nextContainerID = 1
  /// The first value that could not be written where it was given; `finish()` throws it.
  var misplaced: EncodingError?

  init(capacity: Int) {
    bytes.reserveCapacity(capacity)
    reordered.reserveCapacity(capacity)
    open.append(OpenContainer(kind: .topLevel, id: 0, valueDepth: 0, firstMember: 0))
    open[0].count = 1
  }

  /// Where the top-level value is written.
  var topLevelSlot: JSONSlot { JSONSlot(level: 0, containerID: 0, member: 1) }

  /// Whether anything at all was written as the top-level value.
  var hasTopLevelValue: Bool { open[0].slot != .empty }

  /// The JSON written, with every array and object closed.
  ///
  /// - Throws: the `EncodingError` of the first value that could not be placed.
  mutating func finish() throws -> [UInt8] {
    closeContainers(above: 0)
    if let misplaced { throw misplaced }
    return bytes
  }

  // MARK: Scalars

  /// Writes `null`, `true` or `false`.
  mutating func writeLiteral(_ spelling: StaticString, in slot: JSONSlot) {
    guard claim(slot) else { return }
    bytes += UnsafeBufferPointer(start: spelling.utf8Start, count: spelling.utf8CodeUnitCount)
  }

  mutating func writeString(_ string: String, in slot: JSONSlot) {
    guard claim(slot) else { return }
    writeQuoted(string)
  }

  mutating func writeInteger(_ value: some FixedWidthInteger, in slot: JSONSlot) {
    guard claim(slot) else { return }
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    writeDigits(of: UInt64(value.magnitude))
  }

  /// Writes a finite number as its shortest round-tripping spelling, without a trailing
  /// `.0` (`7`, `0.1`, `1e-07`, `-0`), as `JSONEncoder` spells it.
  ///
  /// - Throws: `EncodingError.invalidValue` for infinity and NaN, which JSON cannot hold.
  mutating func writeNumber<Number: BinaryFloatingPoint & LosslessStringConvertible>(
    _ value: Number, in slot: JSONSlot
  ) throws {
    guard value.isFinite else {
      let context = EncodingError.Context(
        codingPath: [], debugDescription: "Unable to encode \(value) directly in JSON.")
      throw EncodingError.invalidValue(value, context)
    }
    guard claim(slot) else { return }

    var spelling = value.description
    if spelling.hasSuffix(".0") { spelling.removeLast(2) }
    bytes += spelling.utf8
  }

  // MARK: Bytes

  // Punctuation is appended byte by byte: appending a short array costs several times more.

  mutating func writeSeparator() {
    bytes.append(UInt8(ascii: ","))
    bytes.append(UInt8(ascii: "\n"))
  }

  mutating func writeColon() {
    bytes.append(UInt8(ascii: " "))
    bytes.append(UInt8(ascii: ":"))
    bytes.append(UInt8(ascii: " "))
  }

  mutating func writeIndent(_ depth: Int) {
    for _ in 0..<(2 * depth) { bytes.append(UInt8(ascii: " ")) }
  }

  /// The decimal digits of `magnitude`, written last digit first and then turned around.
  private mutating func writeDigits(of magnitude: UInt64) {
    let start = bytes.count
    var rest = magnitude
    repeat {
      bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
      rest /= 10
    } while rest > 0
    bytes[start...].reverse()
  }

  /// The string quoted and escaped.
  mutating func writeQuoted(_ string: String) {
    bytes.append(UInt8(ascii: "\""))
    writeEscaped(string)
    bytes.append(UInt8(ascii: "\""))
  }

  /// The string escaped; the runs between escapes are copied whole.
  mutating func writeEscaped(_ string: String) {
    var string = string
    string.withUTF8 { utf8 in
      var runStart = 0
      for (offset, byte) in utf8.enumerated() where byte < 0x20 || Self.isQuoteOrBackslash(byte) {
        bytes += UnsafeBufferPointer(rebasing: utf8[runStart..<offset])
        writeEscape(byte)
        runStart = offset + 1
      }
      bytes += UnsafeBufferPointer(rebasing: utf8[runStart...])
    }
  }

  private static func isQuoteOrBackslash(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
  }

  private mutating func writeEscape(_ byte: UInt8) {
    switch byte {
    case 0x08: bytes += #"\b"#.utf8
    case 0x0C: bytes += #"\f"#.utf8
    case UInt8(ascii: "\n"): bytes += #"\n"#.utf8
    case UInt8(ascii: "\r"): bytes += #"\r"#.utf8
    case UInt8(ascii: "\t"): bytes += #"\t"#.utf8
    case 0x00..<0x20:
      bytes += #"\u00"#.utf8
      bytes += [Self.hexDigit(byte >> 4), Self.hexDigit(byte & 0xF)]
    default: bytes += [UInt8(ascii: "\\"), byte]
    }
  }

  private static func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
  }
}
