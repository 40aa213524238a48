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
    var entries: [LexiconEntry] = []
    var hasVersion = false
    var defaults: [String: String] = [:]

    for (index, line) in Self.pieces(of: text, separatedBy: "\n").enumerated() {
      let number = index + 1
      if line.isEmpty || line.hasPrefix("#") { continue }

      if line.hasPrefix("@") {
        try applyDirective(line, number: number, hasVersion: &hasVersion, defaults: &defaults)
        continue
      }
      guard hasVersion else { throw .missingVersion(file: fileName) }
      entries.append(try entry(line, number: number, defaults: defaults))
    }
    guard hasVersion else { throw .missingVersion(file: fileName) }
    return entries
  }

  private func applyDirective(
    _ line: String, number: Int, hasVersion: inout Bool, defaults: inout [String: String]
  ) throws(LexiconError) {
    let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
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
      attributes: defaults.merging(own) { _, entry in entry }, line: number)
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
    for pair in field.split(whereSeparator: \.isWhitespace) {
      let parts = pair.split(separator: "=", omittingEmptySubsequences: false)
      guard parts.count == 2, let key = parts.first, let value = parts.last,
        !value.isEmpty, Self.isAttributeKey(key)
      else {
        throw malformed(number, "attribute '\(pair)' is not of the form key=value")
      }
      guard result[String(key)] == nil else {
        throw malformed(number, "attribute '\(key)' given twice")
      }
      result[String(key)] = String(value)
    }
    return result
  }

  /// `text` split at every `separator` (an ASCII mark), each piece without the whitespace
  /// around it. A text of ASCII without carriage returns, which lexicon files are, is split
  /// by its bytes, each of which is a character there; splitting by characters was most of
  /// the time a worker took to load the lexicons.
  static func pieces(of text: String, separatedBy separator: Character) -> [String] {
    guard let mark = separator.asciiValue, text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D })
    else {
      return text.split(separator: separator, omittingEmptySubsequences: false)
        .map(\.trimmingWhitespace)
    }
    return text.utf8.split(separator: mark, omittingEmptySubsequences: false).map { piece in
      let isSpace = { (byte: UInt8) in byte == 0x20 || (0x09...0x0D).contains(byte) }
      guard let first = piece.firstIndex(where: { !isSpace($0) }),
        let last = piece.lastIndex(where: { !isSpace($0) })
      else { return "" }
      return String(decoding: piece[first...last], as: UTF8.self)
    }
  }

  private static func isAttributeKey(_ key: Substring) -> Bool {
    guard let first = key.first, first.isLetter else { return false }
    return key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
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
