/// A piece of an HTML page as UTF-8 bytes, written as a string literal with interpolations.
///
/// What is interpolated says how it is taken: `\(text: string)` is text, escaped as
/// `htmlEscaped` escapes it; `\(markup: string)` is markup PendCheck wrote or a word it
/// chose, copied as it stands; another `HTMLMarkup` and an integer are copied in. A `String`
/// cannot be interpolated without saying which it is, so nothing from a document or a
/// request reaches the page unescaped by accident.
///
/// A small element of the page (a table row's cells, a heading, a banner) is written as one of
/// these and appended to the `HTMLPage` once; anything that holds a list of elements is written
/// into the page piece by piece instead, so that no element is copied into the one around it.
struct HTMLMarkup: ExpressibleByStringInterpolation, CustomStringConvertible {
  private(set) var bytes: [UInt8]

  init(stringLiteral literal: StaticString) {
    bytes = []
    literal.withUTF8Buffer { bytes += $0 }
  }

  init(stringInterpolation: Interpolation) { bytes = stringInterpolation.bytes }

  /// The markup as a string.
  var description: String { String(decoding: bytes, as: UTF8.self) }

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
