import Model

// Rules about an implanted device's revision and the cardiac workup of refractory angina:
// the problem a revision answers, a specialist's consultation, and the angina class.
extension CaseContext {
  func implantProblem(anyOf accepted: Set<ImplantProblemKind>) -> Finding {
    let problems = facts.implantProblems
    let ask =
      "Please document the reason for the revision, replacement or removal ("
      + listed(accepted.map(\.rawValue).sorted().map(spoken)) + ")."
    if let found = problems.first(where: { accepted.contains($0.value.problem) }) {
      return .met(
        "The documented reason is \(spoken(found.value.problem.rawValue))\(quote(found)).",
        evidence: problems.evidence())
    }
    guard let other = problems.first else {
      return .notDocumented(
        "No reason for the revision, replacement or removal is documented.", ask: ask)
    }
    // A problem the guideline does not list (a generator that still works, a patient's
    // wish under a guideline without patient demand) is for the reviewer to weigh.
    return .notMet(
      "The documented reason, \(spoken(other.value.problem.rawValue))\(quote(other)), is not"
        + " one this guideline lists.", ask: ask, evidence: problems.evidence())
  }

  func consultation(_ specialty: ConsultationSpecialty) -> Finding {
    let consultations = facts.consultations.filter { $0.value.specialty == specialty }
    let name = Self.specialtyName(specialty)
    guard let consultation = consultations.first else {
      return .notDocumented(
        "No \(name) consultation is documented.",
        ask: "Please send the \(name) consultation note.")
    }
    let date = consultation.value.date.map { " on \($0.usFormat)" } ?? ""
    return .met(
      "An \(name) consultation\(date) is documented\(quote(consultation)).",
      evidence: consultations.evidence())
  }

  func anginaClass(atLeast minimum: Int, _ systems: Set<AnginaClassSystem>) -> Finding {
    let classes = facts.anginaClasses
    let graded = classes.filter { systems.contains($0.value.system) }
    let scale = listed(systems.map { $0.rawValue.uppercased() }.sorted())
    let needed = "\(scale) class \(Self.roman(minimum)) or higher is needed"
    let ask = "Please document the angina's \(scale) functional class."
    guard let worst = graded.max(by: { $0.value.class < $1.value.class }) else {
      let other = classes.first.map {
        " (\($0.value.system.rawValue.uppercased()) class \(Self.roman($0.value.class)) is"
          + " documented)"
      }
      return .notDocumented(
        "No \(scale) class of the angina is documented\(other ?? "").", ask: ask,
        evidence: classes.evidence())
    }
    let summary =
      "The angina is \(worst.value.system.rawValue.uppercased()) class"
      + " \(Self.roman(worst.value.class)); \(needed)."
    guard worst.value.class >= minimum else {
      return .notMet(summary, ask: ask, evidence: graded.evidence())
    }
    return .met(summary, evidence: graded.evidence())
  }

  func interrogationReport(_ devices: Set<TrialDevice>) -> Finding {
    let reports = facts.deviceInterrogations.filter { devices.contains($0.value.device) }
    guard let report = reports.first else {
      return .notDocumented(
        "The device's analysis (interrogation) report is not documented.",
        ask: "Please send the pump analysis (interrogation) report with the request.")
    }
    let date = report.value.date.map { " of \($0.usFormat)" } ?? ""
    return .met(
      "The analysis report\(date) is documented\(quote(report)).", evidence: reports.evidence())
  }

  /// The fact's first quote, for a reason that names what it read: ` ("lead has migrated")`.
  private func quote<Payload>(_ cited: Cited<Payload>) -> String {
    guard let text = cited.evidence.first?.text, !text.isEmpty else { return "" }
    let words = text.count > 90 ? text.prefix(87) + "..." : Substring(text)
    return " (\"\(words)\")"
  }

  private static func specialtyName(_ specialty: ConsultationSpecialty) -> String {
    switch specialty {
    case .infectiousDisease: "infectious-disease"
    }
  }

  private static func roman(_ grade: Int) -> String {
    ["0", "I", "II", "III", "IV"][min(max(grade, 0), 4)]
  }
}
