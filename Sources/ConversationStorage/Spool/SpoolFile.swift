// The local spool: an append-only JSON Lines file of writes that could not reach the database,
// each line fsync'd before the write is acknowledged, locked to one process at a time.
import Foundation
import Primitives

/// One spooled write.
package struct SpoolEntry: Codable, Sendable, Equatable {
    /// Which write it is.
    package enum Operation: String, Codable, Sendable {
        case startConversation = "start_conversation"
        case endConversation = "end_conversation"
        case appendMessage = "append_message"
        case recordFeedback = "record_feedback"
    }

    /// The kind of write.
    package var op: Operation
    /// For `start_conversation`.
    package var conversation: Conversation?
    /// For `append_message`.
    package var message: Message?
    /// For `record_feedback`.
    package var feedback: Feedback?
    /// For `end_conversation`: which conversation.
    package var conversationID: UUID?
    /// For `end_conversation`: the final status.
    package var status: ConversationStatus?
    /// For `end_conversation`: when it ended.
    package var endedAt: Date?

    enum CodingKeys: String, CodingKey {
        case op, conversation, message, feedback, status
        case conversationID = "conversation_id", endedAt = "ended_at"
    }
}

/// An fsync'd JSON Lines file of `SpoolEntry`s (times as integer microseconds since 1970).
package final class SpoolFile {
    /// The file's path.
    package let path: String
    private var descriptor: Int32
    /// How many entries are waiting.
    package private(set) var count = 0

    /// Opens (creating) the spool at `path` and takes an exclusive lock on it.
    package init(path: String) throws(StorageError) {
        self.path = path
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .spoolFailed("cannot open spool \(path): errno \(errno)") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw .spoolFailed("spool \(path) is in use by another process")
        }
        count = try entries().count
    }

    deinit { close(descriptor) }

    /// Appends one entry and fsyncs; when this returns the entry survives a crash.
    package func append(_ entry: SpoolEntry) throws(StorageError) {
        var line: Data
        do { line = try Self.encoder.encode(entry) } catch { throw .spoolFailed("cannot encode spool entry") }
        line.append(UInt8(ascii: "\n"))
        try writeAll(line, to: descriptor)
        guard fsync(descriptor) == 0 else { throw .spoolFailed("fsync of spool \(path) failed: errno \(errno)") }
        count += 1
    }

    /// Every waiting entry in order. A torn last line (a crash mid-append, never acknowledged) is skipped.
    package func entries() throws(StorageError) -> [SpoolEntry] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        var entries: [SpoolEntry] = []
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where !line.isEmpty {
            do {
                entries.append(try Self.decoder.decode(SpoolEntry.self, from: Data(line)))
            } catch {
                if index == lines.count - 1 { break }
                throw .spoolFailed("spool \(path) line \(index + 1) is not a valid entry")
            }
        }
        return entries
    }

    /// Keeps only `remaining` (the entries not yet replayed), atomically and durably.
    package func replace(with remaining: [SpoolEntry]) throws(StorageError) {
        if remaining.isEmpty {
            guard ftruncate(descriptor, 0) == 0, fsync(descriptor) == 0 else {
                throw .spoolFailed("cannot truncate spool \(path): errno \(errno)")
            }
            count = 0
            return
        }
        var data = Data()
        for entry in remaining {
            do { data.append(try Self.encoder.encode(entry)) } catch { throw .spoolFailed("cannot encode spool entry") }
            data.append(UInt8(ascii: "\n"))
        }
        do {
            try AtomicFile.write(data, to: URL(fileURLWithPath: path))
        } catch {
            throw .spoolFailed("cannot replace spool \(error.description)")
        }
        let reopened = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard reopened >= 0, flock(reopened, LOCK_EX | LOCK_NB) == 0 else { throw .spoolFailed("cannot reopen spool \(path)") }
        close(descriptor)
        descriptor = reopened
        count = remaining.count
    }

    private func writeAll(_ data: Data, to file: Int32) throws(StorageError) {
        let failed = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let written = write(file, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 { if errno == EINTR { continue }; return true }
                offset += written
            }
            return false
        }
        if failed { throw .spoolFailed("write to spool \(path) failed: errno \(errno)") }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.microseconds)
        }
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            Date(microseconds: try decoder.singleValueContainer().decode(Int64.self))
        }
        return decoder
    }()
}
