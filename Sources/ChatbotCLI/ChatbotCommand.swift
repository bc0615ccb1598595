// The root of the command-line tool: names the subcommands and the version.
import ArgumentParser

/// `chatbot`: a self-hosted customer-service chatbot.
public struct ChatbotCommand: ParsableCommand {
    /// The version printed by `chatbot --version`.
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "chatbot",
        abstract: "A self-hosted customer-service chatbot: chat, answer tickets, learn from transcripts.",
        version: version,
        subcommands: [
            ChatCommand.self,
            TrainCommand.self,
            GenerateCommand.self,
            ModelsCommand.self,
            BenchCommand.self,
            TokenizerCommand.self,
            SentimentCommand.self,
            TranscriptsCommand.self,
            ProposeIntentsCommand.self,
            EvaluateCommand.self,
            AnswerCommand.self,
            FinetuneCommand.self,
            ServeCommand.self,
        ]
    )

    public init() {}
}
