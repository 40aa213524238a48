import Guidelines
import Matching
import Model
import Testing

/// Which guidelines a code reaches, and what the matcher says when none does.
struct CatalogTests {
  static let codeTable: [(String, [String])] = [
    ("27096", ["1756"]), ("G0260", ["1756"]),
    ("64490", ["1753"]), ("+64491", ["1753"]), ("64492", ["1753"]), ("64493", ["1753"]),
    ("64494", ["1753"]), ("64495", ["1753"]), ("0213T", ["1753"]), ("0214T", ["1753"]),
    ("0215T", ["1753"]), ("0216T", ["1753"]), ("0217T", ["1753"]), ("0218t", ["1753"]),
    ("64633", ["1754"]), ("64634", ["1754"]), ("64635", ["1754"]), ("64636", ["1754"]),
    ("62320", ["1750", "1751"]), ("62321", ["1750", "1751"]), ("62322", ["1750", "1751"]),
    ("62323", ["1750", "1751"]), ("64479", ["1750", "1751"]), ("64480", ["1750", "1751"]),
    ("64483", ["1750", "1751"]), ("64484", ["1750", "1751"]),
    ("62350", ["1752"]), ("62351", ["1752"]), ("62355", ["1752"]), ("62360", ["1752"]),
    ("62361", ["1752"]), ("62362", ["1752"]),
    ("63650", ["1757"]), ("63655", ["1757"]), ("63661", ["1757"]), ("63662", ["1757"]),
    ("63663", ["1757"]), ("63664", ["1757"]), ("63685", ["1757"]), ("63688", ["1757"]),
    ("64510", ["1758"]), ("64517", ["1758"]), ("64520", ["1758"]), ("64530", ["1758"]),
  ]

  @Test("Every code in the code tables reaches its guidelines", arguments: codeTable)
  func codeReachesGuidelines(_ code: String, _ numbers: [String]) {
    #expect(GuidelineCatalog.standard.guidelines(forCPT: code).map(\.number) == numbers)
  }

  @Test("An epidural code gives one determination under each of 1750 and 1751")
  func epiduralCodeGivesTwoDeterminations() throws {
    let facts = CaseFacts(facts: [], request: request("62323"), noteDate: noteDay)
    #expect(try GuidelineMatcher().evaluate(facts).map(\.guideline) == ["1750", "1751"])
  }

  @Test("A code no guideline covers is an error naming the code")
  func unknownCodeIsAnError() {
    let facts = CaseFacts(facts: [], request: request("99213"), noteDate: noteDay)
    #expect(throws: MatchingError.unknownCode("99213")) { try GuidelineMatcher().evaluate(facts) }
    #expect(MatchingError.unknownCode("99213").message.contains("99213"))
  }

  @Test("A request without a code is an error")
  func missingCodeIsAnError() {
    let facts = CaseFacts(facts: [], request: request(), noteDate: noteDay)
    #expect(throws: MatchingError.noRequestedCode) { try GuidelineMatcher().evaluate(facts) }
  }

  @Test("An uncovered code beside a covered one is ignored")
  func uncoveredCodeBesideCoveredOne() throws {
    let facts = CaseFacts(facts: [], request: request("27096", "99213"), noteDate: noteDay)
    #expect(try GuidelineMatcher().evaluate(facts).map(\.guideline) == ["1756"])
  }

  @Test("An excluded service says why")
  func exclusionGivesReason() throws {
    let facts = CaseFacts(
      facts: [], request: request("64490", service: "occipital nerve block"), noteDate: noteDay)
    let result = try #require(try GuidelineMatcher().evaluate(facts).first)
    #expect(result.determination == .excluded)
    #expect(result.gaps.isEmpty)
    #expect(result.exclusionReason?.contains("occipital nerve blocks") == true)
  }

  @Test("A guideline written in the rule vocabulary needs no engine change")
  func newGuidelineNeedsNoEngineChange() throws {
    let guideline = Guideline(
      number: "9999", title: "Trigger point injections",
      codes: [ProcedureCode("20552", "Trigger point injection", procedure: .other, regions: [])],
      indications: [
        Indication(
          "myofascialPain", section: "Indications",
          criteria: [
            Criterion(
              "9999.pain", section: "Indications", family: .painSeverity, "Pain of 5/10 or more.",
              rule: .pain(PainRequirement(minimum: 5)))
          ])
      ], repeats: RepeatPolicy())
    let matcher = GuidelineMatcher(catalog: GuidelineCatalog(guidelines: [guideline]))
    let facts = CaseFacts(facts: [Note.pain(5)], request: request("20552"), noteDate: noteDay)
    #expect(try matcher.evaluate(facts).map(\.determination) == [.ready])
  }

