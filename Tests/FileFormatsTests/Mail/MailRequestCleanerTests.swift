// Tests of MailRequestCleaner with known answers: quoted history (attribution lines, also
// wrapped; Outlook header blocks; forwarded blocks; `>` lines), signatures, sign-offs and
// greetings are removed, and the customer's words are kept.
import FileFormats
import Foundation
import Testing

@Test func gmailStyleReplyKeepsOnlyTheRequest() {
    let text = """
        Hi there,

        my order 48213377 has not arrived yet. Can you check?

        Thanks,
        Anna

        On Mon, 7 Dec 2026 at 09:12, Ridgeline Support <support@ridgeline.example.com> wrote:
        > Thank you for your order.
        > It ships today.
        """
    #expect(MailRequestCleaner.request(in: text) == "my order 48213377 has not arrived yet. Can you check?")
}

@Test func outlookHeaderBlockAndSignOffWithContactLinesGo() {
    let text = """
        Dear Sir or Madam,

        Please cancel the hiking boots.
        I ordered the wrong size.

        Best regards
        John Smith
        Ridgeline Fan Club
        +1 555 0100

        ________________________________
        From: Support <support@shop.example>
        Sent: Monday, December 7, 2026 9:00 AM
        To: John <john@customer.example>
        Subject: Your order
        """
    #expect(MailRequestCleaner.request(in: text) == "Please cancel the hiking boots.\nI ordered the wrong size.")
}

@Test func wrappedAttributionAndDashSignatureGo() {
    let text = """
        The zipper broke after two days.
        --\u{20}
        Jo Example
        www.example.org
        """
    #expect(MailRequestCleaner.request(in: text) == "The zipper broke after two days.")
    let wrapped = """
        Any news on my refund?

        On Mon, Dec 7, 2026 at 9:12 AM Ridgeline Support
        <support@shop.example> wrote:

        We are looking into it.
        """
    #expect(MailRequestCleaner.request(in: wrapped) == "Any news on my refund?")
}

@Test func interleavedQuotesGoAndTheAnswersStay() {
    let text = """
        > What size do you need?
        I need size 42.
        > Which colour?
        Black please.
        """
    #expect(MailRequestCleaner.request(in: text) == "I need size 42.\nBlack please.")
}

@Test func forwardedBlocksAndDeviceSignaturesGo() {
    let text = """
        The refund below never came.
        Sent from my iPhone

        ---------- Forwarded message ---------
        From: Shop <shop@shop.example>
        Date: Mon, 7 Dec 2026
        Your refund of 40 EUR is on its way.
        """
    #expect(MailRequestCleaner.request(in: text) == "The refund below never came.")
    let german = "Wo bleibt mein Paket?\n\nAm 7. Dezember 2026 schrieb Support <s@shop.example>:\n> Es ist unterwegs."
    #expect(MailRequestCleaner.request(in: german) == "Wo bleibt mein Paket?")
}

@Test func aGreetingBeforeACommaGoesButTheRestOfTheLineStays() {
    #expect(MailRequestCleaner.request(in: "Hello Anna, where is my refund?") == "where is my refund?")
    #expect(MailRequestCleaner.request(in: "Hey! my parcel is damaged") == "my parcel is damaged")
    #expect(MailRequestCleaner.request(in: "Hi, can you help?\nThanks") == "can you help?")
}

@Test func thanksInsideTheRequestIsNotASignOff() {
    let text = "Thanks for the fast reply.\nBut the parcel is still missing, what now?\nThanks\nAnna"
    #expect(MailRequestCleaner.request(in: text) == "Thanks for the fast reply.\nBut the parcel is still missing, what now?")
    let question = "Where is my order?\nThanks\nAlso can I change the address?"
    #expect(MailRequestCleaner.request(in: question) == question)
}

@Test func aMessageThatIsOnlyThanksKeepsIt() {
    #expect(MailRequestCleaner.request(in: "Thanks!") == "Thanks!")
    #expect(MailRequestCleaner.request(in: "Hi,\n\nThank you so much!\n\nAnna") == "Thank you so much!\n\nAnna")
}

@Test func edgeCaseStringsSurvive() {
    #expect(MailRequestCleaner.request(in: "") == "")
    #expect(MailRequestCleaner.request(in: "x") == "x")
    #expect(MailRequestCleaner.request(in: "📦 wo ist mein Päckchen?") == "📦 wo ist mein Päckchen?")
    #expect(MailRequestCleaner.request(in: "> only quoted") == "")
    let long = String(repeating: "my order is late. ", count: 50_000)
    #expect(MailRequestCleaner.request(in: long) == long.trimmingCharacters(in: .whitespaces))
}
