// Tests of ModelRegistry: version folder names, register (moving in and activating), activate,
// list, and a missing or dangling ACTIVE file.
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
    #expect(registry.list().isEmpty)
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

    let elsewhere = root.appendingPathComponent("20251125-090000-lstm")
    try fakeCheckpoint(at: elsewhere)
    #expect(try registry.register(newVersionAt: elsewhere) == "20251125-090000-lstm")
    #expect(!FileManager.default.fileExists(atPath: elsewhere.path), "moved into the registry")
    #expect(registry.list().map(\.name) == ["20251124-160000-transformer", "20251125-090000-lstm"])
    #expect(registry.list().map(\.isActive) == [false, true])
    #expect(registry.activeModelDirectory()?.lastPathComponent == "20251125-090000-lstm")

    try registry.activate("20251124-160000-transformer")
    #expect(registry.activeModelDirectory()?.lastPathComponent == "20251124-160000-transformer")
    try FileManager.default.removeItem(at: first)
    #expect(registry.activeModelDirectory() == nil, "ACTIVE naming a deleted version gives no model")
}

@Test func registeringAFolderWithoutCheckpointFails() throws {
    let root = try TestFixtures.folder([:])
    defer { try? FileManager.default.removeItem(at: root) }
    let registry = ModelRegistry(root: root.appendingPathComponent("models"))
    #expect(throws: FileFormatError.self) { try registry.register(newVersionAt: root) }
    #expect(registry.activeName() == nil)
}
