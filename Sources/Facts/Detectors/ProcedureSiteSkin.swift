import Model

/// Reads an examination of the skin where a procedure will enter: "Skin over the low back
/// intact, no rash", "Thoracolumbar skin clear", "RLQ skin at the planned pocket site
/// intact", "Incision clean, dry and intact". Such a statement is skin infection at the
/// site denied (`skinInfectionAtSite`, present false).
///
/// The site is named by a region where the guidelines' procedures enter the skin (the
/// `skinSite=procedureRegion` entries of the risk-factors lexicon) or by a procedure's own
/// site (needle entry, generator pocket, lead exit site, an incision found clean). A clause
/// that names only a limb, a pressure-injury check ("sacral and ischial skin intact"), an
/// old site that is not the planned one ("the old pocket is well healed", a healed
/// incision), or the skin preparation of a procedure ("skin prepped with chlorhexidine")
/// is not that examination.
///
/// Known shortcoming: the reader does not know which procedure the case requests, so any
/// procedure region counts. A neck examined clean in a lumbar case, or right-sided needle
/// sites when the left side is requested, are read as the site. Fixing it needs the
/// request's region and side in `CaseReading`.
enum ProcedureSiteSkin {
  /// The statements of clean skin at the procedure site in a sentence, one per clause.
  static func cleanSiteStatements(in passage: Passage) -> [Range<Int>] {
    // A clause ends at a semicolon, where no state's words can reach across: a clean state
    // in a clause is one in the sentence, and a sentence without one needs no more search.
    guard cleanStateWords.mayOccur(in: passage.text) else { return [] }

    return clauses(of: passage).compactMap { clause in
      let text = passage.slice(clause)
      guard let state = cleanState(in: text), namesSite(clause, in: passage) else { return nil }
      let range = (state.lowerBound + clause.lowerBound)..<(state.upperBound + clause.lowerBound)
      let context = passage.context(ofLocal: range)
      guard !context.isHistorical, !context.isHypothetical, !context.isOtherPerson else {
        return nil
      }
      return range
    }
  }

  /// Whether the clause around a local range names the procedure site, for a finding that
  /// counts only there ("erythema", "well healed").
  static func namesSite(around local: Range<Int>, in passage: Passage) -> Bool {
    guard let clause = clauses(of: passage).first(where: { $0.overlaps(local) }) else {
      return false
    }
    return namesSite(clause, in: passage)
  }

  /// Whether the clause around a local range speaks only of skin away from any procedure
  /// site: a limb or a pressure area ("residual limb, no skin breakdown or infection").
  static func isElsewhere(around local: Range<Int>, in passage: Passage) -> Bool {
    guard let clause = clauses(of: passage).first(where: { $0.overlaps(local) }) else {
      return false
    }
    let places = skinPlaces(in: clause, of: passage)
    return !places.contains("procedureRegion") && !ownSite.occurs(in: passage.slice(clause))
      && (places.contains("elsewhere") || places.contains("pressureArea"))
  }

  private static func skinPlaces(in clause: Range<Int>, of passage: Passage) -> [String] {
    passage.hits("risk-factors").filter { clause.overlaps(passage.local($0.range)) }
      .compactMap { $0.attributes["skinSite"] }
  }

  /// A clause names the site when it names a procedure region or a procedure's own site,
  /// and nothing in it says the skin is somewhere else or is being prepared.
  private static func namesSite(_ clause: Range<Int>, in passage: Passage) -> Bool {
    let text = passage.slice(clause)
    let places = skinPlaces(in: clause, of: passage)
    guard !places.contains("pressureArea"), !oldSite.occurs(in: text), !skinPrep.occurs(in: text)
    else { return false }

    if ownSite.occurs(in: text) { return true }
    // A healed incision is the scar of an earlier operation, wherever it is.
    if healedScar.occurs(in: text) { return false }
    if places.contains("procedureRegion") || overTheTarget.occurs(in: text) { return true }
    // An incision is a site when it is examined ("clean", "no drainage"), not merely
    // described as the healed scar of an earlier operation; nor is a limb's.
    return !places.contains("elsewhere") && incision.occurs(in: text)
      && (examinedState.occurs(in: text) || deniedFinding.occurs(in: text))
  }

