import Facts
import Model
import Testing

/// The patient's age as notes write it, from a date of birth, and the age the complaint
/// began at; ages of relatives and numbers that only look like ages are not read.
@Suite struct PatientAgeTests {
  @Test(arguments: [
    ("Ms. Obi is a 68-year-old retired teacher with low back pain.", ["68 current"]),
    ("68 year old man with neck pain.", ["68 current"]),
    ("He is 68 years old and works as a carpenter.", ["68 current"]),
    ("S: 76 yo F with low back pain x 6 months.", ["76 current"]),
    ("Pt is a 54 y/o male referred for lumbar radiculopathy.", ["54 current"]),
    ("53M s/p R L4-5 TFESI 05/04/26, about 40% better.", ["53 current"]),
    ("Pt: 81 M with chronic axial neck pain.", ["81 current"]),
    ("Patient: 72F, new low back pain.", ["72 current"]),
    ("Age: 47   Sex: F   Referring: Dr. Lowe", ["47 current"]),
    ("Patient: Reyes, Ana | DOB 07/22/1958 | MRN SV-0047719", ["67 current"]),
    ("DOB: 03/14/1980", ["46 current"]),
    ("DOB 11/27/61  Visit 03/14/2026", ["64 current"]),
  ])
  func readsTheAgeAsNotesWriteIt(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.patientAge, in: text) == expected)
  }

  @Test(arguments: [
    (
      "A 31-year-old with back pain that began insidiously at age 26.",
      ["26 onset", "31 current"]
    ),
    ("Back pain since the age of 30.", ["30 onset"]),
    ("Age at onset: 38. Morning stiffness for an hour.", ["38 onset"]),
    ("Symptom onset at age 22, with buttock pain alternating sides.", ["22 onset"]),
    ("Age 45 at onset of the back pain.", ["45 onset"]),
    ("Her back pain started when she was 19.", ["19 onset"]),
  ])
  func readsTheAgeTheComplaintBeganAt(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.patientAge, in: text) == expected)
  }

  @Test(arguments: [
    "Her 45-year-old son drives her to visits.",
    "Mother is a 72-year-old with ankylosing spondylitis.",
    "She has a 20-year history of migraine.",
    "She is 38 weeks pregnant.",
    "He smoked for 30 years, 20 pack-years.",
    "Appendectomy at age 12.",
    "She had psoriasis beginning at age 20 on her elbows.",
    "Patients aged 40 to 60 were enrolled in the study.",
    "Pain has lasted 8 months; ages 3 and 5 at home.",
  ])
  func doesNotReadLookAlikes(text: String) {
    #expect(Fixtures.summaries(.patientAge, in: text).filter { $0.hasSuffix("current") } == [])
    if !text.contains("pain") && !text.contains("back") {
      #expect(Fixtures.summaries(.patientAge, in: text) == [])
    }
  }

  @Test("One age per case: the date of birth's, when a stated age disagrees")
  func oneCurrentAgePerCase() {
    let text =
      "DOB 07/22/1958. 66-year-old with cervical spondylosis, seen for neck pain."
    #expect(Fixtures.summaries(.patientAge, in: text) == ["67 current"])
  }
}
