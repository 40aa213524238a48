import Foundation
import Model

/// One labelled field of a request form: "SCHEDULED DATE" on one line with "09/04/2026" on
/// the next, or "Procedure: right L4-5 medial branch block" on one line.
///
/// Forms print their labels in capitals or end them with a colon; a label on its own line
/// takes the next line as its value unless that line is itself a label (a heading such as
/// "REQUESTED SERVICE" above "CPT CODE(S)" has no value of its own).
struct RequestFormField {
  /// What a field holds, as the request needs it.
  enum Kind {
    case service, plannedDate, site, reason
  }

  let kind: Kind
  /// The sentence that holds the value.
  let passage: Passage
  /// Where the value starts in the sentence's text (UTF-16).
  let valueStart: Int

  /// The value as written, trimmed.
  var value: String {
    passage.slice(valueStart..<passage.text.utf16.count)
      .trimmingCharacters(in: .whitespacesAndNewlines.union(.init(charactersIn: ":-")))
  }

  /// The dates written inside the value.
  var dates: [ClinicalDate] {
    passage.dates.filter { $0.range.lowerBound >= valueStart }.map(\.date)
  }

  /// Every labelled field of a form, in the order they appear.
  static func fields(in note: Note) -> [RequestFormField] {
    note.passages.compactMap(field)
  }

  private static func field(_ passage: Passage) -> RequestFormField? {
    guard let (kind, label) = label(of: passage) else { return nil }

    let rest = passage.slice(label.upperBound..<passage.text.utf16.count)
    if rest.contains(where: { $0.isLetter || $0.isNumber }) {
      return RequestFormField(kind: kind, passage: passage, valueStart: label.upperBound)
    }
    guard let next = passage.next, Self.label(of: next) == nil, !isBareHeading(next) else {
      return nil
    }
    return RequestFormField(kind: kind, passage: next, valueStart: 0)
  }

  /// The field label a sentence starts with, and its range, when it is written as a form
  /// writes labels: followed by a colon, or in capitals.
  private static func label(of passage: Passage) -> (Kind, Range<Int>)? {
    // Prepared once for the four labels: most sentences lack their literals, and are then
    // not searched.
    let searchable = SearchableText.of(passage.text)
    for (kind, pattern) in labels {
      guard pattern.mayOccur(in: searchable), let match = pattern.firstMatch(in: passage.text)
      else { continue }
      let labelText = passage.slice(match.range)
      let isCapitals = !labelText.contains(where: \.isLowercase)
      if isCapitals || match.group(1) != nil { return (kind, match.range) }
    }
    return nil
  }

  /// A line in capitals with no digits, such as a block heading ("CLINICIAN", "MEMBER"),
  /// which is no field's value.
  private static func isBareHeading(_ passage: Passage) -> Bool {
    let text = passage.text
    return text.contains(where: \.isLetter) && !text.contains(where: \.isLowercase)
      && !text.contains(where: \.isNumber) && text.split(separator: " ").count <= 3
  }

  /// Label patterns, anchored at the start of a sentence; group 1 is the colon when written.
  private static let labels: [(Kind, TextPattern)] = [
    (
      .plannedDate,
      labelPattern(
        #"(?:planned|scheduled|requested|proposed|anticipated|expected|tentative"#
          + #"|target)\s+(?:date|DOS)(?:\s+of\s+(?:service|procedure|surgery))?"#
          + #"|date\s+of\s+(?:planned\s+|requested\s+)?(?:service|procedure)|procedure\s+date"#
          + #"|DOS"#
      )
    ),
    (
      .service,
      labelPattern(
        #"(?:requested|planned|proposed)\s+(?:service|procedure)s?|(?:service"#
          + #"|procedure)s?(?:\s+requested)?|(?:procedure\s+)?description(?:\s+of\s+(?:service"#
          + #"|procedure))?"#
      )
    ),
    (
      .site,
      labelPattern(
        #"(?:region|level|levels|level\(s\)|side|laterality|site)(?:\s*/\s*(?:region|level|levels"#
          + #"|level\(s\)|side|laterality))*"#
      )
    ),
    (
      .reason,
      labelPattern(
        #"reason\s+for\s+(?:the\s+)?(?:request|referral|procedure)|(?:clinical\s+)?indication"#
          + #"|purpose(?:\s+of\s+(?:the\s+)?(?:request|procedure))?"#
      )
    ),
  ]

  private static func labelPattern(_ alternatives: String) -> TextPattern {
    TextPattern(#"^\s*(?:"# + alternatives + #")\b\s*(:)?"#)
  }
}
