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

  init(
    text: String, language: LanguageData, patterns: DatePatterns, cues: [PhraseMatch],
    headerEnd: Int?
  ) {
    let scanner = DateScanner(text: text, language: language, patterns: patterns)
    let absolute = scanner.absoluteDates()
    let utf16 = Array(text.utf16)
    let usable = cues.filter { Self.isUsable($0, utf16) }
    var roles = absolute.indices.map { Self.role(of: $0, in: absolute, cues: usable) }
    if !roles.contains(where: { $0 != .other && $0 != .dateOfBirth }),
      let header = Self.headerDate(
        absolute, roles: roles, before: min(headerEnd ?? Self.headerLength, Self.headerLength))
    {
      roles[header] = .documentDate
    }

    let service = Self.visitDate(absolute, roles: roles)
    let relative = scanner.relativeDates(
      dateOfService: service, excluding: absolute.map(\.range))

    let mentions =
      zip(absolute, roles).map { Self.mention($0, role: $1, utf16) }
      + relative.map { Self.mention($0, role: .other, utf16) }
    dates = mentions.sorted { $0.range.lowerBound < $1.range.lowerBound }
    dateOfService = service
  }

  /// The role of `dates[index]`: that of the nearest cue before it, within reach, with no
  /// other date in between.
  private static func role(
    of index: Int, in dates: [DateScanner.Found], cues: [PhraseMatch]
  ) -> DateRole {
    let found = dates[index]
    let previousEnd = index > 0 ? dates[index - 1].range.upperBound : 0
    let cue = cues.last {
      $0.range.lowerBound >= previousEnd && $0.range.upperBound <= found.range.lowerBound
        && found.range.lowerBound - $0.range.upperBound
          <= $0.entry.attributes["reach"].flatMap { Int($0) } ?? cueReach
    }
    return cue.flatMap { DateRole(rawValue: $0.entry.concept) } ?? .other
  }

  /// Whether a cue can mark a date: a `labelOnly=yes` cue ("Date") must be followed by a
  /// colon, so that "surgery date 06/16/2026" dates nothing.
  private static func isUsable(_ cue: PhraseMatch, _ utf16: [UInt16]) -> Bool {
    guard cue.entry.attributes["labelOnly"] == "yes" else { return true }

    var after = cue.range.upperBound
    while after < utf16.count && utf16[after] == 0x20 { after += 1 }
    return after < utf16.count && utf16[after] == 0x3A
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

  private static func visitDate(
    _ dates: [DateScanner.Found], roles: [DateRole]
  ) -> ClinicalDate? {
    let dated = zip(dates, roles).compactMap { found, role in found.date.map { ($0, role) } }
    if let service = dated.first(where: { $0.1 == .dateOfService }) { return service.0 }
    if let signed = dated.filter({ $0.1 == .signature }).map(\.0).max() { return signed }
    return dated.first { $0.1 == .documentDate }?.0
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
