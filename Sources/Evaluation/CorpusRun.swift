import Dispatch
import Foundation
import Model
import Review

/// Finds the gold cases under a folder and reviews each of them with the tool.
public enum CorpusRun {
  /// Every folder under `root` (itself included) that holds a `gold.json`, in path order.
  public static func caseFolders(under root: URL) -> [URL] {
    let manager = FileManager.default
    guard let walker = manager.enumerator(at: root, includingPropertiesForKeys: nil) else {
      return []
    }
    var folders: [URL] = []
    if manager.fileExists(atPath: root.appendingPathComponent("gold.json").path) {
      folders.append(root)
    }
    for case let url as URL in walker where url.lastPathComponent == "gold.json" {
      folders.append(url.deletingLastPathComponent())
    }
    return folders.sorted { $0.path < $1.path }
  }

  /// Reviews every case folder, one per core at a time, and pairs each report with its gold.
  ///
  /// - Throws: `GoldFileError` when a gold file cannot be read: a scoring run on a broken
  ///   gold file would report numbers that mean nothing.
  public static func score(_ folders: [URL], reviewer: CaseReviewer) throws -> [ScoredCase] {
    let golds = try folders.map(readGold)
    let results = ResultSlots<ScoredCase>(count: folders.count)

    DispatchQueue.concurrentPerform(iterations: folders.count) { index in
      results[index] = review(folders[index], gold: golds[index], reviewer: reviewer)
    }
    return results.values
  }

  private static func review(_ folder: URL, gold: GoldCase, reviewer: CaseReviewer) -> ScoredCase {
    let split = ["dev", "test"].first { folder.pathComponents.contains($0) }
    do {
      let input = try CaseInput.at(folder)
      let reviewed = try reviewer.review(input)
      return ScoredCase(gold: gold, report: reviewed.report, split: split)
    } catch {
      return ScoredCase(gold: gold, report: nil, failure: error.message, split: split)
    }
  }

  static func readGold(_ folder: URL) throws -> GoldCase {
    let url = folder.appendingPathComponent("gold.json")
    do {
      return try JSONDecoder().decode(GoldCase.self, from: Data(contentsOf: url))
    } catch {
      throw GoldFileError(path: url.path, reason: "\(error)")
    }
  }
}

/// A gold file that cannot be read or does not follow facts-v1.
public struct GoldFileError: Error, Sendable {
  public let path: String
  public let reason: String

  public var message: String { "\(path): not a valid facts-v1 gold file: \(reason)" }
}

/// Fixed slots that concurrent workers fill, one index each.
final class ResultSlots<Value>: @unchecked Sendable {
  // Safe because every index is written by exactly one worker and read after all finish.
  private var slots: [Value?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  subscript(index: Int) -> Value? {
    get { lock.withLock { slots[index] } }
    set { lock.withLock { slots[index] = newValue } }
  }

  var values: [Value] { lock.withLock { slots.compactMap { $0 } } }
}
