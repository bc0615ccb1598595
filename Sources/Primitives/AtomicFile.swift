// Crash-safe file writes: the new content goes to a temporary file in the target's folder, is
// fsync'd, renamed over the target, and the folder is fsync'd, so a kill or a power cut at any
// moment leaves the old file or the new one, never a torn one. Folders are published the same way.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes files and publishes folders so that readers only ever see a whole old or a whole new state.
public enum AtomicFile {
    /// Replaces the file at `url` with `data` durably (temporary file, fsync, rename, folder fsync).
    public static func write(_ data: Data, to url: URL) throws(AtomicFileError) {
        let writer = try AtomicFileWriter(url: url)
        do {
            try writer.append(data)
            try writer.commit()
        } catch {
            writer.abandon()
            throw error
        }
    }

    /// Replaces the file at `url` with `text` in UTF-8, durably.
    public static func write(_ text: String, to url: URL) throws(AtomicFileError) {
        try write(Data(text.utf8), to: url)
    }

    /// Where to write a folder that `publishFolder` will move to `target`: `.<name>.incomplete`
    /// beside it (same file system; a leftover from a killed run is never mistaken for `target`).
    public static func stagingFolder(for target: URL) -> URL {
        target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).incomplete")
    }

    /// Moves the finished folder `source` to `target` in one rename on the same file system, after
    /// fsyncing everything in it, then fsyncs both parent folders: `target` appears whole or not at
    /// all. An existing `target` is first renamed aside (`.<name>.replaced`) and removed afterwards;
    /// a kill between those two renames leaves the old folder under that name (Linux's atomic
    /// exchange, renameat2, is not importable from Swift here).
    public static func publishFolder(_ source: URL, to target: URL) throws(AtomicFileError) {
        try syncTree(source)
        let parent = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw AtomicFileError(path: parent.path, "cannot create the folder: \(error.localizedDescription)")
        }
        let replaced = parent.appendingPathComponent(".\(target.lastPathComponent).replaced")
        let hadTarget = FileManager.default.fileExists(atPath: target.path)
        if hadTarget {
            try? FileManager.default.removeItem(at: replaced)
            guard rename(target.path, replaced.path) == 0 else {
                throw AtomicFileError(path: target.path, "cannot move the old folder aside: \(SystemErrorText.describe(errno))")
            }
        }
        guard rename(source.path, target.path) == 0 else {
            let problem = errno
            if hadTarget { rename(replaced.path, target.path) }
            throw AtomicFileError(path: target.path, "cannot move \(source.path) here: \(SystemErrorText.describe(problem))")
        }
        try syncFolder(parent)
        try syncFolder(source.deletingLastPathComponent())
        if hadTarget { try? FileManager.default.removeItem(at: replaced) }
    }

    /// fsyncs the folder at `url`, making the names created, renamed or removed in it durable.
    public static func syncFolder(_ url: URL) throws(AtomicFileError) {
        let descriptor = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw AtomicFileError(path: url.path, "cannot open the folder: \(SystemErrorText.describe(errno))") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw AtomicFileError(path: url.path, "fsync failed: \(SystemErrorText.describe(errno))") }
    }

    /// fsyncs every file and folder under `url` (a folder written by code that did not sync each file).
    static func syncTree(_ url: URL) throws(AtomicFileError) {
        let paths = (FileManager.default.subpaths(atPath: url.path) ?? []).map { url.appendingPathComponent($0).path }
        for path in paths + [url.path] {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw AtomicFileError(path: path, "cannot open: \(SystemErrorText.describe(errno))") }
            defer { close(descriptor) }
            guard fsync(descriptor) == 0 else { throw AtomicFileError(path: path, "fsync failed: \(SystemErrorText.describe(errno))") }
        }
    }
}
