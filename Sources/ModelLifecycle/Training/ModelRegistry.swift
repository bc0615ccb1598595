// The model versions: weights in `models/<name>/` (one checkpoint folder each) and, when a store
// is given, one model_versions row each (parent, data hash, metrics, status), which is the truth;
// `models/ACTIVE` names the active version as a cache, so starting a chat needs no database.
import ConversationStorage
import FileFormats
import Foundation
import LanguageModeling
import Primitives

/// Model versions under one folder, their rows in the store, and which one is active.
public struct ModelRegistry: Sendable {
    /// The name of the file holding the active version's name.
    public static let activeFileName = "ACTIVE"
    /// The registry folder (default `models` in the working directory).
    public let root: URL
    /// The store whose model_versions table is the truth (nil: the folders and ACTIVE alone).
    public let store: (any ConversationStore)?

    /// A registry rooted at `root`, recorded in `store` if given.
    public init(root: URL = URL(fileURLWithPath: "models"), store: (any ConversationStore)? = nil) {
        self.root = root
        self.store = store
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

    /// Every version, oldest first: the table's rows whose folder holds a checkpoint (after
    /// `synchronise`), or without a store the folders (names sort by time).
    public func list() throws -> [RegisteredModel] {
        if store != nil {
            return try synchronise().compactMap { row in
                let directory = root.appendingPathComponent(row.id)
                guard Self.holdsCheckpoint(directory) else { return nil }
                return RegisteredModel(name: row.id, directory: directory, isActive: row.status == .active, status: row.status,
                                       parent: row.parentID, dataHash: row.dataHash, createdAt: row.createdAt,
                                       metricsJSON: row.metricsJSON)
            }
        }
        let active = activeName()
        return folderNames().map { name in
            RegisteredModel(name: name, directory: root.appendingPathComponent(name), isActive: name == active)
        }
    }

    /// The version called `name`; throws when there is none.
    public func version(named name: String) throws -> RegisteredModel {
        guard let found = try list().first(where: { $0.name == name }) else {
            throw FileFormatError(.invalidData, file: root.path, message: "no model version \"\(name)\"")
        }
        return found
    }

    /// The folder new versions are written in before `register` publishes them with one rename;
    /// what a killed run leaves there is never listed and may be deleted.
    public var stagingRoot: URL { root.appendingPathComponent(".incomplete") }

    /// A new version's folder to save into, in `stagingRoot` (`register` moves it into `root`):
    /// named after `architecture` and `date` (UTC), unused in both folders.
    public func newVersionDirectory(architecture: String, date: Date = Date()) -> URL {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let base = "\(formatter.string(from: date))-\(architecture)"
        var name = base
        var suffix = 2
        while FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path)
            || FileManager.default.fileExists(atPath: stagingRoot.appendingPathComponent(name).path) {
            name = "\(base)-\(suffix)"
            suffix += 1
        }
        return stagingRoot.appendingPathComponent(name)
    }

    /// Adds the checkpoint at `directory` (moved into the registry with one rename if it is
    /// elsewhere on the same file system, e.g. in `stagingRoot`) with `status`; an active one
    /// becomes the active version, `ACTIVE` being rewritten last.
    ///
    /// - Returns: the version's name.
    @discardableResult
    public func register(newVersionAt directory: URL, status: ModelVersionStatus = .active, parent: String? = nil,
                         dataHash: String? = nil, metricsJSON: String = "{}") throws -> String {
        guard Self.holdsCheckpoint(directory) else {
            throw FileFormatError(.invalidData, file: directory.path, message: "not a model checkpoint (no \(ChatModel.CheckpointFile.config))")
        }
        let name = directory.lastPathComponent
        let target = root.appendingPathComponent(name)
        if directory.standardizedFileURL.path != target.standardizedFileURL.path {
            guard !FileManager.default.fileExists(atPath: target.path) else {
                throw FileFormatError(.invalidData, file: target.path, message: "a version with this name exists already")
            }
            do {
                try AtomicFile.publishFolder(directory, to: target)
            } catch {
                throw FileFormatError(.io, file: target.path, message: "cannot move the model into the registry: \(error.message)")
            }
        }
        if let store {
            _ = try synchronise()
            try store.saveModelVersion(ModelVersion(id: name, parentID: parent, path: target.path, dataHash: dataHash,
                                                    metricsJSON: metricsJSON, status: status))
        }
        if status == .active { try writeActiveFile(name) }
        return name
    }

