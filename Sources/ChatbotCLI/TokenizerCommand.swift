// `chatbot tokenizer train|encode|decode`: train a byte-level BPE tokenizer and apply it to
// files or stdin, one text per line. Parses, calls Tokenization, prints.
import ArgumentParser
import Foundation
import Tokenization

/// The `tokenizer` command group.
struct TokenizerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenizer",
        abstract: "Train a byte-level BPE tokenizer and encode or decode text with it (tokenizer.json).",
        subcommands: [TokenizerTrainCommand.self, TokenizerEncodeCommand.self, TokenizerDecodeCommand.self])

    /// Loads a tokenizer file, turning errors into a CLI failure that names the file.
    static func load(_ path: String) throws -> Tokenizer {
        do {
            return try Tokenizer(contentsOfFile: path)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The lines of a file, or of stdin when `path` is nil.
    static func lines(of path: String?) throws -> [String] {
        let data: Data
        if let path {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw ValidationError("\(path): cannot read file")
            }
            data = contents
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        return TextLines.lines(of: data)
    }

    /// Writes bytes to stdout in one go.
    static func write(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }
}

/// `chatbot tokenizer train`.
struct TokenizerTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train", abstract: "Learn a vocabulary from text files (one text per line).")

    @Option(name: .long, parsing: .upToNextOption, help: "Corpus files, one text per line.")
    var corpus: [String]

    @Option(name: .long, help: "Target vocabulary size, including special tokens and the 256 bytes.")
    var vocabSize = 8_000

    @Option(name: .long, help: "Never merge pairs seen fewer times than this.")
    var minFrequency = 2

    @Flag(name: .long, help: "Lower-case text before tokenising (stored in the file).")
    var lowercase = false

    @Option(name: .long, help: "Threads for counting words.")
    var threads = 2

    @Option(name: .long, help: "Where to write tokenizer.json.")
    var out: String

    func run() throws {
        var configuration = BPETrainer.Configuration()
        configuration.vocabularySize = vocabSize
        configuration.minimumPairFrequency = minFrequency
        configuration.normalizer.lowercase = lowercase
        configuration.threads = threads
        do {
            let tokenizer = try BPETrainer(configuration: configuration).train(files: corpus)
            try tokenizer.write(toFile: out)
            FileHandle.standardError.write(Data("wrote \(out): \(tokenizer.vocabularySize) tokens, \(tokenizer.model.merges.count) merges\n".utf8))
        } catch {
            throw ValidationError(error.description)
        }
    }
}

/// `chatbot tokenizer encode`.
struct TokenizerEncodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode", abstract: "Print one line of space-separated token ids per input line.")

    @Option(name: .long, help: "A tokenizer.json file.")
    var tokenizer: String

    @Argument(help: "Input file (stdin if omitted).")
    var file: String?

    @Flag(name: .long, help: "Print only the total number of tokens.")
    var count = false

    @Option(name: .long, help: "Threads to encode with.")
    var threads = 2

    func run() throws {
        let tokenizer = try TokenizerCommand.load(self.tokenizer)
        let lines = try TokenizerCommand.lines(of: file)
        let encoded = tokenizer.encodeBatch(lines, threads: threads)
        if count {
            print(encoded.reduce(0) { $0 + $1.count })
            return
        }
        var out: [UInt8] = []
        out.reserveCapacity(lines.count * 64)
        for ids in encoded { TextLines.appendIDLine(ids, to: &out) }
        TokenizerCommand.write(out)
    }
}

/// `chatbot tokenizer decode`.
struct TokenizerDecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode", abstract: "Turn lines of space-separated token ids back into text.")

    @Option(name: .long, help: "A tokenizer.json file.")
    var tokenizer: String

    @Argument(help: "Input file of ids (stdin if omitted).")
    var file: String?

    func run() throws {
        let tokenizer = try TokenizerCommand.load(self.tokenizer)
        var out: [UInt8] = []
        var replaced = 0
        for (number, line) in try TokenizerCommand.lines(of: file).enumerated() {
            switch TextLines.parseIDs(line[...].utf8) {
            case .failure(let bad):
                throw ValidationError("\(file ?? "stdin"):\(number + 1): field \(bad.index + 1) is not a token id")
            case .success(let ids):
                let decoded = tokenizer.decode(ids)
                if !decoded.isExact { replaced += 1 }
                out += decoded.text.utf8
                out.append(0x0A)
            }
        }
        TokenizerCommand.write(out)
        if replaced > 0 {
            FileHandle.standardError.write(Data("warning: \(replaced) line(s) had unknown ids or invalid UTF-8, shown as U+FFFD\n".utf8))
        }
    }
}
