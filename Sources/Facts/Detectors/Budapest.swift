import Model

/// Finds Budapest signs and symptoms of complex regional pain syndrome, each in its
/// category and marked as reported by the patient (symptom) or seen on examination (sign).
///
/// Read only in cases that speak of CRPS: elsewhere "weakness" or "swelling" is not a
/// Budapest finding.
struct BudapestFindingRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    guard reading.concernsCRPS else { return [] }
    return passage.hits("budapest").compactMap { hit in
      guard let category = hit.attributes["category"].flatMap(BudapestCategory.init(rawValue:))
      else { return nil }
      let context = passage.context(of: hit)
      guard !context.isHypothetical, !context.isOtherPerson, !context.isUncertain else {
        return nil
      }

      let kind = Self.kind(of: hit, in: passage)
      let detail = BudapestFinding(
        category: category, kind: kind, present: !context.isNegated, finding: hit.concept)
      return passage.fact(
        .budapestFinding(detail), rule: "budapestFinding.\(kind.rawValue)", hits: [hit],
        context: context)
    }
  }

  /// A sign when the sentence reports an examination, a symptom when the patient reports it.
  static func kind(of hit: LexiconHit, in passage: Passage) -> BudapestKind {
    let local = passage.local(hit.range)
    let before = lastClause(passage.slice(0..<local.lowerBound))
    let sign = signWords.matches(in: before).last?.range.lowerBound ?? -1
    let symptom = symptomWords.matches(in: before).last?.range.lowerBound ?? -1
    if sign != symptom { return sign > symptom ? .sign : .symptom }
    // "(allodynia, swelling, stiffness reported; allodynia, edema on exam)": the cue after.
    let after = firstClause(passage.slice(local.upperBound..<passage.text.utf16.count))
    let signAfter = signWords.firstMatch(in: after)?.range.lowerBound ?? Int.max
    let symptomAfter = symptomWords.firstMatch(in: after)?.range.lowerBound ?? Int.max
    if signAfter != symptomAfter { return signAfter < symptomAfter ? .sign : .symptom }
    if hit.attributes["kind"] == "sign" { return .sign }
    if passage.section?.isExamination == true { return .sign }
    return .symptom
  }

  private static func lastClause(_ text: String) -> String {
    guard let cut = text.lastIndex(where: { $0 == ";" || $0 == "(" }) else { return text }
    return String(text[text.index(after: cut)...])
  }

  private static func firstClause(_ text: String) -> String {
    guard let cut = text.firstIndex(where: { $0 == ";" || $0 == ")" }) else { return text }
    return String(text[..<cut])
  }

  private static let signWords = TextPattern(
    #"\b(?:signs?|on exam\w*|exam(?:ination)?(?: reveals| shows| demonstrates| notable for)?:?|"#
      + #"observed|visible|evident|noted on|measured|palpation|inspection|objective\w*|"#
      + #"demonstrates|there is|there was|appears|measur\w+)\b"#)
  private static let symptomWords = TextPattern(
    #"\b(?:symptoms?|reports?|reported|reporting|complains?|complaining|describes?|endorses?|"#
      + #"states?|notes?|feels?|subjective\w*|history of|c/o)\b"#)
}

/// Finds a diagnosis of complex regional pain syndrome, its type, and whether the note
/// states that the Budapest criteria are met.
struct CRPSDiagnosisRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    let crpsHits = passage.hits("diagnoses").filter { $0.attributes["condition"] == "crps" }
    let statement = Self.budapestMet.firstMatch(in: passage.text)
    guard !crpsHits.isEmpty || statement != nil else { return [] }

    let range = crpsHits.first.map { passage.local($0.range) } ?? statement!.range
    let context = passage.context(ofLocal: range)
    guard !context.isNegated, !context.isHypothetical, !context.isOtherPerson,
      !context.isUncertain
    else { return [] }

    let stated: Bool? =
      statement.map { !Self.budapestNotMet.occurs(in: passage.text.slice($0.range)) } ?? nil
    let detail = CRPSDiagnosis(
      crpsType: Self.type(in: passage, hits: crpsHits), budapestStated: stated)
    return [
      passage.fact(.crpsDiagnosis(detail), rule: "crpsDiagnosis", hits: crpsHits, context: context)
    ]
  }

  /// The CRPS type written in the sentence, from words ("type II", "CRPS-1", "causalgia")
  /// or an ICD-10 code (G90.5x is type I; G56.4x and G57.7x, causalgia, type II).
  static func type(in passage: Passage, hits: [LexiconHit]) -> Int? {
    if let written = hits.compactMap({ $0.attributes["type"].flatMap { Int($0) } }).first {
      return written
    }
    if let match = typePattern.firstMatch(in: passage.text),
      let numeral = match.group(1) ?? match.group(2)
    {
      return numeral.uppercased().hasPrefix("II") || numeral == "2" ? 2 : 1
    }
    if typeOneCode.occurs(in: passage.text) { return 1 }
    if typeTwoCode.occurs(in: passage.text) { return 2 }
    return nil
  }

  /// The diagnosis codes of CRPS type I (G90.5-) and type II (G56.4-, G57.7-).
  private static let typeOneCode = TextPattern(#"\bG90\.5"#)
  private static let typeTwoCode = TextPattern(#"\bG5(?:6\.4|7\.7)"#)
  private static let typePattern = TextPattern(
    #"\b(?:CRPS|complex regional pain syndrome)\s*,?\s*[-(]?\s*(?:type\s*)?(II|I|1|2)\b(?!\.\d)"#
      + #"|\btype\s*(II|I|1|2)\s+(?:CRPS|complex regional pain syndrome)\b"#)
  /// "meets Budapest criteria", "fulfilling the Budapest diagnostic criteria".
  private static let budapestMet = TextPattern(
    #"\b(?:(?:does not |doesn't |did not |not )?(?:meets?|meeting|fulfills?|fulfilling|satisf(?:y"#
      + #"|ies|ying|ied)|met)|"#
      + #"consistent with|per|by|using)\s+(?:the\s+)?(?:modified\s+|revised\s+)?(?:Budapest|IASP)"#
      + #"(?:\s+(?:clinical|diagnostic|research))?\s+criteria\b|\bBudapest criteria (?:are "#
      + #"|were )?(?:met|satisfied|fulfilled)\b"#
  )
  private static let budapestNotMet = TextPattern(#"\b(?:does not|doesn't|did not|not)\b"#)
}
