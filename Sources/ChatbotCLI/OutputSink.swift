// Where a command's text output goes: standard output or a file given with -o, written in
// buffered chunks so that exporting a large store does not hold it all in memory. A file is
// written crash-safely (`AtomicFileWriter`): it appears whole at `close`, or the old one stays.
import Foundation
import Primitives

/// Buffered text output to standard output or a file.
final class OutputSink {
    private enum Target {
        case standardOutput
        case file(AtomicFileWriter)
    }

    private let target: Target
    private var buffer = Data()

    /// Standard output when `path` is nil, else the file at `path` (replaced when `close` succeeds).
    init(path: String?) throws {
        guard let path else {
            target = .standardOutput
            return
        }
        do {
            target = .file(try AtomicFileWriter(url: URL(fileURLWithPath: path)))
        } catch {
            throw CommandFailure("cannot write \(error.description)")
        }
    }

    /// Appends `text`, flushing every 64 KiB.
    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Writes out what is buffered.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        switch target {
        case .standardOutput:
            try FileHandle.standardOutput.write(contentsOf: buffer)
        case .file(let writer):
            do { try writer.append(buffer) } catch { throw CommandFailure("cannot write \(error.description)") }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and, for a file, puts it in place (until then the path keeps its old content).
    func close() throws {
        try flush()
        if case .file(let writer) = target {
            do { try writer.commit() } catch { throw CommandFailure("cannot write \(error.description)") }
        }
    }
}
