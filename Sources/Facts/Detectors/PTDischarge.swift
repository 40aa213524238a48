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
    therapyHeading.occurs(in: note.heading)
  }

  /// The course of physical therapy a therapist's discharge summary describes, if it is one.
  static func course(in note: Note) -> Fact? {
    guard isTherapyNote(note), dischargeHeading.occurs(in: note.heading) else { return nil }

    var therapy = Therapy(modality: .physicalTherapy, status: .completed)
    var evidence: [Evidence] = []
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
        let count = (match.group(1) ?? match.group(2)).flatMap({ Int($0) })
      {
        therapy.sessions = count
        evidence.append(passage.evidence)
      }
      if TreatmentCourse.outcome(in: passage.text) == .failed, outcomeCue.occurs(in: passage.text) {
        therapy.outcome = .failed
      }
      if nonAttendance.occurs(in: passage.text) { therapy.status = .discontinued }
    }
    therapy.end = therapy.end ?? note.dateOfService
    if let start = therapy.start, let end = therapy.end, start.day != nil, end.day != nil {
      therapy.weeks = (Double(start.days(until: end)) / 7).rounded()
    }
    guard therapy.start != nil || therapy.sessions != nil else { return nil }
    return Fact(
      .therapy(therapy), evidence: evidence,
      derivation: Derivation(rule: "therapy.ptDischargeSummary"))
  }

  private static let therapyHeading = TextPattern(
    #"\b(?:physical therapy|physiotherapy|PT (?:discharge|progress|evaluation|daily note|re-?evaluation)|rehabilitation services|outpatient rehab\w*|physical therapist)\b"#
  )
  private static let dischargeHeading = TextPattern(
    #"\b(?:discharge summary|discharge note|discharge report|discharge evaluation|progress (?:note|report)|re-?evaluation|plan of care)\b"#
  )
  private static let startLabel = TextPattern(
    #"\b(?:start of care|SOC|initial (?:evaluation|eval|visit)|date of (?:initial )?evaluation|first visit|care (?:began|started)|start date|began (?:therapy|PT))\b"#
  )
  private static let endLabel = TextPattern(
    #"\b(?:discharge date|date of discharge|discharged on|last (?:visit|session|date of service)|final visit|end date)\b"#
  )
  private static let visitsLabel = TextPattern(
    #"\b(?:total (?:number of )?(?:visits|sessions|treatments)|visits? (?:attended|completed)|number of visits|sessions? (?:attended|completed)|# of visits|visits to date)\s*[:=]?\s*(\d{1,3})\b|\b(?:attended|completed)\s+(\d{1,3})\s+(?:of\s+\d+\s+)?(?:visits|sessions)\b"#
  )
  private static let outcomeCue = TextPattern(
    #"\b(?:goals?|progress|outcome|assessment|status|response)\b"#)
  private static let nonAttendance = TextPattern(
    #"\b(?:did not return|failed to return|no[- ]show\w*|non-?attendance|stopped attending|self[- ]discharged|discharged due to (?:non|lack|poor))\b"#
  )
}
