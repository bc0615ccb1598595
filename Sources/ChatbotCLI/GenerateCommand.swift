// `chatbot generate`: try a model quickly on one message: intent, confidence, out of scope and
// a generated reply.
import ArgumentParser
import Dialogue
import Foundation
import LanguageModeling

/// Shows what a model makes of one message.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Show a model's intent, confidence and generated reply for one message.")

    @OptionGroup var model: ModelOptions

    @Argument(help: "The customer message.")
    var text: String

    func run() throws {
        let understanding = try ModelLocation.loadUnderstanding(model: model.path)
        let reading = try understanding.analyse(text, context: [])
        let candidate = try understanding.candidateReply(intent: reading.intent, text: text, context: [])
        var reply = candidate?.text ?? ""
        if let candidate {
            reply += String(format: "  (confidence %.2f", candidate.meanLogProbability)
            if let gate = understanding.model.replyGate {
                if !gate.admits(candidate) { reply += String(format: "; below the reply gate's %.2f", gate.minimumConfidence) }
            } else {
                reply += "; generation off: the model has no reply gate"
            }
            if !ChatModelUnderstanding.isWellFormed(candidate.text, finished: candidate.finished) { reply += "; not well formed" }
            reply += ")"
        }
        let others = reading.ranked.dropFirst().map { String(format: "%@ %.2f", $0.intent, $0.confidence) }
        print("""
            model:         \(understanding.modelVersion)
            intent:        \(reading.intent)
            confidence:    \(String(format: "%.3f", reading.confidence))\(others.isEmpty ? "" : " (then \(others.joined(separator: ", ")))")
            out of scope:  \(reading.isOutOfScope ? "yes" : "no")
            reply:         \(reply)
            """)
    }
}
