// Tests of MailDate: RFC 5322 dates with and without weekday and seconds, numeric and named
// zones, two-digit years, comments, and nil for what is not a date.
import FileFormats
import Foundation
import Testing

@Test func mailDatesInTheirCommonFormsParse() {
    #expect(MailDate.parse("Mon, 7 Dec 2026 10:48:06 +0100") == Date(timeIntervalSince1970: 1_796_636_886))
    #expect(MailDate.parse("Tue, 1 Mar 2022 08:00:00 EST") == Date(timeIntervalSince1970: 1_646_139_600))
    #expect(MailDate.parse("1 Mar 2022 14:30 +0130 (CET)") == Date(timeIntervalSince1970: 1_646_139_600))
    #expect(MailDate.parse("31 Dec 99 23:59 -0000") == Date(timeIntervalSince1970: 946_684_740))
}

@Test func whatIsNotADateIsNil() {
    for text in ["", "x", "tomorrow", "7 Foo 2026 10:00 +0000", "7 Dec 2026 25:00 +0000", "7 Dec 2026 10:00 +01", "📦",
                 "1 Jan 9223372036854775807 10:00 +0000", "1 Jan -5 10:00 +0000"] {
        #expect(MailDate.parse(text) == nil, "\(text)")
    }
}
