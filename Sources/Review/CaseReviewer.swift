import Extraction
import Facts
import Foundation
import Guidelines
import Language
import Matching
import Model

/// A reviewed case: the report, the documents it was read from, and what each stage cost.
public struct ReviewedCase: Sendable {
  public let report: CaseReport
  public let documents: [Document]
  public let timings: StageTimings
}

/// Requested-service values given on the command line, which win over every other source.
public struct RequestOverrides: Sendable {
  public var cpt: [String] = []
  public var plannedDate: ClinicalDate?

  public init(cpt: [String] = [], plannedDate: ClinicalDate? = nil) {
    self.cpt = cpt
    self.plannedDate = plannedDate
  }
}

/// Runs one case through the pipeline: extraction, language, facts, matching.
///
/// The reviewer holds only immutable configuration and can be shared across threads.
public struct CaseReviewer: Sendable {
  let lexicons: Lexicons
  let extractor: PDFExtractor
  let catalog: GuidelineCatalog
  /// Made once per reviewer: some rules build tables from the lexicons.
  private let factDetector: FactDetector
  private let requestDetector: RequestDetector

  public init(
    lexicons: Lexicons, extractor: PDFExtractor = PDFExtractor(),
    catalog: GuidelineCatalog = .standard
  ) {
    self.lexicons = lexicons
    self.extractor = extractor
    self.catalog = catalog
    factDetector = FactDetector(lexicons: lexicons)
    requestDetector = RequestDetector(lexicons: lexicons)
  }

  /// Reviews `input`; `willRead` is told each document's file before it is extracted, so a
  /// caller can say which file was being read when the process died in the PDF reader.
  public func review(
    _ input: CaseInput, overrides: RequestOverrides = RequestOverrides(),
    willRead: (URL) -> Void = { _ in }
  ) throws(ReviewError) -> ReviewedCase {
    var timings = StageTimings()
    let requestFile = try readRequestFile(input)

    let documents = try timed(&timings.extraction) { () throws(ReviewError) in
      try input.documents.map { url throws(ReviewError) in
        willRead(url)
        return try extract(url)
      }
    }
    timings.pages = documents.reduce(0) { $0 + $1.pages.count }

    let annotated = timed(&timings.language) {
      documents.map { AnnotatedDocument(document: $0, lexicons: lexicons) }
    }

    let (facts, detectedRequest, noteDate) = timed(&timings.facts) {
      let notes = CaseNotes(annotated)
      let noteDate = notes.noteDate
      let facts = factDetector.detect(in: notes, noteDate: noteDate)
      return (facts, requestDetector.detect(in: notes), noteDate)
    }

    let request = merge(
      overrides: overrides, file: requestFile?.request, detected: detectedRequest)
    let determinations = try timed(&timings.matching) { () throws(ReviewError) in
      try match(facts, request: request, noteDate: noteDate, requestFile?.history ?? [])
    }

    let report = CaseReport(
      case: input.caseID, noteDate: noteDate, request: request,
      documents: documents.map(summary), facts: facts, determinations: determinations)
    return ReviewedCase(report: report, documents: documents, timings: timings)
  }

  private func readRequestFile(_ input: CaseInput) throws(ReviewError) -> RequestFile? {
    guard let url = input.requestFile else { return nil }
    do {
      return try RequestFile.load(url)
    } catch {
      throw .invalidRequest(error)
    }
  }

  private func extract(_ url: URL) throws(ReviewError) -> Document {
    do {
      return try extractor.extract(fileAt: url)
    } catch {
      throw .unreadableDocument(error)
    }
  }

  private func match(
    _ facts: [Fact], request: ServiceRequest, noteDate: ClinicalDate?,
    _ history: [PriorProcedure]
  ) throws(ReviewError) -> [Determination] {
    let caseFacts = CaseFacts(facts: facts, request: request, noteDate: noteDate, history: history)
    do {
      return try GuidelineMatcher(catalog: catalog).evaluate(caseFacts)
    } catch {
      throw .unmatchable(error)
    }
  }

  /// The request with each field from the first source that has it: the command line,
  /// then `request.json`, then the documents.
  func merge(overrides: RequestOverrides, file: ServiceRequest?, detected: ServiceRequest)
    -> ServiceRequest
  {
    var request = file ?? ServiceRequest()
    if !overrides.cpt.isEmpty { request.cpt = overrides.cpt }
    if request.cpt.isEmpty { request.cpt = detected.cpt }
    request.plannedDate = overrides.plannedDate ?? request.plannedDate ?? detected.plannedDate
    request.region = request.region ?? detected.region
    request.side = request.side ?? detected.side
    if request.levels.isEmpty { request.levels = detected.levels }
    request.purpose = request.purpose ?? detected.purpose
    request.service = request.service ?? detected.service
    request.reason = request.reason ?? detected.reason
    request.guidance = request.guidance ?? detected.guidance
    return request
  }

  private func summary(_ document: Document) -> DocumentSummary {
    DocumentSummary(
      name: document.name, pageCount: document.pages.count,
      pagesNeedingOCR: document.pages.filter { $0.source == .needsOCR }.map(\.number),
      ocrPages: document.pages.compactMap { page in
        page.ocrConfidence.map { OCRPage(page: page.number, meanConfidence: $0) }
      })
  }
}
