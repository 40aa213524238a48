import Matching
import Model

// Guideline 1758, Sympathetic Nerve Blocks, 2026. Each block (stellate ganglion, thoracic or
// lumbar sympathetic, celiac plexus, superior hypogastric) lists the causes of pain it
// treats; each cause becomes one variant of the block's indication, and of its repeat.

extension Guideline {
  public static let sympatheticNerveBlocks = Guideline(
    number: "1758", title: "Sympathetic nerve blocks",
    codes: [
      ProcedureCode(
        "64510", "Stellate ganglion (cervical sympathetic) block",
        procedure: .stellateGanglionBlock,
        regions: [.cervical, .upperExtremity, .thoracic]),
      ProcedureCode(
        "64517", "Superior hypogastric plexus block", procedure: .superiorHypogastricBlock,
        regions: [.pelvis]),
      ProcedureCode(
        "64520", "Lumbar or thoracic paravertebral sympathetic block",
        procedure: .lumbarSympatheticBlock, regions: [.thoracic, .lumbar, .lowerExtremity]),
      ProcedureCode(
        "64530", "Celiac plexus block", procedure: .celiacPlexusBlock, regions: [.abdomen]),
    ],
    exclusions: [
      Exclusion(
        section: "Exclusions", service: "sphenopalatine ganglion blocks",
        terms: [["sphenopalatine"]], codes: ["64505"]),
      Exclusion(
        section: "Exclusions", service: "ganglion impar blocks", terms: [["impar"]],
        codes: ["64999"]),
      Exclusion(
        section: "Exclusions", service: "other parasympathetic ganglion blocks",
        terms: [["parasympathetic"]]),
      Exclusion(
        section: "Exclusions", service: "inferior hypogastric blocks",
        terms: [["inferior", "hypogastric"]]),
    ],
    indications: SympatheticDefinitions.blocks.flatMap(\.indications),
    repeats: RepeatPolicy(
      sameKind: [
        .lumbarSympatheticBlock: [.lumbarSympatheticBlock, .thoracicSympatheticBlock],
        .thoracicSympatheticBlock: [.lumbarSympatheticBlock, .thoracicSympatheticBlock],
      ],
      newEpisodeAfterYears: 2, surgeryStartsNewEpisode: true, initialSeriesLimit: 2,
      therapeuticRelief: (percent: 50, days: Double(Days.months(3)))),
    services: [
      NamedService(["stellate"], code: "64510"),
      NamedService(["lumbar sympathetic", "thoracic sympathetic"], code: "64520"),
      NamedService(["celiac"], code: "64530"),
      NamedService(["superior hypogastric"], code: "64517"),
    ])
}

enum SympatheticDefinitions {
  /// One block of the guideline: its code, the causes it treats and its own limits.
  struct Block {
    let name: String
    let code: String
    let regions: Set<Region>?
    let section: String
    let causes: [Cause]
    let limits: [Criterion]

    var indications: [Indication] {
      causes.map { cause in
        Indication(
          name, section: section, codes: [code], regions: regions,
          criteria: [general] + cause.criteria + limits)
      }
        + causes.map { cause in
          Indication(
            "repeatSympathetic", section: section, purpose: .repetition, phase: .therapeutic,
            codes: [code], regions: regions,
            criteria: [continuing] + cause.criteria + cause.repeatCriteria + limits)
        }
    }
  }

  /// A cause of pain a block treats, with what a first block and a repeat need for it.
  struct Cause {
    let criteria: [Criterion]
    let repeatCriteria: [Criterion]
  }

  static let blocks = [stellate, lumbar, thoracic, celiac, hypogastric]

  static let generalSection = "General Indications"

  static let general = Criterion(
    "1758.pain", section: generalSection, family: .painSeverity,
    "Non-cancer pain of 6/10 or more or limiting function, or cancer pain affecting quality of"
      + " life, before the block.",
    rule: .when(.not(.diagnosis([.cancerPain])), .pain(PainRequirement(minimum: 6))))

