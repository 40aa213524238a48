import Model

/// Finds imaging findings (synovial cyst, pars defect, stenosis, disc herniation,
/// sacroiliitis, facet arthropathy, spondylolisthesis), with modality and study date.
///
/// A finding counts where the text is about a study: an imaging report, an imaging section,
/// or a sentence naming a study or its reading ("MRI showed", "impression").
struct ImagingFindingRule: FactRule {
  func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
    let hits = passage.hits("imaging-findings")
    let findings = hits.filter { $0.attributes["finding"] != nil }
    guard !findings.isEmpty, !Self.pendingImaging.occurs(in: passage.text),
      let study = Self.study(for: passage)
    else { return [] }

    return findings.compactMap { hit in
      guard let finding = hit.attributes["finding"].flatMap(ImagingFindingKind.init(rawValue:))
      else { return nil }
      let lead = passage.slice(
        max(0, passage.local(hit.range).lowerBound - 16)..<passage.local(hit.range).lowerBound)
      // "moderate to severe stenosis" is stenosis; a mild "other" finding is not listed.
      if finding == .other, Self.mild.occurs(in: lead) { return nil }
      // "disc bulge w/o herniation": the abbreviation is read here, beside the finding.
      if Self.withoutLead.occurs(in: lead) { return nil }
      // "Neck pain from C5-6/C6-7 facet arthropathy": outside a report, a finding named as
      // the pain's cause in a sentence naming no study is the clinician's diagnosis.
      if !study.isOwn,
        Self.causeLead.occurs(
          in: passage.slice(
            max(0, passage.local(hit.range).lowerBound - 50)..<passage.local(hit.range).lowerBound))
      {
        return nil
      }
      let context = passage.context(of: hit)
      guard !context.isNegated, !context.isUncertain, !context.isHypothetical,
        !context.isOtherPerson
      else { return nil }

      let local = passage.local(hit.range)
      let window = passage.slice(
        max(0, local.lowerBound - 30)..<min(passage.text.utf16.count, local.upperBound + 30))
      let detail = ImagingFinding(
        finding: finding, modality: study.modality, date: study.date,
        levels: ClinicalWords.levels(in: window).nilIfEmpty)
      return passage.fact(
        .imagingFinding(detail), rule: "imagingFinding", hits: [hit] + study.hits, context: context)
    }
  }

  private struct Study {
    let modality: ImagingModality?
    let date: ClinicalDate?
    let hits: [LexiconHit]
    /// Whether the sentence itself is about the study (a report, an imaging section, or
    /// a study named in it), not only a sentence after one.
    var isOwn = true
  }

  /// The study a sentence reports on, if the sentence is about one.
  private static func study(for passage: Passage) -> Study? {
    let isReport = isImagingReport(passage.note)
    let ownModality = modalityHits(passage).first
    let isAboutStudy =
      isReport || passage.section?.isImaging == true || ownModality != nil
      || studyWords.occurs(in: passage.text)
    guard isAboutStudy else { return nil }

    if let hit = ownModality {
      let date = passage.dates.first?.date ?? (isReport ? passage.note.dateOfService : nil)
      return Study(modality: modality(of: hit), date: date, hits: [hit])
    }
    for earlier in passage.preceding(4) {
      if let hit = modalityHits(earlier).last {
        let date =
          passage.dates.first?.date ?? earlier.dates.first?.date
          ?? (isReport ? passage.note.dateOfService : nil)
        return Study(
          modality: modality(of: hit), date: date, hits: [hit],
          isOwn: isReport || passage.section?.isImaging == true
            || studyWords.occurs(in: passage.text))
      }
    }
    let headingHit = isReport ? headingModality(passage.note) : nil
    return Study(
      modality: headingHit,
      date: passage.dates.first?.date ?? (isReport ? passage.note.dateOfService : nil),
      hits: [])
  }

  /// The studies a sentence names; "CT-guided" names the guidance of a procedure.
  private static func modalityHits(_ passage: Passage) -> [LexiconHit] {
    passage.hits("imaging-findings").filter { hit in
      let end = passage.local(hit.range).upperBound
      let after = passage.slice(end..<min(passage.text.utf16.count, end + 10))
      return hit.attributes["modality"] != nil && !guidance.occurs(in: after)
    }
  }

  private static let guidance = TextPattern(#"^\s*-?\s*guid(?:ed|ance)\b"#)
  private static let causeLead = TextPattern(
    #"\b(?:pain|symptoms)\b[^.;]{0,30}\b(?:from|due to|secondary to|caused by"#
      + #"|attributed to)\s+(?:\S+\s+){0,4}$"#
  )

  private static func modality(of hit: LexiconHit) -> ImagingModality? {
    hit.attributes["modality"].flatMap(ImagingModality.init(rawValue:))
  }

  private static func headingModality(_ note: Note) -> ImagingModality? {
    let heading = note.heading
    if mriHeading.occurs(in: heading) { return .mri }
    if ctHeading.occurs(in: heading) { return .ct }
    if xrayHeading.occurs(in: heading) { return .xray }
    return nil
  }

  private static let mriHeading = TextPattern(#"\b(?:MRI|MR|magnetic resonance)\b"#)
  private static let ctHeading = TextPattern(#"\b(?:CT|computed tomography)\b"#)
  private static let xrayHeading = TextPattern(#"\b(?:x-?ray|radiograph\w*)\b"#)

  private static let withoutLead = TextPattern(#"(?:\bw/o|\bwithout|\bno)\s+(?:\S+\s+)?$"#)
  /// "Spondylolysis on clinical grounds; imaging confirmation still outstanding": a
  /// diagnosis awaiting its study, not a finding.
  private static let pendingImaging = TextPattern(
    #"\b(?:imaging|MRI|CT|x-?rays?)\s+(?:confirmation\s+)?(?:is\s+|still\s+)*(?:outstanding"#
      + #"|pending|awaited|not yet (?:done|obtained|available))\b|\bpending\s+(?:(?:her|his|the"#
      + #"|a|repeat)\s+)?(?:imaging|MRI|CT|x-?rays?|study)\b|\bon clinical grounds\b"#
  )
  private static let mild = TextPattern(#"\b(?:mild|minimal|small|trace|slight)\s+(?:\S+\s+)?$"#)

  static func isImagingReport(_ note: Note) -> Bool {
    note.remembered(.isImagingReport) { reportHeading.occurs(in: note.heading) }
  }

  private static let reportHeading = TextPattern(
    #"\b(?:radiology report|imaging report|magnetic resonance (?:report|imaging report)"#
      + #"|diagnostic imaging|(?:MRI|MR|CT|x-?ray|radiograph|radiology) (?:report|consultation)"#
      + #"|MRI (?:of the )?(?:lumbar|cervical|thoracic|spine|pelvis|sacrum|SI)"#
      + #"|CT (?:of the )?(?:lumbar|cervical|thoracic|spine|pelvis)|(?:lumbar|cervical"#
      + #"|thoracic) spine (?:MRI|CT|x-?rays?|radiographs?)|x-?rays? (?:of the )?(?:lumbar"#
      + #"|cervical|thoracic|spine|pelvis))\b"#
  )
  private static let studyWords = TextPattern(
    #"\b(?:imaging|study|studies|scan|showed|shows|shown|demonstrat\w*|reveal\w*|findings?"#
      + #"|noted on|seen on|images?)\b"#
  )
}

extension Array {
  /// The array, or `nil` when it is empty (for optional detail fields).
  var nilIfEmpty: [Element]? { isEmpty ? nil : self }
}
