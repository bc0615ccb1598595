// Tests of ResponseTemplate placeholder finding and filling.
import FileFormats
import Testing

@Test func placeholdersAreFoundInOrderAndStrayBracesIgnored() {
    #expect(ResponseTemplate.placeholders(in: "Order {order_id} to {email}, {order_id}") == ["order_id", "email", "order_id"])
    #expect(ResponseTemplate.placeholders(in: "a { b } {} {x-y} {ok}") == ["ok"])
    #expect(ResponseTemplate.placeholders(in: "") == [])
    #expect(ResponseTemplate.placeholders(in: "😀{date}😀") == ["date"])
}

@Test func fillReplacesKnownPlaceholdersAndKeepsTheRest() {
    let filled = ResponseTemplate.fill("Order {order_id} on {date} {unknown} {", with: ["order_id": "48213377", "date": "2026-05-03"])
    #expect(filled == "Order 48213377 on 2026-05-03 {unknown} {")
    #expect(ResponseTemplate.fill("{a b} {{order_id}}", with: ["order_id": "1"]) == "{a b} {1}")
}

@Test func doubleBracedPlaceholdersBecomeOneSlotSpelling() {
    #expect(ResponseTemplate.singleBraced("Order {{Order Number}} via {{ Customer Support Phone Number }}.")
            == "Order {order_number} via {customer_support_phone_number}.")
    #expect(ResponseTemplate.singleBraced("{{Purchase ID Anonymized}}, {{Website-Name}}, {{_x_}}")
            == "{purchase_id_anonymized}, {website_name}, {x}")
    #expect(ResponseTemplate.singleBraced("keep {order_id}, { x }, {{ }}, {{!!}} and {{") == "keep {order_id}, { x }, {{ }}, {{!!}} and {{")
    #expect(ResponseTemplate.singleBraced("") == "")
    #expect(ResponseTemplate.singleBraced("😀{{Café Name}}😀") == "😀{café_name}😀")
    let long = String(repeating: "Call {{Phone}} now. ", count: 500)
    #expect(ResponseTemplate.placeholders(in: ResponseTemplate.singleBraced(long)) == Array(repeating: "phone", count: 500))
}
