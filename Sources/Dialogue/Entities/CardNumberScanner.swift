// Finds payment card numbers: 13–19 digits passing the Luhn check, in one run or in groups
// joined by single spaces or dashes (`4111 1111 1111 1111`). They outrank phones, dates and
// order numbers, so a card is never read as a phone number.
import FileFormats

/// The scanner for payment card numbers.
enum CardNumberScanner {
    static func cards(in text: EntityText, rank: Int) -> [EntityCandidate] {
        var found: [EntityCandidate] = []
        var index = 0
        while index < text.count {
            guard text.isDigit(at: index), text.boundaryBefore(index), let end = card(at: index, in: text) else {
                index += 1
                continue
            }
            found.append(EntityCandidate(kind: .cardNumber, value: text.digits(index, end), start: index, end: end, rank: rank))
            index = end
        }
        return found
    }

    /// The end of the longest Luhn-valid run of whole digit groups starting at `start`.
    private static func card(at start: Int, in text: EntityText) -> Int? {
        var digits: [UInt8] = []
        var best: Int?
        var index = start
        while index < text.count, digits.count <= 19 {
            while index < text.count, let digit = digitValue(text.scalars[index]) {
                digits.append(digit)
                index += 1
            }
            if (13...19).contains(digits.count), text.boundaryAfter(index), luhnValid(digits) { best = index }
            let joined = index + 1 < text.count && (text.scalars[index] == " " || text.scalars[index] == "-")
                && text.isDigit(at: index + 1)
            guard joined else { break }
            index += 1
        }
        return best
    }

    private static func digitValue(_ scalar: Unicode.Scalar) -> UInt8? {
        EntityText.isDigit(scalar) ? UInt8(scalar.value - 0x30) : nil
    }

    /// Whether `digits` (values 0–9) pass the Luhn check.
    static func luhnValid(_ digits: [UInt8]) -> Bool {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            var value = Int(digit)
            if offset % 2 == 1 { value *= 2; if value > 9 { value -= 9 } }
            sum += value
        }
        return sum % 10 == 0
    }
}
