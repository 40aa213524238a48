/// Whether a trial's result says its side effects could not be tolerated: guidelines 1751
/// and 1752 allow a second intraspinal trial after one, and want tolerable side effects
/// before a pump.
///
/// Read from the result's own sentence and the one after it, where notes put the
/// complication ("… 60% relief, but at 6 hours her respiratory rate fell to 7, requiring
/// naloxone").
enum TrialSideEffects {
  static func intolerable(near passage: Passage) -> Bool? {
    let texts = [passage.text] + (passage.next.map { [$0.text] } ?? [])
    for text in texts {
      if tolerated.occurs(in: text) { return false }
      if notTolerated.occurs(in: text) { return true }
    }
    return nil
  }

  /// Complications a trial cannot go on with, and words saying so.
  private static let notTolerated = TextPattern(
    #"\b(?:requir\w+|needed|needing|given|received) (?:\w+ ){0,2}(?:naloxone|narcan)\b"#
      + #"|\brespiratory depression\b|\b(?:intolerable|untolerable|unacceptable|not tolerated"#
      + #"|poorly tolerated|could not tolerate|couldn't tolerate|unable to tolerate"#
      + #"|did not tolerate)\b|\b(?:stopped|terminated|aborted|ended"#
      + #"|discontinued) (?:\w+ ){0,3}(?:early|because of|due to"#
      + #"|for) (?:\w+ ){0,3}(?:side effects?|nausea|vomiting|sedation|pruritus|itching"#
      + #"|hypotension|urinary retention|respiratory)"#
  )
  private static let tolerated = TextPattern(
    #"\b(?:side effects?|it|the trial|the bolus|the dose) (?:were |was )?(?:well[- ])?tolerated\b"#
      + #"|\b(?:tolerable|mild|minimal|no) (?:side effects?|nausea|pruritus"#
      + #"|itching)(?! requiring)\b"#
  )
}
