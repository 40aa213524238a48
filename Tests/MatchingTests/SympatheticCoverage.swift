import Matching
import Model

/// Guideline 1758 for every block and cause of pain, first blocks and repeats.
enum SympatheticCoverage {
  /// A block as a request, with the procedure its earlier blocks are recorded as.
  struct Block {
    let name: String
    let indication: String
    let request: ServiceRequest
    let procedure: ProcedureKind
  }

  static let blocks = [
    Block(
      name: "stellate", indication: "stellateGanglion",
      request: request("64510", region: .upperExtremity, side: .right),
      procedure: .stellateGanglionBlock),
    Block(
      name: "lumbar sympathetic", indication: "lumbarSympathetic",
      request: request("64520", region: .lowerExtremity, side: .left),
      procedure: .lumbarSympatheticBlock),
    Block(
      name: "thoracic sympathetic", indication: "thoracicSympathetic",
      request: request("64520", region: .thoracic, side: .left),
      procedure: .thoracicSympatheticBlock),
  ]

  /// Phantom limb pain 8/10 after eight weeks of gabapentin that did not help.
  static let phantomLimb: [Fact] = [
    Note.pain(8), Note.diagnosis(.phantomLimbPain),
    Note.therapy(.medication, weeks: 8, outcome: .failed, name: "gabapentin"),
  ]

  /// Each cause of pain: its facts and the changes that leave its own criteria open.
  static let causes: [(name: String, facts: [Fact], open: [(String, GapFamily, [Fact])])] = [
    (
      "acute zoster", SympatheticBlockTests.zoster,
      [
        (
          "without the zoster diagnosis pends", .diagnosis,
          SympatheticBlockTests.zoster.without(.diagnosis)
        ),
        (
          "without the zoster pain's duration pends", .painDuration,
          SympatheticBlockTests.zoster.without(.painDuration)
        ),
        (
          "without an antiviral pends", .medicationTrial,
          SympatheticBlockTests.zoster.without(.therapy)
        ),
      ]
    ),
    (
      "phantom limb pain", phantomLimb,
      [
        ("without a named cause pends", .diagnosis, phantomLimb.without(.diagnosis)),
        ("without failed treatment pends", .conservativeCare, phantomLimb.without(.therapy)),
      ]
    ),
    (
      "CRPS", SympatheticBlockTests.crps,
      [
        (
          "with Budapest findings but no named diagnosis pends", .diagnosis,
          SympatheticBlockTests.crps.without(.diagnosis)
        ),
        (
          "without the Budapest examination pends", .budapestCriteria,
          SympatheticBlockTests.crps.without(.budapestFinding)
        ),
        (
          "without functional restoration pends", .conservativeCare,
          SympatheticBlockTests.crps.without(.therapy)
        ),
      ]
    ),
  ]

  /// A first block: ready, each open family, an injection elsewhere three days before an
  /// undated request, and a contraindication.
  static func first(_ block: Block, _ cause: (String, [Fact], [(String, GapFamily, [Fact])]))
    -> [Scenario]
  {
    let (name, facts, open) = cause
    let base = IndicationCase(
      label: "a \(block.name) block for \(name)", guideline: "1758",
      indication: block.indication, request: block.request, facts: facts)
    let elsewhere = Note.prior(.epiduralInjection, on: "2026-03-11", region: .lumbar)
    return [
      base.ready(),
      base.pend("without a pain score pends", [.painSeverity], facts.without(.painScore)),
      base.pend(
        "three days after an epidural, with no planned date, pends", [.interval],
        facts.adding(elsewhere), request: base.unplanned),
      base.review(
        "with a coagulopathy is contradicted", [.contraindication],
        facts.adding(Note.risk(.coagulopathy))),
    ] + open.map { behaviour, family, changed in base.pend(behaviour, [family], changed) }
  }

  /// A repeat eighteen days after an earlier block that gave 60% relief: ready, each open
  /// family, and relief short of 50%.
  static func repeated(_ block: Block, _ cause: (String, [Fact], [(String, GapFamily, [Fact])]))
    -> [Scenario]
  {
    let (name, facts, open) = cause
    let region = block.request.region
    let earlier = [
      Note.prior(block.procedure, on: "2026-03-10", region: region),
      Note.relief(60, after: block.procedure, on: "2026-03-10", days: 2),
    ]
    let base = IndicationCase(
      label: "a repeat \(block.name) block for \(name)", guideline: "1758",
      indication: "repeatSympathetic", request: block.request, facts: facts + earlier)
    return [
      base.ready(),
      base.pend(
        "without a pain score after the block pends", [.painSeverity],
        base.facts.without(.painScore)),
      base.pend("without the relief pends", [.priorResponse], base.facts.without(.relief)),
      base.pend(
        "four days after the last block, with no planned date, pends", [.interval],
        request: base.unplanned),
      base.pend("with no date at all pends on the count", [.frequency], undated: true),
      base.review(
        "after 40% relief is contradicted", [.priorResponse],
        base.facts.replacing(
          .relief, with: Note.relief(40, after: block.procedure, on: "2026-03-10", days: 2))),
    ] + open.map { behaviour, family, changed in base.pend(behaviour, [family], changed + earlier) }
  }

