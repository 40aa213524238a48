/// Where in a regular expression a match may begin, read as the pattern is read left to
/// right: at its start, and after what matches nothing there (`^`, `\b`, a lookaround, the
/// opening of a group, the `|` of a group that opens there).
///
/// It is read for what the position costs ICU to compile, never for what the pattern
/// matches: `isHere` may be `false` where a match may begin after all (after an optional
/// part, or syntax it does not read), never `true` where none can.
struct MatchBeginning {
  /// Whether a match may begin at the position read.
  private(set) var isHere = true
  /// Of each group open: whether its branches begin where a match may, and, for a
  /// lookaround, whether a match may begin after it (it matches nothing).
  private var groups: [(branchesBeginHere: Bool, after: Bool?)] = []
  /// Whether syntax was read that this reader does not follow: no position after it is
  /// taken for a beginning.
  private var isLost = false

  /// Reads past a part that matches a character or more (a letter, an escape, a class).
  mutating func pass() { isHere = false }

  /// Reads a character of the pattern that is not an escape, a class or a group's opening:
  /// a `|`, a `)`, a `^`, or any other (a part or a quantifier).
  mutating func read(_ syntax: UInt16) {
    switch syntax {
    case 0x7C:  // `|`
      isHere = !isLost && (groups.last?.branchesBeginHere ?? true)
    case 0x29:  // `)`
      guard let group = groups.popLast() else { return lose() }
      isHere = !isLost && (group.after ?? false)
    case 0x5E:  // `^`
      break
    default:
      pass()
    }
  }

  /// Reads the opening of a group at `index` of `units` (a `(`), returning its length: `(`,
  /// `(?:`, `(?>`, a flag group (`(?-i:`) or a lookaround (`(?=`, `(?!`, `(?<=`, `(?<!`);
  /// any other (`(?<name>`, `(?i)`) loses the reader.
  mutating func open(_ units: [UInt16], at index: Int) -> Int {
    func unit(at offset: Int) -> UInt16? {
      index + offset < units.count ? units[index + offset] : nil
    }
    guard unit(at: 1) == 0x3F else {  // `?`
      groups.append((isHere, nil))
      return 1
    }
    let isBehind = unit(at: 2) == 0x3C  // `<`
    let mark = unit(at: isBehind ? 3 : 2)
    if mark == 0x3D || mark == 0x21 {  // `=`, `!`
      groups.append((false, isHere))
      isHere = false
      return isBehind ? 4 : 3
    }

    var end = 2
    while let flag = unit(at: end), Self.isFlag(flag) { end += 1 }
    guard unit(at: end) == 0x3A || (end == 2 && unit(at: end) == 0x3E) else {  // `:`, `>`
      groups.append((false, nil))
      lose()
      return 1
    }
    groups.append((isHere, nil))
    return end + 1
  }

  private mutating func lose() {
    isLost = true
    isHere = false
  }

  /// Whether `unit` is one of ICU's flag letters or the `-` that turns flags off.
  private static func isFlag(_ unit: UInt16) -> Bool {
    switch unit {
    case 0x69, 0x6D, 0x73, 0x78, 0x77, 0x75, 0x2D: return true  // `imsxwu-`
    default: return false
    }
  }
}
