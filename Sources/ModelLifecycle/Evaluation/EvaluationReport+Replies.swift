// The report's reply section: ROUGE-L, chrF and answered share as cards, then generated replies
// beside the references (line breaks kept), so a reader sees what the figures mean.
import Foundation

extension EvaluationReport {
    /// How many generated-vs-reference samples the page shows at most.
    public static let listedReplies = 40

    static func replySection(_ replies: ReplyEvaluation) -> String {
        let cards = [
            card(String(format: "%.2f", replies.scores.rougeL), "reply ROUGE-L F1"),
            card(String(format: "%.2f", replies.scores.chrF), "reply chrF"),
            card("\(replies.answered) / \(replies.samples.count)", "rows answered by generation"),
        ]
        let rows = replies.samples.prefix(listedReplies).map { sample in
            "<tr><td>\(HTMLText.escape(sample.text))</td><td>\(HTMLText.escape(sample.intent))</td>"
                + "<td class=\"reply\">\(sample.generated.isEmpty ? "<i>none</i>" : HTMLText.escape(sample.generated))</td>"
                + "<td class=\"reply\">\(HTMLText.escape(sample.reference))</td></tr>"
        }
        let more = replies.samples.count > listedReplies
            ? "<p class=\"note\">\(replies.samples.count - listedReplies) more not shown.</p>" : ""
        return """
            <h2>Replies</h2>
            <p class="note">Generated for the intent the model read (empty when generation gave no well-formed reply); \
            scored like ../shared/bench/reply_score.py, placeholders in one spelling.</p>
            <div class="cards">\(cards.joined())</div>
            <table><tr><th>message</th><th>intent</th><th>generated</th><th>reference</th></tr>
            \(rows.joined(separator: "\n"))</table>\(more)
            """
    }
}
