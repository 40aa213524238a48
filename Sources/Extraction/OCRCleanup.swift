/// What `OCRReader` does to a page image before Tesseract reads it.
///
/// The defaults are what measured best on the scanned corpus (`Corpus/scanned`, 36 cases,
/// 56 pages at 200 dpi with ±1.5° turns and speckle; `tools/ocr_cleanup_study.py` and
/// `pendcheck evaluate`); the figures are in `docs/ocr.md`.
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
