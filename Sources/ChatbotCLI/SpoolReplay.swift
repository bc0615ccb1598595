// The end of `chatbot chat` on PostgreSQL: writes spooled during an outage (the conversation's
// close among them) are replayed with a bounded wait, and what is still left is reported.
import ConversationStorage
import Foundation

/// Replays a spool on the way out and words what is left.
package enum SpoolReplay {
    /// How long `chatbot chat` waits for the database on exit, in seconds.
    package static let exitTimeout: TimeInterval = 5

    /// Replays `store`'s spool for up to `timeout` seconds. Returns nil when nothing is left,
    /// else a notice saying how many operations wait in the spool and where.
    package static func finish(_ store: SpoolingConversationStore, timeout: TimeInterval) -> String? {
        let failure: String?
        do {
            failure = try store.flush(timeout: timeout) ? nil : "the database did not come back within \(format(timeout)) s"
        } catch {
            failure = "replaying it failed: \(error.message)"
        }
        let left = store.pendingCount
        guard let failure, left > 0 else { return nil }
        let path = URL(fileURLWithPath: store.spoolPath).standardizedFileURL.path
        return "\(left) operation\(left == 1 ? "" : "s") left in the spool at \(path) (\(failure)); "
            + "they are replayed the next time chatbot opens the PostgreSQL store from this folder"
    }

    private static func format(_ seconds: TimeInterval) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
