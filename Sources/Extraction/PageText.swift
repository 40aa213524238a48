import ICUShim
import Model

/// The last steps that turn a page's lines into its text: lines joined, blank lines folded,
/// compatibility characters normalised, words hyphenated across a line break rejoined, and
/// soft hyphens dropped.
enum PageText {
  /// The page text of `lines` (an empty line marks a vertical gap), ending with a newline.
  static func text(of lines: [[UInt16]]) -> String {
    let joined = join(lines)
    let normalized = nfkc(joined)
    // Soft hyphens only matter at a line end, where de-hyphenation has used them.
    let dehyphenated = Dehyphenation.apply(to: normalized).filter { $0 != softHyphen }
    return String(utf16Units: dehyphenated)
  }

  private static let softHyphen: UInt16 = 0xAD

  /// The lines, one per line, with runs of blank lines folded to one and none at either end.
  static func join(_ lines: [[UInt16]]) -> [UInt16] {
    var units: [UInt16] = []
    units.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
    var pendingBlank = false
    for line in lines {
      if line.isEmpty {
        pendingBlank = !units.isEmpty
        continue
      }
      if pendingBlank { units.append(0x0A) }
      pendingBlank = false
      units.append(contentsOf: line)
      units.append(0x0A)
    }
    return units
  }

  /// The units in Unicode normalisation form NFKC (ligatures such as "ﬁ" become "fi",
  /// full-width and other compatibility forms their plain letters), through ICU.
  static func nfkc(_ units: [UInt16]) -> [UInt16] {
    guard !units.isEmpty else { return units }

    var capacity = units.count + units.count / 4 + 16
    while true {
      var output = [UInt16](repeating: 0, count: capacity)
      let needed = units.withUnsafeBufferPointer { input in
        output.withUnsafeMutableBufferPointer { out in
          pc_nfkc(input.baseAddress, Int32(input.count), out.baseAddress, Int32(capacity))
        }
      }
      // ICU fails only when it cannot load its normalisation data; the text is then better
      // left as read than lost.
      if needed < 0 { return units }
      if Int(needed) <= capacity { return Array(output[..<Int(needed)]) }
      capacity = Int(needed)
    }
  }
}
