import Language
import Model

/// Finds the patient's age: as the note states it ("68-year-old", "68 y/o", "Age: 68", "81F")
/// or from the date of birth and the most recent note's date, and the age at which the
/// complaint began ("onset at age 38", "since the age of 30", "age 45 at onset").
///
/// Ages of other people ("her 45-year-old son", "mother, 70") are not the patient's, and
/// numbers that only look like ages ("a 20-year history", "38 weeks", "20 pack-years") are
/// not ages at all.
struct PatientAgeRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    let namesAge = Self.age.mayOccur(in: passage.text)
    let onset = namesAge ? onsetAges(in: passage) : []
    let taken = onset.map(\.range)
    let stated = namesAge ? statedAges(in: passage, excluding: taken) : []
    let current = stated + birthDateAge(in: passage, reading)
    return (onset + current).map { found in
      passage.fact(
        .patientAge(PatientAge(years: found.years, context: found.context)),
        rule: "patientAge.\(found.rule)")
    }
  }

  private struct FoundAge {
    let years: Int
    let context: AgeContext
    let range: Range<Int>
    let rule: String
  }

  /// "onset at age 38", "began at the age of 30", "since age 30", "age at onset: 38",
  /// "age 45 at onset", "started when she was 28".
  private func onsetAges(in passage: Passage) -> [FoundAge] {
    let text = passage.text
    var found: [FoundAge] = []
    for pattern in [Self.onsetBeforeAge, Self.ageBeforeOnset] {
      for match in pattern.matches(in: text) {
        guard let years = Self.years(in: match), Self.plausible.contains(years),
          !found.contains(where: { $0.range.overlaps(match.range) }),
          Self.complaint.occurs(in: text), isAge(match.range, in: passage)
        else { continue }
        found.append(FoundAge(years: years, context: .onset, range: match.range, rule: "onset"))
      }
    }
    return found
  }

  /// Ages stated outright: "a 68-year-old man", "68 y/o", "Age: 68", "81F".
  private func statedAges(in passage: Passage, excluding taken: [Range<Int>]) -> [FoundAge] {
    let text = passage.text
    var found: [FoundAge] = []
    // A label ("Age: 68") is no age where an event's words lead to it ("at age 12").
    for (pattern, rule, isLabel) in [
      (Self.yearsOld(for: text), "yearsOld", false), (Self.labelled, "labelled", true),
    ] {
      for match in pattern.matches(in: text) {
        guard let years = Self.years(in: match), Self.plausible.contains(years),
          !taken.contains(where: { $0.overlaps(match.range) }),
          !found.contains(where: { $0.range.overlaps(match.range) }),
          !Self.onsetAfter.occurs(in: text, within: match.range.upperBound..<text.utf16.count),
          !isLabel || !Self.eventBefore.occurs(in: text, within: Self.lead(of: match.range)),
          isAge(match.range, in: passage)
        else { continue }
        found.append(FoundAge(years: years, context: .current, range: match.range, rule: rule))
      }
    }
    return found
  }

  /// The age on the most recent note's date from a date of birth ("DOB: 04/11/1978").
  private func birthDateAge(in passage: Passage, _ reading: CaseReading) -> [FoundAge] {
    guard let reference = reading.noteDate ?? passage.note.dateOfService else { return [] }
    let mention = passage.note.annotated.dates.first {
      $0.role == .dateOfBirth && passage.range.contains($0.range.lowerBound) && $0.date?.day != nil
    }
    guard let mention, let birth = mention.date else { return [] }

    // A two-digit year the date reader placed in this century ("DOB 11/27/61").
    let year = birth.year > reference.year ? birth.year - 100 : birth.year
    let hadBirthday = (reference.month, reference.day ?? 1) >= (birth.month, birth.day ?? 1)
    let years = reference.year - year - (hadBirthday ? 0 : 1)
    guard Self.plausible.contains(years) else { return [] }
    return [
      FoundAge(
        years: years, context: .current, range: passage.local(mention.range),
        rule: "dateOfBirth")
    ]
  }

  /// Whether a number is the patient's age: not negated, not someone else's ("her son, 45",
  /// "her 10-year-old daughter"), not a length of time ("since she was 30 weeks pregnant").
  private func isAge(_ range: Range<Int>, in passage: Passage) -> Bool {
    let context = passage.context(ofLocal: range)
    guard !context.isOtherPerson, !context.isNegated else { return false }

    let text = passage.text
    let after = range.upperBound..<text.utf16.count
    return !Self.relativeBefore.occurs(in: text, within: Self.lead(of: range))
      && !Self.relativeAfter.occurs(in: text, within: after)
      && !Self.unitAfter.occurs(in: text, within: after)
  }

  /// The stretch just before a number, where the words that make it no age stand.
  private static func lead(of range: Range<Int>) -> Range<Int> {
    max(0, range.lowerBound - 30)..<range.lowerBound
  }

  static let plausible = 1...115

  /// The number a match captured, in whichever of its alternatives took part.
  private static func years(in match: TextMatch) -> Int? {
    (1...max(1, match.groups.count)).lazy.compactMap(match.group).first.flatMap { Int($0) }
  }

  /// What a stated or an onset age needs, whichever words give it: their literals turn away
  /// the many sentences that name no age.
  private static let age = AnyOfPatterns([yearsOld, labelled, onsetBeforeAge, ageBeforeOnset])
  private static let yearsOld = TextPattern(yearsOldInWordsPattern + "|" + yearsOldOpeningPattern)
  private static let yearsOldInWords = TextPattern(yearsOldInWordsPattern)
  private static let yearsOldInWordsPattern =
    #"\b(\d{1,3})(?:\s*-\s*|\s+)?(?:years?|yrs?|y)(?:\s*-\s*|\s+)old\b"#
    + #"|\b(\d{1,3})\s*(?:y/o|y\.o\.|yo|yoa)\b"#
  /// "68F", "Pt: 81 M": an age and a sex opening the sentence.
  private static let yearsOldOpeningPattern =
    #"^(?:S:\s*|Pt:?\s*|Patient:?\s*)?(\d{2,3})\s?(?-i:[MF])\b"#

  /// `yearsOld`, or its alternatives in words where the sentence cannot open with an age
  /// and a sex: they find the same matches there, and without the opening alternative,
  /// which may begin with "S" or "P", ICU need not try the sentence's every "s" and "p".
  private static func yearsOld(for text: String) -> TextPattern {
    // The opening matches only at the text's start, on "S", "P" or a digit, of which a
    // character outside ASCII may be a form ("ſ", "٣").
    guard let first = text.utf16.first, first < 0x80 else { return yearsOld }
    let mayOpen = (0x30...0x39).contains(first) || "SsPp".utf16.contains(first)
    return mayOpen ? yearsOld : yearsOldInWords
  }

  private static let labelled = TextPattern(labelledPattern)
  private static let labelledPattern = #"\b(?:age|aged)\s*[:=]?\s*(\d{1,3})\b(?!\s*(?:-|to)\s*\d)"#
  private static let onsetBeforeAge = TextPattern(onsetBeforeAgePattern)
  private static let onsetBeforeAgePattern =
    #"\b(?:onset|began|begun|beginning|started|starting|start|since|first|developed"#
    + #"|commenced)\b[^.;]{0,30}?\b(?:at\s+|in\s+)?(?:the\s+)?age(?:\s+of)?\s*[:=]?\s*"#
    + #"(\d{1,3})\b|\bage\s+(?:at|of)\s+onset\s*(?:was|of|:|=|\s)\s*(\d{1,3})\b"#
    + #"|\b(?:began|started|start|onset)\b[^.;]{0,30}?\bwhen\s+(?:she|he|they)\s+was"#
    + #"\s+(\d{1,3})\b|\bsince\s+(?:she|he|they)\s+(?:was|were)\s+(\d{1,3})\b"#
  private static let ageBeforeOnset = TextPattern(ageBeforeOnsetPattern)
  private static let ageBeforeOnsetPattern =
    #"\bage\s*[:=]?\s*(\d{1,3})\s+(?:at|of)\s+(?:symptom\s+|pain\s+)?onset\b"#
  /// "age 45 at onset": a labelled age followed by what makes it the onset's.
  private static let onsetAfter = TextPattern(
    #"^\s*(?:years?\s+)?(?:at|of)\s+(?:symptom\s+|pain\s+)?onset\b"#)
  /// A complaint the onset can belong to, in the sentence.
  private static let complaint = TextPattern(
    #"\b(?:pain|back|stiffness|symptoms?|ache|aching|LBP|onset)\b"#)
  /// "at age 12", "by age 50": an event's age, not a label.
  private static let eventBefore = TextPattern(
    #"\b(?:at|by|since|until|from|before|after|of|over|under|the|to|between)\s*$"#)
  private static let unitAfter = TextPattern(
    #"^\s*(?:weeks?|wks?|months?|mos?|days?|hours?|minutes?|mins?|%|percent|lbs?|kg)\b"#)
  private static let relativeAfter = TextPattern(
    #"^\s*(?:son|daughter|brother|sister|husband|wife|spouse|partner|child|grandson"#
      + #"|granddaughter|mother|father|nephew|niece)\b"#)
  private static let relativeBefore = TextPattern(
    #"\b(?:mother|father|son|daughter|brother|sister|husband|wife|spouse|partner|sibling"#
      + #"|child|children|grandmother|grandfather|aunt|uncle|cousin|mom|dad|niece|nephew"#
      + #"|grandson|granddaughter|caregiver)\b[^.;]{0,20}$"#)
}

extension FactMerger {
  /// Whether a fact is the patient's age now, of which a case lists one.
  static func isCurrentAge(_ fact: Fact) -> Bool {
    if case .patientAge(let age) = fact.detail { return age.context == .current }
    return false
  }

  /// The patient's age at the most recent note, with the evidence of every mention that
  /// agrees: from a date of birth where one is written (a stated age in a template goes
  /// stale), else the first stated in reading order (newest note first).
  static func currentAge(from facts: [Fact]) -> Fact? {
    let ages = facts.filter(isCurrentAge)
    let fromBirthDate = ages.first { $0.derivation?.rule == "patientAge.dateOfBirth" }
    guard let chosen = fromBirthDate ?? ages.first else { return nil }
    return ages.dropFirst().filter { $0.detail == chosen.detail }.reduce(chosen, combine)
  }

  /// How long the complaint has lasted where no note says, from the age it began at and the
  /// age now: "back pain since age 50" in a 56-year-old is six years (72 months).
  static func painDuration(fromOnsetIn facts: [Fact], currentAge: Fact?) -> Fact? {
    let onset = facts.first {
      if case .patientAge(let age) = $0.detail { return age.context == .onset }
      return false
    }
    guard let onset, let currentAge, case .patientAge(let began) = onset.detail,
      case .patientAge(let now) = currentAge.detail, now.years > began.years
    else { return nil }

    var derivation = onset.derivation ?? Derivation(rule: "")
    derivation.rule = "painDuration.fromOnsetAge"
    return Fact(
      .painDuration(PainDuration(months: Double(now.years - began.years) * 12)),
      evidence: onset.evidence, derivation: derivation)
  }
}
