// A damaged sentiment combiner beside the weights (cut, emptied, garbage) is refused with one
// line naming the file, never read as a combination.
import Dialogue
import FileFormats
import Foundation
import Primitives
import Sentiment
import Testing

@Test func aDamagedCombinerFileIsRefusedWithOneLineNamingIt() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("combiner-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let combiner = try LogisticCombiner(features: [[0, 1, 0, 1, 0, 1], [1, 0, 1, 0, 1, 0]], labels: [.negative, .positive])
    try ModelSentiment.save(combiner, in: directory)
    let url = directory.appendingPathComponent(ModelSentiment.combinerFileName)
    let whole = try Data(contentsOf: url)
    #expect(try ModelSentiment.combination(in: directory) == .fitted(combiner))
    for damaged in [whole.prefix(whole.count / 2), whole.prefix(1), Data(), Data([0xFF, 0xFE, 0x00, 0x7B]), whole.dropLast(2)] {
        try damaged.write(to: url)
        let error = #expect(throws: FileFormatError.self) { try ModelSentiment.combination(in: directory) }
        let text = error?.description ?? ""
        #expect(text.contains(url.path) && !text.contains("\n") && !text.contains("Swift."), "\(damaged.count) bytes: \(text)")
    }
}
