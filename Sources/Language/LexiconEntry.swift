/// One concept of a lexicon file: its name, the phrases that say it, and its attributes.
///
/// `concept | variant; variant | key=value key=value` in the file (see Lexicons/README.md).
public struct LexiconEntry: Hashable, Sendable {
  /// The file stem the entry comes from ("medications").
  public let lexicon: String
  /// The concept's name, which is also matched as a phrase ("meloxicam").
  public let concept: String
  /// The other phrases that say the concept ("Mobic").
  public let variants: [String]
  /// The entry's attributes, file defaults included ("class": "nsaid").
  public let attributes: [String: String]
  /// The 1-based line of the file the entry stands on.
  public let line: Int

  public init(
    lexicon: String, concept: String, variants: [String] = [],
    attributes: [String: String] = [:], line: Int = 0
  ) {
    self.lexicon = lexicon
    self.concept = concept
    self.variants = variants
    self.attributes = attributes
    self.line = line
  }

  /// Every phrase the matcher looks for: the concept, then its variants.
  public var phrases: [String] { [concept] + variants }
}
