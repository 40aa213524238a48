import Model

/// A value the JSON report holds, which writes itself with a `PrettyJSONWriter`.
///
/// The report is written through these rather than through `Encodable`, whose containers,
/// coding keys and boxed values cost as much again as the writing itself; what is written is
/// still exactly what `JSONEncoder` writes for the value's `Encodable` conformance, which
/// `JSONReportEncoderTests` checks.
protocol JSONReportValue: Sendable {
  func write(to json: inout PrettyJSONWriter)
}

/// An object of the JSON report, written as the members its type lists.
protocol JSONReportObject: JSONReportValue {
  static var jsonMembers: JSONMembers<Self> { get }
}

extension JSONReportObject {
  func write(to json: inout PrettyJSONWriter) {
    json.writeObject { Self.jsonMembers.write(self, to: &$0) }
  }
}

extension String: JSONReportValue {
  func write(to json: inout PrettyJSONWriter) { json.writeString(self) }
}

extension Int: JSONReportValue {
  func write(to json: inout PrettyJSONWriter) { json.writeInteger(self) }
}

extension Double: JSONReportValue {
  func write(to json: inout PrettyJSONWriter) { json.writeNumber(self) }
}

extension Bool: JSONReportValue {
  func write(to json: inout PrettyJSONWriter) { json.writeBool(self) }
}

extension Array: JSONReportValue where Element: JSONReportValue {
  func write(to json: inout PrettyJSONWriter) { json.writeArray(self) }
}

extension ClinicalDate: JSONReportValue {
  func write(to json: inout PrettyJSONWriter) { json.writeString(iso) }
}

/// The enumerations of the report, written as their raw values, as `Codable` gives them.
extension JSONReportValue where Self: RawRepresentable, RawValue == String {
  func write(to json: inout PrettyJSONWriter) { json.writeString(rawValue) }
}

extension AgeContext: JSONReportValue {}
extension AnginaClassSystem: JSONReportValue {}
extension BudapestCategory: JSONReportValue {}
extension BudapestKind: JSONReportValue {}
extension ConsultationSpecialty: JSONReportValue {}
extension CriterionStatus: JSONReportValue {}
extension DeterminationStatus: JSONReportValue {}
extension DiagnosisCondition: JSONReportValue {}
extension DiagnosticUncertaintyKind: JSONReportValue {}
extension DisabilityInstrument: JSONReportValue {}
extension FactType: JSONReportValue {}
extension GapFamily: JSONReportValue {}
extension ImagingFindingKind: JSONReportValue {}
extension ImagingModality: JSONReportValue {}
extension ImplantProblemKind: JSONReportValue {}
extension OpioidStatus: JSONReportValue {}
extension PainContext: JSONReportValue {}
extension PainPatternKind: JSONReportValue {}
extension PlannedGuidance: JSONReportValue {}
extension Prescriber: JSONReportValue {}
extension ProcedureKind: JSONReportValue {}
extension ProvocationTestKind: JSONReportValue {}
extension Region: JSONReportValue {}
extension RiskCondition: JSONReportValue {}
extension Side: JSONReportValue {}
extension SpondyloarthritisFeatureKind: JSONReportValue {}
extension StaphOrganism: JSONReportValue {}
extension SurgicalPlanKind: JSONReportValue {}
extension TestResult: JSONReportValue {}
extension TherapyModality: JSONReportValue {}
extension TherapyOutcome: JSONReportValue {}
extension TherapyStatus: JSONReportValue {}
extension TrialDevice: JSONReportValue {}
