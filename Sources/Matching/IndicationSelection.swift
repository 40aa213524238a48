import Model

/// Which indications of a guideline to evaluate, following the contract: a purpose the
/// request or the documents name decides; otherwise every default indication is evaluated
/// and the closest reported.
struct IndicationSelection {
  let guideline: Guideline
  let context: CaseContext

  func candidates() -> [Indication] {
    let fitting = fittingIndications()
    let stated = context.statedPurposes.union(context.codes.compactMap(\.purpose))
    for purpose in Self.priority where stated.contains(purpose) {
      let named = fitting.filter { $0.purpose == purpose }
      if !named.isEmpty { return singledOut(named) }
    }
    for purpose in documentedPurposes(among: fitting) {
      let implied = fitting.filter { $0.purpose == purpose }
      if !implied.isEmpty { return singledOut(implied) }
    }
    let defaults = fitting.filter { guideline.defaultPurposes.contains($0.purpose) }
    return singledOut(defaults.isEmpty ? fitting : defaults)
  }

  /// The indications the requested service's words or a documented trial device single out,
  /// else all of them.
  private func singledOut(_ indications: [Indication]) -> [Indication] {
    let service = context.requestWords.service
    let byWords = indications.filter { $0.serviceTerms.contains(where: service.contains) }
    if !byWords.isEmpty { return byWords }
    let devices = Set(context.facts.deviceTrials.map(\.value.device))
    let byDevice = indications.filter { !$0.devices.isDisjoint(with: devices) }
    return byDevice.isEmpty ? indications : byDevice
  }

  /// Indications limited to the requested codes and region; where the region fits none (a
  /// lumbar sympathetic code with a sacral region), those of the codes; where nothing fits,
  /// all of them.
  private func fittingIndications() -> [Indication] {
    let codes = Set(context.codes.map(\.code))
    let byRequest = guideline.indications.filter { fitsRequest($0, codes: codes) }
    if !byRequest.isEmpty { return byRequest }
    let byCode = guideline.indications.filter {
      fitsRequest($0, codes: codes, checkingRegion: false)
    }
    return byCode.isEmpty ? guideline.indications : byCode
  }

  private func fitsRequest(
    _ indication: Indication, codes: Set<String>, checkingRegion: Bool = true
  ) -> Bool {
    if let only = indication.codes, only.isDisjoint(with: codes) { return false }
    if checkingRegion, let only = indication.regions, only.isDisjoint(with: context.regions) {
      return false
    }
    return true
  }

  /// Purposes the documents imply, most specific first: a surgical plan, a completed trial,
  /// an earlier trial or a diagnosis naming a trial, an earlier procedure of the same kind.
  private func documentedPurposes(among indications: [Indication]) -> [Purpose] {
    var purposes: [Purpose] = []
    let plans = context.facts.surgicalPlans.map(\.value.kind)
    if plans.contains(.preoperativeEvaluation) || plans.contains(.surgeryPlanned) {
      purposes.append(.surgicalPlanning)
    }
    let priors = context.episode.allPriors.map(\.value.procedure)
    if !context.facts.deviceTrials.isEmpty || priors.contains(.spinalCordStimulatorTrial)
      || priors.contains(.intrathecalTrial)
    {
      purposes.append(.permanent)
    }
    let implied = indications.filter { context.facts.hasDiagnosis($0.impliedByDiagnoses) }
    if priors.contains(.intrathecalTrial) || implied.contains(where: { $0.purpose == .trial }) {
      purposes.append(.trial)
    }
    // An earlier implant makes a device request a revision before any diagnosis speaks.
    let repeatPurpose = guideline.repeats.repeatPurpose
    let hasPriors = !context.episode.priors.isEmpty
    if hasPriors, repeatPurpose == .revision { purposes.append(.revision) }
    purposes += implied.map(\.purpose).filter { $0 != .trial }
    if hasPriors, repeatPurpose != .revision { purposes.append(repeatPurpose) }
    return purposes
  }

  /// The order in which stated purposes decide: a revision code with a generator code is a
  /// revision.
  static let priority: [Purpose] = [.surgicalPlanning, .revision, .trial, .permanent, .repetition]

  /// Purposes the request names, in `purpose` or in the words of `service`. "Diagnostic" and
  /// "therapeutic" are left to the documents: both are said of first injections too.
  static func statedPurposes(of request: ServiceRequest) -> Set<Purpose> {
    var purposes = Set<Purpose>()
    switch request.purpose?.lowercased() {
    case "surgicalplanning": purposes.insert(.surgicalPlanning)
    case "trial": purposes.insert(.trial)
    case "permanent": purposes.insert(.permanent)
    case "revision", "replacement", "removal": purposes.insert(.revision)
    case "repeat": purposes.insert(.repetition)
    default: break
    }
    let service = ServiceWords(request.service)
    let words: [(Purpose, [String])] = [
      (.trial, ["trial"]),
      (.revision, ["revision", "replacement", "replace", "removal", "explant"]),
      (.surgicalPlanning, ["surgical planning", "pre-operative", "preoperative"]),
    ]
    for (purpose, triggers) in words where triggers.contains(where: service.contains) {
      purposes.insert(purpose)
    }
    if purposes.isEmpty, service.contains("permanent") { purposes.insert(.permanent) }
    if isDiagnosticBeforeSurgery(request) { purposes.insert(.surgicalPlanning) }
    return purposes
  }

