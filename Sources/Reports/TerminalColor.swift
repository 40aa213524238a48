/// Decides whether terminal output may carry ANSI colour.
public enum TerminalColor {
  /// Whether to colour output: only on a terminal, and never when `NO_COLOR` is set to a
  /// non-empty value (https://no-color.org) or `TERM` is `dumb`.
  ///
  /// - Parameters:
  ///   - isTerminal: whether standard output is a terminal (`isatty(1)`).
  ///   - environment: the process environment.
  public static func shouldColor(isTerminal: Bool, environment: [String: String]) -> Bool {
    guard isTerminal else { return false }
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
    return environment["TERM"] != "dumb"
  }
}

/// The ANSI styles the terminal report uses.
enum ANSIStyle: String {
  case bold = "1"
  case dim = "2"
  case green = "32"
  case yellow = "33"
  case blue = "34"
  case red = "31"

  /// The text wrapped in this style, or unchanged when colour is off.
  func apply(_ text: String, colored: Bool) -> String {
    colored ? "\u{1B}[\(rawValue)m\(text)\u{1B}[0m" : text
  }
}
