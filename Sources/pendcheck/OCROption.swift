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
  static func extractor(_ arguments: ParsedArguments, limits: ExtractionLimits = .init())
    throws(OCRError) -> PDFExtractor
  {
    PDFExtractor(limits: limits, ocr: try reader(arguments))
  }
}
