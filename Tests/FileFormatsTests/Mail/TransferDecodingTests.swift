// Tests of the transfer decodings: base64 with line breaks, missing padding and a truncated
// end; quoted-printable escapes, soft line breaks, trailing spaces and stray `=`.
import FileFormats
import Testing

@Test func base64SkipsLineBreaksAndAcceptsMissingPadding() throws {
    #expect(try Base64Body.decode(Array("SGVs\r\nbG8=\r\n".utf8)) == Array("Hello".utf8))
    #expect(try Base64Body.decode(Array("SGVsbG8".utf8)) == Array("Hello".utf8))
    #expect(try Base64Body.decode(Array("".utf8)) == [])
}

@Test func base64EndingInTheMiddleOfAByteIsTruncated() {
    let problem = MailFixtures.failure { _ = try Base64Body.decode(Array("SGVsbG8gV".utf8)) }
    #expect(problem?.message.contains("truncated") == true)
}

@Test func quotedPrintableDecodesEscapesAndSoftBreaks() {
    let decoded = QuotedPrintable.decode(Array("besch=E4digt, R=FCck=\r\nruf   \r\nnext=3D=zz=".utf8), underscoreIsSpace: false)
    #expect(decoded == MailFixtures.singleBytes("besch\u{E4}digt, R\u{FC}ckruf\r\nnext==zz"))
    #expect(QuotedPrintable.decode(Array("a_b=5F".utf8), underscoreIsSpace: true) == Array("a b_".utf8))
    #expect(QuotedPrintable.decode([], underscoreIsSpace: false) == [])
}
