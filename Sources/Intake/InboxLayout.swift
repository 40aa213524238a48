import Foundation

/// The folders intake works with: where cases arrive, where they are claimed while being
/// processed, and where reports, finished cases and failed cases go.
///
/// By default the reports, done and failed folders sit beside the inbox
/// (`/srv/intake/inbox` → `/srv/intake/reports`, `/srv/intake/done`, `/srv/intake/failed`).
/// Claimed cases wait in `INBOX/.claimed`, on the inbox's own file system, so that claiming
/// is one atomic rename.
public struct InboxLayout: Sendable {
  public let inbox: URL
  public let reports: URL
  public let done: URL
  public let failed: URL

  /// Cases taken for processing; whatever is here at start-up was left by a run that died.
  public var claimed: URL { inbox.appendingPathComponent(".claimed", isDirectory: true) }

  /// Content fingerprints of reported cases, for recognising the same PDFs dropped again.
  var fingerprints: URL { reports.appendingPathComponent(".fingerprints", isDirectory: true) }

  public init(inbox: URL, reports: URL? = nil, done: URL? = nil, failed: URL? = nil) {
    let parent = inbox.standardizedFileURL.deletingLastPathComponent()
    self.inbox = inbox.standardizedFileURL
    self.reports = reports ?? parent.appendingPathComponent("reports", isDirectory: true)
    self.done = done ?? parent.appendingPathComponent("done", isDirectory: true)
    self.failed = failed ?? parent.appendingPathComponent("failed", isDirectory: true)
  }

  /// Creates every folder that does not exist yet; reports are readable by the owner only.
  public func prepare() throws(IntakeError) {
    guard FileManager.default.fileExists(atPath: inbox.path) else {
      throw .inboxMissing(path: inbox.path)
    }
    for folder in [claimed, reports, fingerprints, done, failed] {
      do {
        try FileManager.default.createDirectory(
          at: folder, withIntermediateDirectories: true,
          attributes: [.posixPermissions: 0o700])
      } catch {
        throw .cannotCreate(path: folder.path, reason: error.localizedDescription)
      }
    }
  }
}

/// Why intake cannot run at all (a single case's failure is never one of these).
public enum IntakeError: Error, Sendable {
  case inboxMissing(path: String)
  case cannotCreate(path: String, reason: String)
  case cannotWatch(path: String, reason: String)
  case cannotStartWorker(reason: String)

  public var message: String {
    switch self {
    case .inboxMissing(let path):
      "\(path): the inbox folder does not exist; create it or name another."
    case .cannotCreate(let path, let reason):
      "\(path): cannot create the folder (\(reason))."
    case .cannotWatch(let path, let reason):
      "\(path): cannot watch the folder for new files (\(reason))."
    case .cannotStartWorker(let reason):
      "cannot start a worker process (\(reason)); the case was not read."
    }
  }
}
