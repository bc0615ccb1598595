// Loads the committed fixtures (made by scripts/fixtures/tokenizer_fixtures.py) and builds the
// random Unicode text the property tests use.
import Foundation
import TensorCore
import Tokenization

enum Fixtures {
    /// The URL of a resource file.
    static func url(_ name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources")
            ?? Bundle.module.url(forResource: name, withExtension: nil)
    }

    /// A decoded JSON resource, or nil if missing or malformed.
    static func json<T: Decodable>(_ name: String, as type: T.Type) -> T? {
        guard let url = url(name), let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(T.self, from: data)
    }

    /// A tokenizer resource.
    static func tokenizer(_ name: String) throws -> Tokenizer {
        guard let url = url(name) else { throw TokenizationError("missing fixture \(name)") }
        return try Tokenizer(contentsOfFile: url.path)
    }

    /// The fixture texts.
    static var texts: [String] { json("texts.json", as: [String].self) ?? [] }

    /// The small tokenizer trained by us on corpus.txt, rebuilt in-process.
    static func trainedTokenizer(normalizer: TextNormalizer = TextNormalizer()) throws -> Tokenizer {
        guard let url = url("corpus.txt") else { throw TokenizationError("missing fixture corpus.txt") }
        var configuration = BPETrainer.Configuration()
        configuration.vocabularySize = 400
        configuration.normalizer = normalizer
        return try BPETrainer(configuration: configuration).train(files: [url.path])
    }
}

/// Random text for property tests: every plane, combining marks, ZWJ emoji, RTL, controls.
struct RandomText {
    var generator: SeededGenerator

    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    /// One random scalar from a mix of ranges chosen to hit edge cases.
    mutating func scalar() -> Unicode.Scalar {
        let ranges: [ClosedRange<UInt32>] = [
            0x00...0x7F, 0x20...0x7E, 0x80...0x7FF, 0x300...0x36F, 0x590...0x6FF, 0x4E00...0x9FFF,
            0x3000...0x30FF, 0xAC00...0xD7A3, 0xE000...0xFFFF, 0x1F300...0x1FAFF, 0x10000...0x10FFFF,
            0x200B...0x200F, 0x2028...0x202F, 0xFE00...0xFE0F,
        ]
        while true {
            let range = ranges[generator.nextInt(below: ranges.count)]
            let value = range.lowerBound + UInt32(generator.nextInt(below: Int(range.upperBound - range.lowerBound) + 1))
            if let scalar = Unicode.Scalar(value) { return scalar }
        }
    }

    /// A string of up to `maxLength` scalars, sometimes with ZWJ emoji sequences and spaces.
    mutating func string(maxLength: Int) -> String {
        var scalars = String.UnicodeScalarView()
        let length = generator.nextInt(below: maxLength + 1)
        for _ in 0..<length {
            switch generator.nextInt(below: 8) {
            case 0: scalars.append(" ")
            case 1: scalars.append(contentsOf: "👨\u{200D}👩\u{200D}👧".unicodeScalars)
            default: scalars.append(scalar())
            }
        }
        return String(scalars)
    }

    /// Random bytes, often invalid UTF-8 (lone surrogates ED A0 80, truncated sequences).
    mutating func bytes(maxLength: Int) -> [UInt8] {
        let length = generator.nextInt(below: maxLength + 1)
        var bytes: [UInt8] = []
        for _ in 0..<length {
            if generator.nextInt(below: 10) == 0 {
                bytes += [0xED, 0xA0 + UInt8(generator.nextInt(below: 32)), 0x80]
            } else {
                bytes.append(UInt8(truncatingIfNeeded: generator.next()))
            }
        }
        return bytes
    }
}
