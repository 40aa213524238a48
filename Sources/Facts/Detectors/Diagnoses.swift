import Language
import Model

/// Finds diagnoses written in a note, with the ICD-10 code written beside them.
///
/// Where a note has an assessment, impression or diagnosis section, diagnoses are read
/// there (a history section names conditions in passing); elsewhere anywhere. A code
/// written alone is read as the condition whose code prefix it starts with.
struct DiagnosisRule: FactRule {
  /// ICD-10 code prefixes and the condition each names, longest prefix first.
  let codePrefixes: [(prefix: String, condition: DiagnosisCondition)]

  init(lexicons: Lexicons) {
    // Each prefix's length is counted once, not at every comparison of the sort.
    var prefixes: [(prefix: String, condition: DiagnosisCondition, length: Int)] = []
    for entry in lexicons.entries(in: "diagnoses") {
      guard
        let condition = entry.attributes["condition"].flatMap(DiagnosisCondition.init(rawValue:)),
        let codes = entry.attributes["codes"]
      else { continue }
      for code in codes.split(separator: ",") {
        let prefix = code.uppercased()
        prefixes.append((prefix, condition, prefix.count))
      }
    }
    codePrefixes = prefixes.sorted { $0.length > $1.length }.map { ($0.prefix, $0.condition) }
  }

  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    // A diagnosis is a named one or a code: most sentences hold neither, and are turned away
    // before the questions of their place and the code search, which cost more.
    let named = passage.hits("diagnoses")
    let mayHoldCode = Self.mayHoldCode(passage.text)
    guard !named.isEmpty || mayHoldCode, isDiagnosticPlace(passage) else { return [] }
    let codes = mayHoldCode ? Self.codePattern.matches(in: passage.text) : []
    var facts: [Fact] = []
    var coded: Set<Int> = []

    for hit in named {
      guard let condition = hit.attributes["condition"].flatMap(DiagnosisCondition.init(rawValue:))
      else { continue }
      let context = passage.context(of: hit)
      let local = passage.local(hit.range)
      let isUncertain = context.isUncertain && !Self.isOnlyTheLevelInDoubt(context, passage)
      guard !context.isNegated, !isUncertain, !context.isHypothetical,
        !context.isOtherPerson, !Self.isProspective(local, passage)
      else { continue }

      // A code written with a named diagnosis is that diagnosis's code ("lumbar facet pain,
      // M54.50"), unless the code's own prefix names a condition outside the guidelines'
      // list: "intractable spasticity (G80.1)" is spasticity, and cerebral palsy by its code.
      // Among several codes, one whose prefix names this condition is its code
      // ("stenosis with radiculopathy (M48.061, M54.16)"); else the nearest.
      let distance: (TextMatch) -> Int = { abs($0.range.lowerBound - local.upperBound) }
      let ownCode = codes.enumerated().filter {
        self.condition(forCode: $0.element.value) == condition
      }
      .min { distance($0.element) < distance($1.element) }
      let code = (ownCode ?? codes.enumerated().min { distance($0.element) < distance($1.element) })
        .flatMap { code in
          self.condition(forCode: code.element.value) == .other && condition != .other ? nil : code
        }
      guard code != nil || !isMentionedInPassing(local, in: passage) else { continue }
      if isDescriptorOfAnotherCode(condition, local, codes, passage)
        || Self.isIndicationOfPastProcedure(local, passage)
      {
        continue
      }
      if let code { coded.insert(code.offset) }
      let icd = code.map { $0.element.value.uppercased() }
      let detail = Diagnosis(condition: condition, icd10: icd)
      facts.append(
        passage.fact(.diagnosis(detail), rule: "diagnosis.named", hits: [hit], context: context))
    }

