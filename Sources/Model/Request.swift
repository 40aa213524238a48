/// The service a provider asks to perform, as intake received it or as the documents state.
public struct ServiceRequest: Codable, Sendable, Hashable {
  /// CPT or HCPCS codes, such as `27096`.
  public var cpt: [String]
  public var plannedDate: ClinicalDate?
  public var region: Region?
  public var side: Side?
  public var levels: [String]
  /// The purpose the request names: `diagnostic`, `therapeutic`, `trial`, `permanent`,
  /// `revision`, `surgicalPlanning` (PendCheck's addition; optional).
  public var purpose: String?
  /// A service named in words, such as "sacral lateral branch block" (PendCheck's addition).
  public var service: String?
  /// The reason the request gives for the service, in its words: a form's reason field
  /// ("post-operative pain control"), or the sentence of a note that requests the service
  /// (PendCheck's addition).
  public var reason: String?
  /// The imaging guidance the documents plan for the service, where a form, a plan or the
  /// sentence requesting it says (PendCheck's addition): what a code that does not include
  /// guidance leaves to the notes.
  public var guidance: PlannedGuidance?

  public init(
    cpt: [String] = [], plannedDate: ClinicalDate? = nil, region: Region? = nil,
    side: Side? = nil, levels: [String] = [], purpose: String? = nil, service: String? = nil,
    reason: String? = nil, guidance: PlannedGuidance? = nil
  ) {
    self.cpt = cpt
    self.plannedDate = plannedDate
    self.region = region
    self.side = side
    self.levels = levels
    self.purpose = purpose
    self.service = service
    self.reason = reason
    self.guidance = guidance
  }

  private enum CodingKeys: String, CodingKey {
    case cpt, plannedDate, region, side, levels, purpose, service, reason, guidance
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    cpt = try container.decodeIfPresent([String].self, forKey: .cpt) ?? []
    plannedDate = try container.decodeIfPresent(ClinicalDate.self, forKey: .plannedDate)
    region = try container.decodeIfPresent(Region.self, forKey: .region)
    side = try container.decodeIfPresent(Side.self, forKey: .side)
    levels = try container.decodeIfPresent([String].self, forKey: .levels) ?? []
    purpose = try container.decodeIfPresent(String.self, forKey: .purpose)
    service = try container.decodeIfPresent(String.self, forKey: .service)
    reason = try container.decodeIfPresent(String.self, forKey: .reason)
    guidance = try container.decodeIfPresent(PlannedGuidance.self, forKey: .guidance)
  }
}

/// How the documents say a procedure will be guided (PendCheck's addition to the request).
public enum PlannedGuidance: String, Codable, Sendable, Hashable {
  case fluoroscopy, ct, ultrasound
  /// Image guidance named without its kind ("image-guided").
  case imaging
  /// Without imaging: "landmark technique", "no fluoroscopy".
  case unguided
}
