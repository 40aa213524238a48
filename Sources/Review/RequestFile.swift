import Foundation
import Model

/// A case's `request.json`: the request as intake received it, and any procedure history
/// intake supplies.
public struct RequestFile: Sendable {
  public var request: ServiceRequest
  /// Prior procedures from intake's records (PendCheck's addition: a `history` array of
  /// priorProcedure objects without `type`).
  public var history: [PriorProcedure]

  /// Reads and validates a request file.
  ///
  /// - Throws: `RequestFileError` naming the file and the line of what is wrong: text that
  ///   is not JSON, a field of the wrong kind, an impossible date, or a code that is not a
  ///   CPT or HCPCS code at all. A well-formed code no guideline covers is not an error here:
  ///   the matcher decides whether a guideline excludes the service or none covers it.
  public static func load(_ url: URL) throws(RequestFileError) -> RequestFile {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw RequestFileError(file: url.lastPathComponent, line: nil, reason: "it cannot be read")
    }
    let text = String(decoding: data, as: UTF8.self)

    let file = try decode(data, text: text, name: url.lastPathComponent)
    for code in file.request.cpt where !isProcedureCode(code) {
      throw RequestFileError(
        file: url.lastPathComponent, line: line(of: "\"\(code)\"", in: text),
        reason: "'\(code)' is not a CPT or HCPCS code (five characters such as 27096, "
          + "0213T or G0260)")
    }
    return file
  }

  /// Whether `code` has the shape of a CPT code (five digits, or four and a letter for
  /// category III) or a HCPCS level II code (a letter and four digits).
  static func isProcedureCode(_ code: String) -> Bool {
    let characters = Array(code.uppercased())
    guard characters.count == 5 else { return false }
    let digits = characters.filter(\.isNumber).count
    if digits == 5 { return true }
    if digits == 4, characters.last?.isLetter == true { return true }
    return digits == 4 && characters.first?.isLetter == true
  }

  private static func decode(_ data: Data, text: String, name: String) throws(RequestFileError)
    -> RequestFile
  {
    do {
      _ = try JSONSerialization.jsonObject(with: data)
    } catch {
      throw RequestFileError(
        file: name, line: syntaxErrorLine(error, in: text), reason: "it is not valid JSON")
    }

    do {
      let decoded = try JSONDecoder().decode(Layout.self, from: data)
      return RequestFile(request: decoded.request, history: decoded.history ?? [])
    } catch let error as DecodingError {
      let (key, reason) = describe(error)
      throw RequestFileError(
        file: name, line: key.flatMap { line(of: "\"\($0)\"", in: text) }, reason: reason)
    } catch {
      throw RequestFileError(file: name, line: nil, reason: "\(error)")
    }
  }

  /// The JSON layout: the request's own fields plus `history`.
  private struct Layout: Decodable {
    let request: ServiceRequest
    let history: [PriorProcedure]?

    private enum CodingKeys: String, CodingKey { case history }

    init(from decoder: Decoder) throws {
      request = try ServiceRequest(from: decoder)
      history = try decoder.container(keyedBy: CodingKeys.self)
        .decodeIfPresent([PriorProcedure].self, forKey: .history)
    }
  }

  private static func describe(_ error: DecodingError) -> (key: String?, reason: String) {
    switch error {
    case .dataCorrupted(let context):
      return (context.codingPath.last?.stringValue, context.debugDescription)
    case .typeMismatch(let type, let context):
      let key = context.codingPath.last?.stringValue
      return (key, "field '\(key ?? "?")' should be \(describeType(type))")
    case .valueNotFound(_, let context):
      let key = context.codingPath.last?.stringValue
      return (key, "field '\(key ?? "?")' has no value")
    case .keyNotFound(let missing, _):
      return (nil, "field '\(missing.stringValue)' is missing")
    @unknown default:
      return (nil, "\(error)")
    }
  }

  private static func describeType(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "a string"
    case is [String].Type: "a list of strings"
    default: "of type \(type)"
    }
  }

  /// The 1-based line holding the first occurrence of `needle`.
  static func line(of needle: String, in text: String) -> Int? {
    guard let range = text.range(of: needle) else { return nil }
    return text[..<range.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
  }

  /// The line Foundation's JSON error names, when it names one.
  private static func syntaxErrorLine(_ error: Error, in text: String) -> Int? {
    let description = "\(error)"
    guard let range = description.range(of: "line ") else { return nil }
    let digits = description[range.upperBound...].prefix { $0.isNumber }
    return Int(digits)
  }
}

/// A `request.json` that cannot be used, with the file, the line and the reason.
public struct RequestFileError: Error, Sendable, Equatable {
  public let file: String
  public let line: Int?
  public let reason: String

  public var message: String {
    let place = line.map { "\(file), line \($0)" } ?? file
    return "\(place): \(reason). Fix the request file and run again."
  }
}
