// Finds e-mail addresses and phone numbers. Phone shapes: `+` and 8–15 digits in groups, or
// 7–15 digits in groups of 3–6 after the first (`555-0187`, `(555) 014-2345`, `020 7946 0958`),
// or 10–11 digits in one run; a lone 8-digit run is never a phone (it is an order number).
import FileFormats

/// Scanners for e-mail addresses and phone numbers.
enum ContactScanner {
    static func emails(in text: EntityText, rank: Int) -> [EntityCandidate] {
        var found: [EntityCandidate] = []
        var searchFrom = 0
        for at in 0..<text.count where text.scalars[at] == "@" && at >= searchFrom {
            var start = at
            while start > 0, isLocalScalar(text.scalars[start - 1]) { start -= 1 }
            while start < at, text.scalars[start] == "." { start += 1 }
            var end = at + 1
            while end < text.count, isDomainScalar(text.scalars[end]) { end += 1 }
            while end > at + 1, text.scalars[end - 1] == "." || text.scalars[end - 1] == "-" { end -= 1 }
            guard start < at, end > at + 1, validDomain(text.scalars[(at + 1)..<end]) else { continue }
            var local = String.UnicodeScalarView()
            local.append(contentsOf: text.scalars[start..<at])
            var domain = String.UnicodeScalarView()
            domain.append(contentsOf: text.scalars[(at + 1)..<end])
            found.append(EntityCandidate(
                kind: .email, value: String(local) + "@" + String(domain).lowercased(), start: start, end: end, rank: rank))
            searchFrom = end
        }
        return found
    }

    private static func isLocalScalar(_ scalar: Unicode.Scalar) -> Bool {
        EntityText.isASCIILetter(scalar) || EntityText.isDigit(scalar) || "._%+-".unicodeScalars.contains(scalar)
    }

    private static func isDomainScalar(_ scalar: Unicode.Scalar) -> Bool {
        EntityText.isASCIILetter(scalar) || EntityText.isDigit(scalar) || scalar == "." || scalar == "-"
    }

    private static func validDomain(_ domain: ArraySlice<Unicode.Scalar>) -> Bool {
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }), let top = labels.last else { return false }
        return top.count >= 2 && top.allSatisfy(EntityText.isASCIILetter)
    }

    static func phones(in text: EntityText, rank: Int) -> [EntityCandidate] {
        var found: [EntityCandidate] = []
        var index = 0
        while index < text.count {
            let scalar = text.scalars[index]
            let startsHere = (scalar == "+" || scalar == "(" || EntityText.isDigit(scalar))
                && text.boundaryBefore(index) && (index == 0 || text.scalars[index - 1] != "+")
            if startsHere, let (end, value) = phone(at: index, in: text) {
                found.append(EntityCandidate(kind: .phone, value: value, start: index, end: end, rank: rank))
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    /// The longest valid phone starting at `start`: its end and normalised value.
    private static func phone(at start: Int, in text: EntityText) -> (Int, String)? {
        let scalars = text.scalars
        var index = start
        let plus = scalars[index] == "+"
        if plus { index += 1 }
        var groups: [Int] = []
        var ends: [Int] = []
        var total = 0
        while index < scalars.count, groups.count < 7, total <= 15 {
            var groupStart = index
            let paren = scalars[index] == "("
            if paren { groupStart += 1 }
            var groupEnd = groupStart
            while groupEnd < scalars.count, EntityText.isDigit(scalars[groupEnd]), groupEnd - groupStart <= 15 { groupEnd += 1 }
            guard groupEnd > groupStart else { break }
            if paren {
                guard groupEnd < scalars.count, scalars[groupEnd] == ")" else { break }
                groupEnd += 1
            }
            groups.append(groupEnd - groupStart - (paren ? 1 : 0))
            total += groups[groups.count - 1]
            ends.append(groupEnd)
            index = groupEnd
            guard index < scalars.count else { break }
            let next = scalars[index]
            if (next == " " || next == "-"), index + 1 < scalars.count,
               EntityText.isDigit(scalars[index + 1]) || scalars[index + 1] == "(" {
                index += 1
            } else if !(paren && EntityText.isDigit(next)) && next != "(" {
                break
            }
        }
        for count in stride(from: groups.count, through: 1, by: -1) {
            let end = ends[count - 1]
            if text.boundaryAfter(end), isValidPhone(Array(groups[0..<count]), plus: plus) {
                return (end, (plus ? "+" : "") + text.digits(start, end))
            }
        }
        return nil
    }

    static func isValidPhone(_ groups: [Int], plus: Bool) -> Bool {
        let total = groups.reduce(0, +)
        if plus {
            if groups.count == 1 { return (8...15).contains(total) }
            return (7...15).contains(total) && groups[0] <= 4 && groups.allSatisfy { $0 <= 8 }
        }
        guard (7...15).contains(total) else { return false }
        if groups.count == 1 { return (10...11).contains(total) }
        return groups[0] <= 5 && groups.dropFirst().allSatisfy { (3...6).contains($0) }
    }
}
