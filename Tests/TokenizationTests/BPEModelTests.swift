// The heap-driven merge for long words gives exactly what the quadratic loop gives.
import Testing
import TensorCore
@testable import Tokenization

@Test func longWordMergeAgreesWithShortWordMerge() throws {
    let model = try Fixtures.trainedTokenizer().model
    var generator = SeededGenerator(seed: 21)
    let alphabet = Array("aeinorst hwy'".utf8)
    for length in [2, 3, 17, 49, 120, 400] {
        for _ in 0..<20 {
            let bytes = (0..<length).map { _ in alphabet[generator.nextInt(below: alphabet.count)] }
            var short = bytes.map { model.byteIDs[Int($0)] }
            var long = short
            model.mergeShort(&short)
            model.mergeLong(&long)
            #expect(short == long)
            #expect(short.flatMap { model.tokenBytes[Int($0)] } == bytes)
        }
    }
}
