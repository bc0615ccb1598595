// A full disk while training, fine-tuning, exporting transcripts and writing answers: each command
// fails with a clear error naming the file and "No space left on device", and nothing half-written
// is left looking whole — no model folder, the active version and an older candidate intact, the
// old export intact, the answers file ending in a whole record and completed by a re-run. The disk
// is a small tmpfs mounted for the test (`SmallDisk`); that needs root with CAP_SYS_ADMIN, which an
// unprivileged CI container lacks, so the suite runs where mounting works and says so when it is
// skipped (the mount is the only thing it needs; it never fakes one).
import ArgumentParser
import ChatbotCLI
import Foundation
import Glibc
import ModelLifecycle
import Testing
import TestSupport

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

/// A fresh folder with two tiny intents in `intents/` and tiny settings in `settings.json`.
private func tinyTrainingFolder() throws -> URL {
    let folder = try TestFixtures.folder([
        "settings.json": #"{"model_width": 32, "layer_count": 1, "head_count": 2, "context_length": 48, "lm_pretraining_epochs": 1, "sparse_buckets": 4096, "batch_size": 8}"#,
    ])
    let intents = folder.appendingPathComponent("intents")
    try FileManager.default.createDirectory(at: intents, withIntermediateDirectories: true)
    try "name: greeting\ndescription: Hello.\nexamples:\n  - \"hello\"\n  - \"hi there\"\n  - \"hey\"\nresponses:\n  - \"Hello!\"\n"
        .write(to: intents.appendingPathComponent("greeting.yaml"), atomically: true, encoding: .utf8)
    try "name: refund\ndescription: Money back.\nexamples:\n  - \"I want a refund\"\n  - \"refund my payment\"\n  - \"money back\"\nresponses:\n  - \"Your refund is on its way.\"\n"
        .write(to: intents.appendingPathComponent("refund.yaml"), atomically: true, encoding: .utf8)
    return folder
}

/// The contents of every file in `folder`, by name.
private func snapshot(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
        files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
    }
    return files
}

@Suite(.serialized, .enabled(if: SmallDisk.isAvailable, "needs to mount a tmpfs (root with CAP_SYS_ADMIN)"))
struct DiskFullTests {
    @Test func savingAModelOnAFullDiskFailsClearlyAndLeavesNoModelFolder() throws {
        let folder = try tinyTrainingFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let disk = try #require(SmallDisk(bytes: 64 << 10))
        defer { disk.unmount() }
        let out = disk.folder.appendingPathComponent("model")
        let message = failure(of: ["train", "--intents", folder.appendingPathComponent("intents").path, "--epochs", "1",
                                   "--config", folder.appendingPathComponent("settings.json").path, "--out", out.path])
        #expect(message.contains(out.path) && message.contains("No space left on device") && !message.contains("\n"), "\(message)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.folder.path).isEmpty, "no model folder, no staging left")
    }

