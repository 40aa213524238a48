import Foundation
import Language
import Model

/// One annotated document as the detectors read it: its sentences as passages, with the
/// lexicon matches, dates and assertion context the Language stage found in them.
///
/// This is the one place that reads `AnnotatedDocument`; the detectors see only `Note`,
/// `Passage`, `LexiconHit` and `Context`.
final class Note {
  let annotated: AnnotatedDocument
  let document: Document
  /// The document's sentences, in order; folded on first use, since a note read only for
  /// its heading (is it a request form?) needs none of them.
  private(set) lazy var passages: [Passage] = {
    // A note has a few sections, each over many sentences: each is named once.
    var sections: [(raw: String, name: SectionName)] = []
    func name(of raw: String) -> SectionName {
      if let named = sections.first(where: { $0.raw == raw }) { return named.name }
      let name = SectionName(raw)
      sections.append((raw, name))
      return name
    }
    return annotated.sentences.enumerated().map { index, sentence in
      let folded = FoldedText(document.utf16, range: sentence.range)
      return Passage(
        note: self, index: index, range: sentence.range, text: folded.text,
        offsets: folded.offsets, section: sentence.section.map { name(of: $0.rawValue) })
    }
  }()
  /// The date of service the Language stage read, if any.
  let dateOfService: ClinicalDate?
  /// The matches of each lexicon asked about, by file stem and its length, in the order first
  /// asked for: a note is asked about a few lexicons hundreds of times each, and looking
  /// through a few by length costs less than hashing. Unchecked for exclusive access, which
  /// cost as much again: no access to it lasts beyond one read or one append.
  @exclusivity(unchecked) private var hitsByLexicon:
    [(stem: String, length: Int, hits: LexiconHits)] = []
  private var rawHitsByLexicon: [LexiconStem: [LexiconHit]] = [:]
  /// What the detectors worked out, a store for each purpose (at its raw value), made when
  /// it is first asked for. Unchecked, as the values of each store are (see
  /// `RememberedValues`): no access to it lasts beyond one read or one write.
  @exclusivity(unchecked) private var rememberedByPurpose = [AnyObject?](
    repeating: nil, count: Purpose.allCases.count)
  private var sentenceEvidence: [Int: Evidence] = [:]
  private let dateMentions: [(date: ClinicalDate, range: Range<Int>)]

  init(_ annotated: AnnotatedDocument) {
    self.annotated = annotated
    self.document = annotated.document
    self.dateOfService = annotated.dateOfService
    self.dateMentions = annotated.dates.compactMap { mention in
      mention.date.map { (date: $0, range: mention.range) }
    }
  }

  /// The matches of one lexicon (by file stem) inside a range of the document.
  func hits(_ lexicon: String, in range: Range<Int>) -> [LexiconHit] {
    if let found = filedHits(of: lexicon) { return found.inside(range) }
    let rivals = domainHits
    let found = LexiconHits(
      rawHits(lexicon).filter { hit in
        !rivals.contains {
          $0.range.count > hit.range.count && $0.range.lowerBound <= hit.range.lowerBound
            && $0.range.upperBound >= hit.range.upperBound
        }
      })
    hitsByLexicon.append((lexicon, lexicon.utf8.count, found))
    return found.inside(range)
  }

  /// The matches of a lexicon filed by `hits(_:in:)`, if it was asked about before.
  private func filedHits(of lexicon: String) -> LexiconHits? {
    let length = lexicon.utf8.count
    return hitsByLexicon.withUnsafeBufferPointer { filed in
      for index in filed.indices where filed[index].length == length {
        if filed[index].stem == lexicon { return filed[index].hits }
      }
      return nil
    }
  }

  /// Every match of the domain lexicons, gathered once: each lexicon's hits are checked
  /// against them when first asked for.
  private lazy var domainHits: [LexiconHit] = Self.domainLexicons.flatMap(rawHits)

