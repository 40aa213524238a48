import Model

/// One sentence of a note, with the section it stands in: the unit every detector reads.
struct Passage {
  unowned let note: Note
  /// The sentence's position among the note's sentences.
  let index: Int
  /// The sentence's UTF-16 range in the document.
  let range: Range<Int>
  /// The sentence's text; offsets into it plus `range.lowerBound` are document offsets.
  let text: String
  let section: SectionName?

  /// Converts an offset range inside `text` to a document range.
  func absolute(_ local: Range<Int>) -> Range<Int> {
    (local.lowerBound + range.lowerBound)..<(local.upperBound + range.lowerBound)
  }

  /// Converts a document range inside this sentence to a range inside `text`.
  func local(_ absolute: Range<Int>) -> Range<Int> {
    (absolute.lowerBound - range.lowerBound)..<(absolute.upperBound - range.lowerBound)
  }

  /// The matches of one lexicon in this sentence, in order.
  func hits(_ lexicon: String) -> [LexiconHit] {
    note.hits(lexicon, in: range).sorted { $0.range.lowerBound < $1.range.lowerBound }
  }

  /// The assertion context of a range inside `text`.
  func context(ofLocal local: Range<Int>) -> Context { note.context(of: absolute(local)) }

  /// The assertion context of a lexicon hit.
  func context(of hit: LexiconHit) -> Context { note.context(of: hit.range) }

  /// The dates written in this sentence, with ranges inside `text`.
  var dates: [(date: ClinicalDate, range: Range<Int>)] {
    note.dates(in: range).map { ($0.date, local($0.range)) }
  }

  /// The text between two offsets inside `text`.
  func slice(_ local: Range<Int>) -> String { text.utf16Slice(local) }

  /// Evidence quoting the whole sentence, with its page and section.
  var evidence: Evidence { note.document.evidence(range, section: section?.name) }

  /// The sentences before this one in the same note, nearest first, up to `count`.
  func preceding(_ count: Int) -> [Passage] {
    let start = max(0, index - count)
    return note.passages[start..<index].reversed()
  }

  /// The sentence after this one, if any.
  var next: Passage? { index + 1 < note.passages.count ? note.passages[index + 1] : nil }
}
