import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The memory, CPU time and wall-clock time one case may use.
///
/// A worker limits its own address space once (`RLIMIT_AS`) and its CPU time before every
/// case (`RLIMIT_CPU`, counted from what it has used so far); the watcher enforces the
/// wall-clock limit by killing a worker whose case overruns it.
public struct ResourceLimits: Sendable {
  public var memoryMegabytes: Int
  public var cpuSeconds: Int
  public var wallSeconds: Double

  public init(memoryMegabytes: Int = 2048, cpuSeconds: Int = 120, wallSeconds: Double = 180) {
    self.memoryMegabytes = memoryMegabytes
    self.cpuSeconds = cpuSeconds
    self.wallSeconds = wallSeconds
  }

  /// Limits the calling process's address space.
  public func applyMemoryLimit() {
    let bytes = rlim_t(memoryMegabytes) << 20
    var memory = rlimit(rlim_cur: bytes, rlim_max: bytes)
    setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &memory)
  }

  /// Lets the calling process use `cpuSeconds` more of CPU time: past that the kernel sends
  /// it SIGXCPU, which ends it, and the watcher fails the case with that reason.
  func applyCPULimitForNextCase() {
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    let used = Int(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + 1

    var cpu = rlimit()
    getrlimit(__rlimit_resource_t(RLIMIT_CPU.rawValue), &cpu)
    cpu.rlim_cur = min(rlim_t(used + cpuSeconds), cpu.rlim_max)
    setrlimit(__rlimit_resource_t(RLIMIT_CPU.rawValue), &cpu)
  }
}

/// Seconds on a clock that never jumps, for quiet periods and timings.
func monotonicSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
