import Facts
import Model
import Testing

@Suite struct RequestDetectorTests {
  private let detector = RequestDetector(lexicons: Fixtures.lexicons)

  private func request(_ texts: String...) -> ServiceRequest {
    detector.detect(in: texts.enumerated().map { Fixtures.annotate($1, name: "doc\($0).pdf") })
  }

  @Test func readsPlannedMedialBranchBlockFromThePlan() {
    let found = request(
      """
      DOS: 03/14/2026
      PLAN:
      Proceed with planned right L4-5 and L5-S1 MBB, CPT 64493, 64494, scheduled for 03/28/2026.
      """)
    #expect(found.cpt == ["64493", "64494"])
    #expect(found.plannedDate == ClinicalDate(year: 2026, month: 3, day: 28))
    #expect(found.region == .lumbar)
    #expect(found.side == .right)
    #expect(found.levels == ["L4-5", "L5-S1"])
    #expect(found.service == "medial branch block")
  }

  @Test(arguments: [
    (
      "PLAN:\nRequest authorization for left sacral lateral branch block.",
      "sacral lateral branch block"
    ),
    ("PLAN:\nWe will schedule a right occipital nerve block.", "occipital nerve block"),
    ("PLAN:\nRequesting left SI joint radiofrequency ablation.", "sacroiliac radiofrequency"),
    (
      "PLAN:\nRequest DRG stimulator trial at left L4 and L5.",
      "dorsal root ganglion stimulator trial"
    ),
    ("PLAN:\nPermanent DRG stimulator, left L5 and S1.", "dorsal root ganglion stimulator"),
  ])
  func namesTheRequestedService(text: String, service: String) {
    #expect(request(text).service == service)
  }

  @Test(arguments: [
    ("PLAN:\nDiagnostic L4-5 MBB requested for surgical planning.", "surgicalPlanning"),
    ("PLAN:\nProceed with SCS trial.", "trial"),
    ("PLAN:\nSecond diagnostic MBB at L4-5.", "diagnostic"),
    ("PLAN:\nRepeat therapeutic right SI joint injection.", "therapeutic"),
    (
      "PLAN:\nPermanent DRG stimulator with the same device platform as the trial.",
      "permanent"
    ),
    ("PLAN:\nProceed with SCS trial; if successful, permanent implant.", "trial"),
    ("PLAN:\nRequest SCS revision: the lead migrated after the 2024 trial.", "revision"),
    ("PLAN:\nRe-implantation of her intrathecal morphine pump on 05/05/2026.", "revision"),
    ("PLAN:\nReimplant the intrathecal pump once the infection has cleared.", "revision"),
    ("PLAN:\nImplantation of a programmable intrathecal pump.", "permanent"),
    ("PLAN:\nReplacement of the intrathecal pump through the existing pocket.", "revision"),
    (
      "PLAN:\nSpinal cord stimulator IPG replacement: the battery is at its elective indicator.",
      "revision"
    ),
    ("PLAN:\nWe will exchange the spinal cord stimulator generator on 04/02/2026.", "revision"),
    ("PLAN:\nReplace her intrathecal pump before end of service.", "revision"),
    (
      "PLAN:\nImplantation of a programmable intrathecal pump; right knee replacement in 2019.",
      "permanent"
    ),
  ])
  func readsThePurpose(text: String, purpose: String) {
    #expect(request(text).purpose == purpose)
  }

  @Test(arguments: [
    ("DOS: 02/10/2026\nPLAN:\n- ILESI L3-4. CPT 62322. Target date 02/24/26.", "2026-02-24"),
    (
      "DOS: 05/20/2026\nPt requests injection -> submit R L3-4 IA facet inj (64493) for 06/02/2026.",
      "2026-06-02"
    ),
    ("REQUESTED SERVICE\nCPT: 64451\nPlanned date of service: 10/19/2026", "2026-10-19"),
  ])
  func readsThePlannedDate(text: String, iso: String) {
    #expect(request(text).plannedDate?.iso == iso)
  }

  @Test(arguments: [
    (
      "Plan discussed with neurosurgery: placement of a tunneled intrathecal catheter connected"
        + " to a subcutaneous port, so that intrathecal chemotherapy can be given.",
      "intrathecal catheter", "chemotherapy"
    ),
    (
      "ANESTHESIA PLAN:\nSpinal anesthetic: single-shot intrathecal bupivacaine, L3-4.",
      "spinal anesthesia", "bupivacaine"
    ),
  ])
  func keepsTheRequestingSentenceAsTheReason(text: String, service: String, word: String) {
    let found = request(text)
    #expect(found.service == service)
    #expect(found.reason?.contains(word) == true)
  }

  /// The guidance the plan or the form gives the service; how an earlier block was done is
  /// not the plan.
  @Test(arguments: [
    (
      "PLAN:\nLeft lumbar sympathetic block under fluoroscopy, CPT 64520.",
      PlannedGuidance?.some(.fluoroscopy)
    ),
    ("PLAN:\nRight stellate ganglion block, ultrasound-guided, 64510.", .ultrasound),
    ("PLAN:\nCT-guided celiac plexus block (64530).", .ct),
    ("PLAN:\nCeliac plexus block, bilateral posterior approach, CPT 64530.", nil),
    ("PLAN:\nInterlaminar ESI by landmark technique in clinic, no fluoro.", .unguided),
    (
      "PROCEDURE:\nLeft L2 sympathetic block under fluoroscopy.\nPLAN:\nRepeat the block in two"
        + " weeks, CPT 64520.", nil
    ),
  ])
  func readsTheGuidancePlannedForTheService(text: String, guidance: PlannedGuidance?) {
    #expect(request(text).guidance == guidance)
  }

  @Test func priorProcedureIsNotTheRequest() {
    let found = request(
      "HPI:\nShe had a left SI joint injection in 2025.\nPLAN:\nRight L5-S1 TFESI.")
    #expect(found.service == "epidural steroid injection")
    #expect(found.side == .right)
  }

  @Test func zipCodesAreNotCPTCodes() {
    #expect(request("Address: 12 Main St, Springfield 62704.").cpt.isEmpty)
  }
}

@Suite struct NoteDateTests {
  @Test func isTheMostRecentClinicalNotesDateOfServiceNotTheRequestForm() {
    let documents = [
      Fixtures.annotate("OFFICE NOTE\nDate of Service: 02/10/2026\nHPI: back pain.", name: "a.pdf"),
      Fixtures.annotate("OFFICE NOTE\nDate of Service: 03/14/2026\nHPI: back pain.", name: "b.pdf"),
      Fixtures.annotate(
        "PRIOR AUTHORIZATION REQUEST\nDate of Service: 03/20/2026\nCPT 64493", name: "c.pdf"),
    ]
    #expect(noteDate(of: documents) == ClinicalDate(year: 2026, month: 3, day: 14))
  }
}
