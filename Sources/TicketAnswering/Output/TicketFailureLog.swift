// The errors file of a run: one JSON line per record that could not be read or answered, with
// its file, line or byte offset and the reason (never the customer's text).
import Foundation
import Primitives

/// Writes failures as JSON Lines to a file or to standard error.
public final class TicketFailureLog {
    private let handle: FileHandle
    /// The path, or "standard error", for messages.
    private let shown: String
    private let closesHandle: Bool

    /// The file at `path` (created or truncated), or standard error when nil.
    public init(path: String?) throws {
        shown = path ?? "standard error"
        guard let path else {
            handle = .standardError
            closesHandle = false
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
            throw TicketAnsweringError("cannot write the errors file \(path)")
        }
        handle = file
        closesHandle = true
    }

    /// Appends one failure.
    public func record(_ failure: TicketReadFailure) throws {
        do {
            try handle.write(contentsOf: Data((Self.line(failure) + "\n").utf8))
        } catch {
            throw TicketAnsweringError("cannot write the errors file \(shown): \(SystemErrorText.describe(error))")
        }
    }

    /// Closes the file (standard error stays open).
    public func close() throws {
        if closesHandle { try handle.close() }
    }

    /// `{"file":…,"line":…,"byte_offset":…,"reason":…}` (null where unknown).
    public static func line(_ failure: TicketReadFailure) -> String {
        let location = failure.location
        return "{\"file\":\(JSONString.quoted(location.file)),\"line\":\(location.line.map(String.init) ?? "null"),"
            + "\"byte_offset\":\(location.byteOffset.map(String.init) ?? "null"),\"reason\":\(JSONString.quoted(failure.reason))}"
    }
}
