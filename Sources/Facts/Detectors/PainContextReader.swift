import Foundation
import Model

/// Decides the context of each pain score in a sentence: the keyword that governs it in its
/// clause ("8/10 at worst", "averages 7/10", "reaches 9/10", "never below 6/10"), or
/// before/after when scores bracket a procedure ("went from 8/10 to 2/10", "pre 8/10 ->
/// post 2/10", "At 2 hours: 2/10"), or the label of a table cell, or the section's default.
struct PainContextReader {
  let passage: Passage
  let scores: [PainScoreRule.WrittenScore]
  let isProcedureSentence: Bool

  func context(of index: Int) -> PainContext {
    let text = passage.text
    let score = scores[index]
    let previousEnd = index > 0 ? scores[index - 1].range.upperBound : 0
    let nextStart = index + 1 < scores.count ? scores[index + 1].range.lowerBound : text.utf16.count
    let before = ownLeadingText(text.slice(previousEnd..<score.range.lowerBound), index: index)
    let after = Self.firstClause(of: text.slice(score.range.upperBound..<nextStart))

    // "…; at its worst, after standing for 15 minutes, 8/10": where a comma cut off the
    // keyword, the statement the semicolon opened names it.
    let chosen =
      keyword(before: before, after: after)
      ?? statementKeyword(text.slice(previousEnd..<score.range.lowerBound), index: index)
    let bracketed = isProcedureSentence ? bracketedContext(of: index) : nil
    // "Average pain fell from 7/10 to 2/10", "8/10 before the injection to 6/10 at its best":
    // around a procedure, the bracket says more than the measure's name.
    // "back at her usual 7/10" by evening: the habitual pain has returned, whatever the
    // procedure did.
    let isHabitual = chosen == .average && Self.habitual.occurs(in: before)
    if let bracketed, !isHabitual, chosen == nil || [.average, .current, .least].contains(chosen) {
      return bracketed
    }
    // "After the block her pain went from 8 to 3": the first of the pair is the before.
    if bracketed == .preProcedure, chosen == .postProcedure { return .preProcedure }
    // "10/10 at peak" of an attack is the worst pain; of a block, its effect.
    if chosen == .postProcedure, !isProcedureSentence, Self.peak.occurs(in: before + after) {
      return .worst
    }
    if let chosen { return chosen }
    // "NRS today 7": the word inside the score's own words.
    if let inside = Self.contextKeywords(in: text.slice(score.range)).last?.context {
      return inside
    }
    if Self.elapsedTime.occurs(in: before) { return .postProcedure }
    if Self.activity.occurs(in: after), scores.contains(where: { $0.value < score.value }) {
      return .worst
    }
    if passage.section?.isVitals == true { return .current }
    if let label = tableLabel(for: score) ?? columnLabel(of: index) ?? rowLabel() {
      return label
    }
    if passage.section?.isBeforeProcedure == true { return .preProcedure }
    if passage.section?.isAfterProcedure == true { return .postProcedure }
    return .unspecified
  }

  /// Whether the sentence is a table row of scores alone after a label: "Pain at best
  /// (NPRS)  3/10  3/10  1/10".
  var isRowOfScores: Bool {
    guard scores.count >= 2 else { return false }
    return zip(scores, scores.dropFirst()).allSatisfy { first, second in
      passage.text.slice(first.range.upperBound..<second.range.lowerBound)
        .allSatisfy { $0 == "|" || $0.isWhitespace }
    }
  }

  /// Every score of a row takes its label's context.
  private func rowLabel() -> PainContext? {
    guard isRowOfScores, let first = scores.first else { return nil }
    return Self.contextKeywords(in: passage.text.slice(0..<first.range.lowerBound)).last?
      .context
  }

  /// A row of scores under a header of contexts ("Current  Average  Worst" over "6/10  7/10
  /// 9/10"): each score takes the header word in its column.
  private func columnLabel(of index: Int) -> PainContext? {
    guard scores.count >= 2 else { return nil }
    var rest = passage.text
    for score in scores.reversed() {
      rest =
        rest.slice(0..<score.range.lowerBound)
        + rest.slice(score.range.upperBound..<rest.utf16.count)
    }
    guard rest.trimmingCharacters(in: Self.blankOrPunctuation).count < 3,
      let header = passage.preceding(1).first
    else { return nil }
    let columns = Self.contextKeywords(in: header.text)
    return columns.count == scores.count ? columns[index].context : nil
  }