    /// Makes the version `name` active (the previous active one is retired).
    public func activate(_ name: String) throws {
        let directory = root.appendingPathComponent(name)
        guard !name.contains("/"), Self.holdsCheckpoint(directory) else {
            throw FileFormatError(.invalidData, file: root.path, message: "no model version \"\(name)\"")
        }
        if let store {
            _ = try synchronise()
            try store.activateModelVersion(id: name)
        }
        try writeActiveFile(name)
    }

    /// Gives the version `name` a status other than active (e.g. rejected by the gate).
    public func setStatus(_ status: ModelVersionStatus, of name: String) throws {
        guard status != .active else { return try activate(name) }
        try store?.setModelVersionStatus(id: name, status: status)
    }

    /// Makes the version before the active one active again: its parent if it has one, else the
    /// newest older version that was active once (retired). Returns the (old, new) names.
    public func rollback() throws -> (from: String, to: String) {
        let versions = try list()
        guard let current = versions.last(where: \.isActive) else {
            throw FileFormatError(.invalidData, file: root.path, message: "no version is active, so there is nothing to roll back")
        }
        let older = versions.prefix { $0.name != current.name }
        let previous = versions.first(where: { $0.name == current.parent && $0.status != .rejected })
            ?? older.last(where: { $0.status == .retired || $0.status == nil })
        guard let previous else {
            throw FileFormatError(.invalidData, file: root.path, message: "\(current.name) has no earlier version to roll back to")
        }
        try activate(previous.name)
        return (current.name, previous.name)
    }

    /// Makes the folders, the table and `ACTIVE` agree, the table winning: folders without a row
    /// are back-filled (active if `ACTIVE` names them and the table has no active version, else
    /// retired; parent and data hash from their `training.json`), then `ACTIVE` is rewritten to
    /// name the table's active version (or removed when it has none). Returns the rows, oldest first.
    @discardableResult
    public func synchronise() throws -> [ModelVersion] {
        guard let store else { return [] }
        let existing = try store.modelVersions()
        let known = Set(existing.map(\.id))
        let cached = activeName()
        var hasActive = existing.contains { $0.status == .active }
        var inserted = known
        for name in folderNames() where !known.contains(name) {
            let directory = root.appendingPathComponent(name)
            let record = try? TrainingRecord.load(from: directory)
            let status: ModelVersionStatus = name == cached && !hasActive ? .active : .retired
            hasActive = hasActive || status == .active
            let parent = record?.parent.flatMap { inserted.contains($0) ? $0 : nil }
            try store.saveModelVersion(ModelVersion(id: name, parentID: parent, createdAt: Self.creationDate(of: directory),
                                                    path: directory.path, dataHash: record?.dataHash, status: status))
            inserted.insert(name)
        }
        let rows = try store.modelVersions()
        let active = rows.first { $0.status == .active && Self.holdsCheckpoint(root.appendingPathComponent($0.id)) }?.id
        if active != cached {
            if let active {
                try writeActiveFile(active)
            } else {
                try? FileManager.default.removeItem(at: root.appendingPathComponent(Self.activeFileName))
            }
        }
        return rows
    }

    /// Whether `directory` holds a checkpoint's config.json.
    public static func holdsCheckpoint(_ directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(ChatModel.CheckpointFile.config).path)
    }

    /// The subfolders holding a checkpoint, sorted by name (that is, by time).
    private func folderNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.sorted().filter { Self.holdsCheckpoint(root.appendingPathComponent($0)) }
    }

    /// When a back-filled version was trained: the time its name starts with (`yyyyMMdd-HHmmss`),
    /// else the folder's modification time.
    static func creationDate(of directory: URL) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        if let date = formatter.date(from: String(directory.lastPathComponent.prefix(15))) { return date }
        let attributes = try? FileManager.default.attributesOfItem(atPath: directory.path)
        return attributes?[.modificationDate] as? Date ?? Date()
    }

    private func writeActiveFile(_ name: String) throws {
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try AtomicFile.write(name + "\n", to: root.appendingPathComponent(Self.activeFileName))
        } catch {
            throw FileFormatError(.io, file: root.appendingPathComponent(Self.activeFileName).path,
                                  message: "cannot write: \(error.localizedDescription)")
        }
    }
}
