import Foundation
import Model
import Testing

@testable import Language

/// Shows that the phrase matcher's cost per token does not grow with lexicon size: the same
/// text matched against the checked-in lexicons and against ten times as many terms.
///
/// Run with `PENDCHECK_BENCH=1 swift test -c release --filter MatcherBenchmark`; it prints
/// its figures and asserts nothing about time (machines differ).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["PENDCHECK_BENCH"] == "1"))
struct MatcherBenchmark {
  @Test func costPerTokenIsFlatWithLexiconSize() throws {
    let real = Fixtures.lexicons
    let realEntries = real.names.flatMap { real.entries(in: $0) }
    let synthetic = Self.syntheticEntries(count: realEntries.count * 9, seed: 20_260_314)
    let tenfold = try Lexicons.make(
      Dictionary(grouping: realEntries + synthetic, by: \.lexicon))
    let hundredfold = try Lexicons.make(
      Dictionary(
        grouping: realEntries
          + Self.syntheticEntries(count: realEntries.count * 99, seed: 20_260_315),
        by: \.lexicon))
    let disjoint = try Lexicons.make(
      Dictionary(
        grouping: realEntries
          + Self.inventedEntries(count: realEntries.count * 9, seed: 20_260_316),
        by: \.lexicon))
    let tokens = try Tokenizer.tokens(of: Array(Self.sampleText(repeats: 200).utf16))

    // Rounds alternate between the sets, so that a busy machine slows all of them alike;
    // each set keeps its fastest round.
    let sets = [
      ("real", real), ("10x invented words", disjoint), ("10x text prefixes", tenfold),
      ("100x text prefixes", hundredfold),
    ]
    var best = [UInt64](repeating: .max, count: sets.count)
    var matchCounts = [Int](repeating: 0, count: sets.count)
    for _ in 0..<9 {
      for (index, set) in sets.enumerated() {
        let (nanoseconds, matches) = Self.bestOf(1) { set.1.trie.matches(in: tokens).count }
        best[index] = min(best[index], nanoseconds)
        matchCounts[index] = matches
      }
    }

    for (index, (label, lexicons)) in sets.enumerated() {
      let entries = lexicons.names.map { lexicons.entries(in: $0).count }.reduce(0, +)
      let matches = matchCounts[index]
      let perToken = Double(best[index]) / Double(tokens.count)
      let edges = Double(lexicons.trie.edgesFollowed(in: tokens)) / Double(tokens.count)
      print(
        "matcher \(label): \(entries) entries, \(lexicons.trie.nodeCount) trie nodes, "
          + "\(tokens.count) tokens, \(matches) matches, "
          + String(format: "%.1f ns/token, %.2f trie edges/token", perToken, edges))
    }
  }

  @Test func wholeStageCostPerToken() {
    let document = Document(
      name: "bench.pdf",
      pages: [Page(number: 1, text: Self.sampleText(repeats: 50), source: .textLayer)])
    let (nanoseconds, tokens) = Self.bestOf(3) {
      AnnotatedDocument(document: document, lexicons: Fixtures.lexicons).tokens.count
    }
    print(
      "language stage: \(tokens) tokens in "
        + String(
          format: "%.1f ms, %.2f µs/token", Double(nanoseconds) / 1e6,
          Double(nanoseconds) / 1e3 / Double(tokens)))

    let language = Fixtures.lexicons.language
    let patterns = Fixtures.lexicons.patterns
    let phases: [(String, () -> Int)] = [
      ("tokens", { (try? Tokenizer.tokens(of: document.utf16))?.count ?? 0 }),
      (
        "dates",
        {
          let scanner = DateScanner(
            text: document.text, language: language, patterns: patterns)
          return scanner.absoluteDates().count
            + scanner.relativeDates(dateOfService: nil, excluding: []).count
        }
      ),
      (
        "durations",
        {
          DurationScanner(text: document.text, language: language, patterns: patterns)
            .durations().count
        }
      ),
    ]
    for (name, work) in phases {
      let (phase, _) = Self.bestOf(3, work)
      print("  \(name): " + String(format: "%.1f ms", Double(phase) / 1e6))
    }
  }

  /// The fastest of `runs` runs of `work`, in nanoseconds, with its result.
  static func bestOf(_ runs: Int, _ work: () -> Int) -> (UInt64, Int) {
    var best = UInt64.max
    var result = 0
    for _ in 0..<runs {
      let start = DispatchTime.now().uptimeNanoseconds
      result = work()
      best = min(best, DispatchTime.now().uptimeNanoseconds - start)
    }
    return (best, result)
  }

  /// Made-up terms: one to three words of the text followed by an invented word, so that
  /// the trie is walked as deep as real terms walk it, but the match count stays that of
  /// the real lexicons and the figures compare matching work, not output size.
  static func syntheticEntries(count: Int, seed: UInt64) -> [LexiconEntry] {
    let words = sampleText(repeats: 1).split { !$0.isLetter }.map(String.init)
    var generator = SplitMix(seed: seed)
    return (0..<count).map { index in
      let length = 1 + Int(generator.next() % 3)
      let start = Int(generator.next() % UInt64(words.count - length))
      let phrase = words[start..<(start + length)] + ["zq\(generator.next() % 100_000)"]
      return LexiconEntry(
        lexicon: "synthetic\(index % 8)", concept: phrase.joined(separator: " "))
    }
  }

  /// Made-up terms of one to four invented words: they grow the trie but never extend a walk,
  /// so they measure the cost of size alone.
  static func inventedEntries(count: Int, seed: UInt64) -> [LexiconEntry] {
    var generator = SplitMix(seed: seed)
    return (0..<count).map { index in
      let length = 1 + Int(generator.next() % 4)
      let phrase = (0..<length).map { _ in "zq\(generator.next() % 1_000_000)" }
      return LexiconEntry(lexicon: "invented\(index % 8)", concept: phrase.joined(separator: " "))
    }
  }

  static func sampleText(repeats: Int) -> String {
    let paragraph = """
      HPI: 56-year-old with low back pain radiating to the left leg for 6 months. She denies
      fever, chills or weight loss. Physical therapy x 8 wks without relief; meloxicam 15 mg
      b.i.d. was not helpful. Dr. Lee noted FABER (-), straight-leg raise positive on the left
      at 40 degrees, Gaenslen's test negative. MRI 01/12/2026: L4-5 disc protrusion with
      left foraminal stenosis. No history of diabetes. Mother has rheumatoid arthritis.
      Plan: left L4-5 transforaminal epidural steroid injection; return if weakness develops.

      """
    return String(repeating: paragraph, count: repeats)
  }
}

/// A small deterministic random number generator, so the synthetic lexicon is the same on
/// every run.
struct SplitMix: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }
}
