import Guidelines
import Matching

/// `pendcheck guidelines`: what PendCheck checks, guideline by guideline.
enum GuidelinesCommand: Command {
  static let name = "guidelines"
  static let summary = "List the guidelines, their CPT codes, indications and criteria."
  static let usage = "pendcheck guidelines"
  static let discussion = """
    Prints every guideline PendCheck implements with the codes it covers, its indications
    and each criterion in PendCheck's own words, citing the guideline section.

    Exit statuses: 0 listed; 64 usage error.
    """
  static let options: [OptionSpec] = []

  static func run(_ arguments: ParsedArguments, _ console: Console) throws -> Int32 {
    console.out(GuidelineListing.render(.standard))
    return 0
  }
}
