// Tests of MailMessage parsing whole messages: headers (folded, encoded words, sender, date,
// Message-ID), charsets, transfer encodings, HTML-only and nested multipart mail, empty and
// 1 MB bodies, and the per-message errors (truncation, unsupported charset, no text part).
import FileFormats
import Foundation
import Testing

@Test func aPlainMessageGivesEveryField() throws {
    let mail = try MailFixtures.parse(MailFixtures.crlf("""
        From: "Smith, Anna" <anna@customer.example>
        To: support@shop.example
        Subject: Where is my order?
        Date: Mon, 7 Dec 2026 10:48:06 +0100
        Message-ID: <20261207.abc@customer.example>

        Hi,

        my order 48213377 has not arrived.

        Thanks,
        Anna

        """))
    #expect(mail.id == "20261207.abc@customer.example")
    #expect(mail.subject == "Where is my order?")
    #expect(mail.senderName == "Smith, Anna")
    #expect(mail.senderAddress == "anna@customer.example")
    #expect(mail.date == Date(timeIntervalSince1970: 1_796_636_886))
    #expect(mail.text == "Hi,\n\nmy order 48213377 has not arrived.\n\nThanks,\nAnna\n")
    #expect(mail.request == "my order 48213377 has not arrived.")
    #expect(mail.position == MailPosition(file: "test.eml"))
}

@Test func foldedHeadersAndEncodedWordsDecode() throws {
    let mail = try MailFixtures.parse("""
        From: =?iso-8859-1?q?J=F6rg_M=FCller?=
         <joerg@customer.example>
        Subject: =?UTF-8?B?w4RyZ2Vy?=
        \t=?UTF-8?Q?_mit_der_Lieferung?= 48213377
        message-id:
          <folded@customer.example>
        Date: 7 Dec 26 10:48 GMT (a comment)

        Body.
        """)
    #expect(mail.senderName == "Jörg Müller")
    #expect(mail.senderAddress == "joerg@customer.example")
    #expect(mail.subject == "Ärger mit der Lieferung 48213377")
    #expect(mail.id == "folded@customer.example")
    #expect(mail.date == Date(timeIntervalSince1970: 1_796_640_480))
}

@Test func aMessageWithoutMessageIDHasANilIdAndOddHeadersAreTolerated() throws {
    let mail = try MailFixtures.parse("From: anna@customer.example (Anna)\nSubject:\nDate: not a date\n\nHello?\n")
    #expect(mail.id == nil)
    #expect(mail.subject == "")
    #expect(mail.senderName == "Anna")
    #expect(mail.senderAddress == "anna@customer.example")
    #expect(mail.date == nil)
    let bare = try MailFixtures.parse("From: bob@customer.example\nMessage-ID: <>\n\nx")
    #expect(bare.senderAddress == "bob@customer.example")
    #expect(bare.senderName == nil)
    #expect(bare.id == nil)
}

@Test func iso88591QuotedPrintableMailDecodes() throws {
    let mail = try MailFixtures.parse(MailFixtures.crlf("""
        Content-Type: text/plain; charset="ISO-8859-1"
        Content-Transfer-Encoding: quoted-printable

        Mein Paket ist besch=E4digt angekommen, bitte um R=FCck=
        ruf.
        """))
    #expect(mail.text == "Mein Paket ist beschädigt angekommen, bitte um Rückruf.")
}

@Test func windows1252EightBitMailDecodes() throws {
    let header = "Content-Type: text/plain; charset=windows-1252\nContent-Transfer-Encoding: 8bit\n\n"
    let mail = try MailFixtures.parse(MailFixtures.singleBytes(header + "I paid 40\u{80} \u{96} it says \u{93}pending\u{94}.\n"))
    #expect(mail.text == "I paid 40€ – it says “pending”.\n")
    let latin9 = try MailFixtures.parse(MailFixtures.singleBytes("Content-Type: text/plain; charset=iso-8859-15\n\n5\u{A4}"))
    #expect(latin9.text == "5€")
}

@Test func base64Utf8BodyDecodes() throws {
    let mail = try MailFixtures.parse("""
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: base64

        SGFsbG8sCm1laW4gUGFrZXQgaXN0IG5pY2h0IGFuZ2Vrb21tZW4uIEJlc3RlbGxudW1tZXIgNDgy
        MTMzNzcuCgpHcsO8w59lCkrDtnJnCg==
        """)
    #expect(mail.text == "Hallo,\nmein Paket ist nicht angekommen. Bestellnummer 48213377.\n\nGrüße\nJörg\n")
    #expect(mail.request == "mein Paket ist nicht angekommen. Bestellnummer 48213377.")
}

@Test func htmlOnlyMailBecomesTextWithoutItsQuotedHistory() throws {
    let mail = try MailFixtures.parse("""
        Subject: refund
        Content-Type: text/html; charset=utf-8

        <html><head><style>div{}</style></head><body>
        <div>Hello team,</div><div>my refund of 40&nbsp;&euro; &amp; the voucher are missing.</div>
        <div class="gmail_quote"><div>On Mon, 7 Dec 2026 at 09:12, Shop &lt;s@shop.example&gt; wrote:</div>
        <blockquote><p>Your refund is on its way.</p></blockquote></div></body></html>
        """)
    #expect(mail.request == "my refund of 40 € & the voucher are missing.")
    #expect(mail.text.contains("> Your refund is on its way."))
}

