import Model

/// Finds why the level or source of the pain is in question: the note says the pain
/// generator is not yet known ("unclear whether L4-5 or L5-S1 is the pain generator", "to
/// sort out the pain generator"), or names disease at several levels ("multilevel facet
/// arthropathy", "degenerative changes at multiple levels").
///
/// A generator the note names as found ("confirmed the L4-5 facets as the pain generator")
/// is not in question, and a denied finding ("no multilevel disease") is not listed.
struct DiagnosticUncertaintyRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    let text = passage.text
    guard Self.cue.mayOccur(in: text) else { return [] }

    var facts: [Fact] = []
    // Only a denial of the question itself counts ("no question about the pain generator"):
    // a result word nearby ("uncertain after the negative block") denies nothing.
    if let match = Self.generatorInQuestion(in: text), !Self.noQuestion.occurs(in: text) {
      facts.append(fact(.painGenerator, match.range, in: passage))
    }
    if let match = Self.multilevel.firstMatch(in: text), Self.pathology.occurs(in: text) {
      let context = passage.context(ofLocal: match.range)
      if context.isAffirmedAboutPatient {
        facts.append(fact(.multilevelPathology, match.range, in: passage))
      }
    }
    return facts
  }

  private func fact(_ kind: DiagnosticUncertaintyKind, _ range: Range<Int>, in passage: Passage)
    -> Fact
  {
    passage.fact(
      .diagnosticUncertainty(DiagnosticUncertainty(kind: kind)),
      rule: "diagnosticUncertainty.\(kind)", context: passage.context(ofLocal: range))
  }

  /// The words that put the pain generator in question, unless the sentence says it was
  /// found.
  static func generatorInQuestion(in text: String) -> TextMatch? {
    // The rare words of a question first: most sentences have none, and need no more search.
    let question =
      unclearSource.firstMatch(in: text)
      ?? (generator.occurs(in: text) ? generatorQuestion.firstMatch(in: text) : nil)
    guard let question, !generatorFound.occurs(in: text) else { return nil }
    return question
  }

  /// What every fact of the rule needs: a source in question, a generator named, or disease
  /// at several levels. Their literals turn away the many sentences that can hold none.
  private static let cue = AnyOfPatterns([unclearSource, generator, multilevel])

  private static let noQuestion = TextPattern(
    #"\b(?:no|not|without|never|little)\s+(?:\w+\s+){0,2}?(?:question|doubt|uncertain\w*"#
      + #"|unclear)\b"#)
  private static let generator = TextPattern(generatorPattern)
  private static let generatorPattern =
    #"\b(?:pain generators?|pain source|source of (?:the |her |his |their )?pain"#
    + #"|symptomatic level|culprit level|responsible level)\b"#
  private static let generatorQuestion = TextPattern(
    #"\b(?:unclear|uncertain|not clear|not certain|in question|question(?:able)?"#
      + #"|not (?:yet )?(?:known|identified|established|determined|localized)|unknown"#
      + #"|identify|determine|sort out|clarify|localize|locate|pin down|distinguish"#
      + #"|differentiate|which|whether|versus|vs\.?)\b"#)
  private static let unclearSource = TextPattern(unclearSourcePattern)
  private static let unclearSourcePattern =
    #"\b(?:unclear|uncertain|not clear|not certain)\s+(?:\w+\s+){0,2}?(?:which|whether)\s+"#
    + #"(?:\w+\s+){0,4}?(?:level|joint|segment|facet|disc|L\d|C\d|T\d)"#
    + #"|\b(?:equivocal|uncertain|unclear)\s+(?:\w+\s+)?(?:pain\s+)?(?:source|generator|level)\b"#
  private static let generatorFound = TextPattern(
    #"\b(?:confirm\w*|established|identified|proven|localized)\s+(?:\w+\s+){0,5}?as\s+the\s+"#
      + #"(?:pain\s+)?(?:generator|source)\b|\b(?:pain\s+)?generator\s+(?:is|was|has been)\s+"#
      + #"(?:confirmed|clear|established|identified|known)\b"#)
  private static let pathology = TextPattern(
    #"\b(?:degenerat\w*|spondylos[ie]s|stenos[ie]s|arthropath\w*|arthros[ie]s|dis[ck]s?|DDD"#
      + #"|foramina\w*|narrowing|hypertroph\w*|herniat\w*|bulg\w*|disease|pathology"#
      + #"|osteophyt\w*|fractures?|changes)\b"#)
  private static let multilevel = TextPattern(multilevelPattern)
  private static let multilevelPattern =
    #"\b(?:multi-?level|multi-?segmental|multiple(?:-| )levels?|several levels|multiple"#
    + #" segments|(?:two|three|four|2|3|4)(?:-| )levels? (?:of )?(?:disease|degenerat\w*"#
    + #"|pathology|spondylosis|stenosis|arthropathy))\b"#
}
