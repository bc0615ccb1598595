// Tests of HTMLText: tags stripped, entities decoded, white space collapsed, breaks where blocks
// and <br> are, head/style/script dropped, blockquotes marked as quotes, odd markup survived.
import FileFormats
import Testing

@Test func paragraphsBreaksAndEntitiesBecomePlainText() {
    let html = """
        <html><head><title>x</title><style>p { color: red }</style></head>
        <body><p>Hello,</p><p>my   order&nbsp;48213377 costs 40&#8364; &amp; it is
        <b>late</b>.<br>Please&#x20;help.</p><script>alert("no")</script></body></html>
        """
    #expect(HTMLText.plainText(fromHTML: html) == "Hello,\n\nmy order 48213377 costs 40€ & it is late.\nPlease help.")
}

@Test func blockquotesAreMarkedAsQuotedLines() {
    let html = "<div>Still waiting.</div><blockquote><div>We shipped it.</div><div>Support</div></blockquote><div>Anna</div>"
    #expect(HTMLText.plainText(fromHTML: html) == "Still waiting.\n> We shipped it.\n> Support\nAnna")
}

@Test func oddMarkupDoesNotLoseText() {
    #expect(HTMLText.plainText(fromHTML: "") == "")
    #expect(HTMLText.plainText(fromHTML: "x") == "x")
    #expect(HTMLText.plainText(fromHTML: "1 < 2 &unknown; &amp") == "1 < 2 &unknown; &amp")
    #expect(HTMLText.plainText(fromHTML: "<!-- hidden -->shown <a href=\"x>y\">link</a>") == "shown link")
    #expect(HTMLText.plainText(fromHTML: "Größe 📦<p") == "Größe 📦")
    #expect(HTMLText.plainText(fromHTML: "<td>a</td><td>b</td>") == "a b")
    let long = String(repeating: "<p>word word</p>", count: 20_000)
    #expect(HTMLText.plainText(fromHTML: long).count == 20_000 * 9 + 19_999 * 2)
}
