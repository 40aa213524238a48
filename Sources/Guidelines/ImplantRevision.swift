import Matching
import Model

/// What 1752 and 1757 ask of an implant's revision, replacement or removal: a documented
/// reason the guideline lists, and after an infection of the device an infectious-disease
/// consultation, twelve weeks from the removal of the infected device to the new one, and a
/// nasal S. aureus screen with decolonization of a positive patient.
enum ImplantRevision {
  /// The device's infection is documented as the problem (the reason for the revision, or
  /// what ended the earlier device before a new permanent implant).
  static let afterInfection = CaseCondition.implantProblem([.infection])

  static func criteria(
    guideline number: String, section: String, reasons: Set<ImplantProblemKind>,
    implantCodes: Set<String>
  ) -> [Criterion] {
    let infection = "\(section): Infection"
    return [reason(number, section, reasons), screenAfterInfection(number, infection)]
      + afterInfectionCriteria(
        guideline: number, phase: "revision", section: infection, implantCodes: implantCodes)
      + [colonization(number)]
  }

  private static func reason(
    _ number: String, _ section: String, _ reasons: Set<ImplantProblemKind>
  ) -> Criterion {
    Criterion(
      "\(number).revision.reason", section: section, family: .diagnosis,
      "A reason the guideline lists for the revision, replacement or removal is documented: "
        + reasons.map(spokenReason).sorted().joined(separator: ", ") + ".",
      rule: .implantProblem(anyOf: reasons))
  }

  private static func screenAfterInfection(_ number: String, _ section: String) -> Criterion {
    Criterion(
      "\(number).revision.decolonization", section: section, family: .mrsaDecolonization,
      "Before re-implanting after an infection, a nasal S. aureus screen, and decolonization"
        + " of a positive patient starting no earlier than 10 days before.",
      rule: .when(afterInfection, .decolonization(maximumDaysBefore: 10, requiresScreen: true)))
  }

  /// Without an infection, the colonization rule every implant follows.
  private static func colonization(_ number: String) -> Criterion {
    Criterion(
      "\(number).colonization", section: "Indications", family: .mrsaDecolonization,
      "A patient colonized with MRSA or MSSA has decolonization starting no earlier than 10"
        + " days before the procedure.",
      rule: .when(.not(afterInfection), .decolonization(maximumDaysBefore: 10)))
  }

  /// The infectious-disease consultation and the twelve weeks after removing an infected
  /// device, which 1757 also asks of a permanent stimulator after a device infection.
  ///
  /// The interval is measured from the documented removal. A request that puts a device in
  /// (one of `implantCodes`) needs that removal documented; a request only to take a device
  /// out (a removal code, or 63688's "revision or removal") is held to the interval only when
  /// an earlier removal is documented.
  ///
  /// Shortcoming: 1757 asks this of a permanent stimulator only after a non-superficial
  /// infection, but `implantProblem` does not record depth, so a superficial wound
  /// infection documented as the device's also calls for the consultation and the interval.
  static func afterInfectionCriteria(
    guideline number: String, phase: String, section: String, implantCodes: Set<String>
  ) -> [Criterion] {
    let newDevice = CaseCondition.anyOf([.prior([.deviceRemoval]), .requestedCode(implantCodes)])
    return [
      Criterion(
        "\(number).\(phase).infectiousDisease", section: section, family: .other,
        "After an infection of the device, a consultation with an infectious-disease specialist.",
        rule: .when(afterInfection, .consultation(.infectiousDisease))),
      Criterion(
        "\(number).\(phase).interval", section: section, family: .interval,
        "Twelve weeks or more between removing an infected device and implanting the new one.",
        rule: .when(
          .allOf([afterInfection, newDevice]),
          .interval(
            IntervalRequirement(
              minimumDays: Days.weeks(12), scope: .since([.deviceRemoval]), requiresDate: true,
              requiresPrior: true)))),
    ]
  }

  /// A problem as the criterion's description names it: `lossOfEffect` → "loss of effect".
  private static func spokenReason(_ problem: ImplantProblemKind) -> String {
    switch problem {
    case .other: "another medical reason"
    case .patientRequest: "patient demand"
    case .malfunction: "device malfunction"
    default:
      problem.rawValue.reduce(into: "") { words, character in
        if character.isUppercase { words.append(" ") }
        words.append(character.lowercased())
      }
    }
  }
}
