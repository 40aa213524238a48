/// What the Language stage reads from its structural lexicons, prepared once per load.
struct LanguageData: Sendable {
  /// Abbreviations written with a final period ("dr.", "b.i.d."), each by its normalized
  /// text before that period ("dr", "b.i.d"), the token a period follows: true when one may
  /// end a sentence.
  let abbreviations: [String: Bool]
  /// Unit phrases ("wks") with their unit concept and length in days.
  let units: [(phrase: String, concept: String, days: Double)]
  private let unitsByPhrase: [String: (concept: String, days: Double)]
  /// Quantity words and idioms ("couple", "twice") with their values.
  let numberWords: [String: Double]

  init(entries: (StructuralLexicon) -> [LexiconEntry]) {
    var abbreviations: [String: Bool] = [:]
    for entry in entries(.abbreviations) {
      let mayEnd = entry.attributes["sentenceEnd"] == "allowed"
      for phrase in entry.phrases where phrase.hasSuffix(".") {
        let normalized = Normalization.normalize(phrase).utf8
        guard normalized.last == UInt8(ascii: ".") else { continue }
        abbreviations[String(decoding: normalized.dropLast(), as: UTF8.self)] = mayEnd
      }
    }
    self.abbreviations = abbreviations

    units = entries(.units).flatMap { entry in
      let days = entry.attributes["days"].flatMap(Double.init) ?? 0
      return entry.phrases.map { (phrase: $0, concept: entry.concept, days: days) }
    }
    unitsByPhrase = Dictionary(
      units.map { (Normalization.normalize($0.phrase), (concept: $0.concept, days: $0.days)) }
    ) { first, _ in first }

    var words: [String: Double] = [:]
    for entry in entries(.numberWords) {
      let value = entry.attributes["value"].flatMap(Double.init) ?? 0
      for phrase in entry.phrases { words[Normalization.normalize(phrase)] = value }
    }
    numberWords = words
  }

  /// The unit whose phrase is `text` (case-insensitive).
  func unit(named text: String) -> (concept: String, days: Double)? {
    unitsByPhrase[Normalization.normalize(text)]
  }
}
