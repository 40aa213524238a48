/// Why OCR cannot run at all, with what to install or set to make it run.
///
/// These are errors of the machine, not of a PDF: they are found before the first case
/// (the language model) or on the first page that needs OCR (the library), and the command
/// line stops with exit status 69 rather than reporting every scanned case as unreadable.
/// `--no-ocr` avoids them by leaving scanned pages unread.
public enum OCRError: Error, Equatable, Sendable {
  /// The Tesseract library could not be loaded; `detail` is the dynamic loader's reason.
  case libraryMissing(library: String, detail: String)
  /// No `<language>.traineddata` in any of the folders searched.
  case languageModelMissing(language: String, searched: [String])
  /// The library loaded but refused the model in `folder` (a damaged or foreign file).
  case engineRefusedModel(language: String, folder: String)

  /// One sentence saying what is missing and what to install.
  public var message: String {
    switch self {
    case .libraryMissing(let library, let detail):
      return "OCR is unavailable: \(library) cannot be loaded (\(detail)); install Tesseract "
        + "(Debian: apt-get install libtesseract5 tesseract-ocr-eng) or run with --no-ocr."
    case .languageModelMissing(let language, let searched):
      return "OCR is unavailable: no \(language).traineddata in "
        + "\(searched.joined(separator: ", ")); install the language model (Debian: "
        + "apt-get install tesseract-ocr-\(language)), set TESSDATA_PREFIX to the folder "
        + "holding it, or run with --no-ocr."
    case .engineRefusedModel(let language, let folder):
      return "OCR is unavailable: Tesseract could not read \(language).traineddata in "
        + "\(folder); reinstall tesseract-ocr-\(language) or run with --no-ocr."
    }
  }

  /// The process exit status (69, `EX_UNAVAILABLE`: a required service is missing).
  public var exitStatus: Int32 { 69 }
}
