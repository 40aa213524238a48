import Foundation
import Model

/// Finds the dates of a note in the formats US notes write them, then resolves relative
/// expressions ("3 weeks ago", "since January") against the date of service.
///
/// A yearless "3/14" counts as a date only after a cue word ("on 3/14", "since 3/14"), so
/// that scores (7/10), strengths (4/5) and ratios are never read as dates; a three-part
/// "7/10/26" is always a date.
struct DateScanner {
  let utf16: [UInt16]
  let language: LanguageData
  let patterns: DatePatterns

  init(text: String, language: LanguageData, patterns: DatePatterns) {
    self.init(text: text, utf16: Array(text.utf16), language: language, patterns: patterns)
  }

  /// A scanner of `text`, whose UTF-16 code units `utf16` are.
  init(text: String, utf16: [UInt16], language: LanguageData, patterns: DatePatterns) {
    self.utf16 = utf16
    self.language = language
    self.patterns = patterns
    scanned = ScannedText(text, utf16: utf16)
  }

  /// What is read off the text for cues and match starts, on the first question, and kept
  /// for the next: the dates and the durations of a document share one scanner.
  private let scanned: ScannedText

  /// A date found in the text.
  struct Found {
    let range: Range<Int>
    let date: ClinicalDate?
    let candidates: [ClinicalDate]
    let isAmbiguous: Bool
    let isRelative: Bool
  }

  /// Every absolute date, leftmost first, overlapping readings removed.
  func absoluteDates() -> [Found] {
    var found: [Found] = []
    for pattern in DatePatterns.absolute where isWorthSearching(pattern.regex, pattern.cues) {
      for (range, groups) in matches(of: pattern.regex, group: 0, startingAt: pattern.start) {
        guard !found.contains(where: { $0.range.overlaps(range) }),
          let reading = pattern.read(groups)
        else { continue }
        found.append(
          Found(
            range: range, date: reading.isAmbiguous ? nil : reading.dates.first,
            candidates: reading.isAmbiguous ? reading.dates : [],
            isAmbiguous: reading.isAmbiguous, isRelative: false))
      }
    }
    return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
  }

  /// Relative and yearless dates, resolved against the date of service when it is known.
  func relativeDates(dateOfService: ClinicalDate?, excluding taken: [Range<Int>]) -> [Found] {
    var found: [Found] = []
    for pattern in patterns.relative where isWorthSearching(pattern.regex, pattern.cues) {
      let hits = matches(of: pattern.regex, group: pattern.mentionGroup, startingAt: pattern.start)
      for (range, groups) in hits {
        guard !taken.contains(where: { $0.overlaps(range) }),
          !found.contains(where: { $0.range.overlaps(range) })
        else { continue }
        let date = dateOfService.flatMap { pattern.resolve(groups, $0) }
        found.append(
          Found(
            range: range, date: pattern.isYearless ? nil : date,
            candidates: pattern.isYearless ? date.map { [$0] } ?? [] : [],
            isAmbiguous: pattern.isYearless, isRelative: !pattern.isYearless))
      }
    }
    return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
  }

  /// Whether the text may hold a match of a pattern every match of which holds one of
  /// `cues` (lower-cased ASCII), compared without letter case as the patterns are: `false`
  /// only when it holds none of them. No cues: `true`.
  ///
  /// Most notes hold no "ago", "since" or "yesterday", and ICU tries a pattern at every
  /// offset of the whole note: asking for the cue first spares most of those runs.
  func mayHold(anyOf cues: [String]) -> Bool {
    guard !cues.isEmpty, !scanned.mayFoldToASCII else { return true }
    return scanned.holdsAny(of: cues)
  }

  /// Whether `text` holds the bytes of `cue`, its rarest letter looked for with `memchr`:
  /// the first letter of "ago" or "earlier" stands hundreds of times in a note, each a stop
  /// and a comparison, their "g" and "l" far fewer.
  fileprivate static func holds(
    _ cue: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    guard let base = text.baseAddress, let cueBase = cue.baseAddress, !cue.isEmpty,
      text.count >= cue.count
    else { return false }
    let pivot = rarestIndex(in: cue)
    let byte = Int32(cue[pivot])
    // A start from 0 to `text.count - cue.count` puts the pivot from `pivot` to `lastPivot`.
    let lastPivot = text.count - cue.count + pivot
    var offset = pivot
    while offset <= lastPivot {
      guard let found = memchr(base + offset, byte, lastPivot - offset + 1) else { return false }
      let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      if memcmp(base + at - pivot, cueBase, cue.count) == 0 { return true }
      offset = at + 1
    }
    return false
  }

  /// The index of the byte of `cue` least frequent in English text (letters by their usual
  /// frequency; any other byte, a digit or a mark, counts as rarer than every letter), the
  /// first of equals.
  private static func rarestIndex(in cue: UnsafeBufferPointer<UInt8>) -> Int {
    cue.indices.max { rarity(cue[$0]) < rarity(cue[$1]) } ?? 0
  }

