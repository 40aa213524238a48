import Model

/// Finds pain scores on the 0-10 scale: "7/10", "7 out of 10", "NRS 7", "VAS 70 mm",
/// "pain level: 7", "rates her pain a seven", ranges "6-8/10", and before/after pairs.
///
/// Look-alikes are excluded by the patterns themselves: only "/10" and named scales count,
/// so strength 4/5, reflexes 2+ and BP 130/80 never match; "7/10/26" (a date) and
/// "10/10 days" are refused by look-ahead.
struct PainScoreRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    let scores = Self.scores(in: passage.text)
    guard !scores.isEmpty else { return [] }

    let isProcedureSentence = Self.namesProcedure(passage)
    var facts: [Fact] = []
    for (index, score) in scores.enumerated() {
      let context = passage.context(ofLocal: score.range)
      guard !context.isHypothetical, !context.isOtherPerson, !Self.isGoal(score, passage),
        !Self.isDate(score, passage)
      else { continue }

      let painContext = Self.painContext(
        of: index, in: scores, passage: passage, isProcedureSentence: isProcedureSentence)
      let detail = PainScore(
        value: score.value, low: score.low, context: painContext,
        region: Self.region(before: score.range.lowerBound, in: passage.text))
      facts.append(passage.fact(.painScore(detail), rule: score.rule, context: context))
    }
    return facts
  }

  /// A score written in the text, before its context is decided.
  struct WrittenScore {
    let value: Double
    let low: Double?
    let range: Range<Int>
    let rule: String
  }

  /// Every score in a sentence, in order, overlapping look-alikes removed.
  static func scores(in text: String) -> [WrittenScore] {
    var found: [WrittenScore] = []
    func add(_ score: WrittenScore) {
      guard (0...10).contains(score.value),
        !found.contains(where: { $0.range.overlaps(score.range) })
      else { return }
      found.append(score)
    }

    for match in rangeOverTen.matches(in: text) {
      guard let low = match.group(1).flatMap(ClinicalWords.number),
        let high = match.group(2).flatMap(ClinicalWords.number), low < high
      else { continue }
      add(WrittenScore(value: high, low: low, range: match.range, rule: "painScore.range"))
    }
    for match in overTen.matches(in: text) {
      guard let value = match.group(1).flatMap(ClinicalWords.number) else { continue }
      add(WrittenScore(value: value, low: nil, range: match.range, rule: "painScore.outOfTen"))
    }
    for match in visualAnalogue.matches(in: text) {
      guard var value = match.group(1).flatMap(ClinicalWords.number) else { continue }
      let unit = match.group(2)?.lowercased()
      if unit == "mm" || (unit == nil && value > 10) { value /= 10 }
      add(WrittenScore(value: value, low: nil, range: match.range, rule: "painScore.vas"))
    }
    for match in namedScale.matches(in: text) {
      guard let value = match.group(1).flatMap(ClinicalWords.number) else { continue }
      add(WrittenScore(value: value, low: nil, range: match.range, rule: "painScore.named"))
    }
    return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
  }

  private static let number = ClinicalWords.numberPattern
  private static let notADateOrCount =
    #"(?![\d/]|\.\d|\s*(?:days?|d|visits?|sessions?|treatments?|appointments?|tests?)\b)"#
  private static let rangeOverTen = TextPattern(
    #"(?<![\d/.])(\d{1,2}(?:\.\d)?)\s*(?:-|–|—|to)\s*(\d{1,2}(?:\.\d)?)\s*(?:/|out of)\s*(?:10|ten)"#
      + notADateOrCount)
  private static let overTen = TextPattern(
    #"(?<![\d/.])(\d{1,2}(?:\.\d)?|"# + number + #")\s*(?:/|out of)\s*(?:10|ten)"#
      + notADateOrCount)
  private static let visualAnalogue = TextPattern(
    #"\bVAS(?:\s+(?:score|pain))?\s*(?:of|is|was|=|:)?\s*(\d{1,3}(?:\.\d)?)\s*(mm|cm)?\b(?!\s*/)"#)
  private static let namedScale = TextPattern(
    #"\b(?:NRS|NPRS|numeric (?:pain )?rating(?: scale)?|pain(?: level| score| scale| intensity| rating)?|"#
      + #"(?:rates?|rated|rating) (?:(?:his|her|their|the|my) )?(?:pain )?(?:as |at )?)"#
      + #"\s*(?:is|was|of|at|=|:|-)?\s*(?:an?\s+)?("# + number + #")\b"#
      + #"(?!\s*(?:/|out of|\.\d|%|mg|x\b|times|"# + ClinicalWords.timeUnitPattern + #"\b))"#)

  /// Whether the sentence is about a procedure, so that "from 8/10 to 2/10" is before/after.
  static func namesProcedure(_ passage: Passage) -> Bool {
    !passage.hits("procedures").isEmpty || procedureWords.occurs(in: passage.text)
      || passage.section?.name.lowercased().contains("procedure") == true
  }

  private static let procedureWords = TextPattern(
    #"\b(?:block|injection|MBB|RFA|ESI|ablation|procedure|stimulator trial|trial)\b"#)

  /// Whether the score is a goal or target, not a measurement.
  private static func isGoal(_ score: WrittenScore, _ passage: Passage) -> Bool {
    let before = passage.slice(max(0, score.range.lowerBound - 30)..<score.range.lowerBound)
    return goalWords.occurs(in: before)
  }

  /// Whether the "score" is a date without a year ("the MBB on 3/10").
  private static func isDate(_ score: WrittenScore, _ passage: Passage) -> Bool {
    let before = passage.slice(max(0, score.range.lowerBound - 12)..<score.range.lowerBound)
    return dateLead.occurs(in: before)
  }

  private static let dateLead = TextPattern(#"\b(?:on|dated?|since|DOS:?|performed|done)\s*$"#)

  private static let goalWords = TextPattern(#"\b(?:goal|target|aim|hope|expect\w*)\b"#)
}

extension PainScoreRule {
  /// The context of the score at `index`: the keyword that governs it in its clause, or
  /// before/after when two scores bracket a procedure, or the section's default.
  static func painContext(
    of index: Int, in scores: [WrittenScore], passage: Passage, isProcedureSentence: Bool
  ) -> PainContext {
    let text = passage.text
    let score = scores[index]
    let previousEnd = index > 0 ? scores[index - 1].range.upperBound : 0
    let nextStart = index + 1 < scores.count ? scores[index + 1].range.lowerBound : text.utf16.count
    let before = text.utf16Slice(previousEnd..<score.range.lowerBound)
    let after = Self.clauseStart(of: text.utf16Slice(score.range.upperBound..<nextStart))

    if isProcedureSentence, let bracketed = bracketedContext(of: index, in: scores, text: text) {
      return bracketed
    }
    if let trailing = keyword(in: after, pattern: trailingKeywords) { return trailing }
    if let leading = keyword(in: lastClause(of: before), pattern: leadingKeywords, last: true) {
      return leading
    }
    if let trailing = keyword(in: after, pattern: leadingKeywords) { return trailing }
    if index == 0, let sentenceWide = keyword(in: before, pattern: leadingKeywords, last: true) {
      return sentenceWide
    }
    if passage.section?.isVitals == true { return .current }
    return .unspecified
  }

  /// "went from 8/10 to 2/10" and "8/10 → 2/10" in a sentence about a procedure.
  private static func bracketedContext(
    of index: Int, in scores: [WrittenScore], text: String
  ) -> PainContext? {
    if index + 1 < scores.count {
      let between = text.utf16Slice(
        scores[index].range.upperBound..<scores[index + 1].range.lowerBound)
      let before = text.utf16Slice(0..<scores[index].range.lowerBound)
      if bracketJoin.occurs(in: between), !rangeJoinWords.occurs(in: before.suffix(25).description)
      {
        return .preProcedure
      }
    }
    if index > 0 {
      let between = text.utf16Slice(
        scores[index - 1].range.upperBound..<scores[index].range.lowerBound)
      if bracketJoin.occurs(in: between) { return .postProcedure }
    }
    return nil
  }

  private static let bracketJoin = TextPattern(
    #"^\s*(?:(?:at|before|pre-?\w*)\s*\w*\s*)?(?:,\s*)?(?:to|->|→|=>|down to|dropping to|decreas\w* to|reduc\w* to|improv\w* to)\s*$"#
  )
  private static let rangeJoinWords = TextPattern(
    #"\b(?:ranges?|ranging|varies|varying|fluctuat\w*)\b"#)

  /// The keyword that decides a context, nearest to the score.
  private static func keyword(in text: String, pattern: TextPattern, last: Bool = false)
    -> PainContext?
  {
    let matches = pattern.matches(in: text)
    guard let match = last ? matches.last : matches.first else { return nil }
    return context(forKeyword: match.value)
  }

  private static func context(forKeyword word: String) -> PainContext? {
    let folded = word.lowercased()
    if folded.contains("worst") || folded.contains("max") || folded.contains("highest")
      || folded.contains("severe")
    {
      return .worst
    }
    if folded.contains("best") || folded.contains("least") || folded.contains("lowest")
      || folded.contains("min")
    {
      return .least
    }
    if folded.contains("aver") || folded.contains("avg") || folded.contains("usual")
      || folded.contains("typical")
    {
      return .average
    }
    if folded.hasPrefix("pre") || folded.contains("before") || folded.contains("prior")
      || folded.contains("baseline")
    {
      return .preProcedure
    }
    if folded.hasPrefix("post") || folded.contains("after") || folded.contains("following") {
      return .postProcedure
    }
    return .current
  }

  private static let procedureNoun = #"(?:block|injection|procedure|MBB|RFA|ESI|ablation)"#
  /// Keywords that follow their score: "8/10 at worst", "6/10 on average", "7/10 today".
  private static let trailingKeywords = TextPattern(
    #"^\s*(?:\(|-|,)?\s*(?:pain\s+)?(?:at (?:its |their )?(?:worst|best|least|lowest|maximum|minimum)|on average|average|"#
      + #"today|currently|now|at present|at this (?:visit|time)|worst|best|"#
      + #"(?:before|prior to|after|following) (?:the |his |her |each )?(?:\w+ )?"# + procedureNoun
      + #"|pre-?"# + procedureNoun + #"|post-?"# + procedureNoun + #")"#)
  /// Keywords that come before their score: "worst 9/10", "current pain 7/10".
  private static let leadingKeywords = TextPattern(
    #"\b(?:worst|maximum|max|highest|best|least|lowest|minimum|min|average|avg|usual(?:ly)?|"#
      + #"typical(?:ly)?|current(?:ly)?|today|now|presently|at present|at this visit|"#
      + #"pre-?(?:procedure|procedural|injection|block)|post-?(?:procedure|procedural|injection|block)|"#
      + #"baseline|(?:before|prior to|after|following) (?:the |his |her |each )?(?:\w+ )?"#
      + procedureNoun + #")\b"#)

  private static func lastClause(of text: String) -> String {
    guard let cut = text.lastIndex(where: { $0 == "," || $0 == ";" }) else { return text }
    return String(text[text.index(after: cut)...])
  }

  private static func clauseStart(of text: String) -> String {
    guard let cut = text.firstIndex(where: { $0 == "," || $0 == ";" }) else { return text }
    return String(text[..<cut])
  }

  /// The body region named just before a score: "low back pain 7/10" → "low back".
  static func region(before offset: Int, in text: String) -> String? {
    let window = text.utf16Slice(max(0, offset - 40)..<offset)
    return regionWords.matches(in: window).last?.value.lowercased()
  }

  private static let regionWords = TextPattern(
    #"\b(?:low(?:er)? back|back|neck|leg|buttock|hip|knee|shoulder|arm|hand|foot|ankle|"#
      + #"SI joint|sacroiliac|groin|abdomen|abdominal|pelvi[cs]|chest|head)\b"#)
}
