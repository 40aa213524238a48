import Model

/// The text of `pendcheck guidelines`: each guideline with its codes, exclusions,
/// indications and criteria.
public struct GuidelineListing {
  public static func render(_ catalog: GuidelineCatalog) -> String {
    catalog.guidelines.map(render).joined(separator: "\n")
  }

  static func render(_ guideline: Guideline) -> String {
    var lines = ["Guideline \(guideline.number): \(guideline.title)", "  Codes:"]
    for code in guideline.codes {
      lines.append("    \(code.isAddOn ? "+" : "")\(code.code)  \(code.summary)")
    }
    if !guideline.exclusions.isEmpty {
      lines.append("  Excluded:")
      lines += guideline.exclusions.map { "    \($0.service) (\($0.section))" }
    }
    for indication in guideline.indications {
      let scope = indication.codes.map { " codes \($0.sorted().joined(separator: ", "))" } ?? ""
      lines.append(
        "  Indication \(indication.name) [\(indication.purpose.rawValue)]\(scope)"
          + " (\(indication.section)):")
      for criterion in indication.criteria {
        let phase = criterion.repeatPhase.map { ", \($0.rawValue) phase" } ?? ""
        lines.append(
          "    \(criterion.id) [\(criterion.family.rawValue)\(phase)] \(criterion.description)")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
