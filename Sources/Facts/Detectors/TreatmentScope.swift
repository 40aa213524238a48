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
///
/// A class, read once per sentence and hit however many detectors ask (`of(_:in:)`), so
/// that its texts are cut out of the sentence once: a text made anew is prepared anew for
/// every pattern searched in it.
final class TreatmentScope {
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
  /// The sentence the ranges are offsets into.
  private let sentence: String
  /// What the words of the sentence's lists say, shared by every scope of the sentence.
  private let sharedReadings: SharedReadings

  /// The scope of `hit`, read once per sentence and hit however many detectors ask.
  static func of(_ hit: LexiconHit, in passage: Passage) -> TreatmentScope {
    passage.note.remembered(.treatmentScope, of: hit.range, inSentence: passage.index) {
      TreatmentScope(reading: hit, in: passage)
    }
  }

  private init(reading hit: LexiconHit, in passage: Passage) {
    sentence = passage.text
    sharedReadings = passage.note.remembered(
      .treatmentSharedReadings, ofSentence: passage.index
    ) { SharedReadings() }
    let target = passage.local(hit.range)
    let mentions = Self.treatments(in: passage)
    let clauses = Self.clauses(in: passage)
    let clause = Self.clause(around: target, in: clauses.ofLists, passage: passage)
    let outcomeClause = Self.clause(around: target, in: clauses.ofOutcomes, passage: passage)
    var items = mentions.filter { clause.contains($0.lowerBound) }
    if !items.contains(target) {
      items = (items + [target]).sorted { $0.lowerBound < $1.lowerBound }
    }
    let index = items.firstIndex(of: target) ?? 0

    let bounds = Self.bounds(of: items, in: clause, passage: passage)
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

  /// The words of a range: the sentence itself when the range is all of it, as it is for a
  /// treatment alone in its sentence, so that its prepared text serves every search.
  private func text(of range: Range<Int>) -> String {
    range == 0..<sentence.utf16.count ? sentence : sentence.slice(range)
  }

  /// The text of the treatment's own words.
  private(set) lazy var ownText = text(of: own)

  /// The text of the whole list the treatment belongs to.
  private(set) lazy var groupText = text(of: group)

  /// The text of the clauses after the treatment's own that name no treatment, if any.
  private(set) lazy var followingText = following.map(text(of:))

  /// The treatment's own words and the clauses after them that name no treatment, where
  /// its outcome is read.
  private(set) lazy var outcomeText = followingText.map { ownText + " " + $0 } ?? ownText

  /// The lead words of the treatment and of its list: "on" in "pain 8/10 on oxycodone plus
  /// gabapentin" introduces both drugs.
  private(set) lazy var leads = ([lead] + shared.prefix(1)).map(sentence.slice)

  /// `read(text)` of words the treatment's list shares (`sharedText`, `sharedStatusText`),
  /// read once for the sentence: every treatment of a list shares its words, and asks the
  /// same of them.
  func readShared<Value>(_ purpose: String, of text: String, _ read: (String) -> Value) -> Value {
    sharedReadings.value(purpose, of: text) { read(text) }
  }

  /// The text its list shares, or the empty string.
  private(set) lazy var sharedText = shared.map(sentence.slice).joined(separator: " … ")

  /// The treatment's own words and the words its list shares, where its status is read.
  private(set) lazy var ownAndSharedText = ownText + " " + sharedText

  /// The words its list shares that say where every treatment of it stands: the list's
  /// lead, and its tail only where it speaks of them all ("PT and chiropractic, both
  /// stopped"); "calcitonin 2024 (stopped)" at the end of a list is the last drug's own.
  private(set) lazy var sharedStatusText: String = {
    guard let lead = shared.first else { return "" }
    let tail = shared.dropFirst().map(sentence.slice).joined()
    return sentence.slice(lead) + (Self.collective.occurs(in: tail) ? " … " + tail : "")
  }()

  private static let collective = TextPattern(
    #"\b(?:both|all|each|none|neither|either|these|them|they|any of)\b"#)

  /// Every treatment the sentence names (therapies and medications), in order, without the
  /// therapists named as who gave a home program ("HEP daily per PT").
  static func treatments(in passage: Passage) -> [Range<Int>] {
    passage.note.remembered(.treatments, ofSentence: passage.index) {
      readTreatments(in: passage)
    }
  }

  private static func readTreatments(in passage: Passage) -> [Range<Int>] {
    let therapies = passage.hits("therapies")
    let ranges = (therapies + passage.hits("medications"))
      .filter { !isPrescriberMention($0, in: passage, among: therapies) }
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
  /// PT-prescribed", "the home program her physical therapist designed". `therapies` are the
  /// sentence's therapies (`passage.hits("therapies")`), when the caller has them.
  static func isPrescriberMention(
    _ hit: LexiconHit, in passage: Passage, among therapies: [LexiconHit]? = nil
  ) -> Bool {
    guard hit.attributes["modality"] != "homeExercise", hit.lexicon == "therapies" else {
      return false
    }
    // Every reading needs a home program named near the hit.
    let programs = (therapies ?? passage.hits("therapies"))
      .filter { $0.attributes["modality"] == "homeExercise" }
      .map { passage.local($0.range) }
    guard !programs.isEmpty else { return false }

    let local = passage.local(hit.range)
    let homeProgramBefore = programs.contains { range in
      range.upperBound <= local.lowerBound && range.upperBound >= local.lowerBound - 50
    }
    let homeProgramAfter = programs.contains { range in
      range.lowerBound >= local.upperBound && range.lowerBound <= local.upperBound + 12
    }
    let isRightBeforeHomeProgram = programs.contains { range in
      (local.upperBound...local.upperBound + 1).contains(range.lowerBound)
    }
    guard !isRightBeforeHomeProgram else { return true }
    guard homeProgramBefore || homeProgramAfter else { return false }

    let before = passage.slice(max(0, local.lowerBound - 50)..<local.lowerBound)
    let after = passage.text(after: local, upTo: 40)
    return
      (homeProgramBefore
      && (prescriberLead.occurs(in: before) || prescriberVerbAfter.occurs(in: after)))
      || (homeProgramAfter && possessiveAfter.occurs(in: after))
  }

  /// The stretches of a sentence between semicolons, read once per sentence: a short
  /// stretch that names no treatment ("; no clear benefit") joins the one before it in the
  /// clauses of lists, and any stretch that names none in the clauses of outcomes.
  private struct Clauses {
    let ofLists: [Range<Int>]
    let ofOutcomes: [Range<Int>]
  }

  private static func clauses(in passage: Passage) -> Clauses {
    passage.note.remembered(.treatmentClauses, ofSentence: passage.index) {
      let text = passage.text
      let mentions = treatments(in: passage)
      let units = Array(text.utf16)
      var pieces: [Range<Int>] = []
      var start = 0
      for (offset, unit) in units.enumerated() where unit == 0x3B {
        pieces.append(start..<offset)
        start = offset + 1
      }
      pieces.append(start..<units.count)

      // The words of a stretch count only where it names no treatment.
      let pieceWords = pieces.map { piece in
        let isNamed = mentions.contains { piece.contains($0.lowerBound) }
        return (piece, isNamed: isNamed, words: isNamed ? 0 : wordCount(piece, of: units, text))
      }
      return Clauses(
        ofLists: merged(pieceWords, maxWords: 5), ofOutcomes: merged(pieceWords, maxWords: .max))
    }
  }

  /// The words of a stretch, as `split(separator: " ")` counts them; counted in its
  /// UTF-16 units where they are all ASCII (a character is then one unit), without making
  /// the stretch's string and its characters.
  private static func wordCount(_ piece: Range<Int>, of units: [UInt16], _ text: String) -> Int {
    let stretch = units[piece]
    guard stretch.allSatisfy({ $0 < 0x80 }) else {
      return text.slice(piece).split(separator: " ").count
    }
    var count = 0
    var previous: UInt16 = 0x20
    for unit in stretch {
      if unit != 0x20, previous == 0x20 { count += 1 }
      previous = unit
    }
    return count
  }

  private static func merged(
    _ pieces: [(piece: Range<Int>, isNamed: Bool, words: Int)], maxWords: Int
  ) -> [Range<Int>] {
    var merged: [Range<Int>] = []
    for (piece, isNamed, words) in pieces {
      if !isNamed, words <= maxWords, let previous = merged.last {
        merged[merged.count - 1] = previous.lowerBound..<piece.upperBound
      } else {
        merged.append(piece)
      }
    }
    return merged
  }

  /// The clause that holds a treatment, or the whole sentence.
  private static func clause(
    around local: Range<Int>, in clauses: [Range<Int>], passage: Passage
  ) -> Range<Int> {
    clauses.first { $0.contains(local.lowerBound) } ?? (0..<passage.text.utf16.count)
  }

  /// Each treatment's own words: from the last connector before it to the last connector
  /// before the next treatment.
  private static func bounds(of items: [Range<Int>], in clause: Range<Int>, passage: Passage)
    -> [Range<Int>]
  {
    let text = passage.text
    // The first treatment's lead starts after the last comma before it: "typical 7/10,
    // currently 7/10, failed PT" is led by "failed".
    let opening = clause.lowerBound..<max(clause.lowerBound, items.first?.lowerBound ?? 0)
    // A comma followed by no such word ("has not used any pain medication, brace, TENS")
    // leaves the lead whole.
    let units = SearchableText.of(text).utf16
    let comma = units[opening.clamped(to: 0..<units.count)].lastIndex(of: 0x2C).map { $0 + 1 }
    let isLedAfterComma = comma.map { hasStatusWord($0..<opening.upperBound, passage) }
    var splits: [Int] = [isLedAfterComma == true ? comma ?? clause.lowerBound : clause.lowerBound]
    for (previous, next) in zip(items, items.dropFirst()) {
      let gap =
        max(previous.upperBound, clause.lowerBound)..<max(next.lowerBound, previous.upperBound)
      splits.append(split(after: gap, passage))
    }
    var result: [Range<Int>] = []
    for index in items.indices {
      let lower = min(splits[index], items[index].lowerBound)
      let upper = index + 1 < items.count ? splits[index + 1] : clause.upperBound
      result.append(lower..<max(upper, items[index].upperBound))
    }
    return result
  }

  /// Where the words between two treatments divide: after their last connector, else at
  /// the next treatment. Asked of the same words by every treatment of the clause, so
  /// remembered.
  private static func split(after gap: Range<Int>, _ passage: Passage) -> Int {
    passage.note.remembered(.treatmentSplit, of: gap, inSentence: passage.index) {
      let connector = connectorPattern.matches(in: passage.slice(gap)).last
      return connector.map { gap.lowerBound + $0.range.upperBound } ?? gap.upperBound
    }
  }

  /// The treatments of one list around a treatment: its neighbours whose lead adds no word
  /// of their own course.
  private static func list(
    around index: Int, items: [Range<Int>], bounds: [Range<Int>], in passage: Passage
  ) -> ClosedRange<Int> {
    // Asked only of the treatments the list may stop at: never of the first, whose lead
    // has no list before it to part from.
    func isLed(_ item: Int) -> Bool {
      leadHasCue(bounds[item].lowerBound..<items[item].lowerBound, passage)
    }
    var first = index
    while first > 0, !isLed(first) { first -= 1 }
    var last = index
    while last < items.count - 1, !isLed(last + 1) { last += 1 }
    return first...last
  }

  /// Asked of the same words by every treatment of the sentence, so remembered.
  private static func leadHasCue(_ lead: Range<Int>, _ passage: Passage) -> Bool {
    guard !lead.isEmpty else { return false }
    return passage.note.remembered(.treatmentLeadCue, of: lead, inSentence: passage.index) {
      let text = passage.slice(lead)
      return TreatmentCourse.hasStatusWord(in: text) || TreatmentCourse.outcome(in: text) != nil
    }
  }

  /// Asked of the same words by every treatment of the clause, so remembered.
  private static func hasStatusWord(_ words: Range<Int>, _ passage: Passage) -> Bool {
    passage.note.remembered(.treatmentStatusWord, of: words, inSentence: passage.index) {
      TreatmentCourse.hasStatusWord(in: passage.slice(words))
    }
  }

  private static let connectorPattern = TextPattern(
    #",|\b(?:and|plus|with|then|or|but|as well as|along with|followed by)\b"#)
  private static let prescriberLead = TextPattern(
    #"(?:\(|\b(?:from|per|by|with|through))\s*(?:(?:his|her|their|the|a|an)\s+)?$"#)
  private static let prescriberVerbAfter = TextPattern(
    #"^-?\s*(?:prescribed|directed|designed|instructed|given|issued)\b"#)
  private static let possessiveAfter = TextPattern(#"^(?:'s|’s|-directed|-designed|-prescribed)"#)
}

/// What words of a sentence say, by purpose and words, read once however many treatments of
/// the sentence ask.
private final class SharedReadings {
  private struct Key: Hashable {
    let purpose: String
    let text: String
  }

  private final class Reading<Value> {
    let value: Value
    init(_ value: Value) { self.value = value }
  }

  private var readings: [Key: AnyObject] = [:]

  func value<Value>(_ purpose: String, of text: String, _ read: () -> Value) -> Value {
    let key = Key(purpose: purpose, text: text)
    if let reading = readings[key] as? Reading<Value> { return reading.value }
    let value = read()
    readings[key] = Reading(value)
    return value
  }
}
