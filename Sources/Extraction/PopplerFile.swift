internal import CPoppler
internal import CPopplerShim
import Foundation

/// An open poppler-glib document: the only place in PendCheck that holds poppler pointers.
///
/// The document handle is released in `deinit`; each page handle is released as soon as its
/// text layer has been copied out, so nothing above this type ever sees a C pointer.
final class PopplerFile {
  let document: OpaquePointer
  let fileName: String
  /// poppler-glib's and cairo's functions (`PopplerLibrary`).
  let api: pc_poppler_functions

  /// Opens the PDF held in `bytes`, which came from the file `fileName`.
  init(bytes: Data, fileName: String) throws(ExtractionError) {
    let api = try PopplerLibrary.functions(reading: fileName)
    Self.prepare()
    self.api = api
    self.fileName = fileName

    let buffer = bytes.withUnsafeBytes { raw in g_bytes_new(raw.baseAddress, gsize(raw.count)) }
    // poppler takes its own reference to the bytes, so ours can go at once.
    defer { g_bytes_unref(buffer) }

    var error: UnsafeMutablePointer<GError>?
    guard let document = api.poppler_document_new_from_bytes(buffer, nil, &error) else {
      throw ExtractionError(
        consuming: error, fileName: fileName, popplerDomain: api.poppler_error_quark())
    }
    self.document = document
  }

  /// Loads poppler-glib, if it can be, and builds its global tables, once per process.
  static func prepare() {
    _ = popplerLogIsSilenced
    _ = popplerGlobalsAreKept
  }

  deinit {
    g_object_unref(UnsafeMutableRawPointer(document))
  }

  /// The number of pages in the document.
  var pageCount: Int {
    Int(api.poppler_document_get_n_pages(document))
  }

  /// The text layer of the page at the 0-based `index`, with each word's position.
  func textLayer(ofPageAt index: Int) -> TextLayer {
    guard let page = api.poppler_document_get_page(document, Int32(index)) else {
      return TextLayer(width: 0, height: 0)
    }
    defer { g_object_unref(UnsafeMutableRawPointer(page)) }

    var width = 0.0
    var height = 0.0
    api.poppler_page_get_size(page, &width, &height)
    var layer = TextLayer(width: width, height: height)
    guard let text = api.poppler_page_get_text(page) else { return layer }
    defer { g_free(text) }

    var rectangles: UnsafeMutablePointer<PopplerRectangle>?
    var rectangleCount: guint = 0
    let hasLayout = api.poppler_page_get_text_layout(page, &rectangles, &rectangleCount) != 0
    defer { g_free(rectangles) }

    let utf8 = UnsafeRawBufferPointer(start: text, count: strlen(text))
    let boxes = UnsafeBufferPointer(
      start: hasLayout ? rectangles : nil, count: hasLayout ? Int(rectangleCount) : 0
    ).map(Box.init(poppler:))
    layer.read(utf8: utf8.bindMemory(to: UInt8.self), boxes: boxes)
    layer.add(formFieldValues(of: page, height: height))

    if layer.isNearlyEmpty || layer.isMostlyNonLetters {
      layer.imageCoverage = imageCoverage(of: page, width: width, height: height)
    }
    return layer
  }

  /// The fraction of the page's area covered by images (overlaps counted twice, capped at 1).
  private func imageCoverage(of page: OpaquePointer, width: Double, height: Double) -> Double {
    guard width > 0, height > 0, let mapping = api.poppler_page_get_image_mapping(page) else {
      return 0
    }
    defer { api.poppler_page_free_image_mapping(mapping) }

    var area = 0.0
    var node: UnsafeMutablePointer<GList>? = mapping
    while let current = node {
      if let image = current.pointee.data?.assumingMemoryBound(to: PopplerImageMapping.self) {
        let box = image.pointee.area
        area += abs(box.x2 - box.x1) * abs(box.y2 - box.y1)
      }
      node = current.pointee.next
    }
    return min(1, area / (width * height))
  }
}

