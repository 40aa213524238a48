import Model

/// Finds an implanted pump's or stimulator's analysis (interrogation) report: a document
/// that is the programmer's printout, or a sentence that gives an interrogation's result or
/// says its report is attached. An interrogation planned, or one that could not be done, is
/// no report.
struct DeviceInterrogationRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    guard reading.concernsImplant else { return [] }

    if passage.index == 0, Self.isPrintout(passage.note) {
      return report(in: passage, date: passage.note.dateOfService, rule: "printout")
    }
    // A sentence reports an interrogation only where it gives a result or says where the
    // report is; few do, so that is read first.
    let text = passage.text
    guard Self.result.occurs(in: text) else { return [] }
    if let match = Self.interrogation.firstMatch(in: text) {
      let context = passage.context(ofLocal: match.range)
      guard context.isAffirmedAboutPatient, !Self.notDone.occurs(in: text) else { return [] }
      return report(
        in: passage, date: passage.dates.first?.date ?? passage.note.dateOfService,
        rule: "result")
    }

    // "== INTERROGATION ==" then "Full report attached.": the section names what it holds.
    let inSection =
      passage.section.map { Self.interrogation.occurs(in: $0.name) } == true
      || passage.preceding(1).first.map { Self.interrogation.occurs(in: $0.text) } == true
    guard inSection, !Self.isPrintout(passage.note), !Self.notDone.occurs(in: text) else {
      return []
    }
    return report(in: passage, date: passage.note.dateOfService, rule: "section")
  }

  /// Whether the note is the programmer's printout, by its title.
  private static func isPrintout(_ note: Note) -> Bool { printout.occurs(in: note.heading) }

  private func report(in passage: Passage, date: ClinicalDate?, rule: String) -> [Fact] {
    let device = ImplantProblemRule.device(in: passage) ?? .intrathecalPump
    let detail = DeviceInterrogation(device: device, date: date)
    return [passage.fact(.deviceInterrogation(detail), rule: "deviceInterrogation.\(rule)")]
  }

  private static let interrogation = TextPattern(
    #"\b(?:interrogat\w*|pump analysis|device analysis|telemetry)\b"#)
  /// What a report holds or where it is: its readings, or "attached", "on file".
  private static let result = TextPattern(
    #"\b(?:report|printout|attached|enclosed|on file|shows?|showed|reservoir|battery|ERI"#
      + #"|elective replacement|motor stall|volume|impedances?|end of service)\b"#)
  private static let printout = TextPattern(
    #"\b(?:interrogation|pump analysis|device analysis|telemetry) (?:report|printout|summary)\b"#
      + #"|\bclinician programmer\b"#)
  /// "will interrogate", "interrogation scheduled", "could not be interrogated".
  private static let notDone = TextPattern(
    #"\b(?:will|to be|plan\w*|schedul\w*|pending|request\w*|unable to|could not|cannot"#
      + #"|not (?:yet )?(?:been )?(?:done|performed|interrogated))\b"#)
}
