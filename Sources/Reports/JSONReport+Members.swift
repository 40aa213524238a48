import Model

// The members of the objects of the JSON report, under the keys of their `Codable`
// conformances: facts-v1's names, and README's for what PendCheck adds.
//
// Known shortcoming: these lists, and those of the fact payloads, repeat by hand what the
// synthesized conformances derive from the stored properties, so a property added to a model
// type must be added here as well; `JSONReportEncoderTests` fails until it is, by comparing
// each type's stored properties with its members.

extension CaseReport: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("schemaVersion", \.schemaVersion),
    .member("case", \.`case`),
    .member("noteDate", \.noteDate),
    .member("request", \.request),
    .member("documents", \.documents),
    .member("facts", \.facts),
    .member("determinations", \.determinations),
  ]
}

extension DocumentSummary: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("name", \.name),
    .member("pageCount", \.pageCount),
    .member("pagesNeedingOCR", \.pagesNeedingOCR),
    .member("ocrPages", \.ocrPages),
    .member("failure", \.failure),
  ]
}

extension OCRPage: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("page", \.page),
    .member("meanConfidence", \.meanConfidence),
    .member("warning", \.warning),
  ]
}

extension ServiceRequest: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("cpt", \.cpt),
    .member("plannedDate", \.plannedDate),
    .member("region", \.region),
    .member("side", \.side),
    .member("levels", \.levels),
    .member("purpose", \.purpose),
    .member("service", \.service),
    .member("reason", \.reason),
    .member("guidance", \.guidance),
  ]
}

extension Determination: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("guideline", \.guideline),
    .member("indication", \.indication),
    .member("phase", \.phase),
    .member("determination", \.determination),
    .member("gaps", \.gaps),
    .member("criteria", \.criteria),
    .member("exclusionReason", \.exclusionReason),
  ]
}

extension CriterionResult: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("id", \.id),
    .member("guideline", \.guideline),
    .member("section", \.section),
    .member("description", \.description),
    .member("family", \.family),
    .member("status", \.status),
    .member("reason", \.reason),
    .member("providerRequest", \.providerRequest),
    .member("evidence", \.evidence),
  ]
}

extension Evidence: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("document", \.document),
    .member("page", \.page),
    .member("text", \.text),
    .member("start", \.start),
    .member("end", \.end),
    .member("section", \.section),
    .member("ocrConfidence", \.ocrConfidence),
  ]
}

extension Derivation: JSONReportObject {
  static let jsonMembers: JSONMembers<Self> = [
    .member("rule", \.rule),
    .member("lexiconEntries", \.lexiconEntries),
    .member("triggers", \.triggers),
  ]
}

/// A fact is one flat object, as facts-v1 writes it: its own members (`type`, `evidence`,
/// `derivation`) among those of its payload.
extension Fact: JSONReportValue {
  static let ownMembers: JSONMembers<Self> = [
    .member("type", \.type),
    .member("evidence", \.evidence),
    .member("derivation", \.derivation),
  ]

  func write(to json: inout PrettyJSONWriter) {
    switch detail {
    case .painScore(let payload): write(payload, to: &json)
    case .functionalDisability(let payload): write(payload, to: &json)
    case .painDuration(let payload): write(payload, to: &json)
    case .painPattern(let payload): write(payload, to: &json)
    case .provocationTest(let payload): write(payload, to: &json)
    case .budapestFinding(let payload): write(payload, to: &json)
    case .crpsDiagnosis(let payload): write(payload, to: &json)
    case .relief(let payload): write(payload, to: &json)
    case .therapy(let payload): write(payload, to: &json)
    case .staphScreen(let payload): write(payload, to: &json)
    case .decolonization(let payload): write(payload, to: &json)
    case .psychEvaluation(let payload): write(payload, to: &json)
    case .opioidUse(let payload): write(payload, to: &json)
    case .priorProcedure(let payload): write(payload, to: &json)
    case .imagingFinding(let payload): write(payload, to: &json)
    case .riskFactor(let payload): write(payload, to: &json)
    case .diagnosis(let payload): write(payload, to: &json)
    case .surgicalPlan(let payload): write(payload, to: &json)
    case .deviceTrial(let payload): write(payload, to: &json)
    case .implantProblem(let payload): write(payload, to: &json)
    case .consultation(let payload): write(payload, to: &json)
    case .anginaClass(let payload): write(payload, to: &json)
    case .patientAge(let payload): write(payload, to: &json)
    case .spondyloarthritisFeature(let payload): write(payload, to: &json)
    case .diagnosticUncertainty(let payload): write(payload, to: &json)
    case .deviceInterrogation(let payload): write(payload, to: &json)
    }
  }

  private func write<Payload: JSONReportObject>(_ payload: Payload, to json: inout PrettyJSONWriter)
  {
    json.writeObject { json in
      Self.ownMembers.write(self, merging: Payload.jsonMembers, of: payload, to: &json)
    }
  }
}
