import Foundation

/// The alternation of literal phrases of printable ASCII that `DatePatterns.alternation(of:)`
/// writes, made from a trie of the phrases' bytes.
///
/// Each node's children are kept in the order the phrases, taken in order, first reach
/// them, the end of a phrase among them; a node with one child goes on in its branch, one
/// with more opens a group `(?:…|…)`. That is the grouping of the phrases by their first
/// character, level after level, of `DatePatterns.characterAlternation(of:)`, made without
/// a list of phrases for every group nor a string for every branch, which cost most of
/// building the date expressions.
struct LiteralAlternation {
  /// What each node follows: a byte, or `phraseEnd`; node 0 is the root.
  private var units: [UInt16] = [0]
  private var firstChild: [Int] = [-1]
  private var lastChild: [Int] = [-1]
  private var nextSibling: [Int] = [-1]
  private static let phraseEnd: UInt16 = 0x100

  /// The trie of `phrases`, taken in their order (longest first, for the alternation).
  init(_ phrases: [ArraySlice<UInt8>]) {
    for phrase in phrases {
      var node = 0
      for byte in phrase { node = child(of: node, following: UInt16(byte)) }
      _ = child(of: node, following: Self.phraseEnd)
    }
  }

  /// The alternation: the root's branches, a `|` between them, each character escaped as
  /// `NSRegularExpression` escapes it.
  var pattern: String {
    var pattern: [UInt8] = []
    var escapes = ASCIIEscapes()
    writeBranches(below: 0, into: &pattern, escapes: &escapes)
    return String(decoding: pattern, as: UTF8.self)
  }

  /// The child of `node` following `unit`, added last among its children if it is new.
  private mutating func child(of node: Int, following unit: UInt16) -> Int {
    var child = firstChild[node]
    while child >= 0 {
      if units[child] == unit { return child }
      child = nextSibling[child]
    }

    let new = units.count
    units.append(unit)
    firstChild.append(-1)
    lastChild.append(-1)
    nextSibling.append(-1)
    if firstChild[node] < 0 { firstChild[node] = new } else { nextSibling[lastChild[node]] = new }
    lastChild[node] = new
    return new
  }

  /// Writes the branches below `node`, one per child, a `|` between them.
  private func writeBranches(
    below node: Int, into pattern: inout [UInt8], escapes: inout ASCIIEscapes
  ) {
    var child = firstChild[node]
    while child >= 0 {
      if child != firstChild[node] { pattern.append(UInt8(ascii: "|")) }
      if units[child] != Self.phraseEnd {
        pattern += escapes.pattern(for: UInt8(units[child]))
        // A node that does not end a phrase has a child.
        let isOneBranch = firstChild[child] == lastChild[child]
        if !isOneBranch { pattern += "(?:".utf8 }
        writeBranches(below: child, into: &pattern, escapes: &escapes)
        if !isOneBranch { pattern.append(UInt8(ascii: ")")) }
      }
      child = nextSibling[child]
    }
  }

  /// The pattern of each ASCII character, escaped as `NSRegularExpression` escapes it, as
  /// bytes, kept once asked: an alternation asks for the same few letters hundreds of times.
  private struct ASCIIEscapes {
    private var patterns = [[UInt8]?](repeating: nil, count: 128)

    mutating func pattern(for unit: UInt8) -> [UInt8] {
      if let pattern = patterns[Int(unit)] { return pattern }
      let pattern = Array(
        NSRegularExpression.escapedPattern(for: String(UnicodeScalar(unit))).utf8)
      patterns[Int(unit)] = pattern
      return pattern
    }
  }
}
