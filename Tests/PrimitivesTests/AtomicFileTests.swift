// The crash-safe writes in-process: the target holds the old content until commit, temporary
// files do not outlive a finished or abandoned write, folders are published whole, and a
// failure names the file and the system's reason.
import Foundation
import Primitives
import Testing

private func scratchFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

private func names(in folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
}

@Test func writeReplacesTheFileAndLeavesNoTemporaryFile() throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("ACTIVE")
    try AtomicFile.write("old\n", to: url)
    try AtomicFile.write("new, with ü and 🙂\n", to: url)
    #expect(try String(contentsOf: url, encoding: .utf8) == "new, with ü and 🙂\n")
    try AtomicFile.write("", to: url)
    #expect(try Data(contentsOf: url).isEmpty)
    #expect(try names(in: folder) == ["ACTIVE"])
}

@Test func aStreamedFileKeepsItsOldContentUntilCommit() throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("export.jsonl")
    try AtomicFile.write("old\n", to: url)
    let writer = try AtomicFileWriter(url: url)
    for index in 0..<1000 { try writer.append("{\"line\": \(index)}\n") }
    #expect(try String(contentsOf: url, encoding: .utf8) == "old\n", "nothing reaches the target before commit")
    #expect(FileManager.default.fileExists(atPath: writer.temporaryURL.path))
    #expect(writer.temporaryURL.deletingLastPathComponent().path == folder.path, "the temporary file is beside the target")
    try writer.commit()
    #expect(try String(contentsOf: url, encoding: .utf8).split(separator: "\n").count == 1000)
    #expect(try names(in: folder) == ["export.jsonl"])
    #expect(throws: AtomicFileError.self) { try writer.append("late") }
}

@Test func anAbandonedWriteLeavesTheOldFileAndNoTemporary() throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("answers.csv")
    try AtomicFile.write("id,reply\n", to: url)
    do {
        let writer = try AtomicFileWriter(url: url)
        try writer.append("half a reco")
        writer.abandon()
    }
    do {
        let dropped = try AtomicFileWriter(url: url)
        try dropped.append("dropped without commit")
    }
    #expect(try String(contentsOf: url, encoding: .utf8) == "id,reply\n")
    #expect(try names(in: folder) == ["answers.csv"])
}

@Test func aFailedWriteNamesTheFileAndTheReason() throws {
    let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-folder-\(UUID().uuidString)/model.json")
    let error = try #require(throws: AtomicFileError.self) { try AtomicFile.write("x", to: missing) }
    #expect(error.path == missing.path)
    #expect(error.description.contains("No such file or directory"), "\(error)")
    #expect(!FileManager.default.fileExists(atPath: missing.deletingLastPathComponent().path))
}

@Test func publishingAFolderMovesItWholeAndReplacesAnOldOne() throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("models/v1")
    let staging = AtomicFile.stagingFolder(for: target)
    #expect(staging.lastPathComponent == ".v1.incomplete")
    try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    try AtomicFile.write("weights 1", to: staging.appendingPathComponent("model.safetensors"))
    try AtomicFile.publishFolder(staging, to: target)
    #expect(try String(contentsOf: target.appendingPathComponent("model.safetensors"), encoding: .utf8) == "weights 1")
    #expect(!FileManager.default.fileExists(atPath: staging.path))

    try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    try AtomicFile.write("weights 2", to: staging.appendingPathComponent("model.safetensors"))
    try AtomicFile.publishFolder(staging, to: target)
    #expect(try String(contentsOf: target.appendingPathComponent("model.safetensors"), encoding: .utf8) == "weights 2")
    #expect(try names(in: target.deletingLastPathComponent()) == ["v1"], "no staging or replaced folder is left")
}
