import Foundation

/// Seconds spent in each pipeline stage for one case, for logs and the benchmark.
public struct StageTimings: Codable, Sendable {
  public var extraction: Double = 0
  public var language: Double = 0
  public var facts: Double = 0
  public var matching: Double = 0
  public var pages: Int = 0

  public init() {}

  /// Adds another case's timings to these.
  public mutating func add(_ other: StageTimings) {
    extraction += other.extraction
    language += other.language
    facts += other.facts
    matching += other.matching
    pages += other.pages
  }
}

/// Runs `work` and adds the seconds it took to `seconds`.
func timed<T, E: Error>(_ seconds: inout Double, _ work: () throws(E) -> T) throws(E) -> T {
  let start = DispatchTime.now().uptimeNanoseconds
  defer { seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
  return try work()
}
