// Speed and memory of reading customer e-mail: a synthetic mbox (our own messages: plain with
// quoted history, ISO-8859-1 quoted-printable, base64, multipart with HTML, HTML-only) of a
// given size is written to a temporary file and read back with `MailReader`; the resident
// memory is sampled while reading, to show that it stays flat however large the file.
import FileFormats
import Foundation
import Primitives

/// Measures `MailReader` on an mbox file.
public struct MailBenchmark: Sendable {
    /// Size of the generated mbox in MB (10^6 bytes).
    public var megabytes = 256
    /// Where the temporary mbox is written (removed afterwards).
    public var directory = FileManager.default.temporaryDirectory

    /// An mbox of `megabytes`, else 256 MB (4 MB for a short smoke-test run).
    public init(quick: Bool = false, megabytes: Int? = nil) {
        self.megabytes = megabytes ?? (quick ? 4 : 256)
    }

    /// Messages/s, MB/s, and resident memory before and while reading.
    public func run() -> [BenchmarkRecord] {
        let url = directory.appendingPathComponent("chatbot-bench-\(UUID().uuidString).mbox")
        defer { try? FileManager.default.removeItem(at: url) }
        guard let bytes = try? writeMbox(to: url) else { return [] }
        let before = Self.residentMegabytes()
        var tally = Tally(peakMegabytes: before)
        guard let seconds = try? Stopwatch.seconds({ () throws(FileFormatError) in try read(url, into: &tally) }) else {
            return []
        }
        let (messages, failures, requestBytes, peak) = (tally.messages, tally.failures, tally.requestBytes, tally.peakMegabytes)
        guard requestBytes > 0 else { return [] }
        return [
            BenchmarkRecord(name: "mail.mbox.size", value: Double(bytes) / 1e6, unit: "MB"),
            BenchmarkRecord(name: "mail.mbox.messages_per_second", value: Double(messages) / seconds, unit: "messages/s"),
            BenchmarkRecord(name: "mail.mbox.throughput", value: Double(bytes) / seconds / 1e6, unit: "MB/s"),
            BenchmarkRecord(name: "mail.mbox.failures", value: Double(failures), unit: "messages"),
            BenchmarkRecord(name: "mail.mbox.rss_before_read", value: before, unit: "MB"),
            BenchmarkRecord(name: "mail.mbox.rss_peak_while_reading", value: peak, unit: "MB"),
        ]
    }

    /// What reading the file found, and the most memory it held.
    private struct Tally {
        var peakMegabytes: Double
        var messages = 0
        var failures = 0
        var requestBytes = 0
    }

    /// Reads every message of the mbox at `url`, sampling resident memory every 2,000 messages.
    private func read(_ url: URL, into tally: inout Tally) throws(FileFormatError) {
        for result in try MailReader(path: url.path, source: .mbox) {
            switch result {
            case .success(let mail): tally.requestBytes += mail.request.utf8.count
            case .failure: tally.failures += 1
            }
            tally.messages += 1
            if tally.messages % 2_000 == 0 { tally.peakMegabytes = max(tally.peakMegabytes, Self.residentMegabytes()) }
        }
        tally.peakMegabytes = max(tally.peakMegabytes, Self.residentMegabytes())
    }

    /// Writes sample messages in turn until the file holds `megabytes`; returns its size.
    private func writeMbox(to url: URL) throws -> Int {
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: url.path) else { throw CocoaError(.fileWriteUnknown) }
        defer { try? handle.close() }
        let target = megabytes * 1_000_000
        var written = 0
        var number = 0
        while written < target {
            var batch: [UInt8] = []
            while batch.count < 1 << 20 {
                batch += Self.samples[number % Self.samples.count](number)
                number += 1
            }
            try handle.write(contentsOf: batch)
            written += batch.count
        }
        return written
    }

    /// VmRSS of this process in MB, from /proc/self/status (0 where there is none).
    private static func residentMegabytes() -> Double {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
        let kilobytes = line?.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0
        return kilobytes / 1000
    }

    /// The sample messages, each with its `From ` line and a numbered Message-ID (text written for this benchmark).
    private static let samples: [@Sendable (Int) -> [UInt8]] = [
        { number in
            Array("""
                From anna@customer.example Mon Dec  7 10:00:00 2026
                From: Anna Example <anna@customer.example>
                Subject: Where is my order?
                Message-ID: <\(number)@bench.example>
                Date: Mon, 7 Dec 2026 10:00:00 +0100

                Hi,

                my order \(48_000_000 + number % 1_000_000) has not arrived yet. Can you check?

                Thanks,
                Anna

                On Mon, 7 Dec 2026 at 09:12, Shop <support@shop.example> wrote:
                > Thank you for your order.
                > It ships today.


                """.utf8)
        },
        { number in
            Array("""
                From joerg@customer.example Mon Dec  7 10:01:00 2026
                From: =?iso-8859-1?q?J=F6rg_M=FCller?= <joerg@customer.example>
                Subject: =?iso-8859-1?q?Besch=E4digtes_Paket?=
                Message-ID: <\(number)@bench.example>
                Content-Type: text/plain; charset=ISO-8859-1
                Content-Transfer-Encoding: quoted-printable

                Hallo,

                mein Paket ist besch=E4digt angekommen, bitte um R=FCckruf. Die Bestellnummer=
                 ist \(48_000_000 + number % 1_000_000).

                Gr=FC=DFe
                J=F6rg


                """.utf8)
        },
        { number in
            Array("""
                From carla@customer.example Mon Dec  7 10:02:00 2026
                From: Carla <carla@customer.example>
                Subject: =?UTF-8?B?RG91YmxlIGNoYXJnZQ==?=
                Message-ID: <\(number)@bench.example>
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="b\(number)"

                --b\(number)
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: base64

                TXkgY2FyZCB3YXMgY2hhcmdlZCB0d2ljZSBmb3IgdGhlIHNhbWUgb3JkZXIuIFBsZWFzZSByZWZ1
                bmQgb25lIG9mIHRoZSB0d28gcGF5bWVudHMuCgpCZXN0IHJlZ2FyZHMKQ2FybGEK
                --b\(number)
                Content-Type: text/html; charset=utf-8

                <p>My card was charged twice for the same order.</p><p>Please refund one of the two payments.</p>
                --b\(number)--


                """.utf8)
        },
        { number in
            Array("""
                From dan@customer.example Mon Dec  7 10:03:00 2026
                From: dan@customer.example
                Subject: Re: your return
                Message-ID: <\(number)@bench.example>
                Content-Type: text/html; charset=utf-8

                <html><head><style>p { margin: 0 }</style></head><body>
                <div>Hello team,</div><div>the return label does not print &amp; the page says &quot;error 500&quot;.</div>
                <div>On Mon, 7 Dec 2026, Shop &lt;support@shop.example&gt; wrote:</div>
                <blockquote><p>Here is your return label.</p></blockquote></body></html>


                """.utf8)
        },
    ]
}
