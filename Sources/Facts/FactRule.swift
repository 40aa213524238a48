import Model

/// A detector of one fact type: reads one sentence at a time and reports the facts it states.
protocol FactRule: Sendable {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact]
}

/// What a detector may need to know about the whole case while it reads one sentence.
struct CaseReading {
  /// The date of service of the most recent clinical note, for "since March 2025".
  let noteDate: ClinicalDate?
  /// Whether any document speaks of complex regional pain syndrome, where Budapest
  /// signs and symptoms are read as such (elsewhere "weakness" is not a Budapest finding).
  let concernsCRPS: Bool
  /// Whether the case's pain is not spinal (CRPS, zoster, visceral or cancer pain), where
  /// the axial/radicular pattern does not apply.
  var concernsNonSpinalPain: Bool = false
  /// Whether any document speaks of an implanted stimulator or pump, where the problems a
  /// revision answers are read.
  var concernsImplant: Bool = false
  /// Whether any document speaks of spondyloarthritis, where its features are read.
  var concernsSpondyloarthritis: Bool = false
}

extension Passage {
  /// A fact stated by this sentence, citing it, with the rule and lexicon entries that found it.
  func fact(
    _ detail: FactDetail, rule: String, hits: [LexiconHit] = [], context: Context? = nil
  ) -> Fact {
    let derivation = Derivation(
      rule: rule, lexiconEntries: hits.map(\.label), triggers: context?.triggers ?? [])
    return Fact(detail, evidence: [evidence], derivation: derivation)
  }
}
