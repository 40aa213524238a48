import Foundation
import Model
import Testing

@Suite("A page read by OCR at low confidence is flagged")
struct OCRPageTests {
  @Test(
    "pages below 70% mean confidence carry the warning every report shows",
    arguments: [
      (3, 61.4, "page 3 was read by OCR at 61% confidence: verify against the original"),
      (1, 69.4, "page 1 was read by OCR at 69% confidence: verify against the original"),
      (2, 70.0, nil),
      (4, 93.0, nil),
    ])
  func warning(_ page: Int, _ confidence: Double, _ expected: String?) {
    let ocrPage = OCRPage(page: page, meanConfidence: confidence)
    #expect(ocrPage.warning == expected)
    #expect(ocrPage.isLowConfidence == (expected != nil))
  }

  @Test("the warning travels in the JSON report and an older report without it still reads")
  func warningIsEncoded() throws {
    let encoded = try JSONEncoder().encode(OCRPage(page: 3, meanConfidence: 61))
    let json = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
    #expect((json["warning"] as? String)?.hasPrefix("page 3 was read by OCR at 61%") == true)

    let older = Data(#"{"page": 2, "meanConfidence": 55}"#.utf8)
    #expect(try JSONDecoder().decode(OCRPage.self, from: older).page == 2)
  }
}
