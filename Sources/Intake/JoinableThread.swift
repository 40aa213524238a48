import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Work run on a thread of its own, and waited for with `join`.
///
/// A POSIX thread, not a dispatch queue's: once `join` returns the thread has ended, and
/// the watcher, which forks its workers only while it runs a single thread, can fork again.
/// A dispatch queue's threads outlive their work.
final class JoinableThread {
  private var thread: pthread_t?

  /// Starts `body` on a new thread; runs it on this one, at once, when the system cannot
  /// start a thread.
  init(_ body: @escaping () -> Void) {
    let work = Unmanaged.passRetained(Work(body))
    var started = pthread_t()
    let status = pthread_create(
      &started, nil,
      { context in
        Unmanaged<Work>.fromOpaque(context!).takeRetainedValue().body()
        return nil
      }, work.toOpaque())
    if status == 0 {
      thread = started
    } else {
      work.takeRetainedValue().body()
    }
  }

  /// Waits for the work to end; at once when it already has, or ran on the starting thread.
  func join() {
    guard let thread else { return }
    pthread_join(thread, nil)
    self.thread = nil
  }

  private final class Work {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
  }
}
