import Model

/// A log of one procedure written as a table whose rows name no procedure, because its
/// title does: "INJECTION LOG (LEFT SIJ)" over rows "10/20/2025  70%  about 3 months".
///
/// A row is a short line that opens with a date. Its procedure is the one the table's title
/// names, found by walking back over the rows and the column header to the first line that
/// is not a row.
enum ProcedureTable {
  /// Whether a sentence is a row of such a table: short, opening with a date.
  static func isRow(_ passage: Passage) -> Bool {
    guard passage.text.utf16.count <= rowLength, let first = passage.dates.first else {
      return false
    }
    return first.range.lowerBound <= 2
  }

  /// The procedure the title of the table holding `row` names.
  static func procedure(of row: Passage) -> ProcedureReference? {
    guard isRow(row) else { return nil }
    for earlier in row.preceding(maximumRows) {
      if isRow(earlier) || columnHeader.occurs(in: earlier.text) { continue }
      return title(earlier)
    }
    return nil
  }

  /// The procedure a title names: a lexicon name, or an injection word with the site it is
  /// given at ("INJECTION LOG (LEFT SIJ)", "Facet injections").
  private static func title(_ passage: Passage) -> ProcedureReference? {
    let text = passage.text
    guard text.utf16.count <= rowLength else { return nil }
    if let named = passage.procedureMentions.first {
      return ProcedureReference.reference(named, in: passage)
    }
    guard injectionWord.occurs(in: text),
      let site = sites.first(where: { $0.pattern.occurs(in: text) })
    else { return nil }
    return ProcedureReference(
      kind: site.kind, date: nil, levels: ClinicalWords.levels(in: text),
      side: ClinicalWords.side(in: text),
      region: site.region ?? ProcedureReference.region(in: text),
      hits: [])
  }

  private static let rowLength = 80
  private static let maximumRows = 12
  private static let columnHeader = TextPattern(
    #"^\s*(?:date|dos)\b(?:\s*[|,]?\s*(?:relief|duration|procedure|level|side|response|result"#
      + #"|percent|%)\b)+"#
  )
  private static let injectionWord = TextPattern(
    #"\b(?:inject\w*|inj|blocks?|log|procedures?|history)\b"#)
  private static let sites: [(pattern: TextPattern, kind: ProcedureKind, region: Region?)] = [
    (TextPattern(#"\b(?:SIJ|SI joints?|sacroiliac)\b"#), .sacroiliacInjection, .sacroiliac),
    (TextPattern(#"\bfacets?\b"#), .facetInjection, nil),
    (TextPattern(#"\bepidurals?\b"#), .epiduralInjection, nil),
  ]
}
