// The detectors behind `Redactor`: byte scanners for e-mail addresses, IBANs and digit runs
// (card, phone and SSN numbers), with the Luhn and ISO 7064 mod-97 checks.

/// Scans UTF-8 bytes for personal data. Non-ASCII bytes never match and count as separators.
enum PIIScanner {
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a }
    static func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) }

    /// Whether position `index` starts a word (nothing alphanumeric just before it).
    static func atWordStart(_ bytes: [UInt8], _ index: Int) -> Bool { index == 0 || !isAlphanumeric(bytes[index - 1]) }

    // MARK: e-mail

    /// `local@domain.tld` around every `@`.
    static func emails(in bytes: [UInt8]) -> [Redactor.Match] {
        let localExtras = Set("._%+-'".utf8), domainExtras = Set(".-".utf8)
        var found: [Redactor.Match] = []
        var index = 0
        while index < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "@") else { continue }
            var start = index
            while start > 0, isAlphanumeric(bytes[start - 1]) || localExtras.contains(bytes[start - 1]) { start -= 1 }
            while start < index, bytes[start] == UInt8(ascii: ".") { start += 1 }
            var end = index + 1
            while end < bytes.count, isAlphanumeric(bytes[end]) || domainExtras.contains(bytes[end]) { end += 1 }
            while end > index + 1, domainExtras.contains(bytes[end - 1]) { end -= 1 }
            guard start < index, end > index + 1 else { continue }
            let domain = bytes[(index + 1)..<end]
            guard let lastDot = domain.lastIndex(of: UInt8(ascii: ".")) else { continue }
            let tld = bytes[(lastDot + 1)..<end]
            guard tld.count >= 2, tld.allSatisfy(isLetter) else { continue }
            found.append(.init(range: start..<end, kind: .email))
            index = end - 1
        }
        return found
    }

    // MARK: IBAN

    /// Two letters, two check digits and 11–30 letters or digits, optionally in space-separated
    /// groups, passing mod-97; the longest valid candidate ending at a word boundary wins.
    static func ibans(in bytes: [UInt8]) -> [Redactor.Match] {
        var found: [Redactor.Match] = []
        var index = 0
        while index + 15 <= bytes.count {
            guard atWordStart(bytes, index), isLetter(bytes[index]), isLetter(bytes[index + 1]),
                  isDigit(bytes[index + 2]), isDigit(bytes[index + 3]) else { index += 1; continue }
            var characters: [UInt8] = [], ends: [Int] = []
            var position = index
            while position < bytes.count, characters.count < 34 {
                if isAlphanumeric(bytes[position]) {
                    characters.append(bytes[position] & ~(isLetter(bytes[position]) ? 0x20 : 0))
                    ends.append(position + 1)
                    position += 1
                } else if bytes[position] == UInt8(ascii: " "), position + 1 < bytes.count, isAlphanumeric(bytes[position + 1]) {
                    position += 1
                } else {
                    break
                }
            }
            var matched = false
            for length in stride(from: characters.count, through: 15, by: -1) {
                let end = ends[length - 1]
                guard end == bytes.count || !isAlphanumeric(bytes[end]) else { continue }
                if mod97(characters[0..<length]) == 1 {
                    found.append(.init(range: index..<end, kind: .iban))
                    index = end
                    matched = true
                    break
                }
            }
            if !matched { index += 1 }
        }
        return found
    }

    /// ISO 7064 mod 97-10 of an IBAN: the first four characters moved to the end, letters as 10…35.
    static func mod97(_ characters: ArraySlice<UInt8>) -> Int {
        let rotated = Array(characters.dropFirst(4)) + Array(characters.prefix(4))
        var remainder = 0
        for character in rotated {
            if isDigit(character) {
                remainder = (remainder * 10 + Int(character - 0x30)) % 97
            } else {
                remainder = (remainder * 100 + Int(character - 0x41 + 10)) % 97
            }
        }
        return remainder
    }

    // MARK: digit runs

    /// Card numbers, SSNs and phone numbers in runs of digits joined by single spaces, dashes,
    /// dots or parentheses.
    static func numbers(in bytes: [UInt8]) -> [Redactor.Match] {
        var found: [Redactor.Match] = []
        var index = 0
        while index < bytes.count {
            let plus = bytes[index] == UInt8(ascii: "+") && index + 1 < bytes.count && isDigit(bytes[index + 1])
            let paren = bytes[index] == UInt8(ascii: "(") && index + 1 < bytes.count && isDigit(bytes[index + 1])
            let startsNumber = isDigit(bytes[index]) && (index == 0 || !isDigit(bytes[index - 1]))
            guard startsNumber || ((plus || paren) && atWordStart(bytes, index)) else { index += 1; continue }
            let run = DigitRun(bytes, from: index)
            found += classify(run, bytes: bytes, plus: plus)
            index = max(run.end, index + 1)
        }
        return found
    }

    /// The card numbers inside a run (any window of whole groups with 13–19 digits passing
    /// Luhn), else the whole run as an SSN or phone number, else nothing.
    static func classify(_ run: DigitRun, bytes: [UInt8], plus: Bool) -> [Redactor.Match] {
        var cards: [Redactor.Match] = []
        var first = 0
        while first < run.groups.count {
            var digits: [UInt8] = [], best: Int?
            for last in first..<run.groups.count {
                digits += run.groups[last].digits
                if digits.count > 19 { break }
                if digits.count >= 13, luhnValid(digits) { best = last }
            }
            if let best {
                cards.append(.init(range: run.groups[first].start..<run.groups[best].end, kind: .cardNumber))
                first = best + 1
            } else {
                first += 1
            }
        }
        if !cards.isEmpty || run.gluedToLetters { return cards }
        let count = run.digitCount
        let range = run.start..<run.end
        if run.groups.map(\.digits.count) == [3, 2, 4], run.separators == [UInt8(ascii: "-")] {
            return [.init(range: range, kind: .ssn)]
        }
        let isPhone = (plus && (8...15).contains(count))
            || (run.hasSeparators && (9...15).contains(count))
            || (!run.hasSeparators && run.groups.first?.digits.first == UInt8(ascii: "0") && (10...11).contains(count))
        return isPhone ? [.init(range: range, kind: .phone)] : []
    }

    /// Whether `digits` (ASCII) pass the Luhn check.
    static func luhnValid(_ digits: [UInt8]) -> Bool {
        var sum = 0
        for (offset, byte) in digits.reversed().enumerated() {
            var value = Int(byte - 0x30)
            if offset % 2 == 1 { value *= 2; if value > 9 { value -= 9 } }
            sum += value
        }
        return sum % 10 == 0
    }
}

