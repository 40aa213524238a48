import Model

// The members of each fact type's payload, which a fact writes among its own: the keys of
// the payloads' synthesized `Codable` conformances, facts-v1's names and PendCheck's.

extension PainScore: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("value", \.value),
    .member("low", \.low),
    .member("context", \.context),
    .member("region", \.region),
  ]
}

extension FunctionalDisability: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("present", \.present),
    .member("instrument", \.instrument),
    .member("score", \.score),
    .member("activity", \.activity),
  ]
}

extension PainDuration: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("months", \.months),
    .member("onset", \.onset),
  ]
}

extension PainPattern: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("pattern", \.pattern),
    .member("site", \.site),
  ]
}

extension ProvocationTest: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("test", \.test),
    .member("result", \.result),
    .member("side", \.side),
  ]
}

extension BudapestFinding: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("category", \.category),
    .member("kind", \.kind),
    .member("present", \.present),
    .member("finding", \.finding),
  ]
}

extension CRPSDiagnosis: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("crpsType", \.crpsType),
    .member("budapestStated", \.budapestStated),
  ]
}

extension Relief: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("percent", \.percent),
    .member("procedure", \.procedure),
    .member("durationDays", \.durationDays),
    .member("procedureDate", \.procedureDate),
    .member("functionalImprovement", \.functionalImprovement),
    .member("levels", \.levels),
    .member("side", \.side),
  ]
}

extension Therapy: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("modality", \.modality),
    .member("name", \.name),
    .member("start", \.start),
    .member("end", \.end),
    .member("weeks", \.weeks),
    .member("sessions", \.sessions),
    .member("status", \.status),
    .member("outcome", \.outcome),
    .member("prescribedBy", \.prescribedBy),
    .member("followUpDocumented", \.followUpDocumented),
    .member("drugClass", \.drugClass),
    .member("unableReason", \.unableReason),
    .member("attended", \.attended),
  ]
}

extension StaphScreen: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("organism", \.organism),
    .member("result", \.result),
    .member("date", \.date),
  ]
}

extension Decolonization: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("planned", \.planned),
    .member("start", \.start),
    .member("agents", \.agents),
  ]
}

extension PsychEvaluation: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("completed", \.completed),
    .member("date", \.date),
    .member("cleared", \.cleared),
  ]
}

extension OpioidUse: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("status", \.status),
    .member("weeks", \.weeks),
  ]
}

extension PriorProcedure: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("procedure", \.procedure),
    .member("date", \.date),
    .member("region", \.region),
    .member("side", \.side),
    .member("levels", \.levels),
  ]
}

extension ImagingFinding: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("finding", \.finding),
    .member("modality", \.modality),
    .member("date", \.date),
    .member("levels", \.levels),
  ]
}

extension RiskFactor: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("condition", \.condition),
    .member("present", \.present),
    .member("detail", \.detail),
  ]
}

extension Diagnosis: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("condition", \.condition),
    .member("icd10", \.icd10),
  ]
}

extension SurgicalPlan: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("kind", \.kind),
    .member("date", \.date),
  ]
}

extension DeviceTrial: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("device", \.device),
    .member("percent", \.percent),
    .member("days", \.days),
    .member("functionalImprovement", \.functionalImprovement),
    .member("intolerableSideEffects", \.intolerableSideEffects),
  ]
}

extension ImplantProblem: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("problem", \.problem),
    .member("device", \.device),
    .member("date", \.date),
  ]
}

extension Consultation: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("specialty", \.specialty),
    .member("date", \.date),
  ]
}

extension AnginaClass: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("system", \.system),
    .member("class", \.`class`),
  ]
}

extension DeviceInterrogation: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("device", \.device),
    .member("date", \.date),
  ]
}

extension PatientAge: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("years", \.years),
    .member("context", \.context),
  ]
}

extension SpondyloarthritisFeature: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("feature", \.feature),
    .member("present", \.present),
  ]
}

extension DiagnosticUncertainty: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("kind", \.kind)
  ]
}