  /// The lexicons of the fact detectors. A phrase found inside a longer phrase of any of
  /// them is not a match of its own: "epidural" in "epidural fibrosis", "MS" in "MS Contin".
  static let domainLexicons = [
    "provocation-tests", "budapest", "therapies", "medications", "procedures",
    "imaging-findings", "risk-factors", "diagnoses",
  ]

  /// Every match of one lexicon, abbreviations written in the wrong case left out.
  private func rawHits(_ lexicon: String) -> [LexiconHit] {
    if let cached = rawHitsByLexicon[LexiconStem(lexicon)] { return cached }
    let hits = annotated.matches(in: lexicon).compactMap { match -> LexiconHit? in
      if match.entry.attributes["upperCaseOnly"] == "yes" {
        let written = document.substring(match.range)
        guard written == written.uppercased() else { return nil }
      }
      return LexiconHit(
        lexicon: lexicon, concept: match.entry.concept, attributes: match.entry.attributes,
        range: match.range)
    }
    rawHitsByLexicon[LexiconStem(lexicon)] = hits
    return hits
  }

  /// What `compute` finds about a range of one of the note's sentences, computed the first
  /// time a detector asks for `purpose` there and kept for the next: several detectors
  /// read the same treatment's scope, and a sentence's list of treatments, in turn.
  func remembered<Value>(
    _ purpose: Purpose, of range: Range<Int>, inSentence sentence: Int, _ compute: () -> Value
  ) -> Value {
    let store = remembered(
      purpose, as: Value.self, capacity: sentence >= 0 ? annotated.sentences.count : 1)
    let key = Remembered(sentence: sentence, range: range)
    // A remembered `nil`, when `Value` is optional, is found as `.some(nil)`.
    if let value = store.values[key] { return value }

    let value = compute()
    store.values[key] = value
    return value
  }

  /// What `compute` finds about the whole of sentence `sentence` (see above), kept at the
  /// sentence's place in a list: the sentence's scores, relief statements, procedures and
  /// treatments are asked for tens of thousands of times a batch, and hashing a key to find
  /// one cost several times as much as the rest of finding it.
  func remembered<Value>(
    _ purpose: Purpose, ofSentence sentence: Int, _ compute: () -> Value
  ) -> Value {
    let store = remembered(purpose, as: Value.self, capacity: 0)
    if store.bySentence.isEmpty {
      store.bySentence = Array(repeating: nil, count: annotated.sentences.count)
    }
    // A remembered `nil`, when `Value` is optional, is found as `.some(nil)`.
    if let value = store.bySentence[sentence] { return value }

    let value = compute()
    store.bySentence[sentence] = value
    return value
  }

  /// The store of `purpose`, whose values are `Value`s, made with room for `capacity`
  /// values of ranges.
  private func remembered<Value>(
    _ purpose: Purpose, as _: Value.Type, capacity: Int
  ) -> RememberedValues<Value> {
    if let store = rememberedByPurpose[purpose.rawValue] {
      // Each purpose is asked for at one place in the detectors, so always with one type of
      // value, and its store is of that type: the cast is not checked again (a debug build
      // checks it), where a checked one would look up the store's generic type each time.
      return unsafeDowncast(store, to: RememberedValues<Value>.self)
    }

    // Room from the start spares growing the table, and rehashing it, several times a note.
    let store = RememberedValues<Value>(capacity: capacity)
    rememberedByPurpose[purpose.rawValue] = store
    return store
  }

  /// The evidence quoting sentence `sentence`, made by `make` the first time one of its
  /// facts cites it and kept: a sentence that lists several findings is cited by each, and
  /// quoting it copies and folds its text.
  func evidence(ofSentence sentence: Int, _ make: () -> Evidence) -> Evidence {
    if let made = sentenceEvidence[sentence] { return made }
    let made = make()
    sentenceEvidence[sentence] = made
    return made
  }

  /// `compute()` for the whole note, computed once: what kind of note it is, asked by
  /// detectors of every one of its sentences.
  func remembered<Value>(_ purpose: Purpose, _ compute: () -> Value) -> Value {
    let store = remembered(purpose, as: Value.self, capacity: 0)
    // A remembered `nil`, when `Value` is optional, is found as `.some(nil)`.
    if let value = store.ofNote { return value }

    let value = compute()
    store.ofNote = value
    return value
  }

