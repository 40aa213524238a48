import Model

// Rules about conservative treatment, home exercise and medication courses.
extension CaseContext {
  func conservativeTreatment(_ policy: ConservativeTreatmentPolicy) -> Finding {
    let counted = treatments(policy.modalities)
    let planned = facts.therapies().filter { $0.value.status == .planned }
    let evidence = counted.evidence() + planned.evidence()

    if policy.ongoingSufficesAfterPriorInjection, hasPriorSpinalInjection,
      let ongoing = counted.first(where: { isOngoing($0.value) })
    {
      return .met(
        "After earlier injections in this region, ongoing \(name(ongoing.value)) is documented.",
        evidence: evidence)
    }
    let procedures =
      policy.countsProcedures ? episode.allPriors.filter(\.value.procedure.isInjection) : []
    guard !counted.isEmpty || !procedures.isEmpty else {
      let plannedNote =
        planned.isEmpty ? "" : " (\(listed(planned.map { name($0.value) })) only planned)"
      return .notDocumented(
        "No conservative treatment is documented\(plannedNote).", ask: treatmentRequest(policy),
        evidence: evidence)
    }
    if let missing = missingComponent(counted, policy: policy) {
      return .notDocumented(missing, ask: treatmentRequest(policy), evidence: evidence)
    }
    if let short = shortCourse(counted, procedures: procedures, policy: policy) {
      return .notDocumented(short, ask: treatmentRequest(policy), evidence: evidence)
    }
    return treatmentFailure(counted, evidence: evidence)
  }

  /// Therapies that were tried (not merely planned), of the modalities that count.
  func treatments(_ modalities: Set<TherapyModality>?) -> [Cited<Therapy>] {
    facts.therapies().filter { therapy in
      therapy.value.status != .planned
        && (modalities.map { $0.contains(therapy.value.modality) } ?? true)
    }
  }

  private var hasPriorSpinalInjection: Bool {
    episode.allPriors.contains {
      $0.value.procedure.isInjection && Episode.sameRegion($0.value.region, regions)
    }
  }

  private func isOngoing(_ therapy: Therapy) -> Bool {
    therapy.status == .ongoing
  }

  private func missingComponent(_ counted: [Cited<Therapy>], policy: ConservativeTreatmentPolicy)
    -> String?
  {
    guard policy.requiresActiveAndInactive else { return nil }
    let hasActive = counted.contains { $0.value.modality.isActive }
    let hasInactive =
      counted.contains { $0.value.modality.isInactive } || hasPriorSpinalInjection
    switch (hasActive, hasInactive) {
    case (true, true): return nil
    case (false, true):
      return "Only inactive treatment (\(listed(counted.map { name($0.value) }))) is documented;"
        + " an active one (physical therapy, home exercise or chiropractic care) is needed too."
    case (true, false):
      return "Only active treatment (\(listed(counted.map { name($0.value) }))) is documented;"
        + " an inactive one (medication, injection or a device such as TENS or a brace) is"
        + " needed too."
    case (false, false):
      return "Neither an active nor an inactive treatment is documented."
    }
  }

  /// A sentence with the numbers when the course is shorter than the policy needs or its
  /// length is unknown; `nil` when it is long enough.
  private func shortCourse(
    _ counted: [Cited<Therapy>], procedures: [Cited<PriorProcedure>],
    policy: ConservativeTreatmentPolicy
  ) -> String? {
    // The active treatment carries the length; a home program's length is what its own
    // follow-up criterion asks, so a course whose only active part is one is measured whole.
    let activeOther = counted.filter {
      $0.value.modality.isActive && $0.value.modality != .homeExercise
    }
    let relied = policy.requiresActiveAndInactive && !activeOther.isEmpty ? activeOther : counted
    let window = treatmentWindow(policy)
    let spans = relied.map { ($0.value, courseDays($0.value, window: window)) }
    var longest = spans.compactMap(\.1).max()
    if let union = unionDays(relied.map(\.value), window: window) {
      longest = max(longest ?? 0, union)
    }
    if policy.countsProcedures, let history = treatmentHistoryDays(counted, procedures) {
      longest = max(longest ?? 0, history)
    }
    // A treatment history of unstated length (medication trials over years) is read as
    // spanning the pain's documented duration.
    if policy.countsProcedures, (longest ?? 0) < policy.minimumDays,
      relied.contains(where: { courseDays($0.value, window: window) == nil }),
      let months = painMonths()
    {
      longest = max(longest ?? 0, nearestInteger(months * 30))
    }
    let needed = needSentence(policy, window: window)
    guard let longest else {
      return "The length of \(listed(relied.map { name($0.value) })) is not documented; \(needed)."
    }
    guard longest < policy.minimumDays else { return nil }

    let described = spans.map { describe($0.0, days: $0.1) }
    let stopped =
      relied.contains { $0.value.status == .discontinued }
      ? " Stopping treatment without a documented medical reason is not an inability to do it."
      : ""
    return "\(listed(described, conjunction: "and")); \(needed).\(stopped)"
  }

