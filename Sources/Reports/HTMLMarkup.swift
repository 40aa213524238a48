/// A piece of an HTML page as UTF-8 bytes, written as a string literal with interpolations.
///
/// What is interpolated says how it is taken: `\(text: string)` is text, escaped as
/// `htmlEscaped` escapes it; `\(markup: string)` is markup PendCheck wrote or a word it
/// chose, copied as it stands; another `HTMLMarkup` and an integer are copied in. A `String`
/// cannot be interpolated without saying which it is, so nothing from a document or a
/// request reaches the page unescaped by accident.
///
/// `HTMLReport` builds its page from these rather than from `String`s because appending to a
/// byte array costs a fraction of a `String` interpolation.
///
/// Known shortcoming: each piece is an array of its own, allocated, and copied into the piece
/// around it when it is interpolated or joined, so a quote's bytes are copied once for each
/// level it nests in (four or five) and the array's generic append is paid for every literal
/// run. That is most of what is left of rendering's cost (190 M instructions for the 232 text
/// cases, against 79 M for their JSON reports). Writing the whole page into one buffer, as
/// `PrettyJSONWriter` writes the JSON report, would remove it, but the sections would then
/// lose the interpolated literals they are written in, which keep each one readable as the
/// markup it makes.
struct HTMLMarkup: ExpressibleByStringInterpolation, CustomStringConvertible {
  fileprivate(set) var bytes: [UInt8]

  init(stringLiteral literal: StaticString) {
    bytes = []
    literal.withUTF8Buffer { bytes += $0 }
  }

  init(stringInterpolation: Interpolation) { bytes = stringInterpolation.bytes }

  /// The markup as a string.
  var description: String { String(decoding: bytes, as: UTF8.self) }

  var isEmpty: Bool { bytes.isEmpty }

  mutating func append(_ markup: HTMLMarkup) { bytes += markup.bytes }

  /// Appends `text`, escaped.
  mutating func append(text: String) { HTMLEscaping.append(text, escapedTo: &bytes) }

  static func += (markup: inout HTMLMarkup, more: HTMLMarkup) { markup.append(more) }

  /// The bytes of a literal with its interpolations, as the compiler hands them over.
  struct Interpolation: StringInterpolationProtocol {
    fileprivate var bytes: [UInt8] = []

    init(literalCapacity: Int, interpolationCount: Int) {
      // Room for a quote or a cell's text in each interpolation, so that most pieces are
      // written without the buffer growing.
      bytes.reserveCapacity(literalCapacity + 128 * interpolationCount)
    }

    mutating func appendLiteral(_ literal: StaticString) {
      literal.withUTF8Buffer { bytes += $0 }
    }

    mutating func appendInterpolation(text: String) {
      HTMLEscaping.append(text, escapedTo: &bytes)
    }

    mutating func appendInterpolation(markup: String) { bytes += markup.utf8 }

    mutating func appendInterpolation(_ markup: HTMLMarkup) { bytes += markup.bytes }

    /// Appends the decimal digits of `number`, without making its `String`.
    mutating func appendInterpolation(_ number: Int) {
      DecimalDigits.write(number) { bytes.append($0) }
    }
  }
}

extension Array where Element == HTMLMarkup {
  /// The pieces one after another with `separator` between each two.
  func joined(separator: StaticString) -> HTMLMarkup {
    var joined: HTMLMarkup = ""
    joined.bytes.reserveCapacity(reduce(0) { $0 + $1.bytes.count + separator.utf8CodeUnitCount })
    for (index, piece) in enumerated() {
      if index > 0 { separator.withUTF8Buffer { joined.bytes += $0 } }
      joined.bytes += piece.bytes
    }
    return joined
  }
}
