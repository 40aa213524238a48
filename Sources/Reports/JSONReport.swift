import Foundation
import Model

/// The machine-readable report of one case: facts-v1's output layout, with `schemaVersion`.
///
/// Keys are sorted, so two runs on the same case give byte-identical files that diff well;
/// the output is pretty-printed with slashes unescaped. Every field is described in README's
/// "JSON report" section.
public enum JSONReport {
  /// The report as UTF-8 JSON ending in a newline.
  public static func encode(_ report: CaseReport) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(report)
    data.append(UInt8(ascii: "\n"))
    return data
  }
}
