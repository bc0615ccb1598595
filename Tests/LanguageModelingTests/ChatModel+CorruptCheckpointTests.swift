// Corrupt and truncated checkpoint files: every damage to a real saved model (cut files, flipped
// bytes, garbage, emptied files, a missing file) is refused with one line that names the file
// and says what is wrong, without Swift's internal type names, and never crashes.
import Foundation
import LanguageModeling
import Testing

/// One way to damage a file: its name and what it does to the bytes.
private struct Damage: CustomStringConvertible, Sendable {
    var description: String
    var apply: @Sendable (Data) -> Data
}

private let damages: [Damage] = [
    Damage(description: "cut to half") { $0.prefix($0.count / 2) },
    Damage(description: "cut to 7 bytes") { $0.prefix(7) },
    Damage(description: "emptied") { _ in Data() },
    Damage(description: "last 2 bytes dropped") { $0.dropLast(2) },
    Damage(description: "bytes 0–15 flipped") { data in
        var bytes = [UInt8](data)
        for index in 0..<min(16, bytes.count) { bytes[index] ^= 0xFF }
        return Data(bytes)
    },
    Damage(description: "replaced by binary garbage") { data in
        var generator = SystemRandomNumberGenerator()
        return Data((0..<max(64, data.count / 4)).map { _ in UInt8.random(in: 0...255, using: &generator) })
    },
]

/// Whether `message` is one clear line naming `file`.
private func isOneClearLine(_ message: String, naming file: String) -> Bool {
    !message.contains("\n") && message.contains(file) && !message.contains("Swift.") && !message.contains("DecodingError")
        && !message.contains("NSCocoaErrorDomain") && !message.contains("Optional(")
}

@Test(arguments: [ChatModel.CheckpointFile.config, ChatModel.CheckpointFile.tokenizer, ChatModel.CheckpointFile.weights])
func aDamagedCheckpointFileIsRefusedWithOneLineNamingIt(file: String) throws {
    let model = try Fixtures.trainedModel()
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try model.save(to: directory)
    let url = directory.appendingPathComponent(file)
    let whole = try Data(contentsOf: url)
    for damage in damages {
        try damage.apply(whole).write(to: url)
        do {
            _ = try ChatModel.load(from: directory)
            Issue.record("\(file) \(damage) loaded")
        } catch {
            #expect(isOneClearLine(error.message, naming: url.path), "\(file) \(damage): \(error.message)")
        }
    }
    try FileManager.default.removeItem(at: url)
    let missing = #expect(throws: ChatModelError.self) { try ChatModel.load(from: directory) }
    #expect(missing.map { $0.message.contains(file) && !$0.message.contains("\n") } == true, "\(String(describing: missing))")
    try whole.write(to: url)
    #expect(try ChatModel.load(from: directory).labels == model.labels, "the undamaged file loads again")
}
