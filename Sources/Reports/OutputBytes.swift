/// Bytes appended one after another into memory of their own, as a report is written.
///
/// Unsafe memory rather than an `[UInt8]`, because JSON is written a few bytes at a time:
/// the array's generic append costs several times the copy for a run of a few bytes, and
/// checks on every byte that no one else holds the array. Here a run is one capacity check
/// and one copy. The type cannot be copied, so the memory has one owner, which frees it.
struct OutputBytes: ~Copyable {
  private var start: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private var capacity: Int

  init(capacity: Int) {
    self.capacity = max(capacity, 16)
    start = .allocate(capacity: self.capacity)
  }

  deinit { start.deallocate() }

  mutating func append(_ byte: UInt8) {
    if count == capacity { grow(toHold: count + 1) }
    start[count] = byte
    count += 1
  }

  mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
    guard let source = run.baseAddress, !run.isEmpty else { return }
    if count + run.count > capacity { grow(toHold: count + run.count) }
    (start + count).initialize(from: source, count: run.count)
    count += run.count
  }

  mutating func append(_ run: [UInt8]) {
    run.withUnsafeBufferPointer { append($0) }
  }

  mutating func append(_ literal: StaticString) {
    append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
  }

  /// Appends UTF-16 units that are all ASCII as the bytes they are.
  mutating func append(narrowing units: UnsafeBufferPointer<UInt16>) {
    guard !units.isEmpty else { return }
    if count + units.count > capacity { grow(toHold: count + units.count) }
    let target = start + count
    for index in 0..<units.count { target[index] = UInt8(truncatingIfNeeded: units[index]) }
    count += units.count
  }

  /// The bytes appended so far, valid until the next append.
  var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

  private mutating func grow(toHold needed: Int) {
    let larger = max(needed, 2 * capacity)
    let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
    moved.initialize(from: start, count: count)
    start.deallocate()
    (start, capacity) = (moved, larger)
  }
}
