import Testing

@testable import Facts

/// A section's name says what kind of section it is by the fragments it holds, letter case
/// aside: "Physical Exam" is an examination, "Assessment and Plan" both an assessment and
/// a plan.
@Suite struct SectionNameTests {
  @Test(
    "a section is of each kind whose fragments its name holds",
    arguments: [
      ("physicalExam", ["examination"]),
      ("Objective", ["examination"]),
      ("HPI", ["history"]),
      ("Interval History", ["history"]),
      ("Review of Systems (ROS)", ["history"]),
      ("Assessment and Plan", ["plan", "assessment"]),
      ("IMPRESSION", ["assessment"]),
      ("Current Medications", ["medications"]),
      ("Allergies", ["allergies"]),
      ("Family History", ["history", "familyHistory"]),
      ("Vitals", ["vitals"]),
      ("MRI Lumbar Spine", ["imaging"]),
      ("Radiology Findings", ["imaging"]),
      ("Orders", ["plan"]),
      ("Social", []),
      ("", []),
      ("Évaluation clinique", []),
      ("Médication actuelle", []),
      ("Current medication — reviewed", ["medications"]),
      ("Évaluation and plan", ["plan"]),
    ] as [(String, [String])])
  func kindsAreReadFromTheName(name: String, kinds: [String]) {
    let section = SectionName(name)
    let read = [
      ("examination", section.isExamination), ("history", section.isHistory),
      ("plan", section.isPlan), ("assessment", section.isAssessment),
      ("medications", section.isMedications), ("allergies", section.isAllergies),
      ("familyHistory", section.isFamilyHistory), ("vitals", section.isVitals),
      ("imaging", section.isImaging),
    ].filter(\.1).map(\.0)

    #expect(read == kinds)
    #expect(section.name == name)
  }

  @Test("two sections of one name are one section")
  func sectionsOfOneNameAreEqual() {
    #expect(SectionName("Plan") == SectionName("Plan"))
    #expect(SectionName("Plan") != SectionName("plan"))
  }
}
