import Foundation
import Testing

@testable import Language

@Suite struct LexiconFormatTests {
  @Test func entryLineGivesConceptVariantsAndAttributes() throws {
    let entries = try parse(
      """
      # medications
      @version 1
      meloxicam | Mobic; Vivlodex | class=nsaid route=oral
      """)

    #expect(entries.count == 1)
    #expect(entries[0].concept == "meloxicam")
    #expect(entries[0].variants == ["Mobic", "Vivlodex"])
    #expect(entries[0].attributes == ["class": "nsaid", "route": "oral"])
    #expect(entries[0].line == 3)
    #expect(entries[0].lexicon == "test")
  }

  @Test func conceptAloneIsItsOwnPhrase() throws {
    let entries = try parse("@version 1\nstraight leg raise\n")
    #expect(entries[0].phrases == ["straight leg raise"])
  }

  @Test func defaultsApplyToTheEntriesAfterThemAndEntriesOverrideThem() throws {
    let entries = try parse(
      """
      @version 1
      @defaults category=sensory kind=symptom
      allodynia | | kind=sign
      hyperesthesia
      """)

    #expect(entries[0].attributes == ["category": "sensory", "kind": "sign"])
    #expect(entries[1].attributes == ["category": "sensory", "kind": "symptom"])
  }

