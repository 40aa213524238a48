import Model

/// Cases of every determination, built the way the pipeline builds them, with the documents
/// their evidence quotes. The notes are fictional.
enum ReportFixtures {
  static let officeNote = Document(
    name: "office-note.pdf",
    pages: [
      Page(
        number: 1,
        text: """
          Interventional Pain Clinic, office note
          Date of service: 03/14/2026
          History: left buttock and low back pain for 8 months, worse when rising from a chair.
          Average pain 7/10. She denies pain radiating below the knee.
          """,
        source: .textLayer),
      Page(
        number: 2,
        text: """
          Examination: FABER positive on the left.
          Thigh thrust positive on the left. Distraction negative.
          Assessment: left sacroiliac joint pain.
          Plan: left sacroiliac joint injection under fluoroscopy on 03/28/2026.
          """,
        source: .textLayer),
    ])

  static let therapyNote = Document(
    name: "pt-discharge.pdf",
    pages: [
      Page(
        number: 1,
        text:
          "Physical therapy discharge. Completed 6 weeks of\ncore stabilization; pain unchanged.\n",
        source: .ocr, ocrConfidence: 62)
    ])

  /// A document whose text looks like markup, as a hostile or careless PDF might contain.
  static let hostileForm = Document(
    name: "intake-<b>form</b>.pdf",
    pages: [
      Page(
        number: 1,
        text: """
          Referral reason: <script>alert('pwned')</script> back pain
          Signature: <img src=x onerror=alert(1)> & "quoted"
          """,
        source: .textLayer)
    ])

  static let documents = [officeNote, therapyNote, hostileForm]

  static let summaries = [
    DocumentSummary(name: officeNote.name, pageCount: 2),
    DocumentSummary(
      name: therapyNote.name, pageCount: 2, pagesNeedingOCR: [2],
      ocrPages: [OCRPage(page: 1, meanConfidence: 62)]),
    DocumentSummary(name: hostileForm.name, pageCount: 1),
    DocumentSummary(name: "scan.pdf", pageCount: 0, failure: "the file is encrypted"),
  ]

  static let request = ServiceRequest(
    cpt: ["27096"], plannedDate: ClinicalDate(iso: "2026-03-28"), region: .sacroiliac,
    side: .left, purpose: "diagnostic")

  /// Evidence for the first occurrence of `words` in a document, with offsets, as
  /// `Document.evidence` makes it.
  static func quote(_ words: String, in document: Document) -> Evidence {
    let haystack = document.utf16
    let needle = Array(words.utf16)
    let start = (0...(haystack.count - needle.count)).first {
      Array(haystack[$0..<($0 + needle.count)]) == needle
    }
    guard let start else { fatalError("fixture quote '\(words)' is not in \(document.name)") }
    return document.evidence(start..<(start + needle.count))
  }

  static let painEvidence = quote("Average pain 7/10", in: officeNote)
  static let faberEvidence = quote("FABER positive on the left", in: officeNote)
  static let thighThrustEvidence = quote("Thigh thrust positive on the left", in: officeNote)
  /// A quote across a line break, given without offsets: found by searching.
  static let therapyEvidence = Evidence(
    document: therapyNote.name, page: 1, text: "Completed 6 weeks of core stabilization",
    ocrConfidence: 62)
  /// Words the extracted text does not hold (the quote was normalised differently).
  static let unlocatableEvidence = Evidence(
    document: officeNote.name, page: 2, text: "sacroiliac joint tenderness")
  static let hostileEvidence = quote(
    "<script>alert('pwned')</script> back pain", in: hostileForm)

  static let facts = [
    Fact(.painScore(PainScore(value: 7, context: .average)), evidence: [painEvidence]),
    Fact(.painDuration(PainDuration(months: 8)), evidence: [quote("for 8 months", in: officeNote)]),
    Fact(
      .provocationTest(ProvocationTest(test: .faber, result: .positive, side: .left)),
      evidence: [faberEvidence]),
    Fact(
      .provocationTest(ProvocationTest(test: .thighThrust, result: .positive, side: .left)),
      evidence: [thighThrustEvidence]),
    Fact(
      .therapy(
        Therapy(modality: .physicalTherapy, weeks: 6, status: .completed, outcome: .failed)),
      evidence: [therapyEvidence]),
    Fact(
      .diagnosis(Diagnosis(condition: .other)), evidence: [hostileEvidence]),
  ]

  static func criterion(
    _ family: GapFamily, _ status: CriterionStatus, reason: String, request: String? = nil,
    evidence: [Evidence] = []
  ) -> CriterionResult {
    CriterionResult(
      id: "1756.sij.\(family.rawValue)", guideline: "1756", section: "II.A",
      description: description(family), family: family, status: status, reason: reason,
      providerRequest: request, evidence: evidence)
  }

