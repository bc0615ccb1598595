// The root command's help and version, compared with committed snapshots
// (set CHATBOT_RECORD_SNAPSHOTS=1 to rewrite them after a deliberate change).
import ArgumentParser
import ChatbotCLI
import Foundation
import Testing

@Test func rootHelpMatchesSnapshot() throws {
    try expectSnapshot(ChatbotCommand.helpMessage(columns: 100), named: "chatbot-help.txt")
}

@Test func benchHelpMatchesSnapshot() throws {
    let bench = try ChatbotCommand.parseAsRoot(["bench"])
    try expectSnapshot(ChatbotCommand.helpMessage(for: type(of: bench), columns: 100), named: "bench-help.txt")
}

@Test func versionIsSemantic() {
    let parts = ChatbotCommand.version.split(separator: ".")
    #expect(parts.count == 3)
    #expect(parts.allSatisfy { Int($0) != nil })
}

@Test func unknownSubcommandIsAParseError() {
    #expect(throws: (any Error).self) { try ChatbotCommand.parseAsRoot(["no-such-command"]) }
}
