import Model

// Rules about the requested procedure itself: guidance, levels, several on one day.
extension CaseContext {
  func imageGuidance(_ allowed: Set<ImageGuidance>) -> Finding {
    let primary = codes.filter { !$0.isAddOn }
    let checked = primary.isEmpty ? codes : primary
    // A request for the unguided code states the technique itself: no later document can
    // supply the guidance, so the request contradicts the criterion.
    if let unguided = checked.first(where: { $0.guidance == .none }) {
      return .notMet(
        "Code \(unguided.code) is the code for the procedure without imaging guidance.",
        ask: "Please confirm the procedure will be done under imaging guidance and send the"
          + " matching code.")
    }
    if let other = checked.first(where: {
      $0.guidance != .unspecified && !allowed.contains($0.guidance)
    }) {
      return .notMet(
        "Code \(other.code) uses \(spoken(other.guidance.rawValue)) guidance, which this"
          + " guideline does not accept.",
        ask: "Please confirm the imaging guidance planned.")
    }
    let codesText = listed(checked.map(\.code), conjunction: "and")
    if checked.allSatisfy({ $0.guidance == .unspecified }) {
      return plannedGuidance(allowed, codes: codesText)
    }
    if request.cpt.isEmpty {
      return .met(
        "No code was requested; the service named (\(request.service ?? "the procedure")) is read"
          + " as code \(codesText), under the imaging guidance the guideline requires.")
    }
    return .met("Code \(codesText) includes imaging guidance.")
  }

  private func spokenGuidance(_ guidance: PlannedGuidance) -> String {
    switch guidance {
    case .fluoroscopy: "fluoroscopic"
    case .ct: "CT"
    case .ultrasound: "ultrasound"
    case .imaging: "image"
    case .unguided: "no"
    }
  }

  /// For codes that do not include guidance, what the documents plan: the guidance must be
  /// stated in a form, a plan or the request's sentence (GOLD-REVIEW.md, rule 12).
  private func plannedGuidance(_ allowed: Set<ImageGuidance>, codes: String) -> Finding {
    let accepted =
      allowed.contains(.ultrasound) ? "fluoroscopy, CT or ultrasound" : "fluoroscopy or CT"
    let ask = "Please state the imaging guidance planned for the procedure (\(accepted))."
    let lead = "Code \(codes) does not include imaging guidance"
    guard let planned = request.guidance else {
      return .notDocumented(
        "\(lead), and the documents do not say the procedure will be done under it.", ask: ask)
    }
    let kind: ImageGuidance?
    switch planned {
    case .fluoroscopy, .ct: kind = .fluoroscopyOrCT
    case .ultrasound: kind = .ultrasound
    case .imaging: kind = nil
    case .unguided:
      return .notMet("\(lead), and the documents plan it without imaging.", ask: ask)
    }
    if let kind, !allowed.contains(kind) {
      return .notMet(
        "\(lead); the documents plan \(spokenGuidance(planned)) guidance, which this guideline"
          + " does not accept.", ask: ask)
    }
    return .met("\(lead); the documents plan it under \(spokenGuidance(planned)) guidance.")
  }

  func requestedRegion(_ allowed: Set<Region>) -> Finding {
    let names = listed(allowed.map(\.rawValue).sorted().map(spoken))
    guard let region = request.region else {
      return .notDocumented(
        "The region to be treated is not stated; \(names) is needed.",
        ask: "Please state the region to be treated.")
    }
    if allowed.contains(region) {
      return .met("The \(spoken(region.rawValue)) region is requested.")
    }
    return .notMet(
      "The \(spoken(region.rawValue)) region is requested; this indication covers \(names).",
      ask: "Please confirm the region to be treated.")
  }

  func levels(atMost maximum: Int) -> Finding {
    let addOns = codes.filter(\.isAddOn).count
    let primaries = codes.count - addOns
    let count = max(Set(request.levels.map { $0.uppercased() }).count, primaries + addOns)
    let summary =
      "\(count) level\(count == 1 ? " is" : "s are") requested; at most \(maximum) in one day."
    if count <= maximum { return .met(summary) }
    return .notMet(summary, ask: "Please limit the request to \(maximum) levels on one day.")
  }

  func sameDay(_ policy: SameDayPolicy) -> Finding {
    if policy.forbidsBilateral, request.side == .bilateral {
      return .notMet(
        "Bilateral blocks are requested for one day of service, which the guideline does not"
          + " allow.", ask: "Please request one side per day of service.")
    }
    let mine = Set(codes.map(\.procedure))
    let others = otherRequested.filter { !mine.contains($0.procedure) }
    guard let other = others.first else {
      return .met("One procedure is requested for the day of service.")
    }
    let sameRegion = others.filter { !$0.regions.isDisjoint(with: regions) }
    guard let clash = sameRegion.first else {
      return .notDocumented(
        "Procedures in different regions (code \(other.code)) are requested for one day.",
        ask: "Please document the medical reason the regions must be treated on the same day"
          + " (for example, anticoagulation that cannot be held twice).")
    }
    let pair: Set<ProcedureKind> = [clash.procedure, requestedProcedure]
    let facetWithEpidural =
      pair.contains(.epiduralInjection)
      && !pair.isDisjoint(with: [.facetInjection, .medialBranchBlock])
    let cyst = facts.imagingFindings.filter {
      policy.combinationAllowedWith.contains($0.value.finding)
    }
    if facetWithEpidural, !cyst.isEmpty {
      return .met(
        "A facet injection with an epidural on one day is allowed for a synovial cyst seen on"
          + " imaging.", evidence: cyst.evidence())
    }
    return .notMet(
      "Different procedures in the same region (code \(clash.code)) are requested for one day.",
      ask: "Please request the procedures on separate days of service.")
  }
}
