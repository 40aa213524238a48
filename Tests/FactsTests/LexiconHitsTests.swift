import Testing

@testable import Facts

/// A note's lexicon matches inside a sentence are found by halving when the matches are in
/// document order: the answer must be what reading them all gives, in the same order.
@Suite struct LexiconHitsTests {
  static func hits(_ ranges: [Range<Int>]) -> [LexiconHit] {
    ranges.enumerated().map { index, range in
      LexiconHit(lexicon: "therapies", concept: "c\(index)", attributes: [:], range: range)
    }
  }

  static let inOrder: [Range<Int>] = [0..<3, 2..<9, 4..<6, 4..<12, 10..<14, 14..<15, 20..<25]
  static let outOfOrder: [Range<Int>] = [10..<14, 0..<3, 4..<6, 2..<9, 20..<25]

  @Test(
    "the matches inside a range are those lying wholly in it, in the order found",
    arguments: [0..<0, 0..<3, 0..<9, 2..<12, 4..<6, 5..<30, 14..<15, 15..<20, 25..<40, 0..<100])
  func matchesInsideARange(range: Range<Int>) {
    for ranges in [Self.inOrder, Self.outOfOrder] {
      let hits = Self.hits(ranges)
      let expected = hits.filter {
        $0.range.lowerBound >= range.lowerBound && $0.range.upperBound <= range.upperBound
      }
      #expect(LexiconHits(hits).inside(range).map(\.concept) == expected.map(\.concept))
    }
  }
}
