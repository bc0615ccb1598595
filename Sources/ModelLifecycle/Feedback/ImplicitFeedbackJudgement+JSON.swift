// The review queue as a file: one JSON object per negative judgement, naming the turns by
// conversation and index and never quoting them, so the file holds no customer text.
import Foundation
import Primitives

extension ImplicitFeedbackJudgement {
    /// The review queue's file name in a fine-tuned model's folder.
    public static let reviewFileName = "review.jsonl"

    /// `{"conversation": …, "question_turn": …, "reply_turn": …, "next_turn": …, "signal": …, "score": …}`
    /// (`question_turn` null when the reply followed no customer turn).
    public var jsonLine: String {
        "{\"conversation\": \(JSONString.quoted(reply.conversation)), \"question_turn\": \(question.map { String($0.turn) } ?? "null"), "
            + "\"reply_turn\": \(reply.turn), \"next_turn\": \(next.turn), \"signal\": \(JSONString.quoted(signal.rawValue)), "
            + "\"score\": \(String(format: "%.3f", score))}"
    }

    /// Writes `judgements` to `directory/review.jsonl` (nothing when there are none) and returns the file.
    public static func writeReview(_ judgements: [ImplicitFeedbackJudgement], in directory: URL) throws -> URL? {
        guard !judgements.isEmpty else { return nil }
        let url = directory.appendingPathComponent(reviewFileName)
        try AtomicFile.write(judgements.map { $0.jsonLine + "\n" }.joined(), to: url)
        return url
    }
}
