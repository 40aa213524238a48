import Language
import Testing

@Suite struct SectionTests {
  @Test(arguments: [
    ("HISTORY OF PRESENT ILLNESS\nLow back pain.", SectionKind.hpi),
    ("History of Present Illness:\nLow back pain.", .hpi),
    ("HPI: low back pain for 6 months.", .hpi),
    ("Exam: antalgic gait.", .physicalExam),
    ("PHYSICAL EXAMINATION\nAntalgic gait.", .physicalExam),
    ("Physical Exam\nAntalgic gait.", .physicalExam),
    ("ROS: negative for fever.", .reviewOfSystems),
    ("PMH: hypertension.", .pastMedicalHistory),
    ("Past Surgical History: L4-5 fusion.", .pastSurgicalHistory),
    ("Current Medications:\nMeloxicam 15 mg.", .medications),
    ("Allergies: NKDA", .allergies),
    ("Assessment/Plan: SI joint pain.", .assessmentAndPlan),
    ("A/P: SI joint pain.", .assessmentAndPlan),
    ("IMPRESSION:\nL4-5 protrusion.", .impression),
    ("Family History: mother with lupus.", .familyHistory),
    ("Social History: nonsmoker.", .socialHistory),
    ("Interval History: better since the injection.", .intervalHistory),
    ("IMAGING (MRI 01/2026)\nL4-5 protrusion.", .imaging),
    ("PSYCHOLOGY AND SCREENING\nCleared.", .psychology),
    ("Dx: spinal muscular atrophy type 2 (G12.1).", .diagnoses),
    ("ANESTHESIA PLAN:\nSpinal anesthetic, L3-4.", .plan),
  ])
  func officeNoteHeadingsOpenTheirSection(text: String, kind: SectionKind) {
    let doc = Fixtures.annotate(text)
    #expect(doc.sections.map(\.kind) == [kind])
    let lastLine = text.split(separator: "\n").last.map(String.init) ?? text
    #expect(doc.section(at: doc.range(of: lastLine)?.upperBound ?? 0 - 1) == kind)
  }

  @Test(arguments: [
    ("SUBJECTIVE\nReports less pain.", SectionKind.subjective),
    ("Objective: lumbar flexion 50%.", .objective),
    ("Goals: walk 30 minutes.", .goals),
    ("Interventions: manual therapy, core stabilization.", .treatment),
    ("S: pain 6/10.", .subjective),
    ("O: FABER positive.", .objective),
  ])
  func physicalTherapyHeadingsOpenTheirSection(text: String, kind: SectionKind) {
    #expect(Fixtures.annotate(text).sections.map(\.kind) == [kind])
  }

  @Test(arguments: [
    ("INDICATION: low back pain.", SectionKind.indication),
    ("TECHNIQUE: sagittal and axial images.", .technique),
    ("COMPARISON: none.", .comparison),
    ("FINDINGS:\nL4-5 disc protrusion.", .findings),
    ("IMPRESSION: L4-5 protrusion.", .impression),
  ])
  func imagingReportHeadingsOpenTheirSection(text: String, kind: SectionKind) {
    #expect(Fixtures.annotate(text).sections.map(\.kind) == [kind])
  }

  @Test(arguments: [
    ("Reason for Referral: presurgical evaluation.", SectionKind.reasonForReferral),
    ("MENTAL STATUS EXAMINATION\nAlert and oriented.", .mentalStatus),
    ("Behavioral Observations: cooperative.", .behavioralObservations),
    ("Tests Administered: PHQ-9, MMPI-3.", .testResults),
    ("RECOMMENDATIONS\nCleared for the trial.", .recommendations),
  ])
  func psychologicalEvaluationHeadingsOpenTheirSection(text: String, kind: SectionKind) {
    #expect(Fixtures.annotate(text).sections.map(\.kind) == [kind])
  }

  @Test(arguments: [
    "She reports a history of present illness.",
    "Plan to start PT next week.",
    "The exam was limited by pain.",
  ])
  func headingWordsInsideProseDoNotOpenASection(text: String) {
    #expect(Fixtures.annotate(text).sections.isEmpty)
  }

  @Test func sectionRunsToTheNextHeading() {
    let doc = Fixtures.annotate(
      """
      HPI: low back pain.
      Radiates to the left leg.
      EXAM
      SLR positive.
      PLAN
      Left L5 TFESI.
      """)
    #expect(doc.sections.map(\.kind) == [.hpi, .physicalExam, .plan])
    #expect(doc.sections.map(\.heading) == ["HPI", "EXAM", "PLAN"])
    #expect(doc.section(at: doc.range(of: "Radiates")!.lowerBound) == .hpi)
    #expect(doc.section(at: doc.range(of: "SLR")!.lowerBound) == .physicalExam)
    #expect(doc.sentences.last?.section == .plan)
  }

  @Test func textBeforeTheFirstHeadingHasNoSection() {
    let doc = Fixtures.annotate("Lakeshore Spine Center\nHPI: pain.")
    #expect(doc.section(at: 0) == nil)
  }
}