  /// The text before a score that can govern it: after the previous score's own trailing
  /// keyword ("9/10 at worst and 7/10 …" leaves " and " for the second score), and after
  /// the last comma, unless this is the sentence's first score.
  private func ownLeadingText(_ text: String, index: Int) -> String {
    var text = text
    if index > 0, let consumed = Self.anyKeyword.firstMatch(in: text),
      consumed.range.lowerBound <= 4
    {
      text = text.slice(consumed.range.upperBound..<text.utf16.count)
    }
    return index == 0 ? text : Self.lastClause(of: text)
  }

  /// The nearest keyword before the score and the first after it; a specific context
  /// (worst, average, before/after) wins over "current", and an adjacent trailing keyword
  /// ("8/10 at worst") over a leading one.
  private func keyword(before: String, after: String) -> PainContext? {
    let leading = Self.leadingKeyword(in: before)
    // "pre 8/10 -> post 2/10": a keyword after a join belongs to the next score.
    let trailing = Self.joinFirst.occurs(in: after) ? nil : Self.contextKeywords(in: after).first
    switch (leading, trailing) {
    case (nil, nil): return nil
    case (let leading?, nil): return leading.context
    case (nil, let trailing?): return trailing.context
    case (let leading?, let trailing?):
      // "8/10 at worst" (adjacent) beats what came before; "4/10 and her usual pain is
      // 6/10" (far) does not.
      if trailing.offset <= 4 && trailing.context != .current { return trailing.context }
      if leading.context == .current && trailing.offset <= 4 { return leading.context }
      return leading.context
    }
  }

  /// The keyword nearest before a score; a specific one written right beside "now" wins
  /// ("average now 7/10", "currently averaging 6/10", "Average pain today is 8/10").
  private static func leadingKeyword(in text: String) -> (context: PainContext, offset: Int)? {
    let found = contextKeywords(in: text)
    guard let last = found.last, last.context == .current else { return found.last }
    return found.last { keyword in
      guard keyword.context != .current, keyword.offset < last.offset else { return false }
      return sameMeasure.occurs(in: text.slice(keyword.offset..<last.offset))
    } ?? last
  }