  static let continuing = Criterion(
    "1758.continuing", section: generalSection, family: .painSeverity,
    "Pain or limited function continues after the earlier block's relief period.",
    rule: .when(
      .not(.diagnosis([.cancerPain])), .pain(PainRequirement(minimum: 6, isContinuing: true))))

  static let stellateSection = "Indications for Stellate Ganglion Block"
  static let sympatheticSection = "Indications for Thoracic or Lumbar Sympathetic Block"

  static let stellate = Block(
    name: "stellateGanglion", code: "64510", regions: nil, section: stellateSection,
    causes: [
      zoster("stellate", stellateSection),
      painfulCondition("stellate", stellateSection, [.cancerPain, .phantomLimbPain]),
      crps("stellate", stellateSection),
    ],
    limits: spacing("stellate", stellateSection) + [
      guidance("stellate", allowsUltrasound: true), bilateral("stellate", stellateSection),
      contraindications("stellate", "Stellate ganglion block contraindications"),
    ])

  static let lumbar = sympathetic("lumbarSympathetic", regions: [.lumbar, .lowerExtremity])
  static let thoracic = sympathetic("thoracicSympathetic", regions: [.thoracic])

  static func sympathetic(_ name: String, regions: Set<Region>) -> Block {
    Block(
      name: name, code: "64520", regions: regions, section: sympatheticSection,
      causes: [
        zoster("sympathetic", sympatheticSection),
        painfulCondition(
          "sympathetic", sympatheticSection, [.cancerPain, .phantomLimbPain, .ischemicLimbPain]),
        crps("sympathetic", sympatheticSection),
      ],
      limits: spacing("sympathetic", sympatheticSection) + [
        guidance("sympathetic", allowsUltrasound: false),
        bilateral("sympathetic", sympatheticSection),
        contraindications("sympathetic", "Thoracic or lumbar sympathetic block contraindications"),
      ])
  }

  static let celiacSection = "Indications for Celiac Plexus Block"
  static let hypogastricSection = "Indications for Superior Hypogastric Block"

  static let celiac = visceral(
    "celiacPlexus", code: "64530", prefix: "celiac", section: celiacSection,
    chronic: .chronicPancreatitis, allowsUltrasound: true)
  static let hypogastric = visceral(
    "superiorHypogastric", code: "64517", prefix: "hypogastric", section: hypogastricSection,
    chronic: .pelvicVisceralPain, allowsUltrasound: false)

  static func visceral(
    _ name: String, code: String, prefix: String, section: String, chronic: DiagnosisCondition,
    allowsUltrasound: Bool
  ) -> Block {
    let id = "1758.\(prefix)"
    let malignancy = Cause(
      criteria: [
        Criterion(
          "\(id).malignancy", section: section, family: .diagnosis,
          "Visceral pain from a malignancy, for a diagnostic block before neurolysis"
            + " (conservative treatment not required).", rule: .diagnosis(anyOf: [.cancerPain]),
          defining: true)
      ],
      repeatCriteria: [
        Criterion(
          "\(id).diagnosticCount", section: section, family: .frequency,
          "No more than two diagnostic blocks before the planned neurolysis.",
          rule: .procedureCount(CountLimit(limit: 2))),
        Criterion(
          "\(id).diagnosticInterval", section: section, family: .interval,
          "A week or more between diagnostic blocks.",
          rule: .interval(IntervalRequirement(minimumDays: 7, scope: .sameKind))),
      ])
    let chronicCause = Cause(
      criteria: [
        Criterion(
          "\(id).chronic", section: section, family: .diagnosis,
          "Chronic visceral pain from \(spokenCondition(chronic)).",
          rule: .diagnosis(anyOf: [chronic]), defining: true),
        failedConservative(id, section),
      ],
      repeatCriteria: [
        Criterion(
          "\(id).initialInterval", section: section, family: .interval,
          "A week or more between injections of the initial phase (at most two).",
          rule: .interval(IntervalRequirement(minimumDays: 7, scope: .sameKind)),
          repeatPhase: .initial),
        Criterion(
          "\(id).relief", section: section, family: .priorResponse,
          "The last block gave 50% relief or more for three months.",
          rule: .priorRelief(
            ReliefRequirement(minimumPercent: 50, minimumDays: Double(Days.months(3)))),
          repeatPhase: .therapeutic),
        Criterion(
          "\(id).interval", section: section, family: .interval,
          "Three months or more since the last block.",
          rule: .interval(IntervalRequirement(minimumDays: 90, scope: .sameKind, minimumMonths: 3)),
          repeatPhase: .therapeutic),
        Criterion(
          "\(id).count", section: section, family: .frequency,
          "One therapeutic block per three months, four in twelve months.",
          rule: .procedureCount(CountLimit(limit: 4, withinDays: 365)), repeatPhase: .therapeutic),
      ])
    return Block(
      name: name, code: code, regions: nil, section: section, causes: [malignancy, chronicCause],
      limits: [
        guidance(prefix, allowsUltrasound: allowsUltrasound),
        contraindications(
          prefix, "\(spokenCondition(chronic).capitalizedFirst) block contraindications"),
      ])
  }

