import Model

/// What a rule concluded on a case: its status, the sentence saying why with the numbers,
/// what to ask the provider for when it falls short, and the evidence it read.
struct Finding {
  var status: CriterionStatus
  var reason: String
  var request: String?
  var evidence: [Evidence]

  static func met(_ reason: String, evidence: [Evidence] = []) -> Finding {
    Finding(status: .met, reason: reason, request: nil, evidence: evidence)
  }

  static func notMet(_ reason: String, ask request: String? = nil, evidence: [Evidence] = [])
    -> Finding
  {
    Finding(status: .notMet, reason: reason, request: request, evidence: evidence)
  }

  static func notDocumented(_ reason: String, ask request: String, evidence: [Evidence] = [])
    -> Finding
  {
    Finding(status: .notDocumented, reason: reason, request: request, evidence: evidence)
  }
}

extension CriterionStatus {
  /// Worse statuses sort higher: met, then not documented, then not met.
  var severity: Int {
    switch self {
    case .met: 0
    case .notDocumented: 1
    case .notMet: 2
    }
  }
}

/// Number formatting for reasons: `6`, `5.9`, `2.5`.
func formatted(_ value: Double) -> String {
  let tenths = nearestInteger(value * 10)
  if tenths % 10 == 0 { return String(tenths / 10) }
  return String(Double(tenths) / 10)
}

/// "3 weeks", "1 week".
func plural(_ value: Double, _ unit: String) -> String {
  "\(formatted(value)) \(unit)\(formatted(value) == "1" ? "" : "s")"
}

/// A readable name for a contract enumeration value: `physicalTherapy` → "physical therapy".
func spoken(_ rawValue: String) -> String {
  if let ascii = spokenASCII(rawValue) { return ascii }
  var words = ""
  for character in rawValue {
    if character.isUppercase, !words.isEmpty { words.append(" ") }
    words.append(character.lowercased())
  }
  return words
}

/// `spoken(_:)` for a value in ASCII, as every contract value is, by bytes: asking each
/// `Character` whether it is upper case cost a tenth of matching. `nil` for any other text.
private func spokenASCII(_ rawValue: String) -> String? {
  var words: [UInt8] = []
  words.reserveCapacity(rawValue.utf8.count + 4)
  for byte in rawValue.utf8 {
    guard byte < 0x80 else { return nil }
    let isUppercase = byte >= 0x41 && byte <= 0x5A
    if isUppercase, !words.isEmpty { words.append(0x20) }
    words.append(isUppercase ? byte + 0x20 : byte)
  }
  return String(decoding: words, as: UTF8.self)
}

/// "a, b or c".
func listed(_ items: [String], conjunction: String = "or") -> String {
  guard items.count > 1 else { return items.first ?? "" }
  return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
}

/// The nearest whole number, halves away from zero (without the C maths library, which the
/// Matching module does not link).
func nearestInteger(_ value: Double) -> Int {
  value >= 0 ? Int(value + 0.5) : -Int(-value + 0.5)
}
