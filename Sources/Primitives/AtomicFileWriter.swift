// A file written piece by piece (an export, a report) that appears at its path only once whole:
// the pieces go to a temporary file beside it; `commit` fsyncs and renames it into place.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A streaming crash-safe write: nothing is at the target path until `commit`, then the whole file.
public final class AtomicFileWriter {
    /// The file this writer replaces on `commit`.
    public let url: URL
    /// The temporary file the pieces go to, in the same folder (a rename never crosses file systems).
    public let temporaryURL: URL
    private var descriptor: Int32

    /// Opens a temporary file beside `url` (`.<name>.<pid>.<random>.tmp`); `url` is untouched until `commit`.
    public init(url: URL) throws(AtomicFileError) {
        self.url = url
        let name = ".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0 ... .max)).tmp"
        temporaryURL = url.deletingLastPathComponent().appendingPathComponent(name)
        descriptor = open(temporaryURL.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw AtomicFileError(path: url.path, "cannot create a temporary file beside it: \(SystemErrorText.describe(errno))")
        }
    }

    deinit {
        if descriptor >= 0 { abandon() }
    }

    /// Appends `data` (all of it, or throws: a full disk is an error, not a short file).
    public func append(_ data: Data) throws(AtomicFileError) {
        guard descriptor >= 0 else { throw AtomicFileError(path: url.path, "the file was already committed or abandoned") }
        let failure: Int32? = data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure { throw AtomicFileError(path: url.path, "cannot write: \(SystemErrorText.describe(failure))") }
    }

    /// Appends `text` in UTF-8.
    public func append(_ text: String) throws(AtomicFileError) {
        try append(Data(text.utf8))
    }

    /// fsyncs the temporary file, renames it over `url` and fsyncs the folder; on failure the
    /// temporary file is removed and `url` keeps its old content.
    public func commit() throws(AtomicFileError) {
        guard descriptor >= 0 else { throw AtomicFileError(path: url.path, "the file was already committed or abandoned") }
        let synced = fsync(descriptor) == 0 ? nil : errno
        let closed = close(descriptor) == 0 ? nil : errno
        descriptor = -1
        if let problem = synced ?? closed {
            unlink(temporaryURL.path)
            throw AtomicFileError(path: url.path, "cannot write: \(SystemErrorText.describe(problem))")
        }
        guard rename(temporaryURL.path, url.path) == 0 else {
            let problem = errno
            unlink(temporaryURL.path)
            throw AtomicFileError(path: url.path, "cannot replace: \(SystemErrorText.describe(problem))")
        }
        try AtomicFile.syncFolder(url.deletingLastPathComponent())
    }

    /// Closes and removes the temporary file; `url` keeps its old content.
    public func abandon() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlink(temporaryURL.path)
    }
}