  static func zoster(_ prefix: String, _ section: String) -> Cause {
    let id = "1758.\(prefix).zoster"
    return Cause(
      criteria: [
        Criterion(
          "\(id)", section: section, family: .diagnosis,
          "Acute herpes zoster, to prevent postherpetic neuralgia.",
          rule: .diagnosis(anyOf: [.acuteHerpesZoster]), defining: true),
        Criterion(
          "\(id).duration", section: section, family: .painDuration,
          "The zoster pain has lasted less than four weeks.", rule: .painDuration(.lessThanWeeks(4))
        ),
        Criterion(
          "\(id).antiviral", section: section, family: .medicationTrial,
          "An antiviral regimen is under way, or a medical reason it cannot be tolerated.",
          rule: .medication(
            MedicationRequirement(
              label: "antiviral", names: ["acyclovir", "valacyclovir", "famciclovir"],
              classes: ["antiviral"], mustBeCurrent: true))),
      ],
      repeatCriteria: [relief(id, section), yearlyCount(id, section, limit: 6)])
  }

  static func painfulCondition(
    _ prefix: String, _ section: String, _ conditions: Set<DiagnosisCondition>
  ) -> Cause {
    let id = "1758.\(prefix).condition"
    let names = listedConditions(conditions)
    return Cause(
      criteria: [
        Criterion(
          "\(id)", section: section, family: .diagnosis, "Pain from \(names).",
          rule: .diagnosis(anyOf: conditions), defining: true),
        failedConservative(id, section),
      ],
      repeatCriteria: [relief(id, section), yearlyCount(id, section, limit: 6)])
  }

  static func crps(_ prefix: String, _ section: String) -> Cause {
    let id = "1758.\(prefix).crps"
    return Cause(
      criteria: [
        Criterion(
          "\(id)", section: section, family: .diagnosis,
          "Complex regional pain syndrome type I or II.",
          rule: .diagnosis(anyOf: [.crps]), defining: true),
        Criterion(
          "\(id).budapest", section: section, family: .budapestCriteria,
          "The CRPS meets the Budapest criteria.", rule: .budapestCriteria),
        Criterion(
          "\(id).restorationFailed", section: section, family: .conservativeCare,
          "Functional restoration (physical or occupational therapy, pain psychology) has not"
            + " helped, or a medical reason prevents it.",
          rule: .unlessMedicalReason(.failedTreatment(modalities: functionalRestoration))),
        Criterion(
          "\(id).restorationOngoing", section: section, family: .conservativeCare,
          "The patient takes part in ongoing functional restoration, or a medical reason"
            + " prevents it.",
          rule: .unlessMedicalReason(
            .ongoingTreatment(modalities: functionalRestoration.union([.homeExercise])))),
      ],
      repeatCriteria: [
        relief(id, section),
        Criterion(
          "\(id).count", section: section, family: .frequency,
          "Six blocks in the first 12 weeks, then no more than four in twelve months.",
          rule: .procedureCount(
            CountLimit(limit: 4, withinDays: 365, opening: (days: Days.weeks(12), limit: 6)))),
      ])
  }

