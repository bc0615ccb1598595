// `chatbot sentiment`: the label, score and drivers of one text, or a CSV file copied with
// `label` and `score` columns added; read by the lexicon, a model's head, or both combined.
import ArgumentParser
import FileFormats
import Foundation
import Primitives
import Sentiment

/// Prints the sentiment of a text or annotates a CSV file.
struct SentimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment",
        abstract: "Say whether a text is negative, neutral or positive, and which words made it so.",
        discussion: """
            By default the active model (models/ACTIVE) reads the text when it was trained with \
            sentiment data: its learned sentiment head is combined with the project's lexicon and \
            rules (by the combiner fitted at training time, or an average when there was too \
            little held-out data to fit one). Without such a model the lexicon alone reads it. \
            The drivers come from the lexicon (none with --head-only), so a person sees which \
            words counted. \
            --model DIR picks another model; --lexicon-only and --head-only pick one source.
            """)

    @Argument(help: "The text to analyse (omit with --file).")
    var text: String?

    @Option(name: .long, help: ArgumentHelp("A CSV file to annotate; its rows are copied with label and score columns.", valueName: "F.csv"))
    var file: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the annotated CSV (standard output by default).", valueName: "OUT.csv"))
    var output: String?

    @Option(name: .long, help: "The CSV column holding the text.")
    var column = "text"

    @OptionGroup var model: ModelOptions

    @Flag(name: .long, help: "Use the lexicon and rules alone, never a model.")
    var lexiconOnly = false

    @Flag(name: .long, help: "Use the model's learned sentiment head alone, without the lexicon (for comparison).")
    var headOnly = false

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
        if json && file != nil {
            throw ValidationError("--json prints one text's result; --file writes CSV.")
        }
        if lexiconOnly && (headOnly || model.path != nil) {
            throw ValidationError("--lexicon-only uses no model: drop --model and --head-only.")
        }
    }

    func run() throws {
        let choice = try SentimentAnalyserChoice.make(model: model.path, lexiconOnly: lexiconOnly, headOnly: headOnly,
                                                      lexicon: try customLexicon())
        if let notice = choice.notice { FileHandle.standardError.write(Data((notice + "\n").utf8)) }
        if file != nil { FileHandle.standardError.write(Data("sentiment: \(choice.name)\n".utf8)) }
        let analyser = choice.analyser
        if let text {
            let result = analyser.analyse(text)
            print(json ? try SentimentReport.json(result) : SentimentReport.text(result, analyser: choice.name))
        } else if let file {
            let annotated = try annotate(file: file, with: analyser)
            if let output {
                do {
                    try AtomicFile.write(annotated, to: URL(fileURLWithPath: output))
                } catch {
                    throw CommandFailure("cannot write \(error.description)")
                }
            } else {
                print(annotated, terminator: "")
            }
        }
    }

    /// The analyser on --lexicon FILE, or the built-in lexicon.
    private func customLexicon() throws -> LexiconSentimentAnalyser {
        guard let lexicon else { return LexiconSentimentAnalyser() }
        guard let data = FileManager.default.contents(atPath: lexicon) else {
            throw CommandFailure("\(lexicon): cannot read the lexicon file")
        }
        return LexiconSentimentAnalyser(lexicon: try Lexicon(tsv: String(decoding: data, as: UTF8.self), source: lexicon))
    }

    private func annotate(file: String, with analyser: any SentimentAnalyser) throws -> String {
        let table = try CSVReader.read(contentsOf: URL(fileURLWithPath: file), displayPath: file, repairingInvalidUTF8: true)
        let annotated = try SentimentAnnotation.annotate(table, column: column, file: file, with: analyser)
        return CSVWriter.table(header: annotated.header, rows: annotated.rows)
    }
}