/// A maximal run of digit groups starting at a word start, e.g. `+44 (20) 7946-0958`.
struct DigitRun {
    struct Group { var start: Int, end: Int, digits: [UInt8] }
    var start: Int
    var end: Int
    var groups: [Group] = []
    var separators: Set<UInt8> = []
    var gluedToLetters = false

    var digitCount: Int { groups.reduce(0) { $0 + $1.digits.count } }
    var hasSeparators: Bool { groups.count > 1 }

    init(_ bytes: [UInt8], from index: Int) {
        start = index
        var position = index
        if bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "(") { position += 1 }
        let joiners = Set(" -.()".utf8)
        end = position
        while position < bytes.count, PIIScanner.isDigit(bytes[position]) {
            let groupStart = position
            while position < bytes.count, PIIScanner.isDigit(bytes[position]) { position += 1 }
            groups.append(Group(start: groupStart, end: position, digits: Array(bytes[groupStart..<position])))
            end = position
            // Up to two joiners ("-", ") ", " (") may separate groups.
            var look = position, used: [UInt8] = []
            while look < bytes.count, joiners.contains(bytes[look]), used.count < 2 { used.append(bytes[look]); look += 1 }
            guard !used.isEmpty, look < bytes.count, PIIScanner.isDigit(bytes[look]) else { break }
            separators.formUnion(used)
            position = look
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: ")") { end += 1 }
        // A digit run glued to letters (e.g. `A12345678901`) is an identifier, not a phone number.
        gluedToLetters = !PIIScanner.atWordStart(bytes, start) || (end < bytes.count && PIIScanner.isLetter(bytes[end]))
    }
}
