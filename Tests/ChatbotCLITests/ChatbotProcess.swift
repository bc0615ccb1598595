// Runs the built `chatbot` executable as a child process (killed at a chosen moment when asked)
// and checks a model registry for torn versions: the crash-safety and disk-full tests' tools.
import Dialogue
import Foundation
import LanguageModeling
import ModelLifecycle
import Testing

/// The `chatbot` executable built beside the test bundle.
func chatbotBinary() throws -> URL {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("chatbot")
    try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the chatbot executable first")
    return binary
}

/// Runs `chatbot arguments` in `folder`; kills it with SIGKILL after `killAfter` seconds unless it
/// ended. Its standard error goes to `errorFile` (else nowhere). Returns whether it ran to the end
/// and its exit status.
func runChatbot(_ arguments: [String], in folder: URL, killAfter: Double? = nil,
                errorFile: URL? = nil) throws -> (finished: Bool, status: Int32) {
    let process = Process()
    process.executableURL = try chatbotBinary()
    process.arguments = arguments
    process.currentDirectoryURL = folder
    process.standardOutput = FileHandle.nullDevice
    if let errorFile {
        FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errorFile)
    } else {
        process.standardError = FileHandle.nullDevice
    }
    process.environment = ProcessInfo.processInfo.environment.merging(["OPENBLAS_NUM_THREADS": "1"]) { $1 }
    try process.run()
    if let killAfter {
        let deadline = Date().addingTimeInterval(killAfter)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.002) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return (false, process.terminationStatus)
        }
    }
    process.waitUntilExit()
    return (process.terminationReason == .exit, process.terminationStatus)
}

/// Everything wrong with the registry at `root`: a version folder that does not load whole, or an
/// ACTIVE file that is torn or names no loadable version.
func registryProblems(_ root: URL) -> [String] {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
    var problems: [String] = []
    var loadable: Set<String> = []
    for name in names where !name.hasPrefix(".") && name != ModelRegistry.activeFileName {
        let folder = root.appendingPathComponent(name)
        do {
            _ = try ChatModel.load(from: folder)
            _ = try ModelSentiment.combination(in: folder)
            guard try TrainingRecord.load(from: folder) != nil else { throw CocoaError(.fileReadNoSuchFile) }
            loadable.insert(name)
        } catch {
            problems.append("\(name) is torn: \(error)")
        }
    }
    if let text = try? String(contentsOf: root.appendingPathComponent(ModelRegistry.activeFileName), encoding: .utf8) {
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.hasSuffix("\n") || !loadable.contains(name) { problems.append("ACTIVE is torn or names no whole version: \(text.debugDescription)") }
    }
    return problems
}
