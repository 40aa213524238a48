import Model

/// Finds examination manoeuvres and their results: the sacroiliac tests (FABER/Patrick's,
/// Gaenslen, Yeoman, thigh thrust/P4, posterior shear, distraction, compression, sacral
/// thrust), straight-leg raise, slump, Spurling and facet loading.
///
/// Results are read however notes write them: "FABER positive on the left", "positive
/// FABER and Gaenslen", "SLR (-) bilaterally", "FABER: +", "3/5 SI provocation tests
/// positive (distraction, thigh thrust, compression)", "no pain with distraction", "SLR
/// positive on the right, negative left", "Right: FABER +, Gaenslen +", and rows of exam
/// tables with one column per side or under a one-side caption.
struct ProvocationTestRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    let named = passage.hits("provocation-tests")
    guard !named.isEmpty else { return [] }
    let tests = Self.distinctTests(Self.inExamContext(named, passage), in: passage.text, passage)
    guard !tests.isEmpty else { return [] }

    if let row = tableRow(tests, in: passage) { return row }
    if let pairs = sideResults(tests, in: passage) { return pairs }
    if let side = captionSide(of: tests, in: passage) {
      return clauseFacts(tests, in: passage).map { fact in
        guard case .provocationTest(var test) = fact.detail, test.side == nil else { return fact }
        test.side = side
        var sided = fact
        sided.detail = .provocationTest(test)
        return sided
      }
    }
    return clauseFacts(tests, in: passage)
  }

  /// A row of a one-side table ("Distraction  Positive" under "SI provocation, left side:"
  /// or under "Test  Left"): the side its caption or header names.
  private func captionSide(of tests: [LexiconHit], in passage: Passage) -> Side? {
    guard tests.count == 1,
      passage.text.count <= 40,
      Self.resultCell.matches(in: passage.text).count == 1
    else { return nil }
    for earlier in passage.preceding(12) {
      if let caption = Self.sideCaption.firstMatch(in: earlier.text) {
        return ClinicalWords.side(in: caption.value)
      }
      if earlier.text.count > 60 { return nil }
    }
    return nil
  }

  private func clauseFacts(_ tests: [LexiconHit], in passage: Passage) -> [Fact] {
    var facts: [Fact] = []
    var single: LexiconHit?
    for clause in Self.clauses(of: passage.text) {
      let clauseTests = tests.filter { clause.contains(passage.local($0.range).lowerBound) }
      guard !clauseTests.isEmpty else {
        // "SLR positive on the right; negative left": a clause of results alone continues
        // the one test before it.
        if let single, Self.resultsAlone.occurs(in: passage.slice(clause)),
          let fact = continuation(of: single, in: clause, passage)
        {
          facts.append(fact)
        }
        continue
      }
      single = clauseTests.count == 1 ? clauseTests[0] : nil
      facts += ExamClause(passage: passage, range: clause, tests: clauseTests).facts()
    }
    return facts
  }

  private func continuation(of test: LexiconHit, in clause: Range<Int>, _ passage: Passage)
    -> Fact?
  {
    let text = passage.slice(clause)
    let isPositive = ExamClause.positive.occurs(in: text)
    let isNegative = ExamClause.negative.occurs(in: text)
    guard isPositive != isNegative,
      let kind = test.attributes["test"].flatMap(ProvocationTestKind.init(rawValue:))
    else { return nil }
    let detail = ProvocationTest(
      test: kind, result: isPositive ? .positive : .negative, side: ClinicalWords.side(in: text))
    return passage.fact(
      .provocationTest(detail), rule: "provocationTest.continuedClause", hits: [test])
  }

  /// A row of an examination table with a column per side ("| FABER | + | - |" under
  /// "| Test | Right | Left |"): one result per side, in the header's order.
  private func tableRow(_ tests: [LexiconHit], in passage: Passage) -> [Fact]? {
    guard tests.count == 1, let test = tests.first,
      let kind = test.attributes["test"].flatMap(ProvocationTestKind.init(rawValue:))
    else { return nil }
    let rest = passage.slice(passage.local(test.range).upperBound..<passage.text.utf16.count)
    let cells = Self.resultCell.matches(in: rest)
    guard cells.count == 2, Self.rowOfResults.occurs(in: rest),
      let header = passage.preceding(10).first(where: { Self.sideHeader.occurs(in: $0.text) })
    else { return nil }
    let rightFirst =
      header.text.lowercased().range(of: "right").map { right in
        header.text.lowercased().range(of: "left").map { right.lowerBound < $0.lowerBound } ?? true
      } ?? true
    let sides: [Side] = rightFirst ? [.right, .left] : [.left, .right]
    let results = cells.map { cell in
      let value = cell.value.lowercased()
      return value.contains("+") || value.hasPrefix("pos")
    }
    // "SLR | negative | negative": one result on both sides.
    if results[0] == results[1] {
      let detail = ProvocationTest(
        test: kind, result: results[0] ? .positive : .negative, side: .bilateral)
      return [
        passage.fact(.provocationTest(detail), rule: "provocationTest.sideTable", hits: [test])
      ]
    }
    return zip(cells, sides).map { cell, side in
      let value = cell.value.lowercased()
      let result: TestResult = value.contains("+") || value.hasPrefix("pos") ? .positive : .negative
      let detail = ProvocationTest(test: kind, result: result, side: side)
      return passage.fact(.provocationTest(detail), rule: "provocationTest.sideTable", hits: [test])
    }
  }

  /// "FABER: R +, L -", "Gaenslen right positive, left negative": one result per side.
  private func sideResults(_ tests: [LexiconHit], in passage: Passage) -> [Fact]? {
    guard tests.count == 1, let test = tests.first,
      let kind = test.attributes["test"].flatMap(ProvocationTestKind.init(rawValue:))
    else { return nil }
    let rest = passage.slice(passage.local(test.range).upperBound..<passage.text.utf16.count)
    // "R +, L -" names the side first; "positive on the left, negative right" the result.
    let sideFirst = Self.sideResult.matches(in: rest)
    let pairs: [(side: String?, result: String?)] =
      sideFirst.count >= 2
      ? sideFirst.map { ($0.group(1), $0.group(2)) }
      : Self.resultSide.matches(in: rest).map { ($0.group(2), $0.group(1)) }
    guard pairs.count >= 2, Set(pairs.compactMap { $0.side?.lowercased().first }).count == 2
    else { return nil }
    return pairs.compactMap { pair in
      guard let sideWord = pair.side, let resultWord = pair.result?.lowercased() else {
        return nil
      }
      let side: Side = sideWord.lowercased().hasPrefix("r") ? .right : .left
      let result: TestResult =
        resultWord.contains("+") || resultWord.hasPrefix("pos") ? .positive : .negative
      let detail = ProvocationTest(test: kind, result: result, side: side)
      return passage.fact(.provocationTest(detail), rule: "provocationTest.perSide", hits: [test])
    }
  }

  /// "SI provocation, left side:", "Left SI joint:", "Test  Left" (one side column).
  private static let sideCaption = TextPattern(
    #"\b(?:left|right) side:?\s*$|^\s*(?:left|right)(?: side)?(?: SI joint| SIJ"#
      + #"| sacroiliac joint)?\s*:\s*$"#
      + #"|^\s*(?:test|finding|maneuver|manoeuvre)s?\s+(?:result\s+)?(?:left|right)\s*$"#)
  private static let sideResult = TextPattern(
    #"\b(R|L|right|left|rt|lt)\b\s*[:=]?\s*(\(\s*[+-]\s*\)|\+|-|−|positive|negative|pos"#
      + #"|neg)(?!\w)"#
  )
  /// A result followed by its side: "positive on the left at 45 degrees, negative right".
  private static let resultSide = TextPattern(
    #"(?<![\w+-])(\(\s*[+-]\s*\)|\+|-|−|positive|negative|pos|neg)(?!\w)\s*"#
      + #"(?:on\s+(?:the\s+)?)?\b(R|L|right|left|rt|lt)\b(?!\s*[:=]?\s*(?:\+|-|pos|neg))"#)
  private static let resultCell = TextPattern(
    #"(?<!\w)(?:positive|negative|pos|neg|\+|-|−|\(\+\)|\(-\))(?!\w)"#)
  /// Two result cells, each perhaps with the angle it was reached at ("positive 40 deg") or
  /// a note in brackets ("positive (posterior pelvic pain)").
  private static let rowOfResults = TextPattern(
    #"^[\s|:]*"# + resultWithAngle + #"[\s|]+"# + resultWithAngle + #"[\s|.]*$"#)
  private static let resultWithAngle =
    #"(?:positive|negative|pos|neg|\+|-|−|\(\+\)|\(-\))(?:\s*(?:at\s+)?\d{1,2}\s*(?:°|deg\w*))?"#
    + #"(?:\s*\([^()]{1,40}\))?"#
  private static let sideHeader = TextPattern(
    #"\bright\b.*\bleft\b|\bleft\b.*\bright\b|\bR\b.*\bL\b"#)

  /// Drops words that name a test only in an examination context ("compression" alone)
  /// when the sentence names no other test, no SI joint and no provocation.
  static func inExamContext(_ hits: [LexiconHit], _ passage: Passage) -> [LexiconHit] {
    // The sentence's context is read only where a word needs it (most sentences name no test).
    guard hits.contains(where: { $0.attributes["needsContext"] == "yes" }) else { return hits }
    let hasExamContext =
      hits.contains { $0.attributes["needsContext"] != "yes" }
      || examContext.occurs(in: passage.text)
    return hits.filter { hit in
      guard hit.attributes["needsContext"] == "yes", !hasExamContext else { return true }
      // "Distraction positive.", "| Compression | Positive |": a result right beside it.
      let local = passage.local(hit.range)
      let after = passage.text(after: local, upTo: 14)
      return adjacentResult.occurs(in: after)
    }
  }

  private static let adjacentResult = TextPattern(
    #"^[\s|:=-]*(?:test\s+)?(?:(?:is|was)\s+)?(?:positive|negative|pos|neg|\(\s*[+-]\s*\)|\+"#
      + #"|-)(?!\w)"#
  )
  private static let examContext = TextPattern(
    #"\b(?:SI|SIJ|sacroiliac|provocation|provocative|special tests?|maneuvers?|Laslett|tests"#
      + #"|testing)\b"#
  )

  /// Tests named twice for one manoeuvre ("posterior shear / thigh thrust", "FABER
  /// (Patrick's)") are one test, listed under the first name written.
  static func distinctTests(_ hits: [LexiconHit], in text: String, _ passage: Passage)
    -> [LexiconHit]
  {
    var kept: [LexiconHit] = []
    for hit in hits {
      if let last = kept.last {
        let gap = text.slice(
          passage.local(last.range).upperBound..<passage.local(hit.range).lowerBound)
        if aliasJoin.occurs(in: gap)
          || last.attributes["test"] == hit.attributes["test"]
            && gap.trimmingCharacters(in: .whitespaces).isEmpty
        {
          continue
        }
      }
      kept.append(hit)
    }
    return kept
  }

  private static let aliasJoin = TextPattern(#"^\s*(?:/|\(|\s(?:or|aka|a\.k\.a\.)\s)\s*$"#)

  /// The sentence split at semicolons and full stops, which end a result's reach.
  static func clauses(of text: String) -> [Range<Int>] {
    var clauses: [Range<Int>] = []
    var start = 0
    for match in clauseBreak.matches(in: text) {
      clauses.append(start..<match.range.lowerBound)
      start = match.range.upperBound
    }
    clauses.append(start..<text.utf16.count)
    return clauses.filter { !$0.isEmpty }
  }

  private static let clauseBreak = TextPattern(#";|\.\s|\n"#)
  /// A clause that opens with a side or a result ("negative left", "- on the right")
  /// continues the test before it; "femoral stretch is uncomfortable" does not.
  private static let resultsAlone = TextPattern(
    #"^[\s,]*(?:and\s+|but\s+)?(?:on the\s+)?(?:left|right|L|R|lt|rt|bilat\w*|positive|negative"#
      + #"|pos|neg|\+|-|−|\(\s*[+-]\s*\))(?!\w)"#
  )
}

/// One clause of an examination: its tests and result words, and which result belongs to
/// which test.
private struct ExamClause {
  let passage: Passage
  let range: Range<Int>
  let tests: [LexiconHit]

  private enum Item {
    case test(LexiconHit, Range<Int>)
    case result(TestResult, Range<Int>)

    var range: Range<Int> {
      switch self {
      case .test(_, let range), .result(_, let range): range
      }
    }
  }

  func facts() -> [Fact] {
    let items = self.items()
    let isPrefixStyle: Bool = {
      if case .result = items.first { return true }
      return false
    }()

    var assigned: [Int: (TestResult, String)] = [:]
    for (index, item) in items.enumerated() {
      guard case .test = item else { continue }
      if let direct = directResult(at: index, in: items, prefixFirst: isPrefixStyle) {
        assigned[index] = direct
      }
    }
    let runs = self.runs(items)
    inheritWithinRuns(runs, &assigned)
    assignSingleResult(items, &assigned)

    return items.indices.compactMap { index -> Fact? in
      guard case .test(let hit, _) = items[index] else { return nil }
      let run = runs.first { $0.contains(index) } ?? [index]
      let sides = ([index] + run.reversed()).compactMap {
        side(of: $0, in: items, isPrefixStyle: isPrefixStyle)
      }
      return fact(for: hit, at: index, assigned: assigned[index], side: sides.first)
    }
  }

  private func fact(
    for hit: LexiconHit, at index: Int, assigned: (TestResult, String)?, side: Side?
  ) -> Fact? {
    guard let test = hit.attributes["test"].flatMap(ProvocationTestKind.init(rawValue:)) else {
      return nil
    }
    let context = passage.context(of: hit)
    guard !context.isHypothetical, !context.isOtherPerson else { return nil }

    var result = assigned?.0
    var rule = assigned?.1 ?? "provocationTest.negatedMention"
    if result == nil, context.isNegated { result = .negative }
    guard let result else { return nil }
    if assigned == nil { rule = "provocationTest.negatedMention" }

    let detail = ProvocationTest(
      test: test, result: result, side: side)
    return passage.fact(.provocationTest(detail), rule: rule, hits: [hit], context: context)
  }

  private func items() -> [Item] {
    var items: [Item] = tests.map { .test($0, passage.local($0.range)) }
    let text = passage.slice(range)
    for (result, pattern) in [(TestResult.negative, Self.negative), (.positive, Self.positive)] {
      for match in pattern.matches(in: text) {
        let local =
          (match.range.lowerBound + range.lowerBound)..<(match.range.upperBound + range.lowerBound)
        guard !items.contains(where: { $0.range.overlaps(local) }) else { continue }
        items.append(.result(result, local))
      }
    }
    return items.sorted { $0.range.lowerBound < $1.range.lowerBound }
  }

  private func gap(_ first: Item, _ second: Item) -> String {
    passage.slice(first.range.upperBound..<max(first.range.upperBound, second.range.lowerBound))
  }

  /// The result written right after the test ("FABER positive") or right before it
  /// ("positive FABER"), whichever the clause's style prefers when both are present.
  private func directResult(at index: Int, in items: [Item], prefixFirst: Bool)
    -> (TestResult, String)?
  {
    var postfix: TestResult?
    var prefix: TestResult?
    if index + 1 < items.count, case .result(let result, _) = items[index + 1],
      Self.postfixGap.occurs(in: gap(items[index], items[index + 1]))
    {
      postfix = result
    }
    if index > 0, case .result(let result, _) = items[index - 1],
      Self.prefixGap.occurs(in: gap(items[index - 1], items[index]))
    {
      prefix = result
    }
    if prefixFirst, let prefix { return (prefix, "provocationTest.resultBefore") }
    if let postfix { return (postfix, "provocationTest.resultAfter") }
    if let prefix { return (prefix, "provocationTest.resultBefore") }
    return nil
  }

  /// Tests listed together share the result written at the head or the tail of the list.
  /// Tests listed together ("FABER, Gaenslen and thigh thrust"), as runs of item indices.
  private func runs(_ items: [Item]) -> [[Int]] {
    var runs: [[Int]] = []
    for index in items.indices {
      guard case .test = items[index] else { continue }
      if let last = runs.last?.last, last == index - 1,
        Self.listGap.occurs(in: gap(items[last], items[index]))
      {
        runs[runs.count - 1].append(index)
      } else {
        runs.append([index])
      }
    }
    return runs
  }

  private func inheritWithinRuns(_ runs: [[Int]], _ assigned: inout [Int: (TestResult, String)]) {
    for run in runs {
      guard let shared = run.first.flatMap({ assigned[$0] }) ?? run.last.flatMap({ assigned[$0] })
      else { continue }
      for index in run where assigned[index] == nil {
        assigned[index] = (shared.0, "provocationTest.sharedResult")
      }
    }
  }

  /// A clause whose result words all agree gives that result to any test still without one.
  private func assignSingleResult(_ items: [Item], _ assigned: inout [Int: (TestResult, String)]) {
    var results = Set<TestResult>()
    for item in items {
      if case .result(let result, _) = item { results.insert(result) }
    }
    guard results.count == 1, let only = results.first else { return }
    for index in items.indices where assigned[index] == nil {
      if case .test = items[index] { assigned[index] = (only, "provocationTest.clauseResult") }
    }
  }

  /// The side written with a test: between it and the next test, or before it when the
  /// result comes first ("left FABER positive", "FABER (+) R", "SLR negative bilaterally").
  private func side(of index: Int, in items: [Item], isPrefixStyle: Bool) -> Side? {
    // "left FABER positive, left Gaenslen positive": a side right before the test is its own.
    let previousEnd = index > 0 ? items[index - 1].range.upperBound : range.lowerBound
    let lead = passage.slice(previousEnd..<max(previousEnd, items[index].range.lowerBound))
    if let word = Self.sideBefore.firstMatch(in: lead) {
      return ClinicalWords.side(in: word.value)
    }

    let start =
      isPrefixStyle && index > 0 && isResult(items[index - 1])
      ? items[index - 1].range.upperBound : items[index].range.lowerBound
    var end = range.upperBound
    for later in items[(index + 1)...] {
      if case .test = later {
        end = later.range.lowerBound
        // ... and the side that leads the next test is not this one's.
        if let next = Self.sideBefore.firstMatch(in: passage.slice(start..<end)) {
          end = start + next.range.lowerBound
        }
        break
      }
    }
    let own = ClinicalWords.side(in: passage.slice(start..<end))
    if own != nil { return own }
    let clauseStart = passage.slice(range.lowerBound..<items[index].range.lowerBound)
    // "Right: thigh thrust positive, compression positive": a label heads the clause.
    if let label = Self.sideLabel.firstMatch(in: clauseStart) {
      return ClinicalWords.side(in: label.value)
    }
    return index == 0 || !items[..<index].contains(where: isTest)
      ? ClinicalWords.side(in: clauseStart) : nil
  }

  private func isResult(_ item: Item) -> Bool {
    if case .result = item { return true }
    return false
  }

  private func isTest(_ item: Item) -> Bool { !isResult(item) }

  private static let side = #"(?:left|right|bilateral(?:ly)?|bilat|L|R|B/L|both sides|lt|rt)"#
  private static let sideBefore = TextPattern(
    #"(?:^|(?<=[\s,;(]))(?:left|right|L|R|lt|rt|bilateral|bilat|B/L)\s*$"#)
  private static let sideLabel = TextPattern(
    #"^\s*(?:[OP]E?:\s*)?(?:right|left|R|L|bilateral(?:ly)?|both sides)\b[^:,;]{0,24}:"#)
  private static let filler =
    #"(?:test(?:s|ing)?|signs?|maneuvers?|manoeuvres?|was|is|were|are|which was|noted|"#
    + #"elicited|found|to be|at \d+ degrees|on|the|at|side|sided|for|with|reproduc\w*|"#
    + side + #")"#
  private static let postfixGap = TextPattern(
    #"^[\s:=\-–()]*(?:"# + filler + #"[\s:=\-–()]*)*$"#)
  private static let prefixGap = TextPattern(
    #"^[\s:=\-–()]*(?:(?:for|on|the|with|pain with|pain on|"# + side + #")[\s:=\-–()]*)*$"#)
  private static let listGap = TextPattern(
    #"^[\s,/&()]*(?:(?:and|or|as well as|plus|tests?|"# + side + #")[\s,/&()]*)*$"#)
  static let positive = TextPattern(
    #"\(\s*\+\s*\)|\bpositive\b|\bpos\b|(?<=[\s:])\+(?=[\s,;).]|$)"#
      + #"|\breproduc\w*\s+(?:\w+\s+){0,5}?(?:pain|symptoms)\b|\bprovok\w*\b|"#
      + #"\belicit\w*\s+(?:\w+\s+)?pain\b|\bpainful\b|\b(?:mildly |somewhat )?uncomfortable\b"#
      + #"|\bconcordant pain\b|\b(?:pain|symptoms) (?:was |were )?reproduced\b|\bpain (?:with"#
      + #"|on)\b"#
  )
  static let negative = TextPattern(
    #"\(\s*[-−–]\s*\)|\bnegative\b|\bneg\b|(?<=[\s:])[-−](?=[\s,;).]|$)|\bunremarkable\b|"#
      + #"\bnon-?provocative\b|\bdid not (?:reproduce|provoke|elicit)\b|\bnot reproduc\w*\b|"#
      + #"\bwithout (?:pain|reproduction)\b|\bno pain (?:with|on)\b"#)
}
