import Foundation

/// The committed PDF fixtures, written by `tools/make-test-pdfs.py`.
enum Fixtures {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Fixtures/pdf")

  static func url(_ name: String) -> URL {
    directory.appendingPathComponent(name)
  }
}
