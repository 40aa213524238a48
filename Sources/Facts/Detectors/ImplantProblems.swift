import Model

/// Finds what has gone wrong with an implanted stimulator or pump: the problem a revision,
/// replacement or removal answers (a migrated lead, lost coverage, a depleted battery, an
/// infected pocket, a painful generator site).
///
/// Only cases that speak of an implanted device are read, and a sentence's problem must be
/// asserted about the patient: "no lead migration", "if the battery runs low", "risk of
/// infection was discussed" state none.
struct ImplantProblemRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    // A trial's troubles ("the trial was stopped for pocket pain") are the trial's result,
    // not a problem with an implanted device.
    guard reading.concernsImplant, !Self.trial.occurs(in: passage.text) else { return [] }

    let text = passage.text
    // What the whole sentence says, read once, and only for a problem that asks.
    lazy var isRiskTalk = Self.isRiskTalk(text)
    lazy var isConditional = Self.conditional.occurs(in: text)
    lazy var namesDevice = Self.deviceWords.occurs(in: text)
    return Self.problems.compactMap { problem, pattern -> Fact? in
      // Asked first: few sentences speak of the device, and then these problems need not
      // be looked for.
      if Self.needsDeviceWords.contains(problem), !namesDevice { return nil }
      guard let match = pattern.firstMatch(in: text), !isRiskTalk,
        !Self.noneAfter.occurs(in: text, within: match.range.upperBound..<text.utf16.count)
      else { return nil }
      let context = passage.context(ofLocal: match.range)
      guard context.isAffirmedAboutPatient, !isConditional else { return nil }
      if problem == .infection, Self.isAnotherDevice(text) { return nil }
      if problem == .patientRequest,
        Self.reimplant.occurs(in: text) || !Self.removalWords.occurs(in: text)
      {
        return nil
      }

      let detail = ImplantProblem(problem: problem, device: Self.device(in: passage))
      return passage.fact(
        .implantProblem(detail), rule: "implantProblem.\(problem.rawValue)", context: context)
    }
  }

  /// The device the sentence names, else the one its note names first.
  static func device(in passage: Passage) -> TrialDevice? {
    if let named = device(namedIn: passage.text) { return named }
    // The note's device is read once per note: a list, empty when the note names none.
    let noteDevice = passage.note.remembered(.implantDevice) {
      device(namedIn: passage.note.document.text).map { [$0] } ?? []
    }
    return noteDevice.first
  }

  private static func device(namedIn text: String) -> TrialDevice? {
    if dorsalRootGanglion.occurs(in: text) { return .dorsalRootGanglion }
    if stimulator.occurs(in: text) { return .spinalCordStimulator }
    if pump.occurs(in: text) { return .intrathecalPump }
    return nil
  }

  /// Whether a document speaks of an implanted stimulator or pump at all.
  static func concernsImplant(_ text: String) -> Bool {
    stimulator.occurs(in: text) || pump.occurs(in: text) || dorsalRootGanglion.occurs(in: text)
  }

  /// "Infected hardware after her 2019 fusion", "insulin pump site infection": the infection
  /// of a spinal fusion's instrumentation or of another device, not of the implant.
  private static func isAnotherDevice(_ text: String) -> Bool {
    otherDevice.occurs(in: text)
      || (spineInstrumentation.occurs(in: text) && !implantNamed.occurs(in: text))
  }

  private static let otherDevice = TextPattern(#"\binsulin pump\b"#)
  private static let spineInstrumentation = TextPattern(
    #"\b(?:fusion|screws?|rods?|instrumentation|laminectomy|discectomy|cage)\b"#)
  private static let implantNamed = TextPattern(
    #"\b(?:stimulator|SCS|DRG|generator|IPG|pump|leads?|paddle)\b"#)

  /// "Risk of infection and lead migration were discussed": consent talk names problems
  /// that have not happened.
  private static func isRiskTalk(_ text: String) -> Bool { riskTalk.occurs(in: text) }

  private static let hardware =
    #"(?:device|pump|stimulator|SCS|DRG|generator|IPG|IPGs|battery|pocket|hardware|implant"#
    + #"|system|leads?|electrodes?|paddle|catheter|reservoir|extension)"#

  /// Each problem with the shapes notes write it in, in the order they are looked for.
  private static let problems: [(ImplantProblemKind, TextPattern)] = [
    (
      .leadMigration,
      TextPattern(
        #"\b(?:leads?|electrodes?|paddle)\b(?:\s+\S+){0,4}?\s+(?:has |have |had )?(?:migrat\w*"#
          + #"|displac\w*|dislodg\w*)|\bmigrat(?:ed|ion) of (?:the |his |her )?(?:\S+ ){0,2}?"#
          + #"(?:leads?|electrodes?|paddle)\b|\blead (?:migration|displacement|dislodgement)\b"#)
    ),
    (
      .batteryDepletion,
      TextPattern(
        #"\bbattery (?:depletion|depleted|is depleted|has depleted|end of (?:life|service)"#
          + #"|(?:is )?(?:low|dead|drained|exhausted|failing)|died|(?:has )?reached)\b"#
          + #"|\b(?:depleted|dead|drained|exhausted|low) battery\b|\blow-battery\b"#
          + #"|\belective replacement (?:indicator|interval)\b|(?-i:\bERI\b)"#
          + #"|\bend of (?:service|battery life)\b"#
          + #"|\b(?:generator|IPG|pump) (?:is )?(?:at|near|nearing|approaching|has reached)"#
          + #" (?:its )?end of life\b"#)
    ),
    (
      .lossOfEffect,
      TextPattern(
        #"\bloss of (?:\w+ )?(?:effect\w*|efficacy|coverage|paresthesias?|analgesia|benefit"#
          + #"|pain control|stimulation)\b|\blost (?:\w+ ){0,2}?(?:coverage|effect\w*"#
          + #"|efficacy|benefit)\b|\bno longer (?:effective|working|helping|helps|covers"#
          + #"|controls|provides (?:\w+ ){0,2}?(?:relief|coverage|benefit))\b|\b(?:could not"#
          + #"|cannot|unable to) recapture\b|\b(?:diminish\w*|decreas\w*|reduc\w*|wan\w*)"#
          + #" (?:\w+ )?(?:efficacy|effectiveness|coverage)\b|\b(?:device|stimulator|SCS|pump"#
          + #"|IPG|system|it) (?:has |had )?stopped working\b"#)
    ),
    (
      .intolerance,
      TextPattern(
        #"\b(?:cannot|can't|could not|couldn't|unable to|does not|doesn't) tolerate (?:the "#
          + #"|his |her )?(?:stimulation|paresthesias?|stimulator|device|pump|generator|IPG"#
          + #"|intrathecal \w+)\b|\bintoleran\w* (?:of|to) (?:the |his |her )?(?:stimulation"#
          + #"|paresthesias?|stimulator|device|pump|implant|intrathecal \w+)\b|\bintolerable"#
          + #" (?:stimulation|paresthesias?|shocks?|jolts?)\b"#)
    ),
    (
      .infection,
      TextPattern(
        #"\binfected (?:\S+ ){0,2}?"# + hardware + #"\b|\b"# + hardware
          + #"\b(?:[\s-]+\S+){0,6}?[\s-]+infection\b|\binfection (?:of|in|around|at|along)"#
          + #" (?:the |his |her )?(?:\S+ ){0,2}?"# + hardware
          + #"\b|\bdevice-related (?:\S+ )?infection\b|\bexplant\w* (?:\S+ ){0,8}?(?:for|because"#
          + #" of|due to|after) (?:\S+ ){0,3}?infection\b"#)
    ),
    (
      .painfulSite,
      TextPattern(
        #"\bpainful (?:\w+ )?(?:generator|IPG|pocket|pump|battery|implant)(?: site| pocket)?\b"#
          + #"|\b(?:pain|discomfort|tenderness) (?:at|over|around|of) (?:the |his |her )?(?:\w+ )?"#
          + #"(?:generator|IPG|pocket|pump site|battery site|implant site)\b|\b(?:generator|IPG"#
          + #"|pocket|pump|battery) (?:site |pocket )?(?:pain|tenderness)\b"#)
    ),
    (
      .neurologicalDeficit,
      TextPattern(
        #"\b(?:new|progressive|developed|development of|onset of) (?:a |an )?(?:new )?"#
          + #"(?:focal )?(?:neurolog\w* deficits?|weakness|numbness|foot drop|myelopathy"#
          + #"|bowel or bladder (?:dysfunction|incontinence|change))\b"#)
    ),
    (
      .malfunction,
      TextPattern(
        #"\bmalfunction\w*\b|\b(?:catheter|lead|pump|device|generator|IPG|connector)"#
          + #" (?:fracture|break(?:age)?|leak\w*|kink\w*|occlusion|disconnect\w*|discontinuity"#
          + #"|failure|granuloma)\b|\bcatheter (?:migration|dislodgement)\b"#
          + #"|\b(?:fractured|kinked|occluded|disconnected|broken|leaking) (?:\w+ )?"#
          + #"(?:catheter|lead|connector)\b|\bleak\w*"#
          + #" (?:at|in|of|from) (?:the )?catheter\b|\bmotor stall\w*\b|\bhigh impedances?\b"#
          + #"|\bimpedances? (?:\S+ ){0,4}?(?:high|elevated|out of range)\b|\bopen circuit\b"#)
    ),
    (
      .patientRequest,
      TextPattern(
        #"\b(?:patient|pt|he|she)(?: \S+){0,2}? (?:requests?|requested|wants?|wanted|wishes"#
          + #"|wished|desires|insists on|is asking for|asked for|asks?(?: that| for)?)"#
          + #" (?:\S+ ){0,4}?(?:removal"#
          + #"|removed|explant\w*|taken out|turned off)\b|\b(?:at|per) (?:the )?patient'?s?"#
          + #" (?:own )?(?:request|demand|wish)\b|\bpatient (?:demand|preference) for"#
          + #" (?:\S+ ){0,2}?(?:removal|explant\w*)\b"#)
    ),
  ]

  /// Problems whose words also fit other treatments ("the blocks lost effect", "new
  /// weakness from the disc"): read only where the sentence speaks of the device.
  private static let needsDeviceWords: Set<ImplantProblemKind> = [
    .lossOfEffect, .intolerance, .neurologicalDeficit, .patientRequest,
  ]
  private static let deviceWords = TextPattern(
    #"\b"# + hardware + #"\b|\b(?:paresthesias?|coverage|stimulation|re-?programm\w*"#
      + #"|programming|intrathecal|dose increases?|analgesia)\b"#)

  private static let riskTalk = TextPattern(
    #"\b(?:risks?|complications?) (?:of|include\w*|such as|discussed|reviewed|including)\b"#
      + #"|\b(?:discussed|reviewed|counsel+ed|explained) (?:the )?(?:\S+ ){0,3}?risks?\b"#)
  /// "Motor stall events: none", "Lead fracture: no": a table row or checklist answered no.
  private static let noneAfter = TextPattern(
    #"^(?:\s+(?:events?|seen|noted|found|detected))?\s*[:=-]?\s*(?:none|no|not seen|0|negative"#
      + #"|absent)\b"#)
  private static let conditional = TextPattern(
    #"\b(?:if|should (?:the|it|he|she)|in case|in the event|would need)\b"#)
  /// "Pt/wife want reimplant quickly": a wish for the new device after a removal is no
  /// demand to remove one.
  private static let reimplant = TextPattern(#"\bre-?implant\w*\b"#)
  private static let removalWords = TextPattern(
    #"\b(?:remov\w*|explant\w*|taken out|turned off|revis\w*)\b"#)
  private static let trial = TextPattern(#"\btrials?\b"#)
  private static let stimulator = TextPattern(
    #"\b(?:spinal cord stim\w*|SCS|neurostimulator|stimulator|IPG|pulse generator"#
      + #"|paddle (?:lead|electrode)s?)\b"#)
  private static let dorsalRootGanglion = TextPattern(
    #"\b(?:dorsal root ganglion stim\w*|DRG(?:-S)?(?: stim\w*| neurostim\w*| system| lead)s?)\b"#)
  private static let pump = TextPattern(
    #"\b(?:intrathecal (?:drug delivery system|pump|baclofen pump|morphine pump)|IT pump"#
      + #"|ITB pump|IT morphine pump|baclofen pump|pain pump|infusion pump|implanted pump"#
      + #"|programmable (?:\S+ )?pump|pump pocket|pump)\b"#)
}
