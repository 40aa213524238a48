import Model

/// Procedures a sentence names in shapes a lexicon phrase cannot hold, because words vary
/// inside them: an intrathecal dose given as a trial ("intrathecal hydromorphone 0.1 mg
/// bolus at L2-3", "single-shot intrathecal morphine 0.2 mg", the next dose of a screening
/// series: "repeat bolus, 75 mcg"), and an injection told as a verb ("I have injected her
/// right SI joint twice"). They join the lexicon's procedure hits.
extension Passage {
  /// The procedures this sentence names: the lexicon's hits and the shapes below, in order.
  /// Read once per sentence: many detectors ask for them, some for every hit.
  var procedureMentions: [LexiconHit] {
    note.remembered(.procedureMentions, ofSentence: index) {
      readProcedureMentions()
    }
  }

  private func readProcedureMentions() -> [LexiconHit] {
    let named = hits("procedures")
    guard ProcedureShape.anyShape.mayOccur(in: text) else { return named }

    let shaped = ProcedureShape.all.flatMap { shape -> [LexiconHit] in
      let matches = shape.pattern.matches(in: text)
      if matches.isEmpty || shape.excludedBy?.occurs(in: text) == true { return [] }
      return matches.compactMap { match -> LexiconHit? in
        let range = absolute(match.range)
        guard !named.contains(where: { $0.range.overlaps(range) }) else { return nil }
        var attributes = ["procedure": shape.kind.rawValue]
        if let region = shape.region { attributes["region"] = region.rawValue }
        return LexiconHit(
          lexicon: "procedures", concept: shape.concept, attributes: attributes, range: range)
      }
    }
    guard !shaped.isEmpty else { return named }
    return (named + shaped).sorted { $0.range.lowerBound < $1.range.lowerBound }
  }
}

/// One shape of a procedure mention, with the procedure it names.
struct ProcedureShape: Sendable {
  let concept: String
  let kind: ProcedureKind
  let region: Region?
  let pattern: TextPattern
  /// Words of a sentence in which the shape names something else.
  let excludedBy: TextPattern?

  init(
    concept: String, kind: ProcedureKind, region: Region?, pattern: String,
    excludedBy: TextPattern? = nil
  ) {
    self.concept = concept
    self.kind = kind
    self.region = region
    self.pattern = TextPattern(pattern)
    self.excludedBy = excludedBy
  }

  static let all = [intrathecalDose, injectedJoint, injectedFacets, removedDevice]

  /// Any of the shapes, by their literals: the many sentences that can hold none are turned
  /// away before any is searched.
  static let anyShape = AnyOfPatterns(all.map(\.pattern))

  /// "we removed the whole system", "explanted the pump and catheter", "took the pump and
  /// catheter out": an implanted device taken out, named by what was removed.
  static let removedDevice = ProcedureShape(
    concept: "removed device", kind: .deviceRemoval, region: nil,
    pattern:
      #"\b(?:removed|explanted|took out|taken out)\s+(?:the|her|his)\s+(?:whole\s+|entire\s+"#
      + #"|infected\s+)?"# + device + #"|\btook\s+(?:the|her|his)\s+"# + device
      + #"\s+out\b"#)

  private static let device =
    #"(?:(?:stimulator|pump|SCS)\s+)?(?:system|device|hardware|pump|stimulator|generator|IPG)"#
    + #"(?:\s+and\s+(?:the\s+)?(?:catheter|leads?|extension))?\b"#

  /// A drug given intrathecally with a dose or as a bolus, and not a pump's infusion.
  static let intrathecalDose = ProcedureShape(
    concept: "intrathecal drug dose", kind: .intrathecalTrial, region: nil,
    pattern:
      #"\b(?:single[- ]shot\s+|single[- ]dose\s+)?intrathecal\s+(?:(?:preservative[- ]free"#
      + #"|PF)\s+)?"#
      + #"(?:morphine|hydromorphone|fentanyl|baclofen|ziconotide|sufentanil|bupivacaine"#
      + #"|clonidine)"#
      + #"(?:\s+\d+(?:\.\d+)?\s*(?:mg|mcg|µg|micrograms?)\b(?:\s+(?:bolus|injection|test dose))?"#
      + #"|\s+(?:bolus|injection|test dose))(?!\s*(?:/|per\b|pump|via))"#
      + #"|\b(?:repeat|second|third|another)\s+(?:intrathecal\s+|screening\s+)?bolus\b"#,
    // A bolus or a dose through an implanted pump is the pump's therapy, not a trial.
    excludedBy: TextPattern(
      #"\b(?:refill\w*|reservoir|programm\w*|PTM|PCA|(?:via|through|from) (?:the |her |his )?pump"#
        + #"|pump (?:bolus|refill\w*))\b"#
    ))

  /// "injected her right SI joint", "injected both sacroiliac joints".
  static let injectedJoint = ProcedureShape(
    concept: "injected sacroiliac joint", kind: .sacroiliacInjection, region: .sacroiliac,
    pattern:
      #"\binjected\s+"# + owner + #"(?:SI|sacroiliac)\s+joints?\b|\binjected\s+"# + owner
      + #"SIJs?\b"#)

  /// "injected his L4-5 facet joints", "injected the facets".
  static let injectedFacets = ProcedureShape(
    concept: "injected facet joints", kind: .facetInjection, region: nil,
    pattern:
      #"\binjected\s+"# + owner
      + #"(?:[CTLS]\d{1,2}(?:-[CTLS]?\d{1,2})?\s+)?(?:facet joints?|facets)\b"#)

  private static let owner =
    #"(?:her|his|their|the|both)\s+(?:(?:right|left|bilateral|R|L)\s+)?"#
}
