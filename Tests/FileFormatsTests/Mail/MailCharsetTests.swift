// Tests of MailCharset: the supported charsets decode their bytes (ISO-8859-15's eight
// differences from Latin-1, Windows-1252's 0x80–0x9F), aliases, and a clear error for others.
import FileFormats
import Testing

@Test func latin1DecodesEveryHighByteAsItsCodePoint() throws {
    let charset = try MailCharset(name: "ISO-8859-1")
    #expect(charset.decode(MailFixtures.singleBytes("Gr\u{FC}\u{DF}e, caf\u{E9} \u{A4}")) == "Grüße, café ¤")
}

@Test func latin9ReplacesTheEightLatin1CodePointsItRedefines() throws {
    let charset = try MailCharset(name: "iso-8859-15")
    #expect(charset.decode([0xA4, 0xA6, 0xA8, 0xB4, 0xB8, 0xBC, 0xBD, 0xBE]) == "€ŠšŽžŒœŸ")
    #expect(charset.decode([0xE9, 0xA3]) == "é£")
}

@Test func windows1252DecodesQuotesDashesAndTheEuro() throws {
    let charset = try MailCharset(name: "windows-1252")
    #expect(charset.decode(MailFixtures.singleBytes("\u{93}Hi\u{94} \u{96} 5\u{80} \u{85}")) == "“Hi” – 5€ …")
    #expect(try MailCharset(name: "CP1252").decode([0x99]) == "™")
    // Mislabelled Windows mail: ISO-8859-1 is read as Windows-1252, as browsers do.
    #expect(try MailCharset(name: "latin1").decode([0x80]) == "€")
}

@Test func utf8AndUnlabelledTextDecode() throws {
    #expect(try MailCharset(name: "UTF-8").decode(Array("Ärger 📦".utf8)) == "Ärger 📦")
    #expect(try MailCharset(name: "utf-8").decode([0x61, 0xFF]) == "a\u{FFFD}")
    #expect(try MailCharset(name: "").decode(Array("naïve".utf8)) == "naïve")
    #expect(try MailCharset(name: "us-ascii").decode([0x63, 0x61, 0x66, 0xE9]) == "café")
    #expect(try MailCharset(name: "us-ascii").decode([]) == "")
}

@Test func anotherCharsetIsAClearError() {
    let problem = MailFixtures.failure { _ = try MailCharset(name: "koi8-r") }
    #expect(problem?.message.contains("unsupported charset \"koi8-r\"") == true)
    #expect(problem?.message.contains("ISO-8859-15") == true)
}