  /// What a detector works out and keeps for the next that asks (see `remembered`).
  enum Purpose: Int, CaseIterable {
    // About a note.
    case isPsychReport, isTherapyNote, isImagingReport, isProcedureNote, implantDevice
    // About a sentence or a range of one.
    case painScores, reliefStatements, functionRegained, writtenDate, procedureMentions
    case nearestProcedure, procedureReference
    case treatmentScope, treatmentSharedReadings, treatments, treatmentClauses
    case treatmentSplit, treatmentLeadCue, treatmentStatusWord
    case priorProcedurePastWords, priorProcedureOptionFrame, priorProcedureYearOnly
  }

  /// Where in the note a value of a purpose was worked out: a range of one sentence.
  private struct Remembered: Hashable {
    let sentence: Int
    let range: Range<Int>

    /// Two words hashed rather than three: a lookup is asked for some 100,000 times a batch,
    /// and each word hashed cost about as much as the rest of it.
    func hash(into hasher: inout Hasher) {
      hasher.combine(sentence)
      hasher.combine(range.lowerBound &* 0x10000 &+ range.upperBound)
    }
  }

  /// The values of one purpose, by where they were worked out: typed, so that keeping and
  /// finding one neither boxes it nor casts it back.
  private final class RememberedValues<Value> {
    /// Unchecked for exclusive access, which cost as much as finding a value: `remembered`
    /// reads it, and writes it after `compute` has returned, never holding it while a
    /// detector runs.
    @exclusivity(unchecked) var values: [Remembered: Value]
    /// The values of whole sentences, by sentence, once one is asked for (unchecked, as
    /// `values` is).
    @exclusivity(unchecked) var bySentence: [Value?] = []
    /// The value of the whole note, once asked for.
    var ofNote: Value?

    init(capacity: Int) { values = Dictionary(minimumCapacity: capacity) }
  }

  /// The assertion context of a range: negated, uncertain, hypothetical, historical, or
  /// about someone else, with the triggers that decided it.
  func context(of range: Range<Int>) -> Context {
    let assertion = annotated.assertion(for: range)
    return Context(
      isNegated: assertion.isNegated, isUncertain: assertion.isUncertain,
      isHypothetical: assertion.isHypothetical, isHistorical: assertion.isHistorical,
      isOtherPerson: assertion.isOtherPerson,
      triggers: assertion.triggers.map { "\($0.kind.rawValue):\($0.text)" })
  }

  /// The full dates written inside a range, in order.
  func dates(in range: Range<Int>) -> [(date: ClinicalDate, range: Range<Int>)] {
    dateMentions.filter {
      $0.range.lowerBound >= range.lowerBound && $0.range.upperBound <= range.upperBound
    }
  }

  /// The title lines of the document, where notes say what kind of note they are: short
  /// lines among the first few, such as "PHYSICAL THERAPY DISCHARGE SUMMARY".
  ///
  /// Computed once: detectors ask for it for every passage.
  private(set) lazy var heading: String = {
    firstLines(6).filter { line in
      let (characters, words) = Self.characterAndWordCounts(line)
      return characters <= 70
        && (line == line.uppercased() || (words <= 8 && !line.hasSuffix(".")))
    }.joined(separator: "\n")
  }()

  /// The characters of a line with its whitespace collapsed, and its words (split at
  /// spaces). An ASCII line's are counted in its bytes, where reading its characters cost
  /// hundreds of instructions each: each byte is a character (no carriage return is left to
  /// pair with a newline), and the words are one more than its spaces, one between each two.
  static func characterAndWordCounts(_ line: String) -> (Int, Int) {
    let utf8 = line.utf8
    guard !utf8.contains(where: { $0 >= 0x80 }) else {
      return (line.count, line.split(separator: " ").count)
    }

    let spaces = utf8.reduce(0) { $0 + ($1 == UInt8(ascii: " ") ? 1 : 0) }
    return (utf8.count, utf8.isEmpty ? 0 : spaces + 1)
  }

