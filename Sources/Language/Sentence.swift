/// One sentence, or one line of a template, list or heading: the unit assertion scope ends at.
public struct Sentence: Hashable, Sendable {
  /// UTF-16 offsets into `Document.text`, from its first token to its last.
  public let range: Range<Int>
  /// Indices into `AnnotatedDocument.tokens`.
  public let tokenRange: Range<Int>
  /// The section the sentence stands in, if the document has headings before it.
  public let section: SectionKind?
}
