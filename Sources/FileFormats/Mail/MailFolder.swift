// The file side of reading mail: the `.eml` files under a folder, in a stable order, and one
// message file's bytes (refusing files over the size limit before reading them).
import Foundation

/// Lists and reads message files.
enum MailFolder {
    /// Every `.eml` file under `folder` (recursively, any case of the extension), sorted by
    /// relative path; each with its path and the name shown to users (`folder/sub/a.eml`).
    static func emlFiles(in folder: String) -> [(path: String, shown: String)] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var relative: [String] = []
        while let entry = walker.nextObject() as? String {
            if (entry as NSString).pathExtension.lowercased() == "eml" { relative.append(entry) }
        }
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        return relative.sorted().compactMap { entry in
            var isDirectory: ObjCBool = false
            let path = base + entry
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                return nil
            }
            return (path, path)
        }
    }

    /// The bytes of the file at `path`.
    ///
    /// - Throws: `.io` when it cannot be read; `.invalidData` when it is larger than `limit`.
    static func contents(of path: String, shown: String, limit: Int) throws(FileFormatError) -> [UInt8] {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        guard size <= limit else {
            throw FileFormatError(.invalidData, file: shown, line: 1, message: "message larger than \(limit) bytes, skipped")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileFormatError(.io, file: shown, message: "cannot read the file")
        }
        return [UInt8](data)
    }
}
