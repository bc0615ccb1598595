// The evaluation as one self-contained HTML page (inline CSS and SVG, no scripts or external
// assets): headline figures, per-intent table, confused pairs, confusion matrix, confidence
// histogram and a sample of mistakes — the kind of page `rasa test` writes; on data with replies
// also reply quality and generated replies beside the references.
import Foundation

/// Renders `EvaluationMetrics` as an HTML report.
public enum EvaluationReport {
    /// How many mistakes the page lists at most.
    public static let listedMistakes = 100

    /// The whole page; `title` names the model and data (escaped like every other text); `replies`
    /// adds the reply section.
    public static func html(_ metrics: EvaluationMetrics, title: String = "Intent evaluation",
                            replies: ReplyEvaluation? = nil) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <title>\(HTMLText.escape(title))</title>
        <style>\(style)</style></head>
        <body>
        <h1>\(HTMLText.escape(title))</h1>
        \(headline(metrics))
        \(replies.map(replySection) ?? "")
        <h2>Most confused pairs</h2>
        \(pairTable(metrics))
        <h2>Confusion matrix</h2>
        <p class="note">Rows: gold label; columns: the model's answer (the out-of-scope label when it flagged the \
        message). Colour: share of the row.</p>
        <div class="scroll">\(EvaluationChart.confusionMatrix(metrics.confusion))</div>
        <h2>Confidence</h2>
        <p class="note">Calibrated confidence of the top intent, right and wrong answers stacked.</p>
        \(EvaluationChart.histogram(metrics.histogram))
        <h2>Per intent</h2>
        \(intentTable(metrics))
        <h2>Mistakes</h2>
        \(mistakeTable(metrics))
        </body></html>

        """
    }

    private static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em;color:#222;max-width:1400px}
        h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #ddd}
        .cards{display:flex;gap:1em;flex-wrap:wrap}.card{border:1px solid #ddd;border-radius:6px;padding:.6em 1em;min-width:9em}
        .card b{display:block;font-size:1.6em}.card span{color:#666;font-size:.85em}
        table{border-collapse:collapse;font-size:.9em}td,th{padding:.2em .7em;border-bottom:1px solid #eee;text-align:left}
        td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
        .note{color:#666;font-size:.85em}.scroll{overflow-x:auto}td.reply{white-space:pre-wrap;vertical-align:top;max-width:40em}
        """

    private static func headline(_ metrics: EvaluationMetrics) -> String {
        var cards = [
            card("\(metrics.count)", "rows"),
            card(percent(metrics.accuracy), "accuracy"),
            card(percent(metrics.macroF1), "macro-F1"),
        ]
        if metrics.outOfScopeCount > 0 {
            if let value = metrics.inScopeAccuracy { cards.append(card(percent(value), "in-scope accuracy")) }
            if let value = metrics.outOfScopeRecall {
                cards.append(card(percent(value), "out-of-scope recall (\(metrics.outOfScopeCount) rows)"))
            }
        }
        if let value = metrics.inScopeFlaggedRate { cards.append(card(percent(value), "in scope but flagged")) }
        return "<div class=\"cards\">" + cards.joined() + "</div>"
    }

    static func card(_ value: String, _ caption: String) -> String {
        "<div class=\"card\"><b>\(HTMLText.escape(value))</b><span>\(HTMLText.escape(caption))</span></div>"
    }

    private static func intentTable(_ metrics: EvaluationMetrics) -> String {
        let rows = metrics.perIntent.map { score in
            "<tr><td>\(HTMLText.escape(score.intent))</td><td class=\"num\">\(fixed(score.precision))</td>"
                + "<td class=\"num\">\(fixed(score.recall))</td><td class=\"num\">\(fixed(score.f1))</td>"
                + "<td class=\"num\">\(score.support)</td></tr>"
        }
        return "<table><tr><th>intent</th><th class=\"num\">precision</th><th class=\"num\">recall</th>"
            + "<th class=\"num\">F1</th><th class=\"num\">support</th></tr>\n" + rows.joined(separator: "\n") + "</table>"
    }

    private static func pairTable(_ metrics: EvaluationMetrics) -> String {
        guard !metrics.confusedPairs.isEmpty else { return "<p>No confusions.</p>" }
        let rows = metrics.confusedPairs.prefix(30).map { pair in
            "<tr><td>\(HTMLText.escape(pair.gold))</td><td>\(HTMLText.escape(pair.predicted))</td>"
                + "<td class=\"num\">\(pair.count)</td></tr>"
        }
        return "<table><tr><th>gold</th><th>answered</th><th class=\"num\">count</th></tr>\n"
            + rows.joined(separator: "\n") + "</table>"
    }

    private static func mistakeTable(_ metrics: EvaluationMetrics) -> String {
        let mistakes = metrics.rows.filter { !metrics.isCorrect($0) }
        guard !mistakes.isEmpty else { return "<p>None.</p>" }
        let rows = mistakes.prefix(listedMistakes).map { row in
            let answer = EvaluationMetrics.answer(of: row, outOfScopeLabel: metrics.outOfScopeLabel)
            return "<tr><td>\(HTMLText.escape(row.text))</td><td>\(HTMLText.escape(row.gold))</td>"
                + "<td>\(HTMLText.escape(answer))</td><td class=\"num\">\(fixed(row.confidence))</td></tr>"
        }
        let more = mistakes.count > listedMistakes
            ? "<p class=\"note\">\(mistakes.count - listedMistakes) more not shown.</p>" : ""
        return "<table><tr><th>text</th><th>gold</th><th>answered</th><th class=\"num\">confidence</th></tr>\n"
            + rows.joined(separator: "\n") + "</table>" + more
    }

    private static func percent(_ value: Double) -> String { String(format: "%.2f %%", value * 100) }
    static func fixed(_ value: Double) -> String { String(format: "%.3f", value) }
}
