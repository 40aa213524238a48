import Foundation
import Model

/// A fact's fields as JSON values, the form in which gold and report are compared.
///
/// Comparing the encoded form keeps the scorer independent of the Swift types: a field is
/// compared by its facts-v1 name, exactly as anyone reading the two JSON files would.
struct FactFields: Sendable {
  let type: FactType
  let values: [String: FieldValue]

  init(_ fact: Fact) {
    type = fact.type
    let stripped = Fact(fact.detail)
    let data = (try? JSONEncoder().encode(stripped)) ?? Data()
    let object = (try? JSONDecoder().decode([String: FieldValue].self, from: data)) ?? [:]
    values = object.filter { $0.key != "type" && $0.key != "evidence" }
  }
}

/// One JSON value of a fact field.
enum FieldValue: Sendable, Equatable, Decodable, CustomStringConvertible {
  case number(Double)
  case text(String)
  case flag(Bool)
  case list([String])
  /// An object or null: carried so decoding succeeds, never equal to a real value.
  case other

  init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let flag = try? container.decode(Bool.self) {
      self = .flag(flag)
    } else if let number = try? container.decode(Double.self) {
      self = .number(number)
    } else if let text = try? container.decode(String.self) {
      self = .text(text)
    } else if let list = try? container.decode([FieldValue].self) {
      self = .list(list.map(\.description))
    } else {
      self = .other
    }
  }

  var description: String {
    switch self {
    case .number(let value):
      value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    case .text(let value): value
    case .flag(let value): String(value)
    case .list(let values): "[" + values.joined(separator: ", ") + "]"
    case .other: "?"
    }
  }
}

extension FieldTolerance {
  /// Whether a reported value matches the gold one under this tolerance.
  ///
  /// A field absent from both sides matches; absent from one side only does not.
  func accepts(gold: FieldValue?, reported: FieldValue?) -> Bool {
    guard let gold, let reported else { return gold == nil && reported == nil }

    switch (self, gold, reported) {
    case (.relative(let fraction), .number(let expected), .number(let actual)):
      return abs(actual - expected) <= max(abs(expected) * fraction, 1e-9)
    case (.absolute(let distance), .number(let expected), .number(let actual)):
      return abs(actual - expected) <= distance + 1e-9
    case (.exact, .number(let expected), .number(let actual)):
      return abs(actual - expected) < 0.5
    case (.dateWithin(let days), .text(let expected), .text(let actual)):
      guard let goldDate = ClinicalDate(iso: expected), let date = ClinicalDate(iso: actual)
      else { return expected == actual }
      return goldDate.matches(date, toleranceDays: days)
    case (.unorderedList, .list(let expected), .list(let actual)):
      return Set(expected) == Set(actual)
    default:
      return gold == reported
    }
  }
}