  /// The first `count` lines of the document that hold more than whitespace, whitespace
  /// collapsed; the rest of the document is not read.
  ///
  /// Lines are cut at the newline's byte: reading characters cost several hundred
  /// instructions a character. A newline after a carriage return is one character with it,
  /// as `Character` has it, and does not end the line.
  private func firstLines(_ count: Int) -> [String] {
    let utf8 = document.text.utf8
    // The bytes are read in place where the text keeps them so (a native string does):
    // stepping the view's index cost some fifteen instructions a byte.
    let lines = utf8.withContiguousStorageIfAvailable { bytes in
      var lines: [String] = []
      var lineStart = 0
      var previous: UInt8 = 0
      var offset = 0
      while lines.count < count, offset < bytes.count {
        let byte = bytes[offset]
        if byte == 0x0A && previous != 0x0D {
          append(utf8[index(lineStart, in: utf8)..<index(offset, in: utf8)], to: &lines)
          lineStart = offset + 1
        }
        previous = byte
        offset += 1
      }
      if lines.count < count { append(utf8[index(lineStart, in: utf8)...], to: &lines) }
      return lines
    }
    return lines ?? firstLines(count, steppingThrough: utf8)
  }

  private func index(_ offset: Int, in utf8: String.UTF8View) -> String.Index {
    utf8.index(utf8.startIndex, offsetBy: offset)
  }

  /// `firstLines(_:)` read by stepping the view's index, for a text that keeps no
  /// contiguous bytes.
  private func firstLines(_ count: Int, steppingThrough utf8: String.UTF8View) -> [String] {
    var lines: [String] = []
    var lineStart = utf8.startIndex
    var previous: UInt8 = 0
    var index = utf8.startIndex
    while lines.count < count, index < utf8.endIndex {
      let byte = utf8[index]
      let next = utf8.index(after: index)
      if byte == 0x0A && previous != 0x0D {
        append(utf8[lineStart..<index], to: &lines)
        lineStart = next
      }
      previous = byte
      index = next
    }
    if lines.count < count { append(utf8[lineStart...], to: &lines) }
    return lines
  }

  private func append(_ line: Substring.UTF8View, to lines: inout [String]) {
    let collapsed = String(Substring(line)).collapsingWhitespace
    if !collapsed.isEmpty { lines.append(collapsed) }
  }
}

/// A lexicon's file stem as the key of a note's hits, hashed by its length alone: a note's
/// hits are looked up some 100,000 times a batch, hashing the name's bytes cost more than
/// the rest of a lookup, and the stems a note is asked about seldom share a length (those
/// that do are told apart by `==`).
private struct LexiconStem: Hashable {
  let name: String

  init(_ name: String) { self.name = name }

  func hash(into hasher: inout Hasher) { hasher.combine(name.utf8.count) }
}

/// A note section by its normalised name (`hpi`, `physicalExam`, `plan`, …).
struct SectionName: Hashable, Sendable {
  let name: String
  /// The kinds of section the name says, read once: detectors ask about the section of
  /// nearly every sentence, some several times.
  private let kinds: Kinds

  init(_ name: String) {
    self.name = name
    kinds = Kinds(of: name)
  }

  /// Whether the section records what the clinician examined.
  var isExamination: Bool { kinds.contains(.examination) }
  /// Whether the section records what the patient reports.
  var isHistory: Bool { kinds.contains(.history) }
  /// Whether the section records what the clinician plans.
  var isPlan: Bool { kinds.contains(.plan) }
  var isAssessment: Bool { kinds.contains(.assessment) }
  var isMedications: Bool { kinds.contains(.medications) }
  var isAllergies: Bool { kinds.contains(.allergies) }
  var isFamilyHistory: Bool { kinds.contains(.familyHistory) }
  var isVitals: Bool { kinds.contains(.vitals) }
  var isImaging: Bool { kinds.contains(.imaging) }
  /// Whether the section records the patient before a procedure, or in its recovery.
  var isBeforeProcedure: Bool { kinds.contains(.beforeProcedure) }
  var isAfterProcedure: Bool { kinds.contains(.afterProcedure) }

