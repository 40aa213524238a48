import Model

/// Finds where surgery stands: a surgeon's evaluation (or a diagnostic block requested to
/// plan surgery), surgery planned or scheduled, or the patient not a surgical candidate.
struct SurgicalPlanRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    let text = passage.text
    guard Self.anyPlan.mayOccur(in: text) else { return [] }

    let searchable = SearchableText.of(text)
    for (kind, pattern, words, isDateLabel) in [
      (SurgicalPlanKind.notSurgicalCandidate, Self.notCandidate, Self.notCandidateWords, false),
      (.surgeryPlanned, Self.planned, Self.surgeryWords, false),
      (.surgeryPlanned, Self.surgeryDate, Self.surgeryDate, true),
      (.preoperativeEvaluation, Self.evaluation, Self.evaluationWords, false),
    ] {
      guard words.mayOccur(in: searchable), let match = pattern.firstMatch(in: text) else {
        continue
      }
      if isDateLabel, Self.isImplantOrReport(passage) { continue }
      let context = passage.context(ofLocal: match.range)
      guard !context.isOtherPerson, !context.isUncertain else { continue }
      if kind == .preoperativeEvaluation,
        Self.isDevicePlacement(after: match.range, in: text) || Self.notDone.occurs(in: text)
      {
        continue
      }
      if kind != .notSurgicalCandidate && context.isNegated { continue }
      // "a reasonable candidate for decompression, but she would rather put surgery off"
      if kind == .surgeryPlanned && !isDateLabel && Self.deferred.occurs(in: text) {
        return []
      }
      if context.isHypothetical && Self.conditional.occurs(in: text)
        && !Self.contingentOnWorkup.occurs(in: text)
      {
        continue
      }

      let stated =
        Self.isCoronary(kind, match.range, passage) ? .notRevascularizationCandidate : kind
      let detail = SurgicalPlan(
        kind: stated, date: Self.date(of: kind, at: match.range, in: passage))
      return [
        passage.fact(
          .surgicalPlan(detail), rule: "surgicalPlan.\(stated.rawValue)", context: context)
      ]
    }
    return []
  }

  /// The date of the plan: written in its sentence, else, for a surgeon's judgement, the
  /// date of the surgeon's own note.
  private static func date(
    of kind: SurgicalPlanKind, at match: Range<Int>, in passage: Passage
  ) -> ClinicalDate? {
    // "saw her on 02/20 and recommended a fusion": a planned operation's date is written
    // after it ("scheduled for an L4-5 TLIF on 04/15"); a date before it is the visit's.
    let written = passage.dates.first {
      kind != .surgeryPlanned || $0.range.lowerBound >= match.lowerBound
    }
    if let written { return written.date }
    let visit = passage.note.dateOfService
    if kind != .surgeryPlanned, let visit,
      let month = ProcedureDates.yearlessMonth(in: passage.text, before: visit)
    {
      return month
    }
    guard kind != .surgeryPlanned, surgeonNote.occurs(in: passage.note.heading) else {
      return nil
    }
    return passage.note.dateOfService
  }

  /// "Not a candidate for further revascularization" in a note about angina or coronary
  /// disease: the heart team's judgement, not a spine surgeon's.
  private static func isCoronary(
    _ kind: SurgicalPlanKind, _ range: Range<Int>, _ passage: Passage
  ) -> Bool {
    guard kind == .notSurgicalCandidate, revascularization.occurs(in: passage.slice(range))
    else { return false }
    return coronaryDisease.occurs(in: passage.note.document.text)
  }

  private static let revascularization = TextPattern(
    #"\b(?:revasculari[sz]ation|bypass|PCI|CABG|coronary intervention)\b"#)
  private static let coronaryDisease = TextPattern(
    #"\b(?:angina\w*|coronary|CABG|PCI|myocardial ischemia)\b"#)

  /// "Refer to neurosurgery for placement of a reservoir": a referral for an implant is
  /// the implant's request, not an evaluation for surgery.
  private static func isDevicePlacement(after range: Range<Int>, in text: String) -> Bool {
    let after = text.slice(range.upperBound..<min(text.utf16.count, range.upperBound + 40))
    return devicePurpose.occurs(in: after)
  }

  /// "Neurosurgery referral offered", "surgical referral if no better", "presurgical
  /// evaluation by Dr. Voss, PhD": an offer, a condition or a psychologist's evaluation is no
  /// surgeon's evaluation.
  private static let notDone = TextPattern(
    #"\b(?:offered|offer|if|unless|declined|refused|psycholog\w*|psychiatr\w*|PhD|PsyD)\b"#)
  /// "Tentative surgery date 03/2026": the date of an operation; an implant's date or an
  /// operative report's own header is not a plan for surgery.
  private static let surgeryDate = TextPattern(surgeryDatePattern)
  private static let surgeryDatePattern = #"\b(?:surgery|operative) date\b|\bdate of surgery\b"#

  private static func isImplantOrReport(_ passage: Passage) -> Bool {
    PriorProcedureRule.isProcedureNote(passage.note) || implantWords.occurs(in: passage.text)
  }

  private static let implantWords = TextPattern(
    #"\b(?:pump|stimulator|SCS|DRG|implant\w*|generator|IPG|reservoir|catheter|6236\d|6368\d"#
      + #"|6365\d)\b|\bcourse\b"#
  )
  private static let devicePurpose = TextPattern(
    #"^\s*(?:for|to)\s+(?:\S+\s+)?(?:placement|implant\w*|insertion|pump|reservoir|catheter"#
      + #"|stimulator|SCS|revision of (?:the |her |his )?(?:pump|stimulator))\b"#
  )
  /// A surgeon's own note ("Wexford Neurosurgical Group", "Heartland Vascular Surgery"),
  /// not a surgery center's procedure record.
  private static let surgeonNote = TextPattern(
    #"\b(?:neurosurg\w*|(?:spine|spinal|vascular|general|plastic|thoracic"#
      + #"|orthopa?edic)\s+(?:spine\s+)?surg(?:ery|eons?|ical)(?!\s+cent)|orthopa?edic"#
      + #"|surgical (?:consult\w*|evaluation))\b"#
  )
  static let surgery =
    #"(?:surgery|surgical (?:intervention|treatment|management|decompression|fusion)|fusion"#
    + #"|laminectomy|decompression|discectomy|microdiscectomy|ACDF|TLIF|PLIF|ALIF|XLIF"#
    + #"|arthrodesis|foraminotomy|laminotomy|hemilaminectomy|disc replacement|SI joint fusion"#
    + #"|sacroiliac (?:joint )?fusion|operative (?:intervention|treatment)|operation"#
    + #"|revasculari[sz]ation|bypass)"#
  /// What every statement of the rule needs, a word one of the four patterns `facts` reads
  /// holds in every match (`surgeryDate` one of the `surgery` words): they turn away the
  /// many sentences that speak of no surgery, more cheaply than the patterns' own literals.
  private static let anyPlan = AnyOfPatterns([surgeryWords, notCandidateWords, evaluationWords])
  // A word every match of a pattern holds, whichever of its alternatives matches: asked
  // before the pattern is run. A pattern's own literals are those its alternatives share
  // ("not", "recommend", "will", "consult"), which most sentences of a plan hold; without
  // one of these words no alternative can match, and ICU is spared a search of every offset.
  /// One of the `surgery` words, or "surgical date": what every match of `planned` holds.
  static let surgeryWords = TextPattern(
    #"surg|fusion|laminectomy|decompression|discectomy|ACDF|TLIF|PLIF|ALIF|XLIF|arthrodesis"#
      + #"|foraminotomy|laminotomy|disc replacement|operative|operation|revasculari|bypass"#)
  /// "candidate", or the operation `notCandidate` says is not to be done.
  private static let notCandidateWords = TextPattern(
    #"candidate|surg|operation|fusion|decompression"#)
  /// A surgeon, a surgical service or an operation's workup: what `evaluation` holds.
  private static let evaluationWords = TextPattern(#"surg|orthopedic|operative"#)
  private static let notCandidate = TextPattern(notCandidatePattern)
  private static let notCandidatePattern =
    #"\b(?:not (?:a |an )?(?:good |appropriate |suitable |reasonable )?(?:(?:surgical|operative|"#
    + surgery + #") candidate|candidate for (?:\S+ ){0,2}?"#
    + surgery
    + #")|non-?surgical candidate|poor surgical candidate|not a candidate for surgical"#
    + #"|surgery (?:is |was )?not (?:recommended|indicated|an option|advised)"#
    + #"|no (?:further |other |more )?surgical (?:options?|indications?|lesion|pathology"#
    + #"|target|solution)|(?:nothing|no) (?:more |further )?(?:to offer )?surgically"#
    + #"|not (?:recommend(?:ing)?|offer(?:ing)?) (?:surgery|surgical)"#
    + #"|no indication for surgery|does not have a surgical lesion"#
    + #"|deemed (?:a )?non-?surgical|(?:does not|doesn't|did not"#
    + #"|not) recommend(?:ing)? (?:any )?(?:further |additional |more )?(?:surgery"#
    + #"|reoperation|surgical \w+|re-?operation|fusion|decompression)"#
    + #"|without a surgical target|no surgical target|(?:cannot|can't|could not"#
    + #"|is unable to) (?:have|undergo|tolerate) (?:\S+ ){0,2}?(?:surgery|an operation)"#
    + #"|(?:surgery|re-?operation|fusion|decompression) (?:has been |was |is "#
    + #"|had been )?ruled out|(?:surgery|re-?operation) (?:was |has been "#
    + #"|is )?declined by (?:\S+ ){0,3}?(?:surgeons?|neurosurg\w*|spine surgery)"#
    + #"|not (?:a |an )?(?:good )?candidate for (?:\S+ ){0,2}?(?:PCI|CABG|coronary"#
    + #" (?:intervention|bypass)))\b"#
  /// The patient puts the surgery off or turns it down.
  private static let deferred = TextPattern(
    #"\b(?:declined|declines|refused|refuses|defers?|deferred|deferring|not ready for"#
      + #"|holding off on|hold off on) (?:\S+ ){0,3}?(?:"# + surgery + #"|it)\b"#
      + #"|\bput(?:ting)? (?:"# + surgery + #"|it|the operation) off\b"#
      + #"|\b(?:would rather|prefers?(?: to)?) (?:not have|avoid|wait|hold off|keep putting)\b"#)
  private static let planned = TextPattern(plannedPattern)
  private static let plannedPattern =
    #"\b(?:scheduled for (?:\S+ ){0,4}?"# + surgery + #"|"# + surgery
    + #" (?:is |has been |was )?(?:scheduled|planned|booked)|plans? (?:to )?(?:proceed with"#
    + #"|undergo|have) (?:\S+ ){0,4}?"#
    + surgery
    + #"|planned (?:\S+ ){0,3}?"# + surgery
    + #"|will (?:undergo|proceed with|have) (?:\S+ ){0,4}?"# + surgery
    + #"|(?:recommended|agreed to|consented for|consented to|wishes to proceed with"#
    + #"|elected to proceed with|wants to proceed with"#
    + #"|decided to proceed with) (?:\S+ ){0,4}?"#
    + surgery
    + #"|(?:I|we) plan (?:a|an|the|to perform|to do) (?:\S+ ){0,4}?"# + surgery
    + #"|surgical date|candidate for (?:\S+ ){0,3}?"#
    + surgery + #"|planning (?:\S+ ){0,5}?"# + surgery + #")\b"#
  private static let evaluation = TextPattern(evaluationPattern)
  private static let evaluationPattern =
    #"\b(?:surgical (?:consult\w*|evaluation|referral|opinion|candidacy|planning)|(?:neuro|spine"#
    + #"|spinal|orthopedic|orthopaedic)\s*(?:spine )?surg\w* (?:consult\w*|evaluation"#
    + #"|referral|opinion)|(?:evaluated|seen|assessed) by (?:neurosurgery|spine surgery"#
    + #"|orthopedic spine|orthopedics|a (?:spine |neuro)?surgeon|the (?:spine |neuro)?surgeon"#
    + #"|(?:his|her) (?:spine |neuro)?surgeon)|refer\w* (?:to|for) (?:neurosurgery"#
    + #"|spine surgery|a spine surgeon|orthopedic spine|surgical (?:evaluation|consultation))"#
    + #"|(?:for|to guide|to inform|to assist with|to aid in"#
    + #"|prior to) (?:\w+ )?surgical (?:planning|decision\w*)|pre-?(?:surgical"#
    + #"|operative) (?:planning|evaluation|localization)|surgeon (?:is )?(?:considering"#
    + #"|evaluating|requesting|requested|recommends|recommended)|surgeon'?s (?:evaluation"#
    + #"|consult\w*|opinion|assessment)|(?:neurosurgeon|spine surgeon"#
    + #"|orthopedic surgeon) (?:has |is )?(?:requested|evaluated|considering|recommends"#
    + #"|recommended))\b"#
  /// "planning a fusion if the diagnostic blocks confirm the joint": an operation planned
  /// pending the workup it is waiting for is still planned (the blocks are for its planning).
  private static let contingentOnWorkup = TextPattern(
    #"\b(?:if|once|pending|depending on)\s+(?:the\s+)?(?:diagnostic\s+|selective\s+)?"#
      + #"(?:blocks?|injections?|SNRBs?|nerve root blocks?|workup|results?)\b"#
      + #"(?:\s+(?:confirm\w*|show\w*|are positive|localiz\w*|identif\w*|results?))?"#)
  private static let conditional = TextPattern(#"\b(?:if|should|unless|in the event|(?-i:may))\b"#)
}

/// Finds the result of a spinal cord stimulator, dorsal root ganglion or intrathecal trial:
/// percent relief, days, and functional improvement.
struct DeviceTrialRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    let text = passage.text
    guard let statement = ReliefRule.statements(in: passage).first,
      let trial = Self.trialMention(in: passage, statement: statement)
    else { return [] }
    let (percent, rule, range) = (statement.percent, statement.rule, statement.range)
    let context = passage.context(ofLocal: range)
    guard !context.isHypothetical, !context.isOtherPerson, !Self.goal.occurs(in: text) else {
      return []
    }

    let detail = DeviceTrial(
      device: trial.device, percent: percent, days: TrialLength.days(near: passage),
      functionalImprovement: ReliefRule.functionalImprovement(near: passage),
      intolerableSideEffects: TrialSideEffects.intolerable(near: passage))
    return [
      passage.fact(
        .deviceTrial(detail), rule: "deviceTrial.\(rule)", hits: trial.hits, context: context)
    ]
  }

  /// The trial a result speaks of: one named in its sentence, or in the sentences before
  /// it ("… during the trial"), or the trial its relief refers back to.
  private static func trialMention(in passage: Passage, statement: ReliefRule.Statement) -> (
    device: TrialDevice, hits: [LexiconHit]
  )? {
    var trialHits = passage.procedureMentions.filter {
      $0.attributes["procedure"].flatMap(ProcedureKind.init(rawValue:))?.isTrial == true
    }
    let text = passage.text
    // Built only for a result that gets this far: a new string is a new text to search.
    lazy var context =
      trialHits.isEmpty ? passage.preceding(2).map(\.text).joined(separator: " ") + text : text
    if trialHits.isEmpty {
      // The relief speaks of the procedure it refers back to: a trial's, or not a trial's.
      let referred = ProcedureReference.nearest(to: statement.range, in: passage)
      if let referred, !referred.kind.isTrial { return nil }
      if !trialWords.occurs(in: context), !Self.pointsToTrial(passage) {
        guard let referred else { return nil }
        trialHits = referred.hits
        if referred.kind == .intrathecalTrial { return (.intrathecalPump, trialHits) }
      }
    }
    let namesGanglion = trialHits.contains { $0.attributes["device"] == "dorsalRootGanglion" }
    if namesGanglion || dorsalRootGanglion.occurs(in: context) {
      return (.dorsalRootGanglion, trialHits)
    }
    // "ITB screening bolus": the trial named is an intrathecal one, whatever its words.
    let namesIntrathecalTrial = trialHits.contains {
      $0.attributes["procedure"] == "intrathecalTrial"
    }
    if namesIntrathecalTrial || intrathecal.occurs(in: context) {
      return (.intrathecalPump, trialHits)
    }
    return (.spinalCordStimulator, trialHits)
  }

  /// "… during the trial" after a sentence naming an intrathecal or stimulator trial.
  private static func pointsToTrial(_ passage: Passage) -> Bool {
    guard trialWord.occurs(in: passage.text) else { return false }
    return passage.preceding(3).contains { earlier in
      earlier.procedureMentions.contains {
        $0.attributes["procedure"].flatMap(ProcedureKind.init(rawValue:))?.isTrial == true
      }
    }
  }

  private static let trialWord = TextPattern(#"\btrial\b"#)

  static func days(in text: String) -> Double? {
    guard let match = dayCount.firstMatch(in: text),
      let amount = (match.group(1) ?? match.group(2)).flatMap(ClinicalWords.number)
    else { return nil }
    return amount
  }

  private static let trialWords = TextPattern(
    #"\b(?:SCS|stimulator|stimulation|DRG|intrathecal|neurostimulat\w*)\b[^.]*\btrial\b"#
      + #"|\btrial\b[^.]*\b(?:SCS|stimulator|stimulation|DRG|intrathecal|leads?)\b"#
  )
  private static let dorsalRootGanglion = TextPattern(#"\b(?:DRG|dorsal root ganglion)\b"#)
  private static let intrathecal = TextPattern(
    #"\b(?:intrathecal|IT (?:morphine|trial|pump)|ziconotide|Prialt)\b"#)
  private static let dayCount = TextPattern(
    #"\b("# + ClinicalWords.numberPattern + #")[- ]day\b|\b(?:for|over|x|lasting|of)\s+("#
      + ClinicalWords.numberPattern + #")\s+days?\b"#)
  private static let goal = TextPattern(
    #"\b(?:goal|target|aim)\b|\b(?:hope|hoping|expect|expecting|anticipate)\s+(?:to|for|that"#
      + #"|at least|a|an)\b"#
  )
}