  static func description(_ family: GapFamily) -> String {
    switch family {
    case .painSeverity: "Pain of at least 6 out of 10 on the scale the note uses"
    case .painDuration: "Pain present for three months or longer"
    case .provocationTests: "Three or more sacroiliac provocation manoeuvres reproduce the pain"
    case .conservativeCare: "A trial of active conservative care that did not relieve the pain"
    default: "A criterion about \(family.rawValue)"
    }
  }

  static let metSeverity = criterion(
    .painSeverity, .met, reason: "Average pain 7/10 meets the minimum of 6/10.",
    evidence: [painEvidence])
  static let metDuration = criterion(
    .painDuration, .met, reason: "Pain for 8 months exceeds 3 months.",
    evidence: [quote("for 8 months", in: officeNote)])

  static let pendDetermination = Determination(
    guideline: "1756", indication: "sacroiliacJointPain", phase: "diagnostic",
    determination: .pend, gaps: [.provocationTests, .conservativeCare],
    criteria: [
      metSeverity, metDuration,
      criterion(
        .provocationTests, .notDocumented,
        reason: "2 positive provocation tests documented (FABER, thigh thrust); 3 are needed.",
        request: "Send the examination naming a third positive sacroiliac provocation test.",
        evidence: [faberEvidence, thighThrustEvidence, unlocatableEvidence]),
      criterion(
        .conservativeCare, .notDocumented,
        reason: "6 weeks of physical therapy documented; no home exercise program is named.",
        request: "Send the home exercise program prescribed and how the patient did with it.",
        evidence: [therapyEvidence]),
    ])

  static let pend = CaseReport(
    case: "sij-014", noteDate: ClinicalDate(iso: "2026-03-14"), request: request,
    documents: summaries, facts: facts, determinations: [pendDetermination])

  static let ready = CaseReport(
    case: "sij-002", noteDate: ClinicalDate(iso: "2026-03-14"), request: request,
    documents: summaries, facts: facts,
    determinations: [
      Determination(
        guideline: "1756", indication: "sacroiliacJointPain", phase: "diagnostic",
        determination: .ready, gaps: [], criteria: [metSeverity, metDuration])
    ])

  static let clinicalReview = CaseReport(
    case: "sij-020", noteDate: ClinicalDate(iso: "2026-03"), request: request,
    documents: summaries, facts: facts,
    determinations: [
      Determination(
        guideline: "1756", indication: "sacroiliacJointPain", determination: .clinicalReview,
        gaps: [.painSeverity],
        criteria: [
          criterion(
            .painSeverity, .notMet, reason: "Current pain 3/10 is below the minimum of 6/10.",
            evidence: [painEvidence]),
          metDuration,
        ])
    ])

  static let excluded = CaseReport(
    case: "sij-031", noteDate: nil,
    request: ServiceRequest(cpt: ["64999"], service: "sacral lateral branch block"),
    documents: summaries, facts: facts,
    determinations: [
      Determination(
        guideline: "1756", indication: "sacroiliacJointPain", determination: .excluded,
        gaps: [], criteria: [],
        exclusionReason: "Sacral lateral branch blocks are outside guideline 1756.")
    ])

  /// An epidural request reviewed under both guidelines that cover it.
  static let twoGuidelines: CaseReport = {
    func epidural(_ guideline: String, _ status: CriterionStatus) -> CriterionResult {
      CriterionResult(
        id: "\(guideline).esi.painDuration", guideline: guideline, section: "I.B",
        description: "Radicular pain present for four weeks or longer", family: .painDuration,
        status: status, reason: "Pain for 8 months exceeds 4 weeks.",
        providerRequest: status == .met ? nil : "Send the date the leg pain began.",
        evidence: [quote("for 8 months", in: officeNote)])
    }
    return CaseReport(
      case: "esi-007", noteDate: ClinicalDate(iso: "2026-03-14"),
      request: ServiceRequest(cpt: ["62323"], region: .lumbar, levels: ["L4-5", "L5-S1"]),
      documents: summaries, facts: facts,
      determinations: [
        Determination(
          guideline: "1750", indication: "radiculopathy", determination: .pend,
          gaps: [.painDuration], criteria: [epidural("1750", .notDocumented)]),
        Determination(
          guideline: "1751", indication: "radiculopathy", determination: .ready, gaps: [],
          criteria: [epidural("1751", .met)]),
      ])
  }()

  /// The fixture case whose determination is `status`.
  static func report(_ status: DeterminationStatus) -> CaseReport {
    switch status {
    case .ready: ready
    case .pend: pend
    case .clinicalReview: clinicalReview
    case .excluded: excluded
    }
  }
}
