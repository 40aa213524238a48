import Extraction
import Foundation
import Model
import Testing

@Suite("Reading order of columns and tables")
struct ReadingOrderTests {
  /// The paragraphs of the two-column fixtures, as the generator writes them.
  static let leftColumn = [
    "History of present illness: the patient reports low back pain radiating into the left "
      + "buttock and posterior thigh for seven months.",
    "The pain is worse with prolonged standing and improves with sitting. She rates it seven "
      + "out of ten on most days.",
    "She completed eight weeks of physical therapy with a home exercise program and took "
      + "meloxicam daily without lasting relief.",
  ]
  static let rightColumn = [
    "Assessment: lumbar radiculopathy at L5 on the left, consistent with the imaging findings "
      + "of a foraminal disc protrusion.",
    "Plan: left L5 transforaminal epidural steroid injection under fluoroscopic guidance, then "
      + "reassess function in two weeks.",
    "She understands the risks and benefits and wishes to proceed with the procedure as "
      + "discussed today.",
  ]

  @Test(
    "two columns read left column, then right column, each paragraph whole",
    arguments: [
      "two-column.pdf", "browser-print.pdf", "offset-columns.pdf", "justified-columns.pdf",
    ])
  func twoColumnsReadInOrder(_ fixture: String) throws {
    let document = try PDFExtractor().extract(fileAt: Fixtures.url(fixture))
    let text = document.pages[0].text.collapsingWhitespace

    var previous = text.startIndex
    for paragraph in Self.leftColumn + Self.rightColumn {
      let range = try #require(text.range(of: paragraph), "\(paragraph) not read whole")
      #expect(range.lowerBound >= previous, "\(paragraph) out of order")
      previous = range.upperBound
    }
  }

  @Test("a full-width line below two columns comes after both")
  func fullWidthLineFollowsColumns() throws {
    let document = try PDFExtractor().extract(fileAt: Fixtures.url("two-column.pdf"))
    let text = document.pages[0].text
    let footer = try #require(text.range(of: "Electronically signed by the treating physician"))
    let lastOfRight = try #require(text.range(of: "discussed today."))
    let title = try #require(text.range(of: "Lumbar Spine Consultation"))
    #expect(lastOfRight.upperBound <= footer.lowerBound)
    #expect(title.upperBound <= text.range(of: "History of present illness")!.lowerBound)
  }

  static let tableRows = [
    "BP  Pulse  Temp  Pain  BMI",
    "142/88  76  98.4 F  7/10  31.2",
    "Medication  Dose  Frequency  Started",
    "Gabapentin  300 mg  three times daily  01/2026",
    "Meloxicam  15 mg  once daily  11/2025",
    "Cyclobenzaprine  10 mg  at bedtime  12/2025",
    "Test  Left  Right",
    "Straight leg raise  Positive at 40 degrees  Negative",
    "FABER  Negative  Positive",
    "Patellar reflex  2+  2+",
  ]

  @Test(
    "each table row is one line, cells in order, two spaces apart",
    arguments: [
      "tables.pdf", "browser-print.pdf", "rotated-90.pdf", "rotated-180.pdf", "rotated-270.pdf",
    ])
  func tableRowsStayTogether(_ fixture: String) throws {
    let document = try PDFExtractor().extract(fileAt: Fixtures.url(fixture))
    let lines = Set(document.text.split(separator: "\n").map(String.init))
    for row in Self.tableRows {
      #expect(lines.contains(row), "missing row: \(row)")
    }
  }

  @Test("tables are read row by row, top to bottom")
  func tablesReadTopToBottom() throws {
    let document = try PDFExtractor().extract(fileAt: Fixtures.url("tables.pdf"))
    let text = document.text
    let positions = try Self.tableRows.map { row in
      try #require(text.range(of: row)).lowerBound
    }
    #expect(positions == positions.sorted())
  }

  @Test("a long table of labels and findings is read row by row, not as two columns")
  func labelTableIsNotColumns() throws {
    let document = try PDFExtractor().extract(fileAt: Fixtures.url("review-of-systems.pdf"))
    let lines = document.text.split(separator: "\n").map(String.init)
    for row in [
      "Constitutional  No fever, chills or weight loss",
      "Musculoskeletal  Low back pain with stiffness in the morning",
      "Hematologic  Not on anticoagulation, no easy bruising",
    ] {
      #expect(lines.contains(row), "missing row: \(row)")
    }
  }

  @Test("a small table inside the left column is read with that column, row by row")
  func tableInsideColumn() throws {
    let document = try PDFExtractor().extract(fileAt: Fixtures.url("column-table.pdf"))
    let text = document.pages[0].text
    let lines = Set(text.split(separator: "\n").map(String.init))
    #expect(lines.contains("Gabapentin  300 mg TID"))
    #expect(lines.contains("Cyclobenzaprine  10 mg at night"))

    let collapsed = text.collapsingWhitespace
    let sequence =
      [Self.leftColumn[0], "Medication Dose", "Meloxicam 15 mg daily", Self.leftColumn[2]]
      + Self.rightColumn
    var previous = collapsed.startIndex
    for passage in sequence {
      let range = try #require(collapsed.range(of: passage), "\(passage) not read whole")
      #expect(range.lowerBound >= previous, "\(passage) out of order")
      previous = range.upperBound
    }
  }

  @Test(
    "a table row whose cells wrap is put back on one line, whatever the cells' alignment",
    arguments: [("wrapped-cells.pdf", 3), ("wrapped-cells-html.pdf", 1)])
  func wrappedCellsRejoined(_ fixture: String, _ tables: Int) throws {
    let document = try PDFExtractor().extract(fileAt: Fixtures.url(fixture))
    let lines = document.text.split(separator: "\n").map(String.init)
    let rows = [
      "Medication  Dose  Instructions",
      "Gabapentin  300 mg  Take one capsule by mouth three times daily with food; increase "
        + "after one week if tolerated",
      "Cyclobenzaprine hydrochloride extended release  15 mg  At bedtime",
    ]
    for row in rows {
      #expect(lines.filter { $0 == row }.count == tables, "\(row)")
    }
  }
}
