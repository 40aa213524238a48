import Facts
import Model
import Testing

/// The features of spondyloarthritis, read where a case speaks of it: present, denied or
/// tested normal, and a relative's spondyloarthritis as the family history.
@Suite struct SpondyloarthritisFeatureTests {
  /// A sentence that makes the case one about spondyloarthritis.
  static let context = "Question of axial spondyloarthritis. "

  static func features(_ text: String) -> [String] {
    Fixtures.summaries(.spondyloarthritisFeature, in: context + text)
  }

  @Test(arguments: [
    ("HLA-B27 positive.", ["hlaB27 true"]),
    ("HLA-B27: POSITIVE", ["hlaB27 true"]),
    ("Positive HLA B27 last year.", ["hlaB27 true"]),
    ("HLA-B27 (+), ESR 30.", ["hlaB27 true"]),
    ("HLA-B27 negative.", ["hlaB27 false"]),
    ("She tested negative for HLA-B27.", ["hlaB27 false"]),
    ("CRP elevated at 24 mg/L.", ["elevatedCrp true"]),
    ("Elevated C-reactive protein on two draws.", ["elevatedCrp true"]),
    ("CRP today is 14 mg/L (normal < 5).", ["elevatedCrp true"]),
    ("CRP 3 mg/L (normal).", ["elevatedCrp false"]),
    ("CRP 4 mg/L (ref < 5).", ["elevatedCrp false"]),
    ("CRP normal.", ["elevatedCrp false"]),
    ("Normal CRP and ESR.", ["elevatedCrp false"]),
  ])
  func readsLaboratoryFeatures(text: String, expected: [String]) {
    #expect(Self.features(text) == expected)
  }

  @Test(arguments: [
    ("History of anterior uveitis in 2019.", ["uveitis true"]),
    ("Recurrent iritis, treated by ophthalmology.", ["uveitis true"]),
    ("Left Achilles enthesitis last year.", ["enthesitis true"]),
    ("Plantar fasciitis on the right.", ["enthesitis true"]),
    ("Dactylitis of the third toe.", ["dactylitis true"]),
    ("Plaque psoriasis on both elbows.", ["psoriasis true"]),
    ("Crohn's disease, in remission on vedolizumab.", ["inflammatoryBowelDisease true"]),
    ("Ulcerative colitis diagnosed 2015.", ["inflammatoryBowelDisease true"]),
    ("Peripheral arthritis of the left knee.", ["arthritis true"]),
    ("No psoriasis.", ["psoriasis false"]),
    ("No dactylitis.", ["dactylitis false"]),
    ("Denies uveitis.", ["uveitis false"]),
  ])
  func readsFeaturesOfTheirOwn(text: String, expected: [String]) {
    #expect(Self.features(text) == expected)
  }

  @Test(arguments: [
    ("Her brother was diagnosed with ankylosing spondylitis.", ["familyHistory true"]),
    ("Family history of spondyloarthritis in her father.", ["familyHistory true"]),
    ("Mother with ankylosing spondylitis.", ["familyHistory true"]),
    ("No family history of ankylosing spondylitis.", ["familyHistory false"]),
    ("Family history of rheumatoid arthritis in her mother.", []),
    ("Her mother has psoriasis.", []),
  ])
  func readsARelativesSpondyloarthritisAsTheFamilyHistory(text: String, expected: [String]) {
    #expect(Self.features(text) == expected)
  }

  @Test(arguments: [
    ("Pain came on gradually over a year.", ["insidiousOnset true"]),
    ("Insidious onset of low back pain.", ["insidiousOnset true"]),
    ("It eases once he is up and moving.", ["improvesWithExercise true"]),
    ("Better with her spin class.", ["improvesWithExercise true"]),
    ("The stiffness improves with exercise.", ["improvesWithExercise true"]),
    ("Not better with rest.", ["noImprovementWithRest true"]),
    ("Rest does not help.", ["noImprovementWithRest true"]),
    ("The pain improves with rest.", ["noImprovementWithRest false"]),
    ("Pain at night wakes her in the second half of the night.", ["nightPain true"]),
    ("He wakes at 4 a.m. with buttock pain.", ["nightPain true"]),
    ("No night pain.", ["nightPain false"]),
    ("Naproxen works well.", ["nsaidResponse true"]),
    ("Good response to NSAIDs.", ["nsaidResponse true"]),
    ("No response to naproxen.", ["nsaidResponse false"]),
  ])
  func readsTheItemsOfInflammatoryBackPainAndTheNSAIDResponse(
    text: String, expected: [String]
  ) {
    #expect(Self.features(text) == expected)
  }

  @Test(arguments: [
    "Facet arthritis at L4-5 and L5-S1.",
    "Osteoarthritis of both knees.",
    "Rheumatoid arthritis on methotrexate.",
    "Seen at the Lakeside Arthritis Center.",
    "HLA-B27 pending.",
    "CRP ordered.",
    "Will check HLA-B27 and CRP.",
  ])
  func doesNotReadLookAlikes(text: String) {
    #expect(Self.features(text) == [])
  }

  @Test(arguments: [
    ("Axial spondyloarthritis on adalimumab 40 mg every other week.", ["adalimumab"]),
    ("Sacroiliitis; started Cosentyx in May.", ["secukinumab"]),
    ("Crohn's disease on Humira; facet-mediated low back pain.", []),
  ])
  func readsBiologicsAsTreatmentOnlyForSpondyloarthritis(text: String, expected: [String]) {
    let names = Fixtures.facts(.therapy, in: text).compactMap { detail -> String? in
      guard case .therapy(let therapy) = detail, therapy.modality == .medication else {
        return nil
      }
      return therapy.name
    }
    #expect(names == expected)
  }

  @Test("Features are read only where the case speaks of spondyloarthritis")
  func readsOnlyWhereSpondyloarthritisIsInQuestion() {
    let text = "Facet-mediated low back pain, worse at night. Psoriasis on the scalp."
    #expect(Fixtures.summaries(.spondyloarthritisFeature, in: text) == [])
  }
}
