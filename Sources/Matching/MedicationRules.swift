import Model

// Rules about the home exercise program, ongoing and failed treatment, and medication courses.
extension CaseContext {
  func homeExerciseProgram() -> Finding {
    let tried = treatments(nil)
    if let other = tried.first(where: {
      $0.value.modality.isActive && $0.value.modality != .homeExercise
    }) {
      return .met(
        "\(name(other.value).capitalizedFirst) is the active treatment; the home exercise"
          + " program's two elements are not relied on.", evidence: [other].evidence())
    }
    let programs = tried.filter { $0.value.modality == .homeExercise }
    guard !programs.isEmpty else {
      return .met("No home exercise program is relied on as the active treatment.")
    }
    let prescribed = programs.first { $0.value.prescribedBy != nil }
    // Completion, or a medical reason it could not be done, is itself the follow-up, unless
    // the documents say outright that the program was not followed up.
    let followedUp = programs.first {
      $0.value.followUpDocumented == true
        || $0.value.followUpDocumented == nil
          && ($0.value.status == .unable || $0.value.status == .completed)
    }
    switch (prescribed, followedUp) {
    case (let prescribed?, _?):
      let prescriber = spoken(prescribed.value.prescribedBy!.rawValue)
      return .met(
        "The home exercise program was prescribed by a \(prescriber) and followed up.",
        evidence: programs.evidence())
    case (nil, _?):
      return .notDocumented(
        "The home exercise program has no documented prescription by a physician, physical"
          + " therapist or chiropractor.",
        ask: "Please send the home exercise prescription or plan and who provided it.",
        evidence: programs.evidence())
    case (_, nil):
      return .notDocumented(
        "No follow-up on whether the home exercise program was completed, or why it could not"
          + " be, is documented.",
        ask: "Please send a follow-up note on completion of the home exercise program after"
          + " 6 weeks, or the medical reason it could not be completed.",
        evidence: programs.evidence())
    }
  }

  func ongoingTreatment(_ modalities: Set<TherapyModality>?) -> Finding {
    let tried = treatments(modalities)
    let kinds = modalities.map { listed($0.map(\.rawValue).sorted().map(spoken)) }
    if let ongoing = tried.first(where: { isOngoing($0.value) }) {
      return .met("Ongoing \(name(ongoing.value)) is documented.", evidence: tried.evidence())
    }
    return .notDocumented(
      "No ongoing \(kinds ?? "conservative treatment") is documented.",
      ask: "Please document the treatment the patient is currently doing"
        + " (\(kinds ?? "for example physical therapy or a home exercise program")).",
      evidence: tried.evidence())
  }

  func failedTreatment(_ modalities: Set<TherapyModality>?) -> Finding {
    let tried = treatments(modalities)
    let kinds = modalities.map { listed($0.map(\.rawValue).sorted().map(spoken)) }
    guard !tried.isEmpty else {
      return .notDocumented(
        "No \(kinds ?? "conservative treatment") is documented.",
        ask: "Please send notes of the \(kinds ?? "conservative treatment") tried and its result.")
    }
    return treatmentFailure(tried, evidence: tried.evidence())
  }