@Test func nestedMultipartPrefersPlainTextAndSkipsAttachments() throws {
    let mail = try MailFixtures.parse(MailFixtures.crlf("""
        Subject: boots
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="outer"

        This is a multi-part message in MIME format.
        --outer
        Content-Type: text/plain; name="notes.txt"
        Content-Disposition: attachment; filename="notes.txt"

        attachment text, not the request
        --outer
        Content-Type: multipart/alternative; boundary=inner

        --inner
        Content-Type: text/html; charset=utf-8

        <p>html version</p>
        --inner
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        The boots are too small, can I exchange them for size 43?
        --inner--
        --outer
        Content-Type: application/pdf
        Content-Transfer-Encoding: base64

        JVBERi0xLjQK
        --outer--
        epilogue
        """))
    #expect(mail.text == "The boots are too small, can I exchange them for size 43?")
}

@Test func htmlAlternativeIsUsedWhenThereIsNoPlainPart() throws {
    let mail = try MailFixtures.parse("""
        Content-Type: multipart/related; boundary=b

        --b
        Content-Type: text/html; charset=iso-8859-1
        Content-Transfer-Encoding: quoted-printable

        <p>Gr=FC=DFe, wo ist meine Bestellung?</p>
        --b
        Content-Type: image/png

        iVBORw0KGgo=
        --b--
        """)
    #expect(mail.text == "Grüße, wo ist meine Bestellung?")
}

@Test func anEmptyBodyIsAnEmptyRequest() throws {
    let mail = try MailFixtures.parse("Subject: order 48213377 missing\nMessage-ID: <e@x.example>\n\n")
    #expect(mail.text == "")
    #expect(mail.request == "")
    #expect(mail.subject == "order 48213377 missing")
    let noBody = try MailFixtures.parse("Subject: s\r\n\r\n")
    #expect(noBody.text == "")
}

@Test func aOneMegabyteBodyIsReadWhole() throws {
    let line = "my order 48213377 is late and I would like to know why. \n"
    let body = String(repeating: line, count: (1 << 20) / line.utf8.count + 1)
    let plain = try MailFixtures.parse("Subject: long\n\n" + body)
    #expect(plain.text.utf8.count == body.utf8.count)
    #expect(plain.request.utf8.count > 1 << 19)
    let encoded = Data(body.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
    let base64 = try MailFixtures.parse("Content-Transfer-Encoding: base64\n\n" + encoded)
    #expect(base64.text == body)
}

@Test func brokenMessagesAreClearErrors() {
    let cases: [(String, String)] = [
        ("", "empty message"),
        ("Subject: cut off\nFrom: a@b.example", "truncated"),
        ("Content-Type: text/plain; charset=koi8-r\n\nx", "unsupported charset \"koi8-r\""),
        ("Content-Transfer-Encoding: x-uuencode\n\nx", "unsupported Content-Transfer-Encoding"),
        ("Content-Type: multipart/mixed; boundary=b\n\n--b\n\nfirst part\n--b\nContent-Type: text/pl", "closing boundary"),
        ("Content-Type: multipart/mixed\n\nx", "without a boundary"),
        ("Content-Type: image/png\n\nx", "no text/plain or text/html part"),
        ("Subject: =?koi8-r?B?8NLJ18XU?=\n\nx", "koi8-r"),
    ]
    for (text, reason) in cases {
        let problem = MailFixtures.failure { _ = try MailFixtures.parse(text) }
        #expect(problem?.message.contains(reason) == true, "\(reason): \(String(describing: problem))")
        #expect(problem?.file == "test.eml")
        #expect(problem?.byteOffset == 0)
    }
}

@Test func theExampleInFormatsMdReadsAsDocumented() throws {
    let mail = try MailFixtures.parse("""
        From: "Smith, Anna" <anna@customer.example>
        Subject: =?UTF-8?Q?Wo_ist_mein_Paket=3F?=
        Message-ID: <20261207.abc@customer.example>
        Content-Type: text/plain; charset=ISO-8859-1
        Content-Transfer-Encoding: quoted-printable

        Hallo,

        mein Paket 48213377 ist noch nicht da. K=F6nnen Sie nachsehen?

        Danke,
        Anna

        On Mon, 7 Dec 2026 at 09:12, Shop <support@shop.example> wrote:
        > Your order ships today.
        """)
    #expect(mail.id == "20261207.abc@customer.example")
    #expect(mail.subject == "Wo ist mein Paket?")
    #expect(mail.senderName == "Smith, Anna")
    #expect(mail.request == "mein Paket 48213377 ist noch nicht da. Können Sie nachsehen?")
}

@Test func rawEightBitHeadersAreUTF8ElseWindows1252() throws {
    let utf8 = try MailFixtures.parse("Subject: Größe 📦 passt nicht\nFrom: Jörg <j@x.example>\n\nx")
    #expect(utf8.subject == "Größe 📦 passt nicht")
    #expect(utf8.senderName == "Jörg")
    let latin = try MailFixtures.parse(MailFixtures.singleBytes("Subject: caf\u{E9} \u{80}5\n\nx"))
    #expect(latin.subject == "café €5")
}
