import Model
import Testing

@testable import Facts

/// A pattern's site as the annotation writes it: spinal region and limb with their sides.
@Suite struct PainSiteTests {
  @Test(arguments: [
    (PainPatternKind.mixed, "Low back pain radiating down the left leg.", "low back and left leg"),
    (.mixed, "Neck pain with pain into both arms.", "neck and both arms"),
    (.mixed, "LBP + bilat leg heaviness.", "low back and both legs"),
    (.radicular, "Right leg pain radiates to the calf.", "right leg"),
    (.radicular, "Burning pain down both legs.", "both legs"),
    (.radicular, "Sciatica on the left.", "left leg"),
    (.axial, "Right-sided low back pain without radiation.", "right low back"),
    (.axial, "Axial low back pain, bilateral, no radiation.", "low back, bilateral"),
    (.axial, "Neck pain, worse on the left, no arm symptoms.", "left neck"),
    (.mixed, "Alistair is back for his neck and right arm.", "neck and right arm"),
  ])
  func namesTheRegionsWithTheirSides(pattern: PainPatternKind, text: String, site: String) {
    #expect(PainSite(pattern: pattern, text: text).name == site)
  }

  @Test func aSentenceNamingNoRegionHasNoSite() {
    #expect(PainSite(pattern: .radicular, text: "It shoots with coughing.").name == nil)
  }
}
