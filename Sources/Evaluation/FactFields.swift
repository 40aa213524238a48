import Model

/// How one field of a fact is compared between gold and the tool's report.
enum FieldTolerance: Sendable {
  /// Equal values (strings, booleans, enumerations; numbers within rounding).
  case exact
  /// Numbers within a fraction of the gold value.
  case relative(Double)
  /// Numbers within an absolute distance.
  case absolute(Double)
  /// Dates within a number of days; a month-only date matches any day of its month.
  case dateWithin(days: Int)
  /// Lists compared as sets.
  case unorderedList
}

/// A field of a fact type, with how it is compared.
struct ScoredField: Sendable {
  let name: String
  let tolerance: FieldTolerance

  init(_ name: String, _ tolerance: FieldTolerance = .exact) {
    self.name = name
    self.tolerance = tolerance
  }
}

/// The key and detail fields of each fact type, as facts-v1's table defines them.
///
/// Key fields decide whether a reported fact matches a gold fact; detail fields are then
/// scored for accuracy among the matched pairs.
struct FactTypeFields: Sendable {
  let keys: [ScoredField]
  let details: [ScoredField]

  static func of(_ type: FactType) -> FactTypeFields {
    switch type {
    case .painScore:
      FactTypeFields(keys: [.init("value"), .init("context")], details: [.init("low")])
    case .functionalDisability:
      FactTypeFields(keys: [.init("present"), .init("instrument")], details: [.init("score")])
    case .painDuration:
      FactTypeFields(
        keys: [.init("months", .relative(0.15))], details: [.init("onset", .dateWithin(days: 0))])
    case .painPattern: FactTypeFields(keys: [.init("pattern")], details: [.init("site")])
    case .provocationTest:
      FactTypeFields(keys: [.init("test"), .init("result")], details: [.init("side")])
    case .budapestFinding:
      FactTypeFields(keys: [.init("category"), .init("kind"), .init("present")], details: [])
    case .crpsDiagnosis:
      FactTypeFields(keys: [.init("crpsType")], details: [.init("budapestStated")])
    case .relief:
      FactTypeFields(
        keys: [.init("percent"), .init("procedure")],
        details: [
          .init("durationDays", .relative(0.10)), .init("procedureDate", .dateWithin(days: 0)),
          .init("functionalImprovement"),
        ])
    case .therapy:
      FactTypeFields(
        keys: [.init("modality"), .init("name")],
        details: [
          .init("start", .dateWithin(days: 0)), .init("end", .dateWithin(days: 0)),
          .init("weeks", .absolute(1)), .init("sessions"), .init("status"), .init("outcome"),
          .init("prescribedBy"), .init("followUpDocumented"),
        ])
    case .staphScreen:
      FactTypeFields(
        keys: [.init("organism"), .init("result")], details: [.init("date", .dateWithin(days: 0))])
    case .decolonization:
      FactTypeFields(
        keys: [.init("planned")],
        details: [.init("start", .dateWithin(days: 0)), .init("agents", .unorderedList)])
    case .psychEvaluation:
      FactTypeFields(
        keys: [.init("completed")],
        details: [.init("date", .dateWithin(days: 0)), .init("cleared")])
    case .opioidUse: FactTypeFields(keys: [.init("status")], details: [.init("weeks")])
    case .priorProcedure:
      FactTypeFields(
        keys: [.init("procedure"), .init("date", .dateWithin(days: 3))],
        details: [.init("region"), .init("side"), .init("levels", .unorderedList)])
    case .imagingFinding:
      FactTypeFields(
        keys: [.init("finding")], details: [.init("modality"), .init("date", .dateWithin(days: 0))])
    case .riskFactor: FactTypeFields(keys: [.init("condition"), .init("present")], details: [])
    case .diagnosis: FactTypeFields(keys: [.init("condition")], details: [.init("icd10")])
    case .surgicalPlan:
      FactTypeFields(keys: [.init("kind")], details: [.init("date", .dateWithin(days: 0))])
    case .deviceTrial:
      FactTypeFields(
        keys: [.init("device"), .init("percent")],
        details: [.init("days"), .init("functionalImprovement")])
    case .implantProblem:
      FactTypeFields(
        keys: [.init("problem")], details: [.init("device"), .init("date", .dateWithin(days: 0))])
    case .consultation:
      FactTypeFields(keys: [.init("specialty")], details: [.init("date", .dateWithin(days: 0))])
    case .anginaClass: FactTypeFields(keys: [.init("system"), .init("class")], details: [])
    case .patientAge: FactTypeFields(keys: [.init("years"), .init("context")], details: [])
    case .spondyloarthritisFeature:
      FactTypeFields(keys: [.init("feature"), .init("present")], details: [])
    case .diagnosticUncertainty: FactTypeFields(keys: [.init("kind")], details: [])
    case .deviceInterrogation:
      FactTypeFields(keys: [.init("device")], details: [.init("date", .dateWithin(days: 0))])
    }
  }
}
