import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A child process running one case, its output captured in a file.
///
/// Each case runs in its own process so that a PDF that hangs or crashes poppler fails only
/// its own case. The child limits its own memory and CPU time (see `ResourceLimits`); the
/// parent enforces the wall-clock limit by killing it.
struct ChildProcess {
  let pid: pid_t
  let outputFile: URL
  let started: Double

  /// Starts `executable` with `arguments`, standard output and error going to `outputFile`.
  static func spawn(_ executable: String, _ arguments: [String], outputFile: URL) throws
    -> ChildProcess
  {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(
      &actions, 1, outputFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let status = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    guard status == 0 else {
      throw IntakeError.cannotCreate(
        path: executable, reason: "cannot start a worker: \(String(cString: strerror(status)))")
    }
    return ChildProcess(pid: pid, outputFile: outputFile, started: monotonicSeconds())
  }

  /// How a finished child ended.
  enum Ending: Equatable {
    case exited(Int32)
    case signalled(Int32)
  }

  /// The child's ending if it has finished, without waiting.
  func poll() -> Ending? {
    var status: Int32 = 0
    let result = waitpid(pid, &status, WNOHANG)
    guard result == pid else { return nil }
    let signal = status & 0x7f
    return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
  }

  func kill() { _ = Glibc.kill(pid, SIGKILL) }

  /// What the child wrote, for its reason on failure (at most the last 4 KiB).
  func output() -> String {
    guard let data = try? Data(contentsOf: outputFile) else { return "" }
    return String(decoding: data.suffix(4096), as: UTF8.self)
  }
}

/// Seconds on a clock that never jumps, for quiet periods and timings.
func monotonicSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// The memory and CPU a case's process may use, applied by the process to itself.
public struct ResourceLimits: Sendable {
  public var memoryMegabytes: Int
  public var cpuSeconds: Int
  public var wallSeconds: Double

  public init(memoryMegabytes: Int = 2048, cpuSeconds: Int = 120, wallSeconds: Double = 180) {
    self.memoryMegabytes = memoryMegabytes
    self.cpuSeconds = cpuSeconds
    self.wallSeconds = wallSeconds
  }

  /// Limits the calling process's address space and CPU time.
  public func applyToCurrentProcess() {
    var memory = rlimit(
      rlim_cur: rlim_t(memoryMegabytes) << 20, rlim_max: rlim_t(memoryMegabytes) << 20)
    setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &memory)
    var cpu = rlimit(rlim_cur: rlim_t(cpuSeconds), rlim_max: rlim_t(cpuSeconds + 5))
    setrlimit(__rlimit_resource_t(RLIMIT_CPU.rawValue), &cpu)
  }
}