  static func failedConservative(_ id: String, _ section: String) -> Criterion {
    Criterion(
      "\(id).conservative", section: section, family: .conservativeCare,
      "Conservative treatment suited to the diagnosis has failed, or a medical reason prevents"
        + " it.", rule: .unlessMedicalReason(.failedTreatment(modalities: nil)))
  }

  static func relief(_ id: String, _ section: String) -> Criterion {
    Criterion(
      "\(id).relief", section: section, family: .priorResponse,
      "The earlier block gave 50% relief or more, or a clear gain in function, for at least the"
        + " anesthetic's duration.",
      rule: .priorRelief(ReliefRequirement(minimumPercent: 50, mustOutlastAnesthetic: true)))
  }

  static func yearlyCount(_ id: String, _ section: String, limit: Int) -> Criterion {
    Criterion(
      "\(id).count", section: section, family: .frequency,
      "No more than \(limit) sympathetic blocks in twelve months.",
      rule: .procedureCount(CountLimit(limit: limit, withinDays: 365)))
  }

  static func spacing(_ prefix: String, _ section: String) -> [Criterion] {
    [
      Criterion(
        "1758.\(prefix).interval", section: "\(section): General Limitations", family: .interval,
        "A week or more since any earlier injection, in the same or another region.",
        rule: .interval(IntervalRequirement(minimumDays: 7, scope: .anyInjection)))
    ]
  }

  static func bilateral(_ prefix: String, _ section: String) -> Criterion {
    Criterion(
      "1758.\(prefix).bilateral", section: "\(section): General Limitations", family: .interval,
      "No bilateral blocks on one day of service.",
      rule: .sameDay(SameDayPolicy(forbidsBilateral: true)))
  }

  static func guidance(_ prefix: String, allowsUltrasound: Bool) -> Criterion {
    Criterion(
      "1758.\(prefix).guidance", section: generalSection, family: .imagingGuidance,
      allowsUltrasound
        ? "Each block is done under image guidance."
        : "Each block is done under image guidance other than ultrasound.",
      rule: .imageGuidance(
        allowed: allowsUltrasound ? [.fluoroscopyOrCT, .ultrasound] : [.fluoroscopyOrCT]))
  }

  // Patient refusal, pneumothorax, nerve palsy, hypotension and abnormal anatomy have no
  // facts-v1 risk factor; they are left to the reviewer.
  static func contraindications(_ prefix: String, _ section: String) -> Criterion {
    Criterion(
      "1758.\(prefix).contraindications", section: section, family: .contraindication,
      "No local or systemic infection, coagulopathy, recent myocardial infarction or allergy to"
        + " the anesthetic.",
      rule: .noContraindication([
        .systemicInfection, .skinInfectionAtSite, .coagulopathy, .recentMyocardialInfarction,
        .anestheticAllergy,
      ]))
  }

  static func spokenCondition(_ condition: DiagnosisCondition) -> String {
    condition == .chronicPancreatitis ? "chronic relapsing pancreatitis" : "pelvic or rectal organs"
  }

  static func listedConditions(_ conditions: Set<DiagnosisCondition>) -> String {
    let names: [DiagnosisCondition: String] = [
      .cancerPain: "cancer", .phantomLimbPain: "phantom limb pain",
      .ischemicLimbPain: "non-surgical ischemic limb pain",
    ]
    let ordered: [DiagnosisCondition] = [.cancerPain, .phantomLimbPain, .ischemicLimbPain]
    return ordered.filter(conditions.contains).compactMap { names[$0] }.joined(separator: ", ")
  }
}

extension String {
  fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
