import Model

/// The words every report format uses for the model's enumerations, so that HTML, terminal
/// text and any future format call one thing by one name.
enum ReportWording {
  /// The determination as a short label, such as `PEND`.
  static func label(_ status: DeterminationStatus) -> String {
    switch status {
    case .ready: "READY"
    case .pend: "PEND"
    case .clinicalReview: "CLINICAL REVIEW"
    case .excluded: "EXCLUDED"
    }
  }

  /// What the determination means for the reviewer, in one sentence.
  static func meaning(_ status: DeterminationStatus) -> String {
    switch status {
    case .ready: "Every criterion is documented as met; the case can be approved as sent."
    case .pend: "Documentation is missing; the case waits for the provider to send it."
    case .clinicalReview: "The documents contradict a criterion; a physician reviewer decides."
    case .excluded: "The request falls outside the guideline."
    }
  }

  /// The criterion status as people read it.
  static func label(_ status: CriterionStatus) -> String {
    switch status {
    case .met: "Met"
    case .notMet: "Not met"
    case .notDocumented: "Not documented"
    }
  }

  /// The gap family as people read it.
  static func label(_ family: GapFamily) -> String {
    switch family {
    case .painSeverity: "Pain severity"
    case .painDuration: "Pain duration"
    case .painPattern: "Pain pattern"
    case .diagnosis: "Diagnosis"
    case .conservativeCare: "Conservative care"
    case .homeExercise: "Home exercise"
    case .provocationTests: "Provocation tests"
    case .budapestCriteria: "Budapest criteria"
    case .priorResponse: "Response to prior procedure"
    case .imaging: "Imaging"
    case .mrsaDecolonization: "MRSA screen and decolonization"
    case .psychEvaluation: "Psychological evaluation"
    case .deviceTrial: "Device trial"
    case .medicationTrial: "Medication trial"
    case .frequency: "Frequency"
    case .interval: "Interval"
    case .contraindication: "Contraindication"
    case .imagingGuidance: "Imaging guidance"
    case .surgicalPlanning: "Surgical planning"
    case .other: "Other"
    }
  }

  /// The subject of a guideline by its number, or `nil` for a number PendCheck does not know.
  static func guidelineTitle(_ number: String) -> String? {
    switch number {
    case "1750": "Epidural spine injections"
    case "1751": "Epidural injections and intrathecal drug trials"
    case "1752": "Implantable infusion pumps"
    case "1753": "Facet joint injections and medial branch blocks"
    case "1754": "Facet joint radiofrequency denervation"
    case "1756": "Sacroiliac joint injections"
    case "1757": "Spinal cord and dorsal root ganglion stimulation"
    case "1758": "Sympathetic nerve blocks"
    default: nil
    }
  }

  /// "Guideline 1756 (Sacroiliac joint injections)", or just the number when unknown.
  static func guidelineName(_ number: String) -> String {
    guard let title = guidelineTitle(number) else { return "Guideline \(number)" }
    return "Guideline \(number) (\(title))"
  }

  /// The indication and phase applied, such as "sacroiliac joint pain, diagnostic phase".
  static func indication(of determination: Determination) -> String {
    let indication = humanized(determination.indication)
    guard let phase = determination.phase else { return indication }
    return "\(indication), \(humanized(phase)) phase"
  }

  /// A contract name spelled for people: `sacroiliacInjection` becomes "sacroiliac injection".
  static func humanized(_ name: String) -> String {
    asciiHumanized(name) ?? words(name).map { properNames[$0] ?? $0 }.joined(separator: " ")
  }

  /// The lower-cased words of a camel-case name: a new word at each upper-case letter.
  private static func words(_ name: String) -> [String] {
    var words: [String] = []
    for character in name {
      if character.isUppercase || words.isEmpty { words.append("") }
      words[words.count - 1].append(contentsOf: character.lowercased())
    }
    return words
  }

  /// `humanized(_:)` of an ASCII name, byte by byte, or nil for a name that is not ASCII:
  /// its upper-case letters are `A` to `Z`, and each word is written as it is split off,
  /// straight into the string's storage.
  ///
  /// Twice the name's length is room enough: a word of `n` bytes is written as at most `n + 1`
  /// (a proper name) after at most one space, and a proper name has more than one byte.
  private static func asciiHumanized(_ name: String) -> String? {
    let humanized = name.utf8.withContiguousStorageIfAvailable { name -> String? in
      guard name.allSatisfy({ $0 < 0x80 }) else { return nil }

      return String(unsafeUninitializedCapacity: 2 * name.count) { text in
        var count = 0
        var wordStart = 0
        for byte in name {
          let isUppercase = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
          if isUppercase, count > wordStart {
            count = spellProperName(in: text, word: wordStart..<count)
            text[count] = UInt8(ascii: " ")
            count += 1
            wordStart = count
          }
          text[count] = isUppercase ? byte + 0x20 : byte
          count += 1
        }
        return spellProperName(in: text, word: wordStart..<count)
      }
    }
    return humanized.flatMap { $0 }
  }

  /// Replaces the last word of `text` by its proper spelling if it has one, and returns where
  /// the text then ends.
  private static func spellProperName(in text: UnsafeMutableBufferPointer<UInt8>, word: Range<Int>)
    -> Int
  {
    guard properNameLengths.contains(word.count) else { return word.upperBound }

    let packed = packedWord(UnsafeMutableBufferPointer(rebasing: text[word]))
    let spelling = properNameSpellings.first { $0.length == word.count && $0.word == packed }
    guard let spelling else {
      return word.upperBound
    }
    for (offset, byte) in spelling.proper.enumerated() { text[word.lowerBound + offset] = byte }
    return word.lowerBound + spelling.proper.count
  }

  /// The bytes of a word of at most eight as one number, the first byte highest, so that
  /// two words are compared in one step.
  private static func packedWord(_ word: some Sequence<UInt8>) -> UInt64 {
    word.reduce(0) { $0 << 8 | UInt64($1) }
  }

  /// A number without a trailing `.0`: 7 stays "7", 7.5 stays "7.5".
  static func number(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }

  /// Words of contract names that are written as an abbreviation or a proper name.
  private static let properNames: [String: String] = [
    "odi": "ODI", "ndi": "NDI", "promis": "PROMIS", "mrsa": "MRSA", "mssa": "MSSA",
    "mri": "MRI", "ct": "CT", "xray": "X-ray", "faber": "FABER", "crps": "CRPS",
    "nsaid": "NSAID", "budapest": "Budapest", "yeoman": "Yeoman", "gaenslen": "Gaenslen",
    "spurling": "Spurling", "icd10": "ICD-10",
  ]

  /// `properNames` with their words packed (`packedWord(_:)`), for `asciiHumanized(_:)`
  /// to compare a word with each in turn, which is quicker than looking up a string.
  private static let properNameSpellings: [(length: Int, word: UInt64, proper: [UInt8])] =
    properNames.map { ($0.key.utf8.count, packedWord($0.key.utf8), Array($0.value.utf8)) }

  /// The shortest to the longest word `properNames` spells, so that no other word is looked up.
  private static let properNameLengths: ClosedRange<Int> = {
    let lengths = properNames.keys.map(\.utf8.count)
    // `properNames` is not empty, and `packedWord(_:)` holds at most eight bytes.
    precondition(lengths.max()! <= 8, "a proper name's word is longer than eight bytes")
    return lengths.min()!...lengths.max()!
  }()
}
