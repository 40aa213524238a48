/// A calendar date as clinical notes give it: to the day, or only to the month.
///
/// Encoded as ISO 8601 (`2026-03-14`, or `2026-03` when the note gives only the month), as
/// the facts-v1 contract requires. Ordering and day arithmetic treat a month-only date as
/// the first of its month; `matches(_:)` treats it as any day of that month.
public struct ClinicalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  /// The day of the month, or `nil` when only the month is known.
  public let day: Int?

  /// Creates a date, or returns `nil` when the parts name no real calendar day.
  public init?(year: Int, month: Int, day: Int? = nil) {
    guard (1900...2200).contains(year), (1...12).contains(month) else { return nil }
    if let day, !(1...ClinicalDate.daysIn(month: month, year: year)).contains(day) {
      return nil
    }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD` or `YYYY-MM`.
  public init?(iso: String) {
    let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2 || parts.count == 3,
      parts[0].count == 4, let year = Int(parts[0]),
      parts[1].count == 2, let month = Int(parts[1])
    else { return nil }

    var day: Int?
    if parts.count == 3 {
      guard parts[2].count == 2, let parsed = Int(parts[2]) else { return nil }
      day = parsed
    }
    self.init(year: year, month: month, day: day)
  }

  public var description: String { iso }

  /// The ISO 8601 spelling used in every file and report.
  public var iso: String {
    let monthPart = "\(year)-\(Self.twoDigits(month))"
    guard let day else { return monthPart }
    return "\(monthPart)-\(Self.twoDigits(day))"
  }

  /// US spelling for sentences shown to people: `03/14/2026`, or `03/2026`.
  public var usFormat: String {
    guard let day else { return "\(Self.twoDigits(month))/\(year)" }
    return "\(Self.twoDigits(month))/\(Self.twoDigits(day))/\(year)"
  }

  /// Days since 1970-01-01 (proleptic Gregorian); a month-only date counts from its first.
  public var dayNumber: Int {
    // Howard Hinnant's days-from-civil algorithm.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let shiftedMonth = month > 2 ? month - 3 : month + 9
    let dayOfYear = (153 * shiftedMonth + 2) / 5 + (day ?? 1) - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The date `dayNumber` days after 1970-01-01.
  public init(dayNumber: Int) {
    let z = dayNumber + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    self.year = year
    self.month = month
    self.day = day
  }

  /// Whole days from `self` to `other` (positive when `other` is later).
  public func days(until other: ClinicalDate) -> Int { other.dayNumber - dayNumber }

  /// This date moved by a number of days; a month-only date becomes a full date.
  public func adding(days: Int) -> ClinicalDate { ClinicalDate(dayNumber: dayNumber + days) }

  /// This date moved by calendar months, keeping the day where the month has it.
  public func adding(months: Int) -> ClinicalDate {
    let total = year * 12 + (month - 1) + months
    let newYear = total / 12
    let newMonth = total % 12 + 1
    let newDay = day.map { min($0, Self.daysIn(month: newMonth, year: newYear)) }
    return ClinicalDate(year: newYear, month: newMonth, day: newDay) ?? self
  }

  /// Whether two dates can be the same day: equal, or one is month-only and the other in it.
  public func matches(_ other: ClinicalDate, toleranceDays: Int = 0) -> Bool {
    if day == nil || other.day == nil { return year == other.year && month == other.month }
    return abs(days(until: other)) <= toleranceDays
  }

  public static func < (lhs: ClinicalDate, rhs: ClinicalDate) -> Bool {
    (lhs.year, lhs.month, lhs.day ?? 0) < (rhs.year, rhs.month, rhs.day ?? 0)
  }

  /// The number of days in a month of a year.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2:
      let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      return isLeap ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  private static func twoDigits(_ value: Int) -> String {
    value < 10 ? "0\(value)" : "\(value)"
  }
}

extension ClinicalDate: Codable {
  public init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let date = ClinicalDate(iso: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "'\(text)' is not a date of the form YYYY-MM-DD or YYYY-MM"
      )
    }
    self = date
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(iso)
  }
}
