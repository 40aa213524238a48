/// Why a lexicon directory could not be loaded; `message` names the file and line to fix.
public enum LexiconError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The directory does not exist or holds no `*.txt` lexicon.
  case noLexicons(directory: String)
  /// A file could not be read or is not UTF-8.
  case unreadable(file: String, reason: String)
  /// A line does not follow the lexicon syntax.
  case malformedLine(file: String, line: Int, reason: String)
  /// The file has no `@version` header before its first entry.
  case missingVersion(file: String)
  /// The file declares a format version this build does not understand.
  case unsupportedVersion(file: String, line: Int, version: String)
  /// A well-formed entry that the stage reading it cannot use (an unknown section kind).
  case invalidEntry(file: String, line: Int, reason: String)
  /// ICU could not segment text, so no document can be read (a broken ICU installation).
  case languageDataUnavailable(reason: String)

  /// What went wrong and where, for the person who edits the lexicons.
  public var message: String {
    switch self {
    case .noLexicons(let directory):
      return "\(directory): no lexicon files (*.txt) found"
    case .unreadable(let file, let reason):
      return "\(file): cannot be read: \(reason)"
    case .malformedLine(let file, let line, let reason):
      return "\(file):\(line): \(reason)"
    case .missingVersion(let file):
      return "\(file): missing the header line '@version 1' before the first entry"
    case .unsupportedVersion(let file, let line, let version):
      return "\(file):\(line): lexicon format version \(version) is not supported (this build"
        + " reads version \(LexiconParser.supportedVersion))"
    case .invalidEntry(let file, let line, let reason):
      return "\(file):\(line): \(reason)"
    case .languageDataUnavailable(let reason):
      return "the ICU text segmentation data is unavailable: \(reason)"
    }
  }

  public var description: String { message }
}
