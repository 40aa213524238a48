import Model
import Testing

/// Who gave a home exercise program, as notes say it.
@Suite struct HomeProgramPrescriberTests {
  @Test(arguments: [
    ("She has kept up the home program her therapist designed.", Prescriber.physicalTherapist),
    ("He continues the therapist's home program daily.", .physicalTherapist),
    ("Home program PT-prescribed, reviewed 06/2026: doing it.", .physicalTherapist),
    ("HEP daily (PT) - reviewed 03/2026, doing it.", .physicalTherapist),
    ("A home program checked at each PT visit.", .physicalTherapist),
    ("Continue PT and HEP.", .physicalTherapist),
    ("His chiropractor, Dr. Ellen Saari, DC, gave him a home stretching program.", .chiropractor),
    ("Continue chiropractic and home program.", .chiropractor),
    ("At her August visit Dr. Ames gave her a printed home exercise program.", .physician),
    ("I reviewed a home exercise program with her today.", .physician),
    ("Home program prescribed by her physician in March; she does it daily.", .physician),
  ])
  func readsWhoGaveTheProgram(text: String, prescriber: Prescriber) {
    let prescribers = Fixtures.facts(.therapy, in: text).compactMap { detail -> Prescriber? in
      guard case .therapy(let therapy) = detail, therapy.modality == .homeExercise else {
        return nil
      }
      return therapy.prescribedBy
    }
    #expect(prescribers == [prescriber])
  }

  @Test func aProgramNamedAloneHasNoPrescriber() {
    let details = Fixtures.facts(.therapy, in: "She does a home exercise program daily.")
    guard case .therapy(let therapy) = details.first else {
      Issue.record("no therapy read")
      return
    }
    #expect(therapy.prescribedBy == nil)
  }

  @Test(arguments: [
    (
      "I gave her a written home exercise program on 06/02/2026 and asked her to do it daily.",
      false
    ),
    (
      "Home program prescribed by her physician; follow-up 09/2025: stopped because of increased pain.",
      true
    ),
    ("PT home program continued, reviewed at her 04/2026 visit.", true),
    ("She reports doing her home exercises most days.", true),
  ])
  func followUpIsALaterWordOnWhetherTheProgramIsDone(text: String, followUp: Bool) {
    let values = Fixtures.facts(.therapy, in: text).compactMap { detail -> Bool? in
      guard case .therapy(let therapy) = detail, therapy.modality == .homeExercise else {
        return nil
      }
      return therapy.followUpDocumented
    }
    #expect(values == [followUp])
  }
}
