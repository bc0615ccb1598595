// `chatbot sentiment`: the label, score and drivers of one text, or a CSV file copied with
// `label` and `score` columns added.
import ArgumentParser
import Chatbot
import Foundation
import Sentiment

/// Prints the sentiment of a text or annotates a CSV file.
struct SentimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment",
        abstract: "Say whether a text is negative, neutral or positive, and which words made it so.",
        discussion: """
            Today the project's own lexicon and rules are the only analyser, so --lexicon-only \
            is the default; --model (the learned sentiment head, combined with the lexicon) \
            comes with the model.
            """)

    @Argument(help: "The text to analyse (omit with --file).")
    var text: String?

    @Option(name: .long, help: ArgumentHelp("A CSV file to annotate; its rows are copied with label and score columns.", valueName: "F.csv"))
    var file: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the annotated CSV (standard output by default).", valueName: "OUT.csv"))
    var output: String?

    @Option(name: .long, help: "The CSV column holding the text.")
    var column = "text"

    @Flag(name: .long, help: "Use the lexicon alone (the only analyser until models have a sentiment head).")
    var lexiconOnly = false

    @Option(name: .long, help: ArgumentHelp("A lexicon file (term<TAB>valence) to use instead of the built-in one.", valueName: "FILE"))
    var lexicon: String?

    @Flag(name: .long, help: "Print one text's result as JSON.")
    var json = false

    func validate() throws {
        if (text == nil) == (file == nil) {
            throw ValidationError("Give either a text or --file F.csv.")
        }
        if output != nil && file == nil {
            throw ValidationError("-o/--output needs --file.")
        }
    }

    func run() throws {
        let analyser = try makeAnalyser()
        if let text {
            let result = analyser.analyse(text)
            print(json ? try SentimentReport.json(result) : SentimentReport.text(result))
        } else if let file {
            let annotated = try annotate(file: file, with: analyser)
            if let output {
                try Data(annotated.utf8).write(to: URL(fileURLWithPath: output))
            } else {
                print(annotated, terminator: "")
            }
        }
    }

    private func makeAnalyser() throws -> any SentimentAnalyser {
        guard let lexicon else { return LexiconSentimentAnalyser() }
        let data = try Data(contentsOf: URL(fileURLWithPath: lexicon))
        return LexiconSentimentAnalyser(lexicon: try Lexicon(tsv: String(decoding: data, as: UTF8.self), source: lexicon))
    }

    private func annotate(file: String, with analyser: any SentimentAnalyser) throws -> String {
        let table = try CSVReader.read(contentsOf: URL(fileURLWithPath: file), displayPath: file, repairingInvalidUTF8: true)
        let annotated = try SentimentAnnotation.annotate(table, column: column, file: file, with: analyser)
        return CSVWriter.table(header: annotated.header, rows: annotated.rows)
    }
}
