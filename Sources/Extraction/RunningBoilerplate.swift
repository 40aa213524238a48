import Model

/// Finds the running headers and footers of a document (a patient banner, a clinic name,
/// "Page 2 of 3", a browser's date and address lines) and takes their repeats out of the
/// page text.
///
/// A line is a running header or footer when it stands among the first or last
/// `edgeLines` lines of at least two pages, and of at least half the pages with text,
/// compared with every number treated alike (so "Page 2 of 3" matches "Page 3 of 3") and
/// spaces and letter case ignored. Lines that match only with their numbers set aside are
/// removed only where one of their numbers is the page's own number: a pain diary's rows
/// ("Day 15  6/10", "Day 29  5/10") at the top of each page are findings, not a footer.
///
/// The first occurrence stays in the text: the banner's name, date of birth and visit date
/// are then read once, and only the repeats, which would be read as findings again, are
/// removed and recorded in `Page.removedBoilerplate`. A single-page document keeps
/// everything.
struct RunningBoilerplate {
  /// How many lines at the top and at the bottom of a page can be a header or footer.
  static let edgeLines = 3

  /// The kept lines of each page and the lines removed from it.
  struct Result {
    var lines: [[[UInt16]]]
    var removed: [[String]]
  }

  /// Removes repeated headers and footers from `pages` (each a list of lines; a page with
  /// no lines is skipped).
  static func remove(from pages: [[[UInt16]]]) -> Result {
    var result = Result(lines: pages, removed: pages.map { _ in [] })
    let edges = pages.map(edgeLineIndices)
    let running = runningKeys(of: pages, edges: edges)
    guard !running.isEmpty else { return result }

    let constant = constantKeys(of: pages, edges: edges, among: running)
    var seen: Set<String> = []
    for (page, indices) in edges.enumerated() {
      let repeats = indices.filter { index in
        let line = pages[page][index]
        let key = key(of: line)
        guard running.contains(key), seen.contains(key) else { return false }
        return constant.contains(key) || numbers(in: line).contains(page + 1)
      }
      seen.formUnion(indices.map { key(of: pages[page][$0]) }.filter(running.contains))

      let drop = Set(repeats)
      result.removed[page] = repeats.map { String(utf16Units: pages[page][$0]) }
      result.lines[page] = pages[page].indices.filter { !drop.contains($0) }.map { pages[page][$0] }
    }
    return result
  }

  /// The running keys whose lines are the same on every page, numbers included.
  private static func constantKeys(
    of pages: [[[UInt16]]], edges: [[Int]], among running: Set<String>
  ) -> Set<String> {
    var variants: [String: Set<[UInt16]>] = [:]
    for (page, indices) in edges.enumerated() {
      for index in indices {
        let line = pages[page][index]
        let key = key(of: line)
        if running.contains(key) { variants[key, default: []].insert(line.filter { $0 != 0x20 }) }
      }
    }
    return Set(variants.filter { $0.value.count == 1 }.keys)
  }

  /// The whole numbers written in a line ("Page 2 of 3" holds 2 and 3).
  static func numbers(in line: [UInt16]) -> Set<Int> {
    var numbers: Set<Int> = []
    var current: Int?
    for unit in line + [0x20] {
      if (0x30...0x39).contains(unit) {
        current = min((current ?? 0) * 10 + Int(unit - 0x30), 1_000_000)
      } else if let number = current {
        numbers.insert(number)
        current = nil
      }
    }
    return numbers
  }

  /// The keys of lines at the edges of at least two pages and half the pages with text.
  private static func runningKeys(of pages: [[[UInt16]]], edges: [[Int]]) -> Set<String> {
    let pagesWithText = pages.filter { !$0.isEmpty }.count
    guard pagesWithText >= 2 else { return [] }

    var pagesByKey: [String: Int] = [:]
    for (page, indices) in edges.enumerated() {
      for key in Set(indices.map({ key(of: pages[page][$0]) })) {
        pagesByKey[key, default: 0] += 1
      }
    }
    let needed = max(2, (pagesWithText + 1) / 2)
    return Set(pagesByKey.filter { $0.value >= needed }.keys)
  }

  /// The indices of the first and last `edgeLines` non-empty lines of a page.
  private static func edgeLineIndices(_ lines: [[UInt16]]) -> [Int] {
    let filled = lines.indices.filter { !lines[$0].isEmpty }
    let edges = Set(filled.prefix(edgeLines)).union(filled.suffix(edgeLines))
    return edges.sorted()
  }

  /// The line as compared across pages: each run of digits as one `#` ("Page 9 of 12" and
  /// "Page 10 of 12" alike), letters lower-cased, spaces dropped.
  static func key(of line: [UInt16]) -> String {
    var units: [UInt16] = []
    units.reserveCapacity(line.count)
    for unit in line where unit != 0x20 {
      switch unit {
      case 0x30...0x39 where units.last == 0x23: continue
      case 0x30...0x39: units.append(0x23)
      case 0x41...0x5A: units.append(unit | 0x20)
      default: units.append(unit)
      }
    }
    return String(utf16Units: units)
  }
}
