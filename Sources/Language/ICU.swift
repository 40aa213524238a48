import ICUShim

/// The one place in the Language stage that calls the ICU shim: break iterators and
/// normalization over UTF-16 buffers, with ICU failures turned into `ICUFailure`.
enum ICU {
  /// A boundary found by a break iterator, with the rule status of the segment ending there.
  struct Boundary {
    let offset: Int
    let status: Int32
  }

  /// Boundaries of `kind` in `text`, first (0) and last (`text.count`) included.
  static func boundaries(
    _ kind: PCBreakKind, in text: [UInt16]
  ) throws(ICUFailure) -> [Boundary] {
    guard !text.isEmpty else { return [Boundary(offset: 0, status: 0)] }

    var capacity = text.count + 2
    while true {
      // Only the first `count` entries, which the iterator writes, are read: the buffers
      // need no zeroing first.
      let offsets = UnsafeMutableBufferPointer<Int32>.allocate(capacity: capacity)
      let statuses = UnsafeMutableBufferPointer<Int32>.allocate(capacity: capacity)
      defer {
        offsets.deallocate()
        statuses.deallocate()
      }
      let count = text.withUnsafeBufferPointer { buffer in
        pc_breaks(
          kind, "en_US", buffer.baseAddress, Int32(buffer.count), offsets.baseAddress,
          statuses.baseAddress, Int32(capacity))
      }
      if count < 0 { throw ICUFailure(operation: "break iterator", code: count) }
      if Int(count) <= capacity {
        return (0..<Int(count)).map { Boundary(offset: Int(offsets[$0]), status: statuses[$0]) }
      }
      capacity = Int(count)
    }
  }

  /// The NFKC normalization of `text`.
  static func nfkc(_ text: [UInt16]) throws(ICUFailure) -> [UInt16] {
    try transform(text, operation: "NFKC normalization", pc_nfkc)
  }

  /// The full Unicode case folding of `text`.
  static func foldCase(_ text: [UInt16]) throws(ICUFailure) -> [UInt16] {
    try transform(text, operation: "case folding", pc_fold_case)
  }

  private typealias Transform = (
    UnsafePointer<UInt16>?, Int32, UnsafeMutablePointer<UInt16>?, Int32
  ) -> Int32

  private static func transform(
    _ text: [UInt16], operation: String, _ function: Transform
  ) throws(ICUFailure) -> [UInt16] {
    guard !text.isEmpty else { return [] }

    var capacity = text.count + 8
    while true {
      var output = [UInt16](repeating: 0, count: capacity)
      let needed = text.withUnsafeBufferPointer { input in
        output.withUnsafeMutableBufferPointer { out in
          function(input.baseAddress, Int32(input.count), out.baseAddress, Int32(capacity))
        }
      }
      if needed < 0 { throw ICUFailure(operation: operation, code: needed) }
      if Int(needed) <= capacity { return Array(output[0..<Int(needed)]) }
      capacity = Int(needed)
    }
  }
}

/// An ICU call that failed, with ICU's name for the error (`U_MISSING_RESOURCE_ERROR`).
public struct ICUFailure: Error, CustomStringConvertible {
  let operation: String
  let code: Int32

  public var description: String {
    "ICU \(operation) failed: \(String(cString: pc_error_name(code)))"
  }
}
