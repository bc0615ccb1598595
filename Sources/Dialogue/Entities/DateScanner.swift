// Finds dates and resolves them against a reference day: `today`, `tomorrow`, `yesterday`,
// `next/this/last Monday`, `May 3`, `3rd of May`, `03/05` (day first unless told otherwise),
// `2026-05-03`, `3.5.2026`, `the 14th`. A month name counts only next to a day number, so "may I" is no date.
import FileFormats

/// Scanner for dates.
struct DateScanner {
    let reference: CalendarDay
    let dayFirst: Bool

    private static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
        "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    private static let weekdays: [String: Int] = [
        "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
        "thursday": 4, "thu": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
    ]

    func dates(in text: EntityText, rank: Int) -> [EntityCandidate] {
        var found = numericDates(in: text, rank: rank)
        let words = text.words
        var index = 0
        while index < words.count {
            if let (count, day) = wordDate(at: index, words: words) {
                found.append(EntityCandidate(kind: .date, value: day.description, start: words[index].start,
                                             end: words[index + count - 1].end, rank: rank))
                index += count
            } else {
                index += 1
            }
        }
        return found
    }

    /// A date starting at word `index`: how many words it spans and the day.
    private func wordDate(at index: Int, words: [EntityText.Word]) -> (Int, CalendarDay)? {
        func word(_ offset: Int) -> String? { index + offset < words.count ? words[index + offset].lower : nil }
        guard let first = word(0) else { return nil }
        switch first {
        case "today": return (1, reference)
        case "tomorrow": return (1, reference.adding(days: 1))
        case "yesterday": return (1, reference.adding(days: -1))
        case "day" where word(1) == "after" && word(2) == "tomorrow": return (3, reference.adding(days: 2))
        case "next", "this", "last", "coming":
            guard let weekday = word(1).flatMap({ Self.weekdays[$0] }) else { return nil }
            var delta = (weekday - reference.weekday + 7) % 7
            if first == "last" {
                delta = -((reference.weekday - weekday + 7) % 7)
                if delta == 0 { delta = -7 }
            } else if delta == 0 && first != "this" {
                delta = 7
            }
            return (2, reference.adding(days: delta))
        case "the":
            // "the 14th": a day of the month; "the 3rd of May" is left to the month rules.
            guard let ordinal = word(1), ordinal.count > 2, ordinal.last?.isLetter == true,
                  let day = Self.dayNumber(ordinal), word(2) != "of", word(2).flatMap({ Self.months[$0] }) == nil,
                  word(2).flatMap(Self.year) == nil else { return nil }
            return nearest(day: day).map { (2, $0) }
        default: break
        }
        if let month = Self.months[first], let day = word(1).flatMap(Self.dayNumber) {
            if let year = word(2).flatMap(Self.year) { return CalendarDay(year: year, month: month, day: day).map { (3, $0) } }
            return nearest(month: month, day: day).map { (2, $0) }
        }
        if let day = Self.dayNumber(first) {
            let ofOffset = word(1) == "of" ? 1 : 0
            guard let month = word(1 + ofOffset).flatMap({ Self.months[$0] }) else { return nil }
            if let year = word(2 + ofOffset).flatMap(Self.year) {
                return CalendarDay(year: year, month: month, day: day).map { (3 + ofOffset, $0) }
            }
            return nearest(month: month, day: day).map { (2 + ofOffset, $0) }
        }
        return nil
    }

    /// `3`, `03`, `3rd`, `21st` → 1…31.
    private static func dayNumber(_ word: String) -> Int? {
        var digits = Substring(word)
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) {
            digits = digits.dropLast(2)
            break
        }
        guard (1...2).contains(digits.count), let value = Int(digits), (1...31).contains(value) else { return nil }
        return value
    }

    private static func year(_ word: String) -> Int? {
        guard word.count == 4, let value = Int(word), (1900...2999).contains(value) else { return nil }
        return value
    }

    /// The occurrence of month/day nearest to the reference (last, this or next year; ties go forward).
    private func nearest(month: Int, day: Int) -> CalendarDay? {
        let options = [0, 1, -1].compactMap { CalendarDay(year: reference.year + $0, month: month, day: day) }
        return options.min { abs($0.dayNumber - reference.dayNumber) < abs($1.dayNumber - reference.dayNumber) }
    }

    /// The occurrence of day-of-month `day` nearest to the reference (last, this or next month).
    private func nearest(day: Int) -> CalendarDay? {
        let options = [-1, 0, 1].compactMap { offset -> CalendarDay? in
            let months = reference.year * 12 + reference.month - 1 + offset
            return CalendarDay(year: months / 12, month: months % 12 + 1, day: day)
        }
        return options.min { abs($0.dayNumber - reference.dayNumber) < abs($1.dayNumber - reference.dayNumber) }
    }

    /// `2026-05-03`, `03/05`, `03/05/2026`, `3/5/26`, `03.05.2026`.
    private func numericDates(in text: EntityText, rank: Int) -> [EntityCandidate] {
        var found: [EntityCandidate] = []
        var index = 0
        while index < text.count {
            guard text.isDigit(at: index), text.boundaryBefore(index),
                  !(index > 0 && "/.-".unicodeScalars.contains(text.scalars[index - 1])),
                  let (end, day) = numericDate(at: index, in: text) else {
                index += 1
                continue
            }
            found.append(EntityCandidate(kind: .date, value: day.description, start: index, end: end, rank: rank))
            index = end
        }
        return found
    }

    private func numericDate(at start: Int, in text: EntityText) -> (Int, CalendarDay)? {
        var parts: [(value: Int, length: Int)] = []
        var separator: Unicode.Scalar? = nil
        var index = start
        while parts.count < 3 {
            let partStart = index
            while text.isDigit(at: index), index - partStart < 5 { index += 1 }
            guard index > partStart, index - partStart <= 4, let value = Int(text.digits(partStart, index)) else { return nil }
            parts.append((value, index - partStart))
            guard parts.count < 3, index + 1 < text.count, text.isDigit(at: index + 1) else { break }
            let next = text.scalars[index]
            guard "/.-".unicodeScalars.contains(next), separator == nil || separator == next else { break }
            separator = next
            index += 1
        }
        guard text.boundaryAfter(index), !(index + 1 < text.count && "/.-".unicodeScalars.contains(text.scalars[index]) && text.isDigit(at: index + 1)),
              let separator else { return nil }
        let lengths = parts.map(\.length)
        if separator == "-" {
            guard lengths == [4, 2, 2] else { return nil }
            return CalendarDay(year: parts[0].value, month: parts[1].value, day: parts[2].value).map { (index, $0) }
        }
        guard lengths.count >= 2, lengths[0] <= 2, lengths[1] <= 2 else { return nil }
        if separator == ".", lengths.count != 3 { return nil }  // 3.50 is a price, not a date
        var (day, month) = dayFirst ? (parts[0].value, parts[1].value) : (parts[1].value, parts[0].value)
        if month > 12 && day <= 12 { swap(&day, &month) }
        if lengths.count == 3 {
            guard lengths[2] == 2 || lengths[2] == 4 else { return nil }
            let year = lengths[2] == 2 ? 2000 + parts[2].value : parts[2].value
            return CalendarDay(year: year, month: month, day: day).map { (index, $0) }
        }
        return nearest(month: month, day: day).map { (index, $0) }
    }
}