  /// Where the clause says the skin is clean: a state after a skin word, or a skin
  /// finding denied.
  private static func cleanState(in text: String) -> Range<Int>? {
    (describedClean.firstMatch(in: text) ?? incisionClean.firstMatch(in: text)
      ?? deniedFinding.firstMatch(in: text))?.range
  }

  /// The sentence's clauses: a semicolon starts a new statement ("Old pocket healed; new
  /// pocket planned on the right").
  private static func clauses(of passage: Passage) -> [Range<Int>] {
    var clauses: [Range<Int>] = []
    var start = 0
    for (offset, unit) in passage.text.utf16.enumerated() where unit == semicolon {
      clauses.append(start..<offset)
      start = offset + 1
    }
    clauses.append(start..<passage.text.utf16.count)
    return clauses.filter { !$0.isEmpty }
  }

  private static let semicolon = UInt16(UInt8(ascii: ";"))
  /// Any of the three ways a clause says the skin is clean.
  private static let cleanStateWords = AnyOfPatterns([describedClean, incisionClean, deniedFinding])
  private static let describedClean = TextPattern(describedCleanPattern)
  private static let describedCleanPattern =
    #"\b(?:skin|pockets?|(?:exit|entry|needle|injection|inj|procedure|lead"#
    + #"|port) sites?)\b[^.;]{0,60}?\b(?:intact|clear|clean|normal|unremarkable|healthy"#
    + #"|(?:well[- ]|fully )?healed)\b"#
  /// A healed incision is the scar of an earlier operation; one found clean is examined.
  private static let incisionClean = TextPattern(incisionCleanPattern)
  private static let incisionCleanPattern =
    #"\bincisions?\b[^.;]{0,40}?\b(?:intact|clear|clean|dry|unremarkable|normal)\b"#
  private static let deniedFinding = TextPattern(deniedFindingPattern)
  private static let deniedFindingPattern =
    #"\b(?:no|without|w/o|free of)\s+(?:[\w-]+\s+(?:or\s+|and\s+)?){0,3}?(?:rash(?:es)?|erythema"#
    + #"|lesions?|breakdown|drainage|induration|redness|fluctuance|open (?:skin|wounds?)"#
    + #"|skin (?:breaks?|changes?|lesions?))\b"#
  private static let examinedState = TextPattern(
    #"\b(?:intact|clean|dry|unremarkable|normal)\b"#)
  private static let ownSite = TextPattern(
    #"\b(?:(?:injection|inj|needle|entry|procedure|planned|proposed|target|exit|lead|pocket|IPG"#
      + #"|generator|pump) sites?|needle entry|(?:generator|pump|IPG|reservoir) pocket|pocket"#
      + #"|IPG|generator)\b"#
  )
  private static let incision = TextPattern(#"\bincisions?\b"#)
  /// "Skin overlying the facets", "skin over L4-5", "over the planned entry".
  private static let overTheTarget = TextPattern(
    #"\boverl(?:ies|ying)\b|\bover (?:the )?(?:planned|proposed|target)\b|\b(?:over|at"#
      + #"|of)\s+(?:the\s+)?[CTLS]\d(?:\s*-\s*[CTLS]?\d)?\b"#
  )
  private static let healedScar = TextPattern(
    #"\bhealed\s+(?:[\w-]+\s+){0,3}?(?:incisions?|scars?)\b|\b(?:incisions?"#
      + #"|scars?)\b[^.;]{0,30}?\bhealed\b"#
  )
  private static let oldSite = TextPattern(
    #"\b(?:old|prior|previous|former|original|remote)\s+(?:[\w-]+\s+){0,3}?(?:pocket|sites?"#
      + #"|incisions?|scars?)\b"#
  )
  private static let skinPrep = TextPattern(
    #"\b(?:prep|preps|prepped|prepared|draped|sterile|cleansed|time-?out|chlorhexidine|betadine"#
      + #"|povidone|DuraPrep|ChloraPrep)\b"#
  )
}
