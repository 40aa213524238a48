import Foundation
import Testing

@testable import Extraction

/// poppler-glib is loaded at run time, not linked: what loads it, and what a machine without
/// it is told.
@Suite struct PopplerLibraryTests {
  @Test("the library Debian installs loads, and reads a PDF")
  func debiansLibraryLoads() throws {
    let loaded = PopplerLibrary.load(PopplerLibrary.fileName)

    #expect((try? loaded.get()) != nil)
    let file = try PopplerFile(bytes: Data(emptyOnePagePDF.utf8), fileName: "kept.pdf")
    #expect(file.pageCount == 1)
  }

  @Test("a library that cannot be found is refused with the loader's reason")
  func missingLibraryIsRefused() {
    let name = "libpendcheck-no-such-library.so.0"

    let failure = PopplerLibrary.load(name).failure

    #expect(failure?.library == name)
    #expect(failure?.detail.contains(name) == true)
    #expect(failure?.detail.contains("No such file") == true)
  }

  @Test("a library without poppler's functions is refused, naming the first one missing")
  func libraryWithoutPopplerIsRefused() {
    let failure = PopplerLibrary.load("libglib-2.0.so.0").failure

    #expect(failure?.detail == "missing symbol poppler_document_new_from_bytes")
  }

  @Test("a PDF read without the library names the file, the library and what to install")
  func unavailableReaderIsExplained() {
    let error = ExtractionError.pdfReaderUnavailable(
      fileName: "note.pdf", library: "libpoppler-glib.so.8",
      detail: "libpoppler-glib.so.8: cannot open shared object file")

    #expect(error.fileName == "note.pdf")
    #expect(error.message.hasPrefix("note.pdf: "))
    #expect(error.message.contains("cannot open shared object file"))
    #expect(error.message.contains("install libpoppler-glib8"))
    #expect(error.exitStatus == 69)
  }
}

extension Result {
  fileprivate var failure: Failure? {
    if case .failure(let failure) = self { return failure }
    return nil
  }
}
