import COCRShim

/// What Tesseract read on one page: its lines and how sure it was of each word.
struct RecognisedPage: Equatable {
  /// The page's lines in reading order; an empty line separates blocks of text.
  var lines: [String]
  /// The confidence (0-100) of each recognised word, in reading order.
  var wordConfidences: [Int]

  /// The mean word confidence (0-100); 0 when no word was recognised at all, so that a
  /// scanned page OCR could not read is flagged rather than passed as clean.
  var meanConfidence: Double {
    guard !wordConfidences.isEmpty else { return 0 }
    return Double(wordConfidences.reduce(0, +)) / Double(wordConfidences.count)
  }
}

/// One Tesseract engine with its language model loaded: the only holder of an engine
/// pointer. Loading a model takes a tenth of a second or more, so an engine is made once per
/// worker and reused for every page it reads.
///
/// An engine is not thread-safe; `OCRReader` lends each one to a single thread at a time,
/// which is why the type can be marked `@unchecked Sendable`.
final class OCREngine: @unchecked Sendable {
  private let engine: OpaquePointer

  /// An engine for `language` with the models in `folder`.
  init(folder: String, language: String) throws(OCRError) {
    guard let engine = pc_ocr_engine_create(folder, language) else {
      throw .engineRefusedModel(language: language, folder: folder)
    }
    self.engine = engine
  }

  deinit {
    pc_ocr_engine_destroy(engine)
  }

  /// The text and word confidences of `image`, median-filtered over squares of
  /// `medianSize` pixels first when that is above 1, or nil when Tesseract fails on it.
  func recognise(_ image: PageImage, medianSize: Int) -> RecognisedPage? {
    let status = pc_ocr_recognize(
      engine, image.pixels, Int32(image.width), Int32(image.height),
      Int32(PageImage.bytesPerPixel), Int32(image.bytesPerRow), Int32(image.dpi.rounded()),
      Int32(medianSize))
    guard status == 0, let text = pc_ocr_text(engine) else { return nil }
    defer { pc_ocr_free(text) }

    var count: Int32 = 0
    let confidences = pc_ocr_word_confidences(engine, &count)
    defer { pc_ocr_free(confidences) }
    let words = Array(UnsafeBufferPointer(start: confidences, count: Int(count)))

    let lines = String(cString: text).split(separator: "\n", omittingEmptySubsequences: false)
    return RecognisedPage(lines: lines.map(String.init), wordConfidences: words.map(Int.init))
  }
}
