import Model

/// Assigns dates their roles and finds the date of service.
///
/// The first date written right after a `date-cues.txt` cue ("DOS:", "Electronically
/// signed … on", "DOB") takes the cue's role. The date of service is the first date with
/// that role; failing one, the latest signature date; then a "Date:" label; then, for
/// banners that label nothing ("DOE, JANE | 10/02/1972 | 05/13/2026") and letters, the
/// latest full date of the document's header (the text before its first section heading
/// other than a patient banner) that is not a date of birth.
struct Dating {
  let dates: [DateMention]
  let dateOfService: ClinicalDate?

  /// How far after a cue (in UTF-16 units) its date may stand, unless its `reach=N` says.
  static let cueReach = 60
  /// How much of a document without headings counts as its header (UTF-16 units).
  static let headerLength = 600

  /// The dates `scanner` finds, given roles by `cues` (the matches of `date-cues.txt`);
  /// `headerEnd` is where the document's first section other than its banner begins.
  init(scanner: DateScanner, cues: [PhraseMatch], headerEnd: Int?) {
    let absolute = scanner.absoluteDates()
    let utf16 = scanner.utf16
    let usable = cues.filter { Self.isUsable($0, utf16) }
    let cueOfDate = absolute.indices.map { Self.cue(of: $0, in: absolute, cues: usable) }
    var roles = cueOfDate.map { $0.flatMap { DateRole(rawValue: $0.entry.concept) } ?? .other }
    // "seen 03/10/2026 for leg pain" in the history may be an earlier visit: a weak cue in
    // the body does not outrank the banner's unlabelled date.
    let headerLimit = min(headerEnd ?? Self.headerLength, Self.headerLength)
    let isWeakInBody = absolute.indices.map { index in
      cueOfDate[index]?.entry.attributes["weak"] == "yes"
        && absolute[index].range.lowerBound >= headerLimit
    }
    let hasFirmRole = roles.indices.contains { index in
      roles[index] != .other && roles[index] != .dateOfBirth && !isWeakInBody[index]
    }
    if !hasFirmRole, let header = Self.headerDate(absolute, roles: roles, before: headerLimit) {
      for index in roles.indices where isWeakInBody[index] { roles[index] = .other }
      roles[header] = .documentDate
    }

    let service = Self.visitDate(absolute, roles: roles, cues: cueOfDate)
    let relative = scanner.relativeDates(
      dateOfService: service, excluding: absolute.map(\.range))

    let mentions =
      zip(absolute, roles).map { Self.mention($0, role: $1, utf16) }
      + relative.map { Self.mention($0, role: .other, utf16) }
    dates = mentions.sorted { $0.range.lowerBound < $1.range.lowerBound }
    dateOfService = service
  }

  /// The cue that gives `dates[index]` its role: the nearest before it, within reach, with
  /// no other date in between.
  private static func cue(
    of index: Int, in dates: [DateScanner.Found], cues: [PhraseMatch]
  ) -> PhraseMatch? {
    let found = dates[index]
    let previousEnd = index > 0 ? dates[index - 1].range.upperBound : 0
    let cue = cues.last {
      $0.range.lowerBound >= previousEnd && $0.range.upperBound <= found.range.lowerBound
        && found.range.lowerBound - $0.range.upperBound
          <= $0.entry.attributes["reach"].flatMap { Int($0) } ?? cueReach
    }
    return cue
  }

  /// Whether a cue can mark a date: a `labelOnly=yes` cue ("Date") must be followed by a
  /// colon, or open a line or a banner field with the date right after it ("Date
  /// 03/17/2026", "| Date 03/17/2026"), so that "surgery date 06/16/2026" dates nothing.
  private static func isUsable(_ cue: PhraseMatch, _ utf16: [UInt16]) -> Bool {
    guard cue.entry.attributes["labelOnly"] == "yes" else { return true }

    var after = cue.range.upperBound
    while after < utf16.count && utf16[after] == 0x20 { after += 1 }
    guard after < utf16.count else { return false }
    if utf16[after] == 0x3A { return true }
    return opensAField(cue.range.lowerBound, utf16) && (0x30...0x39).contains(utf16[after])
  }

  /// Whether the cue opens a line or a banner field: after the line's start, a "|", a tab,
  /// or a column gap after another field's value ("MRN: 4471  Date 03/17/2026"). Some text
  /// layers put two spaces between words, so after a word the gap must be wider than two.
  private static func opensAField(_ offset: Int, _ utf16: [UInt16]) -> Bool {
    var before = offset - 1
    while before >= 0 && (utf16[before] == 0x20 || utf16[before] == 0x09) { before -= 1 }
    guard before >= 0 else { return true }
    let gap = offset - 1 - before
    let afterWord = Character(Unicode.Scalar(utf16[before]) ?? " ").isLetter
    if utf16[before] == 0x0A { return opensALine(offset, before, utf16) }
    return utf16[before] == 0x7C || utf16[offset - 1] == 0x09 || gap >= (afterWord ? 3 : 2)
  }

  /// A line's first word is a label when capitalised ("Date 03/17/2026") or when the line
  /// before ends its sentence; "surgery\ndate 06/16/2026" is a sentence wrapped.
  private static func opensALine(_ offset: Int, _ newline: Int, _ utf16: [UInt16]) -> Bool {
    if (0x41...0x5A).contains(utf16[offset]) { return true }
    var end = newline - 1
    while end >= 0 && (utf16[end] == 0x20 || utf16[end] == 0x09 || utf16[end] == 0x0D) {
      end -= 1
    }
    return end < 0 || [0x0A, 0x2E, 0x3A, 0x7C].contains(utf16[end])
  }

  /// The index of the latest full date before `end` that no cue marks.
  private static func headerDate(
    _ dates: [DateScanner.Found], roles: [DateRole], before end: Int
  ) -> Int? {
    dates.indices
      .filter { dates[$0].range.lowerBound < end && roles[$0] == .other }
      .filter { dates[$0].date?.day != nil }
      .max { dates[$0].date! < dates[$1].date! }  // both filtered to have a date
  }

  /// The date of service: a date labelled as the visit's; else a bare "Date" label's; else
  /// the date after a weak cue ("Office Visit", "seen"), which may be an event's or an
  /// earlier visit's; else the latest signature; else another document date.
  private static func visitDate(
    _ dates: [DateScanner.Found], roles: [DateRole], cues: [PhraseMatch?]
  ) -> ClinicalDate? {
    let dated = dates.indices.compactMap { index in
      dates[index].date.map {
        (
          date: $0, role: roles[index], isWeak: cues[index]?.entry.attributes["weak"] == "yes",
          isLabel: cues[index]?.entry.attributes["labelOnly"] == "yes"
        )
      }
    }
    if let service = dated.first(where: { $0.role == .dateOfService && !$0.isWeak }) {
      return service.date
    }
    if let weak = dated.first(where: { $0.role == .dateOfService }) {
      return dated.first { $0.isLabel }?.date ?? weak.date
    }
    let documentDate = dated.first { $0.role == .documentDate }?.date
    if let signed = dated.filter({ $0.role == .signature }).map(\.date).max() { return signed }
    return documentDate
  }

  private static func mention(
    _ found: DateScanner.Found, role: DateRole, _ utf16: [UInt16]
  ) -> DateMention {
    DateMention(
      range: found.range,
      text: String(utf16Units: utf16[found.range]),
      date: found.date, isAmbiguous: found.isAmbiguous, candidates: found.candidates,
      isRelative: found.isRelative, role: role)
  }
}
