/// Writes a `JSONValue` as UTF-8 in the layout of Foundation's `JSONEncoder` with the
/// `.prettyPrinted`, `.sortedKeys` and `.withoutEscapingSlashes` options.
///
/// That layout: two spaces of indent per level; `"key" : value`; one element or member a
/// line, with `,` ending all but the last; an empty array or object as its brackets with an
/// empty line between (`[`, ``, `]`); keys sorted by their UTF-8 bytes. Strings escape `"`
/// and `\`, write backspace, form feed, newline, carriage return and tab as `\b`, `\f`,
/// `\n`, `\r` and `\t` and every other control character below U+0020 as `\u00XX` (lower-case
/// hex), and leave everything else as it is: `/`, DEL, U+2028 and all non-ASCII characters.
struct PrettyJSONWriter {
  private(set) var bytes: [UInt8] = []

  init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  mutating func write(_ value: JSONValue, depth: Int = 0) {
    switch value {
    case .literal(let spelling): bytes += spelling.utf8
    case .string(let string): writeString(string)
    case .array(let array): writeArray(array.elements, depth: depth)
    case .object(let object): writeObject(object, depth: depth)
    case .pending(let encoder): write(encoder.encodedValue, depth: depth)
    }
  }

  mutating func writeNewline() { bytes.append(UInt8(ascii: "\n")) }

  // Punctuation as byte arrays, which append faster than a string literal's bytes.
  private static let arrayOpening = Array("[\n".utf8)
  private static let objectOpening = Array("{\n".utf8)
  private static let separator = Array(",\n".utf8)
  private static let colon = Array(" : ".utf8)

  private mutating func writeArray(_ elements: [JSONValue], depth: Int) {
    bytes += Self.arrayOpening
    for (index, element) in elements.enumerated() {
      if index > 0 { bytes += Self.separator }
      writeIndent(depth + 1)
      write(element, depth: depth + 1)
    }
    writeNewline()
    writeIndent(depth)
    bytes.append(UInt8(ascii: "]"))
  }

  private mutating func writeObject(_ object: JSONObject, depth: Int) {
    let members = object.members
    bytes += Self.objectOpening
    for (position, index) in object.writtenOrder.enumerated() {
      if position > 0 { bytes += Self.separator }
      writeIndent(depth + 1)
      writeString(members[index].key)
      bytes += Self.colon
      write(members[index].value, depth: depth + 1)
    }
    writeNewline()
    writeIndent(depth)
    bytes.append(UInt8(ascii: "}"))
  }

  private mutating func writeIndent(_ depth: Int) {
    let count = 2 * depth
    if count <= Self.spaces.count {
      bytes += Self.spaces[..<count]
    } else {
      bytes += repeatElement(UInt8(ascii: " "), count: count)
    }
  }

  private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 32)

  /// The string quoted and escaped; the runs between escapes are copied whole.
  private mutating func writeString(_ string: String) {
    bytes.append(UInt8(ascii: "\""))
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
    bytes.append(UInt8(ascii: "\""))
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
