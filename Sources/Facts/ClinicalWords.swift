import Foundation
import Model

/// Small vocabularies of clinical English that every detector reads the same way: numbers
/// written as words, sides, spinal levels and spans of time.
enum ClinicalWords {
  /// The value of a number written in digits or as an English word ("seven", "a half").
  static func number(_ text: String) -> Double? {
    let folded = text.lowercased().trimmingCharacters(in: .whitespaces)
    if let value = Double(folded) { return value }
    return numberWords[folded]
  }

  /// A regular-expression alternative matching a number in digits or words up to twenty.
  static let numberPattern =
    #"(?:\d+(?:\.\d+)?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"#
    + #"thirteen|fourteen|fifteen|sixteen|eighteen|twenty)"#

  private static let numberWords: [String: Double] = [
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "eighteen": 18, "twenty": 20, "a": 1,
    "an": 1, "a couple": 2, "several": 3, "half": 0.5,
  ]

  /// The side named in a short stretch of text, if exactly one kind is named.
  static func side(in text: String) -> Side? {
    if bilateralPattern.occurs(in: text) { return .bilateral }
    let left = leftPattern.occurs(in: text)
    let right = rightPattern.occurs(in: text)
    if left && right { return .bilateral }
    if left { return .left }
    if right { return .right }
    return nil
  }

  private static let bilateralPattern = TextPattern(
    #"\b(?:bilateral(?:ly)?|bilat|both sides|both ways|on both sides|B/L)\b"#)
  private static let leftPattern = TextPattern(#"\b(?:left|lt)\b|(?<![\w.])L(?![\w-])|\(L\)"#)
  private static let rightPattern = TextPattern(#"\b(?:right|rt)\b|(?<![\w.])R(?![\w-])|\(R\)"#)

  /// Spinal levels named in text, in the short hyphenated form: "L4-5", "L5-S1", "C5-6", "L4".
  static func levels(in text: String) -> [String] {
    var found: [String] = []
    for match in levelPattern.matches(in: text) {
      guard let first = match.group(1), let firstNumber = match.group(2) else { continue }
      let region = first.uppercased()
      var level = "\(region)\(firstNumber)"
      if let secondRegion = match.group(3), let secondNumber = match.group(4) {
        let upper = secondRegion.uppercased()
        level += upper.isEmpty || upper == region ? "-\(secondNumber)" : "-\(upper)\(secondNumber)"
      }
      if !found.contains(level) { found.append(level) }
    }
    return found
  }

  private static let levelPattern = TextPattern(
    #"\b([CTLS])(\d{1,2})(?:\s*(?:-|–|/|to)\s*([CTLS]?)(\d{1,2}))?\b"#)

  /// The number of days in a span of time written with a unit ("6 weeks", "3 mos", "x 1 yr").
  static func days(amount: Double, unit: String) -> Double? {
    let folded = unit.lowercased()
    if folded.hasPrefix("h") { return amount / 24 }
    if folded.hasPrefix("d") { return amount }
    if folded.hasPrefix("w") { return amount * 7 }
    if folded.hasPrefix("mo") || folded == "m" { return amount * 30 }
    if folded.hasPrefix("y") { return amount * 365 }
    return nil
  }

  /// A regular-expression alternative matching a unit of time.
  static let timeUnitPattern =
    #"(?:hours?|hrs?|days?|weeks?|wks?|months?|mos?|mths?|years?|yrs?)"#

  /// The months in a span of time, as the annotation rules count them (weeks × 7 / 30.44).
  static func months(amount: Double, unit: String) -> Double? {
    let folded = unit.lowercased()
    if folded.hasPrefix("w") { return amount * 7 / 30.44 }
    if folded.hasPrefix("mo") || folded.hasPrefix("mth") { return amount }
    if folded.hasPrefix("y") { return amount * 12 }
    if folded.hasPrefix("d") { return amount / 30.44 }
    return nil
  }
}
