import Model

/// Finds what each sentence of a history says about where the pain goes: a spinal
/// component (low back, neck), a limb component (radiating down the leg, sciatica, arm
/// pain), radiation denied ("no radiation", "never into the legs", "nothing into the arm"),
/// or the pattern stated outright ("mixed axial and radicular", "persistent axial pain",
/// also in an assessment).
///
/// The case's one pattern is chosen when facts are merged (`FactMerger.painPattern`): mixed
/// when stated or when a spinal and a limb component are both described; radicular when
/// only the limb component is; axial otherwise.
struct PainPatternRule: FactRule {
  /// What a sentence shows, as the rule name of its fact.
  enum Cue: String {
    case mixedStated = "painPattern.mixedStated"
    case spineAndLimb = "painPattern.spineAndLimb"
    case limb = "painPattern.limb"
    case spine = "painPattern.spine"
    case axialStated = "painPattern.axialStated"
    case radiationDenied = "painPattern.radiationDenied"
    case referredOnly = "painPattern.referredOnly"
  }

  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    guard !reading.concernsNonSpinalPain else { return [] }
    let text = passage.text
    if isAssessment(passage) { return statedPattern(in: passage) }
    // Words several steps ask about, each read once and only when asked.
    lazy var denial = Self.deniedRadiation.firstMatch(in: text)
    lazy var regions = Self.spineAndLimbRegions.firstMatch(in: text)
    lazy var radicular = Self.radicular.firstMatch(in: text)
    // The complaint is told in pain words, or by a sentence that only denies radiation ("It
    // does not travel into the arm") or names the regions alone ("back for his neck and
    // right arm").
    guard isComplaintPlace(passage),
      Self.painWords.occurs(in: text) || denial != nil || regions != nil
    else { return [] }
    if let match = Self.mixed.firstMatch(in: text) {
      return fact(.mixed, cue: .mixedStated, match: match, in: passage)
    }

    let limb = currentLimb(radicular ?? Self.limbPain.firstMatch(in: text) ?? regions, in: passage)
    let limbContext = limb.map { passage.context(ofLocal: $0.range) }
    if let limbContext, limbContext.isHypothetical || limbContext.isOtherPerson { return [] }
    // Negation counts only close before the limb: "without the stimulator her back and leg
    // pain has returned" still describes leg pain.
    let isNegatedNearby =
      limb.map { match in
        Self.nearNegation.occurs(
          in: text, within: max(0, match.range.lowerBound - 25)..<match.range.lowerBound)
      } ?? false
    // "radiates down the left leg, not below the knee" still radiates into the leg.
    let deniesOnlyTheDistalLimb =
      denial.map { Self.distalLimit.occurs(in: $0.value) } == true
      && radicular.map { !Self.thigh.occurs(in: $0.value) } == true
    let isDenied =
      (limbContext?.isNegated == true && isNegatedNearby)
      || (denial != nil && !deniesOnlyTheDistalLimb)
    let spine = Self.spine.matches(in: text).first { match in
      !(passage.context(ofLocal: match.range).isNegated
        && Self.nearNegation.occurs(
          in: text, within: max(0, match.range.lowerBound - 25)..<match.range.lowerBound))
    }

