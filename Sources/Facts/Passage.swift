import Model

/// One sentence of a note, with the section it stands in: the unit every detector reads.
struct Passage {
  unowned let note: Note
  /// The sentence's position among the note's sentences.
  let index: Int
  /// The sentence's UTF-16 range in the document.
  let range: Range<Int>
  /// The sentence's text, whitespace folded to single spaces (see `FoldedText`).
  let text: String
  /// The document offset of each UTF-16 unit of `text`, and of its end.
  let offsets: [Int]
  let section: SectionName?

  /// Converts an offset range inside `text` to a document range.
  func absolute(_ local: Range<Int>) -> Range<Int> {
    let lower = offsets[min(max(0, local.lowerBound), offsets.count - 1)]
    guard local.upperBound > local.lowerBound else { return lower..<lower }
    let upper = offsets[min(local.upperBound - 1, offsets.count - 2)] + 1
    return lower..<max(lower, upper)
  }

  /// Converts a document range inside this sentence to a range inside `text`.
  func local(_ absolute: Range<Int>) -> Range<Int> {
    let lower = firstIndex(atOrAfter: absolute.lowerBound)
    let upper = firstIndex(atOrAfter: absolute.upperBound)
    return lower..<max(lower, upper)
  }

  /// The index of the first unit of `text` at or after a document offset.
  private func firstIndex(atOrAfter offset: Int) -> Int {
    var low = 0
    var high = offsets.count - 1
    while low < high {
      let middle = (low + high) / 2
      if offsets[middle] < offset { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The matches of one lexicon in this sentence, in order.
  func hits(_ lexicon: String) -> [LexiconHit] {
    let found = note.hits(lexicon, in: range)
    // A note's hits are nearly always found in order already: a sort, stable, would copy
    // them unchanged, and it was asked for some 80,000 times a batch.
    let isInOrder = zip(found, found.dropFirst()).allSatisfy {
      $0.range.lowerBound <= $1.range.lowerBound
    }
    return isInOrder ? found : found.sorted { $0.range.lowerBound < $1.range.lowerBound }
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
  func slice(_ local: Range<Int>) -> String { text.slice(local) }

  /// Up to `count` UTF-16 units of `text` right after `local`: the words after a mention.
  func text(after local: Range<Int>, upTo count: Int) -> String {
    slice(local.upperBound..<min(text.utf16.count, local.upperBound + count))
  }

  /// Evidence quoting the whole sentence, with its page and section.
  var evidence: Evidence {
    note.evidence(ofSentence: index) { note.document.evidence(range, section: section?.name) }
  }

  /// The sentences before this one in the same note, nearest first, up to `count`.
  func preceding(_ count: Int) -> [Passage] {
    let start = max(0, index - count)
    return note.passages[start..<index].reversed()
  }

  /// The sentence after this one, if any.
  var next: Passage? { index + 1 < note.passages.count ? note.passages[index + 1] : nil }
}

extension String {
  /// Whether `other` occurs in this string, as Foundation's `contains` finds it (never the
  /// empty string); searched in the bytes when both are ASCII (no character then composes
  /// with another), where Foundation's search cost thousands of instructions a call.
  func includes(_ other: String) -> Bool {
    let needle = Array(other.utf8)
    let haystack = Array(utf8)
    guard !needle.isEmpty, needle.count == other.utf16.count, haystack.count == utf16.count
    else { return contains(other) }
    guard needle.count <= haystack.count else { return false }

    let includes = (0...(haystack.count - needle.count)).contains { start in
      haystack[start..<start + needle.count].elementsEqual(needle)
    }
    assert(includes == contains(other), "a byte search found otherwise than Foundation")
    return includes
  }

  /// The text between two UTF-16 offsets of this string, clamped to it: `utf16Slice(_:)`,
  /// cut from the string's bytes when it is ASCII, as nearly every sentence is (its bytes
  /// are then its UTF-16 units). The detectors cut some 20,000 stretches a batch, and
  /// spelling each anew from its UTF-16 units cost over a thousand instructions.
  func slice(_ range: Range<Int>) -> String {
    let utf8 = self.utf8
    let count = utf8.count
    // A text's UTF-16 units are as many as its bytes only when every one is ASCII (any
    // other scalar takes more bytes than units); an ASCII string's units are counted in O(1).
    guard utf16.count == count else { return utf16Slice(range) }

    let lower = Swift.max(0, Swift.min(range.lowerBound, count))
    let upper = Swift.max(lower, Swift.min(range.upperBound, count))
    let start = utf8.index(utf8.startIndex, offsetBy: lower)
    let end = utf8.index(start, offsetBy: upper - lower)
    let slice = String(Substring(utf8[start..<end]))
    assert(slice == utf16Slice(range), "an ASCII slice cut otherwise than from its units")
    return slice
  }
}
