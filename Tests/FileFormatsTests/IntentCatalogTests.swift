// Tests of IntentCatalog: the repository's real intents folder, and one small fixture folder per
// validation rule, each checked for the right file, line and message.
import FileFormats
import Foundation
import Testing
import TestSupport

private let greeting = """
    name: greeting
    description: Says hello.
    examples:
      - "hello"
      - "hi there"
    responses:
      - "Hi!"

    """

/// Loads a fixture folder and returns its problems as `file:line: message` strings.
private func problems(_ files: [String: String]) throws -> [String] {
    let folder = try TestFixtures.folder(files)
    defer { try? FileManager.default.removeItem(at: folder) }
    return TestFixtures.problems { _ = try IntentCatalog.load(from: folder, displayPath: "intents") }.map(\.description)
}

@Test func theRepositorysIntentsFolderLoadsWithoutProblems() throws {
    let folder = TestFixtures.repositoryRoot.appendingPathComponent("intents")
    let catalog = try IntentCatalog.load(from: folder)
    #expect(catalog.intents.count == 32)
    #expect(catalog.domain.products.count == 40)
    #expect(catalog.domain.products.contains("2-person tent"))
    #expect(catalog.domain.shop?.name == "Ridgeline Outfitters")
    #expect(catalog.domain.shop?.openingHours["flagship_store"] != nil)
    #expect(catalog.domain.shop?.policies["return_window_days"] == "30")
    let order = try #require(catalog.intent(named: "order_status"))
    #expect(order.slots == [.orderID])
    #expect(order.examples.first?.text == "where is my order")
    #expect(order.examples.first?.location == SourceLocation(file: "intents/order_status.yaml", line: 4))
    #expect(order.examples.allSatisfy { $0.location.line > 3 })
    #expect(order.responses.count == 2)
    #expect(order.handoff == false)
    #expect(catalog.intent(named: "human_handoff")?.handoff == true)
    #expect(catalog.intents.allSatisfy { $0.examples.count >= 45 })
    #expect(catalog.labelledExamples.count == catalog.intents.reduce(0) { $0 + $1.examples.count })
}

@Test func aValidFixtureLoadsWithLocations() throws {
    let folder = try TestFixtures.folder(["greeting.yaml": greeting, "README.md": "not yaml"])
    defer { try? FileManager.default.removeItem(at: folder) }
    let catalog = try IntentCatalog.load(from: folder, displayPath: "intents")
    #expect(catalog.intents.map(\.name) == ["greeting"])
    #expect(catalog.intents[0].examples.map(\.location.line) == [4, 5])
    #expect(catalog.intents[0].responses[0].location == SourceLocation(file: "intents/greeting.yaml", line: 7))
}

@Test func yamlSyntaxErrorsAreReportedWithTheirLine() throws {
    let broken = "name: greeting\ndescription: x\nexamples:\n  - \"hello\n  - other\nresponses: [\n"
    let found = try problems(["greeting.yaml": broken])
    #expect(found == ["intents/greeting.yaml:4: YAML syntax error: found unexpected end of stream (while scanning a quoted scalar at line 4)"])
    let unclosed = "name: greeting\ndescription: x\nexamples:\n  - \"hello\"\n  - \"hi there\n  - hey\n  - \"bye\"\nresponses:\n  - \"Hi!\"\n"
    #expect(try problems(["greeting.yaml": unclosed]) == [
        "intents/greeting.yaml:5: YAML syntax error: a quote opened on this line is not closed on it (the parser stopped at line 7: "
            + "did not find expected '-' indicator (while parsing a block collection at line 4))",
    ], "the line of the unclosed quote, not where the parser gave up")
    let indent = try problems(["greeting.yaml": "name: greeting\n  bad: indent\n"])
    #expect(indent == ["intents/greeting.yaml:2: YAML syntax error: mapping values are not allowed in this context"])
    let duplicateKey = greeting + "name: again\n"
    let duplicate = try problems(["greeting.yaml": duplicateKey])
    #expect(duplicate.count == 1 && duplicate[0].contains("duplicate key \"name\""))
}

