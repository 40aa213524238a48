import Model

/// Decides assertions ConText-style: a trigger's scope runs forward (or backward) from it to
/// the end of its sentence, stopping at a terminator ("but", "however") or a semicolon;
/// backward scopes also stop at a comma and reach at most `backwardReach` tokens.
/// Pseudo-triggers ("no change in", "not only") cancel the triggers they overlap.
struct ContextAnalyzer: Sendable {
  /// A trigger phrase found in the text, with its kind and direction.
  struct TriggerMatch: Sendable {
    let trigger: AssertionTrigger
    let tokenRange: Range<Int>
  }

  /// Triggers grouped by the index of the sentence they stand in.
  let triggersBySentence: [Int: [TriggerMatch]]
  /// Indices of tokens that end every scope they stand in.
  let stops: Set<Int>
  /// Indices of tokens that end backward scopes (commas and stops).
  let backwardStops: Set<Int>

  static let backwardReach = 6

  /// The triggers whose scope covers `target` in sentence `sentence`.
  func triggers(covering target: Range<Int>, inSentence sentence: Int) -> [AssertionTrigger] {
    (triggersBySentence[sentence] ?? []).filter { covers($0, target) }.map(\.trigger)
  }

  private func covers(_ match: TriggerMatch, _ target: Range<Int>) -> Bool {
    let trigger = match.tokenRange
    guard !trigger.overlaps(target) else { return false }

    let direction = match.trigger.direction
    if trigger.upperBound <= target.lowerBound && direction != .backward {
      return !(trigger.upperBound..<target.lowerBound).contains { stops.contains($0) }
    }
    if trigger.lowerBound >= target.upperBound && direction != .forward {
      let between = target.upperBound..<trigger.lowerBound
      return between.count <= Self.backwardReach
        && !between.contains { backwardStops.contains($0) }
    }
    return false
  }
}

extension ContextAnalyzer {
  /// Builds the analyzer from a document's trigger, pseudo-trigger and terminator matches.
  init(
    tokens: [Token], sentenceOfToken: [Int], lexiconMatches: (StructuralLexicon) -> [PhraseMatch],
    yearTriggers: [TriggerMatch]
  ) {
    let pseudo = lexiconMatches(.pseudoNegation).map(\.tokenRange)
    var bySentence: [Int: [TriggerMatch]] = [:]
    for lexicon in StructuralLexicon.allCases {
      guard let kind = lexicon.assertionKind else { continue }
      for match in lexiconMatches(lexicon) where !pseudo.contains(where: match.tokenRange.overlaps)
      {
        let trigger = TriggerMatch(
          trigger: AssertionTrigger(
            kind: kind, text: tokens[match.tokenRange].writtenText, range: match.range,
            direction: TriggerDirection(rawValue: match.entry.attributes["direction"] ?? "")
              ?? .forward,
            source: "\(match.entry.lexicon).txt:\(match.entry.line) \(match.entry.concept)"),
          tokenRange: match.tokenRange)
        bySentence[sentenceOfToken[match.tokenRange.lowerBound], default: []].append(trigger)
      }
    }
    for trigger in yearTriggers {
      bySentence[sentenceOfToken[trigger.tokenRange.lowerBound], default: []].append(trigger)
    }

    var stops = Set(tokens.indices.filter { tokens[$0].text == ";" })
    for match in lexiconMatches(.terminators) { stops.formUnion(match.tokenRange) }
    let commas = tokens.indices.filter { tokens[$0].text == "," }

    self.init(
      triggersBySentence: bySentence, stops: stops, backwardStops: stops.union(commas))
  }
}
