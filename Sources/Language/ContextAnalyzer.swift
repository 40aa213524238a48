import Model

/// Decides assertions ConText-style: a trigger's scope runs forward (or backward) from it
/// within its sentence, and stops at
/// - a terminator ("but", "however", "positive") or a semicolon;
/// - a gap of two or more spaces within a line (between the cells of a table row);
/// - the closing parenthesis of a parenthesis the trigger stands in ("(12 visits, no
///   change), HEP ongoing" leaves the HEP alone);
/// - for backward scopes, a comma, and `backwardReach` tokens;
/// - a trigger's own `reach=N` attribute, when it has one ("not" reaches a few words).
/// A `clauseStart=yes` trigger counts only where it opens its clause (a relative as the
/// subject: "Mother has lupus", not "cannot lift her grandson"). One that opens its sentence
/// is the sentence's subject and reaches past its `reach`, up to where the patient becomes
/// the subject again ("Sister had a pinched nerve and eventually a lumbar fusion", but not
/// "Husband drives; she had a fusion" or "Mother has lupus and he has psoriasis").
/// A forward trigger with nothing but punctuation after it in its sentence is the answer of
/// a template line ("Numbness: denies") and reaches backward instead.
/// Pseudo-triggers ("no change in", "not only") cancel the triggers they overlap.
///
/// Known shortcoming: a forward scope runs on through commas and colons, as a list needs
/// ("denies fever, chills or night sweats"). A second clause after a comma is cut off only
/// by a terminator word ("No fever, positive SLR" is right because "positive" terminates),
/// so "less likely: no SI tenderness, FABER negative" lets "likely" reach FABER. Telling a
/// list item from a new clause needs a parser this stage does not have.
struct ContextAnalyzer: Sendable {
  /// A trigger phrase found in the text, with its kind, direction and reach.
  struct TriggerMatch: Sendable {
    let trigger: AssertionTrigger
    let tokenRange: Range<Int>
    /// The most tokens between trigger and target, or `nil` for the sentence's end.
    var reach: Int?
    /// Whether the trigger counts only at the start of its clause (`clauseStart=yes`).
    var opensClause = false
    /// Whether the scope runs to the sentence's end but stops at a word naming the patient
    /// as a subject (a relative who opens the sentence).
    var stopsAtPatient = false
    /// Whether a comma ends the forward scope (`commaEnds=yes`): "not a" negates one noun
    /// phrase, not the list after it.
    var stopsAtComma = false
  }

  /// Triggers grouped by the index of the sentence they stand in.
  let triggersBySentence: [Int: [TriggerMatch]]
  /// Indices of tokens that end every scope they stand in.
  let stops: Set<Int>
  /// Indices of tokens that end backward scopes (commas and stops).
  let backwardStops: Set<Int>
  /// Indices of tokens preceded by a gap of two or more spaces on their line.
  let cellStarts: Set<Int>
  /// How many parentheses are open before each token, counted within its sentence.
  let parenthesisDepth: [Int]
  /// Indices of tokens naming the patient as a subject ("she", "he", "patient").
  let patientSubjects: Set<Int>

  static let backwardReach = 6

  /// The triggers whose scope covers `target` in sentence `sentence`.
  func triggers(covering target: Range<Int>, inSentence sentence: Int) -> [AssertionTrigger] {
    (triggersBySentence[sentence] ?? []).filter { covers($0, target) }.map(\.trigger)
  }

