import Language
import Model

/// Reads the requested service from the documents when intake's request lacks it: CPT
/// codes, the planned date, region, side, levels, the purpose, the service in words, and the
/// reason (a form's reason field, or the sentence of a note that requests the service).
public struct RequestDetector: Sendable {
  public init(lexicons: Lexicons) {}

  /// The request as the documents state it; fields the documents do not state are empty.
  public func detect(in documents: [AnnotatedDocument]) -> ServiceRequest {
    detect(in: CaseNotes(documents))
  }

  /// The request as the notes state it (see `detect(in:)` above), read from notes that the
  /// fact detector reads too.
  public func detect(in caseNotes: CaseNotes) -> ServiceRequest {
    let notes = caseNotes.newestFirst
    // Passages hold their note unowned; keep every note alive until detection is done
    // (optimised builds otherwise release them after their last direct use).
    defer { withExtendedLifetime(caseNotes) {} }
    let forms = notes.filter(RequestForm.isRequestForm)
    let ordered = forms + notes.filter { !RequestForm.isRequestForm($0) }
    let sentences = ordered.flatMap(\.passages).map(RequestSentence.init)
    let formSentences = forms.reduce(0) { $0 + $1.passages.count }

    let fields = forms.flatMap(RequestFormField.fields)
    var request = ServiceRequest()
    request.cpt = Self.codes(in: sentences)
    request.plannedDate =
      fields.first { $0.kind == .plannedDate && !$0.dates.isEmpty }?.dates.first
      ?? Self.plannedDate(in: sentences)
    if let (field, hit) = Self.requestedService(in: fields) {
      describe(&request, hit: hit, in: field.passage, service: field.value)
    } else if let (passage, hit) = Self.requestedProcedure(
      in: sentences, formSentences: formSentences)
    {
      describe(&request, hit: hit, in: passage, service: hit.concept)
      request.reason = passage.text
    }
    fillSite(of: &request, from: fields)
    request.reason = fields.first { $0.kind == .reason }?.value ?? request.reason
    request.guidance = Self.guidance(in: sentences, formSentences: formSentences)
    return request
  }

  /// The imaging guidance planned for the service: "under fluoroscopy", "CT-guided",
  /// "ultrasound-guided", "landmark technique, no fluoro", in a request form, a plan, or a
  /// sentence that requests a procedure. How an earlier procedure was done ("performed under
  /// fluoroscopy" in a procedure note) is not the plan.
  private static func guidance(in sentences: [RequestSentence], formSentences: Int)
    -> PlannedGuidance?
  {
    for (index, sentence) in sentences.enumerated() {
      guard
        index < formSentences || sentence.passage.section?.isPlan == true
          || isRequest(sentence)
      else { continue }
      for match in sentence.matches(of: guidanceWords) {
        if sentence.passage.context(ofLocal: match.range).isNegated { return .unguided }
        return PlannedGuidance(words: match.value)
      }
    }
    return nil
  }

  /// The service, its place and its purpose, from the sentence that names the procedure.
  private func describe(
    _ request: inout ServiceRequest, hit: LexiconHit, in passage: Passage, service: String
  ) {
    let reference = ProcedureReference.reference(hit, in: passage)
    request.service = service
    request.region = reference?.region
    request.side = reference?.side
    request.levels = reference?.levels ?? []
    request.purpose = Self.purpose(
      in: passage.text, near: passage.local(hit.range), kind: reference?.kind)
  }

  /// Region, side and levels a form gives in fields of their own ("REGION / SIDE: thoracic,
  /// right"), where the service's own words left them out.
  private func fillSite(of request: inout ServiceRequest, from fields: [RequestFormField]) {
    for field in fields where field.kind == .site {
      let value = field.value
      request.region = request.region ?? ProcedureReference.region(in: value)
      request.side = request.side ?? ClinicalWords.side(in: value)
      if request.levels.isEmpty { request.levels = ClinicalWords.levels(in: value) }
    }
  }

  /// A form's service field that names a procedure, with the procedure's lexicon hit.
  static func requestedService(in fields: [RequestFormField]) -> (
    RequestFormField, LexiconHit
  )? {
    for field in fields where field.kind == .service {
      let start = field.passage.absolute(field.valueStart..<field.valueStart).lowerBound
      let sentence = RequestSentence(field.passage)
      if let hit = field.passage.hits("procedures").first(where: {
        $0.range.lowerBound >= start && !isPast($0, sentence)
      }) {
        return (field, hit)
      }
    }
    return nil
  }

