import Matching
import Model

/// A ready case of one indication, and the single changes to it that make it pend on one gap
/// family or call for clinical review: the rows the coverage tables are written in.
struct IndicationCase {
  /// What is requested, for the scenario names: "a stellate block for zoster".
  let label: String
  let guideline: String
  let indication: String
  let request: ServiceRequest
  let facts: [Fact]
  var noteDate: ClinicalDate? = noteDay

  func ready() -> Scenario {
    scenario("is ready", facts, .ready, [])
  }

  func pend(
    _ behaviour: String, _ gaps: [GapFamily], _ facts: [Fact]? = nil,
    request: ServiceRequest? = nil, undated: Bool = false
  ) -> Scenario {
    scenario(behaviour, facts ?? self.facts, .pend, gaps, request: request, undated: undated)
  }

  func review(
    _ behaviour: String, _ gaps: [GapFamily], _ facts: [Fact]? = nil,
    request: ServiceRequest? = nil
  ) -> Scenario {
    scenario(behaviour, facts ?? self.facts, .clinicalReview, gaps, request: request)
  }

  /// Without a planned date, the reference is the note date: an interval short of its
  /// minimum from the note date may still be met by the procedure date, so it pends.
  var unplanned: ServiceRequest {
    var unplanned = request
    unplanned.plannedDate = nil
    return unplanned
  }

  private func scenario(
    _ behaviour: String, _ facts: [Fact], _ status: DeterminationStatus, _ gaps: [GapFamily],
    request: ServiceRequest? = nil, undated: Bool = false
  ) -> Scenario {
    var asked = request ?? self.request
    if undated { asked.plannedDate = nil }
    return Scenario(
      name: "\(label) \(behaviour)", guideline: guideline, request: asked, facts: facts,
      noteDate: undated ? nil : noteDate, status: status, gaps: gaps, indication: indication)
  }
}
