// The `models/` folder: one subfolder per trained version (`yyyyMMdd-HHmmss-<arch>/`, a
// checkpoint), and `models/ACTIVE`, a text file naming the version commands use by default.
import FileFormats
import Foundation
import LanguageModeling

/// Model versions under one folder, and which one is active.
public struct ModelRegistry: Sendable {
    /// The name of the file holding the active version's name.
    public static let activeFileName = "ACTIVE"
    /// The registry folder (default `models` in the working directory).
    public let root: URL

    /// A registry rooted at `root`.
    public init(root: URL = URL(fileURLWithPath: "models")) {
        self.root = root
    }

    /// The version named in `ACTIVE`, or nil when the file is missing or empty.
    public func activeName() -> String? {
        let file = root.appendingPathComponent(Self.activeFileName)
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return name.isEmpty ? nil : name
    }

    /// The active version's checkpoint folder, or nil when none is active or its folder has no checkpoint.
    public func activeModelDirectory() -> URL? {
        guard let name = activeName() else { return nil }
        let directory = root.appendingPathComponent(name)
        return Self.holdsCheckpoint(directory) ? directory : nil
    }

    /// Every version (subfolders holding a checkpoint), oldest first (names sort by time).
    public func list() -> [RegisteredModel] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        let active = activeName()
        return names.sorted().compactMap { name in
            let directory = root.appendingPathComponent(name)
            guard Self.holdsCheckpoint(directory) else { return nil }
            return RegisteredModel(name: name, directory: directory, isActive: name == active)
        }
    }

    /// A new, not yet existing version folder for `architecture` trained at `date` (UTC).
    public func newVersionDirectory(architecture: String, date: Date = Date()) -> URL {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let base = "\(formatter.string(from: date))-\(architecture)"
        var name = base
        var suffix = 2
        while FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path) {
            name = "\(base)-\(suffix)"
            suffix += 1
        }
        return root.appendingPathComponent(name)
    }

    /// Adds the checkpoint at `directory` (moved into the registry if it is elsewhere) and makes it active.
    ///
    /// - Returns: the version's name.
    @discardableResult
    public func register(newVersionAt directory: URL) throws -> String {
        guard Self.holdsCheckpoint(directory) else {
            throw FileFormatError(.invalidData, file: directory.path, message: "not a model checkpoint (no \(ChatModel.CheckpointFile.config))")
        }
        let name = directory.lastPathComponent
        let target = root.appendingPathComponent(name)
        if directory.standardizedFileURL.path != target.standardizedFileURL.path {
            do {
                try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
                try FileManager.default.moveItem(at: directory, to: target)
            } catch {
                throw FileFormatError(.io, file: target.path, message: "cannot move the model into the registry: \(error.localizedDescription)")
            }
        }
        try activate(name)
        return name
    }

    /// Makes the version `name` active.
    public func activate(_ name: String) throws {
        let directory = root.appendingPathComponent(name)
        guard !name.contains("/"), Self.holdsCheckpoint(directory) else {
            throw FileFormatError(.invalidData, file: root.path, message: "no model version \"\(name)\"")
        }
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try Data((name + "\n").utf8).write(to: root.appendingPathComponent(Self.activeFileName), options: .atomic)
        } catch {
            throw FileFormatError(.io, file: root.appendingPathComponent(Self.activeFileName).path,
                               message: "cannot write: \(error.localizedDescription)")
        }
    }

    /// Whether `directory` holds a checkpoint's config.json.
    public static func holdsCheckpoint(_ directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(ChatModel.CheckpointFile.config).path)
    }
}
