// Tests of EncodedWords (RFC 2047): B and Q words, adjacent words joined, a character split
// across two words, text around words kept, malformed words left as written.
import FileFormats
import Testing

@Test func bAndQWordsDecodeAndAdjacentWordsJoinWithoutTheSpaceBetween() throws {
    #expect(try EncodedWords.decode("=?UTF-8?B?w4RyZ2Vy?= =?UTF-8?Q?_mit_der_Lieferung?=") == "Ärger mit der Lieferung")
    #expect(try EncodedWords.decode("=?iso-8859-1?q?J=F6rg?=\r\n =?iso-8859-1?q?_M=FCller?=") == "Jörg Müller")
}

@Test func aCharacterSplitAcrossTwoWordsSurvives() throws {
    #expect(try EncodedWords.decode("=?utf-8?Q?caf=C3?= =?utf-8?Q?=A9?=") == "café")
}

@Test func plainTextAroundWordsKeepsItsSpaces() throws {
    #expect(try EncodedWords.decode("Re: =?utf-8?q?Bestellung?= 48213377 ok") == "Re: Bestellung 48213377 ok")
    #expect(try EncodedWords.decode("no words here") == "no words here")
    #expect(try EncodedWords.decode("") == "")
    #expect(try EncodedWords.decode("=") == "=")
    #expect(try EncodedWords.decode("📦 =?UTF-8?B?8J+Tpg==?=") == "📦 📦")
}

@Test func malformedWordsStayAsWritten() throws {
    #expect(try EncodedWords.decode("=?utf-8?X?abc?=") == "=?utf-8?X?abc?=")
    #expect(try EncodedWords.decode("=?utf-8?Q?has space?=") == "=?utf-8?Q?has space?=")
    #expect(try EncodedWords.decode("=?utf-8?Q?unterminated") == "=?utf-8?Q?unterminated")
}

@Test func aWordInAnUnsupportedCharsetIsAnError() {
    let problem = MailFixtures.failure { _ = try EncodedWords.decode("=?koi8-r?B?8NLJ18XU?=") }
    #expect(problem?.message.contains("koi8-r") == true)
}

@Test func oddCharsetFieldsDoNotCrash() throws {
    #expect(try EncodedWords.decode("=?*?Q?x?=") == "=?*?Q?x?=")
    #expect(try EncodedWords.decode("=?utf-8*en?Q?caf=C3=A9?=") == "café")
}
