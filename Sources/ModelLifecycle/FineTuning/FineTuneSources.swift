// Where a fine-tuning run's new conversations come from: transcript files and the store.
import ConversationStorage
import Foundation

/// Transcript files and, optionally, the conversations of a store.
public struct FineTuneSources: Sendable {
    /// JSON Lines transcript files or folders of them.
    public var transcripts: [String]
    /// The store to read conversations and feedback from (nil: not from the store).
    public var store: (any ConversationStore)?
    /// Only conversations started at or after this time (nil: all).
    public var since: Date?

    /// Sources as given.
    public init(transcripts: [String] = [], store: (any ConversationStore)? = nil, since: Date? = nil) {
        self.transcripts = transcripts
        self.store = store
        self.since = since
    }

    /// Every source as `kind:where`, for the training record.
    public var described: [String] {
        transcripts.map { "transcripts:\($0)" }
            + (store == nil ? [] : ["store:" + (since.map { "since \(ISO8601DateFormatter().string(from: $0))" } ?? "all")])
    }

    /// The exchanges of every source, transcripts first.
    public func exchanges() throws -> [Exchange] {
        var all = try Exchange.exchanges(transcriptPaths: transcripts)
        if let store { all += try Exchange.exchanges(in: store, since: since) }
        return all
    }
}