  /// The kinds of section a name says: each is said by any of its fragments in the name,
  /// letter case aside.
  private struct Kinds: OptionSet, Hashable, Sendable {
    let rawValue: UInt16

    static let examination = Kinds(rawValue: 1 << 0)
    static let history = Kinds(rawValue: 1 << 1)
    static let plan = Kinds(rawValue: 1 << 2)
    static let assessment = Kinds(rawValue: 1 << 3)
    static let medications = Kinds(rawValue: 1 << 4)
    static let allergies = Kinds(rawValue: 1 << 5)
    static let familyHistory = Kinds(rawValue: 1 << 6)
    static let vitals = Kinds(rawValue: 1 << 7)
    static let imaging = Kinds(rawValue: 1 << 8)
    static let beforeProcedure = Kinds(rawValue: 1 << 9)
    static let afterProcedure = Kinds(rawValue: 1 << 10)

    /// Each kind's fragments, one row each: static strings, whose bytes are read in
    /// place, where a list of lists of strings retained each as it was read.
    private static let fragments: [(kind: Kinds, fragment: StaticString)] = [
      (.examination, "exam"), (.examination, "objective"),
      (.history, "hpi"), (.history, "history"), (.history, "subjective"),
      (.history, "interval"), (.history, "complaint"), (.history, "ros"),
      (.plan, "plan"), (.plan, "recommend"), (.plan, "disposition"), (.plan, "order"),
      (.assessment, "assessment"), (.assessment, "impression"), (.assessment, "diagnos"),
      (.medications, "medication"), (.allergies, "allerg"), (.familyHistory, "family"),
      (.vitals, "vital"), (.imaging, "imaging"), (.imaging, "radiolog"),
      (.imaging, "finding"), (.imaging, "mri"), (.imaging, "study"),
      (.beforeProcedure, "preprocedure"), (.afterProcedure, "postprocedure"),
    ]

    init(rawValue: UInt16) { self.rawValue = rawValue }

    init(of name: String) {
      var folded = name.lowercased()
      var kinds: Kinds = []
      // Section names are ASCII; comparing bytes spares Foundation's `contains`.
      guard folded.utf8.allSatisfy({ $0 < 0x80 }) else {
        for (kind, fragment) in Self.fragments where folded.contains("\(fragment)") {
          kinds.insert(kind)
        }
        self = kinds
        return
      }
      folded.withUTF8 { text in
        for (kind, fragment) in Self.fragments where !kinds.contains(kind) {
          if fragment.withUTF8Buffer({ Self.bytes($0, occurIn: text) }) { kinds.insert(kind) }
        }
      }
      self = kinds
    }

    private static func bytes(
      _ needle: UnsafeBufferPointer<UInt8>, occurIn text: UnsafeBufferPointer<UInt8>
    ) -> Bool {
      guard needle.count <= text.count else { return false }
      for start in 0...(text.count - needle.count) {
        var matched = 0
        while matched < needle.count && text[start + matched] == needle[matched] { matched += 1 }
        if matched == needle.count { return true }
      }
      return false
    }
  }
}

/// One lexicon entry matched in the text.
struct LexiconHit: Sendable {
  /// The lexicon's file stem, such as `medications`.
  let lexicon: String
  let concept: String
  let attributes: [String: String]
  let range: Range<Int>

  /// The entry as a derivation names it: `medications:gabapentin`.
  var label: String { "\(lexicon):\(concept)" }
}

/// The assertion context of a mention, read from the Language stage.
struct Context: Sendable {
  var isNegated = false
  var isUncertain = false
  var isHypothetical = false
  var isHistorical = false
  var isOtherPerson = false
  var triggers: [String] = []

  /// Whether the mention asserts something about the patient as it stands documented.
  var isAffirmedAboutPatient: Bool {
    !isNegated && !isUncertain && !isHypothetical && !isOtherPerson
  }
}

