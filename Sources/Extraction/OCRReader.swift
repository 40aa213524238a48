import COCRShim
import Foundation

/// Reads pages without a usable text layer by OCR: each page drawn at 300 dpi, straightened,
/// and recognised by Tesseract.
///
/// Making a reader only checks that the language model is installed, so a missing model is
/// reported before the first case; the library itself is loaded on the first page that
/// needs it (see `COCRShim`). The reader keeps the engines it has made and lends each to one
/// thread at a time, so a run on two cores makes two engines however many pages it reads.
public final class OCRReader: @unchecked Sendable {
  /// The Tesseract language read (`eng`).
  public let language: String
  /// The folder holding `<language>.traineddata`.
  public let modelFolder: String
  /// What is done to a page image before recognition.
  public let cleanup: OCRCleanup
  /// Pixels per inch pages are drawn at; scans at fax resolution (200 dpi or less) are
  /// upscaled to it, which Tesseract reads better.
  let dpi = 300.0

  // The lock guards `idleEngines`, which is what makes the reader safe to share.
  private let lock = NSLock()
  private var idleEngines: [OCREngine] = []

  /// A reader for `language`, with its model in `modelFolder` if given, else in the first
  /// of `OCRReader.modelFolders(environment:)` that holds it.
  ///
  /// - Throws: `OCRError.languageModelMissing` naming the folders searched.
  public init(
    language: String = "eng", modelFolder: String? = nil, cleanup: OCRCleanup = .init(),
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(OCRError) {
    let candidates = modelFolder.map { [$0] } ?? Self.modelFolders(environment: environment)
    let file = "\(language).traineddata"
    guard
      let folder = candidates.first(where: {
        FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent(file))
      })
    else {
      throw .languageModelMissing(language: language, searched: candidates)
    }
    self.language = language
    self.modelFolder = folder
    self.cleanup = cleanup
  }

  /// Where Tesseract's language models are looked for: `TESSDATA_PREFIX` when set, then
  /// the folders Debian's and the upstream packages install into.
  public static func modelFolders(environment: [String: String]) -> [String] {
    let installed = [
      "/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
      "/usr/share/tessdata", "/usr/local/share/tessdata",
    ]
    guard let prefix = environment["TESSDATA_PREFIX"], !prefix.isEmpty else { return installed }
    return [prefix]
  }

  /// The shared library loaded on first use.
  public static let library = "libtesseract.so.5"

  /// Checks, without loading it, that the library is installed where the dynamic loader
  /// looks: for a long run (an evaluation, intake's parent) that should stop at start when
  /// it is missing rather than fail on every scanned case.
  ///
  /// Loading the library would be the surer test, but it would put some 55 libraries and
  /// an OpenMP runtime into intake's parent, which only starts child processes. A library
  /// the loader finds some other way still loads on the first scanned page; one that is
  /// found here but cannot load gives `.libraryMissing` there, as a typed error.
  public func checkLibrary(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(OCRError) {
    let folders = Self.libraryFolders(environment: environment)
    let isInstalled = folders.contains {
      FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent(Self.library))
    }
    guard isInstalled else {
      throw .libraryMissing(
        library: Self.library, detail: "not found in \(folders.joined(separator: ", "))")
    }
  }

  /// Where the dynamic loader looks for a library: `LD_LIBRARY_PATH`, the folders listed in
  /// `/etc/ld.so.conf.d`, then the system's own.
  static func libraryFolders(environment: [String: String]) -> [String] {
    let fromEnvironment = (environment["LD_LIBRARY_PATH"] ?? "").split(separator: ":")
    let configured =
      (try? FileManager.default.contentsOfDirectory(atPath: "/etc/ld.so.conf.d"))?
      .filter { $0.hasSuffix(".conf") }.sorted()
      .compactMap { try? String(contentsOfFile: "/etc/ld.so.conf.d/\($0)", encoding: .utf8) }
      .flatMap { $0.split(separator: "\n") }
      .map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { $0.hasPrefix("/") } ?? []
    let system = ["/lib", "/usr/lib", "/lib64", "/usr/lib64"]
    return fromEnvironment.map(String.init) + configured + system
  }

  /// The text of page `index` of `file`, or nil when it cannot be drawn or recognised.
  func read(pageAt index: Int, of file: PopplerFile) throws(OCRError) -> RecognisedPage? {
    let engine = try borrowEngine()
    defer { giveBack(engine) }

    let skew =
      cleanup.straightens
      ? file.withImage(ofPageAt: index, dpi: SkewEstimate.dpi) { SkewEstimate(image: $0).degrees }
      : nil
    return file.withImage(ofPageAt: index, dpi: dpi, rotation: -(skew ?? 0)) {
      engine.recognise($0, medianSize: cleanup.medianSize)
    } ?? nil
  }

  private func borrowEngine() throws(OCRError) -> OCREngine {
    try tesseractLoaded.get()
    let idle = lock.withLock { idleEngines.popLast() }
    if let idle { return idle }
    return try OCREngine(folder: modelFolder, language: language)
  }

  private func giveBack(_ engine: OCREngine) {
    lock.withLock { idleEngines.append(engine) }
  }
}

/// The outcome of loading Tesseract, once per process; a global's initializer runs exactly
/// once even when several threads reach it together.
private let tesseractLoaded: Result<Void, OCRError> = {
  var reason = [CChar](repeating: 0, count: 512)
  guard pc_ocr_load(OCRReader.library, &reason, reason.count) == 0 else {
    let detail = String(decoding: reason.prefix { $0 != 0 }.map(UInt8.init), as: UTF8.self)
    return .failure(.libraryMissing(library: OCRReader.library, detail: detail))
  }
  return .success(())
}()
