import Model

/// A date written in a document, absolute ("03/14/2026") or relative ("3 weeks ago").
public struct DateMention: Hashable, Sendable {
  /// UTF-16 offsets into `Document.text`.
  public let range: Range<Int>
  /// The text as written.
  public let text: String
  /// The date, or `nil` when it is ambiguous or relative to an unknown date of service.
  public let date: ClinicalDate?
  /// Whether the text can be read as more than one date; `candidates` lists the readings.
  public let isAmbiguous: Bool
  /// The possible readings of an ambiguous date (a day-first 14/03/2026, a yearless 3/14).
  public let candidates: [ClinicalDate]
  /// Whether the date was computed from the date of service ("last month").
  public let isRelative: Bool
  public let role: DateRole
}

/// What a date is in its note.
public enum DateRole: String, Sendable {
  /// The visit's date ("DOS:", "Date of Service:", "Visit Date:").
  case dateOfService
  /// The date a provider signed the note.
  case signature
  /// A bare "Date:" label, used when neither of the above is present.
  case documentDate
  /// The patient's date of birth ("DOB:"), never a clinical event.
  case dateOfBirth
  /// Any other date (of an MRI, an injection, an onset).
  case other
}

/// A length of time written in a document ("6 weeks", "x 3 mos", "for 8 wks").
public struct DurationMention: Hashable, Sendable {
  /// UTF-16 offsets into `Document.text`.
  public let range: Range<Int>
  public let text: String
  /// The number as written (the upper end of a range "6-8 weeks").
  public let value: Double
  /// The lower end of a range, when one is given.
  public let lowValue: Double?
  /// The unit's concept in `units.txt` ("week").
  public let unit: String
  /// The length in days (`value` × the unit's days).
  public let days: Double
  /// A count of sessions stated with it ("12 visits over 6 weeks" → 12).
  public let sessionCount: Int?
  /// Whether the duration is part of a relative date ("3 weeks ago"), not a length.
  public let isPartOfRelativeDate: Bool

  /// The length in months of 30.44 days, as facts-v1 counts months.
  public var months: Double { days / 30.44 }
}
