import Extraction
import Matching

/// Why a case could not be reviewed, in words an intake clerk or reviewer can act on.
public enum ReviewError: Error, Sendable {
  case caseNotFound(path: String)
  case noDocuments(path: String)
  case unreadableDocument(ExtractionError)
  case invalidRequest(RequestFileError)
  case invalidOption(String)
  case unmatchable(MatchingError)

  /// One sentence naming the file and the reason.
  public var message: String {
    switch self {
    case .caseNotFound(let path):
      "\(path): no such file or folder."
    case .noDocuments(let path):
      "\(path): the case holds no PDF documents; add the office notes as .pdf files."
    case .unreadableDocument(let error):
      error.message
    case .invalidRequest(let error):
      error.message
    case .invalidOption(let reason):
      reason
    case .unmatchable(let error):
      error.message
    }
  }

  /// The file at fault, when one is.
  public var fileName: String? {
    switch self {
    case .unreadableDocument(let error): error.fileName
    case .invalidRequest(let error): error.file
    case .caseNotFound(let path), .noDocuments(let path): path
    case .invalidOption, .unmatchable: nil
    }
  }

  /// The process exit status documented in README's "Exit statuses".
  public var exitStatus: Int32 {
    switch self {
    case .caseNotFound, .noDocuments: 66
    case .unreadableDocument(let error): error.exitStatus
    case .invalidRequest, .invalidOption: 65
    case .unmatchable: 7
    }
  }
}
