/// An option a command accepts: `--name VALUE`, or a flag `--name` when `valueName` is nil.
struct OptionSpec {
  let name: String
  let valueName: String?
  let help: String

  init(_ name: String, value valueName: String? = nil, help: String) {
    self.name = name
    self.valueName = valueName
    self.help = help
  }
}

/// What a command line said, once checked against the command's options.
struct ParsedArguments {
  var positional: [String] = []
  var values: [String: String] = [:]
  var flags: Set<String> = []

  func value(_ name: String) -> String? { values[name] }
  func has(_ flag: String) -> Bool { flags.contains(flag) }
}

/// A command line that does not fit the command: shown with a pointer to `--help`.
struct UsageError: Error {
  let message: String
  let command: String?

  var text: String {
    let help = command.map { "pendcheck \($0) --help" } ?? "pendcheck --help"
    return "pendcheck: \(message)\nRun '\(help)' for usage."
  }
}

enum ArgumentParser {
  /// Splits `arguments` into positional arguments, option values and flags.
  ///
  /// `--name=value` and `--name value` are both accepted; `--` ends the options. An unknown
  /// option is an error that suggests the nearest known one.
  static func parse(_ arguments: [String], options: [OptionSpec], command: String)
    throws(UsageError) -> ParsedArguments
  {
    var parsed = ParsedArguments()
    var remaining = arguments[...]

    while let argument = remaining.popFirst() {
      if argument == "--" {
        parsed.positional += remaining
        break
      }
      guard argument.hasPrefix("-"), argument.count > 1 else {
        parsed.positional.append(argument)
        continue
      }

      let (name, inlineValue) = split(argument)
      guard let spec = options.first(where: { $0.name == name }) else {
        throw UsageError(message: unknownOptionMessage(name, options), command: command)
      }
      guard spec.valueName != nil else {
        if inlineValue != nil {
          throw UsageError(message: "option --\(name) takes no value", command: command)
        }
        parsed.flags.insert(name)
        continue
      }
      guard let value = inlineValue ?? remaining.popFirst() else {
        throw UsageError(
          message: "option --\(name) needs a value (\(spec.valueName ?? "VALUE"))",
          command: command)
      }
      parsed.values[name] = value
    }
    return parsed
  }

  private static func split(_ argument: String) -> (String, String?) {
    let body = argument.drop { $0 == "-" }
    guard let equals = body.firstIndex(of: "=") else { return (String(body), nil) }
    return (String(body[..<equals]), String(body[body.index(after: equals)...]))
  }

  private static func unknownOptionMessage(_ name: String, _ options: [OptionSpec]) -> String {
    let nearest = options.map(\.name).min { editDistance($0, name) < editDistance($1, name) }
    guard let nearest, editDistance(nearest, name) <= 3 else {
      return "unknown option --\(name)"
    }
    return "unknown option --\(name); did you mean --\(nearest)?"
  }

  /// Levenshtein distance, for suggesting a misspelt option.
  static func editDistance(_ first: String, _ second: String) -> Int {
    let a = Array(first)
    let b = Array(second)
    var previous = Array(0...b.count)
    for (i, characterA) in a.enumerated() {
      var current = [i + 1]
      for (j, characterB) in b.enumerated() {
        let substitution = previous[j] + (characterA == characterB ? 0 : 1)
        current.append(min(substitution, previous[j + 1] + 1, current[j] + 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
