import Foundation

/// The evaluation as JSON, with sorted keys so runs can be compared with `diff`.
public enum EvaluationJSON {
  public static func encode(_ result: EvaluationResult) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(result)
  }
}
