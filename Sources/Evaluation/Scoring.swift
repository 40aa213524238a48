import Model

/// Precision, recall and F1 of one set of counts.
public struct PrecisionRecall: Codable, Sendable, Hashable {
  public let truePositives: Int
  public let falsePositives: Int
  public let falseNegatives: Int

  public init(truePositives: Int, falsePositives: Int, falseNegatives: Int) {
    self.truePositives = truePositives
    self.falsePositives = falsePositives
    self.falseNegatives = falseNegatives
  }

  /// 1 when nothing was reported, since nothing reported was wrong.
  public var precision: Double {
    let reported = truePositives + falsePositives
    return reported == 0 ? 1 : Double(truePositives) / Double(reported)
  }

  /// 1 when gold has nothing, since nothing was missed.
  public var recall: Double {
    let expected = truePositives + falseNegatives
    return expected == 0 ? 1 : Double(truePositives) / Double(expected)
  }

  public var f1: Double {
    let sum = precision + recall
    return sum == 0 ? 0 : 2 * precision * recall / sum
  }

  static func + (lhs: PrecisionRecall, rhs: PrecisionRecall) -> PrecisionRecall {
    PrecisionRecall(
      truePositives: lhs.truePositives + rhs.truePositives,
      falsePositives: lhs.falsePositives + rhs.falsePositives,
      falseNegatives: lhs.falseNegatives + rhs.falseNegatives)
  }

  static let zero = PrecisionRecall(truePositives: 0, falsePositives: 0, falseNegatives: 0)

  private enum CodingKeys: String, CodingKey {
    case truePositives, falsePositives, falseNegatives, precision, recall, f1
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    truePositives = try container.decode(Int.self, forKey: .truePositives)
    falsePositives = try container.decode(Int.self, forKey: .falsePositives)
    falseNegatives = try container.decode(Int.self, forKey: .falseNegatives)
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(truePositives, forKey: .truePositives)
    try container.encode(falsePositives, forKey: .falsePositives)
    try container.encode(falseNegatives, forKey: .falseNegatives)
    try container.encode(precision, forKey: .precision)
    try container.encode(recall, forKey: .recall)
    try container.encode(f1, forKey: .f1)
  }
}

/// The scores of one fact type.
public struct FactTypeScore: Codable, Sendable, Hashable {
  public let type: FactType
  public let counts: PrecisionRecall
}

/// How often a detail field was right among matched pairs whose gold fact has it.
public struct DetailFieldScore: Codable, Sendable, Hashable {
  public let type: FactType
  public let field: String
  public let correct: Int
  public let total: Int

  public var accuracy: Double { total == 0 ? 1 : Double(correct) / Double(total) }
}

/// A gold case and what the tool reported for it, or why it could not.
public struct ScoredCase: Sendable {
  public let gold: GoldCase
  /// The tool's report, or `nil` when reviewing the case failed.
  public let report: CaseReport?
  /// Why the review failed, when it did.
  public let failure: String?
  /// `dev`, `test`, or `nil` when the case sits outside a split folder.
  public let split: String?

  public init(gold: GoldCase, report: CaseReport?, failure: String? = nil, split: String? = nil) {
    self.gold = gold
    self.report = report
    self.failure = failure
    self.split = split
  }

  /// The first determination for the gold guideline, as the contract says to score it.
  public var predicted: Determination? {
    report?.determinations.first { $0.guideline == gold.expected.guideline }
  }
}
