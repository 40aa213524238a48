import CFileSystem
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The watcher's side of one long-lived `pendcheck worker` process: a pipe to send it cases,
/// a pipe for its answers, and the cases it holds.
///
/// A worker serves case after case, so the lexicons are loaded once per worker. A crash or
/// hang fails only the case in flight: the watcher knows which case (and, from the worker's
/// `reading` lines, which file) it was, and starts another worker for the next case.
final class WorkerProcess {
  let pid: pid_t
  /// The read end of the worker's answers, for `poll`.
  let output: Int32
  private var input: Int32
  private var lines = LineBuffer()
  /// Room for one read of the worker's output, made once: answers arrive a few times a case.
  private var readBuffer = [UInt8](repeating: 0, count: 16 * 1024)
  private(set) var casesServed = 0
  /// The cases sent and not yet answered, in the order sent: the first is the one the
  /// worker is processing, any other waits in its input (see `WorkerPool.casesHeld`).
  private(set) var cases: [CaseInFlight] = []
  /// The case the worker is processing, `nil` when it waits for one.
  var current: CaseInFlight? { cases.first }
  /// Whether the worker has loaded its lexicons; a case's wall-clock time starts then.
  private(set) var isReady = false
  /// When the worker was started: one that never becomes ready is stopped a wall-clock
  /// limit after this.
  let spawned = monotonicSeconds()
  /// Where the worker records the document it reads, when the system could make one.
  private let readingSlot: ReadingSlot?

  /// A case sent to a worker and not yet answered.
  struct CaseInFlight {
    let claimed: ClaimedCase
    /// The worker's count of cases taken, this one included (as in its `ReadingSlot`).
    let number: Int
    /// When the worker started on the case: sent, or the worker ready if it was not yet, or
    /// the case before it answered if it waited behind one.
    var started: Double
    /// The document the worker said it was reading last.
    var file: String?
  }

  /// How a worker process ended.
  enum Ending: Equatable {
    case exited(Int32)
    case signalled(Int32)
  }

  private init(pid: pid_t, input: Int32, output: Int32, readingSlot: ReadingSlot?) {
    self.pid = pid
    self.input = input
    self.output = output
    self.readingSlot = readingSlot
  }

  deinit {
    if input >= 0 { close(input) }
    close(output)
    readingSlot?.close()
  }

  /// Starts `executable worker …`, given a `ReadingSlot` as `--reading-slot 3` where the
  /// system can make one; its standard error goes to /dev/null, since nothing it would print
  /// belongs in the event log.
  static func spawn(_ executable: String, _ arguments: [String]) throws(IntakeError)
    -> WorkerProcess
  {
    let channels = try Channels()
    let slotArguments = channels.slot.map { _ in
      ["--reading-slot", "\(ReadingSlot.workerDescriptor)"]
    }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, channels.workerInput, STDIN_FILENO)
    posix_spawn_file_actions_adddup2(&actions, channels.workerOutput, STDOUT_FILENO)
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
    if let slot = channels.slot {
      posix_spawn_file_actions_adddup2(&actions, slot.descriptor, ReadingSlot.workerDescriptor)
    }