  private func covers(_ match: TriggerMatch, _ target: Range<Int>) -> Bool {
    let trigger = match.tokenRange
    guard !trigger.overlaps(target),
      parenthesisDepth[trigger.lowerBound] <= parenthesisDepth[target.lowerBound]
    else { return false }

    let direction = match.trigger.direction
    if trigger.upperBound <= target.lowerBound && direction != .backward {
      let between = trigger.upperBound..<target.lowerBound
      return between.count <= match.reach ?? Int.max
        && !between.contains { stops.contains($0) }
        && !(match.stopsAtPatient && between.contains { patientSubjects.contains($0) })
        && !(match.stopsAtComma && between.contains { backwardStops.contains($0) })
        && !(trigger.upperBound...target.lowerBound).contains { cellStarts.contains($0) }
    }
    if trigger.lowerBound >= target.upperBound && direction != .forward {
      let between = target.upperBound..<trigger.lowerBound
      return between.count <= min(match.reach ?? Self.backwardReach, Self.backwardReach)
        && !between.contains { backwardStops.contains($0) }
        && !(target.upperBound...trigger.lowerBound).contains { cellStarts.contains($0) }
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
    var bySentence: [Int: [TriggerMatch]] = [:]
    let lexiconTriggers = Self.lexiconTriggers(tokens: tokens, lexiconMatches).filter {
      Self.standsWhereItMay($0, tokens: tokens, sentenceOfToken: sentenceOfToken)
    }.map { Self.asSubject($0, tokens: tokens, sentenceOfToken: sentenceOfToken) }
    for trigger in lexiconTriggers + yearTriggers {
      let answer = Self.answeringTemplate(trigger, tokens: tokens, sentenceOfToken: sentenceOfToken)
      bySentence[sentenceOfToken[trigger.tokenRange.lowerBound], default: []].append(answer)
    }

    let marks = Self.marks(tokens)
    var stops = Set(marks.semicolons)
    for match in lexiconMatches(.terminators) { stops.formUnion(match.tokenRange) }

    self.init(
      triggersBySentence: bySentence, stops: stops, backwardStops: stops.union(marks.commas),
      cellStarts: Set(marks.cellStarts),
      parenthesisDepth: Self.parenthesisDepth(tokens, sentenceOfToken: sentenceOfToken),
      patientSubjects: Set(tokens.indices.filter { Self.namesThePatient(tokens[$0]) }))
  }

  private static func namesThePatient(_ token: Token) -> Bool {
    token.kind == .word && patientWords.contains(token.normalized)
  }

  private static let patientWords: Set<String> = ["she", "he", "patient", "pt", "i"]

  /// A relative that opens its sentence ("Sister had …", "Her father's …") as its subject.
  private static func asSubject(
    _ match: TriggerMatch, tokens: [Token], sentenceOfToken: [Int]
  ) -> TriggerMatch {
    guard match.opensClause, match.trigger.direction == .forward else { return match }
    let sentence = sentenceOfToken[match.tokenRange.lowerBound]
    var index = match.tokenRange.lowerBound - 1
    var words = 0
    while index >= 0 && sentenceOfToken[index] == sentence {
      if tokens[index].kind == .word || tokens[index].kind == .number { words += 1 }
      if words > 1 || [",", ";", ":", "("].contains(tokens[index].text) { return match }
      index -= 1
    }
    var subject = match
    subject.reach = nil
    subject.stopsAtPatient = true
    return subject
  }

  /// The indices of the semicolons and the commas, and of the tokens preceded by a gap of
  /// two or more spaces on their line, read in one pass over the tokens.
  private static func marks(
    _ tokens: [Token]
  ) -> (semicolons: [Int], commas: [Int], cellStarts: [Int]) {
    var semicolons: [Int] = []
    var commas: [Int] = []
    var cellStarts: [Int] = []
    for index in tokens.indices {
      switch tokens[index].oneByte {
      case UInt8(ascii: ";"): semicolons.append(index)
      case UInt8(ascii: ","): commas.append(index)
      default: break
      }
      if index > 0, tokens[index].line == tokens[index - 1].line,
        tokens[index].range.lowerBound - tokens[index - 1].range.upperBound >= 2
      {
        cellStarts.append(index)
      }
    }
    return (semicolons, commas, cellStarts)
  }

  /// The matches of the trigger lexicons that no pseudo-trigger overlaps.
  private static func lexiconTriggers(
    tokens: [Token], _ lexiconMatches: (StructuralLexicon) -> [PhraseMatch]
  ) -> [TriggerMatch] {
    let pseudo = lexiconMatches(.pseudoNegation).map(\.tokenRange)
    return StructuralLexicon.allCases.flatMap { lexicon -> [TriggerMatch] in
      guard let kind = lexicon.assertionKind else { return [] }
      return lexiconMatches(lexicon)
        .filter { match in !pseudo.contains(where: match.tokenRange.overlaps) }
        .map { match in
          let attributes = match.entry.attributes
          return TriggerMatch(
            trigger: AssertionTrigger(
              kind: kind, text: tokens[match.tokenRange].writtenText, range: match.range,
              direction: TriggerDirection(rawValue: attributes["direction"] ?? "") ?? .forward,
              source: "\(match.entry.lexicon).txt:\(match.entry.line) \(match.entry.concept)"),
            tokenRange: match.tokenRange, reach: attributes["reach"].flatMap { Int($0) },
            opensClause: attributes["clauseStart"] == "yes",
            stopsAtComma: attributes["commaEnds"] == "yes")
        }
    }
  }

  /// Whether a `clauseStart=yes` trigger opens its clause: at most two words ("her", "the
  /// patient's") stand between it and the start of its sentence or a `,` `;` `:` `(`.
  /// "Mother has lupus" and "Family history: a brother with MS" qualify; "unable to lift her
  /// grandson" does not.
  private static func standsWhereItMay(
    _ match: TriggerMatch, tokens: [Token], sentenceOfToken: [Int]
  ) -> Bool {
    guard match.opensClause else { return true }

    let sentence = sentenceOfToken[match.tokenRange.lowerBound]
    var words = 0
    var index = match.tokenRange.lowerBound - 1
    while index >= 0 && sentenceOfToken[index] == sentence {
      if [",", ";", ":", "("].contains(tokens[index].text) { break }
      if tokens[index].kind == .word || tokens[index].kind == .number { words += 1 }
      if words > 2 { return false }
      index -= 1
    }
    return true
  }

  /// The trigger turned backward when it is the last word of its sentence.
  private static func answeringTemplate(
    _ match: TriggerMatch, tokens: [Token], sentenceOfToken: [Int]
  ) -> TriggerMatch {
    guard match.trigger.direction == .forward else { return match }
    let sentence = sentenceOfToken[match.tokenRange.lowerBound]
    var next = match.tokenRange.upperBound
    while next < tokens.count && sentenceOfToken[next] == sentence {
      if tokens[next].kind != .punctuation { return match }
      next += 1
    }
    let trigger = match.trigger
    return TriggerMatch(
      trigger: AssertionTrigger(
        kind: trigger.kind, text: trigger.text, range: trigger.range, direction: .backward,
        source: trigger.source),
      tokenRange: match.tokenRange, reach: match.reach, opensClause: match.opensClause)
  }

  private static func parenthesisDepth(_ tokens: [Token], sentenceOfToken: [Int]) -> [Int] {
    var depths: [Int] = []
    depths.reserveCapacity(tokens.count)
    var depth = 0
    for index in tokens.indices {
      if index > 0 && sentenceOfToken[index] != sentenceOfToken[index - 1] { depth = 0 }
      // Brackets are punctuation: no other token is read for one.
      let mark = tokens[index].kind == .punctuation ? tokens[index].oneByte : nil
      if mark == UInt8(ascii: ")") || mark == UInt8(ascii: "]") { depth = max(0, depth - 1) }
      depths.append(depth)
      if mark == UInt8(ascii: "(") || mark == UInt8(ascii: "[") { depth += 1 }
    }
    return depths
  }
}
