import Foundation
import Model

/// Reads a PDF office note into a `Document`: its pages (numbered from 1), each page's text
/// in reading order (`ReadingOrder`), running headers and footers kept once and removed
/// from later pages (`RunningBoilerplate`), words hyphenated across lines rejoined, and
/// pages without a usable text layer read by OCR (or, without an OCR reader, marked as
/// needing OCR).
///
/// The extractor holds no state besides its limits and its OCR reader, which is safe to
/// share; one value can serve many threads, each call opening its own poppler document.
public struct PDFExtractor: Sendable {
  /// The page and size limits a PDF must keep to.
  public let limits: ExtractionLimits
  /// What reads scanned pages; nil leaves them as `.needsOCR` (`--no-ocr`).
  public let ocr: OCRReader?

  /// An extractor refusing PDFs over `limits` and reading scanned pages with `ocr`.
  public init(limits: ExtractionLimits = .init(), ocr: OCRReader? = nil) {
    self.limits = limits
    self.ocr = ocr
  }

  /// Loads the PDF reader (poppler-glib) and builds its global tables now instead of on the
  /// first PDF, so that processes forked afterwards share them. A reader that cannot be
  /// loaded is reported by the first PDF read (`.pdfReaderUnavailable`).
  public static func prepareReader() {
    PopplerFile.prepare()
  }

  /// Reads the PDF at `url` (a file URL) into a document named after its file.
  ///
  /// - Throws: `ExtractionError` naming the file when it is missing, unreadable, empty, not
  ///   a PDF, damaged, encrypted, without pages, or over a limit, when a page needs OCR
  ///   that cannot run (`.ocrUnavailable`), and when the PDF reader itself cannot be loaded
  ///   (`.pdfReaderUnavailable`).
  /// - Complexity: linear in the number of characters, plus a rendering pass for each page
  ///   with almost no text, to look for images, and about a second of OCR for each page
  ///   without a usable text layer.
  public func extract(fileAt url: URL) throws(ExtractionError) -> Document {
    let name = url.lastPathComponent
    let bytes = try readBytes(of: url, name: name)
    guard Self.hasPDFHeader(bytes) else { throw .notPDF(fileName: name) }

    let file = try PopplerFile(bytes: bytes, fileName: name)
    let count = file.pageCount
    guard count > 0 else { throw .noPages(fileName: name) }
    guard count <= limits.maxPages else {
      throw .tooManyPages(fileName: name, count: count, limit: limits.maxPages)
    }

    let layers = (0..<count).map { file.textLayer(ofPageAt: $0) }
    let recognised = try recognise(layers.indices.filter { Self.needsOCR(layers[$0]) }, of: file)
    return Self.document(named: name, from: layers, recognised: recognised)
  }

  /// What OCR read on each of the pages at `indices` that it could read, by page index.
  private func recognise(_ indices: [Int], of file: PopplerFile) throws(ExtractionError)
    -> [Int: RecognisedPage]
  {
    guard let ocr, !indices.isEmpty else { return [:] }
    var recognised: [Int: RecognisedPage] = [:]
    for index in indices {
      do {
        recognised[index] = try ocr.read(pageAt: index, of: file)
      } catch {
        throw .ocrUnavailable(fileName: file.fileName, cause: error)
      }
    }
    return recognised
  }

  /// The document made of the pages' text layers and, for pages without a usable one, what
  /// OCR read on them (a page needing OCR that is not in `recognised` stays `.needsOCR`).
  static func document(
    named name: String, from layers: [TextLayer], recognised: [Int: RecognisedPage] = [:]
  ) -> Document {
    let needsOCR = layers.map(Self.needsOCR)
    let lines = layers.indices.map { index in
      if let page = recognised[index] { return OCRText.lines(of: page) }
      return needsOCR[index] ? [] : ReadingOrder(layer: layers[index]).lines()
    }
    let kept = RunningBoilerplate.remove(from: lines)

    let pages = layers.indices.map { index in
      let text = PageText.text(of: kept.lines[index])
      let number = index + 1
      if let page = recognised[index] {
        return Page(
          number: number, text: text, source: .ocr, ocrConfidence: page.meanConfidence,
          removedBoilerplate: kept.removed[index])
      }
      return needsOCR[index]
        ? Page(number: number, text: "", source: .needsOCR)
        : Page(
          number: number, text: text, source: .textLayer, removedBoilerplate: kept.removed[index])
    }
    return Document(name: name, pages: pages)
  }

  /// Whether a page has no usable text layer, and so must be read by OCR: no text at all,
  /// a layer of codes without meaning, only a few characters over an image (a scan with a
  /// fax stamp), or mostly stray symbols over an image (`TextLayer.isGarbageOverImage`).
  ///
  /// A page with no text at all counts as needing OCR even without an image: a blank page is
  /// rare in a note, and a scan drawn in some way poppler does not report as an image is
  /// worse to lose than a blank page is to send to OCR.
  static func needsOCR(_ layer: TextLayer) -> Bool {
    layer.units.isEmpty || layer.isMostlyUnreadable
      || (layer.isNearlyEmpty && layer.imageCoverage >= 0.5) || layer.isGarbageOverImage
  }

  /// The file's bytes, after checking that it exists, is a regular file and fits the limit.
  ///
  /// By `stat` (following a link, for whether it exists and is a folder) and `lstat` (the
  /// entry itself, for whether it is a regular file and its size), as `FileManager`'s
  /// `fileExists` and `attributesOfItem` judged it; those also read the password and group
  /// files for the owner's names, a dozen system calls a document.
  private func readBytes(of url: URL, name: String) throws(ExtractionError) -> Data {
    let path = url.path
    var target = stat()
    guard stat(path, &target) == 0 else { throw .fileNotFound(fileName: name) }
    guard (target.st_mode & S_IFMT) != S_IFDIR else {
      throw .unreadable(fileName: name, reason: "it is a directory")
    }

    var entry = stat()
    // A device or a pipe (/dev/zero, a FIFO) could be read forever; a link is not followed.
    guard lstat(path, &entry) == 0, (entry.st_mode & S_IFMT) == S_IFREG else {
      throw .unreadable(fileName: name, reason: "it is not a regular file")
    }
    let size = Int(entry.st_size)
    guard size <= limits.maxBytes else {
      throw .tooLarge(fileName: name, bytes: size, limit: limits.maxBytes)
    }

    let bytes: Data
    do {
      bytes = try Data(contentsOf: url)
    } catch {
      let readable = FileManager.default.isReadableFile(atPath: path)
      throw .unreadable(
        fileName: name, reason: readable ? "the system could not read it" : "permission denied")
    }
    guard !bytes.isEmpty else { throw .emptyFile(fileName: name) }
    return bytes
  }

  /// Whether `%PDF-` appears in the first kilobyte, where PDF readers look for it.
  static func hasPDFHeader(_ bytes: Data) -> Bool {
    let head = bytes.prefix(1024)
    let marker = Array("%PDF-".utf8)
    guard head.count >= marker.count else { return false }
    return head.indices.dropLast(marker.count - 1).contains { start in
      head[start..<start + marker.count].elementsEqual(marker)
    }
  }
}