    let argv = ([executable] + arguments + (slotArguments ?? [])).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let status = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    return try channels.worker(pid, failure: status == 0 ? nil : status)
  }

  /// Forks this process into a worker that runs `worker.serve`, wired as `spawn` wires one: its
  /// standard input and output are the pipes, its standard error /dev/null and its
  /// `ReadingSlot` descriptor 3. A forked worker skips what an executed one pays before its
  /// lexicons: the dynamic loader binding 55 libraries and the Swift runtime's start.
  ///
  /// Call it only while this process runs a single thread (`isSingleThreaded`): a child has
  /// only the thread that forked it, and a lock another thread held stays held in it. The
  /// worker must also keep Swift code to one thread: the Swift runtime's locks name their
  /// holder by a thread id each thread caches, and the child's thread inherits the cache of
  /// the thread that forked it, so two of its threads contending for one such lock could
  /// wait for ever. Its only other threads would be an OCR library's, which run no Swift.
  static func fork(running worker: ForkedWorker) throws(IntakeError) -> WorkerProcess {
    let channels = try Channels()
    // Anything the C library buffered would otherwise be written twice, once by the child.
    fflush(nil)

    let pid = Glibc.fork()
    if pid == 0 {
      channels.becomeWorker()
      worker.serve(channels.slot.map { _ in ReadingSlot.workerDescriptor })
    }
    return try channels.worker(pid, failure: pid > 0 ? nil : errno)
  }

  /// The pipes and reading slot a new worker is given, while it is being started.
  private struct Channels {
    let toWorker: [Int32]
    let fromWorker: [Int32]
    let slot: ReadingSlot?

    var workerInput: Int32 { toWorker[0] }
    var workerOutput: Int32 { fromWorker[1] }

    init() throws(IntakeError) {
      guard let toWorker = closeOnExecPipe(), let fromWorker = closeOnExecPipe() else {
        throw .cannotStartWorker(reason: String(cString: strerror(errno)))
      }
      self.toWorker = toWorker
      self.fromWorker = fromWorker
      slot = ReadingSlot.create()
    }

    /// The watcher's side of the worker `pid` once it is started: the worker's ends are
    /// closed here, and on a `failure` (an `errno`) every end is.
    func worker(_ pid: pid_t, failure: Int32?) throws(IntakeError) -> WorkerProcess {
      close(workerInput)
      close(workerOutput)
      guard let failure else {
        return WorkerProcess(
          pid: pid, input: toWorker[1], output: fromWorker[0], readingSlot: slot)
      }
      close(toWorker[1])
      close(fromWorker[0])
      slot?.close()
      throw .cannotStartWorker(reason: String(cString: strerror(failure)))
    }

    /// In a forked child: puts the worker's descriptors in their places and closes every
    /// other, the watcher's and its other workers' (a worker holding another's input open
    /// would keep that one from ever seeing it end). Exits on a failure: the child must
    /// never go on as a second watcher.
    func becomeWorker() {
      // The watcher's handlers write to its stop pipe, which the child is about to close.
      signal(SIGTERM, SIG_DFL)
      signal(SIGINT, SIG_DFL)

      var places = [(workerInput, STDIN_FILENO), (workerOutput, STDOUT_FILENO)]
      if let slot { places.append((slot.descriptor, ReadingSlot.workerDescriptor)) }
      let lastKept = slot == nil ? STDERR_FILENO : ReadingSlot.workerDescriptor

      // Each is moved above the places first, so that putting one in place cannot close
      // another that happens to sit there.
      let moved = places.map { fcntl($0.0, F_DUPFD, lastKept + 1) }
      let null = fcntl(open("/dev/null", O_WRONLY), F_DUPFD, lastKept + 1)
      guard null >= 0, moved.allSatisfy({ $0 >= 0 }) else { _exit(71) }
      for (source, place) in zip(moved, places.map(\.1)) where dup2(source, place) < 0 {
        _exit(71)
      }
      guard dup2(null, STDERR_FILENO) >= 0, pc_close_descriptors_from(lastKept + 1) == 0 else {
        _exit(71)
      }
    }
  }

  /// Sends a case; `false` when the worker can no longer take it (it died).
  func send(_ claimed: ClaimedCase, fingerprint: String?) -> Bool {
    let line = WorkerMessage.process(path: claimed.path, fingerprint: fingerprint).line
    let bytes = Array(line.utf8)
    let written = bytes.withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
    guard written == bytes.count else { return false }

    casesServed += 1
    cases.append(
      CaseInFlight(claimed: claimed, number: casesServed, started: monotonicSeconds()))
    return true
  }

  /// Reads what the worker wrote; returns the answers that finished cases, with those cases
  /// in the order answered, and whether the worker's output has ended (it exited or was
  /// killed).
  func readAnswers() -> (finished: [(CaseInFlight, WorkerMessage)], hasEnded: Bool) {
    let count = readBuffer.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
    if count < 0 && (errno == EINTR || errno == EAGAIN) { return ([], false) }
    guard count > 0 else { return ([], true) }

    var finished: [(CaseInFlight, WorkerMessage)] = []
    let messages = readBuffer.withUnsafeBytes {
      lines.append(UnsafeRawBufferPointer(rebasing: $0[..<count]))
    }
    for line in messages {
      switch WorkerMessage(line: line) {
      case .ready?:
        isReady = true
        restartClock()
      case .reading(let file)?:
        if !cases.isEmpty { cases[0].file = file }
      case let answer? where !cases.isEmpty:
        finished.append((cases.removeFirst(), answer))
        // The worker goes straight on to the case that waited in its input.
        restartClock()
      default:
        break
      }
    }
    return (finished, false)
  }

  private func restartClock() {
    if !cases.isEmpty { cases[0].started = monotonicSeconds() }
  }

  /// Takes every case away from a worker that died or is being killed: the one in flight,
  /// with the document it was reading, and those that waited in its input, never begun.
  func abandonCases() -> (inFlight: CaseInFlight?, waiting: [ClaimedCase]) {
    defer { cases = [] }
    guard var inFlight = cases.first else { return (nil, []) }

    if let recorded = readingSlot?.file(ofCase: inFlight.number) { inFlight.file = recorded }
    return (inFlight, cases.dropFirst().map(\.claimed))
  }

  func kill() { _ = Glibc.kill(pid, SIGKILL) }

  /// Closes the worker's input: it finishes its case, if any, and exits.
  func closeInput() {
    guard input >= 0 else { return }
    close(input)
    input = -1
  }

  /// Collects the worker's status if it has ended, without waiting; whether it had (after
  /// `true`, `waitForExit` must not be called).
  func collectIfEnded() -> Bool {
    var status: Int32 = 0
    return waitpid(pid, &status, WNOHANG) == pid
  }

  /// Waits for the worker to end and collects its status.
  func waitForExit() -> Ending {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let signal = status & 0x7f
    return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
  }
}

/// A pipe whose ends are closed in every process started later, so that one worker never
/// holds another's pipe open (which would hide that worker's exit); `nil` on failure.
func closeOnExecPipe() -> [Int32]? {
  var ends: [Int32] = [-1, -1]
  guard pipe(&ends) == 0 else { return nil }
  for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
  return ends
}

/// What a worker forked from the watcher runs, and what the watcher makes for it first.
public struct ForkedWorker: Sendable {
  /// Run once in the watcher, before its first fork, each on a thread of its own: what they
  /// make there (the reviewer and its lexicons, the loaded PDF reader) every forked worker
  /// then has, instead of each making its own. They must not depend on one another.
  let preparations: [@Sendable () -> Void]
  /// The worker's loop (`CaseWorker.serve`), given its `ReadingSlot`'s descriptor when it
  /// has one. It never returns: the worker exits when its input ends.
  let serve: @Sendable (_ readingSlot: Int32?) -> Never

  public init(
    preparing preparations: [@Sendable () -> Void],
    serve: @escaping @Sendable (_ readingSlot: Int32?) -> Never
  ) {
    self.preparations = preparations
    self.serve = serve
  }
}

/// Whether this process runs a single thread now, as `/proc/self/task` lists them; `false`
/// when that cannot be read.
func isSingleThreaded() -> Bool {
  FileSignature.names(inFolder: "/proc/self/task").count == 1
}
