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
struct TreatmentScope {
  /// The treatment's own words, in passage-local offsets.
  let own: Range<Int>
  /// The words before the treatment within its own words ("and takes ").
  let lead: Range<Int>
  /// The words its list shares: the lead of the list's first treatment and the tail of its
  /// last; empty when the treatment stands alone.
  let shared: [Range<Int>]

  init(of hit: LexiconHit, in passage: Passage) {
    let target = passage.local(hit.range)
    let mentions = Self.treatments(in: passage)
    let clause = Self.clause(around: target, in: passage.text, mentions: mentions)
    var items = mentions.filter { clause.contains($0.lowerBound) }
    if !items.contains(target) {
      items = (items + [target]).sorted { $0.lowerBound < $1.lowerBound }
    }
    let index = items.firstIndex(of: target) ?? 0

    let bounds = Self.bounds(of: items, in: clause, text: passage.text)
    own = bounds[index]
    lead = own.lowerBound..<target.lowerBound

    var first = index
    while first > 0, !Self.leadHasCue(bounds[first].lowerBound..<items[first].lowerBound, passage) {
      first -= 1
    }
    var last = index
    while last < items.count - 1,
      !Self.leadHasCue(bounds[last + 1].lowerBound..<items[last + 1].lowerBound, passage)
    {
      last += 1
    }
    shared =
      first == last
      ? []
      : [
        bounds[first].lowerBound..<items[first].lowerBound,
        items[last].upperBound..<bounds[last].upperBound,
      ]
  }

  /// The text of the treatment's own words.
  func ownText(in passage: Passage) -> String { passage.slice(own) }

  /// The lead words of the treatment and of its list: "on" in "pain 8/10 on oxycodone plus
  /// gabapentin" introduces both drugs.
  func leads(in passage: Passage) -> [String] {
    ([lead] + shared.prefix(1)).map(passage.slice)
  }

  /// The text its list shares, or the empty string.
  func sharedText(in passage: Passage) -> String {
    shared.map(passage.slice).joined(separator: " … ")
  }

  /// Every treatment the sentence names (therapies and medications), in order, without the
  /// therapists named as who gave a home program ("HEP daily per PT").
  static func treatments(in passage: Passage) -> [Range<Int>] {
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

  /// A stretch of the sentence between semicolons; a stretch that names no treatment joins
  /// the one before it.
  private static func clause(around local: Range<Int>, in text: String, mentions: [Range<Int>])
    -> Range<Int>
  {
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
      if !named, let previous = merged.last {
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
    var splits: [Int] = [clause.lowerBound]
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