@Test func missingExtraAndMistypedKeysAreAllReported() throws {
    let text = """
        name: greeting
        examples: "hello"
        responses:
          - "Hi!"
        handoff: maybe
        colour: blue
        """
    let found = try problems(["greeting.yaml": text])
    #expect(found.contains("intents/greeting.yaml:1: missing key \"description\""))
    #expect(found.contains("intents/greeting.yaml:2: examples must be a list, found a single value"))
    #expect(found.contains("intents/greeting.yaml:5: handoff must be true or false"))
    #expect(found.contains { $0.hasPrefix("intents/greeting.yaml:6: unknown key \"colour\"") })
    #expect(found.count == 4)
}

@Test func nameMustMatchTheFileName() throws {
    let found = try problems(["hello.yaml": greeting])
    #expect(found == ["intents/hello.yaml:1: name \"greeting\" does not match the file name (expected \"hello\")"])
    let upper = greeting.replacingOccurrences(of: "name: greeting", with: "name: Greeting")
    #expect(try problems(["Greeting.yaml": upper]) == ["intents/Greeting.yaml:1: name \"Greeting\" may only use a-z, 0-9 and _"])
}

@Test func emptyExamplesAndResponsesAreReported() throws {
    let text = "name: greeting\ndescription: x\nexamples: []\nresponses:\n  - \"\"\n  -\n"
    let found = try problems(["greeting.yaml": text])
    #expect(found.contains("intents/greeting.yaml:3: examples is empty: an intent needs at least one example"))
    #expect(found.contains("intents/greeting.yaml:5: a response is empty"))
    #expect(found.contains("intents/greeting.yaml:6: a response is empty"))
}

@Test func duplicateExamplesAcrossIntentsNameBothPlaces() throws {
    let other = """
        name: order_status
        description: Where is the order.
        examples:
          - "has it shipped"
          - "  HELLO "
          - "has   it shipped"
        responses:
          - "Checking."
        """
    let found = try problems(["greeting.yaml": greeting, "order_status.yaml": other])
    #expect(found == [
        "intents/order_status.yaml:5: duplicate example \"hello\" (also in intents/greeting.yaml:4)",
        "intents/order_status.yaml:6: duplicate example \"has it shipped\" (also in intents/order_status.yaml:4)",
    ])
}

@Test func placeholdersMustBeKnownSlotsListedUnderSlots() throws {
    let text = """
        name: order_status
        description: Where is the order.
        examples:
          - "where is it"
        slots:
          order_id: What is your order number?
          colour: Which colour?
        responses:
          - "Order {order_id} ships on {date}."
          - "Your {colour} order."
        """
    let found = try problems(["order_status.yaml": text])
    #expect(found == [
        "intents/order_status.yaml:7: unknown slot \"colour\" (known slots: order_id, email, phone, amount, date, product, tracking_number)",
        "intents/order_status.yaml:9: placeholder {date} is not listed under slots",
        "intents/order_status.yaml:10: unknown placeholder {colour} in a response",
    ])
}

@Test func everyProblemOfEveryFileIsReportedAtOnce() throws {
    let found = try problems([
        "a.yaml": greeting, "b.yaml": "name: [\n", "greeting.yml": greeting, "_colours.yaml": "x: 1\n",
        "_entities.yaml": "products:\n  - tent\n  - Tent\nshop:\n  phone: 1\n",
    ])
    #expect(found.contains("intents/a.yaml:1: name \"greeting\" does not match the file name (expected \"a\")"))
    #expect(found.contains { $0.hasPrefix("intents/b.yaml:2: YAML syntax error") })
    #expect(found.contains("intents/greeting.yml: intent files must end in .yaml"))
    #expect(found.contains("intents/_colours.yaml: unknown shared file (the shared files are _entities.yaml and _ticket.yaml)"))
    #expect(found.contains("intents/_entities.yaml:3: duplicate product \"Tent\" (also at line 2)"))
    #expect(found.contains("intents/_entities.yaml:5: shop has no \"name\""))
    #expect(found.count == 6)
}