  /// "average now", "Average pain today", "worst pain at present": the specific word and
  /// "now" name one measure when at most two words, and no clause break, stand between.
  private static let sameMeasure = TextPattern(#"^\S+(?:\s+[^\s,;.]+){0,2}\s*$"#)
  /// The patient's habitual pain, which no procedure result is.
  private static let habitual = TextPattern(#"\b(?:usual|typical|baseline)\b"#)

  /// "from 8/10 to 2/10", "8/10 → 2/10", "before … 8/10; at the four-hour mark … 2/10".
  private func bracketedContext(of index: Int) -> PainContext? {
    let text = passage.text
    // The score a join leads to is the after, even when another score follows it ("from
    // 8/10 to 1/10 for six hours; by evening …").
    if index > 0 {
      let between = text.slice(
        scores[index - 1].range.upperBound..<scores[index].range.lowerBound)
      if Self.bracketJoin.occurs(in: between) || Self.timePoint.occurs(in: between) {
        return .postProcedure
      }
    }
    if index + 1 < scores.count {
      let between = text.slice(
        scores[index].range.upperBound..<scores[index + 1].range.lowerBound)
      let before = text.slice(0..<scores[index].range.lowerBound)
      if Self.bracketJoin.occurs(in: between),
        !Self.rangeWords.occurs(in: String(before.suffix(25)))
      {
        return .preProcedure
      }
    }
    let before = text.slice(0..<scores[index].range.lowerBound)
    if Self.timePoint.occurs(in: String(before.suffix(40))) { return .postProcedure }
    return nil
  }

  /// A score standing alone in a table cell takes its context from the label before it.
  private func tableLabel(for score: PainScoreRule.WrittenScore) -> PainContext? {
    let rest =
      passage.text.slice(0..<score.range.lowerBound)
      + passage.text.slice(score.range.upperBound..<passage.text.utf16.count)
    guard rest.trimmingCharacters(in: Self.blankOrPunctuation).count < 3,
      let label = passage.preceding(1).first
    else { return nil }
    return Self.contextKeywords(in: label.text).last?.context
  }

  /// What a table cell holds around its score when it holds nothing else.
  private static let blankOrPunctuation = CharacterSet.whitespacesAndNewlines.union(
    .punctuationCharacters)

  /// Context keywords in a stretch of text, in order, with their offsets.
  static func contextKeywords(in text: String) -> [(context: PainContext, offset: Int)] {
    keywords.flatMap { context, pattern in
      pattern.matches(in: text).map { (context, $0.range.lowerBound) }
    }.sorted { $0.offset < $1.offset }
  }

  private static let procedureNoun =
    #"(?:block|blocks|injection|procedure|MBB|RFA|ESI|ablation|trial|stimulator|SCS|TFESI"#
    + #"|infusion|bolus)"#
  private static let keywords: [(PainContext, TextPattern)] = [
    (
      .preProcedure,
      TextPattern(
        #"\b(?:pre-?(?:procedure|procedural|injection|block|trial|op)|pre|before"#
          + #"|prior|(?:on|at|upon) arrival|at check-?in)\b"#
          + #"(?:\s+(?:the |his |her |each )?(?:\w+ )?"# + procedureNoun + #")?"#)
    ),
    (
      .postProcedure,
      TextPattern(
        #"\b(?:post-?(?:procedure|procedural|injection|block|trial|op)|post|at the peak|peak"#
          + #"|during the (?:\w+ )?"#
          + procedureNoun
          + #"|trial diary|diary|in recovery|in (?:the )?PACU"#
          + #"|(?:after|following) (?:the |his |her |each )?(?:\w+ )?"#
          + procedureNoun + #")\b"#
          // "7/10 the week after", "2/10 during": after what, the sentence has said.
          + #"|\b(?:after|afterwards?|during)(?=\s*(?:[,.;)]|$))"#)
    ),
    (
      .worst,
      TextPattern(
        #"\b(?:worst|at (?:its |their )?worst|maximum|max|highest|peaks? at|reach(?:es|ed|ing)?"#
          + #"|up to|as high as|spikes? to|flares? to|bad days?|on a bad day|severe days?"#
          + #"|climb(?:s|ed)? to|ris(?:es|en) to|rose to|jump(?:s|ed)? to)\b"#
      )
    ),
    (
      .least,
      TextPattern(
        #"\b(?:best|at (?:its |their )?best|least|lowest|minimum|as low as|(?:never|not"#
          + #"|rarely) (?:\w+ ){0,2}?(?:below|under|less than|lower than)|good days?"#
          + #"|on a good day)\b"#
      )
    ),
    (
      .average,
      TextPattern(
        #"\b(?:averag\w*|avg|on average|usual(?:ly)?|typical(?:ly)?|on a typical day|most days"#
          + #"|on most days|ordinary day|on an ordinary day|day[- ]to[- ]day|baseline average"#
          + #"|generally|constant(?:ly)?)\b"#
      )
    ),
    (
      .current,
      TextPattern(
        #"\b(?:current(?:ly)?|today|now|at present|presently|at this (?:visit|time)|right now"#
          + #"|this (?:afternoon|evening)|sitting here|in (?:the )?(?:exam(?:ination)?|clinic"#
          + #"|office)(?: room)?"#
          + #"|this (?:morning|visit)|(?:climbed|crept|come|came|gone|went) back (?:up )?to)\b"#
      )
    ),
  ]
  private static let anyKeyword = TextPattern(
    #"^\s*(?:\(|-)?\s*(?:pain\s+)?(?:at (?:its |their )?(?:worst|best|least|lowest|peak|maximum"#
      + #"|minimum)|on (?:average|most days|a (?:typical|good|bad) day|bad days|good days)"#
      + #"|today|now|currently|before|after|post|pre|during the \w+)\b"#
  )
  private static let bracketJoin = TextPattern(
    #"^\s*(?:\w+\s+){0,3}?(?:to|->|→|=>|down to|dropping to|decreas\w* to|reduc\w* to"#
      + #"|improv\w* to|fell to)\s*$|;\s*(?:at|by|after)\b"#
  )
  private static let joinFirst = TextPattern(#"^\s*(?:->|→|=>|to\b)"#)
  private static let rangeWords = TextPattern(
    #"\b(?:ranges?|ranging|varies|varying|fluctuat\w*|between)\b"#)
  private static let timePoint = TextPattern(
    #"\b(?:at|by|after)\s+(?:the\s+)?(?:\d+|one|two|three|four|five|six|thirty|fifteen"#
      + #"|ten)[- ]?(?:minutes?|mins?|hours?|hrs?|h|days?|weeks?)(?:[- ]mark)?\b|\b(?:hours?"#
      + #"|minutes?|days?) later\b"#
  )
  /// A score tied to an activity that provokes it: "9/10 with prolonged sitting".
  private static let activity = TextPattern(
    #"^\s*(?:\w+\s+)?(?:(?:with|after|when|upon|while|on (?:standing|sitting|walking|bending"#
      + #"|lifting)|upright|during (?:activity|activities|flares?)|(?:by|at|toward"#
      + #"|towards) the end of)\b|w/)"#
  )

  private static let peak = TextPattern(#"\bpeaks?\b"#)
  /// "30 minutes 1/10", "at 2 hours: 2/10": the time since a block, written as a label.
  private static let elapsedTime = TextPattern(
    #"(?:^|[\s(|+])(?:\d+|thirty|fifteen|sixty|ninety)[- ]?(?:minutes?|mins?|hours?|hrs?"#
      + #"|h)(?:\s+post)?\s*[:=|-]?\s*(?:(?:pain|NRS|VAS)\s*[:=-]?\s*)?$"#
  )

  /// The keyword opening the statement a score ends, when commas part the two: the
  /// previous score's trailing words ("8/10 before the trial to …") are not its.
  private func statementKeyword(_ text: String, index: Int) -> PainContext? {
    guard index > 0 else { return nil }
    var text = text
    if let consumed = Self.anyKeyword.firstMatch(in: text), consumed.range.lowerBound <= 4 {
      text = text.slice(consumed.range.upperBound..<text.utf16.count)
    }
    let statement = Self.lastStatement(of: text)
    guard statement.contains(",") else { return nil }
    return Self.leadingKeyword(in: statement)?.context
  }

  /// The text after the last semicolon, where a new statement starts.
  private static func lastStatement(of text: String) -> String {
    guard let cut = text.lastIndex(of: ";") else { return text }
    return String(text[text.index(after: cut)...])
  }

  private static func lastClause(of text: String) -> String {
    guard let cut = text.lastIndex(where: { $0 == "," || $0 == ";" }) else { return text }
    return String(text[text.index(after: cut)...])
  }

  /// The text up to the first comma, semicolon or spaced slash ("now 6 / avg 7": the
  /// slash parts two labelled scores).
  private static func firstClause(of text: String) -> String {
    guard let clause = asciiFirstClause(of: text) else { return characterFirstClause(of: text) }
    assert(clause == characterFirstClause(of: text), "an ASCII clause cut otherwise")
    return clause
  }

  /// `firstClause(of:)` read character by character, and the slash found by Foundation.
  private static func characterFirstClause(of text: String) -> String {
    let comma = text.firstIndex(where: { $0 == "," || $0 == ";" })
    let slash = text.range(of: " / ")?.lowerBound
    guard let cut = [comma, slash].compactMap({ $0 }).min() else { return text }
    return String(text[..<cut])
  }

  /// `firstClause(of:)` of an ASCII text, cut at its bytes (each then a character, and the
  /// three of " / " what Foundation's search matches); `nil` for any other text. Foundation
  /// searched every score's words for the slash at thousands of instructions a search.
  private static func asciiFirstClause(of text: String) -> String? {
    let bytes = Array(text.utf8)
    guard bytes.count == text.utf16.count else { return nil }
    let slash = Array(" / ".utf8)
    let cut = bytes.indices.first { index in
      bytes[index] == UInt8(ascii: ",") || bytes[index] == UInt8(ascii: ";")
        || bytes[index...].starts(with: slash)
    }
    return cut.map { String(decoding: bytes[..<$0], as: UTF8.self) } ?? text
  }
}
