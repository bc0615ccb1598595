// A full disk while saving a model, exporting transcripts and writing answers: each command fails
// with a clear error naming the file and "No space left on device", and nothing half-written is
// left looking whole — no model folder, the old export intact, the answers file ending in a whole
// record. The disk is a 64 KiB tmpfs mounted for the test; that needs root with CAP_SYS_ADMIN,
// which an unprivileged CI container lacks, so the suite runs where mounting works and says so
// when it is skipped (the mount is the only thing it needs; it never fakes one).
import ArgumentParser
import ChatbotCLI
import Foundation
import Glibc
import ModelLifecycle
import Testing
import TestSupport

/// A small tmpfs mounted at a fresh folder, unmounted by `unmount()`.
private struct SmallDisk {
    let folder: URL

    /// Mounts `bytes` of tmpfs, or nil when this process may not mount.
    init?(bytes: Int) {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("small-disk-\(UUID().uuidString)")
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else { return nil }
        guard mount("tmpfs", folder.path, "tmpfs", 0, "size=\(bytes)") == 0 else {
            try? FileManager.default.removeItem(at: folder)
            return nil
        }
    }

    func unmount() {
        umount(folder.path)
        try? FileManager.default.removeItem(at: folder)
    }

    /// Whether a tmpfs can be mounted here (root with CAP_SYS_ADMIN).
    static let isAvailable: Bool = {
        guard let disk = SmallDisk(bytes: 4096) else { return false }
        disk.unmount()
        return true
    }()
}

/// What the command's failure says, on one line.
private func failure(of arguments: [String]) -> String {
    do {
        var command = try ChatbotCommand.parseAsRoot(arguments)
        try command.run()
        return "no error"
    } catch {
        return ChatbotCommand.message(for: error)
    }
}

@Suite(.serialized, .enabled(if: SmallDisk.isAvailable, "needs to mount a tmpfs (root with CAP_SYS_ADMIN)"))
struct DiskFullTests {
    @Test func savingAModelOnAFullDiskFailsClearlyAndLeavesNoModelFolder() throws {
        let folder = try TestFixtures.folder([
            "settings.json": #"{"model_width": 32, "layer_count": 1, "head_count": 2, "context_length": 48, "lm_pretraining_epochs": 1, "sparse_buckets": 4096, "batch_size": 8}"#,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let intents = folder.appendingPathComponent("intents")
        try FileManager.default.createDirectory(at: intents, withIntermediateDirectories: true)
        try "name: greeting\ndescription: Hello.\nexamples:\n  - \"hello\"\n  - \"hi there\"\n  - \"hey\"\nresponses:\n  - \"Hello!\"\n"
            .write(to: intents.appendingPathComponent("greeting.yaml"), atomically: true, encoding: .utf8)
        try "name: refund\ndescription: Money back.\nexamples:\n  - \"I want a refund\"\n  - \"refund my payment\"\n  - \"money back\"\nresponses:\n  - \"Your refund is on its way.\"\n"
            .write(to: intents.appendingPathComponent("refund.yaml"), atomically: true, encoding: .utf8)
        let disk = try #require(SmallDisk(bytes: 64 << 10))
        defer { disk.unmount() }
        let out = disk.folder.appendingPathComponent("model")
        let message = failure(of: ["train", "--intents", folder.appendingPathComponent("intents").path, "--epochs", "1",
                                   "--config", folder.appendingPathComponent("settings.json").path, "--out", out.path])
        #expect(message.contains(out.path) && message.contains("No space left on device") && !message.contains("\n"), "\(message)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.folder.path).isEmpty, "no model folder, no staging left")
    }

    @Test func exportingOntoAFullDiskKeepsTheOldExport() throws {
        let folder = try TestFixtures.folder([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try storeWithImportedTranscripts(2000, in: folder)
        let disk = try #require(SmallDisk(bytes: 64 << 10))
        defer { disk.unmount() }
        let output = disk.folder.appendingPathComponent("export.jsonl")
        try Data("an older export\n".utf8).write(to: output)
        let message = failure(of: ["transcripts", "export", "-o", output.path, "--database", database])
        #expect(message.contains(output.path) && message.contains("No space left on device"), "\(message)")
        #expect(try String(contentsOf: output, encoding: .utf8) == "an older export\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.folder.path) == ["export.jsonl"], "no temporary file left")
    }
}
