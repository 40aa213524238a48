import Foundation

/// Writes everything the Language stage decided about a document as plain text, for QA to
/// review (`pendcheck annotate`): the date of service, every date and duration, every
/// section, every sentence with its boundaries, and for each lexicon match in it the
/// assertion and the trigger that made it.
public struct AnnotationDump {
  /// The review text of one document.
  public static func render(_ document: AnnotatedDocument) -> String {
    var lines = [header(document)]
    lines += document.sections.map { section(in: document, $0) }
    lines += document.dates.map { date(in: document, $0) }
    lines += document.durations.map { duration(in: document, $0) }
    for (index, sentence) in document.sentences.enumerated() {
      lines += sentenceLines(in: document, index, sentence)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func header(_ document: AnnotatedDocument) -> String {
    let service = document.dateOfService?.iso ?? "not found"
    return "# \(document.document.name): \(document.tokens.count) tokens, "
      + "\(document.sentences.count) sentences, \(document.sections.count) sections, "
      + "date of service \(service)"
  }

  private static func section(in document: AnnotatedDocument, _ section: Section) -> String {
    "SECTION \(place(document, section.range)) \(section.kind.rawValue) "
      + quoted(section.heading)
  }

  private static func date(in document: AnnotatedDocument, _ date: DateMention) -> String {
    var reading = date.date?.iso ?? "unresolved"
    if date.isAmbiguous {
      reading = "ambiguous (" + date.candidates.map(\.iso).joined(separator: ", ") + ")"
    }
    let relative = date.isRelative ? " relative" : ""
    return "DATE \(place(document, date.range)) \(date.role.rawValue) \(reading)\(relative) "
      + quoted(date.text)
  }

  private static func duration(
    in document: AnnotatedDocument, _ duration: DurationMention
  ) -> String {
    let sessions = duration.sessionCount.map { " sessions \($0)" } ?? ""
    let ago = duration.isPartOfRelativeDate ? " (relative date)" : ""
    return "DURATION \(place(document, duration.range)) \(number(duration.days)) days"
      + "\(sessions)\(ago) " + quoted(duration.text)
  }

  private static func sentenceLines(
    in document: AnnotatedDocument, _ index: Int, _ sentence: Sentence
  ) -> [String] {
    let section = sentence.section?.rawValue ?? "-"
    var lines = [
      "S\(index + 1) \(place(document, sentence.range)) [\(section)] "
        + quoted(document.tokens[sentence.tokenRange].writtenText)
    ]
    for match in domainMatches(in: document, sentence) {
      lines.append("    " + matchLine(document, match))
    }
    return lines
  }

  private static func domainMatches(
    in document: AnnotatedDocument, _ sentence: Sentence
  ) -> [PhraseMatch] {
    let structural = Set(StructuralLexicon.allCases.map(\.rawValue))
    return document.matchesByLexiconName
      .filter { !structural.contains($0.key) }
      .flatMap(\.value)
      .filter { sentence.tokenRange.contains($0.tokenRange.lowerBound) }
      .sorted { ($0.range.lowerBound, $0.entry.lexicon) < ($1.range.lowerBound, $1.entry.lexicon) }
  }

  private static func matchLine(_ document: AnnotatedDocument, _ match: PhraseMatch) -> String {
    let assertion = document.assertion(for: match.range)
    let decisions =
      assertion.triggers.isEmpty
      ? "affirmed"
      : assertion.triggers.map { "\($0.kind.rawValue) by \(quoted($0.text)) (\($0.source))" }
        .joined(separator: "; ")
    return "\(match.entry.lexicon):\(match.entry.concept) "
      + quoted(document.tokens[match.tokenRange].writtenText) + " → " + decisions
  }

  private static func place(_ document: AnnotatedDocument, _ range: Range<Int>) -> String {
    "p\(document.document.pageNumber(at: range.lowerBound)) \(range.lowerBound)-\(range.upperBound)"
  }

  private static func quoted(_ text: String) -> String {
    "\"" + text.collapsingWhitespace + "\""
  }

  private static func number(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
  }
}
