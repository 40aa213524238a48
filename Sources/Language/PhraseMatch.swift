/// A place in a document where a lexicon phrase was found.
public struct PhraseMatch: Hashable, Sendable {
  /// The concept whose phrase matched.
  public let entry: LexiconEntry
  /// Indices into `AnnotatedDocument.tokens`: first through last matched token.
  public let tokenRange: Range<Int>
  /// UTF-16 offsets into `Document.text`, from the first token's start to the last's end.
  public let range: Range<Int>
}
