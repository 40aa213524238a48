extension String {
  /// The string spelled by UTF-16 code units, each ill-formed unit (a lone surrogate)
  /// replaced by U+FFFD exactly as `String(decoding:as: UTF16.self)` replaces it.
  ///
  /// Every stage slices the document's UTF-16 text into strings (tokens, sentences,
  /// quotes), and the standard library's generic UTF-16 transcoder costs hundreds of
  /// instructions a character; this one writes the UTF-8 directly. It is inlinable so that
  /// each caller's collection type is specialised rather than iterated through witnesses.
  @inlinable
  public init<Units: Collection<UInt16>>(utf16Units units: Units) {
    self.init(unsafeUninitializedCapacity: units.count * 3) { utf8 in
      var written = 0
      func append(_ byte: UInt32) {
        utf8[written] = UInt8(truncatingIfNeeded: byte)
        written += 1
      }
      func append(scalar: UInt32) {
        switch scalar {
        case ..<0x80:
          append(scalar)
        case ..<0x800:
          append(0xC0 | scalar >> 6)
          append(0x80 | scalar & 0x3F)
        case ..<0x10000:
          append(0xE0 | scalar >> 12)
          append(0x80 | scalar >> 6 & 0x3F)
          append(0x80 | scalar & 0x3F)
        default:
          append(0xF0 | scalar >> 18)
          append(0x80 | scalar >> 12 & 0x3F)
          append(0x80 | scalar >> 6 & 0x3F)
          append(0x80 | scalar & 0x3F)
        }
      }

      var pendingHigh: UInt32?
      for unit in units {
        let unit = UInt32(unit)
        if let high = pendingHigh {
          pendingHigh = nil
          if (0xDC00...0xDFFF).contains(unit) {
            append(scalar: 0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00))
            continue
          }
          append(scalar: 0xFFFD)
        }
        switch unit {
        case 0xD800...0xDBFF: pendingHigh = unit
        case 0xDC00...0xDFFF: append(scalar: 0xFFFD)
        default: append(scalar: unit)
        }
      }
      if pendingHigh != nil { append(scalar: 0xFFFD) }
      return written
    }
  }
}
