import Testing

@testable import Facts

/// The surgical plan rule asks for one of `surgeryWords` before it runs the `planned`
/// pattern, so every operation the `surgery` list names must hold one of those words: an
/// operation added to the list alone would be turned away unread.
@Suite struct SurgeryWordsTests {
  @Test("every operation of the surgery list holds one of the words asked first")
  func everyOperationHoldsAGuardWord() {
    let operations = Self.alternatives(of: SurgicalPlanRule.surgery)

    let unguarded = operations.filter { !SurgicalPlanRule.surgeryWords.occurs(in: $0) }

    #expect(operations.count > 15)
    #expect(unguarded.isEmpty)
  }

  /// The branches of a pattern's outermost group, `(?:a|b (?:c|d)|e)` giving `a`,
  /// `b (?:c|d)` and `e`.
  static func alternatives(of pattern: String) -> [String] {
    let body = pattern.dropFirst(3).dropLast()
    var branches: [String] = [""]
    var depth = 0
    for character in body {
      if character == "(" { depth += 1 }
      if character == ")" { depth -= 1 }
      if character == "|" && depth == 0 {
        branches.append("")
      } else {
        branches[branches.count - 1].append(character)
      }
    }
    return branches
  }
}
