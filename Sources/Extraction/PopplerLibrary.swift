internal import CPopplerShim

/// poppler-glib, with the cairo functions used to draw pages for OCR, loaded the first time
/// a process opens a PDF (`CPopplerShim`), never linked.
///
/// A process that reads no PDF (the watcher, `guidelines`, `--help`) does not map poppler's
/// libraries at its start. The watcher loads them beside its lexicons
/// (`PDFExtractor.prepareReader`), so that the workers it forks find them loaded.
enum PopplerLibrary {
  /// poppler-glib's file name, as Debian's `libpoppler-glib8` installs it.
  static let fileName = "libpoppler-glib.so.8"

  /// poppler-glib's and cairo's functions; `.pdfReaderUnavailable` naming `document` when
  /// the library cannot be loaded.
  static func functions(reading document: String) throws(ExtractionError)
    -> pc_poppler_functions
  {
    switch loaded {
    case .success(let functions): return functions
    case .failure(let failure):
      throw .pdfReaderUnavailable(
        fileName: document, library: failure.library, detail: failure.detail)
    }
  }

  /// The outcome of loading the library, once per process; a global's initializer runs
  /// exactly once even when several threads reach it together.
  static let loaded = load(fileName)

  /// Why a library could not be loaded: the dynamic loader's message, or the first function
  /// it lacks.
  struct LoadFailure: Error {
    let library: String
    let detail: String
  }

  /// Loads `library` and looks up poppler-glib's and cairo's functions in it.
  static func load(_ library: String) -> Result<pc_poppler_functions, LoadFailure> {
    let functions = UnsafeMutablePointer<pc_poppler_functions>.allocate(capacity: 1)
    defer { functions.deallocate() }
    var reason = [CChar](repeating: 0, count: 512)

    guard pc_poppler_open(library, functions, &reason, reason.count) == 0 else {
      let detail = String(decoding: reason.prefix { $0 != 0 }.map(UInt8.init), as: UTF8.self)
      return .failure(LoadFailure(library: library, detail: detail))
    }
    return .success(functions.pointee)
  }
}
