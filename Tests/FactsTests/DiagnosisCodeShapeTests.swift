import Model
import Testing

/// Which strings are ICD-10 codes: a letter other than U, two digits, a dot and an
/// extension, in either letter case and wherever the sentence puts it; a spinal level, a
/// dose or a code without its dot is none.
@Suite struct DiagnosisCodeShapeTests {
  @Test(arguments: [
    ("Assessment: lumbar radiculopathy (M54.16).", ["radiculopathy M54.16"]),
    ("Assessment: lumbar radiculopathy, m54.16.", ["radiculopathy M54.16"]),
    ("Assessment: M54.16 lumbar radiculopathy", ["radiculopathy M54.16"]),
    ("Assessment: lumbar radiculopathy (M54.16)", ["radiculopathy M54.16"]),
    ("Assessment: lumbar radiculopathy at T12. Gabapentin 12.50 mg.", ["radiculopathy"]),
    ("Assessment: lumbar radiculopathy, M54 and L4-5.", ["radiculopathy"]),
    ("Assessment: lumbar radiculopathy, U07.1.", ["radiculopathy"]),
  ])
  func aCodeIsALetterTwoDigitsADotAndAnExtension(text: String, expected: [String]) {
    #expect(Fixtures.summaries(.diagnosis, in: text) == expected.sorted())
  }
}
