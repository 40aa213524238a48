import Model
import Testing

/// How notes say the skin where the needle or the implant will enter is clean, and the
/// look-alikes that speak of other skin or of the procedure itself.
@Suite struct ProcedureSiteSkinTests {
  @Test(arguments: [
    "Skin over the low back intact, no rash.",
    "Low back skin clear, no lesions.",
    "Skin of the posterior neck intact.",
    "Thoracolumbar skin intact, no rash or lesions.",
    "Skin over the R sacroiliac region intact, no erythema.",
    "The skin of the right anterior neck is normal, with no rash.",
    "RLQ abdominal skin at the planned pocket site intact, no breakdown.",
    "Back: paraspinal tenderness at L4-5, no rash or erythema.",
    "No rash or skin break over the lumbar spine.",
    "Skin over the sacrum intact.",
    "Inj site clean, no erythema.",
    "Incision: clean, dry and intact; staples removed today.",
    "Pocket healed, non-tender.",
    "IPG L flank, tender to palpation, no erythema, no drainage.",
    "Skin overlying the L4-5 facets is intact.",
    "Skin at L5-S1 clean, no lesions.",
  ])
  func cleanSkinAtTheSiteDeniesASiteInfection(text: String) {
    #expect(Fixtures.summaries(.riskFactor, in: text) == ["skinInfectionAtSite false"])
  }

  @Test(arguments: [
    "Skin intact.",
    "Healed R knee incisions, no erythema.",
    "Well-healed midline lumbar incision.",
    "Small dry heel fissure without erythema or drainage.",
    "Sacral and ischial skin intact.",
    "Sacral skin intact, no pressure injury.",
    "The old left abdominal pocket is well healed without erythema; plan a right-sided pocket.",
    "After a time-out the skin over the lumbar spine was prepped with chlorhexidine and draped.",
    "Shiny skin and reduced hair on the right shin.",
    "G-tube site clean.",
    "Well-formed residual limb, no skin breakdown or infection.",
  ])
  func otherSkinOrTheProcedureStepsSayNothingOfTheSite(text: String) {
    #expect(Fixtures.summaries(.riskFactor, in: text).isEmpty)
  }
}
