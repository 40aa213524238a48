/// The machine-readable report of one case: the facts-v1 output, plus what PendCheck adds.
public struct CaseReport: Codable, Sendable {
  /// The version of this report's layout; see README's "JSON report".
  public var schemaVersion: String
  public var `case`: String
  /// The date of service of the most recent note, when one is found.
  public var noteDate: ClinicalDate?
  public var request: ServiceRequest
  /// Each document read, with its pages and any page that needed OCR.
  public var documents: [DocumentSummary]
  public var facts: [Fact]
  public var determinations: [Determination]

  public static let currentSchemaVersion = "1.0"

  public init(
    case caseID: String, noteDate: ClinicalDate?, request: ServiceRequest,
    documents: [DocumentSummary], facts: [Fact], determinations: [Determination]
  ) {
    self.schemaVersion = Self.currentSchemaVersion
    self.case = caseID
    self.noteDate = noteDate
    self.request = request
    self.documents = documents
    self.facts = facts
    self.determinations = determinations
  }
}

/// What a report says about one input document.
public struct DocumentSummary: Codable, Sendable, Hashable {
  public var name: String
  public var pageCount: Int
  /// Pages with no text layer that OCR did not read.
  public var pagesNeedingOCR: [Int]
  /// Pages read by OCR, with their mean confidence.
  public var ocrPages: [OCRPage]
  /// Why the document could not be read at all, when it could not.
  public var failure: String?

  public init(
    name: String, pageCount: Int, pagesNeedingOCR: [Int] = [], ocrPages: [OCRPage] = [],
    failure: String? = nil
  ) {
    self.name = name
    self.pageCount = pageCount
    self.pagesNeedingOCR = pagesNeedingOCR
    self.ocrPages = ocrPages
    self.failure = failure
  }
}

/// A page read by OCR and how sure the engine was.
public struct OCRPage: Codable, Sendable, Hashable {
  public var page: Int
  /// The mean confidence (0-100) of the page's words.
  public var meanConfidence: Double
  /// For a page below `OCRPage.lowConfidence`, the sentence every report shows ("page 3 was
  /// read by OCR at 61% confidence: verify against the original"); nil otherwise.
  public var warning: String?

  public init(page: Int, meanConfidence: Double) {
    self.page = page
    self.meanConfidence = meanConfidence
    self.warning =
      meanConfidence < Self.lowConfidence
      ? "page \(page) was read by OCR at \(Int(meanConfidence.rounded()))% confidence: "
        + "verify against the original"
      : nil
  }

  /// Below this mean word confidence a page is flagged for checking against the original.
  ///
  /// A chosen line between two measured groups: the 42 fax-like pages of `Corpus/scanned`
  /// (200 dpi, turned, speckled) read at 83-95, with few misread words; the same kind of note
  /// at 100-150 dpi with heavy noise read at 32-51, with most words wrong.
  public static let lowConfidence = 70.0

  /// Whether the page's reading should be checked against the original.
  public var isLowConfidence: Bool { meanConfidence < Self.lowConfidence }
}

/// A corpus case's `gold.json`: what a careful reviewer found.
public struct GoldCase: Codable, Sendable {
  public var `case`: String
  public var noteDate: ClinicalDate?
  public var request: ServiceRequest?
  public var facts: [Fact]
  public var expected: ExpectedOutcome
  /// What the case tests and which guideline section decides it.
  public var design: String?
}

/// The outcome a gold file expects.
public struct ExpectedOutcome: Codable, Sendable, Hashable {
  public var guideline: String
  public var indication: String?
  public var determination: DeterminationStatus
  public var gaps: [GapFamily]
}
