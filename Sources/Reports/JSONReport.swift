import Foundation
import Model

/// The machine-readable report of one case: facts-v1's output layout, with `schemaVersion`.
///
/// Keys are sorted, so two runs on the same case give byte-identical files that diff well;
/// the output is pretty-printed with slashes unescaped. Every field is described in README's
/// "JSON report" section.
///
/// The bytes are, by specification, those of Foundation's `JSONEncoder` with the options
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` applied to the report's
/// `Encodable` conformance, and a newline added: the layout `PrettyJSONWriter` describes,
/// numbers as `PrettyJSONWriter.writeNumber` spells them. PendCheck does not go through
/// `Encodable`: each type of the report lists its members (`JSONReportValue`,
/// `JSONMembers`), which are written straight into bytes, because `JSONEncoder` took half of
/// the report stage's time and even an encoder of our own spent half of its time in the
/// `Encodable` machinery. `JSONReportEncoderTests` compares the bytes with `JSONEncoder`'s.
public enum JSONReport {
  /// The report as UTF-8 JSON ending in a newline.
  ///
  /// - Throws: `EncodingError.invalidValue` for a number that is not finite.
  public static func encode(_ report: CaseReport) throws -> Data {
    try encode(value: report)
  }

  /// Any value of the report as `encode(_:)` writes a report; the tests compare it to
  /// `JSONEncoder`.
  static func encode(value: some JSONReportValue) throws -> Data {
    var json = PrettyJSONWriter(capacity: 65_536)
    value.write(to: &json)
    json.writeNewline()
    if let unwritable = json.unwritableNumber { throw unwritable }

    return Data(buffer: json.bytes.written)
  }
}
