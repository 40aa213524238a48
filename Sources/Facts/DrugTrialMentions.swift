import Model

/// Intrathecal drug trials written as the dose given rather than by a name the procedures
/// lexicon can hold: "intrathecal hydromorphone 0.1 mg bolus at L2-3", "single-shot
/// intrathecal morphine 0.2 mg", "intrathecal baclofen 50 mcg bolus", and the next dose of a
/// screening series ("repeat bolus, 75 mcg"). A lexicon phrase
/// cannot skip the drug and its dose, so these are read with a pattern and join the
/// lexicon's procedure hits as `intrathecalTrial`.
extension Passage {
  /// The procedures this sentence names: the lexicon's hits and the intrathecal doses it
  /// reports, in order.
  var procedureMentions: [LexiconHit] {
    let named = hits("procedures")
    let doses = DrugTrialMention.pattern.matches(in: text).compactMap { match -> LexiconHit? in
      let range = absolute(match.range)
      guard !named.contains(where: { $0.range.overlaps(range) }) else { return nil }
      return LexiconHit(
        lexicon: "procedures", concept: "intrathecal drug dose",
        attributes: ["procedure": ProcedureKind.intrathecalTrial.rawValue], range: range)
    }
    guard !doses.isEmpty else { return named }
    return (named + doses).sorted { $0.range.lowerBound < $1.range.lowerBound }
  }
}

/// The shape of an intrathecal dose given as a trial: a drug given intrathecally with a
/// dose or as a bolus or single shot, and not a pump's running infusion.
enum DrugTrialMention {
  static let pattern = TextPattern(
    #"\b(?:single[- ]shot\s+|single[- ]dose\s+)?intrathecal\s+(?:(?:preservative[- ]free|PF)\s+)?"#
      + #"(?:morphine|hydromorphone|fentanyl|baclofen|ziconotide|sufentanil|bupivacaine|clonidine)"#
      + #"(?:\s+\d+(?:\.\d+)?\s*(?:mg|mcg|µg|micrograms?)\b(?:\s+(?:bolus|injection|test dose))?"#
      + #"|\s+(?:bolus|injection|test dose))(?!\s*(?:/|per\b|pump|via))"#
      + #"|\b(?:repeat|second|third|another)\s+(?:intrathecal\s+|screening\s+)?bolus\b"#
  )
}
