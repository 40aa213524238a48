import Model

/// The guidelines PendCheck applies, and which of them cover a requested code.
public struct GuidelineCatalog: Sendable {
  public var guidelines: [Guideline]

  public init(guidelines: [Guideline]) {
    self.guidelines = guidelines
  }

  /// Every guideline whose code table lists the code, in catalog order.
  public func guidelines(forCPT code: String) -> [Guideline] {
    guidelines.filter { $0.code(code) != nil }
  }

  /// The first entry for a code in any guideline.
  func procedureCode(_ code: String) -> ProcedureCode? {
    guidelines.lazy.compactMap { $0.code(code) }.first
  }
}

/// Why the matcher could not evaluate a request at all.
public enum MatchingError: Error, Sendable, Equatable {
  /// Neither the request nor the documents name a procedure code.
  case noRequestedCode
  /// No guideline's code table lists the code.
  case unknownCode(String)

  /// What to tell the user, in one sentence.
  public var message: String {
    switch self {
    case .noRequestedCode:
      return "No procedure code was requested: give one with --cpt or in request.json, or name"
        + " it in the documents (for example \"CPT 64493\")."
    case .unknownCode(let code):
      return "Code \(code) is not covered by any guideline PendCheck applies (1750-1758);"
        + " PendCheck cannot review it."
    }
  }
}
