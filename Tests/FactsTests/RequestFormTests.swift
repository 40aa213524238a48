import Facts
import Model
import Testing

/// Request forms print a label in capitals with its value on the next line, or a label and a
/// colon with the value after it; the request is read from those fields first.
@Suite struct RequestFormTests {
  private let detector = RequestDetector(lexicons: Fixtures.lexicons)

  private func form(_ fields: String) -> ServiceRequest {
    let text = "PRIOR AUTHORIZATION REQUEST - SPINAL PROCEDURE\n\n" + fields
    return detector.detect(in: [Fixtures.annotate(text, name: "request-form.pdf")])
  }

  @Test(arguments: [
    ("SCHEDULED DATE\n\n09/04/2026", "2026-09-04"),
    ("PLANNED DATE OF SERVICE\n\n07/15/2026", "2026-07-15"),
    ("Procedure date: 03/17/2026", "2026-03-17"),
    ("DATE OF PROCEDURE\n\n11/02/2026", "2026-11-02"),
  ])
  func readsThePlannedDateFromItsField(fields: String, iso: String) {
    let found = form(
      "CPT\n\n62323\n\n\(fields)\n\nREASON FOR REQUEST\n\npain after surgery on 08/12/2026")
    #expect(found.plannedDate?.iso == iso)
  }

  @Test func theFormsSubmissionDateIsNotThePlannedDate() {
    let found = form("CPT\n\n64493\n\nDATE\n\n08/25/2026\n\nSCHEDULED DATE\n\n09/10/2026")
    #expect(found.plannedDate?.iso == "2026-09-10")
  }

  @Test(arguments: [
    (
      "PROCEDURE\n\nCaudal epidural steroid injection, fluoroscopic guidance",
      "Caudal epidural steroid injection, fluoroscopic guidance"
    ),
    (
      "REQUESTED SERVICE\n\nLeft L5 dorsal ramus and S1, S2, S3 lateral branch radiofrequency"
        + " ablation",
      "Left L5 dorsal ramus and S1, S2, S3 lateral branch radiofrequency ablation"
    ),
    (
      "Requested procedure: right L4-5 medial branch block",
      "right L4-5 medial branch block"
    ),
  ])
  func takesTheServiceInTheFormsWords(fields: String, service: String) {
    let found = form("Harborlight Orthopedic Spine Surgery\n\n\(fields)")
    #expect(found.service == service)
  }

  @Test func aHeadingAboveAnotherLabelIsNoValue() {
    let found = form(
      "REQUESTED SERVICE\n\nCPT CODE(S)\n\n62324\n\nDESCRIPTION\n\n"
        + "Thoracic epidural catheter placement with continuous infusion")
    #expect(found.cpt == ["62324"])
    #expect(found.service == "Thoracic epidural catheter placement with continuous infusion")
  }

  @Test func readsRegionSideAndLevelsFromTheirOwnFields() {
    let found = form(
      "SERVICE\n\nSpinal cord stimulator trial\n\nREGION / SIDE\n\nthoracic, left\n\n"
        + "LEVELS\n\nT9-T11")
    #expect(found.region == .thoracic)
    #expect(found.side == .left)
    #expect(found.levels == ["T9-11"])
  }

  @Test(arguments: [
    ("REASON FOR REQUEST\n\npost-operative pain control", "post-operative pain control"),
    ("Indication: lumbar radiculopathy", "lumbar radiculopathy"),
  ])
  func keepsTheReasonTheFormGives(fields: String, reason: String) {
    #expect(form("PROCEDURE\n\nLumbar epidural steroid injection\n\n\(fields)").reason == reason)
  }

  @Test func lowerCaseWordsWithoutAColonAreNoLabel() {
    let found = form(
      "PROCEDURE\n\nLumbar epidural steroid injection\n\nside effects were discussed")
    #expect(found.side == nil)
  }
}
