// The root command's help and version, compared with committed snapshots
// (set CHATBOT_RECORD_SNAPSHOTS=1 to rewrite them after a deliberate change).
import ArgumentParser
import ChatbotCLI
import Foundation
import Testing

@Test func rootHelpMatchesSnapshot() throws {
    try expectSnapshot(ChatbotCommand.helpMessage(columns: 100), named: "chatbot-help.txt")
}

@Test(arguments: [["bench"], ["tokenizer", "train"], ["tokenizer", "encode"], ["tokenizer", "decode"],
                  ["transcripts"], ["transcripts", "export"], ["transcripts", "import"], ["serve"]])
func subcommandHelpMatchesSnapshot(path: [String]) throws {
    let command = try ChatbotCommand.parseAsRoot(path + requiredArguments(for: path))
    try expectSnapshot(ChatbotCommand.helpMessage(for: type(of: command), columns: 100),
                       named: path.joined(separator: "-") + "-help.txt")
}

/// The smallest arguments that let `path` parse, so its help can be asked of the parsed type.
private func requiredArguments(for path: [String]) -> [String] {
    switch path {
    case ["tokenizer", "train"]: ["--corpus", "c.txt", "--out", "t.json"]
    case ["tokenizer", "encode"], ["tokenizer", "decode"]: ["--tokenizer", "t.json"]
    case ["transcripts", "import"]: ["t.jsonl"]
    default: []
    }
}

@Test func versionIsSemantic() {
    let parts = ChatbotCommand.version.split(separator: ".")
    #expect(parts.count == 3)
    #expect(parts.allSatisfy { Int($0) != nil })
}

@Test func unknownSubcommandIsAParseError() {
    #expect(parseErrorMessage(["no-such-command"]) == "Unexpected argument 'no-such-command'")
}

@Test func benchSettingsAreFlagsAndTheSplitDumpNeedsTheSplit() {
    #expect(parseErrorMessage(["bench", "--suite", "intents", "--no-demo", "--variants", "lstm,transformer",
                               "--config-json", "{\"epochs\":1}", "--validation-split", "--dump-split", "/tmp/x"]) == nil)
    #expect(parseErrorMessage(["bench", "--dump-split", "/tmp/x"]) == "--dump-split needs --validation-split (or --suite encoder).")
    #expect(parseErrorMessage(["bench", "--suite", "encoder", "--encoder", "/tmp/e", "--dump-split", "/tmp/x"]) == nil)
}