extension ExtractionError {
  /// The error for a failed poppler call on `fileName`; frees `error`. `popplerDomain` is
  /// poppler's error domain (`poppler_error_quark`).
  ///
  /// This is the one place a `GError` becomes a Swift error.
  init(
    consuming error: UnsafeMutablePointer<GError>?, fileName: String, popplerDomain: GQuark
  ) {
    guard let error else {
      self = .damaged(fileName: fileName, detail: "poppler gave no reason")
      return
    }
    defer { g_error_free(error) }

    let domain: GErrorDomain =
      switch error.pointee.domain {
      case popplerDomain: .poppler
      case g_file_error_quark(): .file
      default: .other
      }
    let detail = error.pointee.message.map { String(cString: $0) } ?? "no detail"
    self.init(domain: domain, code: error.pointee.code, detail: detail, fileName: fileName)
  }

  /// The glib error domains poppler reports in.
  enum GErrorDomain {
    case poppler, file, other
  }

  /// The error for a glib error of `domain` and `code` with the message `detail`.
  init(domain: GErrorDomain, code: Int32, detail: String, fileName: String) {
    switch domain {
    case .poppler where code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue):
      self = .encrypted(fileName: fileName)
    case .file where code == Int32(G_FILE_ERROR_NOENT.rawValue):
      self = .fileNotFound(fileName: fileName)
    case .file:
      self = .unreadable(fileName: fileName, reason: detail)
    case .poppler, .other:
      self = .damaged(fileName: fileName, detail: detail)
    }
  }
}

/// Installs, once and on first use, a glib log handler that drops poppler-glib's messages.
///
/// poppler-glib reports syntax warnings under the log domain "Poppler"; with
/// `G_MESSAGES_DEBUG=all` glib's default handler would print them on standard output, in the
/// middle of the command's results. Only that domain is touched. A global's initializer runs
/// exactly once even when several threads reach it together.
private let popplerLogIsSilenced: Bool = {
  let everyLevel = GLogLevelFlags(
    rawValue: G_LOG_LEVEL_MASK.rawValue | G_LOG_FLAG_FATAL.rawValue
      | G_LOG_FLAG_RECURSION.rawValue)
  g_log_set_handler("Poppler", everyLevel, { _, _, _, _ in }, nil)
  return true
}()

/// One empty document held open for the life of the process.
///
/// poppler builds its global parameters (font and character tables) when a document is
/// opened while none is, and frees them when the last one closes: opening the files of a
/// batch one after another built them for every file, which was 30 % of the
/// extraction stage. With this document open they are built once, as in `pdftotext`.
private let popplerGlobalsAreKept: Bool = {
  guard case .success(let api) = PopplerLibrary.loaded else { return false }
  let pdf = Data(emptyOnePagePDF.utf8)
  let buffer = pdf.withUnsafeBytes { raw in g_bytes_new(raw.baseAddress, gsize(raw.count)) }
  defer { g_bytes_unref(buffer) }
  // Never released: the reference is the point.
  return api.poppler_document_new_from_bytes(buffer, nil, nil) != nil
}()

/// A one-page PDF with nothing on its page, its cross-reference offsets counted.
let emptyOnePagePDF: String = {
  let objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1 1] >>",
  ]
  var text = "%PDF-1.4\n"
  var offsets: [Int] = []
  for (index, object) in objects.enumerated() {
    offsets.append(text.utf8.count)
    text += "\(index + 1) 0 obj\n\(object)\nendobj\n"
  }
  let crossReference = text.utf8.count
  text += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
  for offset in offsets {
    let digits = String(offset)
    text += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
  }
  text += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\n"
  text += "startxref\n\(crossReference)\n%%EOF\n"
  return text
}()

extension Box {
  /// The box of a poppler rectangle, with corners in order and any coordinate that is not a
  /// finite number (a broken font can give one) set to zero.
  init(poppler rectangle: PopplerRectangle) {
    let finite = { (value: Double) in value.isFinite ? value : 0 }
    let (x1, x2) = (finite(rectangle.x1), finite(rectangle.x2))
    let (y1, y2) = (finite(rectangle.y1), finite(rectangle.y2))
    self.init(minX: min(x1, x2), minY: min(y1, y2), maxX: max(x1, x2), maxY: max(y1, y2))
  }
}
