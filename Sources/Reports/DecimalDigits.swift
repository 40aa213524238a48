/// The decimal digits of an integer, written byte by byte without making its `String`: the
/// reports write many counts, page numbers and offsets, into JSON and into HTML alike.
enum DecimalDigits {
  /// Calls `append` with the ASCII digits of `number`, after a minus sign when it is
  /// negative.
  @inline(__always)
  static func write(_ number: Int, to append: (UInt8) -> Void) {
    if number < 0 { append(UInt8(ascii: "-")) }

    let magnitude = number.magnitude
    var place: UInt = 1
    while magnitude / place >= 10 { place *= 10 }
    repeat {
      append(UInt8(ascii: "0") + UInt8(magnitude / place % 10))
      place /= 10
    } while place > 0
  }
}
