// Conformance checks that push a backend: many concurrent writers and ticket claimers, hostile
// and huge texts.
import ConversationStorage
import Foundation
import Testing

extension ConversationStoreConformance {
    /// `writers` threads, each with its own store instance, append `turns` messages each to one
    /// shared conversation: every message is stored once, `seq` runs 1…writers·turns without gaps.
    public func checkConcurrentWritersLoseNothing(writers: Int = 8, turns: Int = 1_000) throws {
        let setup = try fixture.makeStore()
        let conversation = try setup.startConversation(Conversation())
        let stores = try (0..<writers).map { _ in try fixture.makeStore() }
        let failures = Locked<[String]>([])
        runConcurrently(stores.count) { writer in
            for turn in 0..<turns {
                do {
                    try stores[writer].appendMessage(Message(
                        conversationID: conversation.id, role: turn % 2 == 0 ? .customer : .bot, text: "w\(writer) t\(turn)"))
                } catch {
                    failures.mutate { $0.append("writer \(writer) turn \(turn): \(error)") }
                    return
                }
            }
        }
        #expect(failures.value.isEmpty, "\(failures.value.prefix(3))")
        let messages = try setup.messages(conversationID: conversation.id)
        #expect(messages.count == writers * turns)
        #expect(messages.map(\.seq) == Array(1...(writers * turns)), "seq 1…n without gaps or repeats")
        let texts = Set(messages.map(\.text))
        #expect(texts.count == writers * turns, "no duplicates")
        let missing = Set((0..<writers).flatMap { w in (0..<turns).map { "w\(w) t\($0)" } }).subtracting(texts)
        #expect(missing.isEmpty, "\(missing.count) turns missing, e.g. \(missing.prefix(3))")
        #expect(try setup.conversation(id: conversation.id)?.messageCount == writers * turns)
    }

    /// `writers` store instances append the same messages (same ids) at the same time, as a
    /// spool replaying a turn whose commit it never saw would: each message is stored once, every
    /// writer gets the stored one back, and the conversation's counter moves once per message.
    public func checkConcurrentRetriesOfOneMessageStoreItOnce(writers: Int = 4, messages: Int = 50) throws {
        let setup = try fixture.makeStore()
        let conversation = try setup.startConversation(Conversation())
        let turns = (0..<messages).map { Message(conversationID: conversation.id, role: .customer, text: "retry \($0)") }
        let stores = try (0..<writers).map { _ in try fixture.makeStore() }
        let results = Locked<[[Message]]>(Array(repeating: [], count: writers))
        let failures = Locked<[String]>([])
        runConcurrently(stores.count) { writer in
            for turn in turns {
                do {
                    let stored = try stores[writer].appendMessage(turn)
                    results.mutate { $0[writer].append(stored) }
                } catch {
                    failures.mutate { $0.append("writer \(writer): \(error)") }
                    return
                }
            }
        }
        #expect(failures.value.isEmpty, "\(failures.value.prefix(3))")
        let stored = try setup.messages(conversationID: conversation.id)
        #expect(stored.map(\.id) == turns.map(\.id))
        #expect(stored.map(\.seq) == Array(1...messages))
        #expect(results.value.allSatisfy { $0 == stored }, "every writer got the stored message back")
        #expect(try setup.conversation(id: conversation.id)?.messageCount == messages)
    }

