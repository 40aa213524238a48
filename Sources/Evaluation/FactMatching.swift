import Model

/// The pairing of one case's reported facts with its gold facts.
public struct CaseFactMatch: Sendable {
  /// Gold and reported facts that agree on every key field.
  public let matched: [(gold: Fact, reported: Fact)]
  /// Gold facts the tool did not report.
  public let missed: [Fact]
  /// Reported facts gold does not have.
  public let spurious: [Fact]
}

/// Pairs reported facts with gold facts, one to one, type by type.
///
/// A pair needs every key field to agree within its tolerance. Among several candidates the
/// one agreeing on the most detail fields is taken, so that detail accuracy is measured on
/// the best available pairing rather than on an accident of order.
enum FactMatcher {
  static func match(gold: [Fact], reported: [Fact]) -> CaseFactMatch {
    var matched: [(gold: Fact, reported: Fact)] = []
    var missed: [Fact] = []
    var available = reported.map { (fact: $0, fields: FactFields($0)) }

    for goldFact in gold {
      let goldFields = FactFields(goldFact)
      let fields = FactTypeFields.of(goldFact.type)
      let candidates = available.indices.filter { index in
        available[index].fields.type == goldFact.type
          && keysAgree(goldFields, available[index].fields, fields.keys)
      }
      guard
        let best = candidates.max(by: { first, second in
          detailAgreement(goldFields, available[first].fields, fields.details)
            < detailAgreement(goldFields, available[second].fields, fields.details)
        })
      else {
        missed.append(goldFact)
        continue
      }
      matched.append((goldFact, available[best].fact))
      available.remove(at: best)
    }

    return CaseFactMatch(matched: matched, missed: missed, spurious: available.map(\.fact))
  }

  static func keysAgree(_ gold: FactFields, _ reported: FactFields, _ keys: [ScoredField])
    -> Bool
  {
    keys.allSatisfy { key in
      key.tolerance.accepts(gold: gold.values[key.name], reported: reported.values[key.name])
    }
  }

  private static func detailAgreement(
    _ gold: FactFields, _ reported: FactFields, _ details: [ScoredField]
  ) -> Int {
    details.filter { detail in
      gold.values[detail.name] != nil
        && detail.tolerance.accepts(
          gold: gold.values[detail.name], reported: reported.values[detail.name])
    }.count
  }
}
