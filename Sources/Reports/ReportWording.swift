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
    guard name.utf8.allSatisfy({ $0 < 0x80 }) else {
      return words(name).map { properNames[$0] ?? $0 }.joined(separator: " ")
    }
    return asciiHumanized(name)
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

  /// `humanized(_:)` of an ASCII name, byte by byte: its upper-case letters are `A` to `Z`,
  /// and each word is written as it is split off, without an array of words.
  private static func asciiHumanized(_ name: String) -> String {
    var text: [UInt8] = []
    text.reserveCapacity(name.utf8.count + 8)
    var wordStart = 0
    for byte in name.utf8 {
      let isUppercase = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
      if isUppercase, text.count > wordStart {
        spellProperName(in: &text, from: wordStart)
        text.append(UInt8(ascii: " "))
        wordStart = text.count
      }
      text.append(isUppercase ? byte + 0x20 : byte)
    }
    spellProperName(in: &text, from: wordStart)
    return String(decoding: text, as: UTF8.self)
  }

  /// Replaces the last word of `text`, from `start` on, by its proper spelling if it has one.
  private static func spellProperName(in text: inout [UInt8], from start: Int) {
    guard properNameLengths.contains(text.count - start) else { return }

    let word = String(decoding: text[start...], as: UTF8.self)
    guard let spelling = properNames[word] else { return }
    text.replaceSubrange(start..., with: spelling.utf8)
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

  /// The shortest to the longest word `properNames` spells, so that no other word is looked up.
  private static let properNameLengths: ClosedRange<Int> = {
    let lengths = properNames.keys.map(\.utf8.count)
    return lengths.min()!...lengths.max()!  // `properNames` is not empty.
  }()
}