    /// Workers claiming concurrently never share a ticket; completion and failure need the lease.
    public func checkTicketQueue(workers: Int = 4, ticketCount: Int = 120) throws {
        let store = try fixture.makeStore()
        let time = Date(timeIntervalSince1970: 1_800_000_000)
        for line in 1...ticketCount {
            try store.enqueueTicket(sourceFile: "tickets.csv", sourceLine: line, payload: #"{"text":"t\#(line)"}"#, at: time)
        }
        let again = try store.enqueueTicket(sourceFile: "tickets.csv", sourceLine: 1, payload: "changed", at: time)
        #expect(again.id == (try store.tickets(status: nil).first?.id) && again.payload == #"{"text":"t1"}"#)

        let stores = try (0..<workers).map { _ in try fixture.makeStore() }
        let claimed = Locked<[Int64]>([])
        let failures = Locked<[String]>([])
        runConcurrently(workers) { worker in
            while true {
                do {
                    let batch = try stores[worker].claimTickets(worker: "w\(worker)", limit: 5, lease: 60, at: time)
                    if batch.isEmpty { return }
                    for ticket in batch {
                        try stores[worker].completeTicket(id: ticket.id, worker: "w\(worker)", resultJSON: "{}", at: time)
                    }
                    claimed.mutate { $0 += batch.map(\.id) }
                } catch {
                    failures.mutate { $0.append("worker \(worker): \(error)") }
                    return
                }
            }
        }
        #expect(failures.value.isEmpty, "\(failures.value.prefix(3))")
        #expect(claimed.value.count == ticketCount && Set(claimed.value).count == ticketCount)
        #expect(try store.tickets(status: .done).count == ticketCount)

        let extra = try store.enqueueTicket(sourceFile: "more.csv", sourceLine: 7, payload: "{}", at: time)
        let first = try store.claimTickets(worker: "a", limit: 10, lease: 30, at: time)
        #expect(first.map(\.id) == [extra.id] && first.first?.attempts == 1 && first.first?.claimedBy == "a")
        #expect(try store.claimTickets(worker: "b", limit: 10, lease: 30, at: time.addingTimeInterval(10)).isEmpty)
        let stolen = try store.claimTickets(worker: "b", limit: 10, lease: 30, at: time.addingTimeInterval(31))
        #expect(stolen.map(\.id) == [extra.id] && stolen.first?.attempts == 2, "an expired lease is claimable")
        let lost = #expect(throws: StorageError.self) {
            try store.completeTicket(id: extra.id, worker: "a", resultJSON: "{}", at: time.addingTimeInterval(32))
        }
        #expect(lost?.isLeaseLost == true)
        try store.failTicket(id: extra.id, worker: "b", error: "model timeout", maxAttempts: 3, at: time.addingTimeInterval(33))
        #expect(try store.tickets(status: .queued).map(\.lastError) == ["model timeout"])
        _ = try store.claimTickets(worker: "c", limit: 1, lease: 30, at: time.addingTimeInterval(34))
        try store.failTicket(id: extra.id, worker: "c", error: "again", maxAttempts: 3, at: time.addingTimeInterval(35))
        #expect(try store.tickets(status: .failed).map(\.id) == [extra.id], "third attempt → failed")
    }

    /// Hostile texts are data, never SQL: stored and read back exactly, NUL bytes as U+FFFD on
    /// every engine, invalid UTF-8 as U+FFFD; a text over the limit is rejected and nothing stored.
    public func checkHostileTextsAreStoredNotExecuted() throws {
        let store = try fixture.makeStore()
        let conversation = try store.startConversation(Conversation(customerRef: "o'brien\"; --"))
        #expect(try store.conversation(id: conversation.id)?.customerRef == "o'brien\"; --")
        let megabyte = String(repeating: "It's 'quoted' \"twice\" \\ ; -- /* é 🙂 */ ", count: 1_048_576 / 44 + 1)
        let cases: [(given: String, stored: String)] = [
            ("", ""), ("a", "a"), ("é", "é"), ("👩‍👩‍👧 🇳🇱", "👩‍👩‍👧 🇳🇱"),
            ("'; DROP TABLE messages; --", "'; DROP TABLE messages; --"),
            ("Robert'); DROP TABLE conversations;--", "Robert'); DROP TABLE conversations;--"),
            (#"'' "" `` \' \\ $1 ?1 :name @name %s {}"#, #"'' "" `` \' \\ $1 ?1 :name @name %s {}"#),
            ("nul\0inside\0", "nul\u{FFFD}inside\u{FFFD}"),
            (StoragePolicy.text(fromUTF8: [0x61, 0xFF, 0xFE, 0x62, 0xC3]), "a\u{FFFD}\u{FFFD}b\u{FFFD}"),
            (megabyte, megabyte),
        ]
        for (given, expected) in cases {
            let message = try store.appendMessage(Message(
                conversationID: conversation.id, role: .customer, text: given, intent: given, entitiesJSON: given))
            let read = try store.messages(conversationID: conversation.id).last
            #expect(read?.text == expected && read?.intent == expected && read?.entitiesJSON == expected,
                    "text of \(given.utf8.count) bytes")
            #expect(message.text == expected)
            let feedback = try store.recordFeedback(Feedback(messageID: message.id, kind: .betterReply, value: given))
            #expect(try store.feedback(messageID: message.id) == [feedback] && feedback.value == expected)
        }
        let tooLong = String(repeating: "x", count: StoragePolicy.standard.maxTextBytes + 1)
        let rejected = #expect(throws: StorageError.self) {
            try store.appendMessage(Message(conversationID: conversation.id, role: .customer, text: tooLong))
        }
        #expect(rejected?.isTextTooLong == true)
        #expect(rejected.map { !$0.description.contains("xxxx") } == true, "errors never carry the text")
        let messages = try store.messages(conversationID: conversation.id)
        #expect(messages.count == cases.count, "tables intact, nothing extra stored")
    }
}

/// Runs `body(0)…body(count-1)` on `count` threads and waits for all.
func runConcurrently(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        let thread = Thread {
            body(index)
            group.leave()
        }
        thread.start()
    }
    group.wait()
}

/// A value behind a lock, for collecting results from threads.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func mutate(_ body: (inout Value) -> Void) { lock.withLock { body(&stored) } }
}
