import Matching
import Model

/// The infection conditions 1752 and 1757 state for replacing or revising an implant.
///
/// A re-implant after removal of an infected device shows in the facts as two or more earlier
/// device procedures (the implant and its removal). The guidelines then want a nasal
/// S. aureus screen with decolonization of a positive patient, and twelve weeks between the
/// removal and the new device.
enum ImplantRevision {
  static func criteria(guideline number: String, section: String) -> [Criterion] {
    let reimplant = CaseCondition.priorsOfSameKind(atLeast: 2)
    return [
      Criterion(
        "\(number).revision.decolonization", section: "\(section): Infection",
        family: .mrsaDecolonization,
        "Before re-implanting after an infection, a nasal S. aureus screen, and decolonization"
          + " of a positive patient starting no earlier than 10 days before.",
        rule: .when(reimplant, .decolonization(maximumDaysBefore: 10, requiresScreen: true))),
      Criterion(
        "\(number).revision.interval", section: "\(section): Infection", family: .interval,
        "Twelve weeks or more between removing an infected device and implanting the new one.",
        rule: .when(reimplant, .interval(IntervalRequirement(minimumDays: 84, scope: .sameKind)))),
      Criterion(
        "\(number).colonization", section: "Indications", family: .mrsaDecolonization,
        "A patient colonized with MRSA or MSSA has decolonization starting no earlier than 10"
          + " days before the procedure.",
        rule: .when(.not(reimplant), .decolonization(maximumDaysBefore: 10))),
    ]
  }
}
