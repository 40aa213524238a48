import Model

/// A procedure named in the text, with the date, levels and side written with it.
struct ProcedureReference {
  let kind: ProcedureKind
  let date: ClinicalDate?
  let levels: [String]
  let side: Side?
  let region: Region?
  let hits: [LexiconHit]

  /// The procedure a statement in `passage` at `range` speaks of: the one named nearest in
  /// the sentence, or else the one the title of its table names, or else the last one named
  /// in the three sentences before it. A therapy or medication named nearer than any
  /// procedure means the statement is not about a procedure. Read once per statement
  /// however many detectors ask.
  static func nearest(to range: Range<Int>, in passage: Passage) -> ProcedureReference? {
    passage.note.remembered(.nearestProcedure, of: range, inSentence: passage.index) {
      Nearest(reference: readNearest(to: range, in: passage))
    }.reference
  }

  /// The procedure a statement speaks of, or none.
  private struct Nearest {
    let reference: ProcedureReference?
  }

  private static func readNearest(to range: Range<Int>, in passage: Passage)
    -> ProcedureReference?
  {
    let procedures = inOwnClause(passage.procedureMentions, of: range, in: passage)
    if let procedure = closest(procedures, to: range, in: passage) {
      let treatments = (passage.hits("therapies") + passage.hits("medications")).filter {
        !isInjectate($0, of: procedures, in: passage)
      }
      if let treatment = closest(treatments, to: range, in: passage),
        distance(treatment, range, passage) < distance(procedure, range, passage)
      {
        return nil
      }
      return reference(procedure, in: passage)
    }
    let namesTreatment = !passage.hits("therapies").isEmpty || !passage.hits("medications").isEmpty
    guard !namesTreatment || procedureWords.occurs(in: passage.text) else { return nil }
    if let tabled = ProcedureTable.procedure(of: passage) { return tabled }
    let pointer = anaphora.firstMatch(in: passage.text)
    let noun = pointer?.group(1)?.lowercased() ?? "procedure"
    for earlier in passage.preceding(pointer == nil ? 3 : 8) {
      let named = earlier.procedureMentions.first {
        $0.attributes["procedure"].flatMap(ProcedureKind.init(rawValue:)).map {
          pointing(noun, canName: $0)
        } ?? false
      }
      if let named { return reference(named, in: earlier) }
    }
    return reportedProcedure(of: passage.note)
  }

  /// "TFESI 2/2025 (50% x 3 wk); MBB 9/2025 (>80% each); RFN 11/2025": a semicolon ends one
  /// procedure's account, so a statement is about the procedures of its own clause when it
  /// names any.
  private static func inOwnClause(
    _ mentions: [LexiconHit], of range: Range<Int>, in passage: Passage
  ) -> [LexiconHit] {
    let text = passage.text
    let start =
      semicolon.matches(in: text.slice(0..<range.lowerBound)).last?.range.upperBound ?? 0
    let end =
      semicolon.firstMatch(in: text.slice(range.upperBound..<text.utf16.count)).map {
        range.upperBound + $0.range.lowerBound
      } ?? text.utf16.count
    let own = mentions.filter {
      let local = passage.local($0.range)
      return local.lowerBound >= start && local.upperBound <= end
    }
    return own.isEmpty ? mentions : own
  }

