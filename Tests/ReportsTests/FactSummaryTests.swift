import Model
import Testing

@testable import Reports

@Suite struct FactSummaryTests {
  /// EveryField's facts in order, as the facts table shows them.
  static let rows: [(String, String, String)] = [
    ("pain score", "6–8/10", "average; low back"),
    ("functional disability", "ODI 42", "ODI; standing"),
    ("pain duration", "8 months", "onset 01/05/2026"),
    ("pain pattern", "axial", "low back"),
    ("provocation test", "FABER positive", "left"),
    ("Budapest finding", "allodynia (sensory)", "sign; present"),
    ("CRPS diagnosis", "CRPS type 1", "Budapest criteria stated"),
    (
      "relief", "80% relief after medial branch block",
      "lasting 90 days; on 01/05/2026; L4-5; bilateral; function improved"
    ),
    (
      "therapy", "ibuprofen (NSAID)",
      "completed: renal disease; failed; 8 weeks; 12 sessions; from 01/05/2026; to 01/05/2026; "
        + "prescribed by physician; follow-up documented"
    ),
    ("staph screen", "MRSA negative", "on 01/05/2026"),
    ("decolonization", "planned", "from 01/05/2026; mupirocin"),
    ("psych evaluation", "completed", "on 01/05/2026; cleared"),
    ("opioid use", "current", "10 weeks"),
    ("prior procedure", "epidural injection", "on 01/05/2026; lumbar; left; L5-S1"),
    ("imaging finding", "facet arthropathy", "MRI; on 01/05/2026; L4-5"),
    ("risk factor", "anticoagulation", "present; apixaban"),
    ("diagnosis", "facet joint pain", "ICD-10 M47.816"),
    ("surgical plan", "surgery planned", "on 01/05/2026"),
    ("device trial", "spinal cord stimulator trial, 60% relief", "7 days; function improved"),
  ]

  @Test(arguments: zip(EveryField.details, rows))
  func everyFactTypeReadsAsTypeValueAndContext(
    detail: FactDetail, row: (String, String, String)
  ) {
    let summary = FactSummary(Fact(detail))

    #expect([summary.type, summary.value, summary.context] == [row.0, row.1, row.2])
  }

  @Test(arguments: [
    (FactDetail.painScore(PainScore(value: 7.5, context: .worst)), "7.5/10", "worst"),
    (
      .functionalDisability(FunctionalDisability(present: false, instrument: .narrative)),
      "no limitation", "narrative"
    ),
    (
      .functionalDisability(
        FunctionalDisability(present: true, instrument: .narrative, activity: "cannot sit")),
      "cannot sit", "narrative"
    ),
    (.therapy(Therapy(modality: .physicalTherapy, weeks: 6)), "physical therapy", "6 weeks"),
    (.riskFactor(RiskFactor(condition: .pregnancy, present: false)), "pregnancy", "absent"),
  ])
  func partialFactsLeaveOutWhatTheyLack(detail: FactDetail, value: String, context: String) {
    let summary = FactSummary(Fact(detail))

    #expect(summary.value == value && summary.context == context)
  }

  @Test(arguments: [
    ("sacroiliacInjection", "sacroiliac injection"), ("odi", "ODI"), ("xray", "X-ray"),
    ("crpsDiagnosis", "CRPS diagnosis"), ("staphAureus", "staph aureus"),
    ("", ""), ("ABc", "a bc"), ("icd10Code", "ICD-10 code"), ("mriT2", "MRI t2"),
    ("étatDuPatient", "état du patient"), ("ÉtatÜber", "état über"),
    ("budapestCriteriaMet", "Budapest criteria met"), ("Odi", "ODI"), ("mrsaMssa", "MRSA MSSA"),
    ("ctGuided", "CT guided"), ("gaenslenTest", "Gaenslen test"), ("xrays", "xrays"),
    ("spurlingsign", "spurlingsign"), ("c", "c"), ("aB", "a b"),
    ("xrayXrayIcd10", "X-ray X-ray ICD-10"), ("aBCDEFGH", "a b c d e f g h"),
    ("superiorHypogastricBlock", "superior hypogastric block"), ("icd10", "ICD-10"),
    ("\u{0}odi", "\u{0}odi"), ("oDi", "o di"),
  ])
  func contractNamesAreSpelledAsWords(name: String, words: String) {
    #expect(ReportWording.humanized(name) == words)
  }
}
