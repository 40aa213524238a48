import Model
import Testing

/// Which drugs a note names are treatments tried for the pain.
@Suite struct MedicationReadingTests {
  @Test(arguments: [
    "He returns after his first intrathecal trial on 04/14/2026: 0.25 mg of preservative-free morphine.",
    "02/03/2026 Morphine 0.2 mg, single bolus 35% relief, nausea.",
    "Spinal anesthetic: single-shot intrathecal bupivacaine 0.5% heavy 12.5 mg + fentanyl 15 mcg.",
    "Preservative-free morphine 0.25 mg injected.",
    "He understands the trial would use a small intrathecal dose of morphine.",
    "He refused every opioid offered, including a tramadol prescription that he never filled.",
    "DRUG preservative-free morphine",
    "Pump drug: baclofen 500 mcg/mL",
    "Infusate: hydromorphone 2 mg/mL",
  ])
  func aDoseGivenInAProcedureIsNotATreatment(text: String) {
    #expect(Fixtures.summaries(.therapy, in: text).isEmpty)
  }

  @Test(arguments: [
    (
      "Pregabalin 150 mg BID, duloxetine 60 mg daily, lidocaine infusions x3 in 2025 - none lasting.",
      [
        "medication duloxetine ongoing failed", "medication lidocaine completed failed",
        "medication pregabalin ongoing failed",
      ]
    ),
    (
      "Amitriptyline 25 mg qhs (ongoing, minimal help), memantine trial (no benefit).",
      ["medication amitriptyline ongoing failed", "medication memantine discontinued failed"]
    ),
    (
      "He had an intrathecal trial in March; he continues oxycodone 10 mg TID.",
      ["medication oxycodone ongoing"]
    ),
  ])
  func readsDrugsBesideProcedures(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.therapy, in: text).sorted() == expected.sorted())
  }

  @Test(arguments: [
    ("She takes Hysingla ER 20 mg daily.", "medication hydrocodone ongoing"),
    ("She takes Pristiq 50 mg daily.", "medication desvenlafaxine ongoing"),
    ("He takes sulindac 200 mg BID.", "medication sulindac ongoing"),
    ("Parafon Forte at night.", "medication chlorzoxazone ongoing"),
  ])
  func mapsBrandsToGenericNames(text: String, expected: String) {
    #expect(Fixtures.summaries(.therapy, in: text) == [expected])
  }

  @Test(arguments: [
    ("She attended aqua therapy twice weekly.", "physicalTherapy completed"),
    ("He had 6 weeks of physio last year.", "physicalTherapy completed"),
    ("Dr. Ames gave her a printed home exercise sheet.", "homeExercise completed"),
    ("Spinal adjustments weekly since 01/2026.", "chiropractic ongoing"),
  ])
  func readsTherapiesByTheirCommonNames(text: String, expected: String) {
    #expect(Fixtures.summaries(.therapy, in: text) == [expected])
  }
}