  /// A diagnostic request whose reason places it before surgery ("a diagnostic block to find
  /// the generator before any surgical discussion"): the guidelines' diagnostic purpose is
  /// surgical planning, whether or not the surgeon has yet been seen.
  static func isDiagnosticBeforeSurgery(_ request: ServiceRequest) -> Bool {
    let reason = ServiceWords((request.reason ?? "") + " " + (request.service ?? ""))
    let isDiagnostic =
      request.purpose?.lowercased() == "diagnostic" || reason.contains("diagnostic")
    return isDiagnostic && reason.placesBeforeSurgery
  }
}

/// The words of a requested service's name, for matching whole words and phrases:
/// "L4-5 RFA" contains "rfa" but "surface" does not.
struct ServiceWords {
  private let padded: String
  /// `padded`'s bytes, searched for phrases in ASCII.
  private let paddedBytes: [UInt8]

  init(_ service: String?) {
    let text = service ?? ""
    if let ascii = Self.paddedASCII(text) {
      paddedBytes = ascii
      padded = String(decoding: ascii, as: UTF8.self)
      return
    }
    let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }
    padded = " " + words.joined(separator: " ") + " "
    paddedBytes = Array(padded.utf8)
  }

  /// The padded words of an ASCII text, read byte by byte: for ASCII, letters and digits
  /// are exactly what `Character.isLetter` and `isNumber` accept, which cost far more to
  /// ask. `nil` for any other text.
  private static func paddedASCII(_ text: String) -> [UInt8]? {
    var text = text
    return text.withUTF8 { utf8 in
      guard !utf8.contains(where: { $0 >= 0x80 }) else { return nil }

      // Room for every byte and the two spaces around: a space between words stands for at
      // least one byte that is not written.
      return [UInt8](unsafeUninitializedCapacity: utf8.count + 2) { bytes, count in
        bytes[0] = 0x20
        count = 1
        var hasWord = false
        var isInWord = false
        for byte in utf8 {
          let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
          guard (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) else {
            isInWord = false
            continue
          }
          if !isInWord && hasWord {
            bytes[count] = 0x20
            count += 1
          }
          bytes[count] = lower
          count += 1
          hasWord = true
          isInWord = true
        }
        bytes[count] = 0x20
        count += 1
      }
    }
  }

  var isEmpty: Bool { padded.allSatisfy { $0 == " " } }

  /// Whether the words speak of planning surgery: "surgical planning", "pre-operative", or
  /// "before" (or "prior to", "ahead of") with surgery or an operation within four words.
  var placesBeforeSurgery: Bool {
    let planning = [
      "surgical planning", "surgical decision", "surgical candidacy", "presurgical",
      "pre surgical", "preoperative", "pre operative", "plan surgery", "planning surgery",
    ]
    if planning.contains(where: contains) { return true }
    let words = padded.split(separator: " ")
    let triggers: [(word: Substring, next: Substring?)] = [
      ("before", nil), ("prior", "to"), ("ahead", "of"),
    ]
    for (index, word) in words.enumerated() {
      guard let trigger = triggers.first(where: { $0.word == word }) else { continue }
      var rest = words.dropFirst(index + 1)
      if let next = trigger.next {
        guard rest.first == next else { continue }
        rest = rest.dropFirst()
      }
      if rest.prefix(6).contains(where: { $0.hasPrefix("surg") || $0.hasPrefix("operat") }) {
        return true
      }
    }
    return false
  }

  /// Whether the phrase occurs as whole words; a phrase's own punctuation counts as a space.
  func contains(_ phrase: String) -> Bool {
    // The words of an ASCII phrase are written to the stack: the catalog asks for hundreds
    // of phrases per case, and a heap array each cost more than the search.
    var bytes = phrase
    let found: Bool? = bytes.withUTF8 { utf8 in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: utf8.count + 2) {
        guard let length = Self.asciiWords(utf8, into: $0) else { return nil }
        return Self.find(UnsafeBufferPointer(rebasing: $0[..<length]), in: paddedBytes)
      }
    }
    if let found { return found }
    let words = phrase.lowercased().split { !$0.isLetter && !$0.isNumber }
    guard !words.isEmpty else { return false }
    return padded.contains(" " + words.joined(separator: " ") + " ")
  }

  /// Writes the words of an ASCII phrase's bytes as `padded` holds them (lower case, one
  /// space between, one on each side) and returns their length; `nil` for a phrase outside
  /// ASCII or without words. An ASCII phrase is found by its bytes alone: no byte of a
  /// longer UTF-8 character is ASCII. `words` holds at least two bytes more than the phrase.
  private static func asciiWords(
    _ phrase: UnsafeBufferPointer<UInt8>, into words: UnsafeMutableBufferPointer<UInt8>
  ) -> Int? {
    words[0] = 0x20
    var length = 1
    for byte in phrase {
      guard byte < 0x80 else { return nil }
      let isWordByte = (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte | 0x20)
      if isWordByte {
        words[length] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
        length += 1
      } else if words[length - 1] != 0x20 {
        words[length] = 0x20
        length += 1
      }
    }
    guard length > 1 else { return nil }
    if words[length - 1] != 0x20 {
      words[length] = 0x20
      length += 1
    }
    return length
  }

  private static func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: [UInt8]) -> Bool {
    haystack.withUnsafeBufferPointer { haystack in
      guard needle.count <= haystack.count else { return false }
      for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
        var offset = 1
        while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
        if offset == needle.count { return true }
      }
      return false
    }
  }
}