  @Test(arguments: [
    ("@version 1\na | b | c=d | e\n", 2, "more than three"),
    ("@version 1\n | b\n", 2, "concept"),
    ("@version 1\na | b;; c\n", 2, "empty variant"),
    ("@version 1\na | b | class\n", 2, "key=value"),
    ("@version 1\na | b | class=x class=y\n", 2, "given twice"),
    ("@version 1\n@include other.txt\n", 2, "unknown directive"),
    ("@version 1\n@version 1\n", 2, "second @version"),
  ])
  func malformedLineIsReportedWithFileAndLine(text: String, line: Int, reason: String) {
    #expect {
      try parse(text)
    } throws: { error in
      guard case .malformedLine(let file, let found, let message) = error as? LexiconError
      else { return false }
      return file == "test.txt" && found == line && message.contains(reason)
    }
  }

  @Test(
    "attributes are read alike in ASCII and beyond it",
    arguments: [
      ("k=v\tk2-x=v_2  route=oral", ["k": "v", "k2-x": "v_2", "route": "oral"]),
      ("clé=v k²=w", ["clé": "v", "k²": "w"]), ("k=café  x_y=1", ["k": "café", "x_y": "1"]),
    ])
  func attributesAreReadAlike(field: String, attributes: [String: String]) throws {
    let entries = try parse("@version 1\na | b | \(field)\n")
    #expect(entries[0].attributes == attributes)
  }

  @Test(
    "an attribute key is a letter, then letters, digits, '_' or '-'",
    arguments: [
      "1k=v", "_k=v", "k.x=v", "k=", "=v", "k=v=w", "²k=v", "k é=v", "k==v", "k=v=", "kv",
      "clé==v",
    ])
  func malformedAttributeKeysAreRejected(field: String) {
    #expect(throws: LexiconError.self) { try parse("@version 1\na | b | \(field)\n") }
  }

  @Test func fileWithoutVersionHeaderIsRejected() {
    #expect(throws: LexiconError.missingVersion(file: "test.txt")) {
      try parse("# no header\nmeloxicam | Mobic\n")
    }
  }

  @Test func newerFormatVersionIsRejected() {
    #expect(throws: LexiconError.unsupportedVersion(file: "test.txt", line: 1, version: "2")) {
      try parse("@version 2\nmeloxicam\n")
    }
  }

  @Test func errorMessageNamesFileAndLine() {
    let error = LexiconError.malformedLine(file: "therapies.txt", line: 12, reason: "bad")
    #expect(error.message == "therapies.txt:12: bad")
  }

  @Test func everyCheckedInLexiconLoads() throws {
    let lexicons = try Lexicons.load(from: Fixtures.lexiconDirectory)
    for structural in StructuralLexicon.allCases {
      #expect(!lexicons.entries(in: structural.rawValue).isEmpty, "\(structural.rawValue)")
    }
  }

  @Test(
    "a lexicon is named by its file stem, as URL's path extension and last component give it",
    arguments: ["abbreviations.txt", "pseudo-negation.txt", "a b.txt", "é.txt", "x%20y.txt"])
  func lexiconIsNamedByItsFileStem(fileName: String) {
    let file = URL(fileURLWithPath: "/lexicons").appendingPathComponent(fileName)

    #expect(
      Lexicons.lexiconName(ofFileNamed: fileName)
        == file.deletingPathExtension().lastPathComponent)
  }

  @Test("a file name with another period is left to URL", arguments: [".txt", "a.b.txt"])
  func otherFileNamesAreLeftToURL(fileName: String) {
    #expect(Lexicons.lexiconName(ofFileNamed: fileName) == nil)
  }

  @Test func directoryLoadNamesTheBrokenFile() throws {
    let directory = Fixtures.temporaryDirectory()
    try "@version 1\nfine\n".write(
      to: directory.appendingPathComponent("good.txt"), atomically: true, encoding: .utf8)
    try "@version 1\nbroken | a | nokey\n".write(
      to: directory.appendingPathComponent("bad.txt"), atomically: true, encoding: .utf8)

    #expect(
      throws: LexiconError.malformedLine(
        file: "bad.txt", line: 2, reason: "attribute 'nokey' is not of the form key=value")
    ) {
      try Lexicons.load(from: directory)
    }
  }

  @Test func unknownSectionKindIsRejected() throws {
    let directory = Fixtures.temporaryDirectory()
    try "@version 1\nbogusSection | Bogus\n".write(
      to: directory.appendingPathComponent("sections.txt"), atomically: true, encoding: .utf8)

    #expect {
      try Lexicons.load(from: directory)
    } throws: { error in
      guard case .invalidEntry("sections.txt", 2, _) = error as? LexiconError else { return false }
      return true
    }
  }

  @Test func emptyDirectoryIsReported() {
    let directory = Fixtures.temporaryDirectory()
    #expect(throws: LexiconError.noLexicons(directory: directory.path)) {
      try Lexicons.load(from: directory)
    }
  }

  @Test func environmentOverrideWinsForDefaultDirectory() {
    let url = Lexicons.defaultDirectory(environment: ["PENDCHECK_LEXICONS": "/tmp/lex"])
    #expect(url?.path == "/tmp/lex")
  }

  @Test func installedShareDirectoryIsFoundNextToTheExecutable() throws {
    let prefix = Fixtures.temporaryDirectory()
    let installed = prefix.appendingPathComponent("share/pendcheck/Lexicons")
    try FileManager.default.createDirectory(at: installed, withIntermediateDirectories: true)
    let executable = prefix.appendingPathComponent("bin/pendcheck")

    let found = Lexicons.defaultDirectory(environment: [:], executable: executable)
    #expect(found?.standardizedFileURL.path == installed.standardizedFileURL.path)
  }

  @Test func checkoutLexiconsAreFoundWalkingUpFromTheExecutable() throws {
    let checkout = Fixtures.temporaryDirectory()
    let lexicons = checkout.appendingPathComponent("Lexicons")
    try FileManager.default.createDirectory(at: lexicons, withIntermediateDirectories: true)
    try "// manifest".write(
      to: checkout.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
    let executable = checkout.appendingPathComponent(".build/x86_64/debug/pendcheck")

    let found = Lexicons.defaultDirectory(environment: [:], executable: executable)
    #expect(found?.standardizedFileURL.path == lexicons.standardizedFileURL.path)
  }

  @Test func noLexiconsAnywhereGivesNil() {
    let executable = Fixtures.temporaryDirectory().appendingPathComponent("bin/pendcheck")
    #expect(Lexicons.defaultDirectory(environment: [:], executable: executable) == nil)
  }

  @Test func defaultDirectoryIsFoundFromTheBuiltExecutable() {
    let url = Lexicons.defaultDirectory(environment: [:])
    #expect(url?.standardizedFileURL.path == Fixtures.lexiconDirectory.standardizedFileURL.path)
  }

  private func parse(_ text: String) throws -> [LexiconEntry] {
    try LexiconParser(fileName: "test.txt", lexicon: "test").entries(in: text)
  }
}
