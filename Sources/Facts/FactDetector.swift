import Language
import Model

/// Finds the facts of a case's documents, one per distinct key as the annotation rules
/// count them, each with its evidence and the derivation (rule, lexicon entries, assertion
/// triggers) that produced it.
public struct FactDetector: Sendable {
  private let rules: [any FactRule]

  public init(lexicons: Lexicons) {
    rules = [
      PainScoreRule(), FunctionalDisabilityRule(), PainDurationRule(), PainPatternRule(),
      ProvocationTestRule(), BudapestFindingRule(), CRPSDiagnosisRule(), ReliefRule(),
      TherapyRule(), MedicationRule(), StaphScreenRule(), DecolonizationRule(),
      PsychEvaluationRule(), OpioidUseRule(), PriorProcedureRule(), ImagingFindingRule(),
      RiskFactorRule(), DiagnosisRule(lexicons: lexicons), SurgicalPlanRule(),
      ReadTwice(DeviceTrialRule()), ImplantProblemRule(), ConsultationRule(), AnginaClassRule(),
      PatientAgeRule(), SpondyloarthritisFeatureRule(), DiagnosticUncertaintyRule(),
      DeviceInterrogationRule(),
    ]
  }

  /// All facts of a case's documents, deduplicated per the annotation rules (one per
  /// distinct key; evidence merged).
  ///
  /// - Parameters:
  ///   - documents: the case's documents, as the Language stage annotated them.
  ///   - noteDate: the date of service of the most recent clinical note, against which
  ///     "since March 2025" is counted.
  public func detect(in documents: [AnnotatedDocument], noteDate: ClinicalDate?) -> [Fact] {
    detect(in: CaseNotes(documents), noteDate: noteDate)
  }

  /// All facts of a case's notes (see `detect(in:noteDate:)` above), read from notes that
  /// the request's detector reads too.
  public func detect(in caseNotes: CaseNotes, noteDate: ClinicalDate?) -> [Fact] {
    let notes = caseNotes.newestFirst
    // Passages hold their note unowned; keep every note alive until detection is done
    // (optimised builds otherwise release them after their last direct use).
    defer { withExtendedLifetime(caseNotes) {} }
    let reading = CaseReading(
      noteDate: noteDate, concernsCRPS: notes.contains { Self.crps.occurs(in: $0.document.text) },
      concernsNonSpinalPain: notes.contains(where: Self.concernsNonSpinalPain),
      concernsImplant: notes.contains { ImplantProblemRule.concernsImplant($0.document.text) },
      concernsSpondyloarthritis: notes.contains {
        SpondyloarthritisFeatureRule.concernsSpondyloarthritis($0.document.text)
      })

    var facts: [Fact] = []
    for note in notes {
      for passage in note.passages {
        for rule in rules { facts += rule.facts(in: passage, of: reading) }
      }
      if let course = PTDischargeRule.course(in: note) { facts.append(course) }
    }
    return FactMerger.merge(facts)
  }

  /// Notes ordered by date of service, most recent first; undated notes last, in order.
  static func newestFirst(_ notes: [Note]) -> [Note] {
    notes.enumerated().sorted { lhs, rhs in
      switch (lhs.element.dateOfService, rhs.element.dateOfService) {
      case (let left?, let right?) where left != right: return left > right
      case (.some, nil): return true
      case (nil, .some): return false
      default: return lhs.offset < rhs.offset
      }
    }.map(\.element)
  }

  /// Whether a note speaks of the patient's own non-spinal pain: "his wife recently had
  /// shingles" or "no history of zoster" does not make a neck complaint non-spinal.
  private static func concernsNonSpinalPain(_ note: Note) -> Bool {
    nonSpinalPain.matches(in: note.document.text).contains { match in
      let context = note.context(of: match.range)
      return !context.isNegated && !context.isOtherPerson
    }
  }

  private static let nonSpinalPain = TextPattern(
    #"\b(?:CRPS|complex regional pain syndrome|reflex sympathetic dystrophy|herpes zoster"#
      + #"|shingles|postherpetic|post-herpetic|pancreatitis|phantom limb|carcinoma|cancer pain"#
      + #"|malignancy-related|visceral pain|pelvic cancer|ischemic (?:rest )?pain"#
      + #"|ischemic limb pain|peripheral arterial disease)\b"#
  )
  private static let crps = TextPattern(
    #"\b(?:CRPS|complex regional pain syndrome|reflex sympathetic dystrophy|RSD|causalgia"#
      + #"|Budapest)\b"#
  )
}

/// The date of service of the most recent clinical note of a case (a request form is not a
/// clinical note), or `nil` when no note gives one.
public func noteDate(of documents: [AnnotatedDocument]) -> ClinicalDate? {
  CaseNotes(documents).noteDate
}

/// A rule whose facts are reported twice over, read once.
///
/// Shortcoming: the device trial rule has long been listed twice among the detectors, which
/// is no rule of the annotation: merging each of its facts with its own copy sorts and
/// dedups the fact's lexicon entries and triggers, and the reports show them so. Its facts
/// are given twice, one after the other (the order in which merging meets them), so the
/// reports stay as they are; dropping the repeat changes those derivations.
struct ReadTwice<Rule: FactRule>: FactRule {
  let rule: Rule

  init(_ rule: Rule) { self.rule = rule }

  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    let facts = rule.facts(in: passage, of: reading)
    return facts + facts
  }
}

/// A case's documents as the detectors read them, made once for all of them: each note's
/// sentences, its lexicon hits by sentence, and what one detector worked out about a
/// sentence for the next (`Note.remembered`), shared by the facts and the request.
public final class CaseNotes {
  /// The notes by date of service, most recent first (see `FactDetector.newestFirst`).
  let newestFirst: [Note]

  public init(_ documents: [AnnotatedDocument]) {
    newestFirst = FactDetector.newestFirst(documents.map(Note.init))
  }

  /// The date of service of the most recent clinical note (a request form is not one), or
  /// `nil` when no note gives one.
  public var noteDate: ClinicalDate? {
    newestFirst.filter { !RequestForm.isRequestForm($0) }.compactMap(\.dateOfService).max()
  }
}

/// Recognises the forms on which a provider requests authorization.
enum RequestForm {
  static func isRequestForm(_ note: Note) -> Bool { heading.occurs(in: note.heading) }

  private static let heading = TextPattern(
    #"\b(?:prior authori[sz]ation|authori[sz]ation request|request for authori[sz]ation"#
      + #"|pre-?certification|precert|request form|service request|utilization review request"#
      + #"|referral form)\b"#
  )
}
