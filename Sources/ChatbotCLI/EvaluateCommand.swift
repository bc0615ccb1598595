// `chatbot evaluate`: runs a model over a labelled file and reports accuracy, macro-F1,
// per-intent scores, confusions and out-of-scope recall, and on data with replies the generated
// replies' ROUGE-L and chrF, as text, JSON or an HTML page.
import ArgumentParser
import Dialogue
import FileFormats
import Foundation
import LanguageModeling
import ModelLifecycle
import Primitives
import TensorCore

/// Scores a trained model on labelled data.
package struct EvaluateCommand: ParsableCommand {
    /// The command's name, abstract and discussion.
    package static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score a model on labelled data: accuracy, macro-F1, per-intent scores, confusions, out-of-scope recall.",
        discussion: """
            Rows labelled with the out-of-scope label (default oos) are out-of-scope queries: \
            they count as right when the model says "out of scope", whether or not it was \
            trained with such a class (as in CLINC150). In-scope accuracy counts rows with the \
            right intent that were not flagged. When the data has a reply column (or key), \
            each such row also gets a generated reply for the intent the model read, scored \
            against the reference with ROUGE-L F1 and chrF; the HTML report shows samples.
            """)

    @OptionGroup var model: ModelOptions

    @Option(name: .long, help: ArgumentHelp("Labelled test data: CSV, or JSON Lines if it ends in .jsonl.", valueName: "F.csv"))
    var data: String

    @Option(name: .long, help: "The text column or key (default text).")
    var textColumn: String?

    @Option(name: .long, help: "The label column or key (default: the first of intent, category, label).")
    var labelColumn: String?

    @Option(name: .long, help: ArgumentHelp("The label marking out-of-scope rows.", valueName: "NAME"))
    var oosLabel = "oos"

    @Option(name: .long, help: ArgumentHelp("Write an HTML report with a confusion matrix and a confidence histogram.", valueName: "report.html"))
    var report: String?

    @Flag(name: .long, help: "Print the metrics as one JSON object instead of the summary.")
    var json = false

    /// An unparsed command (argument-parser fills the options).
    package init() {}

    /// Evaluates and prints the summary or JSON.
    package func run() throws {
        print(try evaluate())
    }

    /// Loads the model, predicts every row, writes the report if asked, and returns what to print.
    package func evaluate() throws -> String {
        guard let modelURL = ModelLocation.directory(model: model.path) else {
            throw CommandFailure("no model: give --model DIR or train one with `chatbot train` (it becomes the active version)")
        }
        try ModelLocation.checkFolder(modelURL)
        let dataURL = URL(fileURLWithPath: data)
        let examples = try LabelledDataReader.read(contentsOf: dataURL, displayPath: data,
                                                   textColumn: textColumn, labelColumn: labelColumn)
        guard !examples.isEmpty else { throw CommandFailure("\(data): no labelled rows") }
        BLAS.threadCount = 1
        let chatModel = try ModelLocation.loadModel(modelURL)
        guard !chatModel.labels.intents.isEmpty else {
            throw CommandFailure("the model in \(modelURL.path) knows no intents (a sentiment-only model); evaluate scores intents")
        }
        // A folder trained with --encoder is read by the encoder's heads, as in chat and answer.
        let encoderClassifier: EncoderClassifier?
        do {
            encoderClassifier = try EncoderClassifier.load(from: modelURL)
        } catch {
            throw ModelLocation.failure(loading: modelURL, error)
        }
        let texts = examples.map(\.text)
        let predictions = try encoderClassifier?.predict(texts, topK: 1) ?? chatModel.predict(texts, topK: 1)
        let rows = zip(examples, predictions).map { example, prediction in
            EvaluationRow(gold: example.label, predicted: prediction.intent, confidence: Double(prediction.confidence),
                          isOutOfScope: prediction.isOutOfScope, text: example.text)
        }
        let metrics = EvaluationMetrics(rows: rows, outOfScopeLabel: oosLabel)
        let replies = try ReplyEvaluation.generating(
            for: examples, intents: predictions.map(\.intent),
            with: ChatModelUnderstanding(model: chatModel, version: modelURL.lastPathComponent))
        if let report {
            let title = "Evaluation of \(modelURL.lastPathComponent) on \(dataURL.lastPathComponent)"
            do {
                try AtomicFile.write(EvaluationReport.html(metrics, title: title, replies: replies), to: URL(fileURLWithPath: report))
            } catch {
                throw CommandFailure("cannot write \(error.description)")
            }
        }
        if json { return try metrics.jsonString(replies: replies) }
        return metrics.summary() + (replies.map { "\n" + $0.summary() } ?? "") + (report.map { "\nreport: \($0)" } ?? "")
    }
}
