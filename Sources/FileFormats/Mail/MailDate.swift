// The Date header (RFC 5322 section 3.3, with the obsolete forms mail still carries: no
// weekday, no seconds, two-digit years, zone names such as GMT or EST, a comment like `(UTC)`).
import Foundation

/// Parses mail dates.
package enum MailDate {
    /// The moment `header` names, or nil when it is not a date (a bad date is not worth an error).
    package static func parse(_ header: String) -> Date? {
        var text = Substring(header)
        if let comment = text.firstIndex(of: "(") { text = text[..<comment] }
        if let comma = text.firstIndex(of: ",") { text = text[text.index(after: comma)...] }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count >= 4, let day = Int(words[0]), (1...31).contains(day),
              let month = months.firstIndex(of: words[1].prefix(3).lowercased()),
              var year = Int(words[2]), year >= 0 else { return nil }
        if year < 50 { year += 2000 } else if year < 1000 { year += 1900 }
        guard year <= 9999 else { return nil }
        let clock = words[3].split(separator: ":").map { Int($0) }
        guard clock.count == 2 || clock.count == 3, let hour = clock[0], let minute = clock[1],
              (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        let second = clock.count == 3 ? clock[2] : 0
        guard let second, (0...60).contains(second) else { return nil }
        let offset = words.count > 4 ? zoneOffset(words[4]) : 0
        guard let offset else { return nil }
        let days = daysSince1970(year: year, month: month + 1, day: day)
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// Days from 1970-01-01 to the given day of the proleptic Gregorian calendar (H. Hinnant's
    /// `days_from_civil`; no Calendar object, which costs more than the rest of the parse).
    private static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Seconds east of UTC for `+0100`, `-0500` or an obsolete zone name.
    private static func zoneOffset(_ zone: Substring) -> Int? {
        if let sign = zone.first, sign == "+" || sign == "-", zone.count == 5, let value = Int(zone.dropFirst()) {
            let seconds = (value / 100) * 3600 + (value % 100) * 60
            return sign == "-" ? -seconds : seconds
        }
        // Unknown zone names mean "-0000" (RFC 5322 4.3): the time is read as UTC.
        return zoneNames[zone.uppercased()] ?? (zone.allSatisfy(\.isLetter) ? 0 : nil)
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static let zoneNames: [String: Int] = [
        "UT": 0, "UTC": 0, "GMT": 0, "Z": 0,
        "EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
        "MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600,
    ]
}