  func medication(_ requirement: MedicationRequirement) -> Finding {
    let courses = facts.therapies.filter { cited in
      let therapy = cited.value
      guard therapy.modality == .medication, therapy.status != .planned else { return false }
      if requirement.names.isEmpty && requirement.classes.isEmpty { return true }
      return therapy.name.map(requirement.names.contains) == true
        || therapy.drugClass.map(requirement.classes.contains) == true
    }
    let opioids =
      requirement.opioidUseCounts ? facts.opioidUses.filter { $0.value.status != .naive } : []
    let evidence = courses.evidence() + opioids.evidence()
    let ask =
      "Please document the \(requirement.label) medication"
      + (requirement.minimumWeeks.map { " taken for at least \(plural($0, "week"))" } ?? "")
      + ", with dates."
    if let unable = courses.first(where: { $0.value.status == .unable }) {
      return .met(
        "A medical reason \(name(unable.value)) cannot be taken is documented.", evidence: evidence)
    }
    guard !courses.isEmpty || !opioids.isEmpty else {
      return .notDocumented("No \(requirement.label) medication is documented.", ask: ask)
    }
    if requirement.mustBeCurrent, !courses.contains(where: { isOngoing($0.value) }) {
      let finished = courses.filter {
        $0.value.status == .completed || $0.value.status == .discontinued
      }
      if let course = finished.first {
        return .notMet(
          "The \(requirement.label) course (\(name(course.value))) has ended; a current one is"
            + " needed.", ask: ask, evidence: evidence)
      }
      return .notDocumented(
        "No current \(requirement.label) medication is documented.", ask: ask, evidence: evidence)
    }
    guard let weeks = requirement.minimumWeeks else {
      return .met(
        "Documented: \(names(courses)).",
        evidence: evidence)
    }
    let longest =
      (courses.compactMap { courseDays($0.value, window: nil) }.map { Double($0) / 7 }
      + opioids.compactMap(\.value.weeks)).max()
    guard let longest else {
      // Courses of unstated length that are still going are read as spanning the pain's
      // documented duration ("on hydrocodone for years").
      if let months = painMonths(), months * 30.44 / 7 >= weeks,
        courses.contains(where: { isOngoing($0.value) }) || !opioids.isEmpty
      {
        return .met(
          "\(names(courses).capitalizedFirst) continue through pain of"
            + " \(plural(months, "month")); \(plural(weeks, "week")) are needed.",
          evidence: evidence)
      }
      return .notDocumented(
        "How long the \(requirement.label) medication was taken is not documented.", ask: ask,
        evidence: evidence)
    }
    let summary =
      "The longest \(requirement.label) medication course is"
      + " \(plural(longest, "week")); \(plural(weeks, "week")) are needed."
    guard longest >= weeks else { return .notDocumented(summary, ask: ask, evidence: evidence) }
    if requirement.requiresFailure, !courses.contains(where: { Self.fellShort($0.value) }) {
      return .notDocumented(
        summary + " It is not documented that the medication failed or was not tolerated.",
        ask: "Please document the response to the \(requirement.label) medication.",
        evidence: evidence)
    }
    return .met(summary, evidence: evidence)
  }

  func opioidExposure() -> Finding {
    let uses = facts.opioidUses
    if let use = uses.first(where: { $0.value.status != .naive }) {
      return .met(
        "Opioid use is documented (\(use.value.status.rawValue)).", evidence: uses.evidence())
    }
    // An explicit "opioid naive" outweighs a medication known only by its class; a named
    // opioid does not.
    let isNaive = uses.contains { $0.value.status == .naive }
    let opioidCourses = facts.therapies.filter {
      $0.value.name.map(Self.opioidNames.contains) == true
        || (!isNaive && $0.value.drugClass == "opioid")
    }
    if !opioidCourses.isEmpty {
      return .met(
        "Opioid medication is documented (\(names(opioidCourses))).",
        evidence: opioidCourses.evidence())
    }
    let ask = "Please document the patient's opioid history."
    if !uses.isEmpty {
      return .notMet(
        "The patient is documented as opioid-naive; intrathecal trials are not for opioid-naive"
          + " patients.", ask: ask, evidence: uses.evidence())
    }
    return .notDocumented("The patient's opioid history is not documented.", ask: ask)
  }

  /// A course that did not help enough, made things worse, or was stopped (not tolerated).
  static func fellShort(_ therapy: Therapy) -> Bool {
    therapy.outcome == .failed || therapy.outcome == .worsened || therapy.status == .discontinued
  }

  static let opioidNames: Set<String> = [
    "hydrocodone", "oxycodone", "morphine", "hydromorphone", "tramadol", "tapentadol",
    "fentanyl", "methadone", "buprenorphine", "oxymorphone", "codeine",
  ]
}
