// The HTML report: self-contained, with both SVG charts, every text escaped, and a matrix that
// scales down its cells for many intents.
import Foundation
import ModelLifecycle
import Testing

@Test func reportHoldsTablesAndBothChartsWithoutExternalAssets() {
    let rows = [EvaluationRow(gold: "a", predicted: "a", confidence: 0.9, isOutOfScope: false, text: "hello"),
                EvaluationRow(gold: "a", predicted: "b", confidence: 0.4, isOutOfScope: false, text: "where is it"),
                EvaluationRow(gold: "oos", predicted: "b", confidence: 0.2, isOutOfScope: true, text: "sing")]
    let html = EvaluationReport.html(EvaluationMetrics(rows: rows))
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.components(separatedBy: "<svg ").count - 1 == 2)
    #expect(html.contains("out-of-scope recall"))
    #expect(html.contains("<td>where is it</td><td>a</td><td>b</td>"), "mistakes list text, gold and answer")
    #expect(!html.contains("src=") && !html.contains("href=") && !html.contains("<script"))
}

@Test func intentNamesAndTextsAreEscaped() {
    let evil = "<script>alert('x')</script>"
    let rows = [EvaluationRow(gold: evil, predicted: "a&b", confidence: 0.5, isOutOfScope: false, text: "\"<b>hi</b>\""),
                EvaluationRow(gold: "a&b", predicted: "a&b", confidence: 0.9, isOutOfScope: false)]
    let html = EvaluationReport.html(EvaluationMetrics(rows: rows), title: "model <x>")
    #expect(!html.contains("<script"))
    #expect(!html.contains("<b>hi"))
    #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
    #expect(html.contains("a&amp;b") && !html.contains("a&b"))
    #expect(html.contains("<title>model &lt;x&gt;</title>"))
}

@Test func matrixForManyIntentsUsesSmallCellsAndLabelsEveryIntent() throws {
    let labels = (0..<80).map { "intent_\($0)" }
    let rows = labels.enumerated().map { index, label in
        EvaluationRow(gold: label, predicted: labels[(index * 7) % 80], confidence: 0.5, isOutOfScope: false)
    }
    let html = EvaluationReport.html(EvaluationMetrics(rows: rows))
    for label in labels { #expect(html.contains(">\(label)</text>"), "\(label) is labelled") }
    #expect(html.contains("width=\"11\""), "80 classes get 11-pixel cells")
    #expect(html.contains("rotate(-90"))
}

@Test func replySectionShowsScoresAndEscapedSamplesBesideReferences() throws {
    let rows = [EvaluationRow(gold: "a", predicted: "a", confidence: 0.9, isOutOfScope: false, text: "hello")]
    let replies = ReplyEvaluation(samples: [
        ReplySample(text: "cancel <it>", intent: "cancel", reference: "Order {order_number} is cancelled.\n1. Done.",
                    generated: "Order {order_number} is cancelled."),
        ReplySample(text: "hi", intent: "greet", reference: "Hello!", generated: ""),
    ])
    let html = EvaluationReport.html(EvaluationMetrics(rows: rows), replies: replies)
    #expect(html.contains("reply ROUGE-L F1") && html.contains("reply chrF") && html.contains("1 / 2"))
    #expect(html.contains("<td>cancel &lt;it&gt;</td><td>cancel</td><td class=\"reply\">Order {order_number} is cancelled.</td>"))
    #expect(html.contains("<i>none</i>"))
    #expect(!EvaluationReport.html(EvaluationMetrics(rows: rows)).contains("<h2>Replies</h2>"))
    let json = try EvaluationMetrics(rows: rows).jsonString(replies: replies)
    #expect(json.contains("\"replies\":{\"answered\":1,\"chrf\":"))
    #expect(!(try EvaluationMetrics(rows: rows).jsonString()).contains("replies"))
}
