import Foundation
import Language
import Model

/// Shared helpers: the checked-in lexicons, and documents built from text.
enum Fixtures {
  /// The repository's Lexicons directory, found from this file's path.
  static let lexiconDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Lexicons")

  /// The checked-in lexicons, loaded once for all tests.
  static let lexicons: Lexicons = {
    do {
      return try Lexicons.load(from: lexiconDirectory)
    } catch {
      fatalError("the checked-in lexicons do not load: \(error)")
    }
  }()

  /// A one-page document holding `text`, read by the Language stage.
  static func annotate(_ text: String, name: String = "note.pdf") -> AnnotatedDocument {
    AnnotatedDocument(document: document(text, name: name), lexicons: lexicons)
  }

  /// A one-page document holding `text`.
  static func document(_ text: String, name: String = "note.pdf") -> Document {
    Document(name: name, pages: [Page(number: 1, text: text, source: .textLayer)])
  }

  /// A fresh temporary directory for one test.
  static func temporaryDirectory() -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("pendcheck-language-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

extension AnnotatedDocument {
  /// The sentences' texts, whitespace folded.
  var sentenceTexts: [String] {
    sentences.map { document.substring($0.range).collapsingWhitespace }
  }

  /// The UTF-16 range of the first occurrence of `phrase` in the text, ignoring case.
  func range(of phrase: String) -> Range<Int>? {
    guard let found = document.text.range(of: phrase, options: .caseInsensitive) else {
      return nil
    }
    let start = document.text.utf16.distance(
      from: document.text.utf16.startIndex, to: found.lowerBound)
    return start..<(start + phrase.utf16.count)
  }
}
