import Foundation

/// Every lexicon of a directory, loaded and checked, with the phrase trie over all of them.
///
/// Each `*.txt` file of the directory is one lexicon, named by its file stem; all share one
/// format (Lexicons/README.md). The Language stage reads the `StructuralLexicon`s itself;
/// the others (medications, procedures, …) are matched for the fact detectors.
public final class Lexicons: Sendable {
  /// The directory the lexicons were read from.
  public let directory: URL
  /// The lexicon names, sorted.
  public let names: [String]
  private let entriesByLexicon: [String: [LexiconEntry]]
  /// One trie over the phrases of every lexicon.
  let trie: PhraseTrie
  /// The structural lexicons, read for the stage's own use.
  let language: LanguageData
  /// The date and duration expressions, built from `language`'s number words and units.
  let patterns: DatePatterns

  private init(directory: URL, entries: [String: [LexiconEntry]]) throws(ICUFailure) {
    self.directory = directory
    self.names = entries.keys.sorted()
    self.entriesByLexicon = entries
    self.trie = try PhraseTrie(entries: names.flatMap { entries[$0] ?? [] })
    self.language = LanguageData { entries[$0.rawValue] ?? [] }
    self.patterns = DatePatterns(language: language)
  }

  /// Loads every `*.txt` file of `directory`.
  ///
  /// - Throws: `LexiconError` naming the file (and line) that could not be read or parsed.
  public static func load(from directory: URL) throws(LexiconError) -> Lexicons {
    let fileNames = try lexiconFileNames(in: directory)
    var entries: [String: [LexiconEntry]] = [:]
    for fileName in fileNames {
      let file = directory.appendingPathComponent(fileName)
      let name =
        lexiconName(ofFileNamed: fileName) ?? file.deletingPathExtension().lastPathComponent
      let parsed = try LexiconParser(fileName: fileName, lexicon: name)
        .entries(in: try contents(of: file))
      try StructuralLexicon(rawValue: name)?.validate(parsed, fileName: fileName)
      entries[name] = parsed
    }

    do {
      return try Lexicons(directory: directory, entries: entries)
    } catch {
      throw .languageDataUnavailable(reason: error.description)
    }
  }

  /// Builds lexicons from entries in memory (tests and benchmarks); same checks as `load`.
  public static func make(
    _ entries: [String: [LexiconEntry]], directory: URL = URL(fileURLWithPath: "/")
  ) throws(LexiconError) -> Lexicons {
    do {
      return try Lexicons(directory: directory, entries: entries)
    } catch {
      throw .languageDataUnavailable(reason: error.description)
    }
  }

  /// The entries of one lexicon (its file stem), in file order; empty when there is none.
  public func entries(in lexicon: String) -> [LexiconEntry] { entriesByLexicon[lexicon] ?? [] }

  /// The lexicons directory of this installation, found without configuration.
  ///
  /// In order: `$PENDCHECK_LEXICONS`; `<executable dir>/../share/pendcheck/Lexicons`; then,
  /// walking up from the executable's directory, the first `Lexicons` directory that stands
  /// next to a `Package.swift` (a source checkout and its `.build` products).
  ///
  /// - Parameters:
  ///   - environment: the process environment (a parameter for tests).
  ///   - executable: the running executable (a parameter for tests).
  public static func defaultDirectory(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    executable: URL? = executableURL()
  ) -> URL? {
    if let override = environment["PENDCHECK_LEXICONS"], !override.isEmpty {
      return URL(fileURLWithPath: override)
    }
    guard let executable else { return nil }

    var directory = executable.deletingLastPathComponent()
    let installed = directory.deletingLastPathComponent()
      .appendingPathComponent("share/pendcheck/Lexicons")
    if isDirectory(installed) { return installed }

    while directory.path != "/" && !directory.path.isEmpty {
      let candidate = directory.appendingPathComponent("Lexicons")
      let manifest = directory.appendingPathComponent("Package.swift")
      if isDirectory(candidate) && FileManager.default.fileExists(atPath: manifest.path) {
        return candidate
      }
      directory = directory.deletingLastPathComponent()
    }
    return nil
  }

  /// The running executable, symbolic links resolved.
  public static func executableURL() -> URL? {
    if let url = Bundle.main.executableURL { return url.resolvingSymlinksInPath() }
    guard let first = CommandLine.arguments.first else { return nil }
    return URL(fileURLWithPath: first).resolvingSymlinksInPath()
  }

  private static func isDirectory(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  /// The names of the `*.txt` files of `directory`, sorted.
  private static func lexiconFileNames(in directory: URL) throws(LexiconError) -> [String] {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    } catch {
      throw .noLexicons(directory: directory.path)
    }
    let files = names.filter { $0.hasSuffix(".txt") }.sorted()
    guard !files.isEmpty else { throw .noLexicons(directory: directory.path) }
    return files
  }

  /// The file stem of `fileName` (a `*.txt` name) when it holds no other period, as the
  /// names of lexicons do: what `URL`'s path extension and last component give, without
  /// making and parsing a URL for each. `nil` for another name, left to `URL`.
  static func lexiconName(ofFileNamed fileName: String) -> String? {
    let stem = fileName.utf8.dropLast(4)
    guard !stem.isEmpty, !stem.contains(UInt8(ascii: ".")) else { return nil }
    return String(Substring(stem))
  }

  private static func contents(of file: URL) throws(LexiconError) -> String {
    let data: Data
    do {
      data = try Data(contentsOf: file)
    } catch {
      throw .unreadable(file: file.lastPathComponent, reason: error.localizedDescription)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw .unreadable(file: file.lastPathComponent, reason: "not UTF-8 text")
    }
    return text
  }
}
