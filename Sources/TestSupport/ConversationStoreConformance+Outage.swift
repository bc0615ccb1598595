// The outage check for PostgreSQL behind `SpoolingConversationStore`: connections are killed
// with `pg_terminate_backend` from a second connection while turns stream in; afterwards every
// turn is stored exactly once, in order.
import ConversationStorage
import Foundation
import Testing

extension ConversationStoreConformance {
    /// Streams `turns` messages while another thread terminates the store's server connection
    /// every `killInterval` seconds; then flushes and checks each turn is stored once, in order.
    public func checkTurnsSurviveKilledConnections(turns: Int = 400, killInterval: TimeInterval = 0.01) throws {
        guard let store = try fixture.makeStore() as? SpoolingConversationStore else {
            Issue.record("the outage check needs the spooling-postgres backend")
            return
        }
        let conversation = try store.startConversation(Conversation())
        let stop = Locked(false), kills = Locked(0)
        let killer = DispatchGroup()
        killer.enter()
        let fixture = self.fixture
        Thread {
            while !stop.value {
                if let killed = try? fixture.terminateConnections() { kills.mutate { $0 += killed } }
                Thread.sleep(forTimeInterval: killInterval)
            }
            killer.leave()
        }.start()
        var sent: [UUID] = [], spooledAtSomePoint = false
        for turn in 0..<turns {
            let message = try store.appendMessage(Message(
                conversationID: conversation.id, role: turn % 2 == 0 ? .customer : .bot, text: "turn \(turn)"))
            sent.append(message.id)
            if message.seq == 0 { spooledAtSomePoint = true }
        }
        stop.mutate { $0 = true }
        killer.wait()
        #expect(kills.value > 0, "the server connection was terminated at least once")
        #expect(spooledAtSomePoint, "some turns went through the spool")
        #expect(try store.flush(timeout: 30))
        #expect(store.pendingCount == 0)
        let stored = try store.messages(conversationID: conversation.id)
        #expect(stored.map(\.id) == sent, "every turn once, in order")
        #expect(stored.map(\.seq) == Array(1...turns))
        #expect(try fixture.adminCount("messages") == turns)
    }
}
