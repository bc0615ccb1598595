// Tests of ModelRegistry: version folder names, register (moving in and activating), activate,
// list, and a missing or dangling ACTIVE file; with a store: back-fill, the table winning, rollback.
import ConversationStorage
import FileFormats
import Foundation
import LanguageModeling
import ModelLifecycle
import Testing
import TestSupport

/// A fake checkpoint folder (only config.json matters to the registry).
private func fakeCheckpoint(at url: URL) throws {
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    try Data("{}".utf8).write(to: url.appendingPathComponent(ChatModel.CheckpointFile.config))
}

@Test func registryWithoutActiveFileHasNoActiveModel() throws {
    let root = try TestFixtures.folder([:])
    defer { try? FileManager.default.removeItem(at: root) }
    let registry = ModelRegistry(root: root.appendingPathComponent("models"))
    #expect(registry.activeName() == nil)
    #expect(registry.activeModelDirectory() == nil)
    #expect(try registry.list().isEmpty)
    #expect(throws: FileFormatError.self) { try registry.activate("nothing") }
}

@Test func registerMovesAVersionInAndActivatesIt() throws {
    let root = try TestFixtures.folder([:])
    defer { try? FileManager.default.removeItem(at: root) }
    let registry = ModelRegistry(root: root.appendingPathComponent("models"))
    let date = Date(timeIntervalSince1970: 1_764_000_000)  // 2025-11-24 16:00:00 UTC
    let first = registry.newVersionDirectory(architecture: "transformer", date: date)
    #expect(first.lastPathComponent == "20251124-160000-transformer")
    try fakeCheckpoint(at: first)
    #expect(registry.newVersionDirectory(architecture: "transformer", date: date).lastPathComponent == "20251124-160000-transformer-2")
    try registry.register(newVersionAt: first)
    #expect(registry.activeName() == "20251124-160000-transformer")
    #expect(first.deletingLastPathComponent() == registry.stagingRoot, "new versions are saved in the staging folder")
    #expect(!FileManager.default.fileExists(atPath: first.path), "and published from it with one rename")

    let elsewhere = root.appendingPathComponent("20251125-090000-lstm")
    try fakeCheckpoint(at: elsewhere)
    #expect(try registry.register(newVersionAt: elsewhere) == "20251125-090000-lstm")
    #expect(!FileManager.default.fileExists(atPath: elsewhere.path), "moved into the registry")
    #expect(try registry.list().map(\.name) == ["20251124-160000-transformer", "20251125-090000-lstm"])
    #expect(try registry.list().map(\.isActive) == [false, true])
    #expect(registry.activeModelDirectory()?.lastPathComponent == "20251125-090000-lstm")

    try registry.activate("20251124-160000-transformer")
    #expect(registry.activeModelDirectory()?.lastPathComponent == "20251124-160000-transformer")
    try FileManager.default.removeItem(at: registry.root.appendingPathComponent(first.lastPathComponent))
    #expect(registry.activeModelDirectory() == nil, "ACTIVE naming a deleted version gives no model")
}

@Test func registeringAFolderWithoutCheckpointFails() throws {
    let root = try TestFixtures.folder([:])
    defer { try? FileManager.default.removeItem(at: root) }
    let registry = ModelRegistry(root: root.appendingPathComponent("models"))
    #expect(throws: FileFormatError.self) { try registry.register(newVersionAt: root) }
    #expect(registry.activeName() == nil)
}

/// A registry in a fresh folder recorded in a fresh SQLite store.
private func storeRegistry(_ root: URL) throws -> ModelRegistry {
    ModelRegistry(root: root.appendingPathComponent("models"),
                  store: try SQLiteConversationStore(path: root.appendingPathComponent("store.sqlite").path))
}

@Test func theTableIsBackFilledFromTheFoldersAndWinsOverActive() throws {
    let root = try TestFixtures.folder([:])
    defer { try? FileManager.default.removeItem(at: root) }
    let folders = ModelRegistry(root: root.appendingPathComponent("models"))
    try fakeCheckpoint(at: folders.root.appendingPathComponent("20251124-160000-transformer"))
    try fakeCheckpoint(at: folders.root.appendingPathComponent("20251125-090000-transformer"))
    try folders.activate("20251125-090000-transformer")

    let registry = try storeRegistry(root)
    let listed = try registry.list()
    #expect(listed.map(\.name) == ["20251124-160000-transformer", "20251125-090000-transformer"])
    #expect(listed.map(\.status) == [.retired, .active], "the folder ACTIVE names is back-filled as active")
    #expect(try registry.store?.modelVersions().count == 2)

    try folders.activate("20251124-160000-transformer")  // ACTIVE changed behind the table's back
    _ = try registry.synchronise()
    #expect(registry.activeName() == "20251125-090000-transformer", "the table wins")
}

@Test func registerActivateRejectAndRollBackThroughTheTable() throws {
    let root = try TestFixtures.folder([:])
    defer { try? FileManager.default.removeItem(at: root) }
    let registry = try storeRegistry(root)
    let first = root.appendingPathComponent("20251124-160000-transformer")
    let second = root.appendingPathComponent("20251125-090000-transformer")
    let poisoned = root.appendingPathComponent("20251126-090000-transformer")
    for folder in [first, second, poisoned] { try fakeCheckpoint(at: folder) }
    try registry.register(newVersionAt: first, dataHash: "aaaa")
    try registry.register(newVersionAt: second, parent: "20251124-160000-transformer", dataHash: "bbbb", metricsJSON: #"{"x":1}"#)
    try registry.register(newVersionAt: poisoned, status: .rejected, parent: "20251125-090000-transformer")
    #expect(registry.activeName() == "20251125-090000-transformer", "a rejected version never becomes active")
    let shown = try registry.version(named: "20251125-090000-transformer")
    #expect(shown.parent == "20251124-160000-transformer" && shown.dataHash == "bbbb" && shown.metricsJSON == #"{"x":1}"#)
    #expect(try registry.list().map(\.status) == [.retired, .active, .rejected])

    let (from, to) = try registry.rollback()
    #expect(from == "20251125-090000-transformer" && to == "20251124-160000-transformer")
    #expect(registry.activeName() == "20251124-160000-transformer")
    #expect(try registry.store?.modelVersion(id: "20251124-160000-transformer")?.status == .active)
    #expect(throws: FileFormatError.self) { try registry.rollback() }  // the first version has no earlier one
    #expect(throws: FileFormatError.self) { try registry.version(named: "nope") }
}
