/// The words of a sentence that speak of one treatment when the sentence lists several.
///
/// Notes give a treatment history as lists: "Tried: naproxen 500 BID, cyclobenzaprine qhs",
/// "she completed PT in May and takes celecoxib daily", "gabapentin (stopped, dizzy),
/// meloxicam; no clear benefit". A treatment's `own` words run from the connector before it
/// ("," "and" "plus" "with") to the connector before the next treatment; the lead words
/// there ("takes", "completed") and the detail after it ("stopped for dizziness") are its
/// own. Treatments whose lead adds no word of status or outcome form one list with their
/// neighbours, and the list shares its lead ("Tried:", "failed") and its tail ("… both
/// without benefit"). A semicolon ends a list; a clause naming no treatment ("; no clear
/// benefit") belongs to the list before it.
///
/// Shortcoming: lists are cut at connectors and commas only; a treatment's detail that
/// itself holds "and" or "with" ("PT with stretching and positioning, 16 weeks") can lose
/// its tail to a neighbour named after it, and a clause that speaks of two treatments
/// without naming the second ("PT and the exercises her therapist gave her") is one list.
struct TreatmentScope {
  /// The treatment's own words, in passage-local offsets.
  let own: Range<Int>
  /// The clauses after the treatment's own that name no treatment, when it is the last of
  /// its list: they tell how it (or its list) turned out.
  let following: Range<Int>?
  /// The whole list the treatment belongs to, from the list's lead to its tail.
  let group: Range<Int>
  /// The words before the treatment within its own words ("and takes ").
  let lead: Range<Int>
  /// The words its list shares: the lead of the list's first treatment and the tail of its
  /// last; empty when the treatment stands alone.
  let shared: [Range<Int>]

  /// The scope of `hit`, read once per sentence and hit however many detectors ask.
  init(of hit: LexiconHit, in passage: Passage) {
    self = passage.note.remembered("treatmentScope", of: hit.range, inSentence: passage.index) {
      TreatmentScope(reading: hit, in: passage)
    }
  }

  private init(reading hit: LexiconHit, in passage: Passage) {
    let target = passage.local(hit.range)
    let mentions = Self.treatments(in: passage)
    let clause = Self.clause(around: target, in: passage.text, mentions: mentions, maxWords: 5)
    let outcomeClause = Self.clause(
      around: target, in: passage.text, mentions: mentions, maxWords: Int.max)
    var items = mentions.filter { clause.contains($0.lowerBound) }
    if !items.contains(target) {
      items = (items + [target]).sorted { $0.lowerBound < $1.lowerBound }
    }
    let index = items.firstIndex(of: target) ?? 0

    let bounds = Self.bounds(of: items, in: clause, text: passage.text)
    own = bounds[index]
    lead = own.lowerBound..<target.lowerBound
    // What follows in clauses naming no treatment tells how the last one turned out:
    // "continues the home program; at the January visit she said it made no change".
    following =
      index == items.count - 1 && outcomeClause.upperBound > clause.upperBound
      ? clause.upperBound..<outcomeClause.upperBound : nil

    let members = Self.list(around: index, items: items, bounds: bounds, in: passage)
    let (first, last) = (members.lowerBound, members.upperBound)
    let tailEnd =
      last == items.count - 1
      ? max(outcomeClause.upperBound, bounds[last].upperBound)
      : bounds[last].upperBound
    group = bounds[first].lowerBound..<tailEnd
    shared =
      first == last
      ? []
      : [
        bounds[first].lowerBound..<items[first].lowerBound, items[last].upperBound..<tailEnd,
      ]
  }

  /// The text of the treatment's own words.
  func ownText(in passage: Passage) -> String { passage.slice(own) }

  /// The treatment's own words and the clauses after them that name no treatment, where
  /// its outcome is read.
  func outcomeText(in passage: Passage) -> String {
    passage.slice(own) + (following.map { " " + passage.slice($0) } ?? "")
  }

