// A SQLite store filled through `chatbot transcripts import`, for tests of commands that read
// many stored conversations (exports killed or run out of disk).
import ArgumentParser
import ChatbotCLI
import Foundation

/// The path of a new SQLite store in `folder` holding `count` two-turn conversations.
func storeWithImportedTranscripts(_ count: Int, in folder: URL) throws -> String {
    let transcripts = folder.appendingPathComponent("many.jsonl")
    let lines = (0..<count).map { index in
        #"{"id": "t-\#(index)", "channel": "chat", "started": "2026-03-02T09:14:00Z", "turns": [{"role": "customer", "text": "where is my order \#(index)?"}, {"role": "agent", "text": "Let me check order \#(index) for you."}]}"#
    }
    try (lines.joined(separator: "\n") + "\n").write(to: transcripts, atomically: true, encoding: .utf8)
    let database = folder.appendingPathComponent("store.sqlite").path
    var importing = try ChatbotCommand.parseAsRoot(["transcripts", "import", transcripts.path, "--database", database])
    try importing.run()
    return database
}
