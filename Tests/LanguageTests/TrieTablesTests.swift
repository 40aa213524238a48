import Testing

@testable import Language

/// The phrase trie's own hash tables answer as the dictionaries they stand in for.
@Suite struct TrieTablesTests {
  @Test(
    "an edge table finds every edge added, and no other, as it grows",
    arguments: [0, 1, 7, 100, 5_000])
  func edgesAreFoundAsAdded(count: Int) {
    var edges = TrieEdges(capacity: count / 2)
    var model: [Int: Int] = [:]
    for index in 0..<count {
      // Edges from a few busy nodes, as a trie's root is, and from many quiet ones.
      let node = index % 3 == 0 ? index % 7 : index
      let word = index * 31 % 1_009
      let new = model.count + 1
      let found = edges.node(from: node, following: word, orAdding: new)
      #expect(found == (model[node << 32 | word] ?? new))
      model[node << 32 | word] = found
    }

    #expect(edges.count == model.count)
    for (key, next) in model {
      #expect(edges.node(from: key >> 32, following: key & 0xFFFF_FFFF) == next)
    }
    for node in [count + 1, 1 << 20] { #expect(edges.node(from: node, following: 3) == nil) }
  }

  @Test(
    "an ASCII key has the number the vocabulary gives it, or none",
    arguments: [
      "-", "a", ".", "pain", "l4", "b.i.d", "fifteen-bytes!!", "sixteen-bytes!!!",
      "seventeen-bytes!!", "paine", "pai", "", "Pain", "x\u{0}", "straightlegraise",
    ])
  func asciiKeysHaveTheirNumbers(text: String) {
    let keys = [
      "-", "a", ".", "pain", "l4", "b.i.d", "fifteen-bytes!!", "sixteen-bytes!!!",
      "seventeen-bytes!!", "café", "ｋ", "x\u{0}", "straightlegraise",
    ]
    let vocabulary = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
    let table = ASCIIKeyNumbers(vocabulary)

    var bytes = Array(text.utf8)
    let number = bytes.withUnsafeMutableBufferPointer { buffer in
      buffer.count <= ASCIIKeyNumbers.longestKey
        ? table.number(of: UnsafeBufferPointer(buffer)) : vocabulary[text]
    }

    #expect(number == vocabulary[text])
  }

  @Test(
    "ASCII bytes decide a key only when no other key can equal an ASCII text",
    arguments: [
      (["pain", "café", "ｋ"], false),  // NFKC makes the full-width "ｋ" a "k"
      (["pain", "\u{212A}"], false),  // the Kelvin sign is canonically "K"
      (["pain", "café", "—", "°", "µg"], true),
      (["pain"], true),
    ] as [([String], Bool)])
  func exactOnlyWithoutKeysEqualToASCII(keys: [String], isExact: Bool) {
    let vocabulary = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
    #expect(ASCIIKeyNumbers(vocabulary).isExact == isExact)
  }
}
