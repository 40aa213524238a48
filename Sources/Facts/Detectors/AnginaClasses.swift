import Model

/// Finds the functional class of the patient's angina, on the New York Heart Association
/// scale ("NYHA class III", "NYHA III-IV") or the Canadian Cardiovascular Society's ("CCS
/// class 3"). A range is read at its upper end; "NY HA class Ill", as OCR reads a scan, too.
struct AnginaClassRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    guard let match = Self.graded.firstMatch(in: passage.text) else { return [] }
    let context = passage.context(ofLocal: match.range)
    guard context.isAffirmedAboutPatient else { return [] }

    let system: AnginaClassSystem = match.group(1) == nil ? .ccs : .nyha
    let grades = [match.group(2) ?? match.group(4), match.group(3) ?? match.group(5)]
      .compactMap { $0 }.compactMap(Self.grade)
    guard let grade = grades.max() else { return [] }
    let detail = AnginaClass(system: system, class: grade)
    return [passage.fact(.anginaClass(detail), rule: "anginaClass.\(system.rawValue)")]
  }

  /// "III" → 3, "4" → 4; OCR's "Ill" (a lower-case L for I) → 3.
  static func grade(_ written: String) -> Int? {
    let numeral = String(written.uppercased().map { $0 == "L" ? "I" : $0 })
    return ["I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4][numeral]
  }

  private static let numeral = #"(IV|I[Il]{0,2}|[1-4])"#
  private static let graded = TextPattern(
    #"\b(?:(NY ?HA|New York Heart Association)(?: functional)?(?: class)?\s*"# + numeral
      + #"(?:\s*(?:-|–|to|/)\s*"# + numeral + #")?|(?:CCS|Canadian Cardiovascular Society)"#
      + #"(?: angina)?(?: class| grade)?\s*"# + numeral + #"(?:\s*(?:-|–|to|/)\s*"# + numeral
      + #")?)\b"#)
}
