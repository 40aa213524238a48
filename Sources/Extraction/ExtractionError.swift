/// Why a PDF could not be turned into a `Document`, with the file it happened to.
///
/// Each case names the file (its last path component, never patient text) and carries what
/// the user needs to act. `message` words it for a person; `exitStatus` is the process exit
/// status the command line uses for it:
///
/// | status | cases | meaning |
/// |---|---|---|
/// | 3 | `fileNotFound`, `unreadable` | the file could not be opened |
/// | 4 | `emptyFile`, `notPDF`, `damaged`, `noPages` | the file is not a usable PDF |
/// | 5 | `encrypted` | the PDF is protected by a password |
/// | 6 | `tooManyPages`, `tooLarge` | the PDF is over a configured limit |
/// | 69 | `ocrUnavailable` | the PDF has a scanned page and OCR cannot run on this machine |
/// | 69 | `pdfReaderUnavailable` | poppler-glib cannot be loaded on this machine |
public enum ExtractionError: Error, Equatable, Sendable {
  /// No file exists at the path.
  case fileNotFound(fileName: String)
  /// The file exists but cannot be read (a directory, or no permission); `reason` says which.
  case unreadable(fileName: String, reason: String)
  /// The file has zero bytes.
  case emptyFile(fileName: String)
  /// The file does not start with a PDF header.
  case notPDF(fileName: String)
  /// The file claims to be a PDF but poppler cannot read it; `detail` is poppler's reason.
  case damaged(fileName: String, detail: String)
  /// The PDF needs a password to be opened.
  case encrypted(fileName: String)
  /// The PDF opens but holds no pages.
  case noPages(fileName: String)
  /// The PDF has more pages than `ExtractionLimits.maxPages` allows.
  case tooManyPages(fileName: String, count: Int, limit: Int)
  /// The file is bigger than `ExtractionLimits.maxBytes` allows.
  case tooLarge(fileName: String, bytes: Int, limit: Int)
  /// A page needs OCR and OCR cannot run (`cause` says what is missing).
  case ocrUnavailable(fileName: String, cause: OCRError)
  /// poppler-glib, which reads every PDF, cannot be loaded (`detail` is the dynamic loader's
  /// message): no PDF can be read until it is installed.
  case pdfReaderUnavailable(fileName: String, library: String, detail: String)

  /// The name of the file the error is about.
  public var fileName: String {
    switch self {
    case .fileNotFound(let name), .unreadable(let name, _), .emptyFile(let name),
      .notPDF(let name), .damaged(let name, _), .encrypted(let name), .noPages(let name),
      .tooManyPages(let name, _, _), .tooLarge(let name, _, _), .ocrUnavailable(let name, _),
      .pdfReaderUnavailable(let name, _, _):
      return name
    }
  }

  /// One sentence naming the file, the reason, and what to do about it.
  public var message: String {
    switch self {
    case .fileNotFound(let name):
      return "\(name): no such file; check the path and the file name."
    case .unreadable(let name, let reason):
      return "\(name): the file cannot be read (\(reason)); check that it is a readable file."
    case .emptyFile(let name):
      return "\(name): the file is empty (0 bytes); save or export the note again."
    case .notPDF(let name):
      return "\(name): the file is not a PDF; export the note as a PDF and try again."
    case .damaged(let name, let detail):
      return "\(name): the PDF is damaged or truncated (\(detail)); obtain a fresh copy."
    case .encrypted(let name):
      return "\(name): the PDF is protected by a password; ask the sender for an unlocked copy."
    case .noPages(let name):
      return "\(name): the PDF has no pages; check that the right file was sent."
    case .tooManyPages(let name, let count, let limit):
      return "\(name): the PDF has \(count) pages, more than the limit of \(limit); "
        + "split it or raise the page limit."
    case .tooLarge(let name, let bytes, let limit):
      return "\(name): the file has \(bytes) bytes, more than the limit of \(limit); "
        + "reduce it or raise the size limit."
    case .ocrUnavailable(let name, let cause):
      return "\(name): a page has no text layer and must be read by OCR. \(cause.message)"
    case .pdfReaderUnavailable(let name, let library, let detail):
      return "\(name): the PDF reader \(library) cannot be loaded (\(detail)); install "
        + "libpoppler-glib8 (scripts/install-dependencies does)."
    }
  }

  /// The process exit status for this error (see the table in the type's documentation).
  public var exitStatus: Int32 {
    switch self {
    case .fileNotFound, .unreadable: return 3
    case .emptyFile, .notPDF, .damaged, .noPages: return 4
    case .encrypted: return 5
    case .tooManyPages, .tooLarge: return 6
    case .ocrUnavailable(_, let cause): return cause.exitStatus
    case .pdfReaderUnavailable: return 69
    }
  }
}
