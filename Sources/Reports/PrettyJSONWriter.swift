import Foundation

/// Writes JSON as UTF-8 in the layout of Foundation's `JSONEncoder` with the `.prettyPrinted`,
/// `.sortedKeys` and `.withoutEscapingSlashes` options, for the values of the JSON report,
/// which write themselves (`JSONReportValue`).
///
/// That layout: two spaces of indent per level; `"key" : value`; one element or member a
/// line, with `,` ending all but the last; an empty array or object as its brackets with an
/// empty line between (`[`, ``, `]`); keys sorted by their UTF-8 bytes. Strings escape `"`
/// and `\`, write backspace, form feed, newline, carriage return and tab as `\b`, `\f`,
/// `\n`, `\r` and `\t` and every other control character below U+0020 as `\u00XX` (lower-case
/// hex), and leave everything else as it is: `/`, DEL, U+2028 and all non-ASCII characters.
///
/// The writer lays out what it is given, in the order given: `JSONMembers` hands an object's
/// members over in key order.
struct PrettyJSONWriter: ~Copyable {
  private(set) var bytes: OutputBytes
  /// The nesting level of the array or object being written; its members are indented by it.
  private var depth = 0
  /// Whether the array or object being written has a member already, so that the next one
  /// comes after a separator.
  private var hasMember = false
  /// The first number that JSON cannot hold; `JSONReport` throws it once all is written.
  private(set) var unwritableNumber: EncodingError?

  init(capacity: Int) { bytes = OutputBytes(capacity: capacity) }

  // MARK: Arrays and objects

  mutating func writeArray(_ elements: [some JSONReportValue]) {
    open(UInt8(ascii: "["))
    // By index, so that each element is written where it is rather than copied out first.
    for index in elements.indices {
      beginMember()
      elements[index].write(to: &self)
    }
    close(UInt8(ascii: "]"))
  }

  /// Writes an object whose members `writeMembers` writes, each begun by `writeKey(_:)`.
  mutating func writeObject(_ writeMembers: (inout PrettyJSONWriter) -> Void) {
    open(UInt8(ascii: "{"))
    writeMembers(&self)
    close(UInt8(ascii: "}"))
  }

  /// Begins a member of the object being written: the separator, the indent and
  /// `renderedKey`, which is the key quoted with the colon after it.
  mutating func writeKey(_ renderedKey: [UInt8]) {
    beginMember()
    bytes.append(renderedKey)
  }

  /// The bytes of `key` as `writeKey(_:)` takes them: quoted, escaped, and followed by ` : `.
  static func renderedKey(_ key: String) -> [UInt8] {
    var writer = PrettyJSONWriter(capacity: key.utf8.count + 5)
    writer.writeString(key)
    writer.bytes.append(" : ")
    return Array(writer.bytes.written)
  }

  mutating func writeNewline() { bytes.append(UInt8(ascii: "\n")) }

  private mutating func open(_ bracket: UInt8) {
    bytes.append(bracket)
    bytes.append(UInt8(ascii: "\n"))
    depth += 1
    hasMember = false
  }

  /// Ends the array or object being written; it was a member of the one around it, which
  /// so has a member.
  private mutating func close(_ bracket: UInt8) {
    bytes.append(UInt8(ascii: "\n"))
    depth -= 1
    writeLineStart(separated: false)
    bytes.append(bracket)
    hasMember = true
  }

  private mutating func beginMember() {
    writeLineStart(separated: hasMember)
    hasMember = true
  }

  /// The separator before a member's line when `separated`, then the line's indent, both
  /// copied from one literal.
  private mutating func writeLineStart(separated: Bool) {
    let lineStart = Self.lineStart
    let skipped = separated ? 0 : 2
    let indent = 2 * depth
    let copied = min(indent, lineStart.utf8CodeUnitCount - 2)
    bytes.append(
      UnsafeBufferPointer(start: lineStart.utf8Start + skipped, count: 2 + copied - skipped))

    for _ in copied..<indent { bytes.append(UInt8(ascii: " ")) }
  }

  /// A separator and the indent of a member 32 levels deep; deeper ones add the
  /// rest one by one.
  private static var lineStart: StaticString {
    ",\n                                                                "
  }

  // MARK: Scalars

  mutating func writeBool(_ value: Bool) {
    bytes.append(value ? "true" : "false")
  }

  mutating func writeInteger(_ value: Int) {
    DecimalDigits.write(value) { bytes.append($0) }
  }

