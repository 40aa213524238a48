import Foundation

/// The time one pipeline stage took for one case.
public struct StageTime: Codable, Sendable {
  /// Wall-clock seconds.
  public var wall: Double = 0
  /// CPU seconds of the thread that ran the stage: unlike wall time, it does not grow
  /// when other work shares the machine, nor while the thread waits for the disk.
  public var cpu: Double = 0

  public init() {}

  mutating func add(_ other: StageTime) {
    wall += other.wall
    cpu += other.cpu
  }
}

/// The time spent in each pipeline stage for one case, for logs and the benchmark.
public struct StageTimings: Codable, Sendable {
  public var extraction = StageTime()
  public var language = StageTime()
  public var facts = StageTime()
  public var matching = StageTime()
  public var pages: Int = 0

  public init() {}

  /// Adds another case's timings to these.
  public mutating func add(_ other: StageTimings) {
    extraction.add(other.extraction)
    language.add(other.language)
    facts.add(other.facts)
    matching.add(other.matching)
    pages += other.pages
  }
}

/// Runs `work` and adds the wall-clock and thread CPU seconds it took to `time`.
func timed<T, E: Error>(_ time: inout StageTime, _ work: () throws(E) -> T) throws(E) -> T {
  let start = DispatchTime.now().uptimeNanoseconds
  let startCPU = threadCPUSeconds()
  defer {
    time.wall += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    time.cpu += threadCPUSeconds() - startCPU
  }
  return try work()
}

/// The CPU seconds (user and system) the calling thread has used so far.
public func threadCPUSeconds() -> Double {
  var now = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
  return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}