@Test func anEmptyFolderIsAnError() throws {
    #expect(try problems([:]) == ["intents: no intent files (*.yaml) in the folder"])
    let missing = TestFixtures.repositoryRoot.appendingPathComponent("no-such-folder")
    #expect(throws: FileFormatError.self) { try IntentCatalog.load(from: missing) }
}

@Test func mistypedItemsAreReportedAndPlainScalarsAreReadAsWritten() throws {
    let text = """
        name: thanks
        description: [not, a, string]
        examples:
          - {b: 1}
          - 12
          - yes
          - "order {order_id}"
        slots: [order_id]
        responses:
          - null
          - "You're welcome!"
        """
    let found = try problems(["thanks.yaml": text])
    #expect(found == [
        "intents/thanks.yaml:2: description must be a string, found a list",
        "intents/thanks.yaml:4: an example must be a string, found a map",
        "intents/thanks.yaml:7: example uses placeholder {order_id}: examples are plain text",
        "intents/thanks.yaml:8: slots must be a map, found a list",
        "intents/thanks.yaml:10: a response is empty",
    ])
    let plain = greeting + "handoff: true\n" + "slots:\n  email: What's your e-mail?\n"
    let plainExamples = plain.replacingOccurrences(of: "\"hi there\"", with: "12")
    let folder = try TestFixtures.folder(["greeting.yaml": plainExamples])
    defer { try? FileManager.default.removeItem(at: folder) }
    let intent = try IntentCatalog.load(from: folder).intents[0]
    #expect(intent.examples.map(\.text) == ["hello", "12"])
    #expect(intent.handoff)
    #expect(intent.slotQuestions == [.email: "What's your e-mail?"])
}

@Test func whenNegativeMustNameAnotherIntent() throws {
    let redirected = greeting.replacingOccurrences(of: "responses:", with: "when_negative: nowhere\nresponses:")
    #expect(try problems(["greeting.yaml": redirected])
            == ["intents/greeting.yaml: when_negative \"nowhere\" must name another intent of the folder"])
    let itself = greeting.replacingOccurrences(of: "responses:", with: "when_negative: greeting\nresponses:")
    #expect(try problems(["greeting.yaml": itself]).count == 1)
}

@Test func shopPlaceholdersAreAcceptedWhenTheShopProfileFillsThem() throws {
    let hours = """
        name: store_hours
        description: Opening hours.
        examples: ["when are you open"]
        responses: ["{shop_name} at {shop_address} is open {store_hours}; call {shop_phone} or mail {shop_email} ({support_hours})."]

        """
    let shop = """
        shop:
          name: Ridgeline Outfitters
          store_address: "12 Larch Lane, Millbrook"
          email: support@ridgeline.example.com
          phone: "+1 555-0142"
          opening_hours: {customer_service: "Mon-Fri 08-20", flagship_store: "Mon-Sat 10-19"}

        """
    let folder = try TestFixtures.folder(["store_hours.yaml": hours, "_entities.yaml": shop])
    defer { try? FileManager.default.removeItem(at: folder) }
    let catalog = try IntentCatalog.load(from: folder)
    let reply = ResponseTemplate.fill(catalog.intents[0].responses[0].text, with: catalog.domain.shopPlaceholderValues)
    #expect(reply == "Ridgeline Outfitters at 12 Larch Lane, Millbrook is open Mon-Sat 10-19; call +1 555-0142 "
            + "or mail support@ridgeline.example.com (Mon-Fri 08-20).")
    #expect(Set(catalog.domain.shopPlaceholderValues.keys) == DomainLists.shopPlaceholderNames)

    let withoutShop = try problems(["store_hours.yaml": hours])
    #expect(withoutShop.count == 6 && withoutShop.allSatisfy { $0.hasPrefix("intents/store_hours.yaml:4: placeholder {") })
    #expect(withoutShop.contains("intents/store_hours.yaml:4: placeholder {shop_phone} needs the shop's details in _entities.yaml"))
}