  /// Writes a finite number as its shortest round-tripping spelling, without a trailing
  /// `.0` (`7`, `0.1`, `1e-07`, `-0`), as `JSONEncoder` spells it; infinity and NaN, which
  /// JSON cannot hold, are kept as `unwritableNumber`.
  mutating func writeNumber(_ value: Double) {
    guard value.isFinite else {
      keepUnwritable(value)
      return
    }
    if let whole = Self.wholeNumber(value) {
      writeInteger(whole)
      return
    }

    var spelling = value.description
    if spelling.hasSuffix(".0") { spelling.removeLast(2) }
    spelling.withUTF8 { bytes.append($0) }
  }

  /// The value as an `Int` when its `description` is that integer followed by `.0`: a whole
  /// number other than -0 below 10^15, where `description` turns to exponents at 2^53.
  private static func wholeNumber(_ value: Double) -> Int? {
    guard value.magnitude < 1e15 else { return nil }

    let whole = Int(value)
    guard Double(whole) == value, whole != 0 || value.sign == .plus else { return nil }
    return whole
  }

  private mutating func keepUnwritable(_ value: Double) {
    guard unwritableNumber == nil else { return }
    let context = EncodingError.Context(
      codingPath: [], debugDescription: "Unable to encode \(value) directly in JSON.")
    unwritableNumber = EncodingError.invalidValue(value, context)
  }

  /// Writes the string quoted and escaped; the runs between escapes are copied whole.
  mutating func writeString(_ string: String) {
    bytes.append(UInt8(ascii: "\""))
    let isContiguous = string.utf8.withContiguousStorageIfAvailable { writeEscaped($0) } != nil
    if !isContiguous { Array(string.utf8).withUnsafeBufferPointer { writeEscaped($0) } }
    bytes.append(UInt8(ascii: "\""))
  }

  /// Writes UTF-8 bytes escaped, looking at them eight at a time: most strings hold nothing
  /// to escape, and are copied in one run.
  private mutating func writeEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
    var runStart = 0
    var wordStart = 0
    while wordStart + 8 <= utf8.count {
      let word = UnsafeRawPointer(utf8.baseAddress!).loadUnaligned(
        fromByteOffset: wordStart, as: UInt64.self)
      if Self.hasByteToEscape(word) {
        writeEscapes(in: utf8, wordStart..<(wordStart + 8), after: &runStart)
      }
      wordStart += 8
    }
    writeEscapes(in: utf8, wordStart..<utf8.count, after: &runStart)

    bytes.append(UnsafeBufferPointer(rebasing: utf8[runStart...]))
  }

  /// Writes each byte of `positions` that needs it escaped, after the run of bytes before it
  /// from `runStart`, and moves `runStart` past it.
  private mutating func writeEscapes(
    in utf8: UnsafeBufferPointer<UInt8>, _ positions: Range<Int>, after runStart: inout Int
  ) {
    for position in positions where Self.needsEscape(utf8[position]) {
      bytes.append(UnsafeBufferPointer(rebasing: utf8[runStart..<position]))
      writeEscape(utf8[position])
      runStart = position + 1
    }
  }

  /// Whether one of the eight bytes of `word` needs escaping: is below 0x20, `"` or `\`,
  /// by the usual word-wide tests for a byte below a value, which are exact.
  private static func hasByteToEscape(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    func hasByte(below limit: UInt64, _ word: UInt64) -> Bool {
      (word &- ones &* limit) & ~word & (ones &* 0x80) != 0
    }

    return hasByte(below: 0x20, word) || hasByte(below: 1, word ^ (ones &* 0x22))
      || hasByte(below: 1, word ^ (ones &* 0x5C))
  }

  private static func needsEscape(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
  }

  private mutating func writeEscape(_ byte: UInt8) {
    switch byte {
    case 0x08: bytes.append(#"\b"#)
    case 0x0C: bytes.append(#"\f"#)
    case UInt8(ascii: "\n"): bytes.append(#"\n"#)
    case UInt8(ascii: "\r"): bytes.append(#"\r"#)
    case UInt8(ascii: "\t"): bytes.append(#"\t"#)
    case 0x00..<0x20:
      bytes.append(#"\u00"#)
      bytes.append(Self.hexDigit(byte >> 4))
      bytes.append(Self.hexDigit(byte & 0xF))
    default:
      bytes.append(UInt8(ascii: "\\"))
      bytes.append(byte)
    }
  }

  private static func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
  }
}
