import Model
import Testing

@testable import Facts

/// What a note remembers for its detectors: an answer is computed the first time it is asked
/// for and kept, a `nil` answer included.
@Suite struct NoteMemoryTests {
  @Test("an optional answer is computed once, and a nil answer is remembered as nil")
  func optionalAnswersAreComputedOnce() {
    let note = Note(Fixtures.annotate("Pain 7/10 in the low back."))
    var computed = 0

    let first: Bool? = note.remembered(.isPsychReport) {
      computed += 1
      return nil
    }
    let second: Bool? = note.remembered(.isPsychReport) {
      computed += 1
      return true
    }

    #expect(first == nil)
    #expect(second == nil)
    #expect(computed == 1)
  }

  @Test("answers for different purposes or sentences are kept apart")
  func answersAreKeptApart() {
    let note = Note(Fixtures.annotate("Pain 7/10. Relief 80 %."))

    let first = note.remembered(.painScores, of: 0..<4, inSentence: 0) { 1 }
    let other = note.remembered(.painScores, of: 0..<4, inSentence: 1) { 2 }
    let again = note.remembered(.painScores, of: 0..<4, inSentence: 0) { 3 }

    #expect([first, other, again] == [1, 2, 1])
  }

  @Test("answers for two purposes of one range are kept apart")
  func purposesAreKeptApart() {
    let note = Note(Fixtures.annotate("Pain 7/10. Relief 80 %."))

    let scores = note.remembered(.painScores, of: 0..<4, inSentence: 0) { 1 }
    let relief = note.remembered(.reliefStatements, of: 0..<4, inSentence: 0) { 2 }

    #expect([scores, relief] == [1, 2])
  }

  @Test("ranges whose words hash alike are still told apart")
  func rangesThatHashAlikeAreKeptApart() {
    let note = Note(Fixtures.annotate("Pain 7/10. Relief 80 %."))

    // 0 * 65,536 + 65,537 and 1 * 65,536 + 1: the same word hashed.
    let long = note.remembered(.treatmentSplit, of: 0..<65_537, inSentence: 0) { 1 }
    let short = note.remembered(.treatmentSplit, of: 1..<1, inSentence: 0) { 2 }

    #expect([long, short] == [1, 2])
  }

  @Test("answers of different types for different purposes are each found again as kept")
  func answersOfEachTypeAreFoundAgain() {
    let note = Note(Fixtures.annotate("Pain 7/10. Relief 80 %."))
    var computed = 0
    func count<Value>(_ value: Value) -> Value {
      computed += 1
      return value
    }

    for _ in 0..<2 {
      let scores = note.remembered(.painScores, of: 0..<4, inSentence: 0) { count([7, 10]) }
      let isPsych = note.remembered(.isPsychReport) { count(false) }
      let date = note.remembered(.writtenDate, of: 5..<9, inSentence: 1) { count("03/14") }
      let none = note.remembered(.nearestProcedure, of: 0..<4, inSentence: 1) {
        count(String?.none)
      }

      #expect(scores == [7, 10])
      #expect(!isPsych)
      #expect(date == "03/14")
      #expect(none == nil)
    }
    #expect(computed == 4)
  }

  @Test("a lexicon's matches are its own whichever lexicons were asked about before")
  func lexiconHitsDoNotDependOnWhatWasAskedBefore() {
    let text = "She completed physical therapy for lumbar radiculopathy without relief."
    let lexicons = Note.domainLexicons
    let alone = lexicons.map { Note(Fixtures.annotate(text)).hits($0, in: 0..<text.utf16.count) }
    let note = Note(Fixtures.annotate(text))

    for order in [lexicons, lexicons.reversed()] {
      let asked = order.map { note.hits($0, in: 0..<text.utf16.count) }
      let inOrder = order == lexicons ? asked : asked.reversed()
      #expect(inOrder.map { $0.map(\.concept) } == alone.map { $0.map(\.concept) })
    }
    // "therapies" and "diagnoses" are named alike in length, and each finds its own.
    let therapies = note.hits("therapies", in: 0..<text.utf16.count)
    let diagnoses = note.hits("diagnoses", in: 0..<text.utf16.count)
    #expect(!therapies.isEmpty && therapies.allSatisfy { $0.lexicon == "therapies" })
    #expect(!diagnoses.isEmpty && diagnoses.allSatisfy { $0.lexicon == "diagnoses" })
  }

  @Test("a whole sentence's answer is computed once per sentence, a nil answer included")
  func wholeSentenceAnswersAreComputedOnce() {
    let note = Note(Fixtures.annotate("Pain 7/10. Relief 80 %."))
    var computed = 0
    func count<Value>(_ value: Value) -> Value {
      computed += 1
      return value
    }

    for _ in 0..<2 {
      let first = note.remembered(.painScores, ofSentence: 0) { count([7]) }
      let second = note.remembered(.painScores, ofSentence: 1) { count([8]) }
      let none = note.remembered(.procedureMentions, ofSentence: 1) { count(Int?.none) }

      #expect(first == [7])
      #expect(second == [8])
      #expect(none == nil)
    }
    #expect(computed == 3)
  }

  @Test("a note's answer and a sentence's answer for one purpose are kept apart")
  func noteAndSentenceAnswersAreKeptApart() {
    let note = Note(Fixtures.annotate("Pain 7/10. Relief 80 %."))

    let ofNote = note.remembered(.treatments) { 1 }
    let ofSentence = note.remembered(.treatments, ofSentence: 0) { 2 }
    let ofRange = note.remembered(.treatments, of: 0..<4, inSentence: 0) { 3 }

    #expect([ofNote, ofSentence, ofRange] == [1, 2, 3])
  }
}

/// A rule listed twice among the detectors reads each sentence once and gives its facts
/// twice, one after the other, as two readings would.
@Suite struct RuleReadTwiceTests {
  private struct Limits: FactRule {
    func facts(in passage: Passage, of reading: CaseReading) -> [Fact] {
      [true, false].map { present in
        passage.fact(
          .functionalDisability(FunctionalDisability(present: present, instrument: .narrative)),
          rule: present ? "stated" : "denied")
      }
    }
  }

  @Test("the facts of a rule read twice are its facts, twice over, in order")
  func factsAreGivenTwiceInOrder() {
    let note = Note(Fixtures.annotate("Unable to sit for more than 20 minutes."))
    let reading = CaseReading(noteDate: nil, concernsCRPS: false)
    let passage = note.passages[0]

    let once = Limits().facts(in: passage, of: reading)
    let twice = ReadTwice(Limits()).facts(in: passage, of: reading)

    #expect(twice.map(\.derivation?.rule) == ["stated", "denied", "stated", "denied"])
    #expect(twice == once + once)
  }
}
