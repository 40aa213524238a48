import Model

/// Finds the features of spondyloarthritis guideline 1756 counts: the items of inflammatory
/// back pain (insidious onset, better with exercise, not better with rest, pain at night),
/// arthritis, heel enthesitis, uveitis, dactylitis, psoriasis, Crohn's disease or colitis, a
/// good response to NSAIDs, a family history of spondyloarthritis, HLA-B27 and an elevated CRP.
///
/// Read only in cases whose documents speak of spondyloarthritis (named, suspected, or
/// worked up with HLA-B27 or sacroiliitis imaging), as Budapest findings are read only where
/// CRPS is: elsewhere "pain at night" or "gradual onset" describes other back pain. A
/// feature denied or tested normal ("no uveitis", "HLA-B27 negative", "CRP normal") is
/// listed as absent; a relative's condition counts only as the family history.
struct SpondyloarthritisFeatureRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    guard reading.concernsSpondyloarthritis else { return [] }

    let text = passage.text
    var facts: [Fact] = []
    var seen = Set<SpondyloarthritisFeatureKind>()
    for (feature, wording) in Self.readings {
      // A relative's history counts only where the sentence names the disease; few do, so
      // that is read first.
      if feature == .familyHistory && !Self.spondyloarthritis.occurs(in: text) { continue }
      guard !seen.contains(feature), let found = wording.read(text) else { continue }
      let context = passage.context(ofLocal: found.range)
      if context.isHypothetical || context.isUncertain { continue }
      if feature != .familyHistory && context.isOtherPerson { continue }

      seen.insert(feature)
      let present = found.present && !context.isNegated
      let detail = SpondyloarthritisFeature(feature: feature, present: present)
      facts.append(
        passage.fact(
          .spondyloarthritisFeature(detail), rule: "spondyloarthritisFeature.\(feature)",
          context: context))
    }
    return facts
  }

  /// Whether a document speaks of spondyloarthritis.
  static func concernsSpondyloarthritis(_ text: String) -> Bool { concern.occurs(in: text) }

  /// How one feature is written: words that state it, and words that state its absence
  /// or a normal test.
  struct FeatureReading: Sendable {
    let stated: TextPattern
    var absent: TextPattern?
    /// A measured value (group 1) with the laboratory's upper limit of normal (group 2).
    var measured: TextPattern?

    /// The feature's mention in a sentence: where, and whether it is present.
    func read(_ text: String) -> (range: Range<Int>, present: Bool)? {
      if let measured, let match = measured.firstMatch(in: text),
        let value = match.group(1).flatMap(Double.init),
        let limit = match.group(2).flatMap(Double.init)
      {
        return (match.range, value > limit)
      }
      if let absent, let match = absent.firstMatch(in: text) { return (match.range, false) }
      return stated.firstMatch(in: text).map { ($0.range, true) }
    }
  }

  static let readings: [(SpondyloarthritisFeatureKind, FeatureReading)] = [
    (.insidiousOnset, FeatureReading(stated: insidious)),
    (
      .improvesWithExercise,
      FeatureReading(stated: betterWithExercise, absent: notBetterWithExercise)
    ),
    (.noImprovementWithRest, FeatureReading(stated: notBetterWithRest, absent: betterWithRest)),
    (.nightPain, FeatureReading(stated: night)),
    (.arthritis, FeatureReading(stated: arthritis)),
    (.enthesitis, FeatureReading(stated: enthesitis)),
    (.uveitis, FeatureReading(stated: uveitis)),
    (.dactylitis, FeatureReading(stated: dactylitis)),
    (.psoriasis, FeatureReading(stated: psoriasis)),
    (.inflammatoryBowelDisease, FeatureReading(stated: bowel)),
    (.nsaidResponse, FeatureReading(stated: goodNSAIDResponse, absent: poorNSAIDResponse)),
    (.familyHistory, FeatureReading(stated: family, absent: noFamilyHistory)),
    (.hlaB27, FeatureReading(stated: hlaPositive, absent: hlaNegative)),
    (
      .elevatedCrp,
      FeatureReading(stated: crpElevated, absent: crpNormal, measured: crpAgainstLimit)
    ),
  ]

  private static let concern = TextPattern(
    #"\b(?:spondyloarthrit\w*|spondyloarthropath\w*|ankylosing spondylitis|(?-i:ax-?SpA|SpA)"#
      + #"|sacroiliitis|HLA-?\s?B\s?27|inflammatory back pain|psoriatic arthritis"#
      + #"|enteropathic arthritis|reactive arthritis)\b"#)
  private static let spondyloarthritis = TextPattern(
    #"\b(?:spondyloarthrit\w*|spondyloarthropath\w*|ankylosing spondylitis|(?-i:ax-?SpA|SpA)"#
      + #"|psoriatic arthritis|sacroiliitis)\b"#)

  private static let insidious = TextPattern(
    #"\binsidious(?:ly)?\b|\bgradual (?:onset|start)\b|\b(?:came on|began|started|developed)"#
      + #" (?:gradually|slowly|insidiously)\b"#)
  private static let exercise =
    #"(?:exercis\w*|activity|physical activity|movement|moving|stretching|walking|class"#
    + #"|workouts?|swimming|cycling|yoga|gym)"#
  private static let betterWithExercise = TextPattern(
    #"\b(?:improves?|improved|improving|improvement|better|eases?|eased|easing|relieved"#
      + #"|loosens? up|helps?)\b[^.;]{0,20}?\b(?:with|by|after|on|once)\s+(?:\w+\s+){0,4}?"#
      + exercise
      + #"|\b"# + exercise + #"\s+(?:helps?|helped|improves? it|makes? it better|relieves?)\b"#)
  private static let notBetterWithExercise = TextPattern(
    #"\b(?:no|not|never|without|doesn't|does not|did not|didn't)\s+(?:\w+\s+)?"#
      + #"(?:improve\w*|better|ease\w*|relieved|help\w*)\b[^.;]{0,20}?\b(?:with|by)\s+"#
      + exercise + #"|\b"# + exercise + #"\s+(?:does not|doesn't|did not|didn't)\s+help\b"#)
  private static let notBetterWithRest = TextPattern(
    #"\b(?:no|not|never|without|doesn't|does not|did not|didn't)\s+(?:\w+\s+)?"#
      + #"(?:improve\w*|better|ease\w*|relieved|help\w*|relief)\b[^.;]{0,20}?\b(?:with|by"#
      + #"|from)\s+rest(?:ing)?\b|\brest(?:ing)?\s+(?:does not|doesn't|did not|didn't|never)"#
      + #"\s+help\w*|\bworse (?:with|after|on|during) (?:rest|inactivity|prolonged rest"#
      + #"|immobility)\b"#
      + #"|\brest makes (?:it|the pain) worse\b|\b(?:lying down|resting|sitting still|inactivity)"#
      + #" (?:does not|doesn't|did not|didn't|never) (?:help|relieve)\w*"#)
  private static let betterWithRest = TextPattern(
    #"(?<!\bno )(?<!\bnot )\b(?:improves?|improved|better|eases?|eased|relieved)\s+"#
      + #"(?:with|by|after)\s+rest(?:ing)?\b|\brest(?:ing)?\s+(?:helps?|helped|relieves?)\b"#)
  private static let night = TextPattern(
    #"\bnight(?:-?time)? pain\b|\bpain (?:at|during the|in the|overnight|through the)"#
      + #" ?night\b|\bnocturnal (?:pain|back pain|awakening)\b|\b(?:wakes?|woken|waking"#
      + #"|awakens?|awakened) (?:her|him|them|the patient)?\s*(?:up\s+)?(?:at|in the|during"#
      + #" the|from) (?:night|sleep|second half of the night)\b|\bpain at rest at night\b"#
      + #"|\bworse at night\b|\b(?:woken|wakes?|waking|awakened) (?:\w+ ){0,3}?(?:most|every"#
      + #"|some|at) nights?\b|\b(?:wakes?|waking|awakens?) (?:him|her|them)?\s*(?:up\s+)?"#
      + #"(?:at \d{1,2}(?::\d\d)?\s*a\.?m\b|in the (?:early morning|small hours))"#)
  private static let arthritis = TextPattern(
    #"(?<!facet )(?<!degenerative )(?<!spinal )(?<!joint )(?<!SI )(?<!sacroiliac )"#
      + #"(?<!rheumatoid )\b(?:peripheral |inflammatory |asymmetric |oligo|mono|poly)?"#
      + #"arthritis\b(?! of the (?:spine|facets?|SI|sacroiliac))"#
      + #"(?!\s+(?:&|and|center|centre|clinic|associates|institute|foundation|care|group))"#
      + #"|\bsynovitis\b"#)
  private static let enthesitis = TextPattern(
    #"\benthesitis\b|\benthesopath\w*\b|\bachilles (?:tendinitis|tendonitis|enthes\w*)\b"#
      + #"|\bplantar fasciitis\b"#)
  private static let uveitis = TextPattern(
    #"\b(?:anterior )?uveitis\b|\biritis\b|\biridocyclitis\b"#)
  private static let dactylitis = TextPattern(
    #"\bdactylitis\b|\bsausage (?:digits?|fingers?|toes?)\b"#)
  private static let psoriasis = TextPattern(
    #"\bpsoriasis\b|\bpsoriatic (?:plaques?|lesions?|skin)\b"#)
  private static let bowel = TextPattern(
    #"\bcrohn'?s?\b|\bulcerative colitis\b|\binflammatory bowel disease\b|\bIBD\b"#
      + #"|\bcolitis\b"#)
  private static let nsaid =
    #"(?:NSAIDs?|anti-?inflammator\w*|naproxen|ibuprofen|meloxicam|indomethacin|celecoxib"#
    + #"|diclofenac|etodolac|Aleve|Advil|Motrin|Mobic|Celebrex)"#
  private static let goodNSAIDResponse = TextPattern(
    #"\b(?:good|excellent|marked|dramatic|significant|strong|brisk|prompt|clear)\s+"#
      + #"(?:response|improvement|relief|benefit)\s+(?:to|with|from|on)\s+(?:\w+\s+)?"# + nsaid
      + #"|\bresponds? (?:well |promptly |dramatically )?to\s+(?:\w+\s+)?"# + nsaid + #"|\b"#
      + nsaid + #"\s+(?:\w+\s+)?(?:helps?|helped|work|works|worked)\s+(?:very\s+)?(?:well"#
      + #"|considerably|a lot|significantly|dramatically|markedly)\b"#)
  private static let poorNSAIDResponse = TextPattern(
    #"\b(?:no|poor|little|minimal|without)\s+(?:\w+\s+)?(?:response|improvement|relief"#
      + #"|benefit)\s+(?:to|with|from|on)\s+(?:\w+\s+)?"# + nsaid)
  private static let family = TextPattern(
    #"\bfamily (?:history|hx)\b|\bFHx?\b|\b(?:mother|father|brother|sister|son|daughter"#
      + #"|sibling|aunt|uncle|cousin|grandmother|grandfather|parent)\b"#)
  private static let noFamilyHistory = TextPattern(
    #"\bfamily (?:history|hx)\s*(?::|of)?\s*(?:is\s+)?(?:negative|noncontributory|non-contributory"#
      + #"|none|unremarkable)\b"#)
  private static let hla = #"HLA-?\s?B\s?-?27"#
  private static let hlaPositive = TextPattern(
    #"\b"# + hla + #"\b\s*(?:\(|:|is|was|test\w*)?\s*(?:\+|pos\b|positive|detected|present)"#
      + #"|\b(?:positive|\+)\s+(?:for\s+)?"# + hla + #"\b|\b"# + hla + #"\s*\(\+\)"#)
  private static let hlaNegative = TextPattern(
    #"\b"# + hla + #"\b\s*(?:\(|:|is|was|test\w*)?\s*(?:-(?!\s?\d)|neg\b|negative|not detected"#
      + #"|absent)|\bnegative\s+(?:for\s+)?"# + hla + #"\b|\b"# + hla + #"\s*\(-\)"#)
  private static let crp = #"(?:CRP|C-reactive protein|hs-?CRP)"#
  private static let crpElevated = TextPattern(
    #"\b(?:elevated|raised|high|increased|abnormal)\s+(?:[\w/]+\s+){0,3}\(?"# + crp
      + #"\b|\b"# + crp
      + #"\b\s*(?:\(|:|is|was|of|level)?\s*(?:was\s+|is\s+)?(?:elevated|raised|high|increased"#
      + #"|\d+(?:\.\d+)?\s*mg/[dL]+\s*\(?(?:H|high|elevated)\b)"#)
  /// "CRP today is 14 mg/L (normal < 5)", "CRP 2.1 mg/dL (ref 0-0.8)".
  private static let crpAgainstLimit = TextPattern(
    #"\b"# + crp + #"\b[^.;\d]{0,20}?(\d+(?:\.\d+)?)\s*(?:mg/[dL]+)?\s*[(\[,;]?\s*(?:normal"#
      + #"|ref\w*|reference range|ULN|upper limit(?: of normal)?)\s*(?:range\s*)?[:=]?\s*"#
      + #"(?:<|≤|under|below|up to|less than|0(?:\.0)?\s*(?:-|to)\s*)?\s*(\d+(?:\.\d+)?)"#)
  private static let crpNormal = TextPattern(
    #"\b(?:normal|unremarkable)\s+(?:\w+\s+)?"# + crp + #"\b|\b"# + crp
      + #"\s*(?::|was|is|of)?\s*\d+(?:\.\d+)?\s*(?:mg/[dL]+)?\s*\(?(?:normal|WNL"#
      + #"|within normal limits)\b|\b"# + crp
      + #"\b\s*(?:\(|:|is|was|level)?\s*(?:was\s+|is\s+)?(?:normal|WNL|within normal limits"#
      + #"|unremarkable|not elevated|negative)\b"#)
}
