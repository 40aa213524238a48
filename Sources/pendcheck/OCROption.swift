import Extraction

/// `--no-ocr`, taken by every command that reads PDFs, and the OCR reader it turns off.
enum OCROption {
  static let spec = OptionSpec(
    "no-ocr",
    help: "Leave pages without a usable text layer unread instead of reading them by OCR.")

  /// The reader for scanned pages, or nil under `--no-ocr`.
  ///
  /// - Throws: `OCRError` when the language model is not installed, so a run stops before
  ///   its first case rather than on its first scanned page.
  static func reader(_ arguments: ParsedArguments) throws(OCRError) -> OCRReader? {
    arguments.has(spec.name) ? nil : try OCRReader()
  }

  /// An extractor with `limits` that reads scanned pages unless `--no-ocr` was given.
  ///
  /// With `checksLibrary`, the Tesseract library is looked for at once, so that a long run
  /// (an evaluation, intake's parent) stops at start when it is missing; every command
  /// loads it only on its first scanned page, so a run without one never pays the 45 ms.
  static func extractor(
    _ arguments: ParsedArguments, limits: ExtractionLimits = .init(), checksLibrary: Bool = false
  ) throws(OCRError) -> PDFExtractor {
    let ocr = try reader(arguments)
    if checksLibrary { try ocr?.checkLibrary() }
    return PDFExtractor(limits: limits, ocr: ocr)
  }
}