  private func treatmentWindow(_ policy: ConservativeTreatmentPolicy) -> ClosedRange<Int>? {
    guard let months = policy.windowMonths, let reference = referenceDate else { return nil }
    return reference.adding(months: -months).dayNumber...reference.dayNumber
  }

  private func needSentence(_ policy: ConservativeTreatmentPolicy, window: ClosedRange<Int>?)
    -> String
  {
    let length = spokenLength(days: policy.minimumDays)
    guard let months = policy.windowMonths else { return "\(length) are needed" }
    guard let window, let reference = referenceDate else {
      return "\(length) within the last \(plural(Double(months), "month")) are needed"
    }
    _ = window
    return "\(length) within the \(plural(Double(months), "month")) before"
      + " \(reference.usFormat) are needed"
  }

  private func treatmentRequest(_ policy: ConservativeTreatmentPolicy) -> String {
    let length = spokenLength(days: policy.minimumDays)
    var request = "Please send treatment notes with dates of service showing at least \(length)"
    if policy.requiresActiveAndInactive {
      request +=
        " of an active treatment (physical therapy, home exercise or chiropractic care)"
        + " together with an inactive one (medication, injection, TENS or brace)"
    } else {
      request += " of conservative treatment"
    }
    if let months = policy.windowMonths, let reference = referenceDate {
      request += " since \(reference.adding(months: -months).usFormat)"
    }
    return request + ", and how the pain responded."
  }

  /// Whether the treatment failed, judged on the active treatment first: an active course
  /// that helped outweighs a medication that did not.
  private func treatmentFailure(_ counted: [Cited<Therapy>], evidence: [Evidence]) -> Finding {
    let active = counted.filter { $0.value.modality.isActive }
    let judged =
      active.contains { $0.value.outcome != nil && $0.value.outcome != .unknown }
      ? active : counted
    let failed = judged.filter { $0.value.outcome == .failed || $0.value.outcome == .worsened }
    if let first = failed.first {
      return .met(
        "\(name(first.value).capitalizedFirst) did not relieve the pain"
          + " (\(first.value.outcome!.rawValue)).", evidence: evidence)
    }
    let improved = judged.filter { $0.value.outcome == .improved }
    if !improved.isEmpty {
      // Improvement is not the failure the criterion needs, but the provider may document
      // that the pain persisted: not documented rather than contradicted.
      return .notDocumented(
        "\(listed(improved.map { name($0.value) }).capitalizedFirst) improved the pain; the"
          + " guideline needs conservative treatment to have failed.",
        ask: "Please document whether the pain persisted despite treatment.",
        evidence: evidence)
    }
    // An outcome not written down is read as no meaningful improvement: the request itself
    // says the pain persists after the course.
    return .met(
      "\(listed(counted.map { name($0.value) }).capitalizedFirst) was tried and the pain"
        + " persists.", evidence: evidence)
  }

  /// Days of a course that counts in the window: the whole course when it ended inside the
  /// window or is still going (reviewers read "six weeks in the last six months" as a
  /// course that ended recently, not day by day); none when it ended before the window.
  func courseDays(_ therapy: Therapy, window: ClosedRange<Int>?) -> Int? {
    let interval = dayInterval(therapy)
    if let window, let last = interval?.upperBound ?? therapy.end.map(lastDay),
      last < window.lowerBound
    {
      return 0
    }
    if let weeks = therapy.weeks { return nearestInteger(weeks * 7) }
    return interval.map { $0.upperBound - $0.lowerBound }
  }

  /// The last day a date can mean: the month's last day for a month-only date.
  private func lastDay(_ date: ClinicalDate) -> Int {
    guard date.day == nil else { return date.dayNumber }
    return date.dayNumber + ClinicalDate.daysIn(month: date.month, year: date.year) - 1
  }

  /// The course's first and last day when its start is known.
  private func dayInterval(_ therapy: Therapy) -> Range<Int>? {
    if let weeks = therapy.weeks,
      let start = therapy.start ?? therapy.end?.adding(days: -nearestInteger(weeks * 7))
    {
      return start.dayNumber..<(start.dayNumber + nearestInteger(weeks * 7))
    }
    guard let start = therapy.start else { return nil }
    if let end = therapy.end { return start.dayNumber..<max(start.dayNumber, lastDay(end)) }
    // Ongoing treatment is documented up to the latest note, not to the planned date.
    guard isOngoing(therapy), let documented = facts.noteDate ?? referenceDate else { return nil }
    return start.dayNumber..<max(start.dayNumber, documented.dayNumber)
  }

