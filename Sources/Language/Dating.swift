import Model

/// Assigns dates their roles and finds the date of service: a date written right after a
/// `date-cues.txt` cue ("DOS:", "Electronically signed … on") takes the cue's role.
struct Dating {
  let dates: [DateMention]
  let dateOfService: ClinicalDate?

  /// How far after a cue (in UTF-16 units) its date may stand.
  static let cueReach = 60

  init(text: String, language: LanguageData, cues: [PhraseMatch]) {
    let scanner = DateScanner(text: text, language: language)
    let absolute = scanner.absoluteDates()
    let roles = absolute.map { Self.role(of: $0, cues: cues) }

    let service = Self.visitDate(absolute, roles: roles)
    let relative = scanner.relativeDates(
      dateOfService: service, excluding: absolute.map(\.range))

    let utf16 = Array(text.utf16)
    let mentions =
      zip(absolute, roles).map { Self.mention($0, role: $1, utf16) }
      + relative.map { Self.mention($0, role: .other, utf16) }
    dates = mentions.sorted { $0.range.lowerBound < $1.range.lowerBound }
    dateOfService = service
  }

  private static func role(of found: DateScanner.Found, cues: [PhraseMatch]) -> DateRole {
    let cue = cues.last {
      $0.range.upperBound <= found.range.lowerBound
        && found.range.lowerBound - $0.range.upperBound <= cueReach
    }
    return cue.flatMap { DateRole(rawValue: $0.entry.concept) } ?? .other
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
      text: String(decoding: utf16[found.range], as: UTF16.self),
      date: found.date, isAmbiguous: found.isAmbiguous, candidates: found.candidates,
      isRelative: found.isRelative, role: role)
  }
}