  /// CPT codes: after a "CPT" label, or pain-procedure codes in a sentence about a request.
  private static func codes(in sentences: [RequestSentence]) -> [String] {
    var codes: [String] = []
    for sentence in sentences {
      var labelled = sentence.matches(of: labelledCodes).flatMap { match in
        codePattern.matches(in: match.value).map(\.value)
      }
      // A form's "CPT:" label with its value in the next field.
      if labelled.isEmpty, sentence.holds(cptLabelOnly), let next = sentence.passage.next {
        labelled = codePattern.matches(in: next.text).map(\.value)
      }
      let known =
        sentence.wordsRequest ? sentence.matches(of: painProcedureCode).map(\.value) : []
      for code in labelled + known where !codes.contains(code.uppercased()) {
        codes.append(code.uppercased())
      }
    }
    return codes
  }

  /// The date the procedure is planned for: "scheduled for 03/28/2026", "DOS requested".
  ///
  /// In order: a labelled date ("Planned date of service: 10/19/2026", "Target date
  /// 02/24/26"), a date after a scheduling word, then the first date after the note's own
  /// date in a sentence that requests or plans a procedure ("submit … for 06/02/2026").
  private static func plannedDate(in sentences: [RequestSentence]) -> ClinicalDate? {
    for sentence in sentences where sentence.holds(dateLabel) {
      let passage = sentence.passage
      if let date = passage.dates.first?.date ?? passage.next?.dates.first?.date { return date }
    }
    for sentence in sentences where sentence.holds(scheduleCue) {
      if let date = sentence.passage.dates.first?.date { return date }
    }
    for sentence in sentences where isRequest(sentence) {
      let passage = sentence.passage
      let noteDate = passage.note.dateOfService
      if let date = passage.dates.map(\.date).first(where: { date in
        noteDate.map { date.isAfter($0) } ?? true
      }) {
        return date
      }
    }
    return nil
  }

  /// Whether a sentence requests or plans a procedure.
  private static func isRequest(_ sentence: RequestSentence) -> Bool {
    let passage = sentence.passage
    let names = !passage.hits("procedures").isEmpty || sentence.holds(painProcedureCode)
    return names && (passage.section?.isPlan == true || sentence.wordsRequest)
  }

  /// The procedure requested: a request form's, or the plan's of the newest note.
  /// `sentences` are the notes' in order, those of request forms (the first
  /// `formSentences`) first.
  private static func requestedProcedure(
    in sentences: [RequestSentence], formSentences: Int
  ) -> (Passage, LexiconHit)? {
    for (index, sentence) in sentences.enumerated() {
      let passage = sentence.passage
      guard index < formSentences || passage.section?.isPlan == true || sentence.wordsRequest,
        let hit = passage.hits("procedures").first(where: { !isPast($0, sentence) })
      else { continue }
      return (passage, hit)
    }
    return nil
  }

  private static func isPast(_ hit: LexiconHit, _ sentence: RequestSentence) -> Bool {
    let context = sentence.passage.context(of: hit)
    return context.isNegated || context.isHistorical
      || sentence.holds(pastCue) && !sentence.wordsRequest
  }

  /// The purpose a request names, or a trial's own: a surgical-planning purpose anywhere in
  /// the sentence, else the purpose word nearest the procedure ("permanent DRG stimulator
  /// with the platform of the trial" is permanent; "SCS trial before a permanent implant" is
  /// a trial).
  static func purpose(in text: String, near procedure: Range<Int>, kind: ProcedureKind?)
    -> String?
  {
    if surgicalPlanning.occurs(in: text) { return "surgicalPlanning" }

    var nearest: (purpose: String, distance: Int)?
    if kind?.isTrial == true { nearest = ("trial", 0) }
    for (purpose, pattern) in purposeWords {
      for match in pattern.matches(in: text) {
        let distance = gap(between: match.range, and: procedure)
        if distance < nearest?.distance ?? .max { nearest = (purpose, distance) }
      }
    }
    return nearest?.purpose
  }

  /// Characters between two ranges; 0 when they touch or overlap.
  private static func gap(between a: Range<Int>, and b: Range<Int>) -> Int {
    if a.overlaps(b) { return 0 }
    return a.upperBound <= b.lowerBound ? b.lowerBound - a.upperBound : a.lowerBound - b.upperBound
  }

