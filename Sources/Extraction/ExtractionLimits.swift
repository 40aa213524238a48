/// How much a single PDF may hold before extraction refuses it.
///
/// The limits keep one oversized upload from stalling a review: a file over either limit is
/// rejected with `ExtractionError.tooManyPages` or `.tooLarge` before its pages are read.
public struct ExtractionLimits: Sendable, Equatable {
  /// The most pages a PDF may have.
  public var maxPages: Int
  /// The most bytes a PDF file may have.
  public var maxBytes: Int

  /// Limits of `maxPages` pages (300 unless given) and `maxBytes` bytes (64 MiB unless given).
  public init(maxPages: Int = 300, maxBytes: Int = 64 * 1024 * 1024) {
    self.maxPages = maxPages
    self.maxBytes = maxBytes
  }
}