  private static func rarity(_ byte: UInt8) -> Int {
    letterRarity[Int(byte)]
  }

  /// For each byte, its rank from the most frequent English letter (0) to the rarest (25),
  /// 26 for any byte that is no lower-case letter.
  private static let letterRarity: [Int] = {
    var rarity = [Int](repeating: 26, count: 256)
    for (rank, letter) in "etaoinshrdlcumwfgypbvkjxqz".utf8.enumerated() {
      rarity[Int(letter)] = rank
    }
    return rarity
  }()

  /// Whether `regex`, whose every match holds one of `cues`, may match the text; debug
  /// builds check that a text turned away holds no match.
  private func isWorthSearching(_ regex: ICURegularExpression, _ cues: [String]) -> Bool {
    let mayMatch = mayHold(anyOf: cues)
    assert(
      mayMatch || matches(of: regex, group: 0).isEmpty,
      "a match without any of its cues \(cues): \(regex.pattern)")
    return mayMatch
  }

  /// Matches of `regex` with the range of capture group `group` and every group's text;
  /// tried only at the offsets `start` describes, when it is given and the text's letter
  /// case and digits are ASCII's (see `MatchStart`).
  func matches(
    of regex: ICURegularExpression, group: Int, startingAt start: MatchStart? = nil
  ) -> [(range: Range<Int>, groups: [String?])] {
    utf16.withUnsafeBufferPointer { text in
      guard let start, !scanned.needsWholeSearch else { return regex.matches(in: text) }
      let starts = start.candidates(in: text, starts: scanned.starts)
      // No start, no match: ICU is not even handed the text.
      let found = starts.isEmpty ? [] : regex.matches(in: text, startingAtAnyOf: starts)
      assert(
        found.map(\.ranges) == regex.matches(in: text).map(\.ranges),
        "a match not at a start of \(regex.pattern)")
      return found
    }.map { match in
      let groups = match.ranges.map { range in range.map { String(utf16Units: utf16[$0]) } }
      return (match.ranges[group] ?? 0..<0, groups)
    }
  }
}

/// What the scanner reads off a text the first time it asks: its bytes for looking for cue
/// words, where its words and numbers begin, and whether its letters and digits are all
/// ASCII.
private final class ScannedText {
  private let text: String
  private let utf16: [UInt16]

  init(_ text: String, utf16: [UInt16]) {
    self.text = text
    self.utf16 = utf16
  }

  /// The text's bytes, ASCII capitals lower-cased.
  lazy var folded: [UInt8] = {
    var text = text
    return text.withUTF8 { bytes in
      [UInt8](unsafeUninitializedCapacity: bytes.count) { folded, count in
        for (index, byte) in bytes.enumerated() {
          folded[index] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
        }
        count = bytes.count
      }
    }
  }()

  /// Whether every unit of the text is ASCII, as nearly every note's is: no character then
  /// folds into ASCII or is a digit outside it.
  private lazy var isASCII = utf16.allSatisfy { $0 < 0x80 }

  /// Whether the text holds a character outside ASCII that case folding changes ("ſ" is
  /// "s", "K" the Kelvin sign is "k"): a case-insensitive match may then hold a cue in
  /// another form.
  lazy var mayFoldToASCII =
    !isASCII
    && text.unicodeScalars.contains { !$0.isASCII && $0.properties.changesWhenCaseFolded }

  /// Whether a pattern must be tried at every offset rather than at its `MatchStart`: the
  /// text may hold a letter that matches an ASCII one only without case, or a decimal
  /// digit outside ASCII.
  lazy var needsWholeSearch =
    mayFoldToASCII
    || (!isASCII
      && text.unicodeScalars.contains { !$0.isASCII && $0.properties.numericType == .decimal })

  /// Where the words and the runs of digits of the text begin, found once.
  lazy var starts = utf16.withUnsafeBufferPointer { MatchStart.TextStarts($0) }

  /// Whether the folded text holds one of `cues` (lower-cased ASCII), found once per list:
  /// four formats ask for the twelve month names, most notes holding none of them or a late
  /// one. A list asked before is found by comparing lists, which share their storage.
  func holdsAny(of cues: [String]) -> Bool {
    if let known = heldLists.first(where: { $0.cues == cues }) { return known.isHeld }
    let isHeld = cues.contains { holds($0) }
    heldLists.append((cues, isHeld))
    return isHeld
  }

  private var heldLists: [(cues: [String], isHeld: Bool)] = []

  /// Whether the folded text holds `cue` (lower-cased ASCII).
  private func holds(_ cue: String) -> Bool {
    var written = cue
    return folded.withUnsafeBufferPointer { text in
      written.withUTF8 { DateScanner.holds($0, in: text) }
    }
  }
}