  static let sympathetic: [Scenario] = blocks.flatMap { block in
    causes.flatMap { cause in first(block, cause) + repeated(block, cause) }
  }

  /// Celiac and superior hypogastric blocks: for a malignancy and for chronic visceral pain.
  static func visceral(_ name: String, code: String, chronic: DiagnosisCondition)
    -> [Scenario]
  {
    let asked = request(code, region: code == "64530" ? .abdomen : .pelvis)
    let indication = code == "64530" ? "celiacPlexus" : "superiorHypogastric"
    let cancer = IndicationCase(
      label: "a \(name) block for cancer pain", guideline: "1758", indication: indication,
      request: asked, facts: [Note.diagnosis(.cancerPain)])
    let chronicFacts = [
      Note.pain(7), Note.diagnosis(chronic),
      Note.therapy(.medication, weeks: 12, outcome: .failed, name: "amitriptyline"),
    ]
    let pain = IndicationCase(
      label: "a \(name) block for chronic visceral pain", guideline: "1758",
      indication: indication, request: asked, facts: chronicFacts)
    let coagulopathy = Note.risk(.coagulopathy)
    let earlier = Note.prior(
      code == "64530" ? .celiacPlexusBlock : .superiorHypogastricBlock,
      on: "2026-03-10")
    let procedure: ProcedureKind =
      code == "64530" ? .celiacPlexusBlock : .superiorHypogastricBlock
    let diagnosticRepeat = IndicationCase(
      label: "a second diagnostic \(name) block for cancer pain", guideline: "1758",
      indication: "repeatSympathetic", request: asked, facts: cancer.facts + [earlier])
    let therapeutic = [
      Note.prior(procedure, on: "2025-12-01"),
      Note.relief(60, after: procedure, on: "2025-12-01", days: 90),
    ]
    let therapeuticRepeat = IndicationCase(
      label: "a therapeutic \(name) block for chronic visceral pain", guideline: "1758",
      indication: "repeatSympathetic", request: asked, facts: chronicFacts + therapeutic)
    return [
      cancer.ready(),
      cancer.pend(
        "with nothing documented pends on the cause and the pain",
        [.painSeverity, .diagnosis], []),
      cancer.review(
        "with a coagulopathy is contradicted", [.contraindication],
        cancer.facts.adding(coagulopathy)),
      pain.ready(),
      pain.pend("without a pain score pends", [.painSeverity], chronicFacts.without(.painScore)),
      pain.pend("without the diagnosis pends", [.diagnosis], chronicFacts.without(.diagnosis)),
      pain.pend(
        "without failed treatment pends", [.conservativeCare], chronicFacts.without(.therapy)),
      pain.review(
        "with a coagulopathy is contradicted", [.contraindication],
        chronicFacts.adding(coagulopathy)),
      diagnosticRepeat.ready(),
      diagnosticRepeat.pend(
        "with nothing else documented pends on the cause and the pain",
        [.painSeverity, .diagnosis], [earlier]),
      diagnosticRepeat.pend(
        "four days after the first, with no planned date, pends",
        [.interval], request: diagnosticRepeat.unplanned),
      diagnosticRepeat.pend(
        "with no date at all pends on the count", [.frequency],
        undated: true),
      diagnosticRepeat.review(
        "with a coagulopathy is contradicted", [.contraindication],
        diagnosticRepeat.facts.adding(coagulopathy)),
      therapeuticRepeat.ready(),
      therapeuticRepeat.pend(
        "without a pain score pends", [.painSeverity],
        therapeuticRepeat.facts.without(.painScore)),
      therapeuticRepeat.pend(
        "without the diagnosis pends", [.diagnosis],
        therapeuticRepeat.facts.without(.diagnosis)),
      therapeuticRepeat.pend(
        "without failed treatment pends", [.conservativeCare],
        therapeuticRepeat.facts.without(.therapy)),
      therapeuticRepeat.pend(
        "without the relief pends", [.priorResponse],
        therapeuticRepeat.facts.without(.relief)),
      therapeuticRepeat.pend(
        "with no date at all pends on the count", [.frequency],
        undated: true),
      therapeuticRepeat.pend(
        "two months after the last, with no planned date, pends",
        [.interval],
        chronicFacts + [
          Note.prior(procedure, on: "2026-01-15"),
          Note.relief(60, after: procedure, on: "2026-01-15", days: 90),
        ], request: therapeuticRepeat.unplanned),
      therapeuticRepeat.review(
        "with a coagulopathy is contradicted", [.contraindication],
        therapeuticRepeat.facts.adding(coagulopathy)),
    ]
  }

  static let scenarios: [Scenario] =
    sympathetic
    + visceral("celiac", code: "64530", chronic: .chronicPancreatitis)
    + visceral(
      "superior hypogastric", code: "64517", chronic: .pelvicVisceralPain)
}
