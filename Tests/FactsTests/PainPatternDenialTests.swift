import Model
import Testing

/// Where the pain goes, as histories deny or state it in passing.
@Suite struct PainPatternDenialTests {
  @Test(arguments: [
    ("HPI:\nNeck pain. It does not travel into the arm and he has no hand numbness.", "axial"),
    ("HPI:\nCentral low back pain, never into the legs.", "axial"),
    ("HPI:\nRight upper neck pain spreading to the head; nothing into the arm.", "axial"),
    ("HPI:\nRight buttock pain below the PSIS. It does not go below the knee.", "axial"),
    (
      "HPI:\nMid-back pain between the shoulder blades that does not wrap around the chest.",
      "axial"
    ),
    ("HPI:\nAching in both buttocks, with no pain down the legs.", "axial"),
    ("HPI:\nConstant midline T-L pain.", "axial"),
    ("HPI:\nLow back pain. No numbness, tingling or radiating pain.", "axial"),
    ("IMPRESSION:\nChronic bilateral L5 spondylolysis with persistent axial pain.", "axial"),
    ("ASSESSMENT:\nActive sacroiliitis, consistent with axial spondyloarthritis.", "axial"),
  ])
  func readsAxialFromADenialOrAStatement(text: String, expected: String) {
    #expect(Fixtures.summaries(.painPattern, in: text) == [expected])
  }

  @Test(arguments: [
    ("HPI:\nAlistair is back for his neck and right arm.", "mixed"),
    ("HPI:\nPain in both legs and the sacrum, average 8/10.", "mixed"),
    ("HPI:\nLow back pain with pain into both buttocks and the backs of both thighs.", "mixed"),
    ("HPI:\nBack pain with radiation into both buttocks and thighs.", "mixed"),
    ("HPI:\nA deep ache across the lower lumbar spine with burning into both legs.", "mixed"),
    ("HPI:\nNeurogenic claudication and low back pain since about 2019.", "mixed"),
    (
      "IMPRESSION:\n62-year-old with post-laminectomy syndrome and bilateral leg pain.", "radicular"
    ),
  ])
  func readsBothComponentsNamedTogether(text: String, expected: String) {
    #expect(Fixtures.summaries(.painPattern, in: text) == [expected])
  }

  @Test(arguments: [
    "HPI:\nShe has mild headache, 3/10, and no back or leg pain.",
    "HPI:\nPast: h/o L5-S1 ESI in 2019 for right sciatica, which resolved.",
    "HPI:\nShe developed right leg pain last year; the leg pain has since settled.",
    "ASSESSMENT:\nLumbar radiculopathy.",
  ])
  func readsNoPatternFromDeniedPastOrDiagnosedPain(text: String) {
    #expect(Fixtures.summaries(.painPattern, in: text).isEmpty)
  }

  @Test func anotherPersonsShinglesDoesNotMakeANeckComplaintNonSpinal() {
    let note =
      "HPI:\nAlistair is back for his neck and right arm.\nHis wife recently had shingles; he has no rash."
    #expect(Fixtures.summaries(.painPattern, in: note) == ["mixed"])
  }

  @Test func ischemicLimbPainIsNotARadicularPattern() {
    let note =
      "HPI:\nSevere peripheral arterial disease of the right leg, ischemic rest pain of the right foot."
    #expect(Fixtures.summaries(.painPattern, in: note).isEmpty)
  }

  @Test func thePatientsOwnZosterIsNotASpinalPattern() {
    let note =
      "HPI:\nHerpes zoster of the left chest wall with burning pain radiating around the rib."
    #expect(Fixtures.summaries(.painPattern, in: note).isEmpty)
  }
}

/// A denial of the distal limb does not undo radiation into the leg.
@Suite struct PainPatternDistalDenialTests {
  @Test(arguments: [
    (
      "HPI:\nRight leg pain radiates down the lateral leg to the ankle, not past the foot.",
      "radicular"
    ),
    ("HPI:\nPain radiates down the left leg, not below the knee.", "radicular"),
    ("HPI:\nButtock pain radiates into the posterior thigh, never past the knee.", "axial"),
    ("HPI:\nLow back pain that refers into the right buttock, never past the knee.", "axial"),
  ])
  func readsTheLimbPastADistalDenial(text: String, expected: String) {
    #expect(Fixtures.summaries(.painPattern, in: text) == [expected])
  }
}
