import Matching
import Model

extension GuidelineCatalog {
  /// The eight 2026 guidelines PendCheck applies, in the order reports list them.
  public static let standard = GuidelineCatalog(guidelines: [
    .epiduralSpineInjections,
    .epiduralInjectionsAndIntrathecalTrials,
    .implantableInfusionPumps,
    .facetJointInjections,
    .facetJointDenervation,
    .sacroiliacJointInjections,
    .spinalCordStimulation,
    .sympatheticNerveBlocks,
  ])
}

extension GuidelineMatcher {
  /// A matcher applying the standard catalog.
  public init() {
    self.init(catalog: .standard)
  }
}
