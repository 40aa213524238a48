import Foundation

/// An HTML page as it is written: markup appended in reading order into one growing buffer.
///
/// `HTMLReport` writes each section straight into the page, so every element is appended
/// once, where it ends up, rather than built on its own and then copied into each element
/// around it. A small element is still written as an `HTMLMarkup` literal, which keeps it
/// readable as the markup it makes; a literal without interpolations is copied from the
/// binary as it stands. What is appended says how it is taken, as in `HTMLMarkup`:
/// `append(text:)` escapes, `append(markup:)` copies markup PendCheck wrote or a word it chose.
struct HTMLPage: ~Copyable {
  private var output: OutputBytes

  /// A page with room for `capacity` bytes before it first grows.
  init(capacity: Int) { output = OutputBytes(capacity: capacity) }

  mutating func append(_ literal: StaticString) { output.append(literal) }

  // Disfavoured so that a literal without interpolations is taken as a `StaticString` (the
  // overload above, which copies it from the binary) instead of being made into an
  // `HTMLMarkup` first; a literal with interpolations can only be an `HTMLMarkup`.
  @_disfavoredOverload
  mutating func append(_ markup: HTMLMarkup) { output.append(markup.bytes) }

  /// Appends `text`, escaped.
  mutating func append(text: String) {
    HTMLEscaping.forEachEscapedRun(of: text) { output.append($0) }
  }

  /// Appends the text of UTF-16 `units`, escaped, and returns `true`, when every unit is
  /// ASCII: the bytes `append(text:)` writes for the units' string, without making it.
  /// Appends nothing and returns `false` otherwise.
  mutating func append(asciiText units: UnsafeBufferPointer<UInt16>) -> Bool {
    guard !units.contains(where: { $0 >= 0x80 }) else { return false }

    HTMLEscaping.forEachEscapedRun(ofASCII: units) {
      output.append(narrowing: $0)
    } replace: {
      output.append($0)
    }
    return true
  }

  mutating func append(markup: String) {
    var markup = markup
    markup.withUTF8 { output.append($0) }
  }

  /// Appends the decimal digits of `number`, without making its `String`.
  mutating func append(_ number: Int) { DecimalDigits.write(number) { output.append($0) } }

  /// Writes each of `elements` with `write`, with `separator` between each two.
  mutating func append<Element>(
    _ elements: some Sequence<Element>, separator: StaticString,
    each write: (Element, inout HTMLPage) -> Void
  ) {
    var isFirst = true
    for element in elements {
      if !isFirst { append(separator) }
      write(element, &self)
      isFirst = false
    }
  }

  /// The page's bytes as they stand.
  var data: Data { Data(output.written) }

  /// The page as a string, every byte checked as UTF-8 once more.
  var text: String { String(decoding: output.written, as: UTF8.self) }
}
