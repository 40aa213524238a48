/// Where a fact was read: the document, the page, and the words quoted from it.
public struct Evidence: Hashable, Sendable, Codable {
  /// The document's file name.
  public var document: String
  /// The 1-based page number.
  public var page: Int
  /// The quoted words, whitespace folded.
  public var text: String
  /// UTF-16 offsets of the quote in the document's text (PendCheck's addition to facts-v1).
  public var start: Int?
  public var end: Int?
  /// The note section the quote stands in (`physicalExam`, `assessment`, …).
  public var section: String?
  /// Mean OCR confidence of the page, when the page was read by OCR.
  public var ocrConfidence: Double?

  public init(
    document: String, page: Int, text: String, start: Int? = nil, end: Int? = nil,
    section: String? = nil, ocrConfidence: Double? = nil
  ) {
    self.document = document
    self.page = page
    self.text = text
    self.start = start
    self.end = end
    self.section = section
    self.ocrConfidence = ocrConfidence
  }
}
