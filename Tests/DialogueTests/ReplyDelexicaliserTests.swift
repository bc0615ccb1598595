// Tests of ReplyDelexicaliser: message values in a reply become slots, other text stays.
import Dialogue
import FileFormats
import Testing

@Test func messageValuesInAReplyBecomeSlotsAndOtherTextStays() {
    let delexicaliser = ReplyDelexicaliser()
    #expect(delexicaliser.delexicalised("Refund of €24.99 for order 48213377 is on its way.",
                                        message: "refund €24.99 for #48213377 please")
            == "Refund of {amount} for order {order_id} is on its way.")
    #expect(delexicaliser.delexicalised("Order 48213377 ships.", message: "hi") == "Order 48213377 ships.")
    #expect(delexicaliser.delexicalised("", message: "order 48213377") == "")
    #expect(delexicaliser.delexicalised("😀 ok", message: "😀") == "😀 ok")
    #expect(ReplyDelexicaliser.replacing([(kind: .orderID, value: "12")], in: "12 items") == "12 items")
}
