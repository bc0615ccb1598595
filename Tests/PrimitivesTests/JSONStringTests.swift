// The one JSON string escaper: serde_json's bytes (what safetensors and tokenizer.json need),
// and the choices made once for DEL, U+2028/U+2029, \b and \f.
import Foundation
import Primitives
import Testing

@Test(arguments: [
    ("", #""""#),
    ("a", #""a""#),
    ("zéta 日本", "\"zéta 日本\""),
    ("👋🏽 hi", "\"👋🏽 hi\""),
    ("say \"hi\" \\ back", #""say \"hi\" \\ back""#),
    ("\n\r\t", #""\n\r\t""#),
    ("\u{08}\u{0C}", #""\b\f""#),
    ("\u{00}\u{01}\u{1F}", #""\u0000\u0001\u001f""#),
    ("\u{7F}", "\"\u{7F}\""),
    ("\u{2028}\u{2029}", "\"\u{2028}\u{2029}\""),
    ("/", #""/""#),
])
func stringsAreEscapedAsSerdeJSONEscapesThem(_ text: String, _ expected: String) {
    #expect(JSONString.quoted(text) == expected)
}

@Test func invalidBytesBecomeTheReplacementCharacter() {
    let text = String(decoding: [0x61, 0xFF, 0x62] as [UInt8], as: UTF8.self)
    #expect(JSONString.quoted(text) == "\"a\u{FFFD}b\"")
}

@Test func everyEscapedStringReadsBackUnchanged() throws {
    let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
    let long = String(repeating: "line \"one\"\n\u{2028}😀 ", count: 5_000)
    for text in ["", "x", controls, "\u{7F}\u{2029}", long] {
        let data = Data(("[" + JSONString.quoted(text) + "]").utf8)
        #expect(try JSONSerialization.jsonObject(with: data) as? [String] == [text])
    }
}
