import Foundation
import Testing

@testable import Extraction

/// The empty document held open so that poppler builds its global tables once per process
/// is a PDF poppler reads without repairing it.
@Suite struct PopplerGlobalsTests {
  @Test("the document kept open is a well-formed one-page PDF without text")
  func keptDocumentIsWellFormed() throws {
    let file = try PopplerFile(bytes: Data(emptyOnePagePDF.utf8), fileName: "kept.pdf")

    #expect(file.pageCount == 1)
    #expect(file.textLayer(ofPageAt: 0).words.isEmpty)
  }

  @Test("its cross-reference table points at each object")
  func crossReferenceOffsetsPointAtObjects() {
    let bytes = Array(emptyOnePagePDF.utf8)
    let table = emptyOnePagePDF.components(separatedBy: "xref\n")[1].split(separator: "\n")
    let offsets = table.dropFirst(2).prefix(3).compactMap { Int($0.prefix(10)) }

    let starts = offsets.map { String(decoding: bytes[$0..<($0 + 7)], as: UTF8.self) }

    #expect(starts == ["1 0 obj", "2 0 obj", "3 0 obj"])
  }
}