  /// The lead words of the treatment and of its list: "on" in "pain 8/10 on oxycodone plus
  /// gabapentin" introduces both drugs.
  func leads(in passage: Passage) -> [String] {
    ([lead] + shared.prefix(1)).map(passage.slice)
  }

  /// The text its list shares, or the empty string.
  func sharedText(in passage: Passage) -> String {
    shared.map(passage.slice).joined(separator: " … ")
  }

  /// The words its list shares that say where every treatment of it stands: the list's
  /// lead, and its tail only where it speaks of them all ("PT and chiropractic, both
  /// stopped"); "calcitonin 2024 (stopped)" at the end of a list is the last drug's own.
  func sharedStatusText(in passage: Passage) -> String {
    guard let lead = shared.first else { return "" }
    let tail = shared.dropFirst().map(passage.slice).joined()
    return passage.slice(lead) + (Self.collective.occurs(in: tail) ? " … " + tail : "")
  }

  private static let collective = TextPattern(
    #"\b(?:both|all|each|none|neither|either|these|them|they|any of)\b"#)

  /// Every treatment the sentence names (therapies and medications), in order, without the
  /// therapists named as who gave a home program ("HEP daily per PT").
  static func treatments(in passage: Passage) -> [Range<Int>] {
    passage.note.remembered("treatments", of: passage.range, inSentence: passage.index) {
      readTreatments(in: passage)
    }
  }

  private static func readTreatments(in passage: Passage) -> [Range<Int>] {
    let ranges = (passage.hits("therapies") + passage.hits("medications"))
      .filter { !isPrescriberMention($0, in: passage) }
      .map { passage.local($0.range) }
      .sorted { ($0.lowerBound, -$0.count) < ($1.lowerBound, -$1.count) }
    var result: [Range<Int>] = []
    for range in ranges where !(result.last.map { $0.overlaps(range) } ?? false) {
      result.append(range)
    }
    return result
  }

  /// Whether a therapist or therapy names who gave a home program rather than a therapy of
  /// its own: "home exercise program (from PT)", "HEP given by PT", "home program
  /// PT-prescribed", "the home program her physical therapist designed".
  static func isPrescriberMention(_ hit: LexiconHit, in passage: Passage) -> Bool {
    guard hit.attributes["modality"] != "homeExercise", hit.lexicon == "therapies" else {
      return false
    }
    let local = passage.local(hit.range)
    let before = passage.slice(max(0, local.lowerBound - 50)..<local.lowerBound)
    let after = passage.slice(
      local.upperBound..<min(passage.text.utf16.count, local.upperBound + 40))
    let homeProgramBefore = passage.hits("therapies").contains { other in
      let range = passage.local(other.range)
      return other.attributes["modality"] == "homeExercise" && range.upperBound <= local.lowerBound
        && range.upperBound >= local.lowerBound - 50
    }
    let homeProgramAfter = passage.hits("therapies").contains { other in
      let range = passage.local(other.range)
      return other.attributes["modality"] == "homeExercise" && range.lowerBound >= local.upperBound
        && range.lowerBound <= local.upperBound + 12
    }
    let isRightBeforeHomeProgram = passage.hits("therapies").contains { other in
      let range = passage.local(other.range)
      return other.attributes["modality"] == "homeExercise"
        && (local.upperBound...local.upperBound + 1).contains(range.lowerBound)
    }
    return (homeProgramBefore && prescriberLead.occurs(in: before))
      || (homeProgramBefore && prescriberVerbAfter.occurs(in: after))
      || (homeProgramAfter && possessiveAfter.occurs(in: after)) || isRightBeforeHomeProgram
  }

  /// A stretch of the sentence between semicolons; a short stretch that names no treatment
  /// ("; no clear benefit") joins the one before it.
  private static func clause(
    around local: Range<Int>, in text: String, mentions: [Range<Int>], maxWords: Int
  ) -> Range<Int> {
    let units = Array(text.utf16)
    var pieces: [Range<Int>] = []
    var start = 0
    for (offset, unit) in units.enumerated() where unit == 0x3B {
      pieces.append(start..<offset)
      start = offset + 1
    }
    pieces.append(start..<units.count)

    var merged: [Range<Int>] = []
    for piece in pieces {
      let named = mentions.contains { piece.contains($0.lowerBound) }
      let words = text.utf16Slice(piece).split(separator: " ").count
      if !named, words <= maxWords, let previous = merged.last {
        merged[merged.count - 1] = previous.lowerBound..<piece.upperBound
      } else {
        merged.append(piece)
      }
    }
    return merged.first { $0.contains(local.lowerBound) } ?? (0..<units.count)
  }

  /// Each treatment's own words: from the last connector before it to the last connector
  /// before the next treatment.
  private static func bounds(of items: [Range<Int>], in clause: Range<Int>, text: String)
    -> [Range<Int>]
  {
    // The first treatment's lead starts after the last comma before it: "typical 7/10,
    // currently 7/10, failed PT" is led by "failed".
    let opening = clause.lowerBound..<max(clause.lowerBound, items.first?.lowerBound ?? 0)
    // A comma followed by no such word ("has not used any pain medication, brace, TENS")
    // leaves the lead whole.
    let openingText = text.utf16Slice(opening)
    let comma = openingText.utf16.lastIndex(of: 0x2C).map {
      opening.lowerBound + openingText.utf16.distance(from: openingText.utf16.startIndex, to: $0)
        + 1
    }
    let isLedAfterComma = comma.map {
      TreatmentCourse.hasStatusWord(in: text.utf16Slice($0..<opening.upperBound))
    }
    var splits: [Int] = [isLedAfterComma == true ? comma ?? clause.lowerBound : clause.lowerBound]
    for (previous, next) in zip(items, items.dropFirst()) {
      let gap =
        max(previous.upperBound, clause.lowerBound)..<max(next.lowerBound, previous.upperBound)
      let connector = connectorPattern.matches(in: text.utf16Slice(gap)).last
      splits.append(connector.map { gap.lowerBound + $0.range.upperBound } ?? gap.upperBound)
    }
    var result: [Range<Int>] = []
    for index in items.indices {
      let lower = min(splits[index], items[index].lowerBound)
      let upper = index + 1 < items.count ? splits[index + 1] : clause.upperBound
      result.append(lower..<max(upper, items[index].upperBound))
    }
    return result
  }

  /// The treatments of one list around a treatment: its neighbours whose lead adds no word
  /// of their own course.
  private static func list(
    around index: Int, items: [Range<Int>], bounds: [Range<Int>], in passage: Passage
  ) -> ClosedRange<Int> {
    let isLed = items.indices.map {
      leadHasCue(bounds[$0].lowerBound..<items[$0].lowerBound, passage)
    }
    var first = index
    while first > 0, !isLed[first] { first -= 1 }
    var last = index
    while last < items.count - 1, !isLed[last + 1] { last += 1 }
    return first...last
  }

  private static func leadHasCue(_ lead: Range<Int>, _ passage: Passage) -> Bool {
    guard !lead.isEmpty else { return false }
    let text = passage.slice(lead)
    return TreatmentCourse.hasStatusWord(in: text) || TreatmentCourse.outcome(in: text) != nil
  }

  private static let connectorPattern = TextPattern(
    #",|\b(?:and|plus|with|then|or|but|as well as|along with|followed by)\b"#)
  private static let prescriberLead = TextPattern(
    #"(?:\(|\b(?:from|per|by|with|through))\s*(?:(?:his|her|their|the|a|an)\s+)?$"#)
  private static let prescriberVerbAfter = TextPattern(
    #"^-?\s*(?:prescribed|directed|designed|instructed|given|issued)\b"#)
  private static let possessiveAfter = TextPattern(#"^(?:'s|’s|-directed|-designed|-prescribed)"#)
}