  /// Words naming a purpose, in the order that breaks a tie.
  private static let purposeWords: [(String, TextPattern)] = [
    ("trial", TextPattern(#"\btrial\b"#)),
    // A re-implantation after a removal replaces the device: a revision, not a first implant;
    // so does replacing or exchanging a device ("replacement of the pump", "IPG exchange"),
    // though not another kind of replacement ("knee replacement").
    ("revision", TextPattern(#"\b(?:revision|re-?implant\w*)\b"# + deviceReplacement)),
    ("permanent", TextPattern(#"\b(?:permanent|(?<!re-)implant(?:ation)?)\b"#)),
    (
      "diagnostic",
      TextPattern(#"\bdiagnostic\b|\bconfirmatory\b|\bsecond (?:MBB|block|medial branch)"#)
    ),
    ("therapeutic", TextPattern(#"\b(?:therapeutic|repeat)\b"#)),
  ]

  private static let implantedDevice =
    #"(?:pump|generator|IPG|battery|stimulator|neurostimulator|device|lead|electrode|catheter)s?"#
  private static let deviceReplacement =
    #"|\b(?:replac(?:e|es|ed|ing|ement)|exchang(?:e|es|ed|ing)) (?:of )?(?:the |her |his |a "#
    + #"|their )?(?:[\w-]+ ){0,3}"# + implantedDevice + #"\b|\b"# + implantedDevice
    + #" (?:replacement|exchange)\b"#

  private static let labelledCodes = TextPattern(
    #"\b(?:CPT|HCPCS|procedure code)s?\s*(?:code)?s?\s*[:#]?\s*(?:[0-9]{4}[0-9A-Z]"#
      + #"|G\d{4})(?:\s*(?:,|/|&|and|x\s*\d|\+)\s*(?:[0-9]{4}[0-9A-Z]|G\d{4}))*"#
  )
  private static let cptLabelOnly = TextPattern(
    #"^\s*(?:CPT|HCPCS)(?:\s+codes?|\s*codes?\s*\(s\)|\(s\))?\s*:?\s*$"#)
  private static let dateLabel = TextPattern(
    #"\b(?:target|planned|requested|proposed|anticipated|expected|tentative) (?:date"#
      + #"|DOS)(?: of (?:service|procedure))?\b|\bdate of (?:planned )?(?:procedure"#
      + #"|service requested)\b"#
  )
  private static let codePattern = TextPattern(#"\b(?:\d{4}[0-9A-Z]|G\d{4})\b"#)
  private static let painProcedureCode = TextPattern(
    #"\b(?:6[234]\d{3}|27096|2055[23]|G0260|0\d{3}T)\b(?![-/.]\d)"#)
  fileprivate static let requestCue = TextPattern(
    #"\b(?:request\w*|authori[sz]\w*|plan(?:ned|s)?|schedul\w*|proceed with|will perform"#
      + #"|recommend\w*|CPT|order\w*|to be performed|submit\w*)\b"#
  )
  private static let scheduleCue = TextPattern(
    #"\b(?:scheduled|schedule|planned (?:date|for|on)|date of (?:procedure|service requested"#
      + #"|planned service)|procedure date|requested date|anticipated date|tentative(?:ly)?"#
      + #"|expected date|planned DOS)\b"#
  )
  static let guidanceWords = TextPattern(
    #"\b(?:fluoro\w*|C-?arm|CT[- ]guid\w*|under CT|CT guidance|ultrasound[- ]guid\w*"#
      + #"|under ultrasound|ultrasound guidance|US[- ]guided|sonograph\w*|image[- ]guid\w*"#
      + #"|imaging guidance|under imaging|landmark\w*|blind(?:ly)?)\b"#)
  private static let pastCue = TextPattern(
    #"\b(?:s/p|status post|underwent|had|received|prior|previous|previously|after the"#
      + #"|following the)\b"#
  )
  private static let surgicalPlanning = TextPattern(
    #"\b(?:surgical planning|pre-?surgical|prior to (?:planned )?surgery|to guide surgery"#
      + #"|surgical decision)\b"#
  )
}

/// A sentence of the case as the request's fields read it, one after another: its prepared
/// form looked up once, and whether it words a request (`requestCue`) found once, which the
/// codes, the planned date and the procedure all ask.
///
/// Most sentences lack the literals of the patterns asked about here: the prepared form
/// turns those away without a search, which would look it up again for each pattern and
/// make an empty result.
private final class RequestSentence {
  let passage: Passage
  private let searchable: SearchableText

  init(_ passage: Passage) {
    self.passage = passage
    searchable = SearchableText.of(passage.text)
  }

  /// Whether the sentence holds `RequestDetector.requestCue`.
  private(set) lazy var wordsRequest = holds(RequestDetector.requestCue)

  func matches(of pattern: TextPattern) -> [TextMatch] {
    pattern.mayOccur(in: searchable) ? pattern.matches(in: passage.text) : []
  }

  func holds(_ pattern: TextPattern) -> Bool {
    pattern.mayOccur(in: searchable) && pattern.occurs(in: passage.text)
  }
}

extension PlannedGuidance {
  /// The guidance a matched phrase of `RequestDetector.guidanceWords` names.
  init(words: String) {
    let lowered = words.lowercased()
    if lowered.hasPrefix("fluoro") || lowered.hasPrefix("c-arm") || lowered.hasPrefix("carm") {
      self = .fluoroscopy
    } else if lowered.contains("ct") && !lowered.contains("ultra") {
      self = .ct
    } else if lowered.contains("ultrasound") || lowered.hasPrefix("us") || lowered.hasPrefix("sono")
    {
      self = .ultrasound
    } else if lowered.hasPrefix("landmark") || lowered.hasPrefix("blind") {
      self = .unguided
    } else {
      self = .imaging
    }
  }
}
