// Redactor known answers, the string cases every text API is tested with, and a property
// check: no Luhn-valid 13–19 digit number survives, whatever its separators and surroundings.
import ConversationStorage
import Testing

@Test(arguments: [
    ("Write to jane.doe+orders@mail.example.co.uk today", "Write to {email} today"),
    ("<bob@example.com>", "<{email}>"),
    ("not an address: a@b, @home, me@localhost", "not an address: a@b, @home, me@localhost"),
    ("Card 4111 1111 1111 1111 expires", "Card {card_number} expires"),
    ("card: 5500-0000-0000-0004.", "card: {card_number}."),
    ("amex 378282246310005", "amex {card_number}"),
    ("invalid 4111 1111 1111 1112 stays", "invalid 4111 1111 1111 1112 stays"),
    ("IBAN DE89 3704 0044 0532 0130 00, thanks", "IBAN {iban}, thanks"),
    ("iban GB82WEST12345698765432", "iban {iban}"),
    ("bad GB82WEST12345698765433", "bad GB82WEST12345698765433"),
    ("Call +44 20 7946 0958 or (212) 555-0198", "Call {phone} or {phone}"),
    ("ring 0612345678 now", "ring {phone} now"),
    ("SSN 078-05-1120", "SSN {ssn}"),
    ("order ORD-12345, 3 items, total 129.95, on 2024-05-01", "order ORD-12345, 3 items, total 129.95, on 2024-05-01"),
    ("", ""), ("a", "a"), ("héllo 🙂", "héllo 🙂"),
    ("é4111111111111111🙂", "é{card_number}🙂"),
])
func redactorReplacesPersonalDataWithTypedPlaceholders(_ input: String, _ expected: String) {
    #expect(Redactor.standard.redact(input) == expected)
}

@Test func disabledKindsAreLeftAlone() {
    let text = "jane@example.com 4111 1111 1111 1111"
    #expect(Redactor(kinds: [.email]).redact(text) == "{email} 4111 1111 1111 1111")
    #expect(Redactor.disabled.redact(text) == text)
}

@Test func redactionIsIdempotent() {
    let once = Redactor.standard.redact("jane@example.com, +1 415 555 0100, 4111111111111111")
    #expect(Redactor.standard.redact(once) == once)
}

@Test func noLuhnValidCardNumberSurvivesRedaction() {
    var generator = SplitMix(seed: 20_261_124)
    let separators = ["", " ", "-"]
    let surroundings = [("", ""), ("card ", "."), ("(", ")"), ("é", "🙂"), ("no:", ", thanks"), ("\n", "\t")]
    for _ in 0..<2_000 {
        let length = 13 + Int(generator.next() % 7)
        var digits = (0..<(length - 1)).map { _ in Int(generator.next() % 10) }
        digits.append(luhnCheckDigit(digits))
        let separator = separators[Int(generator.next() % 3)]
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, index % 4 == 0 { text += separator }
            text += String(digit)
        }
        let (before, after) = surroundings[Int(generator.next() % UInt64(surroundings.count))]
        let redacted = Redactor.standard.redact(before + text + after)
        #expect(redacted == before + "{card_number}" + after, "\(length) digits, separator '\(separator)'")
        let remaining = redacted.filter(\.isNumber)
        #expect(remaining.isEmpty)
    }
}

/// The digit that makes `digits` + it pass Luhn.
private func luhnCheckDigit(_ digits: [Int]) -> Int {
    var sum = 0
    for (offset, digit) in digits.reversed().enumerated() {
        var value = digit
        if offset % 2 == 0 { value *= 2; if value > 9 { value -= 9 } }
        sum += value
    }
    return (10 - sum % 10) % 10
}

/// A tiny seeded generator for the property check.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Test func theShopsPublicContactDetailsAreKeptAndOthersRedacted() {
    let redactor = Redactor(publicValues: ["Support@Ridgeline.example.com", "+1 555-0142"])
    #expect(redactor.redact("Reach us at support@ridgeline.example.com or +1 555-0142, not bob@example.com or +1 555-0199.")
            == "Reach us at support@ridgeline.example.com or +1 555-0142, not {email} or {phone}.")
    #expect(Redactor.standard.redact("+1 555-0142") == "{phone}")
}

@Test func personalEntityValuesInJSONBecomeTheirPlaceholder() throws {
    let policy = StoragePolicy.standard
    let entities = #"[{"kind":"card_number","text":"4111 1111 1111 1111","value":"4111111111111111"},{"kind":"email","text":"a@b.example","value":"a@b.example"}]"#
    #expect(try policy.cleaned(json: entities, field: "entities")
            == #"[{"kind":"card_number","text":"{card_number}","value":"{card_number}"},{"kind":"email","text":"{email}","value":"{email}"}]"#)
    let nested = #"{"result":{"entities":[{"kind":"phone","value":"5550142345"}]},"id":7}"#
    #expect(try policy.cleaned(json: nested, field: "ticket result") == #"{"id":7,"result":{"entities":[{"kind":"phone","value":"{phone}"}]}}"#)
    let untouched = #"{"kind": "order_id", "value": "48213377"}"#
    #expect(try policy.cleaned(json: untouched, field: "entities") == untouched, "no personal kind: byte for byte")
    #expect(try policy.cleaned(json: #"not JSON "kind" 5550142345"#, field: "payload") == #"not JSON "kind" 5550142345"#)
    let open = StoragePolicy(redactor: .disabled)
    #expect(try open.cleaned(json: entities, field: "entities") == entities, "redaction off keeps the values")
}

@Test func identifiersAreNotRedactedButStillBounded() throws {
    let policy = StoragePolicy(maxTextBytes: 32)
    #expect(try policy.cleaned(identifier: "20261201-074621-transformer", field: "model version") == "20261201-074621-transformer")
    #expect(try policy.cleaned(identifier: "a\0b", field: "intent") == "a\u{FFFD}b")
    #expect(try policy.cleaned(identifier: nil, field: "intent") == nil)
    #expect(throws: StorageError.self) { try policy.cleaned(identifier: String(repeating: "x", count: 33), field: "intent") }
}
