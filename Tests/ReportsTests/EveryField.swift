import Model

/// A report in which every field the JSON report can hold has a value, so a test can check
/// that the README describes each one.
enum EveryField {
  static let date = ClinicalDate(iso: "2026-01-05")
  static let evidence = [
    Evidence(
      document: "note.pdf", page: 1, text: "words", start: 0, end: 5, section: "assessment",
      ocrConfidence: 90)
  ]

  static let details: [FactDetail] = [
    .painScore(PainScore(value: 8, low: 6, context: .average, region: "low back")),
    .functionalDisability(
      FunctionalDisability(present: true, instrument: .odi, score: 42, activity: "standing")),
    .painDuration(PainDuration(months: 8, onset: date)),
    .painPattern(PainPattern(pattern: .axial, site: "low back")),
    .provocationTest(ProvocationTest(test: .faber, result: .positive, side: .left)),
    .budapestFinding(
      BudapestFinding(category: .sensory, kind: .sign, present: true, finding: "allodynia")),
    .crpsDiagnosis(CRPSDiagnosis(crpsType: 1, budapestStated: true)),
    .relief(
      Relief(
        percent: 80, procedure: .medialBranchBlock, durationDays: 90, procedureDate: date,
        functionalImprovement: true, levels: ["L4-5"], side: .bilateral)),
    .therapy(
      Therapy(
        modality: .medication, name: "ibuprofen", start: date, end: date, weeks: 8, sessions: 12,
        status: .completed, outcome: .failed, prescribedBy: .physician, followUpDocumented: true,
        drugClass: "nsaid", unableReason: "renal disease")),
    .staphScreen(StaphScreen(organism: .mrsa, result: .negative, date: date)),
    .decolonization(Decolonization(planned: true, start: date, agents: ["mupirocin"])),
    .psychEvaluation(PsychEvaluation(completed: true, date: date, cleared: true)),
    .opioidUse(OpioidUse(status: .current, weeks: 10)),
    .priorProcedure(
      PriorProcedure(
        procedure: .epiduralInjection, date: date, region: .lumbar, side: .left, levels: ["L5-S1"])),
    .imagingFinding(
      ImagingFinding(finding: .facetArthropathy, modality: .mri, date: date, levels: ["L4-5"])),
    .riskFactor(RiskFactor(condition: .anticoagulation, present: true, detail: "apixaban")),
    .diagnosis(Diagnosis(condition: .facetJointPain, icd10: "M47.816")),
    .surgicalPlan(SurgicalPlan(kind: .surgeryPlanned, date: date)),
    .deviceTrial(
      DeviceTrial(device: .spinalCordStimulator, percent: 60, days: 7, functionalImprovement: true)),
    .implantProblem(ImplantProblem(problem: .leadMigration, device: .spinalCordStimulator)),
    .consultation(Consultation(specialty: .infectiousDisease, date: date)),
    .anginaClass(AnginaClass(system: .nyha, class: 3)),
    .patientAge(PatientAge(years: 58, context: .current)),
    .spondyloarthritisFeature(SpondyloarthritisFeature(feature: .hlaB27, present: true)),
    .diagnosticUncertainty(DiagnosticUncertainty(kind: .multilevelPathology)),
    .deviceInterrogation(DeviceInterrogation(device: .intrathecalPump, date: date)),
  ]

  static let criterion = CriterionResult(
    id: "1753.mbb.relief", guideline: "1753", section: "III.B", description: "words",
    family: .priorResponse, status: .notDocumented, reason: "words", providerRequest: "words",
    evidence: evidence)

  static let report = CaseReport(
    case: "every-field", noteDate: date,
    request: ServiceRequest(
      cpt: ["64493"], plannedDate: date, region: .lumbar, side: .bilateral, levels: ["L4-5"],
      purpose: "diagnostic", service: "medial branch block"),
    documents: [
      DocumentSummary(
        name: "note.pdf", pageCount: 2, pagesNeedingOCR: [2],
        ocrPages: [OCRPage(page: 1, meanConfidence: 90)], failure: "words")
    ],
    facts: details.map {
      Fact(
        $0, evidence: evidence,
        derivation: Derivation(rule: "rule", lexiconEntries: ["file:concept"], triggers: ["t"]))
    },
    determinations: [
      Determination(
        guideline: "1753", indication: "facetJointPain", phase: "diagnostic",
        determination: .excluded, gaps: [.priorResponse], criteria: [criterion],
        exclusionReason: "words")
    ])
}
