import Model

/// Historical triggers from the calendar: "in 2019" or "in March 2024" before the year (or
/// month) of the date of service marks what it governs as past. Without a date of service
/// no year can be called past, and none is.
struct PastYearTriggers {
  let tokens: [Token]
  let dateOfService: ClinicalDate?

  func triggers() -> [ContextAnalyzer.TriggerMatch] {
    guard let service = dateOfService else { return [] }

    var found: [ContextAnalyzer.TriggerMatch] = []
    for index in tokens.indices where Self.isLead(tokens[index].normalized) {
      guard let (end, year, month) = yearAfter(index), isPast(year, month, service) else {
        continue
      }
      let range = tokens[index].range.lowerBound..<tokens[end - 1].range.upperBound
      found.append(
        ContextAnalyzer.TriggerMatch(
          trigger: AssertionTrigger(
            kind: .historical, text: tokens[index..<end].writtenText, range: range,
            direction: .both, source: "a year before the date of service"),
          tokenRange: index..<end, reach: nil))
    }
    return found
  }

  /// Whether a normalized token is "in" or "during", the words before a past year.
  private static func isLead(_ normalized: String) -> Bool {
    // Every token is asked: its length, known at once, spares most of them the comparison.
    switch normalized.utf8.count {
    case 2: normalized == "in"
    case 6: normalized == "during"
    default: false
    }
  }

  private func yearAfter(_ index: Int) -> (end: Int, year: Int, month: Int?)? {
    var next = index + 1
    var month: Int?
    if next < tokens.count, let named = DatePatterns.monthNumber(word: tokens[next].normalized) {
      month = named
      next += 1
    }
    guard next < tokens.count, tokens[next].kind == .number, tokens[next].text.count == 4,
      let year = Int(tokens[next].text), (1900...2200).contains(year)
    else { return nil }
    return (next + 1, year, month)
  }

  private func isPast(_ year: Int, _ month: Int?, _ service: ClinicalDate) -> Bool {
    guard let month else { return year < service.year }
    return (year, month) < (service.year, service.month)
  }
}
