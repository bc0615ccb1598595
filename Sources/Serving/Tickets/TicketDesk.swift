// One ticket answered on request: the `chatbot answer` pipeline (`TicketAnalyser`) on one
// ticket, archived in the store like a batch answer. The analyser is not thread-safe, so calls
// take turns on it.
import ConversationStorage
import Foundation
import TicketAnswering

/// Answers single tickets for the API.
public final class TicketDesk: @unchecked Sendable {
    private let analyser: TicketAnalyser
    private let archive: TicketArchive
    private let lock = NSLock()

    /// A desk answering with `analyser` and storing in `store`.
    public init(analyser: TicketAnalyser, store: any ConversationStore) {
        self.analyser = analyser
        self.archive = TicketArchive(store: store)
    }

    /// The answer to `ticket` as the JSON object of `chatbot answer`'s JSON Lines output; stored.
    func answer(_ ticket: TicketRequest) async throws -> String {
        try await Blocking.run { [self] in
            let answers: [TicketAnswer]
            do { answers = try lock.withLock { try analyser.answer([ticket]) } } catch {
                throw ServingError.unavailable("the model failed on the ticket")
            }
            guard let answer = answers.first else { throw ServingError.unavailable("the ticket got no answer") }
            do { try archive.store(answer) } catch {
                throw ServingError.storage("store the ticket", error)
            }
            return TicketOutputFormat.jsonl.record(answer).trimmingCharacters(in: .newlines)
        }
    }
}
