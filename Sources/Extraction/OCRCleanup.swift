/// What `OCRReader` does to a page image before Tesseract reads it.
///
/// The defaults are what measured best on the scanned corpus (`Corpus/scanned`: fax-like
/// 200 dpi pages, turned up to 1.5° and speckled), scored by `pendcheck evaluate`: both steps
/// raise micro-F1, the median filter most; the figures are in `docs/ocr.md`.
public struct OCRCleanup: Sendable, Equatable {
  /// Whether the page's skew is estimated (`SkewEstimate`) and the page drawn turned back.
  public var straightens: Bool
  /// The side in pixels (at 300 dpi) of the median filter that removes speckle; 0 or 1 for
  /// none. A 3-pixel square removes isolated specks without thinning 8-point text.
  public var medianSize: Int

  public init(straightens: Bool = true, medianSize: Int = 3) {
    self.straightens = straightens
    self.medianSize = medianSize
  }
}
