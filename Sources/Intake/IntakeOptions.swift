import Foundation

/// How an intake run behaves.
public struct IntakeOptions: Sendable {
  public var layout: InboxLayout
  /// Seconds a case's files must stay unchanged before it is taken.
  public var quietPeriod: Double = 2
  /// Cases processed at once.
  public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
  public var limits = ResourceLimits()
  /// Re-run a case whose content was reported before instead of linking the old report.
  public var reprocessDuplicates = false
  /// The `pendcheck` executable, started as `pendcheck worker` for each worker process.
  public var executable: String
  /// Arguments passed on to every child, such as `--lexicons DIR`.
  public var childArguments: [String] = []
  /// The worker loop, to run in workers forked from the watcher while it runs a single
  /// thread (those a run starts with); `nil` starts every worker as `executable worker …`.
  public var forkedWorker: ForkedWorker?
  /// `true` for `batch`: stop once the inbox is empty and every case is finished, finding
  /// cases by listing the inbox alone (no inotify watch).
  public var stopsWhenIdle = false
  /// Draw a progress bar on standard error (batch on a terminal).
  public var showsProgress = false

  public init(layout: InboxLayout, executable: String) {
    self.layout = layout
    self.executable = executable
  }
}

/// What an intake run did, for `batch`'s summary and its exit status.
public struct IntakeSummary: Sendable {
  public var reported = 0
  public var duplicates = 0
  public var failed = 0
  /// Seconds from a case being found stable to its report existing.
  public var latencies: [Double] = []

  public var total: Int { reported + duplicates + failed }

  public func describe() -> String {
    let sorted = latencies.sorted()
    let median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    let worst = sorted.last ?? 0
    return "\(total) cases: \(reported) reported, \(duplicates) duplicates linked, "
      + "\(failed) failed; stable-to-report median \(String(format: "%.2f", median)) s, "
      + "worst \(String(format: "%.2f", worst)) s"
  }
}
