// Reads a file in fixed-size chunks so that readers of large files (ticket exports of a
// gigabyte) keep memory flat: the one place that opens a file for streaming.
import Foundation

/// Reads a file's bytes one chunk at a time.
public final class ByteChunkReader {
    /// The file as the user named it, for problems.
    public let displayPath: String
    private let handle: FileHandle
    private let chunkSize: Int

    /// Opens `url` for reading; `displayPath` names it in problems.
    ///
    /// - Throws: `FileFormatError` `.io` when the file cannot be opened.
    public init(contentsOf url: URL, displayPath: String? = nil, chunkSize: Int = 1 << 20) throws(FileFormatError) {
        let shown = displayPath ?? url.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue,
              let handle = FileHandle(forReadingAtPath: url.path) else {
            throw FileFormatError(.io, file: shown, message: "cannot read the file")
        }
        self.displayPath = shown
        self.handle = handle
        self.chunkSize = max(4, chunkSize)
    }

    deinit { try? handle.close() }

    /// The next chunk, or nil at the end of the file.
    ///
    /// - Throws: `FileFormatError` `.io` when reading fails.
    public func nextChunk() throws(FileFormatError) -> [UInt8]? {
        let data: Data?
        do {
            data = try handle.read(upToCount: chunkSize)
        } catch {
            throw FileFormatError(.io, file: displayPath, message: "cannot read the file (\(error.localizedDescription))")
        }
        guard let data, !data.isEmpty else { return nil }
        return [UInt8](data)
    }
}
