// Line splitting and id-line formatting/parsing used by the CLI round-trip exactly.
import Foundation
import Testing
import Tokenization

@Test func linesSplitOnNewlinesOnly() {
    #expect(TextLines.lines(of: Data("a\nb\r\n\nc".utf8)) == ["a", "b\r", "", "c"])
    #expect(TextLines.lines(of: Data("one\n".utf8)) == ["one"])
    #expect(TextLines.lines(of: Data()) == [])
    #expect(TextLines.lines(of: Data([0x61, 0xFF, 0x0A])) == ["a\u{FFFD}"])
}

@Test func idLinesFormatAndParseBack() throws {
    var out: [UInt8] = []
    TextLines.appendIDLine([0, 7, 12345, 2_000_000_000, -3], to: &out)
    TextLines.appendIDLine([], to: &out)
    #expect(String(decoding: out, as: UTF8.self) == "0 7 12345 2000000000 -3\n\n")
    #expect(try TextLines.parseIDs("0 7  12345 -3"[...].utf8).get() == [0, 7, 12345, -3])
    #expect(try TextLines.parseIDs(""[...].utf8).get() == [])
    for bad in ["1 x 2", "1 - 2", "12a", "99999999999999999999"] {
        #expect((try? TextLines.parseIDs(bad[...].utf8).get()) == nil, "\(bad)")
    }
}
