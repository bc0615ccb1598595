// Tests of CalendarDay: validity, day arithmetic across months and years, weekdays.
import Dialogue
import Foundation
import Testing

@Test func invalidDaysAreRejected() {
    #expect(CalendarDay(year: 2026, month: 2, day: 29) == nil)
    #expect(CalendarDay(year: 2024, month: 2, day: 29) != nil)
    #expect(CalendarDay(year: 1900, month: 2, day: 29) == nil)
    #expect(CalendarDay(year: 2000, month: 2, day: 29) != nil)
    #expect(CalendarDay(year: 2026, month: 4, day: 31) == nil)
    #expect(CalendarDay(year: 2026, month: 13, day: 1) == nil)
    #expect(CalendarDay(year: 2026, month: 1, day: 0) == nil)
}

@Test func addingDaysCrossesMonthsAndYearsAndWeekdaysAreISO() throws {
    let day = try #require(CalendarDay(year: 2026, month: 12, day: 30))
    #expect(day.adding(days: 3).description == "2027-01-02")
    #expect(day.adding(days: -365).description == "2025-12-30")
    #expect(try #require(CalendarDay(year: 2024, month: 2, day: 28)).adding(days: 1).description == "2024-02-29")
    #expect(try #require(CalendarDay(year: 1970, month: 1, day: 1)).weekday == 4)
    #expect(try #require(CalendarDay(year: 2026, month: 3, day: 2)).weekday == 1)
    #expect(try #require(CalendarDay(year: 2026, month: 11, day: 24)).weekday == 2)
    #expect(try #require(CalendarDay(year: 1969, month: 12, day: 31)).weekday == 3)
    #expect(CalendarDay(Date(timeIntervalSince1970: 1_772_442_840), in: TimeZone(identifier: "UTC")!).description == "2026-03-02")
    for offset in stride(from: -719_162, through: 2_900_000, by: 7919) {
        let base = CalendarDay(dayNumber: offset)
        #expect(base.dayNumber == offset)
        #expect(CalendarDay(year: base.year, month: base.month, day: base.day) == base)
    }
}
