import Foundation
import Model

/// The machine-readable report of one case: facts-v1's output layout, with `schemaVersion`.
///
/// Keys are sorted, so two runs on the same case give byte-identical files that diff well;
/// the output is pretty-printed with slashes unescaped. Every field is described in README's
/// "JSON report" section.
///
/// The bytes are, by specification, those of Foundation's `JSONEncoder` with the options
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` and a newline added: the
/// layout `PrettyJSONWriter` describes, numbers as `PrettyJSONWriter.writeNumber` spells
/// them. PendCheck encodes with its own `PrettyJSONEncoder`, which writes each value as it is
/// encoded, because `JSONEncoder` took half of the report stage's time;
/// `JSONReportEncoderTests` compares the two byte for byte.
public enum JSONReport {
  /// The report as UTF-8 JSON ending in a newline.
  ///
  /// - Throws: `EncodingError.invalidValue` for a number that is not finite.
  public static func encode(_ report: CaseReport) throws -> Data {
    try encode(value: report)
  }

  /// Any `Encodable` as `encode(_:)` writes a report; the tests compare it to `JSONEncoder`.
  static func encode(value: some Encodable) throws -> Data {
    var bytes = try PrettyJSONEncoder.bytes(of: value, capacity: 65_536)
    bytes.append(UInt8(ascii: "\n"))
    return Data(bytes)
  }
}
