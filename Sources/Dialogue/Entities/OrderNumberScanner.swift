// Finds order numbers (`48213377`, `#48213377`, `ORD-48213377`: the value is the 8 digits) and
// courier tracking numbers (two letters, 9 digits, two letters: `JD014600006GB`).
import FileFormats

/// Scanners for order and tracking numbers.
enum OrderNumberScanner {
    /// Order numbers written with a `#` or `ORD`/`ORD-` prefix (these outrank phones).
    static func prefixedOrders(in text: EntityText, rank: Int) -> [EntityCandidate] {
        var found: [EntityCandidate] = []
        for index in 0..<text.count where text.boundaryBefore(index) {
            var digitsStart: Int
            if text.scalars[index] == "#" {
                digitsStart = index + 1
                if digitsStart < text.count, text.scalars[digitsStart] == " " { digitsStart += 1 }
            } else if text.matches("ord", at: index) {
                digitsStart = index + 3
                if digitsStart < text.count, text.scalars[digitsStart] == "-" || text.scalars[digitsStart] == " " {
                    digitsStart += 1
                }
            } else {
                continue
            }
            if let end = eightDigits(at: digitsStart, in: text) {
                found.append(EntityCandidate(kind: .orderID, value: text.digits(digitsStart, end), start: index, end: end, rank: rank))
            }
        }
        return found
    }

    /// Exactly 8 digits standing alone (not part of a longer number such as `1,234.56789012`).
    static func bareOrders(in text: EntityText, rank: Int) -> [EntityCandidate] {
        var found: [EntityCandidate] = []
        for index in 0..<text.count where EntityText.isDigit(text.scalars[index]) && text.boundaryBefore(index) {
            if index >= 2, ".,".unicodeScalars.contains(text.scalars[index - 1]), text.isDigit(at: index - 2) { continue }
            if let end = eightDigits(at: index, in: text) {
                found.append(EntityCandidate(kind: .orderID, value: text.digits(index, end), start: index, end: end, rank: rank))
            }
        }
        return found
    }

    private static func eightDigits(at start: Int, in text: EntityText) -> Int? {
        let end = start + 8
        guard end <= text.count, (start..<end).allSatisfy({ text.isDigit(at: $0) }), text.boundaryAfter(end) else { return nil }
        if end + 1 < text.count, ".,".unicodeScalars.contains(text.scalars[end]), text.isDigit(at: end + 1) { return nil }
        return end
    }

    static func trackingNumbers(in text: EntityText, rank: Int) -> [EntityCandidate] {
        var found: [EntityCandidate] = []
        var index = 0
        while index + 13 <= text.count {
            let shape = text.boundaryBefore(index) && text.boundaryAfter(index + 13)
                && (0..<2).allSatisfy { EntityText.isASCIILetter(text.scalars[index + $0]) }
                && (2..<11).allSatisfy { text.isDigit(at: index + $0) }
                && (11..<13).allSatisfy { EntityText.isASCIILetter(text.scalars[index + $0]) }
            if shape {
                var value = String.UnicodeScalarView()
                value.append(contentsOf: text.scalars[index..<(index + 13)])
                found.append(EntityCandidate(kind: .trackingNumber, value: String(value).uppercased(), start: index, end: index + 13, rank: rank))
                index += 13
            } else {
                index += 1
            }
        }
        return found
    }
}
