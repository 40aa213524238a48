import Model

/// Reads a physical therapy discharge summary or progress report as one course of therapy:
/// start of care, discharge date, visits attended, and how it ended.
///
/// Such notes give the course in labelled lines ("Start of care: 01/05/2026", "Total visits:
/// 12") that no single sentence ties to "physical therapy".
enum PTDischargeRule {
  /// Whether a note is written by a physical therapist (a PT evaluation, progress note or
  /// discharge summary).
  static func isTherapyNote(_ note: Note) -> Bool {
    note.remembered(.isTherapyNote) { therapyHeading.occurs(in: note.heading) }
  }

  /// The course of physical therapy a therapist's discharge summary describes, if it is one.
  static func course(in note: Note) -> Fact? {
    guard isTherapyNote(note), dischargeHeading.occurs(in: note.heading) else { return nil }

    // A progress note or re-evaluation is written during the course; a discharge, at its end.
    let isDischarge = discharged.occurs(in: note.heading)
    var therapy = Therapy(modality: .physicalTherapy, status: isDischarge ? .completed : .ongoing)
    var evidence: [Evidence] = []
    if let row = episodeRow(in: note) {
      (therapy.start, therapy.end, therapy.sessions) = (row.start, row.end, row.visits)
      evidence.append(contentsOf: row.evidence)
    }
    for passage in note.passages {
      let date = passage.dates.first?.date
      if startLabel.occurs(in: passage.text), let date {
        therapy.start = therapy.start ?? date
        evidence.append(passage.evidence)
      } else if endLabel.occurs(in: passage.text), let date {
        therapy.end = therapy.end ?? date
        evidence.append(passage.evidence)
      }
      if let match = visitsLabel.firstMatch(in: passage.text), therapy.sessions == nil,
        let count = (match.group(1) ?? match.group(2) ?? match.group(3) ?? match.group(4))
          .flatMap({ Int($0) })
      {
        therapy.sessions = count
        evidence.append(passage.evidence)
      }
      if TreatmentCourse.outcome(in: passage.text) == .failed, outcomeCue.occurs(in: passage.text) {
        therapy.outcome = .failed
      }
      if nonAttendance.occurs(in: passage.text) { therapy.status = .discontinued }
    }
    if isDischarge { therapy.end = therapy.end ?? note.dateOfService }
    if let start = therapy.start, let end = therapy.end, start.day != nil, end.day != nil {
      therapy.weeks = (Double(start.days(until: end)) / 7).rounded()
    }
    guard therapy.start != nil || therapy.sessions != nil else { return nil }
    return Fact(
      .therapy(therapy), evidence: evidence,
      derivation: Derivation(rule: "therapy.ptDischargeSummary"))
  }

  /// An episode table: a row of column labels ("Start of care  Discharge  Visits") and
  /// under it a row of values ("02/23/2026  04/20/2026  14"), read column by column.
  private static func episodeRow(in note: Note) -> (
    start: ClinicalDate?, end: ClinicalDate?, visits: Int?, evidence: [Evidence]
  )? {
    for passage in note.passages {
      let columns = columnLabels(in: passage.text)
      guard columns.count >= 2, let labelsEnd = columns.last?.end else { continue }
      let isSameLine = passage.dates.contains { $0.range.lowerBound >= labelsEnd }
      guard let source = isSameLine ? passage : passage.next else { continue }
      let dates = source.dates.filter { !isSameLine || $0.range.lowerBound >= labelsEnd }
        .sorted { $0.range.lowerBound < $1.range.lowerBound }
      guard !dates.isEmpty else { continue }

      var remaining = dates.map { $0.date }
      var row: (start: ClinicalDate?, end: ClinicalDate?, visits: Int?) = (nil, nil, nil)
      for column in columns {
        switch column.kind {
        case .start: row.start = remaining.isEmpty ? nil : remaining.removeFirst()
        case .end: row.end = remaining.isEmpty ? nil : remaining.removeFirst()
        case .visits:
          let afterDates = dates.last.map { $0.range.upperBound } ?? 0
          let tail = source.slice(afterDates..<source.text.utf16.count)
          row.visits = bareCount.firstMatch(in: tail).flatMap { $0.group(1) }.flatMap { Int($0) }
        }
      }
      let cited = isSameLine ? [passage.evidence] : [passage.evidence, source.evidence]
      return (row.start, row.end, row.visits, cited)
    }
    return nil
  }

  private enum EpisodeColumn { case start, end, visits }

  /// The episode columns a row of labels names, in the order written.
  private static func columnLabels(in text: String) -> [(kind: EpisodeColumn, end: Int)] {
    let found =
      startLabel.matches(in: text).map { (EpisodeColumn.start, $0.range) }
      + episodeEndLabel.matches(in: text).map { (EpisodeColumn.end, $0.range) }
      + visitsColumn.matches(in: text).map { (EpisodeColumn.visits, $0.range) }
    return found.sorted { $0.1.lowerBound < $1.1.lowerBound }.map { ($0.0, $0.1.upperBound) }
  }

  private static let episodeEndLabel = TextPattern(
    #"\b(?:discharge date|date of discharge|discharge(?! summary)|last visit|end date)\b"#)
  private static let visitsColumn = TextPattern(
    #"\b(?:visits|sessions|total visits|visits attended|# visits)\b"#)
  private static let bareCount = TextPattern(#"^\s*(\d{1,3})\b(?!\s*(?:/|x\b|%))"#)

  private static let therapyHeading = TextPattern(
    #"\b(?:physical therapy|physiotherapy|PT (?:discharge|progress|evaluation|daily note"#
      + #"|re-?evaluation)|rehabilitation services|outpatient rehab\w*|physical therapist)\b"#
  )
  private static let discharged = TextPattern(#"\bdischarge\b"#)
  private static let dischargeHeading = TextPattern(
    #"\b(?:discharge summary|discharge note|discharge report|discharge evaluation"#
      + #"|progress (?:note|report)|re-?evaluation|plan of care)\b"#
  )
  private static let startLabel = TextPattern(
    #"\b(?:start of care|SOC|initial (?:evaluation|eval|visit)|date of (?:initial )?evaluation"#
      + #"|first visit|care (?:began|started)|start date|began (?:therapy|PT))\b"#
  )
  private static let endLabel = TextPattern(
    #"\b(?:discharge date|date of discharge|discharged on|last (?:visit|session|date of service)"#
      + #"|final visit|end date)\b|\bD/C\b"#
  )
  private static let visitsLabel = TextPattern(
    #"\b(?:total (?:number of )?(?:visits|sessions|treatments)|visits? (?:attended|completed)"#
      + #"|number of visits|sessions? (?:attended|completed)|# of visits"#
      + #"|visits to date)\s*[:=]?\s*(\d{1,3})\b|\b(?:attended"#
      + #"|completed)\s+(\d{1,3})\s+(?:of\s+\d+\s+)?(?:visits|sessions)\b"#
      + #"|\b(\d{1,3})\s+(?:visits|sessions)\s+(?:attended|completed)\b|^[^.]*\b(?:DOB"#
      + #"|Date)\b[^.]*\bvisit\s*#?\s*(\d{1,3})\b"#
  )
  private static let outcomeCue = TextPattern(
    #"\b(?:goals?|progress|outcome|assessment|status|response)\b"#)
  private static let nonAttendance = TextPattern(
    #"\b(?:did not return|failed to return|no[- ]show\w*|non-?attendance|stopped attending"#
      + #"|self[- ]discharged|discharged due to (?:non|lack|poor))\b"#
  )
}
