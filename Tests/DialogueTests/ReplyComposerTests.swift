// Filling and checking replies: slots, the shop's fixed placeholders, and string edge cases.
import Dialogue
import FileFormats
import Foundation
import Testing

private let shop = DomainLists(products: [], shop: ShopProfile(
    name: "Ridgeline", openingHours: ["customer_service": "Mon-Fri 8-20"], email: "help@example.com", phone: "+1 555"))

@Test func fixedPlaceholdersComeFromTheShopProfile() {
    let composer = ReplyComposer(domain: shop)
    #expect(composer.fill("Mail {shop_email} or call {shop_phone} ({support_hours}).", slots: [:])
        == "Mail help@example.com or call +1 555 (Mon-Fri 8-20).")
    #expect(composer.fixedValues["shop_address"] == nil, "empty profile fields are not placeholders")
    #expect(ReplyComposer(domain: DomainLists()).fixedValues.isEmpty)
}

@Test(arguments: ["", "x", "Grüße {order_id} ✓", "😤 {order_id} 😤", String(repeating: "long {order_id} ", count: 500)])
func slotsFillAnyText(text: String) {
    let composer = ReplyComposer(domain: shop)
    let filled = composer.fill(text, slots: [.orderID: "48213377"])
    #expect(!filled.contains("{order_id}"))
    #expect(filled.count == text.count + (text.components(separatedBy: "{order_id}").count - 1) * ("48213377".count - "{order_id}".count))
}

@Test func checksRejectEmptyUnknownUnfilledRepeatedAndUnfinishedReplies() {
    let composer = ReplyComposer(domain: shop)
    #expect(composer.checked("", slots: [:], lastReply: nil) == .failure(.empty))
    #expect(composer.checked(" \n ", slots: [:], lastReply: nil) == .failure(.empty))
    #expect(composer.checked("Hi {colour}", slots: [:], lastReply: nil) == .failure(.unknownPlaceholder("colour")))
    #expect(composer.checked("Order {order_id}", slots: [:], lastReply: nil) == .failure(.unfilledSlot("order_id")))
    #expect(composer.checked("Hi there", slots: [:], lastReply: "hi  THERE") == .failure(.repeatsLastReply))
    #expect(composer.checked("Order {order_id} at {shop_name}.", slots: [.orderID: "1"], lastReply: nil)
        == .success("Order 1 at Ridgeline."))
    #expect(composer.checked("Braces {like this} are text!", slots: [:], lastReply: nil) == .success("Braces {like this} are text!"))
    #expect(composer.checked("I can send a", slots: [:], lastReply: nil) == .failure(.unfinished))
    #expect(composer.checked("See you soon 👋", slots: [:], lastReply: nil) == .success("See you soon 👋"))
    #expect(composer.checked("He said \"done.\" ", slots: [:], lastReply: nil) == .success("He said \"done.\""))
}

@Test func placeholdersTheTemplatesUseAreKnownAndStayUnfilled() {
    let composer = ReplyComposer(domain: shop, templates: ["Log in to {website_name}.", "Call {shop_phone}."])
    #expect(composer.templatePlaceholders == ["website_name", "shop_phone"])
    #expect(composer.checked("Open {website_name} at {shop_name}.", slots: [:], lastReply: nil)
        == .success("Open {website_name} at Ridgeline."))
    #expect(composer.checked("Hi {colour}", slots: [:], lastReply: nil) == .failure(.unknownPlaceholder("colour")))
}