    @Test func trainingIntoAFullModelsFolderKeepsTheActiveVersion() throws {
        let folder = try tinyTrainingFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let models = folder.appendingPathComponent("models")
        let disk = try #require(SmallDisk(bytes: 16 << 20, at: models))
        defer { disk.unmount() }
        let train = ["train", "--intents", "intents", "--config", "settings.json", "--epochs", "1"]
        let first = try runChatbot(train, in: folder)
        try #require(first.finished && first.status == 0, "the first version fits")
        let versions = try FileManager.default.contentsOfDirectory(atPath: models.path).sorted()
        let active = try String(contentsOf: models.appendingPathComponent(ModelRegistry.activeFileName), encoding: .utf8)
        try #require(disk.resize(bytes: disk.usedBytes + (32 << 10)), "the disk shrinks to 32 KiB free")

        let errors = folder.appendingPathComponent("train.err")
        let second = try runChatbot(train, in: folder, errorFile: errors)
        let message = try String(contentsOf: errors, encoding: .utf8)
        #expect(second.finished && second.status != 0, "the second training run fails")
        #expect(message.contains("No space left on device") && message.contains(models.path), "\(message)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: models.path).sorted() == versions, "no new version")
        #expect(try FileManager.default.contentsOfDirectory(atPath: models.appendingPathComponent(".incomplete").path).isEmpty,
                "no staging folder left")
        #expect(try String(contentsOf: models.appendingPathComponent(ModelRegistry.activeFileName), encoding: .utf8) == active)
        #expect(registryProblems(models).isEmpty, "the first version still loads whole")
    }

    @Test func fineTuningOntoAFullDiskKeepsTheOlderCandidate() throws {
        let folder = try tinyTrainingFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (intents, settings) = (folder.appendingPathComponent("intents").path, folder.appendingPathComponent("settings.json").path)
        let base = folder.appendingPathComponent("base")
        #expect(failure(of: ["train", "--intents", intents, "--config", settings, "--epochs", "1", "--out", base.path]) == "no error")
        let transcripts = folder.appendingPathComponent("new.jsonl")
        try (#"{"id": "t1", "channel": "chat", "started": "2026-03-02T09:14:00Z", "turns": [{"role": "customer", "text": "undo the charge", "intent": "refund"}, {"role": "agent", "text": "Your refund is on its way."}]}"# + "\n")
            .write(to: transcripts, atomically: true, encoding: .utf8)
        let disk = try #require(SmallDisk(bytes: 16 << 20))
        defer { disk.unmount() }
        let candidate = disk.folder.appendingPathComponent("candidate")
        #expect(failure(of: ["train", "--intents", intents, "--config", settings, "--epochs", "1", "--out", candidate.path]) == "no error")
        let older = try snapshot(candidate)
        try #require(disk.resize(bytes: disk.usedBytes + (32 << 10)), "the disk shrinks to 32 KiB free")

        let message = failure(of: ["finetune", "--transcripts", transcripts.path, "--base", base.path, "--out", candidate.path,
                                   "--epochs", "1", "--database", folder.appendingPathComponent("store.sqlite").path])
        #expect(message.contains(candidate.path) && message.contains("No space left on device") && !message.contains("\n"), "\(message)")
        #expect(try snapshot(candidate) == older, "the older candidate is untouched")
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.folder.path) == ["candidate"], "no staging folder left")
    }

    @Test func answeringOntoAFullDiskEndsInWholeRecordsAndARerunCompletesThem() throws {
        let (folder, model, intents) = try tinySetup()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tickets = folder.appendingPathComponent("tickets.csv")
        let texts = ["I want a refund for my order", "how much is shipping to Spain", "hello there"]
        try Data(("id,body,customer\n" + (0..<1000).map { "T\($0),\(texts[$0 % 3]),Customer \($0)\n" }.joined()).utf8).write(to: tickets)
        let disk = try #require(SmallDisk(bytes: 64 << 10))
        defer { disk.unmount() }
        let output = disk.folder.appendingPathComponent("answers.jsonl")
        let answer = ["answer", tickets.path, "-o", output.path, "--model", model, "--intents", intents, "--jobs", "1", "--no-store"]
        func answeredIDs() throws -> [String] {
            let text = try String(contentsOf: output, encoding: .utf8)
            #expect(text.isEmpty || text.hasSuffix("\n"), "the file ends in a whole record")
            return try text.split(separator: "\n").map { line in
                let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                return try #require(record?["id"] as? String, "a whole record: \(line.prefix(80))")
            }
        }

        let message = failure(of: answer)
        #expect(message.contains(output.path) && message.contains("No space left on device") && !message.contains("\n"), "\(message)")
        let written = try answeredIDs()
        #expect(!written.isEmpty && written == (0..<written.count).map { "T\($0)" }, "whole records, in order, before the disk filled")
        try #require(disk.resize(bytes: 16 << 20))
        #expect(failure(of: answer) == "no error", "a re-run on a disk with room finishes")
        #expect(try answeredIDs() == (0..<1000).map { "T\($0)" }, "every ticket answered exactly once")
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