  /// Days covered by dated courses together, inside the window.
  private func unionDays(_ therapies: [Therapy], window: ClosedRange<Int>?) -> Int? {
    var intervals = therapies.compactMap(dayInterval).filter { interval in
      window.map { interval.upperBound >= $0.lowerBound } ?? true
    }
    guard !intervals.isEmpty else { return nil }
    intervals.sort { $0.lowerBound < $1.lowerBound }
    var total = 0
    var current = intervals[0]
    for interval in intervals.dropFirst() {
      if interval.lowerBound <= current.upperBound {
        current = current.lowerBound..<max(current.upperBound, interval.upperBound)
      } else {
        total += current.count
        current = interval
      }
    }
    return total + current.count
  }

  /// From the first documented treatment or procedure to the last, for guidelines that count
  /// interventional procedures as conservative treatment.
  private func treatmentHistoryDays(
    _ counted: [Cited<Therapy>], _ procedures: [Cited<PriorProcedure>]
  ) -> Int? {
    let starts = counted.compactMap(\.value.start) + procedures.compactMap(\.value.date)
    guard let first = starts.min(), let reference = referenceDate else { return nil }
    let ends =
      counted.map { therapy in
        isOngoing(therapy.value) ? reference : (therapy.value.end ?? therapy.value.start ?? first)
      } + procedures.compactMap(\.value.date)
    guard let last = ends.max() else { return nil }
    return first.days(until: min(last, reference))
  }

  private func describe(_ therapy: Therapy, days: Int?) -> String {
    let label = name(therapy).capitalizedFirst
    guard let days else { return "\(label) of unknown length" }
    let length = plural(Double(days) / 7, "week")
    if let start = therapy.start, let end = therapy.end {
      return "\(label) \(start.usFormat)-\(end.usFormat) is \(length)"
    }
    return "\(label) counts \(length)"
  }

  func name(_ therapy: Therapy) -> String {
    if therapy.modality == .physicalTherapy { return "PT" }
    if let drug = therapy.name { return drug }
    return spoken(therapy.modality.rawValue)
  }

  private func spokenLength(days: Int) -> String {
    if days % 30 == 0 && days >= 90 { return plural(Double(days / 30), "month") }
    return plural(Double(days) / 7, "week")
  }

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
    let followedUp = programs.first {
      $0.value.followUpDocumented == true || $0.value.status == .unable
        || $0.value.status == .completed
    }
    switch (prescribed, followedUp) {
    case (let prescribed?, _?):
      return .met(
        "The home exercise program was prescribed by a \(spoken(prescribed.value.prescribedBy!.rawValue))"
          + " and followed up.", evidence: programs.evidence())
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
    let courses = facts.therapies().filter { cited in
      let therapy = cited.value
      guard therapy.modality == .medication, therapy.status != .planned else { return false }
      if requirement.names.isEmpty && requirement.classes.isEmpty { return true }
      return therapy.name.map(requirement.names.contains) == true
        || therapy.drugClass.map(requirement.classes.contains) == true
    }
    let opioids =
      requirement.opioidUseCounts ? facts.opioidUses().filter { $0.value.status != .naive } : []
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
        "\(listed(courses.map { name($0.value) }).capitalizedFirst) is documented.",
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
          "\(listed(courses.map { name($0.value) }).capitalizedFirst) continue through pain of"
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
    return .met(summary, evidence: evidence)
  }

  func opioidExposure() -> Finding {
    let uses = facts.opioidUses()
    if let use = uses.first(where: { $0.value.status != .naive }) {
      return .met(
        "Opioid use is documented (\(use.value.status.rawValue)).", evidence: uses.evidence())
    }
    // An explicit "opioid naive" outweighs a medication known only by its class; a named
    // opioid does not.
    let isNaive = uses.contains { $0.value.status == .naive }
    let opioidCourses = facts.therapies().filter {
      $0.value.name.map(Self.opioidNames.contains) == true
        || (!isNaive && $0.value.drugClass == "opioid")
    }
    if !opioidCourses.isEmpty {
      return .met(
        "Opioid medication is documented (\(listed(opioidCourses.map { name($0.value) }))).",
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

  static let opioidNames: Set<String> = [
    "hydrocodone", "oxycodone", "morphine", "hydromorphone", "tramadol", "tapentadol",
    "fentanyl", "methadone", "buprenorphine", "oxymorphone", "codeine",
  ]
}

extension String {
  /// The string with its first letter upper case.
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
