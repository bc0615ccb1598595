// Where a command's text output goes: standard output or a file given with -o, written in
// buffered chunks so that exporting a large store does not hold it all in memory.
import Foundation

/// Buffered text output to standard output or a file.
final class OutputSink {
    private let handle: FileHandle
    private let closesHandle: Bool
    private var buffer = Data()

    /// Standard output when `path` is nil, else the file at `path` (created or truncated).
    init(path: String?) throws {
        guard let path else {
            handle = .standardOutput
            closesHandle = false
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let file = FileHandle(forWritingAtPath: path)
        else { throw CommandFailure("cannot write \(path)") }
        handle = file
        closesHandle = true
    }

    /// Appends `text`, flushing every 64 KiB.
    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Writes out what is buffered.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and, for a file, closes it.
    func close() throws {
        try flush()
        if closesHandle { try handle.close() }
    }
}
