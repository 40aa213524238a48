import Facts
import Model
import Testing

/// Why an implanted device is revised, who was consulted after its infection, when it came
/// out, and how refractory angina is documented: the facts 1752 and 1757 revisions and the
/// angina indication read.
@Suite struct ImplantRevisionPhrasingTests {
  /// A sentence about a patient's implanted device, with the device named in the note.
  static func implantNote(_ sentence: String) -> String {
    "She has had a thoracic spinal cord stimulator since 2022. " + sentence
  }

  /// A dated visit, so that the dates of the sentence after it are earlier.
  static let visit = "Date of service: 06/01/2026. "

  @Test(arguments: [
    ("X-ray shows the right lead has migrated two levels caudally.", "leadMigration"),
    ("Assessment: lead migration, coverage lost over the left leg.", "leadMigration"),
    ("Caudal migration of the left SCS lead.", "leadMigration"),
    ("The paddle has displaced to the left of midline.", "leadMigration"),
    ("He lost paresthesia coverage of the right leg in May.", "lossOfEffect"),
    ("Loss of efficacy despite three reprogramming sessions.", "lossOfEffect"),
    ("Reprogramming could not recapture coverage.", "lossOfEffect"),
    ("The stimulator is no longer effective.", "lossOfEffect"),
    ("IPG battery depleted; rechargeable unit requested.", "batteryDepletion"),
    ("The generator has reached its elective replacement indicator.", "batteryDepletion"),
    ("Interrogation shows ERI with 60 days to end of service.", "batteryDepletion"),
    ("She cannot tolerate the stimulation, even at the lowest amplitude.", "intolerance"),
    ("Intolerable paresthesias with position changes.", "intolerance"),
    ("Deep infection of the generator pocket with MSSA.", "infection"),
    ("The system was explanted on 03/02/2026 because of infection.", "infection"),
    ("s/p explant of infected stimulator.", "infection"),
    ("Constant pain at the IPG site, worse with her belt.", "painfulSite"),
    ("Assessment: painful generator site.", "painfulSite"),
    ("Since the implant she has new weakness of the left foot.", "neurologicalDeficit"),
    ("Intrathecal catheter malfunction with loss of analgesia.", "malfunction"),
    ("Dye study shows leakage at the catheter near the anchor.", "malfunction"),
    ("Impedances on contacts 3-6 are high, consistent with a lead fracture.", "malfunction"),
    ("The IPG is nearing its end of life.", "batteryDepletion"),
    ("She requests removal of the stimulator; she no longer wants it.", "patientRequest"),
  ])
  func readsTheProblemARevisionAnswers(sentence: String, problem: String) {
    let problems = Fixtures.summaries(.implantProblem, in: Self.implantNote(sentence))
    #expect(problems.contains(problem), "\(problems)")
  }

  @Test(arguments: [
    "No lead migration on today's films.",
    "If the battery runs low, the generator will need replacing.",
    "Risks including infection, lead migration and battery failure were discussed.",
    "No signs of infection at the pocket. Afebrile.",
    "Generator pocket well healed and non-tender.",
    "Motor stall events: none.",
    "He stopped working as a driver in 2024.",
    "Her husband had a pump infection years ago.",
    "The SCS trial was stopped after 3 days for pocket pain.",
    "No new neurological deficit.",
    "Pt and wife want the re-implant as soon as possible.",
    "The medial branch blocks lost effect after two weeks.",
    "New weakness of the left leg from the L5 disc herniation.",
    "In 2019 she had infected hardware after her L4-S1 fusion, treated with washout.",
    "A superficial wound infection after the 2018 laminectomy healed with antibiotics.",
    "Her insulin pump site infection last spring resolved.",
  ])
  func readsNoProblemWhereNoneIsAsserted(sentence: String) {
    #expect(Fixtures.summaries(.implantProblem, in: Self.implantNote(sentence)) == [])
  }

  @Test func readsNoProblemWithoutAnImplant() {
    let note = "Lumbar radiculopathy. He lost coverage at work and stopped working in May."
    #expect(Fixtures.summaries(.implantProblem, in: note) == [])
  }

  @Test(arguments: [
    ("ID (Dr. P. Mensah) consulted 04/03/2026 and started vancomycin.", "2026-04-03"),
    ("Infectious diseases (Dr. Wu) consulted on 01/21/2026.", "2026-01-21"),
    ("She was seen by the infectious disease team on 02/02/2026.", "2026-02-02"),
    ("Dr. Qureshi of infectious diseases saw her in hospital on 12/02/2025.", "2025-12-02"),
    ("She completed six weeks of cefazolin under infectious disease care.", nil),
  ])
  func readsAnInfectiousDiseaseConsultation(sentence: String, date: String?) {
    let expected = ["infectiousDisease" + (date.map { " \($0)" } ?? "")]
    #expect(Fixtures.summaries(.consultation, in: Self.implantNote(sentence)) == expected)
  }

