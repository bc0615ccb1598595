// The shop's fixed reply placeholders (`{shop_name}`, `{shop_phone}`…): which names exist and
// the values this shop's profile in `_entities.yaml` gives them.

extension DomainLists {
    /// The names of every fixed placeholder, whether or not a shop's profile fills it.
    public static let shopPlaceholderNames: Set<String> = [
        "shop_name", "shop_email", "shop_phone", "shop_address", "support_hours", "store_hours",
    ]

    /// The fixed placeholders this shop's profile fills, by name (empty values left out).
    public var shopPlaceholderValues: [String: String] {
        guard let shop else { return [:] }
        let pairs = [("shop_name", shop.name), ("shop_email", shop.email), ("shop_phone", shop.phone),
                     ("shop_address", shop.storeAddress),
                     ("support_hours", shop.openingHours["customer_service"] ?? ""),
                     ("store_hours", shop.openingHours["flagship_store"] ?? "")]
        var values: [String: String] = [:]
        for (key, value) in pairs where !value.isEmpty { values[key] = value }
        return values
    }
}