    // "burning in both feet rising to mid-shin": a length-dependent neuropathy, neither
    // nerve-root nor spinal pain.
    if limb != nil, spine == nil, radicular == nil,
      Self.peripheralDistribution.occurs(in: text)
    {
      return []
    }
    if let limb, !isDenied {
      let cue: Cue = spine == nil ? .limb : .spineAndLimb
      return fact(cue == .limb ? .radicular : .mixed, cue: cue, match: limb, in: passage)
    }
    // "no back or leg pain" denies the pain, not its radiation.
    if let denied = denial ?? (spine == nil ? nil : limb) {
      return fact(.axial, cue: .radiationDenied, match: denied, in: passage)
    }
    if let stated = Self.axialCondition.firstMatch(in: text) {
      return fact(.axial, cue: .axialStated, match: stated, in: passage)
    }
    if let spine {
      let cue: Cue = Self.axialWord.occurs(in: text) ? .axialStated : .spine
      return fact(.axial, cue: cue, match: spine, in: passage)
    }
    if let referred = Self.referred.firstMatch(in: text) {
      return fact(.axial, cue: .referredOnly, match: referred, in: passage)
    }
    return []
  }

  /// Whether the sentence stands where the complaint is described: a history section (or
  /// a note without sections), not an examination, assessment or imaging finding, nor the
  /// note's title.
  private func isComplaintPlace(_ passage: Passage) -> Bool {
    if let section = passage.section,
      section.isExamination || section.isImaging || section.isPlan || section.isMedications
    {
      return false
    }
    let isTitle =
      passage.section == nil && passage.text.count < 70
      && passage.note.heading.includes(passage.text)
    return !isTitle
  }

  private func isAssessment(_ passage: Passage) -> Bool {
    passage.section?.isAssessment == true
  }

  /// An assessment counts only where it names the pattern: "persistent axial pain",
  /// "mixed axial and radicular pain", "axial spondyloarthritis"; a diagnosis of
  /// radiculopathy there says nothing about whether the back hurts too.
  private func statedPattern(in passage: Passage) -> [Fact] {
    let text = passage.text
    if let match = Self.mixed.firstMatch(in: text) {
      return fact(.mixed, cue: .mixedStated, match: match, in: passage)
    }
    lazy var spine = Self.spine.matches(in: text)
    let stated =
      Self.axialCondition.firstMatch(in: text)
      ?? spine.first { Self.axialWord.occurs(in: $0.value) }
    if let stated, !passage.context(ofLocal: stated.range).isNegated {
      return fact(.axial, cue: .axialStated, match: stated, in: passage)
    }
    // "62-year-old with post-laminectomy syndrome and bilateral leg pain": limb pain the
    // assessment describes in words, not a diagnosis of radiculopathy.
    guard let limb = Self.limbPain.firstMatch(in: text),
      !passage.context(ofLocal: limb.range).isNegated,
      !passage.context(ofLocal: limb.range).isUncertain
    else { return [] }
    let cue: Cue = spine.isEmpty ? .limb : .spineAndLimb
    return fact(cue == .limb ? .radicular : .mixed, cue: cue, match: limb, in: passage)
  }

  /// The limb component of the sentence (radiation, limb pain, or the regions named
  /// together, in that order), unless it is past or gone: "h/o ESI in 2019 for right
  /// sciatica, which resolved", "the leg pain has since settled".
  private func currentLimb(_ limb: TextMatch?, in passage: Passage) -> TextMatch? {
    guard let limb else { return nil }
    let text = passage.text
    let after = limb.range.upperBound..<text.utf16.count
    if Self.pastHistory.occurs(in: text) || Self.resolved.occurs(in: text, within: after) {
      return nil
    }
    return limb
  }

  private func fact(
    _ pattern: PainPatternKind, cue: Cue, match: TextMatch, in passage: Passage
  ) -> [Fact] {
    let context = passage.context(ofLocal: match.range)
    let site = PainSite(pattern: pattern, text: passage.text).name
    let detail = PainPattern(pattern: pattern, site: site)
    return [passage.fact(.painPattern(detail), rule: cue.rawValue, context: context)]
  }

  private static let axialWord = TextPattern(
    #"\b(?:axial|midline)\b(?!\s+(?:images?|T1|T2|imaging|loading|load|plane|views?|CT|MRI"#
      + #"|sequences?|cuts|STIR))"#
  )
  /// A condition that is axial by name: "axial spondyloarthritis", "axial SpA".
  private static let axialCondition = TextPattern(
    #"\baxial (?:spondyloarthritis|spondyloarthropathy|SpA)\b"#)
  /// The back or neck and a limb named together: "his neck and right arm", "LBP + bilat
  /// post thigh", "pain in both legs and the sacrum".
  private static let spineAndLimbRegions = TextPattern(
    #"\b(?:neck|low back|lower back|back|LBP)\s+(?:pain\s+)?(?:and|\+|&)\s+(?:\S+\s+){0,2}?"#
      + #"(?:arms?|legs?|thighs?)\b"#
      + #"|\b(?:arms?|legs?)\s+(?:pain\s+)?(?:and|\+|&)\s+(?:the\s+)?(?:sacrum|neck|low back"#
      + #"|back)\b"#
  )
  /// Pain of both feet or hands, climbing from the toes, in a stocking or glove: the
  /// distribution of a polyneuropathy.
  private static let peripheralDistribution = TextPattern(
    #"\b(?:both|bilateral|bilat)\s+(?:feet|hands)\b|\bstocking\b|\bglove\b"#
      + #"|\b(?:ris\w*|ascend\w*|climb\w*|creep\w*|mov\w* up)\s+(?:up\s+)?(?:to|into|toward)\s+"#
      + #"(?:the\s+)?(?:mid-?\s*)?(?:shins?|calf|calves|ankles?|knees?)\b"#)
  /// Pain referred to the thigh but "never past the knee" is the referral of a joint.
  private static let thigh = TextPattern(#"\bthighs?\s*$"#)
  private static let distalLimit = TextPattern(#"\b(?:knees?|elbows?|below|past|beyond)\b"#)
  private static let pastHistory = TextPattern(#"^\s*(?:past(?: history)?|PMH|PSH|h/o)\b"#)
  /// "which has since resolved", but not "never settled" or "has not subsided".
  private static let resolved = TextPattern(
    #"\b(?:which|that)?\s*(?:has\s+)?(?:since\s+)?(?<!never )(?<!not )(?<!n't )"#
      + #"(?:resolved|settled|went away|subsided)\b"#)
  private static let nearNegation = TextPattern(#"\b(?:no|denies|without|not|nor)\b[^,.;]{0,20}$"#)
  private static let painWords = TextPattern(
    #"\b(?:pain|aches?|aching|burning|sciatica|LBP|radiat\w*|shooting|symptoms)\b"#)
  private static let limb =
    #"(?:legs?|calf|calves|foot|feet|toes?|ankles?|shins?|thighs?|below the knee|arms?|hands?|"#
    + #"fingers?|thumb|forearms?|lower extremit(?:y|ies)|upper extremit(?:y|ies)|[LR]?LE|[LR]?UE)"#
  /// Radiation into a limb, or words that name nerve-root pain.
  private static let radicular = TextPattern(
    #"\b(?:radiat\w*|shoot\w*|travel\w*|extend\w*|spread\w*|goes|going|went|runs?|ran|running"#
      + #"|wraps?)\s+"#
      + #"(?:\S+\s+){0,12}?(?:down|into|to|along|through|around)\s+(?:\S+\s+){0,5}?"# + limb
      + #"\b"#
      + #"|\bsciatica\b|\bradicular\b|\bradiculopathy\b|\bradiculitis\b|\bdermatom\w*\b"#
      + #"|\b[LCST]\d{1,2}(?:-[LCST]?\d{1,2})? (?:dermatom\w*|distribution|nerve root)\b"#)
  /// Pain in a limb: "right leg pain", "burning into both legs", "aching in both legs".
  private static let limbPain = TextPattern(
    #"\b(?:leg|arm|calf|foot|shin|hand|thigh) (?:pain|heaviness|numbness|symptoms|aching"#
      + #"|burning)\b|\bB/L legs?\b|\b(?:pain|burning|aching|ache"#
      + #"|heaviness)\s+(?:\S+\s+){0,3}?(?:in|into|down|of)\s+"#
      + #"(?:[^.;,]{0,40}?\s)?(?:the\s+|both\s+|his\s+|her\s+)?(?:left\s+|right\s+|bilateral\s+"#
      + #"|posterior\s+)?(?:legs?|arms?|calf|calves|feet|foot|shins?|thighs?)\b"#
      + #"|\b(?:both|bilateral) legs\b|\bneurogenic claudication\b"#)
  /// A spinal component: low back or neck pain, axial pain, LBP.
  private static let spine = TextPattern(
    #"\b(?:low(?:er)? back|back|lumbar|lumbosacral|neck|cervical|thoracolumbar|thoracic|midline"#
      + #"|mid-back|axial|spine|spinal|paraspinal|suboccipital)"#
      + #"(?:\s+(?!with\b|from\b|after\b|and\b)[a-z/-]+){0,4}?\s+(?:pain|ache|aching|discomfort"#
      + #"|burning)\b|\bLBP\b"#
      + #"|\b(?:pain|burning|aching|ache)\s+(?:\S+\s+){0,6}?(?:in|across|over"#
      + #"|and)\s+(?:the\s+)?(?:lower\s+|upper\s+)?(?:low(?:er)? back|neck|lumbar spine"#
      + #"|sacrum)\b"#
      + #"|\b(?:neck|low back|lower back|back|LBP)\s+(?:pain\s+)?(?:and|\+"#
      + #"|&)\s+(?:\S+\s+){0,2}?(?:arms?|legs?|thighs?)\b"#
      // "radiates from the left neck to the forearm": the pain starts in the spine.
      + #"|\b(?:radiat\w*|shoot\w*|travel\w*|spread\w*|runs?|ran|goes|going)\s+from\s+(?:the\s+"#
      + #"|his\s+|her\s+)?"#
      + #"(?:left\s+|right\s+|lower\s+|low\s+|mid-?\s*)?(?:neck|back|lumbar spine|cervical spine"#
      + #"|spine)\b"#
  )
  /// Pain that stays at the buttock or the SI joint, referred but not radicular.
  private static let referred = TextPattern(
    #"\b(?:buttocks?|SI joint|sacroiliac|posterior pelvi\w*|PSIS|sacral sulcus|pelvic|groin)\b"#)
  private static let deniedRadiation = TextPattern(
    #"\b(?:no|denies|without|absence of|negative for)\s+(?:any\s+)?(?:(?!back\b|neck\b|spine\b"#
      + #"|lumbar\b)[a-z-]+,?\s+(?:or\s+|and\s+)?){0,3}?(?:radiation|radiating|"#
      + #"radicular|sciatica|leg pain|arm pain|radiculopathy|arm symptoms|leg symptoms|(?:leg"#
      + #"|arm) (?:sx|radiation|symptoms|numbness|paresthesias?))\b|\b(?:does not|doesn't"#
      + #"|do not|did not)\s+"#
      + #"(?:radiate|go below|go down|go into|go past|travel|extend|spread|wrap)\b"#
      + #"|\bnon-?radiating\b|\b(?:never|nothing|not|no)\s+(?:\w+\s+)?(?:into|down|past|below"#
      + #"|beyond)\s+(?:the\s+|his\s+|her\s+|either\s+|both\s+)?(?:legs?|arms?|knees?|elbows?"#
      + #"|thighs?|feet|foot|hands?|buttocks?)\b|\bnon-?radicular\b|\b(?:stays|localized"#
      + #"|localised|confined) (?:to|in) the\b"#
  )
  private static let mixed = TextPattern(
    #"\bmixed\s+(?:axial\s+(?:and|&|/)\s+radicular|pattern|pain pattern)\b"#
      + #"|\b(?:both\s+)?axial\s+(?:and|&|/|as well as)\s+(?:a\s+)?radicular\b"#
      + #"|\bradicular\s+(?:and|&|/)\s+axial\b"#)
}

/// Where the pain is, written as the annotation writes a pattern's site: the spinal region
/// and the limb with their sides ("low back and left leg", "neck and both arms", "right
/// leg", "right low back", "low back, bilateral").
///
/// Known shortcoming: only the main regions are named (low back, neck, mid-back, leg, arm);
/// a site written in finer words ("right buttock, lateral thigh and shin to the foot") is
/// reduced to them, so it will not equal a reviewer's free text.
struct PainSite {
  let pattern: PainPatternKind
  let text: String

  /// The site, or `nil` when the sentence names no region.
  var name: String? {
    switch pattern {
    case .mixed:
      let spine = spinalRegion()
      let limb = limbRegion()
      guard let spine, let limb else { return spine?.name ?? limb }
      return "\(spine.name) and \(limb)"
    case .radicular:
      return limbRegion()
    case .axial:
      guard let spine = spinalRegion() else { return nil }
      // "low back pain, worse on the right": unless a limb carries it, the sentence's side
      // is the back's.
      let side = spine.side ?? (Self.hasSide(limbRegion()) ? nil : ClinicalWords.side(in: text))
      if side == .bilateral { return "\(spine.name), bilateral" }
      return [side?.rawValue, spine.name].compactMap { $0 }.joined(separator: " ")
    }
  }

  /// The spinal region and the side written just before it ("right low back").
  private func spinalRegion() -> (name: String, side: Side?)? {
    for (name, pattern) in Self.spinalRegions {
      guard let match = pattern.firstMatch(in: text) else { continue }
      let lead = text.slice(max(0, match.range.lowerBound - 16)..<match.range.lowerBound)
      return (name, Self.side(before: lead))
    }
    return nil
  }

  /// The limb with its side: "left leg", "both legs", "right arm".
  private func limbRegion() -> String? {
    guard let match = Self.limb.firstMatch(in: text), let word = match.group(1) else { return nil }
    let folded = word.lowercased()
    let isArm = folded.hasPrefix("arm") || folded.hasPrefix("upper") || folded.contains("ue")
    let name = isArm ? "arm" : "leg"
    let lead = text.slice(max(0, match.range.lowerBound - 20)..<match.range.lowerBound)
    let trail = text.slice(
      match.range.upperBound..<min(text.utf16.count, match.range.upperBound + 16))
    let side =
      Self.side(before: lead)
      ?? Self.sideAfter.firstMatch(in: trail).flatMap {
        ClinicalWords.side(in: $0.value)
      }
    let isBoth = side == .bilateral || (folded.hasSuffix("s") && side == nil)
    if isBoth { return "both \(name)s" }
    return [side?.rawValue, name].compactMap { $0 }.joined(separator: " ")
  }

  private static func hasSide(_ limb: String?) -> Bool {
    limb.map { $0.hasPrefix("left") || $0.hasPrefix("right") } ?? false
  }

  /// The side word nearest before a region; "both" counts as bilateral.
  private static func side(before lead: String) -> Side? {
    let clause = lead.split(separator: ",", omittingEmptySubsequences: false).last.map(String.init)
    guard let word = sideWord.matches(in: clause ?? lead).last?.value else { return nil }
    return word.lowercased() == "both" ? .bilateral : ClinicalWords.side(in: word)
  }

  /// "sciatica on the left", "leg pain, right".
  private static let sideAfter = TextPattern(
    #"^\s*(?:pain|symptoms|sx)?\s*(?:on the|on|,)?\s*(?:left|right|bilaterally)\b"#)

  private static let spinalRegions: [(String, TextPattern)] = [
    ("low back", TextPattern(#"\b(?:low(?:er)? back|LBP|lumbar|lumbosacral)\b"#)),
    ("neck", TextPattern(#"\b(?:neck|cervical)\b"#)),
    ("mid-back", TextPattern(#"\b(?:mid-?back|thoracic)\b"#)),
    // A bare "back" last: "he is back for his neck" names no region.
    ("low back", TextPattern(#"\bback\b(?!\s+(?:for|to|in|on|at|from)\b)"#)),
  ]
  private static let limb = TextPattern(
    #"\b(legs?|arms?|[LR]?LEs?|[LR]?UEs?|lower extremit(?:y|ies)|upper extremit(?:y|ies)"#
      + #"|sciatica)\b"#
  )
  private static let sideWord = TextPattern(
    #"\b(?:left|right|lt|rt|bilateral(?:ly)?|bilat|both|B/L)\b|(?<![\w.])[LR](?![\w-])"#)
}
