import Foundation
import Testing

@testable import Extraction

@Suite("Text layer reading")
struct TextLayerTests {
  /// A text layer read from `text`, each character given a box on a 6-point grid, lines
  /// 14 points apart, as poppler would for a simple left-to-right page.
  static func layer(_ text: String, boxes: Bool = true) -> TextLayer {
    var layer = TextLayer(width: 612, height: 792)
    var line = 0.0
    var column = 0.0
    var grid: [Box] = []
    for scalar in text.unicodeScalars {
      grid.append(
        Box(minX: column * 6, minY: line * 14, maxX: column * 6 + 5, maxY: line * 14 + 10))
      if scalar == "\n" { (line, column) = (line + 1, 0) } else { column += 1 }
    }
    let utf8 = Array(text.utf8)
    utf8.withUnsafeBufferPointer { layer.read(utf8: $0, boxes: boxes ? grid : []) }
    return layer
  }

  static func text(_ layer: TextLayer) -> String {
    PageText.text(of: ReadingOrder(layer: layer).lines())
  }

  @Test("without rectangles, poppler's own line order is kept")
  func withoutRectangles() {
    let text = "Chief complaint: back pain\nPlan: injection\n"
    #expect(Self.text(Self.layer(text, boxes: false)) == text)
  }

  @Test("with one rectangle per character, lines are rebuilt as they stand")
  func withRectangles() {
    let text = "Chief complaint: back pain\nPlan: injection\n"
    #expect(Self.text(Self.layer(text)) == text)
  }

  @Test("a page of private-use codes (a font without a Unicode map) needs OCR")
  func unreadableCodesNeedOCR() {
    let codes = String(repeating: "\u{E001}\u{E002}\u{E003} ", count: 30)
    #expect(PDFExtractor.needsOCR(Self.layer(codes)))
    #expect(!PDFExtractor.needsOCR(Self.layer("Lumbar flexion is limited to 40 degrees.")))
  }

  @Test("a soft hyphen inside a word is dropped, at a line end it joins the word")
  func softHyphens() {
    #expect(Self.text(Self.layer("radi\u{AD}culopathy\n")) == "radiculopathy\n")
    #expect(Self.text(Self.layer("the medi\u{AD}\ncation list\n")) == "the medication\nlist\n")
  }

  @Test(
    "text turned by a page rotation reads left to right again",
    arguments: [TextDirection.topToBottom, .bottomToTop, .rightToLeft])
  func rotatedText(_ direction: TextDirection) {
    let boxes = (0..<5).map {
      Box(minX: Double($0) * 6, minY: 0, maxX: Double($0) * 6 + 5, maxY: 10)
    }
    let turned = boxes.map { box -> Box in
      switch direction {
      case .topToBottom: Box(minX: -box.maxY, minY: box.minX, maxX: -box.minY, maxY: box.maxX)
      case .bottomToTop: Box(minX: box.minY, minY: -box.maxX, maxX: box.maxY, maxY: -box.minX)
      case .rightToLeft: Box(minX: -box.maxX, minY: -box.maxY, maxX: -box.minX, maxY: -box.minY)
      case .leftToRight: box
      }
    }
    #expect(TextDirection(of: turned) == direction)
    let upright = direction.upright(turned)
    #expect(upright.map(\.minX) == upright.map(\.minX).sorted())
  }

  /// Pages whose letter count the unit-by-unit reading must give exactly as decoding the
  /// whole page into scalars does: ASCII, letters and marks outside it, digits of other
  /// scripts, letters beyond the BMP, and surrogates without a partner.
  static let letterCountPages: [[UInt16]] = [
    Array("Chief complaint: low back pain x 6 weeks, 7/10.".utf16),
    Array("0123456789 !@#$%^&*()_+-=[]{};':\",./<>?`~ \t\r\n".utf16),
    Array("@[`{ AZaz".utf16),
    Array("Gaenslen’s test, café, naïve, Ärztin, ª º".utf16),
    Array("患者は腰痛 — ١٢٣ ४५६ ×÷ ¼ ²".utf16),
    Array("𝐀𝐁𝐂 𝟏𝟐 😀 ok".utf16),
    [0x0041, 0xD835, 0x0042, 0xDC00, 0xD835, 0xDC00, 0xDFFF, 0xD800],
    [0xD835],
    [0x00E9, 0x0301, 0x0061, 0x0308],
  ]

  @Test(
    "letters are counted from ASCII units as from the page's decoded scalars",
    arguments: letterCountPages)
  func letterCount(_ units: [UInt16]) {
    let scalars = String(decoding: units, as: UTF16.self).unicodeScalars
    let count = TextLayer.letterCount(ofScalarsIn: units)
    #expect(count.scalars == scalars.count)
    #expect(count.letters == scalars.filter(\.properties.isAlphabetic).count)
  }

  @Test("a page is mostly non-letters when fewer than half its scalars are letters")
  func mostlyNonLetters() {
    var layer = TextLayer(width: 612, height: 792)
    #expect(!layer.isMostlyNonLetters)
    layer.units = Array("ab12".utf16)
    #expect(!layer.isMostlyNonLetters)
    layer.units = Array("ab123".utf16)
    #expect(layer.isMostlyNonLetters)
    layer.units = Array("éé😀😀".utf16)
    #expect(!layer.isMostlyNonLetters)
    layer.units = Array("é😀😀".utf16)
    #expect(layer.isMostlyNonLetters)
  }
}