/// A sentence's text with every run of whitespace folded to one space (PDF text layers put
/// two spaces between words and break lines mid-sentence), and the document offset of each
/// of its UTF-16 units, so that matches in the folded text cite the document exactly.
struct FoldedText {
  let text: String
  /// `offsets[i]` is the document offset of unit `i`; one more entry marks the end.
  let offsets: [Int]

  init(_ utf16: [UInt16], range: Range<Int>) {
    precondition(range.lowerBound >= 0 && range.upperBound <= utf16.count)
    // Written through pointers into buffers of the sentence's length, the most it can fold
    // to: appending grew both arrays several times a sentence, checking every append. The
    // units are only read into the text, so they are kept in a temporary buffer rather
    // than an array of their own, whose making cost hundreds of instructions a sentence.
    var text = ""
    offsets = withUnsafeTemporaryAllocation(of: UInt16.self, capacity: range.count) { units in
      [Int](unsafeUninitializedCapacity: range.count + 1) { written, offsetCount in
        var isASCII = true
        let count = utf16.withUnsafeBufferPointer { source in
          Self.fold(source, range: range, into: units, offsets: written, &isASCII)
        }
        written[count] = range.upperBound
        offsetCount = count + 1
        let folded = UnsafeBufferPointer(rebasing: units[..<count])
        text = isASCII ? Self.asciiText(folded) : String(utf16Units: folded)
      }
    }
    self.text = text
  }

  /// Writes the folded units of `source[range]` and the offset of each; returns how many,
  /// and clears `isASCII` when one is outside ASCII.
  private static func fold(
    _ source: UnsafeBufferPointer<UInt16>, range: Range<Int>,
    into units: UnsafeMutableBufferPointer<UInt16>,
    offsets: UnsafeMutableBufferPointer<Int>, _ isASCII: inout Bool
  ) -> Int {
    var count = 0
    var previousWasSpace = false
    var highest: UInt16 = 0
    for offset in range {
      let unit = source[offset]
      let isSpace = unit == 0x20 || unit == 0x0A || unit == 0x0D || unit == 0x09 || unit == 0xA0
      if isSpace && previousWasSpace { continue }
      // Curly apostrophes read as straight ones, so "can’t" matches "can't".
      let folded = isSpace ? 0x20 : (unit == 0x2019 || unit == 0x2018 ? 0x27 : unit)
      units[count] = folded
      offsets[count] = offset
      highest |= folded
      count += 1
      previousWasSpace = isSpace
    }
    isASCII = highest < 0x80
    return count
  }

  /// The string of ASCII units: their bytes, without the general transcoding.
  private static func asciiText(_ units: UnsafeBufferPointer<UInt16>) -> String {
    String(unsafeUninitializedCapacity: units.count) { bytes in
      for index in units.indices { bytes[index] = UInt8(truncatingIfNeeded: units[index]) }
      return units.count
    }
  }
}

/// One lexicon's matches in a note, and the way to those inside a range: by halving when
/// they are in document order (the detectors ask for every sentence's, many times over),
/// else by reading them all.
struct LexiconHits {
  let hits: [LexiconHit]
  let isInOrder: Bool

  init(_ hits: [LexiconHit]) {
    self.hits = hits
    isInOrder = zip(hits, hits.dropFirst()).allSatisfy {
      $0.range.lowerBound <= $1.range.lowerBound
    }
  }

  /// The matches that lie inside `range`, in the order they were found.
  func inside(_ range: Range<Int>) -> [LexiconHit] {
    guard isInOrder else {
      return hits.filter {
        $0.range.lowerBound >= range.lowerBound && $0.range.upperBound <= range.upperBound
      }
    }

    var first = 0
    var end = hits.count
    while first < end {
      let middle = (first + end) / 2
      if hits[middle].range.lowerBound < range.lowerBound {
        first = middle + 1
      } else {
        end = middle
      }
    }
    var found: [LexiconHit] = []
    for hit in hits[first...] {
      guard hit.range.lowerBound <= range.upperBound else { break }
      if hit.range.upperBound <= range.upperBound { found.append(hit) }
    }
    return found
  }
}
