import Matching
import Model
import Testing

/// Guideline 1756's spondyloarthritis indication: the age the back pain began at, and the
/// features, where inflammatory back pain counts only with four of its five items.
struct SpondyloarthritisTests {
  /// A 32-year-old with six months of back pain, ongoing PT, sacroiliitis on MRI and a
  /// positive HLA-B27.
  static let ready: [Fact] = [
    Note.lasting(months: 6), Note.therapy(.physicalTherapy, status: .ongoing, outcome: nil),
    Note.imaging(.sacroiliitis), Note.diagnosis(.spondyloarthritis), Note.age(32),
    Note.feature(.hlaB27),
  ]

  static let items: [SpondyloarthritisFeatureKind] = [
    .insidiousOnset, .improvesWithExercise, .noImprovementWithRest, .nightPain,
  ]

  static func scenario(
    _ name: String, _ facts: [Fact], _ status: DeterminationStatus, _ gaps: [GapFamily] = []
  ) -> Scenario {
    Scenario(
      name: name, guideline: "1756", request: SacroiliacJointInjectionTests.sij, facts: facts,
      status: status, gaps: gaps, indication: "spondyloarthritis")
  }

  static let scenarios: [Scenario] = [
    scenario("sacroiliitis, onset at 31 and HLA-B27 are ready", ready, .ready),
    scenario(
      "a single feature other than back pain is enough: uveitis",
      ready.replacing(.spondyloarthritisFeature, with: Note.feature(.uveitis)), .ready),
    scenario(
      "a family history of spondyloarthritis is a feature",
      ready.replacing(.spondyloarthritisFeature, with: Note.feature(.familyHistory)), .ready),
    scenario(
      "features documented only as absent pend",
      ready.replacing(
        .spondyloarthritisFeature, with: Note.feature(.hlaB27, false),
        Note.feature(.elevatedCrp, false)), .pend, [.diagnosis]),
    scenario(
      "no feature documented pends", ready.without(.spondyloarthritisFeature), .pend,
      [.diagnosis]),
    scenario(
      "no age documented pends", ready.without(.patientAge), .pend, [.diagnosis]),
    scenario(
      "back pain that began at 50 is contradicted",
      ready.adding(Note.age(50, .onset)), .clinicalReview, [.diagnosis]),
    scenario(
      "a 52-year-old with two years of pain is contradicted",
      ready.replacing(.patientAge, with: Note.age(52)).replacing(
        .painDuration, with: Note.lasting(months: 24)), .clinicalReview, [.diagnosis]),
    scenario(
      "four items of inflammatory back pain are a feature",
      ready.without(.spondyloarthritisFeature) + items.map { Note.feature($0) }, .ready),
  ]

  @Test(
    "Spondyloarthritis: ready, pending on features or age, contradicted by a late onset",
    arguments: scenarios)
  func spondyloarthritis(_ scenario: Scenario) throws { try scenario.check() }

  static func status(_ id: String, _ facts: [Fact]) throws -> CriterionStatus {
    let all = try GuidelineMatcher().evaluate(
      CaseFacts(facts: facts, request: SacroiliacJointInjectionTests.sij, noteDate: noteDay))
    return try #require(all.flatMap(\.criteria).first { $0.id == id }).status
  }

  static let onsets: [(facts: [Fact], status: CriterionStatus)] = [
    ([Note.age(44, .onset)], .met),
    ([Note.age(45, .onset)], .notMet),
    // The age now less the duration: 45 with a year of pain began at 44 at the latest.
    ([Note.age(45), Note.lasting(months: 12)], .met),
    // 45 with six months of pain began at 44.5 to 45.5: the onset's age must be asked.
    ([Note.age(45), Note.lasting(months: 6)], .notDocumented),
    ([Note.age(46), Note.lasting(months: 6)], .notMet),
    // 50 now, with no duration: the pain may have begun at any age up to 50.
    ([Note.age(50)], .notDocumented),
    // 44 now began at 44 at the latest; 45 now may have begun at 45.
    ([Note.age(44)], .met),
    ([Note.age(45)], .notDocumented),
  ]

  @Test("The back pain began before 45: 44 is, 45 is not", arguments: onsets)
  func onsetBefore45(_ example: (facts: [Fact], status: CriterionStatus)) throws {
    let facts = Self.ready.without(.patientAge, .painDuration) + example.facts
    #expect(try Self.status("1756.spa.onset", facts) == example.status)
  }

  /// The age now bounds the onset from above, so a patient under 45 began under 45 however
  /// long the pain has lasted.
  static let currentAgeOnly = [40, 44]

  @Test(
    "A patient under 45 began under 45, with or without the pain's duration",
    arguments: currentAgeOnly)
  func currentAgeBoundsTheOnset(_ years: Int) throws {
    let facts = Self.ready.without(.patientAge, .painDuration) + [Note.age(years)]
    #expect(try Self.status("1756.spa.onset", facts) == .met)
  }

  static let backPainItems: [(facts: [Fact], status: CriterionStatus)] = [
    (items.prefix(3).map { Note.feature($0) } + [Note.age(50)], .notDocumented),
    (items.map { Note.feature($0) } + [Note.age(50)], .met),
    // Onset before 40 is the fourth item.
    (items.prefix(3).map { Note.feature($0) } + [Note.age(35, .onset)], .met),
    (items.prefix(2).map { Note.feature($0) } + [Note.age(35, .onset)], .notDocumented),
    (items.map { Note.feature($0, false) } + [Note.age(50)], .notDocumented),
  ]

  @Test(
    "Inflammatory back pain counts with four of its five items, not three",
    arguments: backPainItems)
  func inflammatoryBackPainItems(_ example: (facts: [Fact], status: CriterionStatus)) throws {
    let facts = Self.ready.without(.patientAge, .spondyloarthritisFeature) + example.facts
    #expect(try Self.status("1756.spa.features", facts) == example.status)
  }

  @Test("A relative's spondyloarthritis alone does not make a mechanical case one of it")
  func familyHistoryAloneDoesNotPickTheIndication() throws {
    let facts = SacroiliacJointInjectionTests.ready + [Note.feature(.familyHistory)]
    let all = try GuidelineMatcher().evaluate(
      CaseFacts(facts: facts, request: SacroiliacJointInjectionTests.sij, noteDate: noteDay))
    #expect(all.first { $0.guideline == "1756" }?.indication == "sacroiliacJointPain")
  }
}
