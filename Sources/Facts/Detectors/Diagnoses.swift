import Language
import Model

/// Finds diagnoses written in a note, with the ICD-10 code written beside them.
///
/// Where a note has an assessment, impression or diagnosis section, diagnoses are read
/// there (a history section names conditions in passing); elsewhere anywhere. A code
/// written alone is read as the condition whose code prefix it starts with.
struct DiagnosisRule: FactRule {
  /// ICD-10 code prefixes and the condition each names, longest prefix first.
  let codePrefixes: [(prefix: String, condition: DiagnosisCondition)]

  init(lexicons: Lexicons) {
    var prefixes: [(String, DiagnosisCondition)] = []
    for entry in lexicons.entries(in: "diagnoses") {
      guard
        let condition = entry.attributes["condition"].flatMap(DiagnosisCondition.init(rawValue:)),
        let codes = entry.attributes["codes"]
      else { continue }
      for code in codes.split(separator: ",") { prefixes.append((code.uppercased(), condition)) }
    }
    codePrefixes = prefixes.sorted { $0.0.count > $1.0.count }
  }

  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    guard isDiagnosticPlace(passage) else { return [] }
    let codes = Self.codePattern.matches(in: passage.text)
    var facts: [Fact] = []
    var coded: Set<Int> = []

    for hit in passage.hits("diagnoses") {
      guard let condition = hit.attributes["condition"].flatMap(DiagnosisCondition.init(rawValue:))
      else { continue }
      let context = passage.context(of: hit)
      guard !context.isNegated, !context.isUncertain, !context.isHypothetical,
        !context.isOtherPerson
      else { continue }

      let local = passage.local(hit.range)
      let code = codes.enumerated().min { lhs, rhs in
        abs(lhs.element.range.lowerBound - local.upperBound)
          < abs(rhs.element.range.lowerBound - local.upperBound)
      }
      if let code, self.condition(forCode: code.element.value) == condition {
        coded.insert(code.offset)
      }
      let icd = code.flatMap {
        self.condition(forCode: $0.element.value) == condition ? $0.element.value.uppercased() : nil
      }
      let detail = Diagnosis(condition: condition, icd10: icd)
      facts.append(
        passage.fact(.diagnosis(detail), rule: "diagnosis.named", hits: [hit], context: context))
    }

    for (offset, code) in codes.enumerated() where !coded.contains(offset) {
      guard let condition = condition(forCode: code.value) else { continue }
      let context = passage.context(ofLocal: code.range)
      guard !context.isNegated, !context.isOtherPerson, !context.isUncertain else { continue }
      let detail = Diagnosis(condition: condition, icd10: code.value.uppercased())
      facts.append(passage.fact(.diagnosis(detail), rule: "diagnosis.icd10Code", context: context))
    }
    return facts
  }

  /// The condition an ICD-10 code names, by its longest listed prefix.
  func condition(forCode code: String) -> DiagnosisCondition? {
    let folded = code.uppercased()
    return codePrefixes.first { folded.hasPrefix($0.prefix) }?.condition
  }

  private func isDiagnosticPlace(_ passage: Passage) -> Bool {
    guard let section = passage.section else { return true }
    if section.isAssessment || section.isPlan || Self.diagnosticSections.contains(section.name) {
      return true
    }
    return !passage.note.hasDiagnosticSection
  }

  private static let diagnosticSections: Set<String> = [
    "chiefComplaint", "reasonForReferral", "indication", "diagnoses", "impression",
  ]
  private static let codePattern = TextPattern(#"\b[A-TV-Z]\d{2}(?:\.[0-9A-Z]{1,4})?\b(?![-/]\d)"#)
}

extension Note {
  /// Whether the note has a section where diagnoses are stated.
  var hasDiagnosticSection: Bool {
    passages.contains { $0.section?.isAssessment == true }
  }
}
