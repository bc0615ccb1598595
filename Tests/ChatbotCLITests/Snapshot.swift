// Compares text with a committed snapshot file under Snapshots/, or records it when asked.
import Foundation
import Testing

func expectSnapshot(_ text: String, named name: String, sourceFile: StaticString = #filePath) throws {
    let directory = URL(fileURLWithPath: "\(sourceFile)").deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = directory.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["CHATBOT_RECORD_SNAPSHOTS"] == "1" {
        try text.write(to: file, atomically: true, encoding: .utf8)
        return
    }
    let expected = try String(contentsOf: file, encoding: .utf8)
    #expect(text == expected, "snapshot \(name) differs; rerun with CHATBOT_RECORD_SNAPSHOTS=1 if the change is deliberate")
}
