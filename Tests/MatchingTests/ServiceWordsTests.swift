import Testing

@testable import Matching

/// A requested service is matched against guideline terms word by word, without letter case
/// or punctuation, in ASCII and beyond.
struct ServiceWordsTests {
  @Test(
    "a phrase is found as whole words, whatever its case and punctuation",
    arguments: [
      ("Lumbar MBB, L4-5 (diagnostic)", "l4 5", true),
      ("Lumbar MBB, L4-5 (diagnostic)", "Diagnostic", true),
      ("Lumbar MBB, L4-5 (diagnostic)", "mbb l4", true),
      ("Lumbar MBB, L4-5 (diagnostic)", "lumbar mbb, l4", true),
      ("Lumbar MBB, L4-5 (diagnostic)", "diag", false),
      ("Lumbar MBB, L4-5 (diagnostic)", "mb", false),
      ("SCS trial - pre-operative", "preoperative", false),
      ("SCS trial - pre-operative", "pre operative", true),
      ("SCS trial - pre-operative", "pre-operative", true),
      ("Stellate ganglion block — right", "ganglion block right", true),
      ("Bloc du ganglion étoilé", "étoilé", true),
      ("Bloc du ganglion étoilé", "etoile", false),
      ("", "block", false),
      ("block", "--", false),
      ("  RFA\r\nL3/L4__L5  ", "rfa l3 l4 l5", true),
      ("  RFA\r\nL3/L4__L5  ", "l4l5", false),
      ("Caudal ESI x2", "esi x2", true),
      ("Caudal ESI x2", "esi x", false),
    ])
  func findsWholeWords(service: String, phrase: String, found: Bool) {
    #expect(ServiceWords(service).contains(phrase) == found)
  }
}