  @Test("The listing names every guideline, code and indication")
  func listingNamesEverything() {
    let listing = GuidelineListing.render(.standard)
    for guideline in GuidelineCatalog.standard.guidelines {
      #expect(listing.contains("Guideline \(guideline.number)"))
      for code in guideline.codes { #expect(listing.contains(code.code)) }
      for indication in guideline.indications { #expect(listing.contains(indication.name)) }
    }
    #expect(listing.contains("1756.sij.provocation"))
  }

  @Test("Criterion ids are unique within each indication")
  func criterionIDsAreUnique() {
    for guideline in GuidelineCatalog.standard.guidelines {
      for indication in guideline.indications {
        let ids = indication.criteria.map(\.id)
        #expect(Set(ids).count == ids.count, "\(guideline.number) \(indication.name)")
        #expect(ids.allSatisfy { $0.hasPrefix(guideline.number + ".") })
      }
    }
  }

  @Test("Every code has an indication to evaluate")
  func everyCodeHasAnIndication() throws {
    for guideline in GuidelineCatalog.standard.guidelines {
      for code in guideline.codes {
        let facts = CaseFacts(facts: [], request: request(code.code), noteDate: noteDay)
        let results = try GuidelineMatcher().evaluate(facts)
        #expect(
          results.contains {
            $0.guideline == guideline.number && !$0.criteria.isEmpty
              || $0.indication == "pumpReplacement" || $0.indication == "scsRevision"
          })
      }
    }
  }
}

/// Requests that name the procedure only in words, or a code outside the tables.
struct NamedServiceTests {
  static let cases: [(service: String?, codes: [String], region: Region?, expected: [String])] = [
    ("lumbar sympathetic block", [], .lumbar, ["1758"]),
    ("epidural steroid injection", [], .cervical, ["1750", "1751"]),
    ("intrathecal trial", [], nil, ["1750", "1751"]),
    ("intrathecal pump", [], nil, ["1752"]),
    ("medial branch block", [], .lumbar, ["1753"]),
    ("radiofrequency ablation", [], .lumbar, ["1754"]),
    ("sacroiliac joint injection", [], .sacroiliac, ["1756"]),
    ("spinal cord stimulator trial", [], nil, ["1757"]),
    ("sacroiliac radiofrequency", [], nil, ["1754", "1756"]),
    (nil, ["64625"], .sacroiliac, ["1754", "1756"]),
    (nil, ["64505"], nil, ["1758"]),
  ]

  @Test("A service named in words or an out-of-table code reaches its guidelines", arguments: cases)
  func serviceReachesGuidelines(
    _ example: (service: String?, codes: [String], region: Region?, expected: [String])
  ) throws {
    let request = ServiceRequest(
      cpt: example.codes, region: example.region, service: example.service)
    let facts = CaseFacts(facts: [], request: request, noteDate: noteDay)
    #expect(try GuidelineMatcher().evaluate(facts).map(\.guideline) == example.expected)
  }

  @Test("Sacroiliac radiofrequency named in words is excluded under 1754 and 1756")
  func sacroiliacRadiofrequencyIsExcluded() throws {
    let request = ServiceRequest(service: "sacroiliac radiofrequency")
    let facts = CaseFacts(facts: [], request: request, noteDate: noteDay)
    #expect(try GuidelineMatcher().evaluate(facts).map(\.determination) == [.excluded, .excluded])
  }

  @Test("A stated opioid-naive status outweighs an unnamed opioid medication")
  func opioidNaiveOutweighsUnnamedOpioid() throws {
    let unnamed = Fact(
      .therapy(Therapy(modality: .medication, status: .ongoing, drugClass: "opioid")))
    let facts = CaseFacts(
      facts: EpiduralInjectionTests.trial.without(.opioidUse, .therapy) + [
        Note.physicalTherapy, Note.therapy(.physicalTherapy, weeks: 14), unnamed,
        Note.opioids(.naive),
      ], request: request("62323", purpose: "trial"), noteDate: noteDay)
    let result = try #require(try GuidelineMatcher().evaluate(facts).last)
    #expect(result.determination == .clinicalReview)
    #expect(result.gaps == [.medicationTrial])
  }
}

/// Every code with every region and side gives a determination per covering guideline.
struct CoverageTests {
  @Test("Every code, region and side is evaluated", arguments: Region.allCases)
  func everyCodeRegionAndSide(_ region: Region) throws {
    for guideline in GuidelineCatalog.standard.guidelines {
      for code in guideline.codes {
        for side in Side.allCases {
          let facts = CaseFacts(
            facts: SacroiliacJointInjectionTests.ready,
            request: request(code.code, region: region, side: side), noteDate: noteDay)
          let results = try GuidelineMatcher().evaluate(facts)
          #expect(results.contains { $0.guideline == guideline.number }, "\(code.code) \(region)")
        }
      }
    }
  }
}
