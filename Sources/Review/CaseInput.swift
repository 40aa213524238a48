import Foundation

/// The files of one case: its PDFs and, optionally, the request intake received.
public struct CaseInput: Sendable {
  /// The case id: the folder's name, or the single PDF's name without its extension.
  public let caseID: String
  public let documents: [URL]
  public let requestFile: URL?

  public init(caseID: String, documents: [URL], requestFile: URL?) {
    self.caseID = caseID
    self.documents = documents
    self.requestFile = requestFile
  }

  /// The case held by a folder (its PDFs in name order and its `request.json`), or the
  /// case of a single PDF.
  public static func at(_ url: URL) throws(ReviewError) -> CaseInput {
    // The path once: a URL makes it afresh each time it is asked.
    let path = url.path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .caseNotFound(path: path)
    }
    guard isDirectory.boolValue else {
      return CaseInput(
        caseID: url.deletingPathExtension().lastPathComponent, documents: [url],
        requestFile: nil)
    }

    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    let pdfs = names.filter { $0.lowercased().hasSuffix(".pdf") }.sorted()
      .map { url.appending(path: $0, directoryHint: .inferFromPath) }
    guard !pdfs.isEmpty else { throw .noDocuments(path: path) }

    let request = url.appending(path: "request.json", directoryHint: .inferFromPath)
    return CaseInput(
      caseID: url.lastPathComponent, documents: pdfs,
      requestFile: FileManager.default.fileExists(atPath: request.path) ? request : nil)
  }

  /// A case made of PDFs named on the command line; its id is the first file's name.
  public static func of(files urls: [URL]) throws(ReviewError) -> CaseInput {
    guard let first = urls.first else { throw .noDocuments(path: ".") }
    if urls.count == 1 { return try at(first) }

    for url in urls where !FileManager.default.fileExists(atPath: url.path) {
      throw .caseNotFound(path: url.path)
    }
    return CaseInput(
      caseID: first.deletingPathExtension().lastPathComponent, documents: urls, requestFile: nil)
  }
}
