import Foundation

/// Reads the text of one lexicon file into entries (the format is in Lexicons/README.md).
///
/// A line is a comment (`#`), blank, a directive (`@version 1`, `@defaults key=value`) or an
/// entry `concept | variant; variant | key=value`; anything else is a `malformedLine`.
struct LexiconParser {
  /// The format version this build reads.
  static let supportedVersion = 1

  /// The file's name as shown in errors ("medications.txt").
  let fileName: String
  /// The lexicon name entries carry (the file stem).
  let lexicon: String

  func entries(in text: String) throws(LexiconError) -> [LexiconEntry] {
    var text = text
    // A text without carriage returns is cut into lines at its line feeds, each a character
    // of its own there (see `pieces(of:separatedBy:)`), and an ASCII line read by its bytes.
    let read = text.withUTF8 { bytes in
      Self.firstIndex(of: 0x0D, in: bytes) != nil
        ? nil
        : Result { () throws(LexiconError) in
          try entries(inLines: Self.lines(of: bytes))
        }
    }
    if let read { return try read.get() }
    return try entriesReadAsText(in: text)
  }

  /// The entries of `text` read line by line as text, each line cut by its characters: how
  /// a text with carriage returns is read, and what reading ASCII lines by their bytes must
  /// give (the tests compare the two).
  func entriesReadAsText(in text: String) throws(LexiconError) -> [LexiconEntry] {
    try entries(inLines: Self.pieces(of: text, separatedBy: "\n").map(Line.text))
  }

  /// One line of a lexicon file, without the whitespace around it: its bytes where it is
  /// ASCII, else its text.
  private enum Line {
    case ascii(UnsafeBufferPointer<UInt8>)
    case text(String)
  }

  /// The lines of `text` (UTF-8 without carriage returns), cut at its line feeds. A text
  /// all of ASCII, as most lexicons are, has ASCII lines and is not asked again line by
  /// line.
  private static func lines(of text: UnsafeBufferPointer<UInt8>) -> [Line] {
    let isAllASCII = isASCII(text)
    var lines: [Line] = []
    var start = 0
    while let end = firstIndex(of: 0x0A, in: UnsafeBufferPointer(rebasing: text[start...])) {
      let bytes = UnsafeBufferPointer(rebasing: text[start..<(start + end)])
      lines.append(isAllASCII ? .ascii(trimmedBytes(bytes)) : line(bytes))
      start += end + 1
    }
    let last = UnsafeBufferPointer(rebasing: text[start...])
    lines.append(isAllASCII ? .ascii(trimmedBytes(last)) : line(last))
    return lines
  }

  private static func line(_ bytes: UnsafeBufferPointer<UInt8>) -> Line {
    isASCII(bytes) ? .ascii(trimmedBytes(bytes)) : .text(trimmed(bytes))
  }