  private static let semicolon = TextPattern(#";"#)

  /// The date of a named procedure: its own dates as a history reads them, else the date
  /// written nearest to it with no therapy or drug in between.
  private static func date(of hit: LexiconHit, in passage: Passage) -> ClinicalDate? {
    let mentions = passage.procedureMentions
    if let index = mentions.firstIndex(where: { $0.range == hit.range }),
      let own = ProcedureDates.dates(of: index, among: mentions, in: passage).first
    {
      return own
    }
    let local = passage.local(hit.range)
    return passage.dates.filter { date in
      let gap =
        date.range.lowerBound >= local.upperBound
        ? local.upperBound..<date.range.lowerBound : date.range.upperBound..<local.lowerBound
      return !ProcedureDates.treatmentBetween(gap.lowerBound, gap.upperBound, in: passage)
    }.min {
      abs($0.range.lowerBound - local.upperBound) < abs($1.range.lowerBound - local.upperBound)
    }?.date
  }

  /// In a procedure's own report, a result with no procedure near it is that procedure's:
  /// the first one the report names.
  private static func reportedProcedure(of note: Note) -> ProcedureReference? {
    guard PriorProcedureRule.isProcedureNote(note) else { return nil }
    for passage in note.passages {
      if let first = passage.procedureMentions.first { return reference(first, in: passage) }
    }
    return nil
  }

  /// Whether a pointing noun ("the block", "the surgery", "the trial") can stand for a
  /// procedure of a kind: an injection is not an operation.
  static func pointing(_ noun: String, canName kind: ProcedureKind) -> Bool {
    if noun.hasPrefix("surg") || noun.hasPrefix("operation") { return kind == .spineSurgery }
    if noun.hasPrefix("trial") { return kind.isTrial || kind == .other }
    if noun.hasPrefix("block") || noun.hasPrefix("inj") {
      return kind != .spineSurgery && kind != .other && kind != .spinalCordStimulatorTrial
    }
    return true
  }

  /// The procedure a lexicon hit names, with what its sentence says about it; read once per
  /// sentence and hit however many detectors ask.
  static func reference(_ hit: LexiconHit, in passage: Passage) -> ProcedureReference? {
    let read = passage.note.remembered(
      .procedureReference, of: hit.range, inSentence: passage.index
    ) { Reading(hit: hit, reference: reading(hit, in: passage)) }
    // Two entries may name the same words: what is kept is the first one's.
    guard read.isOf(hit) else { return reading(hit, in: passage) }
    return read.reference
  }

  /// A hit and the procedure read from it.
  private struct Reading {
    let hit: LexiconHit
    let reference: ProcedureReference?

    func isOf(_ other: LexiconHit) -> Bool {
      hit.range == other.range && hit.lexicon == other.lexicon && hit.concept == other.concept
        && hit.attributes == other.attributes
    }
  }

  private static func reading(_ hit: LexiconHit, in passage: Passage) -> ProcedureReference? {
    guard var kind = hit.attributes["procedure"].flatMap(ProcedureKind.init(rawValue:)) else {
      return nil
    }
    let local = passage.local(hit.range)
    let window =
      max(0, local.lowerBound - 40)..<min(passage.text.utf16.count, local.upperBound + 40)
    if kind == .other, trialWord.occurs(in: passage.text, within: window) {
      // "spinal cord stimulator: declined after trial", "intrathecal pump trial".
      if hit.attributes["service"] == "spinalCordStimulator" { kind = .spinalCordStimulatorTrial }
      if hit.attributes["service"] == "intrathecalPump" { kind = .intrathecalTrial }
    }
    var own = ownClause(of: hit, in: passage)
    var levels = ClinicalWords.levels(in: own)
    if kind.isTrial, levels.isEmpty,
      let match = interspace.firstMatch(in: passage.text), let level = match.group(1)
    {
      own += " " + level
      levels = ClinicalWords.levels(in: own)
    }
    var region = hit.attributes["region"].flatMap(Region.init(rawValue:)) ?? region(in: own)
    if region == .sacral, kind.isSpinalInjection { region = .lumbar }
    return ProcedureReference(
      kind: kind, date: date(of: hit, in: passage), levels: levels,
      side: ClinicalWords.side(in: own) ?? ClinicalWords.side(in: passage.slice(window)),
      region: region,
      hits: [hit])
  }

  /// The words of a procedure's own clause, where its levels are written: back to a break
  /// or the procedure before it, and on to the next break ("after L5-S1 discectomy (04/2018)
  /// and L4-S1 fusion" gives the discectomy L5-S1 and the fusion L4-S1). A comma or "and"
  /// joining two levels is no break ("L4-5 and L5-S1 MBB").
  static func ownClause(of hit: LexiconHit, in passage: Passage) -> String {
    let local = passage.local(hit.range)
    let mentions = passage.procedureMentions.map { passage.local($0.range) }
    let previousEnd = mentions.filter { $0.upperBound <= local.lowerBound }.map(\.upperBound).max()
    let nextStart = mentions.filter { $0.lowerBound >= local.upperBound }.map(\.lowerBound).min()
    let lower = max(previousEnd ?? 0, local.lowerBound - 40)
    let upper = min(nextStart ?? passage.text.utf16.count, local.upperBound + 40)

    let before = passage.slice(lower..<local.lowerBound)
    let after = passage.slice(local.upperBound..<upper)
    let leading =
      clauseBreak.matches(in: before).last.map {
        before.slice($0.range.upperBound..<before.utf16.count)
      } ?? before
    let trailingStart = after.utf16.count - after.drop { " (".contains($0) }.utf16.count
    let rest = after.slice(trailingStart..<after.utf16.count)
    let trailing =
      trailingBreak.firstMatch(in: rest).map {
        rest.slice(0..<$0.range.lowerBound)
      } ?? rest
    return leading + passage.slice(local) + " " + trailing
  }

  private static let clauseBreak = TextPattern(
    #"[;()]|,(?!\s*[CTLS]\d)|\b(?:and|then)\b(?!\s+[CTLS]\d)"#)
  /// After the procedure a parenthesis opens its own details ("trial on 02/10/2026
  /// (morphine 0.2 mg, L2-3)"), so only its close breaks the clause.
  private static let trailingBreak = TextPattern(
    #"[;)]|,(?!\s*[CTLS]\d)|\b(?:and|then)\b(?!\s+[CTLS]\d)"#)
  /// "single bolus of morphine at L2-3": the interspace a trial's drug was given at.
  private static let interspace = TextPattern(
    #"\b(?:at|via|through)\s+(?:the\s+)?([CTLS]\d{1,2}(?:\s*-\s*[CTLS]?\d{1,2})?)\b"#)

  /// "intrathecal infusion trial (fentanyl)", "intrathecal bolus of morphine": the drug a
  /// procedure gives, written right after it, is part of the procedure, not a treatment of
  /// its own.
  private static func isInjectate(
    _ drug: LexiconHit, of procedures: [LexiconHit], in passage: Passage
  ) -> Bool {
    let start = passage.local(drug.range).lowerBound
    return procedures.contains { procedure in
      let named = passage.local(procedure.range)
      if named.contains(start) { return true }
      guard named.upperBound <= start, start - named.upperBound <= 24 else { return false }
      return injectateLink.occurs(in: passage.slice(named.upperBound..<start))
    }
  }

  private static let injectateLink = TextPattern(
    #"^[\s(:,-]*(?:(?:of|with|using)\s+)?(?:[\d.]+\s*(?:mg|mcg|ml|mL)\s+(?:of\s+)?)?$"#)

  private static func closest(_ hits: [LexiconHit], to range: Range<Int>, in passage: Passage)
    -> LexiconHit?
  {
    hits.min { distance($0, range, passage) < distance($1, range, passage) }
  }

  private static func distance(_ hit: LexiconHit, _ range: Range<Int>, _ passage: Passage) -> Int {
    let local = passage.local(hit.range)
    if local.overlaps(range) { return 0 }
    return local.upperBound <= range.lowerBound
      ? range.lowerBound - local.upperBound : local.lowerBound - range.upperBound
  }

  /// The spinal region named in text, from levels or words.
  static func region(in text: String) -> Region? {
    if regionSacroiliac.occurs(in: text) { return .sacroiliac }
    let levels = ClinicalWords.levels(in: text)
    if let first = levels.first?.first {
      switch first {
      case "C": return .cervical
      case "T": return .thoracic
      case "L": return .lumbar
      case "S": return .sacral
      default: break
      }
    }
    if regionLumbar.occurs(in: text) { return .lumbar }
    if regionCervical.occurs(in: text) { return .cervical }
    if regionThoracic.occurs(in: text) { return .thoracic }
    return nil
  }

  /// Words that make a sentence about a procedure even when it names a drug ("a single
  /// bolus of morphine", "the block").
  private static let procedureWords = TextPattern(
    #"\b(?:bolus|trial|block|blocks|injection|injections|infusion|procedure|screen)\b"#)
  /// "the block", "that injection", "last inj": a procedure named earlier.
  private static let anaphora = TextPattern(
    #"\b(?:the|that|this|each|both|his|her|last|latest|most recent)\s+(?:\S+\s+)?(block|blocks"#
      + #"|injection|injections|injs?|procedure|trial|bolus)\b"#
  )
  private static let trialWord = TextPattern(#"\btrial(?:ed|led)?\b"#)
  private static let regionSacroiliac = TextPattern(#"\b(?:SI|SIJ|sacroiliac)\b"#)
  private static let regionLumbar = TextPattern(#"\b(?:lumbar|low back|lumbosacral)\b"#)
  private static let regionCervical = TextPattern(#"\b(?:cervical|neck)\b"#)
  private static let regionThoracic = TextPattern(#"\bthoracic\b"#)
}

extension ProcedureKind {
  /// Whether the procedure is an injection at a spinal level, whose sacral levels ("right
  /// S1 transforaminal") belong to the lumbar spine.
  var isSpinalInjection: Bool {
    [.epiduralInjection, .facetInjection, .medialBranchBlock, .radiofrequencyAblation]
      .contains(self)
  }

  /// Whether the procedure is a device or drug trial, whose result is a `deviceTrial`.
  var isTrial: Bool { self == .spinalCordStimulatorTrial || self == .intrathecalTrial }

  /// The region a procedure of this kind is always done in, where its name implies one.
  var impliedRegion: Region? {
    switch self {
    case .sacroiliacInjection: .sacroiliac
    case .stellateGanglionBlock: .cervical
    case .lumbarSympatheticBlock: .lumbar
    case .thoracicSympatheticBlock: .thoracic
    case .celiacPlexusBlock: .abdomen
    case .superiorHypogastricBlock: .pelvis
    default: nil
    }
  }
}
