import Model

/// A request's words, levels and codes as exclusions and indications compare them, read once
/// per case rather than once for every guideline and exclusion.
struct RequestWords {
  /// The words of the requested service's name.
  let service: ServiceWords
  /// The words of the reason the request gives.
  let reason: ServiceWords
  /// The requested levels in upper case.
  let levels: Set<String>
  /// The requested codes as `ProcedureCode.normalized(_:)` writes them.
  let codes: Set<String>

  init(_ request: ServiceRequest) {
    service = ServiceWords(request.service)
    reason = ServiceWords(request.reason)
    levels = Set(request.levels.map { $0.uppercased() })
    codes = Set(request.cpt.map(ProcedureCode.normalized))
  }
}