  /// The offset of the first `byte` in `bytes`, found by the C library's `memchr`, which
  /// reads many bytes a step where a loop in Swift reads one.
  private static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let base = bytes.baseAddress, !bytes.isEmpty,
      let found = memchr(base, Int32(byte), bytes.count)
    else { return nil }
    return UnsafeRawPointer(found) - UnsafeRawPointer(base)
  }

  /// Whether every byte is ASCII, read eight bytes a step.
  private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    var offset = 0
    // Each load reads the eight bytes from `offset`, all within the buffer.
    while offset + 8 <= bytes.count {
      let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      if word & 0x8080_8080_8080_8080 != 0 { return false }
      offset += 8
    }
    return bytes[offset...].allSatisfy { $0 < 0x80 }
  }

  private func entries(inLines lines: [Line]) throws(LexiconError) -> [LexiconEntry] {
    var entries: [LexiconEntry] = []
    entries.reserveCapacity(lines.count)
    var hasVersion = false
    var defaults: [String: String] = [:]
    var previous: Attributes? = nil

    for (index, line) in lines.enumerated() {
      let number = index + 1
      switch line {
      case .ascii(let bytes):
        guard let first = bytes.first, first != UInt8(ascii: "#") else { continue }
        if first == UInt8(ascii: "@") {
          try applyDirective(
            ascii: bytes, number: number, hasVersion: &hasVersion, defaults: &defaults)
          previous = nil
          continue
        }
        guard hasVersion else { throw .missingVersion(file: fileName) }
        entries.append(
          try entry(ascii: bytes, number: number, defaults: defaults, previous: &previous))
      case .text(let line):
        if line.isEmpty || line.hasPrefix("#") { continue }
        if line.hasPrefix("@") {
          let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
          try applyDirective(words, number: number, hasVersion: &hasVersion, defaults: &defaults)
          previous = nil
          continue
        }
        guard hasVersion else { throw .missingVersion(file: fileName) }
        entries.append(try entry(line, number: number, defaults: defaults))
      }
    }
    guard hasVersion else { throw .missingVersion(file: fileName) }
    return entries
  }

  /// `applyDirective(_:number:hasVersion:defaults:)` of an ASCII line, read by its bytes:
  /// the attributes of `@defaults` are those of the bytes after its first word, which
  /// `attributes(ascii:number:)` splits at white space as the words are split.
  private func applyDirective(
    ascii line: UnsafeBufferPointer<UInt8>, number: Int, hasVersion: inout Bool,
    defaults: inout [String: String]
  ) throws(LexiconError) {
    let words = Self.words(ofASCII: line)
    guard String(asciiBytes: words[0]) == "@defaults" else {
      try applyDirective(
        words.map(String.init(asciiBytes:)), number: number, hasVersion: &hasVersion,
        defaults: &defaults)
      return
    }
    guard hasVersion else { throw .missingVersion(file: fileName) }
    // The line is trimmed: its first word begins it.
    defaults = try attributes(
      ascii: UnsafeBufferPointer(rebasing: line[words[0].count...]), number: number)
  }

  /// The words of an ASCII line, split at white space: in ASCII only the bytes `isSpace`
  /// holds are white space, and "\r\n" cannot stand in a line.
  private static func words(
    ofASCII line: UnsafeBufferPointer<UInt8>
  ) -> [UnsafeBufferPointer<UInt8>] {
    var words: [UnsafeBufferPointer<UInt8>] = []
    var start: Int? = nil
    for index in 0...line.count {
      let isSpace = index == line.count || Self.isSpace(line[index])
      if isSpace, let first = start {
        words.append(UnsafeBufferPointer(rebasing: line[first..<index]))
        start = nil
      } else if !isSpace && start == nil {
        start = index
      }
    }
    return words
  }

  /// Applies the directive line of `words` (split at white space, the first a `@` word).
  private func applyDirective(
    _ words: [String], number: Int, hasVersion: inout Bool, defaults: inout [String: String]
  ) throws(LexiconError) {
    switch words[0] {
    case "@version":
      guard !hasVersion else { throw malformed(number, "a second @version line") }
      guard words.count == 2 else { throw malformed(number, "expected '@version 1'") }
      guard words[1] == String(Self.supportedVersion) else {
        throw .unsupportedVersion(file: fileName, line: number, version: words[1])
      }
      hasVersion = true
    case "@defaults":
      guard hasVersion else { throw .missingVersion(file: fileName) }
      defaults = try attributes(words.dropFirst().joined(separator: " "), number: number)
    default:
      throw malformed(number, "unknown directive '\(words[0])' (known: @version, @defaults)")
    }
  }

  private func entry(
    _ line: String, number: Int, defaults: [String: String]
  ) throws(LexiconError) -> LexiconEntry {
    let fields = Self.pieces(of: line, separatedBy: "|")
    guard fields.count <= 3 else {
      throw malformed(number, "more than three '|'-separated fields")
    }
    guard !fields[0].isEmpty else { throw malformed(number, "the concept (first field) is empty") }

    let variants = fields.count > 1 ? try variants(fields[1], number: number) : []
    let own = fields.count > 2 ? try attributes(fields[2], number: number) : [:]
    return LexiconEntry(
      lexicon: lexicon, concept: fields[0], variants: variants,
      attributes: Self.merging(own, into: defaults), line: number)
  }

  /// The attributes of an entry: the defaults with the entry's own over them. Most entries
  /// have no attributes of their own, or no defaults, and share the other as it is.
  private static func merging(
    _ own: [String: String], into defaults: [String: String]
  ) -> [String: String] {
    if own.isEmpty { return defaults }
    if defaults.isEmpty { return own }
    return defaults.merging(own) { _, entry in entry }
  }

  /// The attribute field of the last ASCII entry read and the attributes it gave, the
  /// defaults merged in: an entry with the same field has the same attributes, and the
  /// entries of a group often share theirs ("class=nsaid").
  private struct Attributes {
    let field: UnsafeBufferPointer<UInt8>
    let attributes: [String: String]
  }

  /// `entry(_:number:defaults:)` of an ASCII line, read by its bytes: each is a character
  /// there, and the fields, variants and attributes are what cutting the line's text gives.
  /// `previous` is the attribute field before, in force with the same `defaults`.
  private func entry(
    ascii line: UnsafeBufferPointer<UInt8>, number: Int, defaults: [String: String],
    previous: inout Attributes?
  ) throws(LexiconError) -> LexiconEntry {
    let fields = Self.bytePieces(of: line, separatedBy: UInt8(ascii: "|"))
    guard fields.count <= 3 else {
      throw malformed(number, "more than three '|'-separated fields")
    }
    guard !fields[0].isEmpty else { throw malformed(number, "the concept (first field) is empty") }

    let variants = fields.count > 1 ? try variants(ascii: fields[1], number: number) : []
    var attributes = defaults
    if fields.count > 2 {
      if let previous, Self.areEqual(previous.field, fields[2]) {
        attributes = previous.attributes
      } else {
        let own = try self.attributes(ascii: fields[2], number: number)
        attributes = Self.merging(own, into: defaults)
        previous = Attributes(field: fields[2], attributes: attributes)
      }
    }
    return LexiconEntry(
      lexicon: lexicon, concept: String(asciiBytes: fields[0]), variants: variants,
      attributes: attributes, line: number)
  }

  /// Whether the two byte ranges hold the same bytes, compared by `memcmp`.
  private static func areEqual(
    _ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    guard first.count == second.count else { return false }
    guard let a = first.baseAddress, let b = second.baseAddress else { return true }
    return memcmp(a, b, first.count) == 0
  }

  /// `variants(_:number:)` of an ASCII field, read by its bytes: each variant is made a
  /// string as it is cut.
  private func variants(
    ascii field: UnsafeBufferPointer<UInt8>, number: Int
  ) throws(LexiconError) -> [String] {
    guard !field.isEmpty else { return [] }
    var variants: [String] = []
    var pieces = Self.Pieces(of: field, separatedBy: UInt8(ascii: ";"))
    variants.reserveCapacity(pieces.count)
    while let variant = pieces.next() {
      guard !variant.isEmpty else {
        throw malformed(number, "an empty variant (two ';' in a row, or a trailing ';')")
      }
      variants.append(String(asciiBytes: variant))
    }
    return variants
  }

  /// `attributes(_:number:)` of an ASCII field, read by its bytes.
  private func attributes(
    ascii field: UnsafeBufferPointer<UInt8>, number: Int
  ) throws(LexiconError) -> [String: String] {
    var result: [String: String] = [:]
    result.reserveCapacity(field.reduce(0) { $1 == UInt8(ascii: "=") ? $0 + 1 : $0 })
    var start = 0
    for end in 0...field.count where end == field.count || Self.isSpace(field[end]) {
      defer { start = end + 1 }
      guard end > start else { continue }
      let pair = UnsafeBufferPointer(rebasing: field[start..<end])
      guard let equals = pair.firstIndex(of: UInt8(ascii: "=")),
        equals + 1 < pair.count, !pair[(equals + 1)...].contains(UInt8(ascii: "=")),
        Self.isAttributeKey(ascii: UnsafeBufferPointer(rebasing: pair[..<equals]))
      else {
        let text = String(decoding: pair, as: UTF8.self)
        throw malformed(number, "attribute '\(text)' is not of the form key=value")
      }
      let key = String(asciiBytes: UnsafeBufferPointer(rebasing: pair[..<equals]))
      let value = String(asciiBytes: UnsafeBufferPointer(rebasing: pair[(equals + 1)...]))
      guard result.updateValue(value, forKey: key) == nil else {
        throw malformed(number, "attribute '\(key)' given twice")
      }
    }
    return result
  }

  /// `isAttributeKey(_:)` of an ASCII key's bytes: only `A`-`Z` and `a`-`z` are letters
  /// there, and `0`-`9` digits.
  private static func isAttributeKey(ascii key: UnsafeBufferPointer<UInt8>) -> Bool {
    let isLetter = { (byte: UInt8) in (0x61...0x7A).contains(byte | 0x20) }
    guard let first = key.first, isLetter(first) else { return false }
    return key.allSatisfy { byte in
      isLetter(byte) || (0x30...0x39).contains(byte) || byte == 0x5F || byte == 0x2D
    }
  }

  /// The pieces of ASCII `text` between `separator`s, each without the whitespace around
  /// it, in place.
  private static func bytePieces(
    of text: UnsafeBufferPointer<UInt8>, separatedBy separator: UInt8
  ) -> [UnsafeBufferPointer<UInt8>] {
    var pieces: [UnsafeBufferPointer<UInt8>] = []
    // Room for the three fields of an entry line, the most a valid one has.
    pieces.reserveCapacity(3)
    var cut = Pieces(of: text, separatedBy: separator)
    while let piece = cut.next() { pieces.append(piece) }
    return pieces
  }

  /// The pieces of ASCII `text` between `separator`s, each without the whitespace around
  /// it, in place, one at a time; the separators are found by `memchr`.
  private struct Pieces {
    private let text: UnsafeBufferPointer<UInt8>
    private let separator: UInt8
    /// Where the next piece begins; past the end when every piece has been given.
    private var start = 0

    init(of text: UnsafeBufferPointer<UInt8>, separatedBy separator: UInt8) {
      self.text = text
      self.separator = separator
    }

    /// How many pieces there are in all: one more than separators.
    var count: Int {
      var (count, start) = (1, 0)
      while let end = firstIndex(of: separator, in: UnsafeBufferPointer(rebasing: text[start...])) {
        count += 1
        start += end + 1
      }
      return count
    }

    mutating func next() -> UnsafeBufferPointer<UInt8>? {
      guard start <= text.count else { return nil }
      let rest = UnsafeBufferPointer(rebasing: text[start...])
      let end = firstIndex(of: separator, in: rest).map { start + $0 } ?? text.count
      let piece = trimmedBytes(UnsafeBufferPointer(rebasing: text[start..<end]))
      start = end + 1
      return piece
    }
  }

  /// The pieces of `text` between `separator`s as they stand, in place.
  private static func untrimmedPieces(
    of text: UnsafeBufferPointer<UInt8>, separatedBy separator: UInt8
  ) -> [UnsafeBufferPointer<UInt8>] {
    var pieces: [UnsafeBufferPointer<UInt8>] = []
    pieces.reserveCapacity(text.reduce(1) { $1 == separator ? $0 + 1 : $0 })
    var start = 0
    for end in text.indices where text[end] == separator {
      pieces.append(UnsafeBufferPointer(rebasing: text[start..<end]))
      start = end + 1
    }
    pieces.append(UnsafeBufferPointer(rebasing: text[start...]))
    return pieces
  }

  private func variants(_ field: String, number: Int) throws(LexiconError) -> [String] {
    guard !field.isEmpty else { return [] }
    let parts = Self.pieces(of: field, separatedBy: ";")
    if parts.contains(where: \.isEmpty) {
      throw malformed(number, "an empty variant (two ';' in a row, or a trailing ';')")
    }
    return parts
  }

  private func attributes(
    _ field: String, number: Int
  ) throws(LexiconError) -> [String: String] {
    var result: [String: String] = [:]
    for pair in Self.words(of: field) {
      guard let (key, value) = Self.keyAndValue(of: pair), Self.isAttributeKey(key) else {
        throw malformed(number, "attribute '\(pair)' is not of the form key=value")
      }
      let name = String(key)
      guard result[name] == nil else { throw malformed(number, "attribute '\(key)' given twice") }
      result[name] = String(value)
    }
    return result
  }

  /// The two sides of the one `=` of `pair`, the value not empty; `nil` for another shape.
  /// An ASCII pair is cut by its bytes, each of which is a character there (it holds no
  /// whitespace, so no carriage return).
  private static func keyAndValue(of pair: Substring) -> (key: Substring, value: Substring)? {
    guard pair.utf8.allSatisfy({ $0 < 0x80 }) else {
      let parts = pair.split(separator: "=", omittingEmptySubsequences: false)
      guard parts.count == 2, !parts[1].isEmpty else { return nil }
      return (parts[0], parts[1])
    }
    guard let equals = pair.utf8.firstIndex(of: UInt8(ascii: "=")) else { return nil }
    let value = pair[pair.utf8.index(after: equals)...]
    guard !value.isEmpty, !value.utf8.contains(UInt8(ascii: "=")) else { return nil }
    return (pair[..<equals], value)
  }

  /// `text` split at every `separator` (an ASCII mark), each piece without the whitespace
  /// around it, as splitting it by characters gives them; splitting by characters was most
  /// of the time a worker took to load the lexicons.
  ///
  /// A text without carriage returns is split by its bytes where each separator byte is a
  /// character: everywhere in ASCII, and a line feed everywhere in any text (no character
  /// but a carriage return joins one). A piece of ASCII is trimmed by its bytes, each of
  /// which is a character there; another, by its characters.
  static func pieces(of text: String, separatedBy separator: Character) -> [String] {
    var text = text
    let byBytes = separator.asciiValue.flatMap { mark in
      text.withUTF8 { bytes in
        splitsByBytes(bytes, at: mark) ? pieces(of: bytes, separatedBy: mark) : nil
      }
    }
    return byBytes
      ?? text.split(separator: separator, omittingEmptySubsequences: false)
      .map(\.trimmingWhitespace)
  }

  /// Whether every `separator` byte of `text` is a character of its own and `text` holds no
  /// carriage return.
  private static func splitsByBytes(_ text: UnsafeBufferPointer<UInt8>, at separator: UInt8)
    -> Bool
  {
    separator == 0x0A
      ? !text.contains(0x0D) : text.allSatisfy { $0 < 0x80 && $0 != 0x0D }
  }

  /// The pieces of `text` between `separator`s, each without the whitespace around it, as
  /// strings.
  private static func pieces(
    of text: UnsafeBufferPointer<UInt8>, separatedBy separator: UInt8
  ) -> [String] {
    untrimmedPieces(of: text, separatedBy: separator).map(trimmed)
  }

  /// `piece` without the whitespace around it, as a string.
  private static func trimmed(_ piece: UnsafeBufferPointer<UInt8>) -> String {
    guard piece.allSatisfy({ $0 < 0x80 }) else {
      return String(decoding: piece, as: UTF8.self).trimmingWhitespace
    }
    return String(decoding: trimmedBytes(piece), as: UTF8.self)
  }

  /// An ASCII `piece` without the whitespace around it.
  private static func trimmedBytes(
    _ piece: UnsafeBufferPointer<UInt8>
  ) -> UnsafeBufferPointer<UInt8> {
    var (start, end) = (0, piece.count)
    while start < end && isSpace(piece[start]) { start += 1 }
    while end > start && isSpace(piece[end - 1]) { end -= 1 }
    return UnsafeBufferPointer(rebasing: piece[start..<end])
  }

  /// The words of `field`, split at whitespace; an ASCII field by its bytes, each of which
  /// is a character there (a carriage return and line feed together are one, and
  /// whitespace).
  private static func words(of field: String) -> [Substring] {
    guard isASCII(field) else {
      return field.split(whereSeparator: \.isWhitespace)
    }
    return field.utf8.split(whereSeparator: isSpace).map(Substring.init)
  }

  /// Whether `key` is a letter followed by letters, digits, `_` and `-`; an ASCII key is
  /// read by its bytes, among which only `A`-`Z` and `a`-`z` are letters and `0`-`9` digits.
  private static func isAttributeKey(_ key: Substring) -> Bool {
    guard key.utf8.allSatisfy({ $0 < 0x80 }) else {
      guard let first = key.first, first.isLetter else { return false }
      return key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    }
    let isLetter = { (byte: UInt8) in (0x61...0x7A).contains(byte | 0x20) }
    guard let first = key.utf8.first, isLetter(first) else { return false }
    return key.utf8.allSatisfy { byte in
      isLetter(byte) || (0x30...0x39).contains(byte) || byte == 0x5F || byte == 0x2D
    }
  }

  /// Whether `text` is ASCII, read from its bytes in place.
  private static func isASCII(_ text: String) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } }
      ?? text.utf8.allSatisfy { $0 < 0x80 }
  }

  /// Whether `byte` is an ASCII space, tab or line break: whitespace.
  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (0x09...0x0D).contains(byte)
  }

  private func malformed(_ line: Int, _ reason: String) -> LexiconError {
    .malformedLine(file: fileName, line: line, reason: reason)
  }
}

extension StringProtocol {
  /// The text without leading and trailing whitespace (spaces, tabs, carriage returns).
  var trimmingWhitespace: String {
    guard let first = firstIndex(where: { !$0.isWhitespace }),
      let last = lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return String(self[first...last])
  }
}

extension String {
  /// The string of ASCII `bytes`, copied into it in place: what `String(decoding:as:)`
  /// gives them, for fewer instructions (the lexicons make thousands of strings).
  init(asciiBytes bytes: UnsafeBufferPointer<UInt8>) {
    self.init(unsafeUninitializedCapacity: bytes.count) { buffer in
      UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(bytes))
      return bytes.count
    }
  }
}
