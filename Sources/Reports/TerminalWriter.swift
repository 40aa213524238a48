import Model

/// Builds wrapped terminal text line by line; colour is applied after wrapping, so it never
/// counts toward the width.
struct TerminalWriter {
  let width: Int
  let colored: Bool
  private(set) var text = ""

  init(width: Int, colored: Bool) {
    self.width = width
    self.colored = colored
  }

  /// Labels of `labelled` lines are padded to this many characters, so values line up.
  static let defaultLabelWidth = 9

  mutating func blank() { text += "\n" }

  /// A paragraph at the left margin; its first line styled.
  mutating func line(_ content: String, style: ANSIStyle? = nil) {
    for (index, wrapped) in Self.wrap(content, width: width).enumerated() {
      text += (index == 0 ? style?.apply(wrapped, colored: colored) : nil) ?? wrapped
      text += "\n"
    }
  }

  /// A paragraph whose every line starts `indent` spaces in.
  mutating func indented(_ content: String, by indent: Int) {
    let margin = String(repeating: " ", count: indent)
    for wrapped in Self.wrap(content, width: width - indent) { text += margin + wrapped + "\n" }
  }

  /// A styled label, then its value. With a label width the value's continuation lines line
  /// up under its first word; without one they are indented two spaces past the label's start.
  mutating func labelled(
    _ label: String, _ value: String, style: ANSIStyle = .bold,
    labelWidth: Int = defaultLabelWidth, indent: Int = 0
  ) {
    let padding = String(repeating: " ", count: max(labelWidth - label.count, 0) + 1)
    let margin = String(repeating: " ", count: indent)
    let firstRoom = width - indent - label.count - padding.count
    let continuation = labelWidth > 0 ? indent + label.count + padding.count : indent + 2

    let lines = Self.wrap(value, width: firstRoom, continuingAt: width - continuation)
    text += margin + style.apply(label, colored: colored) + padding + lines[0] + "\n"
    for wrapped in lines.dropFirst() {
      text += String(repeating: " ", count: continuation) + wrapped + "\n"
    }
  }

  /// Word-wraps `content`: the first line to `width` characters, the others to
  /// `continuingAt` (default `width`). A word longer than a line is broken. Always at least
  /// one line, possibly empty.
  static func wrap(_ content: String, width: Int, continuingAt later: Int? = nil) -> [String] {
    var lines: [String] = []
    var current = ""
    func room() -> Int { max(lines.isEmpty ? width : (later ?? width), 10) }

    for word in content.terminalSafe.split(separator: " ") {
      var word = word
      if !current.isEmpty, current.count + 1 + word.count <= room() {
        current += " " + word
        continue
      }
      if !current.isEmpty { lines.append(current) }
      while word.count > room() {
        lines.append(String(word.prefix(room())))
        word = word.dropFirst(room())
      }
      current = String(word)
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }
}

extension String {
  /// The string with whitespace folded to single spaces and every other control character
  /// (C0, DEL, C1) replaced by U+FFFD, so text from a document cannot move the cursor,
  /// change colours or retitle the terminal.
  var terminalSafe: String {
    var safe = ""
    for scalar in collapsingWhitespace.unicodeScalars {
      let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
      safe.unicodeScalars.append(isControl ? "\u{FFFD}" : scalar)
    }
    return safe
  }
}