  @Test(arguments: [
    "Will refer to infectious disease if the wound drains.",
    "ID consult recommended before any new hardware.",
    "Infectious disease consult pending.",
    "Patient ID 445120 verified at check-in.",
  ])
  func readsNoConsultationThatHasNotHappened(sentence: String) {
    #expect(Fixtures.summaries(.consultation, in: Self.implantNote(sentence)) == [])
  }

  @Test(arguments: [
    ("Her ITB pump (implanted 02/2019) was removed on 03/17/2026.", "deviceRemoval 2026-03-17"),
    ("Pocket dehiscence -> explant pump + cath 04/02/2026.", "deviceRemoval 2026-04-02"),
    ("The entire system was explanted on March 2, 2026.", "deviceRemoval 2026-03-02"),
    ("On 12/01/2025 we explanted the pump and catheter.", "deviceRemoval 2025-12-01"),
    ("We removed the whole system on 05/05/2026.", "deviceRemoval 2026-05-05"),
    ("We took the pump and catheter out on 02/10/2026.", "deviceRemoval 2026-02-10"),
  ])
  func readsTheRemovalOfADevice(sentence: String, expected: String) {
    let priors = Fixtures.summaries(.priorProcedure, in: Self.visit + sentence)
    #expect(priors.contains(expected), "\(priors)")
  }

  @Test(arguments: [
    "Interrogation 04/14/2026 (report on file): reservoir volume matches expected.",
    "Pump interrogation today shows ERI with 74 days of battery left.",
    "The pump analysis report is attached.",
  ])
  func readsAPumpAnalysisReport(sentence: String) {
    let note = "Programmable intrathecal pump since 2019. " + sentence
    let devices = Fixtures.summaries(.deviceInterrogation, in: note).map {
      $0.split(separator: " ")[0]
    }
    #expect(devices == ["intrathecalPump"])
  }

  @Test(arguments: [
    "We will interrogate the pump at the next visit.",
    "Interrogation scheduled for next week.",
    "The pump could not be interrogated; telemetry failed.",
  ])
  func readsNoReportOfAnInterrogationNotDone(sentence: String) {
    let note = "Programmable intrathecal pump since 2019. " + sentence
    #expect(Fixtures.summaries(.deviceInterrogation, in: note) == [])
  }

  @Test func readsAnImplantDateAsNoRemoval() {
    let priors = Fixtures.summaries(
      .priorProcedure, in: "She has had an intrathecal pump since June 2019 for FBSS.")
    #expect(priors == ["other 2019-06"])
  }

  @Test(arguments: [
    ("Drug-eluting stents to the vein graft in March 2024.", ["coronaryRevascularization 2024-03"]),
    ("s/p PCI to the LAD 05/2023 with recurrent angina.", ["coronaryRevascularization 2023-05"]),
    ("CABG x3 in 2019; angina returned a year later.", ["coronaryRevascularization"]),
    ("PCI planned for next month if symptoms persist.", []),
  ])
  func readsCoronaryRevascularization(sentence: String, expected: [String]) {
    #expect(Fixtures.summaries(.priorProcedure, in: Self.visit + sentence) == expected)
  }

  @Test(arguments: [
    ("Angina with minimal exertion, NYHA class III.", "nyha 3"),
    ("NYHA III-IV symptoms despite maximal therapy.", "nyha 4"),
    ("New York Heart Association functional class IV angina at rest.", "nyha 4"),
    ("Exertional angina, CCS class 3.", "ccs 3"),
    ("Angina walking across a room (NYHA class Ill).", "nyha 3"),
    ("He has NY HA class II symptoms.", "nyha 2"),
    ("Canadian Cardiovascular Society grade II angina.", "ccs 2"),
  ])
  func readsTheAnginaClass(sentence: String, expected: String) {
    #expect(Fixtures.summaries(.anginaClass, in: sentence) == [expected])
  }

  @Test(arguments: [
    "ASA class III, Mallampati II.",
    "Her father had NYHA class IV heart failure.",
    "Class II obesity.",
  ])
  func readsNoAnginaClassFromOtherScales(sentence: String) {
    #expect(Fixtures.summaries(.anginaClass, in: sentence) == [])
  }

  @Test(arguments: [
    (
      "Refractory angina; the heart team agreed he is not a candidate for further"
        + " revascularization.", "notRevascularizationCandidate"
    ),
    (
      "Coronary disease with angina; not a candidate for further PCI or CABG per cardiology.",
      "notRevascularizationCandidate"
    ),
    (
      "Critical limb ischemia; vascular surgery says she is not a candidate for"
        + " revascularization.", "notSurgicalCandidate"
    ),
  ])
  func readsWhoseRevascularizationIsRuledOut(sentence: String, expected: String) {
    #expect(Fixtures.summaries(.surgicalPlan, in: sentence) == [expected])
  }
}