    for (offset, code) in codes.enumerated() where !coded.contains(offset) {
      let isAssessment = passage.section?.isAssessment == true
      guard
        let condition = condition(forCode: code.value)
          ?? (isAssessment && !Self.notAPainDiagnosis.occurs(in: code.value) ? .other : nil)
      else { continue }
      let context = passage.context(ofLocal: code.range)
      guard !context.isNegated, !context.isOtherPerson, !context.isUncertain else { continue }
      let detail = Diagnosis(condition: condition, icd10: code.value.uppercased())
      facts.append(passage.fact(.diagnosis(detail), rule: "diagnosis.icd10Code", context: context))
    }
    return facts
  }

  /// The condition an ICD-10 code names, by its longest listed prefix.
  func condition(forCode code: String) -> DiagnosisCondition? {
    let folded = code.uppercased()
    return codePrefixes.first { folded.hasPrefix($0.prefix) }?.condition
  }

  /// Diagnoses are read where a clinician states them: not in an examination, an imaging
  /// report's findings, or the note's title lines.
  private func isDiagnosticPlace(_ passage: Passage) -> Bool {
    guard let section = passage.section else {
      return !(passage.text.count < 70 && passage.note.heading.contains(passage.text))
    }
    // An imaging report's impression lists the study's findings, not diagnoses.
    if ImagingFindingRule.isImagingReport(passage.note) { return false }
    if section.isAssessment || Self.diagnosticSections.contains(section.name) { return true }
    return !(section.isExamination || section.isImaging || section.isVitals)
  }

  /// "Cervical spondylosis w/ foraminal stenosis C5-6 (M48.02)": degenerative anatomy
  /// named inside an item whose code names another listed condition describes that
  /// condition (here stenosis); it is not facet joint pain of its own.
  private func isDescriptorOfAnotherCode(
    _ condition: DiagnosisCondition, _ hit: Range<Int>, _ codes: [TextMatch], _ passage: Passage
  ) -> Bool {
    guard let itemCode = codes.first(where: { $0.range.lowerBound >= hit.upperBound }),
      let coded = self.condition(forCode: itemCode.value), coded != condition, coded != .other
    else { return false }
    return Self.degenerative.occurs(in: passage.text, within: hit)
  }

  /// "L4-S1 fusion 01/23/2024 for spondylolisthesis": the reason for an earlier operation
  /// is history, not the diagnosis under review; so is a condition "which resolved". (An
  /// earlier block "for CRPS" is not: a block does not remove its condition.)
  private static func isIndicationOfPastProcedure(_ hit: Range<Int>, _ passage: Passage) -> Bool {
    let text = passage.text
    let after = hit.upperBound..<min(text.utf16.count, hit.upperBound + 30)
    if resolvedAfter.occurs(in: text, within: after) { return true }
    guard pastProcedureFor.mayOccur(in: SearchableText.of(text)) else { return false }
    let before = passage.slice(max(0, hit.lowerBound - 70)..<hit.lowerBound)
    guard let reason = pastProcedureFor.firstMatch(in: before) else { return false }
    let lead = passage.slice(0..<(hit.lowerBound - before.utf16.count + reason.range.upperBound))
    return pastMarker.occurs(in: lead)
      || passage.dates.contains { $0.range.upperBound <= hit.lowerBound }
  }

  private static let pastProcedureFor = TextPattern(
    #"\b(?:fusion|laminectomy|laminotomy|decompression|discectomy|microdiscectomy|surgery"#
      + #"|operation|arthrodesis)\b[^.;]{0,50}\bfor\s+(?:[\w-]+\s+){0,3}$"#
  )
  private static let pastMarker = TextPattern(
    #"\b(?:s/p|status post|h/o|history of|prior|previous|underwent|had|was treated|(?:19"#
      + #"|20)\d{2})\b"#
  )
  private static let resolvedAfter = TextPattern(
    #"^[^.;]{0,20}?\b(?:which|that)\s+(?:has\s+|had\s+)?resolved\b"#)

  /// "Right C5 versus C6 radiculopathy": the doubt is which level, not the diagnosis.
  private static func isOnlyTheLevelInDoubt(_ context: Context, _ passage: Passage) -> Bool {
    let doubts = context.triggers.filter { $0.hasPrefix("uncertain:") }
    return !doubts.isEmpty && doubts.allSatisfy { versusTrigger.occurs(in: $0) }
      && levelChoice.occurs(in: passage.text)
  }

  private static let versusTrigger = TextPattern(#":\s*(?:versus|vs\.?)\s*$"#)
  private static let levelChoice = TextPattern(
    #"\b[CTLS]\d(?:-[CTLS]?\d)?\s+(?:versus|vs\.?)\s+[CTLS]\d(?:-[CTLS]?\d)?\b"#)

  /// "to reduce the risk of postherpetic neuralgia", "evolving toward", "for PHN
  /// prevention": not yet the diagnosis.
  private static func isProspective(_ hit: Range<Int>, _ passage: Passage) -> Bool {
    let text = passage.text
    let before = max(0, hit.lowerBound - 30)..<hit.lowerBound
    let after = hit.upperBound..<min(text.utf16.count, hit.upperBound + 20)
    return prospective.occurs(in: text, within: before)
      || prevention.occurs(in: text, within: after)
  }

  /// Outside an assessment, degenerative anatomy named as the cause of the pain ("radicular
  /// pain from L5-S1 disc degeneration", "arm pain from cervical spondylosis") or a
  /// condition named as what a study showed ("MRI 2025 showed facet arthropathy") is a
  /// finding, not the diagnosis under review; a syndrome named as the cause ("pain from
  /// lumbosacral radiculopathy") is one.
  private func isMentionedInPassing(_ hit: Range<Int>, in passage: Passage) -> Bool {
    guard
      passage.section.map({ !$0.isAssessment && !Self.diagnosticSections.contains($0.name) })
        ?? true
    else { return false }
    let text = passage.text
    let before = max(0, hit.lowerBound - 60)..<hit.lowerBound
    let isDegenerative = Self.degenerative.occurs(in: text, within: hit)
    if isDegenerative && Self.causeLead.occurs(in: text, within: before) { return true }
    return passage.hits("imaging-findings").contains { $0.attributes["modality"] != nil }
      && (Self.studyVerb.occurs(in: passage.text) || Self.studyLabel.occurs(in: passage.text))
  }

  /// Codes of encounters, devices, injuries, skin and the bare low back pain symptom: an
  /// assessment lists them, but they are not the diagnosis a procedure treats.
  /// Codes of respiratory, circulatory, digestive, endocrine, mental and infectious disease
  /// name pain diagnoses only where the lexicon lists them (I20 angina, K86 pancreatitis).
  private static let notAPainDiagnosis = TextPattern(#"^(?:[ZTLRSJIKEFAB]|M54\.5)"#)
  private static let prospective = TextPattern(
    #"\b(?:risk of|prevent\w*|toward|towards|evolving|to avoid|progress(?:ing|ion)? to"#
      + #"|develop(?:ing)?|to (?:test|confirm|evaluate|assess|rule out|identify)|rule out"#
      + #"|r/o)\s+(?:[^\s/]+[\s/]+){0,3}$"#
  )

  private static let prevention = TextPattern(#"^\s*(?:prevention|prophylaxis)\b"#)
  private static let causeLead = TextPattern(
    #"\b(?:pain|symptoms|radiculopathy|radiculitis|claudication)\b[^.;]{0,40}\b(?:from|due to"#
      + #"|secondary to|caused by|attributed to)\s+(?:\S+\s+){0,4}$"#
  )
  private static let degenerative = TextPattern(
    #"\b(?:degenerat\w*|spondylosis|arthropathy|arthrosis|desiccation|bulg\w*|osteophyt\w*)\b"#)
  /// "CT L-spine 09/16/2026: mild L3-4 facet arthropathy": a study's reading, labelled.
  private static let studyLabel = TextPattern(
    #"\b(?:MRI|MR|CT|x-?rays?|XR|radiographs?|films?)\b[^.:;]{0,40}:"#)
  private static let studyVerb = TextPattern(
    #"\b(?:showed|shows|shown|seen|noted|visible|evident|demonstrat\w*|reveal\w*|notable for"#
      + #"|significant for)\b"#
  )

  private static let diagnosticSections: Set<String> = [
    "chiefComplaint", "reasonForReferral", "indication", "diagnoses", "impression",
  ]
  /// An ICD-10-CM code: a letter, two digits, and a dotted extension (a bare "C5" or "T12"
  /// is a spinal level, not a code).
  private static let codePattern = TextPattern(#"\b[A-TV-Z]\d{2}\.[0-9A-Z]{1,4}\b(?![-/]\d)"#)

  /// Whether `text` may hold a match of `codePattern`, read from its bytes: a letter the
  /// pattern's first class takes, two digits and a dot, in a row. ICU would try the pattern at
  /// every letter of the sentence. A necessary condition, never a narrower one: a character
  /// outside ASCII may be a letter that case folding takes into the class (the Kelvin sign)
  /// and is let through, and so is every text holding a digit outside ASCII, which `\d`
  /// matches.
  private static func mayHoldCode(_ text: String) -> Bool {
    let searchable = SearchableText.of(text)
    if searchable.hasNonASCIIDigit { return true }
    return searchable.folded.withUnsafeBufferPointer { bytes in
      guard bytes.count >= 4 else { return false }
      for dot in 3..<bytes.count where bytes[dot] == UInt8(ascii: ".") {
        guard isDigit(bytes[dot - 1]), isDigit(bytes[dot - 2]) else { continue }
        // The folded bytes hold no ASCII capitals.
        let letter = bytes[dot - 3]
        if letter >= 0x80
          || (letter >= UInt8(ascii: "a") && letter <= UInt8(ascii: "z")
            && letter != UInt8(ascii: "u"))
        {
          return true
        }
      }
      return false
    }
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }
}

extension Note {
  /// Whether the note has a section where diagnoses are stated.
  var hasDiagnosticSection: Bool {
    passages.contains { $0.section?.isAssessment == true }
  }
}
