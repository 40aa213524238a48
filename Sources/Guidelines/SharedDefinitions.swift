import Matching
import Model

// Definitions several guidelines state in the same words: the modality lists of their
// conservative-treatment sections and the lengths they ask for.

/// Physical therapy, a supervised home exercise program and chiropractic care.
let activeModalities: Set<TherapyModality> = [.physicalTherapy, .homeExercise, .chiropractic]

/// Physical, occupational and pain-psychology therapy (1758's functional restoration).
let functionalRestoration: Set<TherapyModality> = [
  .physicalTherapy, .occupationalTherapy, .painPsychology,
]

/// The eight sacroiliac provocation tests 1756 counts.
let sacroiliacTests = Set(ProvocationTestKind.allCases.filter(\.isSacroiliac))

/// Injections and blocks of the lumbar and sacral spine other than the sacroiliac joint.
let lumbosacralInjections: Set<ProcedureKind> = [
  .epiduralInjection, .facetInjection, .medialBranchBlock, .radiofrequencyAblation,
]

/// Days in the lengths the guidelines write.
enum Days {
  static func weeks(_ count: Int) -> Int { count * 7 }
  /// Months as the annotation counts them: thirty days each.
  static func months(_ count: Int) -> Int { count * 30 }
}

/// The 6-weeks-in-6-months course with one active and one inactive modality that the
/// spinal-injection guidelines define under "Conservative Treatment", where ongoing treatment
/// suffices after earlier injections in the region.
let sixWeeksInSixMonths = ConservativeTreatmentPolicy(
  minimumDays: Days.weeks(6), windowMonths: 6, requiresActiveAndInactive: true,
  ongoingSufficesAfterPriorInjection: true)
