// Finds entities in a customer message with hand-written linear scanners, then resolves overlaps
// by a fixed precedence: e-mail, card number, tracking number, prefixed order number, amount, date, phone,
// bare 8-digit order number, product. Never throws or traps, whatever the input.
import FileFormats
import Foundation

/// Extracts order numbers, e-mails, phones, card numbers, amounts, dates, tracking numbers and products.
public struct EntityExtractor: Sendable {
    /// Whether `03/05` means 3 May (true, the default) or March 5.
    public var dayFirst: Bool
    private let productMatcher: ProductMatcher

    /// Creates an extractor that knows the given product names.
    public init(products: [String] = [], dayFirst: Bool = true) {
        self.dayFirst = dayFirst
        self.productMatcher = ProductMatcher(products: products)
    }

    /// Creates an extractor for a domain's lists.
    public init(domain: DomainLists, dayFirst: Bool = true) {
        self.init(products: domain.products, dayFirst: dayFirst)
    }

    /// The entities in `text`, in text order, none overlapping.
    ///
    /// - Parameters:
    ///   - reference: the moment relative dates ("tomorrow", "next Monday") count from.
    ///   - timeZone: the zone in which `reference` is turned into a calendar day.
    public func entities(in text: String, reference: Date = Date(), timeZone: TimeZone = .current) -> [Entity] {
        entities(in: text, today: CalendarDay(reference, in: timeZone))
    }

    /// The entities in `text`, with relative dates resolved against the calendar day `today`.
    public func entities(in text: String, today: CalendarDay) -> [Entity] {
        guard !text.isEmpty else { return [] }
        let prepared = EntityText(text)
        var candidates: [EntityCandidate] = []
        candidates += ContactScanner.emails(in: prepared, rank: 0)
        candidates += CardNumberScanner.cards(in: prepared, rank: 1)
        candidates += OrderNumberScanner.trackingNumbers(in: prepared, rank: 2)
        candidates += OrderNumberScanner.prefixedOrders(in: prepared, rank: 3)
        candidates += AmountScanner.amounts(in: prepared, rank: 4)
        candidates += DateScanner(reference: today, dayFirst: dayFirst).dates(in: prepared, rank: 5)
        candidates += ContactScanner.phones(in: prepared, rank: 6)
        candidates += OrderNumberScanner.bareOrders(in: prepared, rank: 7)
        candidates += productMatcher.products(in: prepared, rank: 8)
        return resolve(candidates, in: prepared, text: text)
    }

    /// Keeps the best candidate of each overlapping set: lower rank, then longer, then earlier.
    private func resolve(_ candidates: [EntityCandidate], in prepared: EntityText, text: String) -> [Entity] {
        let ordered = candidates.sorted {
            ($0.rank, $1.end - $1.start, $0.start) < ($1.rank, $0.end - $0.start, $1.start)
        }
        var taken: [EntityCandidate] = []
        var occupied = [Bool](repeating: false, count: prepared.count)
        for candidate in ordered where !occupied[candidate.start..<candidate.end].contains(true) {
            taken.append(candidate)
            for index in candidate.start..<candidate.end { occupied[index] = true }
        }
        return taken.sorted { $0.start < $1.start }.map { candidate in
            let range = prepared.indices[candidate.start]..<prepared.indices[candidate.end]
            return Entity(kind: candidate.kind, value: candidate.value, text: String(text.unicodeScalars[range]),
                          range: range, scalarOffsets: candidate.start..<candidate.end)
        }
    }
}
