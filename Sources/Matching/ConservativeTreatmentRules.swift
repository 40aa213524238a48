import Model

// Rules about conservative treatment: which courses count, how long, and whether they failed.
extension CaseContext {
  func conservativeTreatment(_ policy: ConservativeTreatmentPolicy) -> Finding {
    let counted = treatments(policy.modalities)
    let planned = facts.therapies.filter { $0.value.status == .planned }
    let unattended = facts.therapies.filter { $0.value.attended == false }
    let evidence = counted.evidence() + planned.evidence() + unattended.evidence()

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
      let untried = untriedNote(planned: planned, unattended: unattended)
      return .notDocumented(
        "No conservative treatment is documented\(untried).", ask: treatmentRequest(policy),
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

  /// " (PT only planned; chiropractic care referred but never attended)": what was named
  /// but not tried, or "" when nothing was.
  private func untriedNote(planned: [Cited<Therapy>], unattended: [Cited<Therapy>]) -> String {
    let parts = [(planned, "only planned"), (unattended, "referred but never attended")]
      .compactMap { therapies, words in
        therapies.isEmpty
          ? nil : "\(listed(therapies.map { name($0.value) }, conjunction: "and")) \(words)"
      }
    return parts.isEmpty ? "" : " (\(parts.joined(separator: "; ")))"
  }

  /// Therapies that were tried (not merely planned, nor referred and never attended), of
  /// the modalities that count.
  func treatments(_ modalities: Set<TherapyModality>?) -> [Cited<Therapy>] {
    facts.therapies.filter { therapy in
      therapy.value.status != .planned && therapy.value.attended != false
        && (modalities.map { $0.contains(therapy.value.modality) } ?? true)
    }
  }

  private var hasPriorSpinalInjection: Bool {
    episode.allPriors.contains {
      $0.value.procedure.isInjection && Episode.sameRegion($0.value.region, regions)
    }
  }

  func isOngoing(_ therapy: Therapy) -> Bool {
    therapy.status == .ongoing
  }

  private func missingComponent(_ counted: [Cited<Therapy>], policy: ConservativeTreatmentPolicy)
    -> String?
  {
    guard policy.requiresActiveAndInactive else { return nil }
    // Where the whole course carries the length, an active treatment dropped without a
    // medical reason is not one the pain failed to respond to, so it supplies no component.
    let dropped = counted.filter {
      policy.measuresWholeCourse && $0.value.modality.isActive && $0.value.status == .discontinued
    }
    let active = counted.filter { $0.value.modality.isActive }
    let hasActive = active.count > dropped.count
    let hasInactive =
      counted.contains { $0.value.modality.isInactive } || hasPriorSpinalInjection
    switch (hasActive, hasInactive) {
    case (true, true): return nil
    case (false, true) where !dropped.isEmpty:
      return
        "\(names(dropped).capitalizedFirst) was stopped without a documented medical reason,"
        + " leaving only inactive treatment; an active one (physical therapy, home exercise or"
        + " chiropractic care) carried through is needed too."
    case (false, true):
      return
        "Only inactive treatment (\(names(counted))) is documented;"
        + " an active one (physical therapy, home exercise or chiropractic care) is needed too."
    case (true, false):
      return
        "Only active treatment (\(names(counted))) is documented;"
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
    let measuresActive = policy.requiresActiveAndInactive && !policy.measuresWholeCourse
    let relied = measuresActive && !activeOther.isEmpty ? activeOther : counted
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
      return
        "The length of \(names(relied)) is not documented; \(needed)."
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
    guard window != nil, let reference = referenceDate else {
      return "\(length) within the last \(plural(Double(months), "month")) are needed"
    }
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
  func treatmentFailure(_ counted: [Cited<Therapy>], evidence: [Evidence]) -> Finding {
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
        "\(names(improved).capitalizedFirst) improved the pain; the"
          + " guideline needs conservative treatment to have failed.",
        ask: "Please document whether the pain persisted despite treatment.",
        evidence: evidence)
    }
    // An outcome not written down is read as no meaningful improvement: the request itself
    // says the pain persists after the course.
    return .met(
      "Tried, with the pain persisting: \(names(counted)).",
      evidence: evidence)
  }

  /// Days of a course that counts in the window: the whole course when it ended inside the
  /// window or is still going (reviewers read "six weeks in the last six months" as a
  /// course that ended recently, not day by day); none when it ended before the window.
  func courseDays(_ therapy: Therapy, window: ClosedRange<Int>?) -> Int? {
    let interval = dayInterval(therapy)
    if let window, let last = interval?.upperBound ?? therapy.end.map({ lastDay($0) }),
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
    var intervals = therapies.compactMap { dayInterval($0) }.filter { interval in
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

  /// The treatments as a reason lists them: "PT, ibuprofen and gabapentin".
  func names(_ courses: [Cited<Therapy>]) -> String {
    listed(courses.map { name($0.value) }, conjunction: "and")
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
}

extension String {
  /// The string with its first letter upper case.
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
